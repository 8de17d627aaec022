#!/usr/bin/env bash
# Regenerates the committed query sets benchmarks/queries/<size>.jsonl (fixed seeds).
set -euo pipefail
source "$(dirname "$0")/corpora.sh"
Q="$BENCH_DIR/queries"
python3 "$BENCH_DIR/gen_queries.py" --seed 1 $(corpus_files sample) >"$Q/sample.jsonl"
python3 "$BENCH_DIR/gen_queries.py" --seed 2 $(corpus_files reuters) >"$Q/reuters.jsonl"
# The generated corpora repeat GEN_INPUTS with dates over 1996-2025 and reshuffled topics.
python3 "$BENCH_DIR/gen_queries.py" --seed 3 --years 1996-2025 --topics pool \
  "${GEN_INPUTS[@]}" >"$Q/1m.jsonl"
wc -l "$Q"/*.jsonl
