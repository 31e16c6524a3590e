#!/usr/bin/env bash
# What the live dashboard costs the pipeline, side by side. Replays the same corpus (COPIES copies of
# the seed folder) on one data folder, after one warm-up run, alternating ROUNDS times:
#   without: no dashboard and no extraction-health watcher (alerts.enabled=false);
#   with:    --ui, while a loop fetches the pipeline, outlets and articles JSON every 2 s, as an open
#            page does.
# Prints each run's wall time and the process's CPU time (user+sys), then the medians; and, from the
# log, the CPU the dashboard's own threads used as a share of the process's (the steadiest figure on
# a shared machine, where wall and CPU times of whole runs swing by tens of percent). Build first: ./mvnw -q -B -pl cli -am package -DskipTests
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

# prints "WALL CPU": the summary's time taken, and the JVM's user+sys seconds
replay() {
  local start end cpu wall
  TIMEFORMAT='%U %S'
  { time java -cp "$here/cli/target/newsflow.jar:$here/cli/target/lib/*" io.newsflow.cli.Newsflow \
      replay "$work/corpus" --out "$work/out" --data-dir "$work/data" -q "$@" </dev/null \
      >"$work/summary.txt"; } 2>"$work/time.txt"
  wall=$(awk '/time taken/ { t = $3; if (t ~ /m/) { split(t, a, "m"); t = a[1] * 60 + a[2] } sub("s", "", t); print t }' "$work/summary.txt")
  cpu=$(tail -1 "$work/time.txt" | awk '{ print $1 + $2 }')
  echo "$wall $cpu"
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
wall_a=(); cpu_a=(); wall_b=(); cpu_b=()
for r in $(seq 1 "$rounds"); do
  read -r wa ca < <(NEWSFLOW_ALERTS_ENABLED=false replay)
  poll & poller=$!
  read -r wb cb < <(replay --ui --ui-port "$port")
  kill "$poller"; wait "$poller" 2>/dev/null || true; poller=""
  wall_a+=("$wa"); cpu_a+=("$ca"); wall_b+=("$wb"); cpu_b+=("$cb")
  printf 'round %d: without dashboard %6.1f s wall %6.1f s CPU   with dashboard %6.1f s wall %6.1f s CPU\n' \
    "$r" "$wa" "$ca" "$wb" "$cb"
done
mwa=$(printf '%s\n' "${wall_a[@]}" | median); mca=$(printf '%s\n' "${cpu_a[@]}" | median)
mwb=$(printf '%s\n' "${wall_b[@]}" | median); mcb=$(printf '%s\n' "${cpu_b[@]}" | median)
awk -v wa="$mwa" -v wb="$mwb" -v ca="$mca" -v cb="$mcb" -v n="$articles" 'BEGIN {
  printf "median wall: without %.1f s (%.0f articles/s), with %.1f s (%.0f articles/s): %+.1f%%\n", wa, n / wa, wb, n / wb, (wb - wa) / wa * 100
  printf "median CPU:  without %.1f s, with %.1f s: %+.1f%%\n", ca, cb, (cb - ca) / ca * 100 }'
echo "the dashboard's threads, per run with it (from $work/data/logs/newsflow.log):"
{ for f in "$work"/data/logs/newsflow-*.log.gz; do [ -f "$f" ] && zcat "$f"; done; cat "$work/data/logs/newsflow.log"; } \
  | grep -o 'dashboard CPU .*' | sed 's/^/  /'
