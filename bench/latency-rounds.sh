#!/usr/bin/env bash
# Side-by-side latency rounds from news.raw to a sink row at a steady rate: a cold JVM (10 s of
# warm-up, still JIT-compiling) and a warm one (120 s), interleaved so both meet the same machine.
# Prints each round's summary line, then the median p50/p99 of each kind.
#
#   bench/latency-rounds.sh [rounds=3] [postgres|jsonl] [rate=100] [seconds=30]
#
# Needs the bench classpath: see docs/sinks.md ("Build once").
set -euo pipefail
rounds=${1:-3}
sink=${2:-postgres}
rate=${3:-100}
seconds=${4:-30}
cd "$(dirname "$0")/.."
[[ -f /tmp/bench.cp ]] || { echo "build the bench classpath first (docs/sinks.md)" >&2; exit 2; }
cp="bench/target/classes:$(cat /tmp/bench.cp)"
log=$(mktemp)
for r in $(seq 1 "$rounds"); do
  for warm in 10 120; do
    line=$(java -Xmx2g -cp "$cp" io.newsflow.bench.sink.SinkLatencyBench ../shared/seeds "$sink" "$rate" "$seconds" "$warm" raw 2>/dev/null \
      | grep -E '^news.raw' || echo "news.raw -> $sink FAILED")
    echo "round $r warm-up ${warm}s: $line" | tee -a "$log"
  done
done
for warm in 10 120; do
  grep "warm-up ${warm}s" "$log" | sed -E 's/.*p50 ([0-9]+) ms.*p99 ([0-9]+) ms.*/\1 \2/' | sort -n -k2 \
    | awk -v w="$warm" '{p50[NR]=$1; p99[NR]=$2} END {m=int((NR+1)/2); if (NR) printf "warm-up %ss: median p99 %d ms (p50 of that round %d ms) over %d rounds\n", w, p99[m], p50[m], NR}'
done
