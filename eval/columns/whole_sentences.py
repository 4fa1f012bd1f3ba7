#!/usr/bin/env python3
"""How many of a text's intended sentences come out whole and in order.

The reference holds the sentences a person reads in the original, one per line, in reading
order; '#' lines are comments; a blank line separates parts whose order on the page cannot be
told. A sentence counts when it appears whole in the text (white space aside) and in order
within its part: the longest run of found sentences in increasing position is kept.

    python3 eval/columns/whole_sentences.py --reference demarche-ingest/src/test/resources/columns/000-sentences.txt --text repaired.txt
"""
import argparse
import bisect
import re
import sys


def parts(path):
    groups, cur = [], []
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('#'):
            continue
        if not line.strip():
            if cur:
                groups.append(cur)
            cur = []
            continue
        cur.append(flat(line))
    if cur:
        groups.append(cur)
    return groups


def flat(s):
    return re.sub(r'\s+', ' ', s).strip()


def in_order(positions):
    """Length of the longest strictly increasing subsequence (found sentences only)."""
    tails = []
    for p in positions:
        if p < 0:
            continue
        i = bisect.bisect_left(tails, p)
        if i == len(tails):
            tails.append(p)
        else:
            tails[i] = p
    return len(tails)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--reference', required=True)
    ap.add_argument('--text', required=True, help='the text to judge (UTF-8); - for standard input')
    ap.add_argument('--verbose', action='store_true', help='list the sentences not found whole')
    a = ap.parse_args()
    text = flat(sys.stdin.read() if a.text == '-' else open(a.text, encoding='utf-8').read())
    total = found = ordered = 0
    for group in parts(a.reference):
        positions = [text.find(s) for s in group]
        total += len(group)
        found += sum(1 for p in positions if p >= 0)
        ordered += in_order(positions)
        if a.verbose:
            for s, p in zip(group, positions):
                if p < 0:
                    print('  not whole: ' + s[:100], file=sys.stderr)
    print(f'sentences.whole {found / total:.3f} ({found}/{total})')
    print(f'sentences.whole_in_order {ordered / total:.3f} ({ordered}/{total})')


if __name__ == '__main__':
    main()
