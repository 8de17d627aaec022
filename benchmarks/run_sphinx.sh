#!/usr/bin/env bash
# The Sphinx 2.2 peer (part of run_peers.sh): indexes the corpus through
# tsvpipe with an explicit Latin + Cyrillic charset table and the English and
# Russian stemmers, serves it with a throwaway searchd on loopback and runs
# the query set over SphinxQL.
#   benchmarks/run_sphinx.sh SIZE [REPS]
set -euo pipefail
source "$(dirname "$0")/corpora.sh"
size="${1:?usage: run_sphinx.sh sample|reuters|100k|1m [REPS]}"
reps="${2:-5}"
if ! command -v indexer >/dev/null || ! command -v searchd >/dev/null ||
  [[ ! -x "$BUILD/bin/bench_sphinx" ]]; then
  echo "sphinx skipped (install with scripts/install-deps.sh --with-bench)"
  exit 0
fi
ensure_corpus "$size"
read -r -a files <<<"$(corpus_files "$size")"
dir="$BENCH_DATA/$size/sphinx"
rm -rf "$dir"
mkdir -p "$dir"
port=$(free_port)
# Latin with Latin-1 accents (French), Cyrillic with Ukrainian letters, digits.
charset="0..9, A..Z->a..z, _, a..z, U+C0..U+D6->U+E0..U+F6, U+D8..U+DE->U+F8..U+FE, \
U+E0..U+F6, U+F8..U+FF, U+152->U+153, U+153, U+410..U+42F->U+430..U+44F, U+430..U+44F, \
U+401->U+451, U+451, U+404->U+454, U+454, U+406->U+456, U+456, U+407->U+457, U+457, \
U+490->U+491, U+491"
cat >"$dir/sphinx.conf" <<CONF
source portal {
  type = tsvpipe
  tsvpipe_command = $BUILD/bin/bench_sphinx tsv ${files[*]}
  tsvpipe_field = title
  tsvpipe_field = body
  tsvpipe_attr_uint = date
  tsvpipe_attr_multi = topics
}
index portal {
  source = portal
  path = $dir/portal
  charset_table = $charset
  morphology = stem_enru
  min_prefix_len = 3
}
indexer {
  mem_limit = 512M
}
searchd {
  listen = 127.0.0.1:$port:mysql41
  log = $dir/searchd.log
  query_log = $dir/query.log
  pid_file = $dir/searchd.pid
  binlog_path =
  workers = threads
}
CONF
start=$(date +%s.%N)
indexer --config "$dir/sphinx.conf" --all --quiet >"$dir/indexer.log" 2>&1 || {
  cat "$dir/indexer.log" >&2
  exit 1
}
secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
docs=$(cat "${files[@]}" | grep -c .)
mb=$(cat "${files[@]}" | wc -c | awk '{print $1 / 1e6}')
size_mb=$(du -sm --exclude='*.log' "$dir" | cut -f1)
awk -v s="$secs" -v d="$docs" -v mb="$mb" -v sz="$size_mb" 'BEGIN {
  printf "sphinx_index docs=%d seconds=%.2f docs_per_s=%.0f mb_per_s=%.2f size_mb=%d\n",
    d, s, d / s, mb / s, sz }'
searchd --config "$dir/sphinx.conf" >"$dir/searchd.out" 2>&1
trap 'searchd --config "$dir/sphinx.conf" --stopwait >/dev/null 2>&1 || true' EXIT
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
"$BUILD/bin/bench_sphinx" query --port "$port" --queries "$(queries_for "$size")" --reps "$reps"
