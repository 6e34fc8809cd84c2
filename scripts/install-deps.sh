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
  libyaml-cpp-dev                     # Markdown front matter
  libcmark-dev                        # Markdown bodies (CommonMark) to plain text
  libgumbo-dev                        # HTML5 parsing
  libpoppler-cpp-dev                  # PDF text
  libicu-dev                          # Unicode case and accent folding
)
TEST_PKGS=(
  libgtest-dev libgmock-dev libbenchmark-dev
  xapian-tools poppler-utils wrk curl python3
)

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
