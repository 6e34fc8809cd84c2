#!/usr/bin/env python3
"""Queries over a real index, in the harness's query format, for comparing two
builds' answers on real text (docs/benchmarks.md, "Session 9").

  real_queries.py DB OUT.jsonl [--seed N]

Draws words from the index's own vocabulary (xapian-delve): its 300 most
frequent words and 2,000 rarer ones, its 50 most used topics and spokespeople.
Writes single words, two words, a word without another (-w), an OR, three words
with match=any, exact phrases, a word within half a year, a word with a topic
or a spokesperson, a browse by year and words sorted by date: each kind of
query the engine counts either by walking posting lists or with the matcher.
Then, for each build:

  pressroom-engine-bench --db=DB --queries=OUT.jsonl --count-cache=0 --passes=1 \\
      --dump=ANSWERS.jsonl --benchmark_filter='^search/all$'

and `cmp` the two dumps (totals, top-10 ids in order, facets).
Uses only the Python standard library and xapian-delve (xapian-tools).
"""
import argparse
import json
import random
import subprocess
import urllib.parse


def vocabulary(db):
    out = subprocess.run(["xapian-delve", "-v", "-1", "-a", db], capture_output=True, text=True, check=True).stdout
    words, topics, people = [], [], []
    for line in out.splitlines()[1:]:
        term, _, freq = line.rpartition(" ")
        if not freq.isdigit() or int(freq) < 3:
            continue
        freq = int(freq)
        # Prefixes as common/schema.h defines them: B topic, A spokesperson.
        if term[:1].islower() and term.isalpha() and 3 <= len(term) <= 12:
            words.append((freq, term))
        elif term.startswith("B") and term[1:2].islower():
            topics.append((freq, term[1:].replace("-", " ")))
        elif term.startswith("A") and term[1:2].islower():
            people.append((freq, term[1:].replace("-", " ")))
    for group in (words, topics, people):
        group.sort(reverse=True)
    return ([w for _, w in words[:300]], [w for _, w in words[-2000:]],
            [t for _, t in topics[:50]], [p for _, p in people[:50]])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db")
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    common, rare, topics, people = vocabulary(args.db)
    if not common:
        raise SystemExit(f"{args.db}: no words with 3 or more releases")
    rnd = random.Random(args.seed)
    queries = []

    def add(kind, q, topic=None, person=None, start=None, end=None, sort="relevance", match=None):
        params = {"q": q, "sort": sort, "page": 1, "size": 10}
        for key, value in (("topic", topic), ("spokesperson", person), ("from", start), ("to", end), ("match", match)):
            if value:
                params[key] = value
        queries.append({"qid": len(queries), "kind": kind, "q": q, "terms": q.split(), "phrase": '"' in q,
                        "topic": topic, "spokesperson": person, "from": start, "to": end, "sort": sort,
                        "page": 1, "size": 10, "facets": {"topic": 10, "spokesperson": 10, "year": 0},
                        "http": "/api/search?" + urllib.parse.urlencode(params)})

    word, rare_word = (lambda: rnd.choice(common)), (lambda: rnd.choice(rare))
    for _ in range(60): add("common_term", word())
    for _ in range(40): add("rare_term", rare_word())
    for _ in range(60): add("and2", f"{word()} {word()}")
    for _ in range(20): add("and2", f"{word()} {rare_word()}")
    for _ in range(30): add("and2", f"{word()} -{word()}")
    for _ in range(30): add("and2", f"{word()} OR {rare_word()}")
    for _ in range(30): add("and2", f"{word()} {word()} {rare_word()}", match="any")
    for _ in range(40): add("phrase2", f'"{word()} {word()}"')
    for _ in range(40):
        year = rnd.randint(2010, 2025)
        add("term_date", word(), start=f"{year}-01-01", end=f"{year}-06-30")
    for _ in range(30 if topics else 0): add("term_topic", word(), topic=rnd.choice(topics))
    for _ in range(20 if people else 0): add("term_person", word(), person=rnd.choice(people))
    for year in range(2010, 2026): add("browse_year", "", start=f"{year}-01-01", end=f"{year}-12-31", sort="date")
    for _ in range(20): add("common_term", word(), sort="date")
    with open(args.out, "w") as f:
        for q in queries:
            f.write(json.dumps(q) + "\n")
    print(f"{len(queries)} queries; {len(common)} common words, {len(topics)} topics, {len(people)} spokespeople")


if __name__ == "__main__":
    main()
