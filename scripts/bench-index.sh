#!/usr/bin/env bash
# Usage: scripts/bench-index.sh SIZE [LAYOUT...]      (SIZE = 10k | 100k | 1m | N)
#
# Indexing speed, side by side: pressroom-index builds the harness's corpus
# press-SIZE.jsonl from scratch in each LAYOUT (`single`, `shards2`, `shards4`,
# or `shardsN`; `none` for the peers alone; default: single shards2 shards4), each under /usr/bin/time -v
# (wall and CPU time, peak RSS), then the peers load the same file through the
# shared harness (`bench.py load`, one thread each, as the harness does).
# Prints a markdown table: docs/s, MB/s, wall, CPU, cores used, peak RSS, index
# size on disk (du of the database, stub and shards included).
#
# Environment: BUILD_DIR [build], BENCH_SHARED_DIR [../shared/bench],
# BENCH_CORPUS_DIR [${TMPDIR:-/tmp}/bench-corpus], PRESSROOM_BENCH_DIR
# [${TMPDIR:-/tmp}/pressroom-bench], BENCH_PEERS ["sphinx sqlite_fts5"; "" for
# none], BENCH_INDEX_ARGS (extra pressroom-index options, e.g. --part-documents).
# Output: $PRESSROOM_BENCH_DIR/SIZE/index/ (time logs, peers' load JSON, report.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SIZE=${1:?usage: scripts/bench-index.sh SIZE [LAYOUT...]}
shift
LAYOUTS=("$@")
[[ ${#LAYOUTS[@]} -gt 0 ]] || LAYOUTS=(single shards2 shards4)
BUILD_DIR=${BUILD_DIR:-build}
[[ "$BUILD_DIR" == /* ]] || BUILD_DIR=$ROOT/$BUILD_DIR
SHARED=${BENCH_SHARED_DIR:-$ROOT/../shared/bench}
CORPUS=${BENCH_CORPUS:-${BENCH_CORPUS_DIR:-${TMPDIR:-/tmp}/bench-corpus}/press-$SIZE.jsonl}
OUT=${PRESSROOM_BENCH_DIR:-${TMPDIR:-/tmp}/pressroom-bench}/$SIZE/index
PEERS=${BENCH_PEERS-sphinx sqlite_fts5}
INDEX_BIN=$BUILD_DIR/pressroom-index

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
die() { log "error: $*"; exit 1; }
[[ -x "$INDEX_BIN" ]] || die "$INDEX_BIN is not built"
[[ -s "$CORPUS" ]] || die "no corpus at $CORPUS (python3 $SHARED/gen_corpus.py --sizes ... --out-dir ...)"
# The harness's adapters need psycopg2 and pymysql (Debian's python3 has them).
PY=${BENCH_PYTHON:-}
if [[ -z "$PY" ]]; then
  for candidate in python3 /usr/bin/python3; do
    if "$candidate" -c 'import psycopg2, pymysql' 2>/dev/null; then PY=$candidate; break; fi
  done
fi
[[ -n "$PY" || -z "$PEERS" ]] || die "no python3 can import psycopg2 and pymysql (set BENCH_PYTHON)"
mkdir -p "$OUT"
DOCS=$(wc -l < "$CORPUS")
BYTES=$(stat -c %s "$CORPUS")
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); nproc $(nproc); $(free -g | awk '/Mem:/ {print $2 " GiB memory"}')"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "source: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "corpus: $CORPUS ($DOCS releases, $BYTES bytes)"
} > "$OUT/env.txt"

field() { awk -v k="$1" 'index($0, k ": ") { sub(/^.*: /, ""); print; exit }' "$2"; }
seconds_of() {  # h:mm:ss or m:ss.ss → seconds
  awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }' <<< "$1"
}

rows=()
for layout in "${LAYOUTS[@]}"; do
  case "$layout" in
    none) continue ;;
    single) shards=1 ;;
    shards*) shards=${layout#shards} ;;
    *) die "unknown layout $layout" ;;
  esac
  db=$OUT/db-$layout
  rm -rf "$db" "$db".builds
  log "pressroom-index --shards $shards ($layout)"
  # shellcheck disable=SC2086
  /usr/bin/time -v "$INDEX_BIN" -q --shards "$shards" ${BENCH_INDEX_ARGS:-} --db "$db" "$CORPUS" \
    > "$OUT/$layout.log" 2> "$OUT/$layout.time"
  wall=$(seconds_of "$(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$OUT/$layout.time")")
  user=$(field 'User time (seconds)' "$OUT/$layout.time")
  sys=$(field 'System time (seconds)' "$OUT/$layout.time")
  rss=$(field 'Maximum resident set size (kbytes)' "$OUT/$layout.time")
  size=$(du -sb "$db" | cut -f1)
  rows+=("$(awk -v l="pressroom $layout" -v d="$DOCS" -v b="$BYTES" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v z="$size" \
    'BEGIN { printf "| %s | %.0f | %.2f | %.0f | %.0f | %.2f | %.0f | %.0f |", l, d / w, b / 1e6 / w, w, u + s, (u + s) / w, r / 1024, z / 1048576 }')")
  log "${rows[-1]}"
done

for peer in $PEERS; do
  work=$OUT/peer-$peer
  rm -rf "$work"
  mkdir -p "$work"
  log "peer $peer: bench.py load"
  "$PY" "$SHARED/bench.py" load "$peer" "$CORPUS" "$work" --out "$OUT/load-$peer.json" > "$OUT/load-$peer.log" 2>&1 || {
    log "peer $peer failed (see $OUT/load-$peer.log)"
    continue
  }
  "$PY" "$SHARED/bench.py" stop "$peer" "$work" > /dev/null 2>&1 || true
  rows+=("$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1])); b = int(sys.argv[2])
print("| %s | %.0f | %.2f | %.0f | | | | %.0f |" % (d["engine"], d["docs_per_s"], b / 1e6 / d["seconds"], d["seconds"], d["index_bytes"] / 1048576))
' "$OUT/load-$peer.json" "$BYTES")")
  log "${rows[-1]}"
done

{
  cat "$OUT/env.txt"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| engine | docs/s | MB/s | wall s | CPU s | cores | peak RSS MiB | index MiB |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
} > "$OUT/report.md"
cat "$OUT/report.md"
