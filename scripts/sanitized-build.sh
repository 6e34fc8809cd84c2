#!/usr/bin/env bash
# Configures and builds the one instrumented build that both the sanitizer run
# of the test suite (scripts/test-sanitizers.sh) and the fuzzers
# (scripts/fuzz.sh) use: clang-14, AddressSanitizer + UBSan (a report is
# fatal) and libFuzzer's coverage instrumentation in every object, -O1 with
# line tables only (reports carry file:line; full debug info would double the
# build time). Prints the build directory on stdout.
#   scripts/sanitized-build.sh [TARGET...]     default: everything
# Environment: SANITIZE_BUILD_DIR [build-sanitize], SANITIZE_CXX [clang++-14].
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${SANITIZE_BUILD_DIR:-build-sanitize}
CXX_COMPILER=${SANITIZE_CXX:-$(command -v clang++-14 || command -v clang++ || true)}
[[ -n $CXX_COMPILER ]] || { echo "sanitized-build: clang++-14 is missing (scripts/install-deps.sh --test)" >&2; exit 2; }
cmake -S . -B "$BUILD_DIR" -DCMAKE_CXX_COMPILER="$CXX_COMPILER" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DPRESSROOM_TESTS=ON -DPRESSROOM_FUZZ=ON >&2
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build "$BUILD_DIR" -j"$(nproc)" "${targets[@]}" >&2
echo "$BUILD_DIR"
