#!/usr/bin/env bash
# Scores the tagger on every labeled set, dev/training figures and validation figures apart
# (docs/tagging.md). Usage, from the project root: bash bench/tag-eval.sh [TAXONOMY.json]
# Needs python3 (for ../shared/bench/tagging/score.py) and the enrich classes built.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${TAG_EVAL_OUT:-/tmp/newsflow-tag-eval}
mkdir -p "$out"
if [ ! -s "$out/enrich.cp" ] || [ ! -d enrich/target/classes ]; then
  flock /tmp/newsflow-mvn.lock mvn -q -B -o compile dependency:build-classpath \
    -Dmdep.outputFile="$out/enrich.cp" -pl enrich -am >/dev/null
fi
cp="$(cat "$out/enrich.cp"):enrich/target/classes:schemas/target/classes"
shared=../shared/bench
# the splits: TagData.validation (CRC32 of the id mod 10 < 3 is validation)
python3 - "$shared" "$out" <<'PY'
import json, sys, zlib
shared, out = sys.argv[1], sys.argv[2]
def val(i): return zlib.crc32(i.encode()) % 10 < 3
def write(name, rows):
    with open(f"{out}/{name}.jsonl", "w", encoding="utf-8") as f:
        for r in rows: f.write(json.dumps(r, ensure_ascii=False) + "\n")
dev = [json.loads(l) for l in open(f"{shared}/tagging/dev.jsonl", encoding="utf-8")]
write("dev-train", [r for r in dev if not val(r["id"])])
write("dev-val", [r for r in dev if val(r["id"])])
labels = {}
for l in open("enrich/src/test/resources/tag/wcxb-labels.jsonl", encoding="utf-8"):
    r = json.loads(l); labels[r["id"]] = r["labels"]
gt = json.load(open(f"{shared}/extraction/wcxb-dev/ground-truth.json", encoding="utf-8"))
rows = []
for k in sorted(gt):
    body = gt[k].get("articleBody") or ""
    if body.strip():
        i = "wcxb-" + k
        rows.append({"id": i, "title": gt[k].get("title") or "", "text": body, "labels": labels.get(i, [])})
write("wcxb-train", [r for r in rows if not val(r["id"])])
write("wcxb-val", [r for r in rows if val(r["id"])])
PY
score() { # name gold
  java -cp "$cp" io.newsflow.enrich.tag.JsonlTagging "$2" ${TAXONOMY:+"$TAXONOMY"} > "$out/$1-pred.jsonl"
  echo; echo "### $1"
  python3 "$shared/tagging/score.py" --gold "$2" --pred "$out/$1-pred.jsonl" --by-lang --no-text \
    --json "$out/$1-score.json" | sed -n '1,/^ERRORS/p' | grep -v '^ERRORS'
}
TAXONOMY=${1:-}
echo "## training data (the models were fitted on these; real-dev also chose the thresholds)"
score real-dev "$shared/tagging/real-dev.jsonl"
score dev-train "$out/dev-train.jsonl"
score wcxb-train "$out/wcxb-train.jsonl"
if [ -n "${TAG_EVAL_TRAIN_ONLY:-}" ]; then exit 0; fi
echo; echo "## validation (never used to fit, choose or tune anything)"
score dev-val "$out/dev-val.jsonl"
score wcxb-val "$out/wcxb-val.jsonl"
score heldout8 enrich/src/test/resources/tag/heldout8.jsonl
score dev-all "$shared/tagging/dev.jsonl" >/dev/null
