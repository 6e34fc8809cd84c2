#!/usr/bin/env bash
# Load test: pressroom-server with its default settings (64 workers, queue of
# 256) on a synthetic archive, driven by wrk with tests/load/replay.lua over a
# realistic request mix (tests/load/make_mix.py: the benchmark mix's eight kinds
# of search, release pages, suggestions, the HTML page). Fails when any request
# fails: a non-2xx answer, a connect/read/write error or a timeout; when the
# server does not stop cleanly on SIGTERM (under the sanitizers that includes a
# leak report); and, with --max-rss-growth, when the server's memory grows after
# the warm-up by more than that many percent. Samples the server's RSS every
# second (rss.tsv) and prints the figures.
#
#   scripts/load-test.sh                      100k releases, 64 connections, 60 s
#   scripts/load-test.sh --docs 1000 --seconds 5    the CI form (ctest "load")
#
# Options (defaults in brackets):
#   --docs N             releases in the archive (pressroom-synth) [100000]
#   --seconds S          duration of the run [60]
#   --connections C      concurrent keep-alive connections [64]
#   --timeout S          a request without an answer after S seconds is an error [10]
#   --warmup S           seconds excluded from the memory check [10]
#   --max-rss-growth P   fail when RSS at the end exceeds RSS after the warm-up by > P % [no check]
#   --build DIR          where pressroom-index, -server and bench/pressroom-synth are [build]
#   --work DIR           corpus, index, mix and results; reused when the same size
#                        is run again [${TMPDIR:-/tmp}/pressroom-load/N]
#   --corpus FILE        a JSON Lines archive to serve instead of pressroom-synth's
#   --mix FILE           a file of GET paths instead of the generated mix
# The binaries can also be given as PRESSROOM_INDEX_BIN, PRESSROOM_SERVER_BIN and
# PRESSROOM_SYNTH_BIN (ctest does).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)

DOCS=100000 SECONDS_=60 CONNECTIONS=64 TIMEOUT=10 WARMUP=10 MAX_GROWTH= BUILD_DIR=$ROOT/build WORK= CORPUS= MIX=
while (($#)); do
  case "$1" in
    --docs) DOCS=$2 ;;
    --seconds) SECONDS_=$2 ;;
    --connections) CONNECTIONS=$2 ;;
    --timeout) TIMEOUT=$2 ;;
    --warmup) WARMUP=$2 ;;
    --max-rss-growth) MAX_GROWTH=$2 ;;
    --build) BUILD_DIR=$2 ;;
    --work) WORK=$2 ;;
    --corpus) CORPUS=$2 ;;
    --mix) MIX=$2 ;;
    *) echo "load-test: unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
  shift 2
done
INDEX_BIN=${PRESSROOM_INDEX_BIN:-$BUILD_DIR/pressroom-index}
SERVER_BIN=${PRESSROOM_SERVER_BIN:-$BUILD_DIR/pressroom-server}
SYNTH_BIN=${PRESSROOM_SYNTH_BIN:-$BUILD_DIR/bench/pressroom-synth}
WORK=${WORK:-${TMPDIR:-/tmp}/pressroom-load/$DOCS}
mkdir -p "$WORK"

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
die() { log "load-test: $*"; exit 1; }
for tool in wrk curl python3; do command -v "$tool" >/dev/null || die "$tool is missing (scripts/install-deps.sh --test)"; done
for bin in "$INDEX_BIN" "$SERVER_BIN"; do [[ -x $bin ]] || die "$bin is not built"; done

# ---- the archive, its index and the mix (kept in WORK for the next run)
if [[ -z $CORPUS ]]; then
  CORPUS=$WORK/synth.jsonl
  if [[ ! -s $CORPUS || $(cat "$WORK/synth.count" 2>/dev/null) != "$DOCS" ]]; then
    [[ -x $SYNTH_BIN ]] || die "$SYNTH_BIN is not built"
    log "writing $DOCS synthetic releases (pressroom-synth)"
    "$SYNTH_BIN" --count "$DOCS" --out "$CORPUS"
    echo "$DOCS" > "$WORK/synth.count"
    rm -rf "$WORK/db"
  fi
fi
DB=$WORK/db
# Re-indexed when the corpus or the indexer changed.
stamp="$CORPUS $(stat -c '%s %Y' "$CORPUS") $(stat -c %Y "$INDEX_BIN")"
if [[ ! -d $DB || $(cat "$WORK/db.source" 2>/dev/null) != "$stamp" ]]; then
  rm -rf "$DB"
  log "indexing $CORPUS"
  started=$SECONDS
  "$INDEX_BIN" --db "$DB" --quiet "$CORPUS" 2> "$WORK/index.log" || die "pressroom-index failed: $(tail -5 "$WORK/index.log")"
  log "indexed in $((SECONDS - started)) s"
  echo "$stamp" > "$WORK/db.source"
fi
if [[ -z $MIX ]]; then
  MIX=$WORK/mix.paths
  python3 "$ROOT/tests/load/make_mix.py" "$CORPUS" --out "$MIX"
fi

# ---- the server, with its default threads and queue, stopped by its pid
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL=http://127.0.0.1:$PORT
SERVER_PID= SAMPLER_PID=
cleanup() {
  [[ -n $SAMPLER_PID ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  [[ -n $SERVER_PID ]] && kill -KILL "$SERVER_PID" 2>/dev/null || true
}
trap cleanup EXIT
"$SERVER_BIN" --db "$DB" --bind 127.0.0.1 --port "$PORT" --quiet > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do
  curl -fsS "$URL/healthz" > /dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || die "pressroom-server exited: $(tail -20 "$WORK/server.log")"
  sleep 0.1
done
curl -fsS "$URL/healthz" > /dev/null || die "pressroom-server did not answer on $URL"

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0; }
# RSS once a second, from before the first request to after the last.
(
  t0=$(date +%s)
  while kill -0 "$SERVER_PID" 2>/dev/null; do
    printf '%s\t%s\n' "$(($(date +%s) - t0))" "$(rss_kb)"
    sleep 1
  done
) > "$WORK/rss.tsv" &
SAMPLER_PID=$!

log "wrk: $CONNECTIONS connections for ${SECONDS_} s on $URL ($(wc -l < "$MIX") paths, $(nproc) cores)"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" --timeout "${TIMEOUT}s" --latency -s "$ROOT/tests/load/replay.lua" \
  "$URL" -- "$MIX" > "$WORK/wrk.txt" 2>&1 || die "wrk failed: $(cat "$WORK/wrk.txt")"
rss_end=$(rss_kb)
kill "$SAMPLER_PID" 2>/dev/null || true
wait "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=

kill -TERM "$SERVER_PID"
server_status=0
wait "$SERVER_PID" || server_status=$?
SERVER_PID=

# ---- figures and verdict
summary=$(grep '^load: ' "$WORK/wrk.txt" || true)
[[ -n $summary ]] || die "no summary from wrk: $(cat "$WORK/wrk.txt")"
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$summary"; }
rss_warm=$(awk -v w="$WARMUP" '$1 >= w {print $2; exit}' "$WORK/rss.tsv")
rss_peak=$(awk 'BEGIN {m = 0} $2 > m {m = $2} END {print m}' "$WORK/rss.tsv")
echo "$summary"
echo "rss_kb: start=$(awk 'NR == 1 {print $2}' "$WORK/rss.tsv") after_warmup(${WARMUP}s)=${rss_warm:-n/a} end=$rss_end peak=$rss_peak (every second in $WORK/rss.tsv)"
awk 'BEGIN {next_t = 0} $1 >= next_t {printf "%s%ss %.0f MB", sep, $1, $2 / 1024; sep = ", "; next_t = $1 + 10} END {print ""}' \
  "$WORK/rss.tsv" | sed 's/^/rss every 10 s: /'
grep -E '^ +(50|75|90|99)%' "$WORK/wrk.txt" | tr -s ' ' | paste -sd, - | sed 's/^/wrk latency:/'

failed=0
requests=$(field requests)
if (( requests == 0 )); then echo "FAILED: no request was answered"; failed=1; fi
if (( $(field non2xx) > 0 )); then echo "FAILED: $(field non2xx) answers were not 2xx ($(field statuses))"; failed=1; fi
for e in connect read write timeout; do
  if (( $(field "$e") > 0 )); then echo "FAILED: $(field "$e") $e errors"; failed=1; fi
done
if (( server_status != 0 )); then
  echo "FAILED: the server exited with status $server_status on SIGTERM; its log ends with:"
  tail -40 "$WORK/server.log"
  failed=1
fi
if [[ -n $MAX_GROWTH && -n $rss_warm ]] && (( rss_end * 100 > rss_warm * (100 + MAX_GROWTH) )); then
  echo "FAILED: RSS grew from $rss_warm kB after the warm-up to $rss_end kB (more than $MAX_GROWTH %)"
  failed=1
fi
((failed == 0)) && echo "load-test: ok"
exit "$failed"
