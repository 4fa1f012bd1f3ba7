#!/usr/bin/env python3
"""Training pairs for the learned stance model: (UN General Debate speech, issue, polarity),
the polarity being the speaking state's recorded vote on the issue's roll call of the same
session (distant supervision: a vote, not a reading of the speech).

usage: join_votes.py [--shared DIR] [--out FILE] [--cap N] [--seed S]

Sources (both CC0): ../shared/corpora/unvotes (roll calls and votes, 1946-2011) and
../shared/corpora/ungdc (speeches). Country codes: Debian's iso-codes JSON. The issues and
their roll calls are ROLL_CALLS below (ids from codebook.yml beside this script). A speech
is a candidate when it names one of the issue's terms or contrary terms (case and spacing
ignored; the Java side then decides whether the stance stage finds the issue). Pairs of the
majority polarity of an issue are sampled down to --cap; the dev set's documents and roll
calls are refused. Output: TSV file, issue, polarity, rcid, vote (deterministic for a seed).
"""
import argparse, collections, csv, gzip, json, os, random, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))

# issue id -> (sessions, regex on the roll call's short title, yes means support?)
ROLL_CALLS = {
    "afghanistan-troop-withdrawal": (range(35, 44), r"^AFGHANISTAN$", True),
    "kampuchea-troop-withdrawal": (range(34, 45), r"^KAMPUCHEA$", True),
    "falklands-negotiations": (range(37, 44), r"FALKLAND", True),
    "east-timor-self-determination": (range(30, 38), r"TIMOR", True),
    "south-africa-sanctions": (range(36, 45), r"^SOUTH AFRICA, SANCTIONS$", True),
    "golan-annexation": (range(45, 58), r"^SYRIAN GOLAN$", True),
    "nicaragua-icj-compliance": (range(41, 45), r"^NICARAGUA, ICJ RULING$", True),
    "nagorno-karabakh-withdrawal": (range(62, 63), r"^AZERBAIJAN SITUATION$", True),
    "palestine-peaceful-settlement": (range(48, 58), r"^PALESTINE, PEACEFUL SETTLEMENT$", True),
    "mayotte-comoros": (range(35, 50), r"^COMOROS, MAYOTTE$", True),
}
POLARITY = {True: {"yes": "support", "no": "oppose", "abstain": "neutral"},
            False: {"yes": "oppose", "no": "support", "abstain": "neutral"}}


def codebook_terms(path):
    """issue id -> term list, read from the small YAML subset codebook.yml uses (no PyYAML needed)."""
    terms, issue = collections.defaultdict(list), None
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\s*- id: (\S+)", line)
        if m:
            issue = m.group(1)
        m = re.match(r'\s*- "(.*)"\s*$', line)
        if m and issue:
            terms[issue].append(m.group(1))
    return terms


def alpha3(shared_unused=None):
    codes = {}
    for name, key in (("iso_3166-1.json", "3166-1"), ("iso_3166-3.json", "3166-3")):
        data = json.load(open(f"/usr/share/iso-codes/json/{name}", encoding="utf-8"))[key]
        for c in data:
            if "alpha_2" in c and "alpha_3" in c:
                codes.setdefault(c["alpha_2"], c["alpha_3"])
            elif "alpha_4" in c and "alpha_3" in c:
                codes.setdefault(c["alpha_4"][:2], c["alpha_3"])
    # codes the vote data uses for states that no longer exist
    codes.update({"SU": "SUN", "YU": "YUG", "CS": "CSK", "DD": "DDR", "YD": "YMD"})
    return codes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(HERE, "..", "..", "..", "shared"))
    ap.add_argument("--out", default="/dev/stdout")
    ap.add_argument("--cap", type=int, default=120)
    ap.add_argument("--seed", type=int, default=14)
    a = ap.parse_args()
    votes_dir = os.path.join(a.shared, "corpora", "unvotes")
    ungdc = os.path.join(a.shared, "corpora", "ungdc")
    dev = os.path.join(a.shared, "eval", "dev", "ungdc-stance")
    dev_rcids, dev_docs = set(), set()
    for line in open(os.path.join(dev, "stances.jsonl"), encoding="utf-8"):
        g = json.loads(line)
        dev_rcids.add(str(g.get("rcid")))
        dev_docs.add(g["doc"])
    terms = codebook_terms(os.path.join(HERE, "codebook.yml"))
    assert set(terms) == set(ROLL_CALLS), "codebook.yml and ROLL_CALLS name different issues"

    # per issue and session, the roll call with the most no and abstain votes (the real split)
    calls = collections.defaultdict(list)
    for r in csv.DictReader(open(os.path.join(votes_dir, "roll_calls.csv"), encoding="utf-8")):
        for issue, (sessions, pattern, _) in ROLL_CALLS.items():
            if int(r["session"]) in sessions and re.search(pattern, r["short"]) and r["amend"] in ("0", "NA") \
                    and r["para"] in ("0", "NA"):
                calls[r["rcid"]].append((issue, int(r["session"])))
    assert not dev_rcids & set(calls), "a dev roll call is among the training ones"
    votes = collections.defaultdict(dict)
    with gzip.open(os.path.join(votes_dir, "votes.csv.gz"), "rt", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["rcid"] in calls:
                votes[r["rcid"]][r["country_code"]] = r["vote"]
    chosen = {}
    for rcid, uses in calls.items():
        split = sum(1 for v in votes[rcid].values() if v != "yes")
        for issue, session in uses:
            best = chosen.get((issue, session))
            if best is None or split > best[1]:
                chosen[(issue, session)] = (rcid, split)

    codes = alpha3()
    folders = {int(d.split()[1]): os.path.join(ungdc, d) for d in os.listdir(ungdc) if d.startswith("Session ")}
    pairs = collections.defaultdict(list)
    for (issue, session), (rcid, _) in sorted(chosen.items()):
        pats = [re.compile(r"\s+".join(map(re.escape, t.split())), re.I) for t in terms[issue]]
        for cc, vote in sorted(votes[rcid].items()):
            a3 = codes.get(cc)
            if a3 is None or session not in folders:
                continue
            name = f"{a3}_{session}_{1945 + session}.txt"
            path = os.path.join(folders[session], name)
            if name in dev_docs or not os.path.exists(path):
                continue
            text = open(path, encoding="utf-8", errors="replace").read()
            if any(p.search(text) for p in pats):
                yes_supports = ROLL_CALLS[issue][2]
                pairs[issue].append((os.path.relpath(path, ungdc), issue, POLARITY[yes_supports][vote], rcid, vote))
    rng = random.Random(a.seed)
    out = []
    for issue in sorted(pairs):
        by = collections.defaultdict(list)
        for p in pairs[issue]:
            by[p[2]].append(p)
        for pol, ps in sorted(by.items()):
            if len(ps) > a.cap:
                ps = sorted(rng.sample(ps, a.cap))
            out.extend(ps)
        print(issue, {k: len(v) for k, v in by.items()}, file=sys.stderr)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("file\tissue\tpolarity\trcid\tvote\n")
        for p in out:
            f.write("\t".join(p) + "\n")
    print(f"{len(out)} pairs", file=sys.stderr)


if __name__ == "__main__":
    main()
