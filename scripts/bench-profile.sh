#!/usr/bin/env bash
# Usage: scripts/bench-profile.sh SIZE     (SIZE = 10k | 100k | ... ; the index of scripts/bench-http.sh SIZE)
#
# Where the time goes, on the index that scripts/bench-http.sh SIZE built:
#  1. callgrind (instructions, exact) of pressroom-engine-bench, one run per
#     query kind, each query once, collecting inside Searcher::search only:
#     shares of matching, the facet match spy, facet merging, document decode,
#     snippets, query building and spelling (bench/profile_report.py engine);
#  2. callgrind of pressroom-server --threads 1 while the harness's Python
#     replay sends BENCH_PROFILE_QUERIES queries of the mix (default 200, the
#     first of queries.jsonl): engine vs JSON vs httplib (user space only);
#  3. perf record (cpu-clock samples with DWARF call graphs, kernel included)
#     of the engine benchmark over the whole mix and of the server during the
#     same replay, when `perf` can sample here.
# Output: $PRESSROOM_BENCH_DIR/SIZE/profile/ (callgrind files, perf reports) and
# profile.md there. Slow on purpose (valgrind is ~50x): minutes, not seconds.
#
# Environment: BUILD_DIR [build], BENCH_SHARED_DIR [../shared/bench],
# PRESSROOM_BENCH_DIR [${TMPDIR:-/tmp}/pressroom-bench], BENCH_PROFILE_QUERIES [200],
# BENCH_PROFILE_KINDS [all eight], BENCH_NO_PERF=1, BENCH_NO_CALLGRIND=1.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SIZE=${1:?usage: scripts/bench-profile.sh SIZE}
BUILD_DIR=${BUILD_DIR:-build}
[[ "$BUILD_DIR" == /* ]] || BUILD_DIR=$ROOT/$BUILD_DIR
SHARED=${BENCH_SHARED_DIR:-$ROOT/../shared/bench}
QUERIES=${BENCH_QUERIES:-$SHARED/queries.jsonl}
WORK=${PRESSROOM_BENCH_DIR:-${TMPDIR:-/tmp}/pressroom-bench}/$SIZE
DB=$WORK/db
OUT=$WORK/profile
NQ=${BENCH_PROFILE_QUERIES:-200}
KINDS=${BENCH_PROFILE_KINDS:-common_term rare_term and2 phrase2 term_date term_topic term_person browse_year}
ENGINE_BIN=$BUILD_DIR/bench/pressroom-engine-bench
SERVER_BIN=$BUILD_DIR/pressroom-server

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
die() { log "error: $*"; exit 1; }
[[ -d "$DB" ]] || die "no index at $DB: run scripts/bench-http.sh $SIZE first"
for bin in "$ENGINE_BIN" "$SERVER_BIN"; do [[ -x "$bin" ]] || die "$bin is not built"; done
mkdir -p "$OUT"
head -n "$NQ" "$QUERIES" > "$OUT/sample.jsonl"

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
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL=http://127.0.0.1:$PORT
wait_up() {
  for _ in $(seq 1 1200); do
    curl -fsS "$URL/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited"
    sleep 0.1
  done
  die "the server did not come up"
}
replay_sample() {
  BENCH_HTTP_URL=$URL python3 "$SHARED/bench.py" run http "$OUT/sample.jsonl" "$OUT" --clients 1 \
    --out "$OUT/replay-$1.jsonl" > /dev/null
}

SEARCH_FN='pressroom::Searcher::search(pressroom::SearchRequest const&)'
if [[ "${BENCH_NO_CALLGRIND:-0}" != 1 ]]; then
  command -v valgrind >/dev/null || die "valgrind is missing (apt-get install valgrind)"
  cols=()
  for kind in $KINDS; do
    log "callgrind: engine, $kind"
    valgrind --tool=callgrind --callgrind-out-file="$OUT/engine-$kind.callgrind" --toggle-collect="$SEARCH_FN" \
      "$ENGINE_BIN" --db="$DB" --count-cache="${BENCH_COUNT_CACHE:-0}" --queries="$QUERIES" --passes=1 --warmup=0 \
      --benchmark_filter="^search/$kind/" > "$OUT/engine-$kind.log" 2>&1
    cols+=("$kind=$OUT/engine-$kind.callgrind")
  done
  log "callgrind: engine, whole mix"
  valgrind --tool=callgrind --callgrind-out-file="$OUT/engine-all.callgrind" --toggle-collect="$SEARCH_FN" \
    "$ENGINE_BIN" --db="$DB" --count-cache="${BENCH_COUNT_CACHE:-0}" --queries="$QUERIES" --passes=1 --warmup=0 \
    --benchmark_filter='^search/all/iterations:[0-9]+/real_time$' > "$OUT/engine-all.log" 2>&1
  python3 "$ROOT/bench/profile_report.py" engine "all=$OUT/engine-all.callgrind" "${cols[@]}" > "$OUT/engine-callgrind.md"

  log "callgrind: server --threads 1, replay of $NQ queries"
  valgrind --tool=callgrind --callgrind-out-file="$OUT/server.callgrind" \
    "$SERVER_BIN" --db "$DB" --count-cache "${BENCH_COUNT_CACHE:-0}" --bind 127.0.0.1 --port "$PORT" --threads 1 --quiet > "$OUT/server-callgrind.log" 2>&1 &
  SERVER_PID=$!
  wait_up
  replay_sample callgrind
  stop_server
  python3 "$ROOT/bench/profile_report.py" server "$OUT/server.callgrind" > "$OUT/server-callgrind.md"
fi

if [[ "${BENCH_NO_PERF:-0}" != 1 ]] && command -v perf >/dev/null && perf record -o /dev/null -q true 2>/dev/null; then
  log "perf: engine, whole mix (cpu-clock, DWARF call graphs)"
  perf record -q -F 499 --call-graph dwarf,16384 -o "$OUT/engine.perf.data" -- \
    "$ENGINE_BIN" --db="$DB" --count-cache="${BENCH_COUNT_CACHE:-0}" --queries="$QUERIES" --passes=2 --warmup=1 \
    --benchmark_filter='^search/all/iterations:[0-9]+/real_time$' > "$OUT/engine-perf.log" 2>&1
  perf report -i "$OUT/engine.perf.data" --children --stdio -g none --sort symbol --percent-limit 0.3 \
    > "$OUT/engine-perf-report.txt" 2>/dev/null
  python3 "$ROOT/bench/profile_report.py" perf "$OUT/engine-perf-report.txt" > "$OUT/engine-perf.md"

  log "perf: server --threads 1, replay of $NQ queries"
  "$SERVER_BIN" --db "$DB" --count-cache "${BENCH_COUNT_CACHE:-0}" --bind 127.0.0.1 --port "$PORT" --threads 1 --quiet > "$OUT/server-perf.log" 2>&1 &
  SERVER_PID=$!
  wait_up
  perf record -q -F 999 --call-graph dwarf,16384 -p "$SERVER_PID" -o "$OUT/server.perf.data" 2>/dev/null &
  PERF_PID=$!
  sleep 1
  replay_sample perf
  kill -INT "$PERF_PID" 2>/dev/null || true
  wait "$PERF_PID" 2>/dev/null || true
  stop_server
  perf report -i "$OUT/server.perf.data" --children --stdio -g none --sort symbol --percent-limit 0.3 \
    > "$OUT/server-perf-report.txt" 2>/dev/null
  python3 "$ROOT/bench/profile_report.py" perf "$OUT/server-perf-report.txt" > "$OUT/server-perf.md"
fi

{
  echo "# profile at $SIZE ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
  for f in engine-callgrind server-callgrind engine-perf server-perf; do
    [[ -s "$OUT/$f.md" ]] || continue
    echo
    echo "## $f"
    echo
    cat "$OUT/$f.md"
  done
} > "$OUT/profile.md"
cat "$OUT/profile.md"
log "profile in $OUT"
