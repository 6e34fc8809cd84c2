#!/usr/bin/env python3
"""Suggestion latency over HTTP: what a search box sends while someone types.

  suggest_replay.py prefixes CORPUS.jsonl --out PREFIXES.txt [--count 300]
      Writes typed prefixes made from release titles, one a line: for a spread
      of titles (every k-th of the first 10,000 lines, so the same file serves
      every corpus size), the first word cut to 3 letters, the first word whole
      plus the second cut to 2 letters, and the first two words whole plus the
      third cut to 4 letters.
  suggest_replay.py run PREFIXES.txt --url http://127.0.0.1:8080 [--out F.jsonl] [--warmup 20]
      Sends GET /api/suggest?q=PREFIX&size=8 for every prefix over one
      keep-alive connection and prints one JSON line: n, errors, wall_s, qps,
      p50/p95/p99/max in ms (client side, request to parsed answer).
      --answers F.jsonl keeps every answer ({"q", "suggestions"} a line), so
      that two servers or two builds can be compared with cmp.
Uses only the Python standard library.
"""
import argparse
import http.client
import json
import math
import sys
import time
import urllib.parse


def pct(xs, p):
    """Linear interpolation between closest ranks (as the harness's bench.py)."""
    if not xs:
        return float("nan")
    xs = sorted(xs)
    k = (len(xs) - 1) * p / 100.0
    lo, hi = math.floor(k), math.ceil(k)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def make_prefixes(corpus, count):
    titles = []
    with open(corpus, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= 10000:
                break
            if line.strip():
                titles.append(json.loads(line).get("title", ""))
    step = max(1, len(titles) // max(1, count // 3))
    out = []
    for title in titles[::step]:
        words = [w for w in title.split() if w.isalpha()]
        if len(words) >= 1 and len(words[0]) >= 3:
            out.append(words[0][:3])
        if len(words) >= 2:
            out.append(words[0] + " " + words[1][:2])
        if len(words) >= 3:
            out.append(" ".join(words[:2]) + " " + words[2][:4])
        if len(out) >= count:
            break
    return out[:count]


def cmd_prefixes(a):
    prefixes = make_prefixes(a.corpus, a.count)
    with open(a.out, "w", encoding="utf-8") as f:
        for p in prefixes:
            f.write(p + "\n")
    print(f"{len(prefixes)} prefixes -> {a.out}", file=sys.stderr)


def cmd_run(a):
    with open(a.prefixes, encoding="utf-8") as f:
        prefixes = [l.rstrip("\n") for l in f if l.strip()]
    url = urllib.parse.urlsplit(a.url)
    conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=60)

    def ask(prefix):
        path = "/api/suggest?" + urllib.parse.urlencode({"q": prefix, "size": 8}, quote_via=urllib.parse.quote)
        conn.request("GET", path, headers={"Connection": "keep-alive"})
        r = conn.getresponse()
        body = r.read()
        if r.status != 200:
            raise RuntimeError(f"HTTP {r.status}: {body[:200]!r}")
        return json.loads(body)

    for p in prefixes[: a.warmup]:
        ask(p)
    records, answers, errors = [], [], 0
    t_start = time.perf_counter()
    for p in prefixes:
        t0 = time.perf_counter()
        try:
            j = ask(p)
            n = len(j.get("suggestions", []))
            answers.append({"q": p, "suggestions": j.get("suggestions", [])})
        except Exception as e:  # count it and go on, with a fresh connection
            errors += 1
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=60)
            records.append({"q": p, "error": repr(e)[:200]})
            continue
        records.append({"q": p, "ms": (time.perf_counter() - t0) * 1000.0, "n": n})
    wall = time.perf_counter() - t_start
    conn.close()
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    if a.answers:
        with open(a.answers, "w", encoding="utf-8") as f:
            for r in answers:
                f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
    ms = [r["ms"] for r in records if "ms" in r]
    print(json.dumps({"n": len(records), "errors": errors, "wall_s": round(wall, 3),
                      "qps": round(len(records) / wall, 1) if wall else 0,
                      "empty": sum(1 for r in records if r.get("n") == 0),
                      "p50_ms": round(pct(ms, 50), 2), "p95_ms": round(pct(ms, 95), 2),
                      "p99_ms": round(pct(ms, 99), 2), "max_ms": round(max(ms), 2) if ms else None}))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sp = ap.add_subparsers(dest="cmd", required=True)
    p = sp.add_parser("prefixes")
    p.add_argument("corpus")
    p.add_argument("--out", required=True)
    p.add_argument("--count", type=int, default=300)
    p = sp.add_parser("run")
    p.add_argument("prefixes")
    p.add_argument("--url", default="http://127.0.0.1:8080")
    p.add_argument("--out")
    p.add_argument("--warmup", type=int, default=20)
    p.add_argument("--answers", help="write every answer here, one JSON line per prefix")
    a = ap.parse_args()
    {"prefixes": cmd_prefixes, "run": cmd_run}[a.cmd](a)


if __name__ == "__main__":
    main()
