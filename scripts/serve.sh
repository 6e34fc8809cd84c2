#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build in Release, index the
# sample archive in corpus/ and serve it on http://127.0.0.1:8080 (PORT=… to change).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DPRESSROOM_TESTS=OFF >/dev/null
cmake --build "$BUILD_DIR" -j"$(nproc)" --target pressroom-index pressroom-server
DB=${DB:-$BUILD_DIR/corpus.db}
"$BUILD_DIR"/pressroom-index --db "$DB" --prune corpus/
echo "pressroom: serving the sample archive on http://127.0.0.1:${PORT:-8080}/  (Ctrl-C to stop)"
exec "$BUILD_DIR"/pressroom-server --db "$DB" --bind 127.0.0.1 --port "${PORT:-8080}" --synonyms corpus/synonyms.yaml
