#!/usr/bin/env python3
"""Writes the load test's request mix: GET paths, one per line, for wrk.

The searches have the shape of the shared benchmark's 500-query mix
(../shared/bench/queries.jsonl: the same eight kinds in the same proportions,
the same parameters), with their words drawn from the archive being served, so
that the mix fits any corpus pressroom-synth writes. Besides the searches, a
realistic share of the other reads a public archive gets: release pages as JSON,
suggestions as someone types, and the HTML search page.

    make_mix.py CORPUS.jsonl --out mix.paths [--seed 7] [--sample 10000]

Only the first --sample releases are read (as the benchmark's mix does), so the
mix of a 100k archive takes seconds. The output depends only on the corpus
prefix and the seed.
"""
import argparse
import json
import random
import re
import sys
from collections import Counter
from urllib.parse import quote

# Searches per kind: the benchmark mix's proportions (500 in all).
SEARCH_KINDS = {
    "and2": 80, "common_term": 80, "term_topic": 60, "rare_term": 60,
    "term_date": 60, "phrase2": 60, "browse_year": 50, "term_person": 50,
}
# The other reads, per 500 searches.
RELEASES, SUGGESTIONS, PAGES = 40, 40, 20

WORD = re.compile(r"[a-z]+")


def words(text):
    return WORD.findall(text.lower())


def search(**params):
    params.setdefault("sort", "relevance")
    params.update(page=1, size=10)
    return "/api/search?" + "&".join(f"{k}={quote(str(v), safe='')}" for k, v in params.items())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--sample", type=int, default=10000)
    args = ap.parse_args()

    docs = []
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                docs.append(json.loads(line))
            if len(docs) >= args.sample:
                break
    if len(docs) < 20:
        sys.exit(f"make_mix: {args.corpus} has {len(docs)} releases; the mix needs at least 20")

    df = Counter()
    doc_words = []
    for d in docs:
        ws = set(words(d["title"] + " " + d["body"]))
        doc_words.append(ws)
        df.update(ws)
    n = len(docs)
    # Classes of words by how many releases hold them: common (a broad
    # query), middling (the usual case) and rare (a needle).
    common = sorted(w for w, c in df.items() if 0.05 * n <= c <= 0.4 * n and len(w) > 3)
    rare = sorted(w for w, c in df.items() if 2 <= c <= max(3, n // 2000))
    middling = {w for w, c in df.items() if 0.002 * n <= c < 0.05 * n and len(w) > 3}
    if not common or not rare or len(middling) < 10:
        sys.exit("make_mix: the corpus is too small or too uniform for a mix")

    rng = random.Random(args.seed)

    def middling_word(i):
        ws = sorted(doc_words[i] & middling)
        return rng.choice(ws) if ws else rng.choice(sorted(middling))

    def with_people():
        return [i for i, d in enumerate(docs) if d.get("spokespeople")]

    people_docs = with_people()
    paths = []
    for _ in range(SEARCH_KINDS["and2"]):
        i = rng.randrange(n)
        a, b = middling_word(i), middling_word(i)
        paths.append(search(q=f"{a} {b}"))
    for _ in range(SEARCH_KINDS["common_term"]):
        paths.append(search(q=rng.choice(common)))
    for _ in range(SEARCH_KINDS["rare_term"]):
        paths.append(search(q=rng.choice(rare)))
    for _ in range(SEARCH_KINDS["term_topic"]):
        i = rng.randrange(n)
        paths.append(search(q=middling_word(i), topic=rng.choice(docs[i]["topics"])))
    for _ in range(SEARCH_KINDS["term_person"]):
        i = rng.choice(people_docs) if people_docs else rng.randrange(n)
        person = rng.choice(docs[i]["spokespeople"]) if docs[i].get("spokespeople") else None
        paths.append(search(q=middling_word(i), **({"spokesperson": person} if person else {})))
    for _ in range(SEARCH_KINDS["term_date"]):
        i = rng.randrange(n)
        year, month = int(docs[i]["date"][:4]), int(docs[i]["date"][5:7])
        months = rng.randint(2, 36)
        end = year * 12 + month - 1 + months
        paths.append(search(q=middling_word(i), **{"from": f"{year}-{month:02d}-01",
                                                   "to": f"{end // 12}-{end % 12 + 1:02d}-28"}))
    for _ in range(SEARCH_KINDS["phrase2"]):
        body = words(docs[rng.randrange(n)]["body"])
        k = rng.randrange(max(1, len(body) - 1))
        paths.append(search(q='"' + " ".join(body[k:k + 2]) + '"'))
    years = sorted({d["date"][:4] for d in docs})
    for _ in range(SEARCH_KINDS["browse_year"]):
        y = rng.choice(years)
        paths.append(search(**{"from": f"{y}-01-01", "to": f"{y}-12-31", "sort": "date"}))
    for _ in range(RELEASES):
        paths.append("/api/releases/" + quote(docs[rng.randrange(n)]["id"], safe=""))
    for _ in range(SUGGESTIONS):
        title = words(docs[rng.randrange(n)]["title"])
        w = rng.choice(title) if title else "re"
        paths.append("/api/suggest?q=" + quote(w[:rng.randint(2, max(2, len(w)))], safe=""))
    for _ in range(PAGES):
        paths.append("/?q=" + quote(rng.choice(common), safe=""))
    rng.shuffle(paths)

    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(paths) + "\n")


if __name__ == "__main__":
    main()
