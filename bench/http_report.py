#!/usr/bin/env python3
"""The pressroom half of a benchmark run as Markdown: per-kind latency and
QPS of the HTTP replay at 1 and 2 clients, and agreement with other answers
to the same mix.

  http_report.py QUERIES.jsonl --run1 run-http-c1.jsonl --run2 run-http-c2.jsonl
      [--ref NAME=records.jsonl ...] [--summary NAME=summary.json ...]

--run1/--run2 are record files of the shared harness (bench.py run http ...):
one JSON line per query with qid, ms, total and the top ids. Per kind, QPS is
clients x queries / summed latency (each client is sequential), which for one
client is exact and for two is what the kind would sustain alone.
Each --ref is compared with the 1-client run, query by query: exact total,
the same top-10 ids in the same order, the same set, and the mean overlap.
Reference files can be the harness's records (xapian_raw, sphinx, ...) or the
--dump of pressroom-engine-bench (the in-process answers, which must agree
100%). With --harness-results, also the side-by-side table of a run.sh
results dir and the ratios of pressroom (--self) to each peer. Uses only the Python standard library.
"""
import argparse
import collections
import json
import math
import statistics

KINDS = ["common_term", "rare_term", "and2", "phrase2", "term_date", "term_topic", "term_person", "browse_year"]


def pct(xs, p):
    if not xs:
        return float("nan")
    xs = sorted(xs)
    k = (len(xs) - 1) * p / 100.0
    lo, hi = math.floor(k), math.ceil(k)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def fmt(x, nd=1):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:,.{nd}f}"


def latency_table(queries, recs, clients, summary):
    by_kind = collections.defaultdict(list)
    for r in recs:
        if "error" not in r:
            by_kind[queries[r["qid"]]["kind"]].append(r["ms"])
    allms = [m for v in by_kind.values() for m in v]
    out = [f"| kind ({clients} client{'s' if clients > 1 else ''}) | n | p50 ms | p95 ms | p99 ms | QPS |",
           "|---|---:|---:|---:|---:|---:|"]
    for k in KINDS + sorted(set(by_kind) - set(KINDS)):
        ms = by_kind.get(k)
        if not ms:
            continue
        qps = clients * len(ms) / (sum(ms) / 1000.0)
        out.append(f"| {k} | {len(ms)} | {fmt(pct(ms, 50), 2)} | {fmt(pct(ms, 95), 2)} | {fmt(pct(ms, 99), 2)} | "
                   f"{fmt(qps)} |")
    wall_qps = summary.get("qps") if summary else None
    errors = sum(1 for r in recs if "error" in r)
    out.append(f"| **all** | {len(allms)} | {fmt(pct(allms, 50), 2)} | {fmt(pct(allms, 95), 2)} | "
               f"{fmt(pct(allms, 99), 2)} | **{fmt(wall_qps) if wall_qps else '-'}** (wall) |")
    out.append("")
    out.append(f"errors: {errors}")
    return out


def agreement(queries, mine, ref_name, ref_recs):
    ref = {r["qid"]: r for r in ref_recs if "error" not in r}
    rows = collections.defaultdict(lambda: {"n": 0, "total": 0, "order": 0, "set": 0, "overlap": []})
    for r in mine:
        if "error" in r or r["qid"] not in ref:
            continue
        o = ref[r["qid"]]
        for key in (queries[r["qid"]]["kind"], "all"):
            row = rows[key]
            row["n"] += 1
            row["total"] += r["total"] == o["total"]
            a, b = list(r.get("ids") or []), list(o.get("ids") or [])
            row["order"] += a == b
            row["set"] += set(a) == set(b)
            row["overlap"].append(len(set(a) & set(b)) / max(1, max(len(a), len(b))) if (a or b) else 1.0)
    out = [f"Agreement with {ref_name} (1-client records):", "",
           "| kind | n | same total | same top-10 in order | same top-10 set | mean top-10 overlap |",
           "|---|---:|---:|---:|---:|---:|"]
    for k in KINDS + ["all"]:
        row = rows.get(k)
        if not row or not row["n"]:
            continue
        n = row["n"]
        out.append(f"| {k} | {n} | {row['total']}/{n} | {row['order']}/{n} | {row['set']}/{n} | "
                   f"{statistics.mean(row['overlap']) * 100:.0f}% |")
    return out


def harness_rows(results_dir):
    """Per engine from a run.sh results dir: load numbers, pooled 1-client latency, mean QPS per clients."""
    import glob
    import os
    rows = {}
    for p in glob.glob(os.path.join(results_dir, "load-*.json")):
        j = json.load(open(p))
        rows.setdefault(j["engine"], {})["load"] = j
    for p in sorted(glob.glob(os.path.join(results_dir, "run-*.jsonl"))):
        name = os.path.basename(p)[4:-6]
        engine, cpart, _ = name.rsplit("-", 2)
        if not os.path.exists(p + ".summary.json"):
            continue
        s = json.load(open(p + ".summary.json"))
        row = rows.setdefault(engine, {})
        row.setdefault(f"qps{cpart[1:]}", []).append(s["qps"])
        if cpart == "c1":
            row.setdefault("ms", []).extend(r["ms"] for r in read_jsonl(p) if "error" not in r)
    return rows


def ratio_table(results_dir, me):
    rows = harness_rows(results_dir)
    if me not in rows:
        return [f"(no {me} runs in {results_dir})"]

    def figures(e):
        r = rows[e]
        ld = r.get("load") or {}
        ms = r.get("ms") or []
        return {"QPS(1)": statistics.mean(r["qps1"]) if r.get("qps1") else None,
                "QPS(2)": statistics.mean(r["qps2"]) if r.get("qps2") else None,
                "p50 ms": pct(ms, 50) if ms else None, "p95 ms": pct(ms, 95) if ms else None,
                "p99 ms": pct(ms, 99) if ms else None,
                "load docs/s": ld.get("docs_per_s"), "index MB": ld["index_bytes"] / 2 ** 20 if ld.get("index_bytes") else None}

    cols = ["QPS(1)", "QPS(2)", "p50 ms", "p95 ms", "p99 ms", "load docs/s", "index MB"]
    mine = figures(me)
    out = ["| engine | " + " | ".join(cols) + " |", "|---|" + "---:|" * len(cols)]
    for e in [me] + sorted(e for e in rows if e != me):
        f = figures(e)
        out.append(f"| {e} | " + " | ".join(fmt(f[c]) if f[c] is not None else "-" for c in cols) + " |")
    out.append("")
    out.append(f"Ratio {me} / peer (QPS and docs/s: higher is better for {me}; latency and size: lower is better):")
    out.append("")
    out.append("| peer | " + " | ".join(cols) + " |")
    out.append("|---|" + "---:|" * len(cols))
    for e in sorted(e for e in rows if e != me):
        f = figures(e)
        cells = []
        for c in cols:
            a, b = mine[c], f[c]
            cells.append(f"{a / b:.2f}x" if a is not None and b else "-")
        out.append(f"| {e} | " + " | ".join(cells) + " |")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("queries")
    ap.add_argument("--run1")
    ap.add_argument("--run2")
    ap.add_argument("--ref", action="append", default=[], metavar="NAME=FILE")
    ap.add_argument("--harness-results", metavar="DIR",
                    help="a run.sh results dir: print the side-by-side table and the ratios of --self to each peer")
    ap.add_argument("--self", default="http", help="pressroom's engine name in the harness (default http)")
    a = ap.parse_args()
    queries = {q["qid"]: q for q in read_jsonl(a.queries)}
    out = []
    runs = {}
    for clients, path in ((1, a.run1), (2, a.run2)):
        if not path:
            continue
        recs = read_jsonl(path)
        runs[clients] = recs
        try:
            with open(path + ".summary.json", encoding="utf-8") as f:
                summary = json.load(f)
        except OSError:
            summary = None
        out += latency_table(queries, recs, clients, summary)
        out.append("")
    if 1 in runs:
        for spec in a.ref:
            name, _, path = spec.partition("=")
            try:
                ref_recs = read_jsonl(path)
            except OSError as e:
                out.append(f"(no {name} records: {e})")
                out.append("")
                continue
            out += agreement(queries, runs[1], name, ref_recs)
            out.append("")
    if a.harness_results:
        out += ratio_table(a.harness_results, a.self)
        out.append("")
    print("\n".join(out))


if __name__ == "__main__":
    main()
