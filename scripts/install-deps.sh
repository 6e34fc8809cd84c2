#!/usr/bin/env bash
# Installs every Debian 12 package pressroom needs to build, serve and test.
# Shared by the Quick start, .ci/run and the Dockerfile, so that what a fresh
# machine gets is exactly what the project declares here.
#   scripts/install-deps.sh            build + runtime packages
#   scripts/install-deps.sh --test     also the test-only tools (browser, load tools)
set -euo pipefail

BUILD_PKGS=(
  g++ cmake make pkg-config ca-certificates
  libxapian-dev xapian-tools          # search engine library; quest, xapian-delve, xapian-check, xapian-tcpsrv
  libcpp-httplib-dev                  # HTTP server
  nlohmann-json3-dev                  # JSON
  libspdlog-dev                       # logging (mains and server only)
  libcli11-dev                        # command lines
  libyaml-cpp-dev                     # Markdown front matter (YAML, between ---)
  libtomlplusplus-dev                 # Markdown front matter (TOML, between +++, as Hugo writes it)
  libcmark-dev                        # Markdown bodies (CommonMark) to plain text
  libgumbo-dev                        # HTML5 parsing
  libpoppler-cpp-dev                  # PDF text
  libicu-dev                          # Unicode case and accent folding
  prometheus-cpp-dev                  # /metrics in the Prometheus text format
  libxml2-dev                         # XML parser for the feed, sitemap and OpenSearch tests
  libjemalloc-dev                     # the indexer's allocator (Xapian's writer allocates heavily)
)
TEST_PKGS=(
  libgtest-dev libgmock-dev libbenchmark-dev
  xapian-tools poppler-utils wrk curl python3
  chromium                            # browser tests (tests/browser, driven by playwright-core)
  clang-14 libclang-rt-14-dev         # libFuzzer and the ASan/UBSan runtimes for scripts/fuzz.sh
)
# Node.js runs the browser tests; machines that already have a node (e.g. from
# NodeSource, which bundles npm) keep it.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then TEST_PKGS+=(nodejs npm); fi

want=("${BUILD_PKGS[@]}")
if [[ "${1:-}" == "--test" ]]; then want+=("${TEST_PKGS[@]}"); fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  echo "installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The browser tests' one npm dependency, exactly as locked.
if [[ "${1:-}" == "--test" ]]; then
  browser_dir="$(cd "$(dirname "$0")/.." && pwd)/tests/browser"
  locked_matches_installed='const l = require("./package-lock.json").packages["node_modules/playwright-core"];
    process.exit(l && require("./node_modules/playwright-core/package.json").version === l.version ? 0 : 1)'
  if ! (cd "$browser_dir" && node -e "$locked_matches_installed" 2>/dev/null); then
    echo "installing the browser tests' npm packages"
    (cd "$browser_dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
