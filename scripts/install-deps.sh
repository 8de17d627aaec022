#!/usr/bin/env bash
# Installs the Debian packages portalsearch needs, only those missing.
# Idempotent: runs `apt-get update` only when something must be installed.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libxapian-dev xapian-tools
  libicu-dev
  libcpp-httplib-dev libssl-dev zlib1g-dev libzstd-dev liblz4-dev libxxhash-dev libjemalloc-dev
  nlohmann-json3-dev rapidjson-dev libsimdjson-dev libabsl-dev
  libcli11-dev
  libgumbo-dev
  libhunspell-dev hunspell-uk
  libcld2-dev
  libsqlite3-dev sqlite3
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev
  python3 curl libbrotli-dev
  wrk
)
# Browser tests need Chromium and Node.js; only the test command asks for them.
# The benchmarks' peers (benchmarks/run_peers.sh) only with --with-bench.
for arg in "$@"; do
  case "$arg" in
    --with-browser) packages+=(chromium nodejs npm) ;;
    --with-bench) packages+=(postgresql-15 libpq-dev sphinxsearch libmariadb-dev) ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# nodejs/npm may come from elsewhere than Debian; accept any working binary.
if [[ " ${missing[*]} " == *" nodejs "* ]] && command -v node >/dev/null; then
  missing=("${missing[@]/nodejs}")
fi
if [[ " ${missing[*]} " == *" npm "* ]] && command -v npm >/dev/null; then
  missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]}"

if ((${#missing[@]} == 0)); then
  exit 0
fi
echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
