#!/usr/bin/env bash
# CI smoke run of every benchmark on the sample corpus, in quick mode: checks
# that each runs and that its self-checks pass (result and document counts),
# never its timings. Registered with ctest as `benchmarks_smoke`.
#   BUILD=build benchmarks/smoke.sh
set -euo pipefail
export BENCH_DATA="${BENCH_DATA:-${BUILD:?BUILD must name the build directory}/bench-smoke}"
source "$(dirname "$0")/corpora.sh"
rm -rf "$BENCH_DATA"
mkdir -p "$BENCH_DATA"
step() { echo "== $*"; }

step analysis
"$BUILD/bin/bench_analysis" --benchmark_min_time=0.01 | tee "$BENCH_DATA/analysis.txt"
# A failed self-check is reported, not an exit status.
if grep -q 'ERROR OCCURRED' "$BENCH_DATA/analysis.txt"; then exit 1; fi
step index
"$BENCH_DIR/run_index.sh" sample
grep -q '^portal .*docs=' "$BENCH_DATA/sample/index.txt"
step search
"$BENCH_DIR/run_search.sh" sample 1
"$BUILD/bin/bench_search" --portal-db "$BENCH_DATA/sample/portal" \
  --plain-db "$BENCH_DATA/sample/plain" --queries "$(queries_for sample)" --reps 1 --by-kind |
  tee "$BENCH_DATA/by-kind.txt"
grep -Eq '^by kind=words .*portal_matches_sum=[1-9].*plain_matches_sum=[1-9]' \
  "$BENCH_DATA/by-kind.txt"
# Our answer without its snippets, then without its facets (each checked by
# bench_search: facets present or not, no snippet where none was asked for).
for part in --no-snippets --no-facets; do
  "$BUILD/bin/bench_search" --portal-db "$BENCH_DATA/sample/portal" \
    --plain-db "$BENCH_DATA/sample/plain" --queries "$(queries_for sample)" --reps 1 \
    --limit 40 "$part" | grep '^ratio '
done
step spelling
"$BUILD/bin/bench_spelling" --portal-db "$BENCH_DATA/sample/portal" --words 50 |
  tee "$BENCH_DATA/spelling.txt"
grep -q '^suggest script=cyrillic ' "$BENCH_DATA/spelling.txt"
step http
if command -v wrk >/dev/null && command -v curl >/dev/null; then
  CONNECTIONS=1 WARMUP_SECONDS=1 PAIR_REPS=1 "$BENCH_DIR/run_http.sh" sample 1
  grep -q '^delta portal_http-portal_inprocess ' "$BENCH_DATA/sample/http.txt"
else
  echo "http skipped: wrk or curl missing"
fi
step peers
"$BENCH_DIR/run_peers.sh" sample 1
rm -rf "$BENCH_DATA"
