#!/usr/bin/env bash
# The README's first command (`newsflow replay ../shared/seeds --out out/`), side by side: its
# "time taken" on a warm data folder and on a fresh one, for this checkout's launcher and another's.
#
# Arms, in turn within each round (reversed every other round, so that a drift of the machine's
# load hits every arm alike):
#   after:         ./newsflow of this checkout, as a user runs it (its JVM options included);
#   after-plain:   the same build with NEWSFLOW_CDS=off (no class-data archive, no C1-only JIT);
#   before:        ./newsflow of the checkout in BEFORE (another build of the project);
#   after-fresh, before-fresh: as after and before, on a data folder made new for the run (the
#                  broker formats its storage and creates its topics, the Streams group is new).
# Warm arms get one unmeasured run first. Each launcher must have built its jar (and written its
# archive) before: run `./newsflow --version` in each checkout once.
#
# Usage: BEFORE=/path/to/other/checkout bench/scripts/seeds-startup.sh [ROUNDS=5] [ARMS="..."]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-5}"
read -r -a arms <<<"${2:-after after-plain before after-fresh before-fresh}"
seeds="$here/../shared/seeds"
work="$(mktemp -d /tmp/newsflow-seeds-startup.XXXXXX)"
trap 'rm -rf "$work"' EXIT

launcher() {
  case "$1" in
    before*) echo "${BEFORE:?set BEFORE to the other checkout}/newsflow" ;;
    *) echo "$here/newsflow" ;;
  esac
}

run() { # arm data-folder -> seconds of "time taken"
  local env=()
  [ "$1" = after-plain ] && env=(NEWSFLOW_CDS=off)
  env "${env[@]}" "$(launcher "$1")" replay "$seeds" --out "$work/out-$1" --data-dir "$2" -q \
    | awk '/time taken/ { sub(/s$/, "", $3); print $3 }'
}

for arm in "${arms[@]}"; do
  case "$arm" in *-fresh) ;; *) run "$arm" "$work/data-$arm" >/dev/null ;; esac
done

declare -A times
for round in $(seq 1 "$rounds"); do
  order=("${arms[@]}")
  if [ $((round % 2)) -eq 0 ]; then
    order=()
    for ((i = ${#arms[@]} - 1; i >= 0; i--)); do order+=("${arms[i]}"); done
  fi
  for arm in "${order[@]}"; do
    data="$work/data-$arm"
    case "$arm" in *-fresh) rm -rf "$data" ;; esac
    t="$(run "$arm" "$data")"
    times[$arm]="${times[$arm]:-} $t"
    echo "round $round  $arm  ${t}s"
  done
done

echo
echo "arm            time taken, each run            median"
for arm in "${arms[@]}"; do
  # shellcheck disable=SC2086
  median="$(printf '%s\n' ${times[$arm]} | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }')"
  printf '%-14s %-32s %ss\n' "$arm" "${times[$arm]}" "$median"
done
