#!/usr/bin/env bash
# Usage: scripts/bench-side-by-side.sh SIZE     (SIZE = 10k | 100k | 1m | a document count)
#
# pressroom over HTTP beside the peers in ONE run of the shared harness
# (../shared/bench/run.sh): the same corpus file, the same 500-query mix, the
# engines alternating round by round. pressroom is the harness's `http` engine.
#  1. Needs the pressroom index of that corpus: scripts/bench-http.sh SIZE
#     builds it (and its load numbers) under $PRESSROOM_BENCH_DIR/SIZE; this
#     script runs it first when the index is missing.
#  2. Starts pressroom-server --threads 2 (its 1-client passes then use one
#     worker; the second stays idle), stopped by its pid at exit.
#  3. Runs run.sh SIZE with BENCH_ENGINES (default: http sphinx sqlite_fts5;
#     add xapian_raw for the agreement of totals, facets and top-10 ids), and
#     BENCH_HTTP_URL / BENCH_HTTP_LOAD_JSON set for the http engine.
#  4. Appends to the harness's report the per-kind p50/p95/p99/QPS of pressroom,
#     agreement with xapian_raw and sphinx (totals, top-10 ids), and the ratio
#     table pressroom / peer, into $PRESSROOM_BENCH_DIR/SIZE/side-by-side.md.
# The peers need Debian's sphinxsearch, python3-psycopg2 and python3-pymysql
# (and postgresql-15 for postgres); install them by hand, benchmarks are not CI.
# Other run.sh knobs (BENCH_ROUNDS, BENCH_WARMUP, BENCH_XAPIAN_VARIANTS,
# BENCH_REUSE_LOAD, BENCH_WORK_DIR, BENCH_CORPUS_DIR...) pass through.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

SIZE=${1:?usage: scripts/bench-side-by-side.sh SIZE (10k|100k|1m|N)}
BUILD_DIR=${BUILD_DIR:-build}
[[ "$BUILD_DIR" == /* ]] || BUILD_DIR=$ROOT/$BUILD_DIR
SHARED=${BENCH_SHARED_DIR:-$ROOT/../shared/bench}
QUERIES=${BENCH_QUERIES:-$SHARED/queries.jsonl}
PWORK=${PRESSROOM_BENCH_DIR:-${TMPDIR:-/tmp}/pressroom-bench}/$SIZE
HWORK=${BENCH_WORK_DIR:-${TMPDIR:-/tmp}/bench-work}/$SIZE
export BENCH_ENGINES=${BENCH_ENGINES:-http sphinx sqlite_fts5}

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
die() { log "error: $*"; exit 1; }

if [[ ! -d "$PWORK/db" || ! -s "$PWORK/load-http.json" ]]; then
  log "no pressroom index at $PWORK/db: running scripts/bench-http.sh $SIZE first"
  scripts/bench-http.sh "$SIZE"
fi
SERVER_BIN=$BUILD_DIR/pressroom-server
[[ -x "$SERVER_BIN" ]] || die "$SERVER_BIN is not built"

SERVER_PID=
stop_server() {
  if [[ -n "$SERVER_PID" ]]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
  fi
}
trap stop_server EXIT
trap 'exit 130' INT TERM

PORT=${BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
export BENCH_HTTP_URL=http://127.0.0.1:$PORT
export BENCH_HTTP_LOAD_JSON=$PWORK/load-http.json
"$SERVER_BIN" --db "$PWORK/db" --count-cache "${BENCH_COUNT_CACHE:-0}" --bind 127.0.0.1 --port "$PORT" --threads 2 --quiet > "$PWORK/side-by-side-server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do
  curl -fsS "$BENCH_HTTP_URL/healthz" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || die "pressroom-server exited (see $PWORK/side-by-side-server.log)"
  sleep 0.1
done
curl -fsS "$BENCH_HTTP_URL/healthz" >/dev/null || die "pressroom-server does not answer on $BENCH_HTTP_URL"
log "pressroom-server --threads 2 on $BENCH_HTTP_URL (pid $SERVER_PID); run.sh $SIZE with: $BENCH_ENGINES"

"$SHARED/run.sh" "$SIZE" | tee "$PWORK/side-by-side-harness.txt"
echo "server RSS after the side-by-side run: $(grep -E '^(VmRSS|VmHWM)' "/proc/$SERVER_PID/status" | tr -s ' \t' ' ' | paste -sd, -)" \
  | tee -a "$PWORK/side-by-side-harness.txt"
stop_server

R=$HWORK/results
{
  echo "# side by side at $SIZE: $BENCH_ENGINES"
  echo
  cat "$PWORK/side-by-side-harness.txt"
  echo
  echo "## pressroom (http) in this run"
  echo
  python3 "$ROOT/bench/http_report.py" "$QUERIES" --run1 "$R/run-http-c1-r1.jsonl" --run2 "$R/run-http-c2-r1.jsonl" \
    --ref "xapian_raw=$R/run-xapian_raw-c1-r1.jsonl" --ref "sphinx=$R/run-sphinx-c1-r1.jsonl" \
    --harness-results "$R"
} > "$PWORK/side-by-side.md"
log "report: $PWORK/side-by-side.md (harness results: $R)"
