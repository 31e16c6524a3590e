#!/usr/bin/env bash
# What the live dashboard costs the pipeline, side by side. Replays the same corpus (COPIES copies of
# the seed folder) on one data folder, after one warm-up run, alternating ROUNDS times:
#   without: no dashboard and no extraction-health watcher (alerts.enabled=false);
#   with:    --ui, while a loop fetches the pipeline, outlets and articles JSON every 2 s, as an open
#            page does.
# Prints, for each run, the pipeline's throughput (articles from the first ingested to the last sunk,
# as the replay logs it: start-up, shutdown and the dashboard's final catch-up left out), the run's
# wall time and the process's CPU time (user+sys); then the medians of each and the change with the
# dashboard; and, from the log, the CPU the dashboard's own threads used as a share of the process's
# (the steadiest figure on a shared machine, where whole runs swing by tens of percent).
# Build first: ./mvnw -q -B -pl cli -am package -DskipTests
# Usage: bench/scripts/dashboard-overhead.sh [COPIES=900] [ROUNDS=3]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
copies="${1:-900}"
rounds="${2:-3}"
port=18643
seeds="$here/../shared/seeds"
work="$(mktemp -d /tmp/newsflow-ui-overhead.XXXXXX)"
poller=""
trap '[ -n "$poller" ] && kill "$poller" 2>/dev/null; rm -rf "$work"' EXIT
for i in $(seq 1 "$copies"); do
  mkdir -p "$work/corpus/c$i"
  cp "$seeds"/*.txt "$work/corpus/c$i/"
done
articles=$(find "$work/corpus" -name '*.txt' | wc -l)

log_lines() { # every line the runs have logged, rolled files included
  { for f in "$work"/data/logs/newsflow-*.log.gz; do [ -f "$f" ] && zcat "$f"; done
    [ -f "$work/data/logs/newsflow.log" ] && cat "$work/data/logs/newsflow.log"; } || true
}

# prints "WALL CPU RATE": the summary's time taken, the JVM's user+sys seconds, and the pipeline's
# articles per second from the replay's log line
replay() {
  local start end cpu wall rate
  TIMEFORMAT='%U %S'
  { time java -cp "$here/cli/target/newsflow.jar:$here/cli/target/lib/*" io.newsflow.cli.Newsflow \
      replay "$work/corpus" --out "$work/out" --data-dir "$work/data" -q "$@" </dev/null \
      >"$work/summary.txt"; } 2>"$work/time.txt"
  wall=$(awk '/time taken/ { t = $3; if (t ~ /m/) { split(t, a, "m"); t = a[1] * 60 + a[2] } sub("s", "", t); print t }' "$work/summary.txt")
  cpu=$(tail -1 "$work/time.txt" | awk '{ print $1 + $2 }')
  rate=$(log_lines | grep 'replay pipeline:' | tail -1 \
    | sed -E 's/.*replay pipeline: ([0-9]+) articles in ([0-9]+) ms.*/\1 \2/' | awk '{ print $1 / ($2 / 1000) }')
  echo "$wall $cpu $rate"
}

poll() { # what an open dashboard page fetches
  while true; do
    for api in pipeline outlets 'articles?limit=50'; do
      curl -s -o /dev/null "http://127.0.0.1:$port/api/$api" || true
    done
    sleep 2
  done
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "corpus: $articles articles; warm-up run..."
NEWSFLOW_ALERTS_ENABLED=false replay >/dev/null
wall_a=(); cpu_a=(); rate_a=(); wall_b=(); cpu_b=(); rate_b=()
for r in $(seq 1 "$rounds"); do
  read -r wa ca ra < <(NEWSFLOW_ALERTS_ENABLED=false replay)
  poll & poller=$!
  read -r wb cb rb < <(replay --ui --ui-port "$port")
  kill "$poller"; wait "$poller" 2>/dev/null || true; poller=""
  wall_a+=("$wa"); cpu_a+=("$ca"); rate_a+=("$ra"); wall_b+=("$wb"); cpu_b+=("$cb"); rate_b+=("$rb")
  printf 'round %d: without dashboard %5.0f articles/s %6.1f s wall %6.1f s CPU   with %5.0f articles/s %6.1f s wall %6.1f s CPU\n' \
    "$r" "$ra" "$wa" "$ca" "$rb" "$wb" "$cb"
done
mwa=$(printf '%s\n' "${wall_a[@]}" | median); mca=$(printf '%s\n' "${cpu_a[@]}" | median)
mwb=$(printf '%s\n' "${wall_b[@]}" | median); mcb=$(printf '%s\n' "${cpu_b[@]}" | median)
mra=$(printf '%s\n' "${rate_a[@]}" | median); mrb=$(printf '%s\n' "${rate_b[@]}" | median)
awk -v wa="$mwa" -v wb="$mwb" -v ca="$mca" -v cb="$mcb" -v ra="$mra" -v rb="$mrb" 'BEGIN {
  printf "median pipeline throughput: without %.0f articles/s, with %.0f articles/s: %+.1f%%\n", ra, rb, (rb - ra) / ra * 100
  printf "median wall: without %.1f s, with %.1f s: %+.1f%%\n", wa, wb, (wb - wa) / wa * 100
  printf "median CPU:  without %.1f s, with %.1f s: %+.1f%%\n", ca, cb, (cb - ca) / ca * 100 }'
echo "the dashboard's threads, per run with it (from $work/data/logs/newsflow.log):"
log_lines | grep -o 'dashboard CPU .*' | sed 's/^/  /'
log_lines | grep -o 'dashboard CPU [0-9].*' | sed -E 's/[^(]*\(([0-9.]+)%\).*/\1/' | median \
  | awk '{ printf "median share of the process CPU used by the dashboard threads: %.2f%%\n", $1 }'
log_lines | grep -o 'dashboard CPU after .*' | sed -E 's/[^(]*\(([0-9.]+)%\).*/\1/' | median \
  | awk '{ printf "  the same once its history was read back (following the pipeline): %.2f%%\n", $1 }'
log_lines | grep -o 'dashboard reader .*' | sed 's/^/  /'
