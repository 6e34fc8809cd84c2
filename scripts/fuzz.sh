#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz, each for SECONDS_PER_TARGET,
# FUZZ_JOBS targets at a time (default: one per core), on the instrumented
# build of scripts/sanitized-build.sh (clang-14, ASan + UBSan; build-sanitize/,
# shared with scripts/test-sanitizers.sh). Fails when any target crashes,
# leaks, times out or runs out of memory; the input is then printed and kept in
# build-sanitize/fuzz-artifacts/.
#   scripts/fuzz.sh                  60 s per target
#   scripts/fuzz.sh 30               what CI runs (scripts/test.sh; see docs/reliability.md)
#   scripts/fuzz.sh 3600             the long form: an hour per target
#   scripts/fuzz.sh 3600 pdf_reader  one target for an hour
#   FUZZ_NO_BUILD=1 scripts/fuzz.sh  run the targets as last built
# The seeds in tests/fuzz/corpus/<target>/ are read, never written: what a run
# learns goes to build-sanitize/fuzz-corpus/<target>/ and is reused by the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-60}
shift $(( $# > 0 ? 1 : 0 ))
if [[ -z ${FUZZ_NO_BUILD:-} ]]; then
  scripts/install-deps.sh --test
  BUILD_DIR=$(scripts/sanitized-build.sh fuzz)
else
  BUILD_DIR=${SANITIZE_BUILD_DIR:-build-sanitize}
fi

if (($#)); then
  targets=("$@")
else
  read -r -a targets <<<"$(sed -n 's/^PRESSROOM_FUZZ_TARGETS:STRING=//p' "$BUILD_DIR/CMakeCache.txt" | tr ';' ' ')"
fi
JOBS=${FUZZ_JOBS:-$(nproc)}
ARTIFACTS="$BUILD_DIR/fuzz-artifacts"
LOGS="$BUILD_DIR/fuzz-logs"
mkdir -p "$ARTIFACTS" "$LOGS"
# A slow input (20 s) or 2 GB of memory is a finding too (see run_target).
source scripts/sanitizer-options.sh

run_target() {
  local t=$1 bin="$BUILD_DIR/tests/fuzz/fuzz_$1"
  local work="$BUILD_DIR/fuzz-corpus/$t" seeds="tests/fuzz/corpus/$t" dict=()
  mkdir -p "$work" "$ARTIFACTS/$t"
  [[ -f tests/fuzz/$t.dict ]] && dict=(-dict="tests/fuzz/$t.dict")
  "$bin" -max_total_time="$SECONDS_PER_TARGET" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$ARTIFACTS/$t/" "${dict[@]}" "$work" "$seeds" \
    >"$LOGS/$t.log" 2>&1
}

declare -A status
started=$SECONDS
pids=()
for t in "${targets[@]}"; do
  [[ -x "$BUILD_DIR/tests/fuzz/fuzz_$t" ]] || { echo "fuzz: no target '$t'" >&2; exit 2; }
  while (($(jobs -rp | wc -l) >= JOBS)); do wait -n || true; done
  echo "fuzz: $t for ${SECONDS_PER_TARGET}s"
  ( run_target "$t"; echo $? >"$LOGS/$t.status" ) || true &
  pids+=($!)
done
wait

failed=0
printf '\n%-18s %12s %10s %8s  %s\n' target executions exec/s corpus result
for t in "${targets[@]}"; do
  rc=$(cat "$LOGS/$t.status" 2>/dev/null || echo 99)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$LOGS/$t.log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$LOGS/$t.log" | tail -1)
  corpus=$(find "$BUILD_DIR/fuzz-corpus/$t" -type f | wc -l)
  if [[ $rc == 0 ]]; then result=ok; else result="FAILED (exit $rc)"; failed=1; fi
  printf '%-18s %12s %10s %8s  %s\n' "$t" "${execs:-?}" "${rate:-?}" "$corpus" "$result"
  if [[ $rc != 0 ]]; then
    echo "---- $LOGS/$t.log (last 60 lines)"
    tail -60 "$LOGS/$t.log"
    for f in "$ARTIFACTS/$t"/*; do
      [[ -f $f ]] || continue
      echo "---- input $f ($(stat -c %s "$f") bytes), base64:"
      head -c 4096 "$f" | base64 -w 0; echo
      echo "reproduce: $BUILD_DIR/tests/fuzz/fuzz_$t $f"
    done
  fi
done
echo "fuzz: ${#targets[@]} targets, ${SECONDS_PER_TARGET}s each, $((SECONDS - started))s of fuzzing"
exit $failed
