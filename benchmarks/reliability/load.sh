#!/usr/bin/env bash
# Load: wrk with 64 keep-alive connections for 60 s (DURATION, CONNECTIONS to
# change) against portal-searchd on 127.0.0.1 over the sample corpus, on a mix
# of real queries drawn from it. Prints throughput, latency percentiles and
# the count of failed answers, which must be zero.
#
#   make build && benchmarks/reliability/load.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${BIN:-$root/build/bin}"
duration="${DURATION:-60s}"
connections="${CONNECTIONS:-64}"
port="${PORT:-18931}"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install wrk" >&2; exit 2; }

work="$(mktemp -d)"
trap 'kill "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin/portal-indexer" index --db "$work/db" "$root"/data/*/docs.jsonl >/dev/null 2>&1
python3 "$root/benchmarks/reliability/make_queries.py" "$root"/data/*/docs.jsonl >"$work/queries.txt"
# shellcheck disable=SC2086
"$bin/portal-searchd" --db "$work/db" --listen "127.0.0.1:$port" ${SEARCHD_ARGS:-} \
  >"$work/access.log" 2>&1 &
daemon=$!
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 0.1
done
echo "load: $connections connections, $duration, $(wc -l <"$work/queries.txt") distinct requests"
QUERIES="$work/queries.txt" wrk -t2 -c"$connections" -d"$duration" --timeout 10s \
  -s "$root/benchmarks/reliability/queries.lua" "http://127.0.0.1:$port" | tee "$work/wrk.txt"
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$daemon/status")
echo "portal-searchd resident memory after the run: $((rss_kb / 1024)) MB"
kill -0 "$daemon" || { echo "FAIL: the daemon died" >&2; exit 1; }
grep -q "non-200 0, socket errors 0" "$work/wrk.txt" || { echo "FAIL: failed requests" >&2; exit 1; }
echo "load: zero failures"
