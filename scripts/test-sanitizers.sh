#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer:
# builds with -DPRESSROOM_SANITIZE=ON (RelWithDebInfo, so reports carry file:line)
# into build-asan/ and runs ctest. Any sanitizer report fails the run: the
# build uses -fno-sanitize-recover=all, and ASan aborts on its first error.
#   scripts/test-sanitizers.sh            build + run everything (browser tests excluded)
#   scripts/test-sanitizers.sh -R Fuzz    extra arguments go to ctest
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
BUILD_DIR=${BUILD_DIR:-build-asan}
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPRESSROOM_TESTS=ON -DPRESSROOM_SANITIZE=ON >/dev/null
cmake --build "$BUILD_DIR" -j"$(nproc)"

# detect_leaks: LeakSanitizer runs at exit of every test process.
# abort_on_error + halt_on_error: a report is a failed test, never a warning.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}

cd "$BUILD_DIR"
# Browser tests drive a real Chromium, whose own process is not instrumented.
ctest --output-on-failure -j"$(nproc)" --timeout 900 -E browser "$@"
