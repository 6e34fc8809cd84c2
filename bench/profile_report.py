#!/usr/bin/env python3
"""Where the time goes: shares of a search's cost by part, from callgrind
(instructions, exact, inclusive) and perf (cpu-clock samples, with kernel).

  profile_report.py engine  NAME=FILE.callgrind ...   one column per file (e.g. per query kind)
  profile_report.py server  FILE.callgrind            the server while it answered a replay
  profile_report.py perf    perf-report.txt           `perf report --children --stdio -g none --sort symbol`

The engine parts are inclusive costs of named functions, as a share of
pressroom::Searcher::search; "matching" is Enquire::get_mset less the facet
match spy it calls (so it includes the disjunctive facet passes' matching).
Needs callgrind_annotate (valgrind) on PATH.
"""
import re
import subprocess
import sys

LINE = re.compile(r"^\s*([\d,]+)\s+\(\s*([\d.]+)%\)\s+(?:\S*?:)?(.+?)(?:\s+\[[^\]]*\])?\s*$")

ABI = r"(?:\[abi:cxx11\])?"
ENGINE_PARTS = [  # (label, regex on the demangled name); inclusive costs
    ("search (total)", r"^pressroom::Searcher::search" + ABI + r"\(pressroom::SearchRequest const&\)$"),
    ("query building (QueryBuilder::build)", r"^pressroom::QueryBuilder::build" + ABI + r"\("),
    ("Enquire::get_mset (matching + spies)", r"^Xapian::Enquire::get_mset" + ABI + r"\(unsigned int, unsigned int, unsigned int, "),
    ("facet spy (FacetCounter::operator())", r"^pressroom::FacetCounter::operator\(\)\(Xapian::Document const&, double\)$"),
    ("  of which decode_facets", r"^pressroom::schema::decode_facets" + ABI + r"\("),
    ("value reads (Document::get_value: spy and sort keys)", r"^Xapian::Document::get_value" + ABI + r"\("),
    ("facet merge and sort (FacetCounter::counts)", r"^pressroom::FacetCounter::counts" + ABI + r"\("),
    ("document fetch (MSetIterator::get_document)", r"^Xapian::MSetIterator::get_document" + ABI + r"\("),
    ("document decode (schema::release_from)", r"^pressroom::schema::release_from" + ABI + r"\("),
    ("  of which Document::get_data (docdata read + inflate)", r"^Xapian::Document::get_data" + ABI + r"\("),
    ("snippets (make_snippet)", r"^pressroom::make_snippet" + ABI + r"\("),
    ("spelling (QueryBuilder::spelling_suggestion)", r"^pressroom::QueryBuilder::spelling_suggestion" + ABI + r"\("),
]

SERVER_PARTS = [
    ("HTTP connection handling (httplib process_and_close_socket)", r"^httplib::Server::process_and_close_socket" + ABI + r"\("),
    ("engine (Searcher::search)", r"^pressroom::Searcher::search" + ABI + r"\(pressroom::SearchRequest const&\)$"),
    ("request parsing (parse_search_request)", r"^pressroom::parse_search_request" + ABI + r"\("),
    ("JSON tree (search_result_json)", r"^pressroom::search_result_json" + ABI + r"\("),
    # serializer::dump is recursive (callgrind over-counts it): its caller send_json holds the dump
    ("JSON text (send_json: dump + set_content)", r"^pressroom::\(anonymous namespace\)::send_json" + ABI + r"\("),
]


def annotate(path, inclusive):
    args = ["callgrind_annotate", "--threshold=100", path]
    if inclusive:
        args.insert(1, "--inclusive=yes")
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    rows, total = [], None
    for line in out.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        n = int(m.group(1).replace(",", ""))
        name = m.group(3).strip()
        if name.startswith("PROGRAM TOTALS"):
            total = n
            continue
        rows.append((n, name))
    return total, rows


def cost_of(rows, pattern):
    rx = re.compile(pattern)
    best = 0
    for n, name in rows:
        if rx.search(name):
            best = max(best, n)
    return best


def engine(specs):
    cols = []
    for spec in specs:
        name, _, path = spec.partition("=")
        total, rows = annotate(path, inclusive=True)
        costs = {label: cost_of(rows, rx) for label, rx in ENGINE_PARTS}
        cols.append((name, costs))
    # derived rows
    lines = ["| part | " + " | ".join(n for n, _ in cols) + " |", "|---|" + "---:|" * len(cols)]

    def share(costs, label):
        t = costs["search (total)"]
        return 100.0 * costs[label] / t if t else 0.0

    derived = []
    for _, c in cols:
        c["matching (get_mset less the facet spy)"] = c["Enquire::get_mset (matching + spies)"] - \
            c["facet spy (FacetCounter::operator())"]
        named = ["query building (QueryBuilder::build)", "Enquire::get_mset (matching + spies)",
                 "facet merge and sort (FacetCounter::counts)", "document fetch (MSetIterator::get_document)",
                 "document decode (schema::release_from)", "snippets (make_snippet)",
                 "spelling (QueryBuilder::spelling_suggestion)"]
        c["other (Enquire setup, result assembly, ...)"] = c["search (total)"] - sum(c[k] for k in named)
        derived.append(c)
    order = ["matching (get_mset less the facet spy)", "facet spy (FacetCounter::operator())",
             "  of which decode_facets", "value reads (Document::get_value: spy and sort keys)",
             "facet merge and sort (FacetCounter::counts)", "snippets (make_snippet)",
             "document decode (schema::release_from)", "  of which Document::get_data (docdata read + inflate)",
             "document fetch (MSetIterator::get_document)",
             "query building (QueryBuilder::build)", "spelling (QueryBuilder::spelling_suggestion)",
             "other (Enquire setup, result assembly, ...)"]
    for label in order:
        lines.append(f"| {label} | " + " | ".join(f"{share(c, label):.1f}%" for _, c in cols) + " |")
    lines.append("| search, instructions (millions) | " +
                 " | ".join(f"{c['search (total)'] / 1e6:,.0f}" for _, c in cols) + " |")
    print("\n".join(lines))
    print()
    # top self costs of the first column's file (or the one named 'all')
    path = dict(s.partition("=")[::2] for s in specs).get("all", specs[0].partition("=")[2])
    total, rows = annotate(path, inclusive=False)
    print(f"Top functions by own (exclusive) instructions, {path}:")
    print()
    print("| share | function |")
    print("|---:|---|")
    for n, name in sorted(rows, reverse=True)[:25]:
        print(f"| {100.0 * n / total:.1f}% | `{name[:140]}` |")


def server(path):
    total, rows = annotate(path, inclusive=True)
    costs = {label: cost_of(rows, rx) for label, rx in SERVER_PARTS}
    t = costs["HTTP connection handling (httplib process_and_close_socket)"] or total
    print("| part | share of request handling (user-space instructions) |")
    print("|---|---:|")
    rest = t
    for label, _ in SERVER_PARTS[1:]:
        print(f"| {label} | {100.0 * costs[label] / t:.1f}% |")
        rest -= costs[label]
    print(f"| httplib: reading, parsing, routing, writing (the rest) | {100.0 * rest / t:.1f}% |")
    print(f"| (whole process, millions of instructions) | {total / 1e6:,.0f} |")


PERF_LINE = re.compile(r"^\s+([\d.]+)%\s+([\d.]+)%\s+(\[[k.]\])\s+(.+?)(?:\s+-\s+-)?\s*$")
PERF_PARTS = [  # perf prints names without argument lists
    ("search (Searcher::search)", r"^pressroom::Searcher::search$"),
    ("Enquire::get_mset (matching + spies)", r"^Xapian::Enquire::get_mset$"),
    ("facet spy (FacetCounter::operator())", r"^pressroom::FacetCounter::operator\(\)$"),
    ("value reads (Document::get_value)", r"^Xapian::Document::get_value(\[abi:cxx11\])?$"),
    ("facet merge (FacetCounter::counts)", r"^pressroom::FacetCounter::counts(\[abi:cxx11\])?$"),
    ("document decode (schema::release_from)", r"^pressroom::schema::release_from$"),
    ("  of which Document::get_data", r"^Xapian::Document::get_data(\[abi:cxx11\])?$"),
    ("  of which zlib inflate", r"^inflate$"),
    ("snippets (make_snippet)", r"^pressroom::make_snippet(\[abi:cxx11\])?$"),
    ("query building (QueryBuilder::build)", r"^pressroom::QueryBuilder::build$"),
    ("spelling (QueryBuilder::spelling_suggestion)", r"^pressroom::QueryBuilder::spelling_suggestion(\[abi:cxx11\])?$"),
    ("HTTP: httplib process_and_close_socket", r"^httplib::Server::process_and_close_socket$"),
    ("JSON tree (search_result_json)", r"^pressroom::search_result_json$"),
    ("JSON text (send_json)", r"^pressroom::\(anonymous namespace\)::send_json$"),
]


def perf(path):
    rows = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = PERF_LINE.match(line)
            if m:
                rows.append((float(m.group(1)), float(m.group(2)), m.group(3), m.group(4)))
    kernel_self = sum(r[1] for r in rows if r[2] == "[k]")
    print("| part (cpu-clock samples, children) | share of all samples |")
    print("|---|---:|")
    for label, rx in PERF_PARTS:
        r = re.compile(rx)
        best = max((c for c, s, k, name in rows if r.search(name)), default=0.0)
        print(f"| {label} | {best:.1f}% |")
    print(f"| kernel (self time of all [k] symbols) | {kernel_self:.1f}% |")
    print()
    print("Top own (self) time:")
    print()
    print("| self | symbol |")
    print("|---:|---|")
    for c, s, k, name in sorted(rows, key=lambda r: -r[1])[:15]:
        print(f"| {s:.1f}% | `{k} {name[:120]}` |")


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("engine", "server", "perf"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    {"engine": lambda: engine(sys.argv[2:]), "server": lambda: server(sys.argv[2]),
     "perf": lambda: perf(sys.argv[2])}[sys.argv[1]]()


if __name__ == "__main__":
    main()
