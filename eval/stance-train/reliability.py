#!/usr/bin/env python3
"""Reliability of demarche's stance confidences against a stance gold (GOLD.md format): the
gold pairs the export answers with one polarity, binned by the stance's confidence, with each
bin's mean confidence and accuracy, and the expected calibration error (ECE).

usage: reliability.py --export X.jsonl --gold DIR [--threshold T]
"""
import argparse, collections, json, os, re


def norm(s):
    return re.sub(r"\W+", " ", s or "").strip().lower()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--export", required=True)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--threshold", type=float, default=0.5)
    a = ap.parse_args()
    docs, names, stances = {}, {}, collections.defaultdict(list)
    for line in open(a.export, encoding="utf-8"):
        r = json.loads(line)
        if r["type"] == "document":
            docs[r["id"]] = r["file"]
        elif r["type"] == "actor":
            names[r["id"]] = {norm(r["name"])} | {norm(x) for x in r.get("aliases") or []}
    for line in open(a.export, encoding="utf-8"):
        r = json.loads(line)
        if r["type"] == "stance":
            stances[(docs.get(r["doc"]), r["issue"])].append(r)
    rows = []
    for line in open(os.path.join(a.gold, "stances.jsonl"), encoding="utf-8"):
        g = json.loads(line)
        forms = {norm(x) for x in g["actor"]}
        cands = [t for t in stances.get((g["doc"], g["issue"]), []) if names.get(t["actor"], set()) & forms]
        if len({t["polarity"] for t in cands}) == 1:
            t = max(cands, key=lambda t: t.get("confidence") or 0)
            rows.append((t.get("confidence") or 0, t["polarity"] == g["polarity"]))
    print(f"{len(rows)} answered gold pairs; confidence bin, n, mean confidence, accuracy")
    ece = 0
    for b in range(10):
        lo, hi = b / 10, (b + 1) / 10
        inb = [(c, ok) for c, ok in rows if lo <= c < hi or (b == 9 and c == 1.0)]
        if inb:
            mc = sum(c for c, _ in inb) / len(inb)
            acc = sum(ok for _, ok in inb) / len(inb)
            ece += abs(mc - acc) * len(inb) / len(rows)
            print(f"  {lo:.1f}-{hi:.1f} {len(inb):4d} {mc:.3f} {acc:.3f}")
    print(f"expected calibration error {ece:.3f}")
    sure = [(c, ok) for c, ok in rows if c >= a.threshold]
    if sure:
        print(f"confident (>= {a.threshold}): {len(sure)} pairs, accuracy {sum(ok for _, ok in sure) / len(sure):.3f}")


if __name__ == "__main__":
    main()
