#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer, on
# the instrumented build of scripts/sanitized-build.sh (build-sanitize/, shared
# with the fuzzers). The tests that start pressroom-index or pressroom-server
# (crash recovery, disk full, server start, the load test, the browser test)
# start the instrumented binaries of the same build, which inherit the options
# below. Any report fails the run: UBSan is fatal (-fno-sanitize-recover=all),
# ASan aborts on its first error, LeakSanitizer checks every process at exit
# (a test's, and the servers' exit status on SIGTERM is checked).
#   scripts/test-sanitizers.sh             build + run everything
#   scripts/test-sanitizers.sh -R Fuzz     extra arguments go to ctest
#   SANITIZE_NO_BUILD=1 ...                run the tests as last built
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z ${SANITIZE_NO_BUILD:-} ]]; then
  scripts/install-deps.sh --test
  BUILD_DIR=$(scripts/sanitized-build.sh)
else
  BUILD_DIR=${SANITIZE_BUILD_DIR:-build-sanitize}
fi
source scripts/sanitizer-options.sh
# One kill is enough to run the indexer's crash and recovery paths under the
# sanitizers; the Release run of scripts/test.sh does the 3 kills of CI.
export PRESSROOM_CRASH_KILLS=${PRESSROOM_CRASH_KILLS:-1}
cd "$BUILD_DIR"
ctest --output-on-failure -j"$(nproc)" --timeout 900 "$@"
