#!/usr/bin/env bash
# What the live dashboard and the extraction-health alerts cost the pipeline, side by side, measured
# so that the noise of a shared machine stays below the 2% target.
#
# It replays the same corpus (COPIES copies of the seed folder) on one data folder, after one
# warm-up run, ROUNDS times in each of these arms, the arms in turn within a round (reversed every
# other round, so a drift of the machine's load hits every arm alike):
#   off:    no dashboard and no extraction-health watcher (alerts.enabled=false);
#   alerts: the default: no page served, the outlets' extraction health watched for alerts;
#   ui:     --ui while a loop fetches the pipeline, outlets and articles JSON every 2 s, as an open
#           page does;
#   before: the default settings on another build (BEFORE_JAR_DIR), to compare two versions; a
#           build without the replay's window line gives its whole-run CPU only.
# The measure is the process's CPU time per article (all threads: the pipeline, the in-process
# broker, the GC, the JIT, the dashboard), read from the OS by the replay over its window: from the
# first article ingested to the last one sunk and, when a watcher runs, read by it too. On a
# machine whose cores are all busy, CPU per article is the inverse of throughput, and unlike wall
# time it does not move when other processes take the cores. Each round gives each arm's change
# against "off" in the same round; the script prints the median and the interquartile range of
# those changes, and the same for wall time per article beside it.
#
# Build first: ./mvnw -q -B -o -pl cli -am package -DskipTests
# Usage: bench/scripts/dashboard-overhead.sh [COPIES=400] [ROUNDS=8] [ARMS="off alerts ui"]
#   JAR_DIR=dir         runs the newsflow.jar and lib/ found there (default: cli/target)
#   BEFORE_JAR_DIR=dir  the build the "before" arm runs
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
copies="${1:-400}"
rounds="${2:-8}"
read -r -a arms <<<"${3:-off alerts ui}"
jar_dir="${JAR_DIR:-$here/cli/target}"
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

# prints "CPU_MS_PER_ARTICLE WALL_MS_PER_ARTICLE RUN_CPU_S DASHBOARD_THREADS_CPU_S" for one replay
replay() {
  local jar_dir="${RUN_JAR_DIR:-$jar_dir}"
  rm -f "$work/data/logs/newsflow.log"
  TIMEFORMAT='%U %S'
  { time java -cp "$jar_dir/newsflow.jar:$jar_dir/lib/*" io.newsflow.cli.Newsflow \
      replay "$work/corpus" --out "$work/out" --data-dir "$work/data" -q "$@" </dev/null \
      >"$work/summary.txt"; } 2>"$work/time.txt"
  local run_cpu window threads
  run_cpu=$(tail -1 "$work/time.txt" | awk '{ print $1 + $2 }')
  window=$(grep -o 'replay window: .*' "$work/data/logs/newsflow.log" | tail -1 \
    | sed -E 's/replay window: ([0-9]+) articles, ([0-9]+) ms wall, ([0-9]+) ms process CPU.*/\1 \2 \3/' || true)
  threads=$(grep -o 'dashboard CPU [0-9.]* s of' "$work/data/logs/newsflow.log" | tail -1 | awk '{ print $3 }' || true)
  grep -o 'dashboard reader (.*' "$work/data/logs/newsflow.log" >>"$work/readers.txt" || true
  [ -n "$window" ] || window="1 0 0"
  echo "$window" | awk -v run="$run_cpu" -v th="${threads:-0}" \
    '{ printf "%.4f %.4f %.2f %.2f\n", $3 / $1, $2 / $1, run, th }'
}

poll() { # what an open dashboard page fetches
  while true; do
    for api in pipeline outlets 'articles?limit=50'; do
      curl -s -o /dev/null "http://127.0.0.1:$port/api/$api" || true
    done
    sleep 2
  done
}

run_arm() {
  case "$1" in
    off) NEWSFLOW_ALERTS_ENABLED=false replay ;;
    alerts) replay ;;
    before) RUN_JAR_DIR="${BEFORE_JAR_DIR:?set BEFORE_JAR_DIR for the before arm}" replay ;;
    ui)
      poll &
      poller=$!
      replay --ui --ui-port "$port"
      kill "$poller"
      wait "$poller" 2>/dev/null || true
      poller=""
      ;;
    *) echo "unknown arm $1 (off, alerts, ui)" >&2; exit 2 ;;
  esac
}

# median and quartiles of the numbers on stdin: "MEDIAN Q1 Q3"
stats() {
  sort -g | awk '{ v[NR] = $1 }
    function q(p,   h, l) { h = 1 + (NR - 1) * p; l = int(h); return v[l] + (h - l) * (v[l + 1 < NR ? l + 1 : NR] - v[l]) }
    END { if (NR == 0) { print "n/a"; exit } printf "%.4f %.4f %.4f\n", q(0.5), q(0.25), q(0.75) }'
}

echo "corpus: $articles articles; jar: $jar_dir; arms: ${arms[*]}; $rounds rounds; warm-up run..."
NEWSFLOW_ALERTS_ENABLED=false replay >/dev/null
: >"$work/rounds.txt"
for r in $(seq 1 "$rounds"); do
  order=("${arms[@]}")
  if ((r % 2 == 0)); then
    order=()
    for ((i = ${#arms[@]} - 1; i >= 0; i--)); do order+=("${arms[i]}"); done
  fi
  line="round $r:"
  for arm in "${order[@]}"; do
    read -r cpu wall run th < <(run_arm "$arm")
    echo "$r $arm $cpu $wall $run $th" >>"$work/rounds.txt"
    line="$line  $arm $cpu ms CPU/article, $wall ms wall/article (run $run s CPU, dashboard threads $th s)"
  done
  echo "$line"
done

# "median [q1, q3]", or n/a for a build that does not log the window
triple='$1 == 0 || NF < 3 { printf "n/a"; next } { printf "%.3f [%.3f, %.3f]", $1, $2, $3 }'
echo
echo "per arm, medians over $rounds rounds (CPU and wall per article in the replay's window; whole-run CPU):"
for arm in "${arms[@]}"; do
  c=$(awk -v a="$arm" '$2 == a { print $3 }' "$work/rounds.txt" | stats)
  w=$(awk -v a="$arm" '$2 == a { print $4 }' "$work/rounds.txt" | stats)
  run=$(awk -v a="$arm" '$2 == a { print $5 }' "$work/rounds.txt" | stats)
  printf '  %-7s CPU %s ms/article   wall %s ms/article   run CPU %s s   (median, then quartiles)\n' \
    "$arm" "$(echo "$c" | awk "$triple")" "$(echo "$w" | awk "$triple")" \
    "$(echo "$run" | awk '{ printf "%.1f", $1 }')"
done
if [[ " ${arms[*]} " == *" off "* ]]; then
  echo "change against 'off' in the same round: median [interquartile range] over $rounds rounds"
  for arm in "${arms[@]}"; do
    [ "$arm" = off ] && continue
    for col in 3 4 5; do
      awk -v a="$arm" -v c="$col" '$2 == "off" { off[$1] = $c } $2 == a { x[$1] = $c }
        END { for (r in x) if (r in off && off[r] > 0 && x[r] > 0) print (x[r] - off[r]) / off[r] * 100 }' \
        "$work/rounds.txt" | stats >"$work/d$col.txt"
    done
    printf '  %-7s CPU per article %s   wall per article %s   whole-run CPU %s\n' "$arm" \
      "$(awk 'NF < 3 || $0 ~ /nan/ { printf "n/a"; next } { printf "%+.2f%% [%+.2f, %+.2f]", $1, $2, $3 }' "$work/d3.txt")" \
      "$(awk 'NF < 3 || $0 ~ /nan/ { printf "n/a"; next } { printf "%+.2f%% [%+.2f, %+.2f]", $1, $2, $3 }' "$work/d4.txt")" \
      "$(awk '{ printf "%+.2f%% [%+.2f, %+.2f]", $1, $2, $3 }' "$work/d5.txt")"
  done
fi
echo "the dashboard's reader, per run with a watcher:"
sed 's/^/  /' "$work/readers.txt"
