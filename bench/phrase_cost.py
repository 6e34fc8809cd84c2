#!/usr/bin/env python3
"""What exact phrases cost, and what a phrase index would add (docs/benchmarks.md,
"Why phrases keep the 1M p99 over 50 ms").

  phrase_cost.py queries QUERIES.jsonl --out-dir DIR
      Writes DIR/phrase.jsonl (the mix's phrase2 queries) and DIR/and.jsonl (the
      same words without quotes), for pressroom-engine-bench --dump: the AND
      totals are the releases whose positions Xapian reads for each phrase.
  phrase_cost.py totals PHRASE_DUMP.jsonl AND_DUMP.jsonl
      Sums both dumps' totals and lists the widest phrases (AND total, phrase total).
  phrase_cost.py grams CORPUS.jsonl [--docs 5000]
      For words in at least 60/40/20/5% of the first N releases: how many
      words that is, and the distinct adjacent pairs of such words per release
      (the terms a "common grams" phrase index would add).
Uses only the Python standard library.
"""
import argparse
import collections
import json
import re
import urllib.parse


def queries(a):
    mix = [json.loads(line) for line in open(a.queries) if line.strip()]
    phrases = [q for q in mix if q["kind"] == "phrase2"]
    with open(f"{a.out_dir}/phrase.jsonl", "w") as f:
        for q in phrases:
            f.write(json.dumps(q) + "\n")
    with open(f"{a.out_dir}/and.jsonl", "w") as f:
        for q in phrases:
            q = dict(q, q=q["q"].strip('"'), phrase=False, kind="and_of_phrase")
            q["http"] = "/api/search?q=" + urllib.parse.quote(q["q"]) + "&sort=relevance&page=1&size=10"
            f.write(json.dumps(q) + "\n")


def totals(a):
    load = lambda path: {r["qid"]: r["total"] for r in map(json.loads, open(path)) if r}
    phrase, both = load(a.phrase_dump), load(a.and_dump)
    rows = sorted(((both[q], phrase[q]) for q in phrase), reverse=True)
    print(f"{len(rows)} phrases: {sum(p for _, p in rows)} matches; the same words ANDed: {sum(w for w, _ in rows)}")
    print("widest (AND total, phrase total):", rows[:8])


def grams(a):
    docs = []
    with open(a.corpus) as f:
        for i, line in enumerate(f):
            if i >= a.docs:
                break
            d = json.loads(line)
            text = d["title"] + " \n " + d.get("summary", "") + " \n " + d["body"]
            docs.append(re.findall(r"\w+", text.lower()))
    df = collections.Counter()
    for words in docs:
        df.update(set(words))
    n = len(docs)
    for share in (0.6, 0.4, 0.2, 0.05):
        common = {w for w, c in df.items() if c >= share * n}
        pairs = sum(len({(x, y) for x, y in zip(w, w[1:]) if x in common and y in common}) for w in docs)
        terms = sum(len(set(w)) for w in docs)
        print(f">= {share:.0%}: {len(common)} words; +{pairs / n:.1f} pair terms per release "
              f"(distinct words per release: {terms / n:.1f})")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    q = sub.add_parser("queries"); q.add_argument("queries"); q.add_argument("--out-dir", required=True)
    t = sub.add_parser("totals"); t.add_argument("phrase_dump"); t.add_argument("and_dump")
    g = sub.add_parser("grams"); g.add_argument("corpus"); g.add_argument("--docs", type=int, default=5000)
    a = ap.parse_args()
    {"queries": queries, "totals": totals, "grams": grams}[a.cmd](a)


if __name__ == "__main__":
    main()
