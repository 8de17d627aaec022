#!/usr/bin/env bash
# In-process search latency over the size's query set: our library (top 10,
# facets, snippets) beside plain Xapian (QueryParser + Enquire, top 10), one run.
#   benchmarks/run_search.sh SIZE [REPS]
# Needs the indexes of run_index.sh SIZE (built if missing).
set -euo pipefail
source "$(dirname "$0")/corpora.sh"
size="${1:?usage: run_search.sh sample|reuters|100k|1m [REPS]}"
reps="${2:-5}"
out="$BENCH_DATA/$size"
[[ -d "$out/portal" && -d "$out/plain" ]] || "$BENCH_DIR/run_index.sh" "$size"
"$BUILD/bin/bench_search" --portal-db "$out/portal" --plain-db "$out/plain" \
  --queries "$(queries_for "$size")" --reps "$reps" | tee "$out/search.txt"
