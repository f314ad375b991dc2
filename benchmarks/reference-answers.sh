#!/usr/bin/env bash
# Measures what reference answers given beside the model answer add (docs/grading.md, "Reference answers").
# The dev set has one reference answer per question, the model answer itself, so K correct responses of each
# question are moved into its reference_answers and left out of the measure; the same remaining lines are
# graded once without them. Usage: benchmarks/reference-answers.sh [K] [extra quiz evaluate options, e.g. --marks 5]
set -euo pipefail
cd "$(dirname "$0")/.."
k=${1:-1}; shift || true
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
python3 - "$k" "$work" <<'PY'
import collections, json, sys
k, work = int(sys.argv[1]), sys.argv[2]
questions = collections.defaultdict(list)
for line in open("eval/scientsbank-train.jsonl"):
    row = json.loads(line)
    questions[row["question_id"]].append(row)
with open(f"{work}/without.jsonl", "w") as without, open(f"{work}/with.jsonl", "w") as with_:
    for rows in questions.values():
        correct = [r for r in rows if r["label_2way"] == "correct"]
        moved = correct[:k] if len(correct) > k else []
        for row in rows:
            if row in moved: continue
            without.write(json.dumps(row) + "\n")
            with_.write(json.dumps(dict(row, reference_answers=[row["model_answer"]] + [m["response"] for m in moved])) + "\n")
PY
dotnet build -c Release src/QuizPlatform.Cli -v quiet -nologo > /dev/null
for set in without with; do
  echo "== $set $k moved reference answer(s) per question"
  dotnet src/QuizPlatform.Cli/bin/Release/net10.0/quiz.dll evaluate --input "$work/$set.jsonl" --top 0 "$@" | sed -n '1,4p'
done
