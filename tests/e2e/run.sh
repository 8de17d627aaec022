#!/usr/bin/env bash
# Runs the search page's browser tests: installs the one npm dependency
# (playwright-core) when it is missing, then node's test runner. ctest passes
# PORTAL_INDEXER_BIN, PORTAL_SEARCHD_BIN and PORTAL_SOURCE_DIR.
set -euo pipefail
cd "$(dirname "$0")"

for tool in node npm; do
  if ! command -v "$tool" >/dev/null; then
    echo "e2e: '$tool' not found; install it with: bash scripts/install-deps.sh --with-browser" >&2
    exit 1
  fi
done
if [[ ! -x "${CHROMIUM_BIN:-/usr/bin/chromium}" ]]; then
  echo "e2e: Chromium not found; install it with: bash scripts/install-deps.sh --with-browser" >&2
  exit 1
fi
if [[ ! -f node_modules/playwright-core/package.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --prefer-offline
fi
exec node --test --test-reporter=spec search_page.test.mjs
