#!/usr/bin/env bash
# The long form of the crash-recovery test (tests/crash_recovery_test.cc): the
# real pressroom-index is killed with SIGKILL at KILLS random moments of an
# update (default 25; CI runs 3), and after each kill the index must open,
# pass xapian-check, answer searches and be completed by a re-run.
#   scripts/crash-test.sh [KILLS]
#   PRESSROOM_CRASH_SEED=S scripts/crash-test.sh   replays the moments of a failed run
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DPRESSROOM_TESTS=ON >/dev/null
cmake --build "$BUILD_DIR" -j"$(nproc)" --target pressroom_tests pressroom-index
PRESSROOM_LONG_TESTS=1 PRESSROOM_CRASH_KILLS=${1:-25} \
  "$BUILD_DIR"/tests/pressroom_tests --gtest_filter='CrashRecovery.*'
