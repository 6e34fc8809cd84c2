#!/usr/bin/env bash
# The sharded set-up against one database, on this machine (docs/deployment.md,
# "Benchmark of the sharded set-up"): the same corpus indexed once as one
# database and once with --shards N; the in-process engine benchmark over the
# shared 500-query mix on
#   1. the one database,
#   2. the N shards opened locally (the stub directory),
#   3. the N shards behind N xapian-tcpsrv processes on loopback (a stub file
#      of `remote` lines): the remote protocol's overhead is 3 against 2;
# each with the count cache off (every query counted afresh) and on (the mix
# repeated, as a busy archive repeats its popular queries).
#
#   scripts/bench-shards.sh CORPUS.jsonl [N=4]
#
# Environment: BUILD_DIR [build], OUT [/tmp/pressroom-shards-bench],
# BENCH_QUERIES [../shared/bench/queries.jsonl], PASSES [2],
# REUSE=1 keeps databases already built in OUT.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:?usage: scripts/bench-shards.sh CORPUS.jsonl [N]}
shards=${2:-4}
build=${BUILD_DIR:-$here/build}
out=${OUT:-/tmp/pressroom-shards-bench}
queries=${BENCH_QUERIES:-$here/../shared/bench/queries.jsonl}
passes=${PASSES:-2}
bench=$build/bench/pressroom-engine-bench
mkdir -p "$out"

for bin in "$build/pressroom-index" "$bench"; do [[ -x $bin ]] || { echo "$bin is not built" >&2; exit 1; }; done

index() {  # DB [extra options]
  local db=$1; shift
  if [[ ${REUSE:-0} == 1 && -e $db ]]; then return; fi
  rm -rf "$db"
  /usr/bin/time -v -o "$db.time" "$build/pressroom-index" --db "$db" --quiet "$@" "$corpus" 2> "$db.log"
  echo "indexed $db: $(grep -E 'Elapsed|Maximum resident' "$db.time" | tr -s ' ' | tr '\n' ';')"
}
index "$out/one"
index "$out/sharded" --shards "$shards"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
: > "$out/remote.stub"
for ((i = 0; i < shards; i++)); do
  # An ephemeral port the kernel has just handed out, not a fixed one that another run may hold.
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  shard=$(printf '%s/sharded/shard-%02d' "$out" "$i")
  /usr/bin/xapian-tcpsrv --interface 127.0.0.1 --port "$port" --quiet "$shard" > "$out/tcpsrv-$i.log" 2>&1 &
  pids+=($!)
  echo "remote 127.0.0.1:$port" >> "$out/remote.stub"
done
sleep 1

run() {  # NAME DB CACHE
  "$bench" --db="$2" --queries="$queries" --passes="$passes" --count-cache="$3" \
    --benchmark_filter='^search/all' --benchmark_out="$out/$1-cache$3.json" --benchmark_out_format=json \
    > "$out/$1-cache$3.txt" 2>&1 || { cat "$out/$1-cache$3.txt" >&2; exit 1; }
  echo "$1 cache=$3: $(grep -E '^search/all' "$out/$1-cache$3.txt" | tr -s ' ' | cut -c1-200 | tr '\n' '|')"
}
for cache in 0 4096; do
  run one "$out/one" "$cache"
  run local "$out/sharded" "$cache"
  run remote "$out/remote.stub" "$cache"
done
du -sh "$out/one" "$out/sharded" | tee "$out/sizes.txt"
