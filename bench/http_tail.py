#!/usr/bin/env python3
"""The query mix over HTTP at N clients, and its slowest queries: what sets
the p99 (docs/benchmarks.md, "Session 14").

  http_tail.py PORT [CLIENTS] [--queries queries.jsonl] [--passes 2] [--slowest 12]

Replays the harness's mix (each query's "http" path) against a running
pressroom-server on 127.0.0.1:PORT, split over CLIENTS threads (one
connection a request), PASSES times; prints each pass's queries/s, p50, p95
and p99 (the 5th slowest of 500), then the slowest queries of the last pass.
A quick check between builds; the harness's replay (keep-alive, side by
side with the peers) gives the figures of record. Standard library only.
"""
import argparse
import json
import os
import threading
import time
import urllib.request


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("port")
    parser.add_argument("clients", nargs="?", type=int, default=1)
    parser.add_argument("--queries", default=os.path.join(here, "..", "..", "shared", "bench", "queries.jsonl"))
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--slowest", type=int, default=12)
    args = parser.parse_args()
    with open(args.queries) as f:
        queries = [json.loads(line) for line in f if line.strip()]

    def run(part, out):
        for q in part:
            started = time.time()
            with urllib.request.urlopen("http://127.0.0.1:%s%s" % (args.port, q["http"])) as response:
                response.read()
            out.append(((time.time() - started) * 1000, q["kind"], q["q"]))

    timed = []
    for n in range(args.passes):
        outs = [[] for _ in range(args.clients)]
        threads = [threading.Thread(target=run, args=(queries[i::args.clients], outs[i])) for i in range(args.clients)]
        started = time.time()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        seconds = time.time() - started
        timed = sorted((r for out in outs for r in out), reverse=True)
        rank = lambda share: timed[min(len(timed) - 1, int(len(timed) * share))][0]
        print("pass %d, %d clients: %.1f queries/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms"
              % (n + 1, args.clients, len(timed) / seconds, rank(0.5), rank(0.05), rank(0.01)))
    for ms, kind, q in timed[:args.slowest]:
        print("%7.1f ms  %-12s %s" % (ms, kind, q))


if __name__ == "__main__":
    main()
