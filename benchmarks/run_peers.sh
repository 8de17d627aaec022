#!/usr/bin/env bash
# The peers on the same corpus and query set, one run: SQLite FTS5,
# PostgreSQL 15 full-text search (a throwaway cluster on loopback, started and
# removed here) and Sphinx 2.2 (run_sphinx.sh). Each reports indexing time,
# index size, and p50/p95/p99 latency and queries/s over the query set; ours
# follow, answering as the peers do (ids and titles, no facets or snippets).
#   benchmarks/run_peers.sh SIZE [REPS]
# A peer whose packages are missing (scripts/install-deps.sh --with-bench) is
# reported as skipped.
set -euo pipefail
source "$(dirname "$0")/corpora.sh"
size="${1:?usage: run_peers.sh sample|reuters|100k|1m [REPS]}"
reps="${2:-5}"
ensure_corpus "$size"
read -r -a files <<<"$(corpus_files "$size")"
queries="$(queries_for "$size")"
out="$BENCH_DATA/$size"
mkdir -p "$out"
: >"$out/peers.txt"

"$BUILD/bin/bench_sqlite_fts5" --db "$out/fts5.db" --queries "$queries" --reps "$reps" \
  "${files[@]}" | tee -a "$out/peers.txt"

PG_BIN=/usr/lib/postgresql/15/bin
if [[ -x "$PG_BIN/initdb" && -x "$BUILD/bin/bench_postgres" ]]; then
  # Outside the build tree: the postgres user must be able to reach it.
  pgdir=$(mktemp -d "${TMPDIR:-/tmp}/portal-bench-pg.XXXXXX")
  as_pg=()
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres "$pgdir"
    as_pg=(runuser -u postgres --)
  fi
  port=$(free_port)
  stop_pg() {
    "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pgdir"
  }
  trap stop_pg EXIT
  "${as_pg[@]}" "$PG_BIN/initdb" -D "$pgdir/data" -A trust -U postgres --no-sync >/dev/null
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdir -c fsync=off \
-c synchronous_commit=off -c shared_buffers=512MB -c work_mem=64MB" start >/dev/null
  "$BUILD/bin/bench_postgres" --conninfo "host=127.0.0.1 port=$port user=postgres dbname=postgres" \
    --queries "$queries" --reps "$reps" "${files[@]}" | tee -a "$out/peers.txt"
  stop_pg
  trap - EXIT
else
  echo "postgres skipped (install with scripts/install-deps.sh --with-bench)" | tee -a "$out/peers.txt"
fi

"$BENCH_DIR/run_sphinx.sh" "$size" "$reps" | tee -a "$out/peers.txt"

# Ours as the peers answer, ranked ids and titles (facets=none, snippets=false),
# on the index of run_index.sh when there is one.
if [[ -d "$out/portal" && -d "$out/plain" ]]; then
  "$BUILD/bin/bench_search" --portal-db "$out/portal" --plain-db "$out/plain" \
    --queries "$queries" --reps "$reps" --titles-only |
    sed -n 's/^portal /portal_titles_only /p' | tee -a "$out/peers.txt"
else
  echo "portal_titles_only skipped (no index: run_index.sh $size)" | tee -a "$out/peers.txt"
fi
