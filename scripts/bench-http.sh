#!/usr/bin/env bash
# Usage: scripts/bench-http.sh SIZE      (SIZE = 10k | 100k | 1m | a document count)
#
# pressroom's own benchmark at one corpus size (docs/benchmarks.md has the
# figures and how to read them):
#  1. corpus: $BENCH_CORPUS_DIR/press-SIZE.jsonl from the shared harness's
#     gen_corpus.py when it exists (the file the harness's peers load: use it
#     for side-by-side numbers), otherwise generated with pressroom-synth;
#  2. indexing with pressroom-index under /usr/bin/time -v: docs/s, MB/s, peak
#     RSS, index size and its tables (and the size after xapian-compact);
#  3. the in-process engine benchmark (pressroom-engine-bench) on the mix;
#  4. pressroom-server with 1 worker thread: the harness's Python replay of the
#     500-query mix with 1 keep-alive client, suggestions on title prefixes,
#     wrk with 1 connection, server RSS; then with 2 worker threads: 2 clients,
#     wrk with 2 connections, server RSS;
#  5. results/report.md: the figures, per-kind p50/p95/p99/QPS, and agreement
#     of totals and top-10 ids with the in-process answers and with xapian_raw
#     (when the harness has run it at this size).
# Nothing is cached between passes: the server and the in-process benchmark run
# with the count cache off (--count-cache 0) unless BENCH_COUNT_CACHE says otherwise,
# so every query of every pass is counted afresh.
#
# Environment (defaults in brackets):
#   BUILD_DIR           build tree with pressroom-index, -server and bench/ [build]
#   BENCH_NO_BUILD=1    use the binaries as they are (else: cmake --build, a no-op when current)
#   BENCH_SHARED_DIR    the shared harness [../shared/bench]
#   BENCH_QUERIES       query mix [$BENCH_SHARED_DIR/queries.jsonl; its .paths beside it]
#   BENCH_CORPUS_DIR    harness corpora [${TMPDIR:-/tmp}/bench-corpus]
#   BENCH_CORPUS        a corpus file to use instead
#   PRESSROOM_BENCH_DIR work dir; SIZE/ holds db/ and results/ [${TMPDIR:-/tmp}/pressroom-bench]
#   BENCH_REUSE_INDEX=1 keep SIZE/db and its recorded load numbers from an earlier run
#   BENCH_COMPACT=0     skip measuring the xapian-compact size
#   BENCH_ENGINE=0      skip the in-process benchmark   BENCH_ENGINE_PASSES [3]
#   BENCH_WARMUP        untimed queries before each replay [50]
#   BENCH_WRK_SECONDS   seconds per wrk run, 0 = no wrk [20]
#   BENCH_PORT          server port [a free one]
#   BENCH_COUNT_CACHE   count-cache entries of the server and in-process benchmark [0]
#   BENCH_SOURCE_NOTE   what the build is, when BUILD_DIR's source is not a git checkout
#   BENCH_XAPIAN_RECORDS xapian_raw's 1-client records for the agreement table
#                       [${BENCH_WORK_DIR:-${TMPDIR:-/tmp}/bench-work}/SIZE/results/run-xapian_raw-c1-r1.jsonl]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

SIZE=${1:?usage: scripts/bench-http.sh SIZE (10k|100k|1m|N)}
case "$SIZE" in
  *k) NDOCS=$(( ${SIZE%k} * 1000 )) ;;
  *m) NDOCS=$(( ${SIZE%m} * 1000000 )) ;;
  *[!0-9]*|'') echo "SIZE must be like 10k, 100k, 1m or a number" >&2; exit 2 ;;
  *) NDOCS=$SIZE ;;
esac

BUILD_DIR=${BUILD_DIR:-build}
[[ "$BUILD_DIR" == /* ]] || BUILD_DIR=$ROOT/$BUILD_DIR
SHARED=${BENCH_SHARED_DIR:-$ROOT/../shared/bench}
QUERIES=${BENCH_QUERIES:-$SHARED/queries.jsonl}
PATHS=${QUERIES%.jsonl}.paths
CORPUS_DIR=${BENCH_CORPUS_DIR:-${TMPDIR:-/tmp}/bench-corpus}
WORK=${PRESSROOM_BENCH_DIR:-${TMPDIR:-/tmp}/pressroom-bench}/$SIZE
RESULTS=$WORK/results
DB=$WORK/db
WARMUP=${BENCH_WARMUP:-50}
WRK_SECONDS=${BENCH_WRK_SECONDS:-20}
XAPIAN_RECORDS=${BENCH_XAPIAN_RECORDS:-${BENCH_WORK_DIR:-${TMPDIR:-/tmp}/bench-work}/$SIZE/results/run-xapian_raw-c1-r1.jsonl}

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
die() { log "error: $*"; exit 1; }

for tool in python3 curl /usr/bin/time; do command -v "$tool" >/dev/null || die "$tool is missing"; done
[[ -s "$QUERIES" ]] || die "no query mix at $QUERIES (set BENCH_SHARED_DIR or BENCH_QUERIES)"

# ---- build
if [[ "${BENCH_NO_BUILD:-0}" != 1 ]]; then
  if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]]; then
    cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DPRESSROOM_TESTS=OFF >/dev/null
  fi
  targets=(pressroom-index pressroom-server pressroom-synth)
  [[ "${BENCH_ENGINE:-1}" == 1 ]] && targets+=(pressroom-engine-bench)
  cmake --build "$BUILD_DIR" -j"$(nproc)" --target "${targets[@]}" >/dev/null
fi
INDEX_BIN=$BUILD_DIR/pressroom-index
SERVER_BIN=$BUILD_DIR/pressroom-server
for bin in "$INDEX_BIN" "$SERVER_BIN"; do [[ -x "$bin" ]] || die "$bin is not built"; done

mkdir -p "$RESULTS"
rm -f "$RESULTS"/run-http-*.jsonl* "$RESULTS"/wrk-*.txt "$RESULTS"/suggest-*.json* "$RESULTS"/report.md

# ---- environment
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "host: nproc $(nproc), $(uname -r)"
  free -h
  echo "uptime: $(uptime)"
  # The source the binaries were built from (BUILD_DIR may belong to another checkout or a snapshot).
  SRC=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$BUILD_DIR/CMakeCache.txt" 2>/dev/null)
  if [[ -n "$SRC" ]] && git -C "$SRC" rev-parse --git-dir >/dev/null 2>&1; then
    echo "source: $SRC at $(git -C "$SRC" rev-parse --short HEAD)$(git -C "$SRC" diff --quiet HEAD -- common server indexer 2>/dev/null || echo ' (+ uncommitted changes in common/ server/ indexer/)')"
  else
    echo "source: ${SRC:-?} (not a git checkout${BENCH_SOURCE_NOTE:+: $BENCH_SOURCE_NOTE})"
  fi
  echo "build: $BUILD_DIR ($(grep -m1 '^CMAKE_BUILD_TYPE' "$BUILD_DIR/CMakeCache.txt" 2>/dev/null || echo '?'))"
  echo "xapian: $(pkg-config --modversion xapian-core 2>/dev/null || echo '?')"
} > "$RESULTS/env.txt"

# ---- corpus
CORPUS=${BENCH_CORPUS:-$CORPUS_DIR/press-$SIZE.jsonl}
if [[ -s "$CORPUS" ]]; then
  echo "corpus: $CORPUS (shared harness)" >> "$RESULTS/env.txt"
else
  SYNTH=$BUILD_DIR/bench/pressroom-synth
  [[ -x "$SYNTH" ]] || die "$SYNTH is not built"
  CORPUS=$WORK/synth-$SIZE.jsonl
  if [[ ! -s "$CORPUS" ]]; then
    log "generating $NDOCS releases with pressroom-synth (two slices in parallel) -> $CORPUS"
    half=$(( NDOCS / 2 ))
    "$SYNTH" --count "$half" --start 0 --out "$CORPUS.part0" &
    p0=$!
    "$SYNTH" --count $(( NDOCS - half )) --start "$half" --out "$CORPUS.part1"
    wait "$p0"
    cat "$CORPUS.part0" "$CORPUS.part1" > "$CORPUS" && rm -f "$CORPUS.part0" "$CORPUS.part1"
  fi
  echo "corpus: $CORPUS (pressroom-synth; NOT the file the harness's peers load)" >> "$RESULTS/env.txt"
fi
CORPUS_BYTES=$(stat -c %s "$CORPUS")

# ---- index
LOAD_JSON=$RESULTS/load-http.json
if [[ "${BENCH_REUSE_INDEX:-0}" == 1 && -d "$DB" && -s "$WORK/load-http.json" ]]; then
  log "reusing the index at $DB"
  cp "$WORK/load-http.json" "$LOAD_JSON"
else
  rm -rf "$DB" "$DB.compact"
  log "indexing $CORPUS ($(( CORPUS_BYTES / 1000000 )) MB) with pressroom-index"
  /usr/bin/time -v -o "$RESULTS/index.time" "$INDEX_BIN" --db "$DB" --quiet "$CORPUS" 2> "$RESULTS/index.log" \
    || die "pressroom-index failed (see $RESULTS/index.log)"
  compact_s=null compact_bytes=null
  if [[ "${BENCH_COMPACT:-1}" == 1 ]] && command -v xapian-compact >/dev/null; then
    log "measuring the index size after xapian-compact (the server keeps using $DB)"
    t0=$(date +%s.%N)
    xapian-compact "$DB" "$DB.compact" >/dev/null
    compact_s=$(python3 -c "import sys; print(round($(date +%s.%N) - $t0, 1))")
    compact_bytes=$(du -sb "$DB.compact" | cut -f1)
    rm -rf "$DB.compact"
  fi
  tables=$(for f in "$DB"/*.glass; do printf '"%s": %s, ' "$(basename "$f" .glass)" "$(stat -c %s "$f")"; done)
  python3 - "$RESULTS/index.time" "$CORPUS" "$CORPUS_BYTES" "$(du -sb "$DB" | cut -f1)" "$compact_s" \
      "$compact_bytes" "{${tables%, }}" > "$LOAD_JSON" <<'EOF'
import json, re, sys
timef, corpus, nbytes, index_bytes, compact_s, compact_bytes, tables = sys.argv[1:]
text = open(timef).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
secs = 0.0
for part in wall.split(":"):
    secs = secs * 60 + float(part)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
user = float(re.search(r"User time \(seconds\): (\S+)", text).group(1))
system = float(re.search(r"System time \(seconds\): (\S+)", text).group(1))
docs = sum(1 for line in open(corpus, "rb") if line.strip())
print(json.dumps({"engine": "http", "docs": docs, "seconds": round(secs, 2), "docs_per_s": round(docs / secs, 1),
                  "index_bytes": int(index_bytes), "corpus_bytes": int(nbytes),
                  "mb_per_s": round(int(nbytes) / 1e6 / secs, 2), "peak_rss_kb": rss,
                  "cpu_s": round(user + system, 1), "cpu_share": round((user + system) / secs, 2),
                  "tables": json.loads(tables),
                  "compact_seconds": json.loads(compact_s), "compact_bytes": json.loads(compact_bytes)}))
EOF
  cp "$LOAD_JSON" "$WORK/load-http.json"
fi
log "index: $(cat "$LOAD_JSON")"

# ---- suggestion prefixes (from the titles of the first 10k releases)
PREFIXES=$RESULTS/suggest-prefixes.txt
python3 "$ROOT/bench/suggest_replay.py" prefixes "$CORPUS" --out "$PREFIXES" 2>/dev/null

# ---- in-process engine benchmark
ENGINE_BIN=$BUILD_DIR/bench/pressroom-engine-bench
if [[ "${BENCH_ENGINE:-1}" == 1 ]]; then
  [[ -x "$ENGINE_BIN" ]] || die "$ENGINE_BIN is not built (libbenchmark-dev missing?)"
  log "in-process engine benchmark (pressroom-engine-bench, ${BENCH_ENGINE_PASSES:-3} passes)"
  "$ENGINE_BIN" --db="$DB" --count-cache="${BENCH_COUNT_CACHE:-0}" --queries="$QUERIES" --passes="${BENCH_ENGINE_PASSES:-3}" --suggest="$PREFIXES" \
    --dump="$RESULTS/engine-dump.jsonl" --benchmark_out="$RESULTS/engine-bench.json" \
    --benchmark_out_format=json > "$RESULTS/engine-bench.txt" 2>&1 || die "engine benchmark failed (see $RESULTS/engine-bench.txt)"
fi

# ---- the server, started and stopped by its pid
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
URL=http://127.0.0.1:$PORT

start_server() {  # THREADS
  "$SERVER_BIN" --db "$DB" --count-cache "${BENCH_COUNT_CACHE:-0}" --bind 127.0.0.1 --port "$PORT" --threads "$1" --quiet > "$RESULTS/server-t$1.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    curl -fsS "$URL/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || die "pressroom-server exited (see $RESULTS/server-t$1.log)"
    sleep 0.1
  done
  die "pressroom-server did not answer on $URL within 60 s"
}

rss_line() {  # label
  echo "$1: $(grep -E '^(VmRSS|VmHWM)' "/proc/$SERVER_PID/status" | tr -s ' \t' ' ' | paste -sd, -)"
}

replay() {  # CLIENTS
  BENCH_HTTP_URL=$URL python3 "$SHARED/bench.py" run http "$QUERIES" "$WORK" --clients "$1" --warmup "$WARMUP" \
    --out "$RESULTS/run-http-c$1.jsonl" --record-facets > /dev/null
}

run_wrk() {  # CONNECTIONS
  [[ "$WRK_SECONDS" != 0 ]] && command -v wrk >/dev/null || return 0
  wrk -t"$1" -c"$1" -d"${WRK_SECONDS}s" --latency -s "$SHARED/http/wrk_replay.lua" "$URL" -- "$PATHS" \
    > "$RESULTS/wrk-c$1.txt" 2>&1 || log "wrk failed (see $RESULTS/wrk-c$1.txt)"
}

for clients in 1 2; do
  log "pressroom-server --threads $clients on $URL: replay of the mix with $clients client(s)"
  start_server "$clients"
  replay "$clients"
  if [[ "$clients" == 1 ]]; then
    log "suggestions: /api/suggest on $(wc -l < "$PREFIXES") title prefixes, 1 client"
    python3 "$ROOT/bench/suggest_replay.py" run "$PREFIXES" --url "$URL" --out "$RESULTS/suggest-c1.jsonl" \
      > "$RESULTS/suggest-c1.json"
  fi
  rss_line "server RSS after the mix, --threads $clients" >> "$RESULTS/env.txt"
  log "wrk, $clients connection(s), ${WRK_SECONDS} s"
  run_wrk "$clients"
  rss_line "server RSS after wrk, --threads $clients" >> "$RESULTS/env.txt"
  stop_server
done

# ---- report
{
  echo "# pressroom at $SIZE"
  echo
  sed 's/^/    /' "$RESULTS/env.txt"
  echo
  echo "indexing: $(cat "$LOAD_JSON")"
  echo
  echo "suggestions (1 client): $(cat "$RESULTS/suggest-c1.json")"
  echo
  for c in 1 2; do
    [[ -s "$RESULTS/run-http-c$c.jsonl.summary.json" ]] && echo "replay, $c client(s): $(cat "$RESULTS/run-http-c$c.jsonl.summary.json")"
  done
  echo
  for c in 1 2; do
    if [[ -s "$RESULTS/wrk-c$c.txt" ]]; then
      echo "wrk, $c connection(s): $(grep -E 'Requests/sec' "$RESULTS/wrk-c$c.txt" | tr -s ' ') ;" \
        "$(grep -E '^ +(50|90|99)%' "$RESULTS/wrk-c$c.txt" | tr -s ' ' | paste -sd, -)"
    fi
  done
  echo
  if [[ -s "$RESULTS/engine-bench.txt" ]]; then
    echo "in-process (pressroom-engine-bench):"
    echo
    grep -E '^(search|suggest)' "$RESULTS/engine-bench.txt" | sed 's/^/    /'
    echo
  fi
  python3 "$ROOT/bench/http_report.py" "$QUERIES" --run1 "$RESULTS/run-http-c1.jsonl" \
    --run2 "$RESULTS/run-http-c2.jsonl" --ref "in-process engine=$RESULTS/engine-dump.jsonl" \
    --ref "xapian_raw=$XAPIAN_RECORDS"
} > "$RESULTS/report.md"
cat "$RESULTS/report.md"
log "results in $RESULTS"
