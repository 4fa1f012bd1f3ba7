#!/usr/bin/env python3
"""The precision of each extraction step (the export's found_by) against a gold folder of quotes.

usage: step_precision.py --export X.jsonl --gold ../shared/eval/dev/news-quotes [--tsv OUT]

A statement is right when it matches a gold quotation of its document (any kind, the scorer's text
match) and its speaker is the gold's. Run on the development news set to refresh
demarche-nlp/src/main/resources/org/demarche/nlp/step-confidence.tsv (--tsv writes it).
The gold lists the attributions its converter could resolve, so reported-speech steps read low.
"""
import argparse
import json
import os
import sys
from collections import defaultdict

ap = argparse.ArgumentParser()
ap.add_argument("--export", required=True)
ap.add_argument("--gold", required=True)
ap.add_argument("--tsv")
a = ap.parse_args()
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(a.gold)), "..", ".."))
sys.path.insert(0, os.path.join(os.path.abspath(a.gold), "..", ".."))
from score import Export, read_jsonl, text_match, same_actor  # noqa: E402  (../shared/eval/score.py)

ex = Export(read_jsonl(a.export))
gold = read_jsonl(os.path.join(a.gold, "quotes.jsonl"))
docs = {g["doc"] for g in gold}
by_doc = defaultdict(list)
for g in gold:
    by_doc[g["doc"]].append(g)
right = defaultdict(int)
total = defaultdict(int)
for s in ex.statements:
    f = ex.file_of(s)
    if f not in docs:
        continue
    step = s.get("found_by") or "none"
    total[step] += 1
    if any(text_match(g["quote"], s.get("text")) and same_actor(ex.names(s.get("speaker")), g["speaker"])
           for g in by_doc[f]):
        right[step] += 1
rows = []
for step in sorted(total, key=lambda k: -total[k]):
    p = right[step] / total[step]
    rows.append((step, p, right[step], total[step]))
    print(f"{step:18s} {p:.3f} ({right[step]}/{total[step]})")
if a.tsv:
    with open(a.tsv, "w", encoding="utf-8") as out:
        out.write("# step\tconfidence: the step's precision on ../shared/eval/dev/news-quotes (right speaker and words),\n")
        out.write("# from eval/attribution/step_precision.py; a step with fewer than 10 statements there is given 0.5.\n")
        for step, p, r, t in rows:
            if step != "none":
                out.write(f"{step}\t{p if t >= 10 else 0.5:.2f}\t# {r}/{t}\n")
