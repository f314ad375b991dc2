#!/usr/bin/env python3
"""SemEval-2013 Task 7 XML (semeval-3way.zip of github.com/myrosia/semeval-2013-task7) to `quiz evaluate` lines.

    python3 eval/semeval-to-jsonl.py DIR_2WAY DIR_3WAY OUT.jsonl
e.g. test/2way/sciEntsBank/test-unseen-domains test/3way/sciEntsBank/test-unseen-domains. The fields are those of
scientsbank-train.jsonl; model_answer is the first reference answer marked BEST (Beetle), else the first one
(SciEntsBank has one). Text unchanged except whitespace folding. Licence: CC BY-SA 3.0 (README.md).
"""
import json, os, re, sys
import xml.etree.ElementTree as ET

def fold(text):
    return re.sub(r"\s+", " ", text or "").strip()

def main(dir_2way, dir_3way, out):
    with open(out, "w", encoding="utf-8") as lines:
        for name in sorted(os.listdir(dir_2way)):
            question = ET.parse(os.path.join(dir_2way, name)).getroot()
            three_way = {a.get("id"): a.get("accuracy") for a in ET.parse(os.path.join(dir_3way, name)).getroot().iter("studentAnswer")}
            references = list(question.iter("referenceAnswer"))
            best = [r for r in references if r.get("category") == "BEST"] or references
            for answer in question.iter("studentAnswer"):
                lines.write(json.dumps({
                    "id": answer.get("id"), "question_id": question.get("id"), "question": fold(question.findtext("questionText")),
                    "model_answer": fold(best[0].text), "reference_answers": [fold(r.text) for r in references],
                    "response": fold(answer.text), "label_5way": None, "label_3way": three_way.get(answer.get("id")),
                    "label_2way": answer.get("accuracy")}) + "\n")

if __name__ == "__main__":
    main(*sys.argv[1:4])
