#!/usr/bin/env bash
# Quick start, command 2, and what CI runs (.ci/run): installs what is missing,
# then runs, stopping at the first failure,
#  1. the Release build (g++) and the whole test suite (ctest);
#  2. the instrumented build (clang-14: AddressSanitizer + UBSan + libFuzzer
#     coverage; scripts/sanitized-build.sh) and the whole test suite again under
#     the sanitizers (scripts/test-sanitizers.sh);
#  3. every fuzz target for FUZZ_SECONDS each [30] on that build (scripts/fuzz.sh).
# Each part says how long it took (docs/reliability.md has the budget).
#   TEST_SANITIZERS=0 scripts/test.sh    part 1 only
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test

# CPU seconds of this shell and the children it waited for: on a shared
# machine the steadier figure.
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15 + $16 + $17) / hz}' "/proc/$1/stat"; }
part() {  # NAME COMMAND...
  local name=$1 started=$SECONDS me=$BASHPID cpu
  cpu=$(cpu_s "$me")
  shift
  echo "== test.sh: $name"
  "$@"
  echo "== test.sh: $name: $((SECONDS - started)) s, $(($(cpu_s "$me") - cpu)) s CPU"
}
release_suite() {
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DPRESSROOM_TESTS=ON >/dev/null
  part "Release build" cmake --build "$BUILD_DIR" -j"$(nproc)"
  (cd "$BUILD_DIR" && part "Release tests" ctest --output-on-failure -j"$(nproc)" --timeout 600)
}

BUILD_DIR=${BUILD_DIR:-build}
release_suite
if [[ ${TEST_SANITIZERS:-1} != 0 ]]; then
  part "sanitizer build" scripts/sanitized-build.sh
  part "sanitizer tests" env SANITIZE_NO_BUILD=1 scripts/test-sanitizers.sh
  part "fuzzing" env FUZZ_NO_BUILD=1 scripts/fuzz.sh "${FUZZ_SECONDS:-30}"
fi
