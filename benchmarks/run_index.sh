#!/usr/bin/env bash
# Indexing, ours beside plain single-threaded Xapian, on the same files in one
# run: documents/s, MB/s, peak resident memory and index size.
#   benchmarks/run_index.sh SIZE     SIZE: sample, reuters, 100k or 1m
# The indexes are left in $BENCH_DATA/SIZE/{portal,plain} for run_search.sh
# and run_http.sh.
set -euo pipefail
source "$(dirname "$0")/corpora.sh"
size="${1:?usage: run_index.sh sample|reuters|100k|1m}"
ensure_corpus "$size"
read -r -a files <<<"$(corpus_files "$size")"
out="$BENCH_DATA/$size"
mkdir -p "$out"
mb=$(cat "${files[@]}" | wc -c | awk '{print $1 / 1e6}')
docs=$(cat "${files[@]}" | grep -c .)

# timed NAME COMMAND...: runs COMMAND, prints NAME's wall time, peak RSS, size.
timed() {
  local name="$1" db="$2"
  shift 2
  rm -rf "$db"
  # portal-indexer exits with 2 when it skipped invalid articles (reported in
  # its log, e.g. an empty record of Reuters): the run still counts.
  local rc=0
  /usr/bin/time -f "%e %U %S %M" -o "$out/$name.time" "$@" >"$out/$name.log" 2>&1 || rc=$?
  if ((rc != 0 && rc != 2)); then
    cat "$out/$name.log" >&2
    return 1
  fi
  read -r secs user sys kb < <(tail -n 1 "$out/$name.time")  # after any "exited with" line
  local size_mb
  size_mb=$(du -sm "$db" | cut -f1)
  awk -v n="$name" -v s="$secs" -v c="$(awk -v u="$user" -v y="$sys" 'BEGIN { print u + y }')" \
    -v kb="$kb" -v d="$docs" -v mb="$mb" -v sz="$size_mb" 'BEGIN {
    printf "%-14s docs=%d seconds=%.1f cpu_seconds=%.1f docs_per_s=%.0f docs_per_cpu_s=%.0f " \
      "mb_per_s=%.2f mb_per_cpu_s=%.2f peak_rss_mb=%.0f index_mb=%d\n",
      n, d, s, c, d / s, d / c, mb / s, mb / c, kb / 1024, sz }'
}

echo "indexing $size: $docs articles, $mb MB ($(date -u +%FT%TZ), $(nproc) cores)"
# A full build of the archive, as after a schema change: --rebuild writes runs
# in parallel and merges them. PORTAL_INDEX_ARGS adds options (e.g.
# "--run-size 0" to write the new index directly, as an update does).
# shellcheck disable=SC2086
timed portal "$out/portal" "$BUILD/bin/portal-indexer" index --rebuild ${PORTAL_INDEX_ARGS:-} \
  --db "$out/portal" "${files[@]}" | tee "$out/index.txt"
timed plain_xapian "$out/plain" "$BUILD/bin/bench_plain_index" --db "$out/plain" "${files[@]}" | tee -a "$out/index.txt"
awk '{ for (i = 2; i <= NF; ++i) { split($i, kv, "="); v[NR, kv[1]] = kv[2] } }
  END { printf "ratio portal/plain_xapian docs_per_s=%.2f docs_per_cpu_s=%.2f peak_rss=%.2f index_size=%.2f\n",
    v[1, "docs_per_s"] / v[2, "docs_per_s"], v[1, "docs_per_cpu_s"] / v[2, "docs_per_cpu_s"],
    v[1, "peak_rss_mb"] / v[2, "peak_rss_mb"],
    v[1, "index_mb"] / v[2, "index_mb"] }' "$out/index.txt"
