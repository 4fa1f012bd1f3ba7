#!/usr/bin/env python3
"""Builds the word and word-pair counts ingest's column repair reads (ColumnRepair, BigramModel).

From the UN General Debate corpus (CC0): words of letters (an apostrophe inside allowed),
lower-cased; words seen at least 3 times and pairs seen at least 8 times are kept.

    python3 eval/columns/build_bigrams.py ../shared/corpora/ungdc demarche-ingest/src/main/resources/org/demarche/ingest/lm
"""
import collections
import gzip
import os
import re
import sys

root, out = sys.argv[1], sys.argv[2]
tok = re.compile(r"[a-z]+(?:['’][a-z]+)?")
uni, bi = collections.Counter(), collections.Counter()
for dp, _, fn in os.walk(root):
    for f in sorted(fn):
        if f.endswith('.txt'):
            ws = [w.replace('’', "'") for w in tok.findall(open(os.path.join(dp, f), encoding='utf-8', errors='replace').read().lower())]
            uni.update(ws)
            bi.update(zip(ws, ws[1:]))
with gzip.open(os.path.join(out, 'unigrams.tsv.gz'), 'wt', encoding='utf-8') as o:
    for w, c in uni.most_common():
        if c >= 3:
            o.write(f"{w}\t{c}\n")
with gzip.open(os.path.join(out, 'bigrams.tsv.gz'), 'wt', encoding='utf-8') as o:
    for (a, b), c in bi.most_common():
        if c >= 8:
            o.write(f"{a} {b}\t{c}\n")
