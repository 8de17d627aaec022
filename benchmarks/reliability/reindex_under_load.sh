#!/usr/bin/env bash
# Re-indexing under load: while wrk drives portal-searchd (64 connections,
# DURATION), a full `portal-indexer index --rebuild` switches the index, then
# a stream of upserts and deletes goes through the write API. Afterwards every
# written document must be found and every deleted one gone, and no request
# may have failed.
#
#   make build && benchmarks/reliability/reindex_under_load.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${BIN:-$root/build/bin}"
duration="${DURATION:-60s}"
connections="${CONNECTIONS:-64}"
port="${PORT:-18932}"
writes="${WRITES:-200}"
deletes="${DELETES:-50}"
key="reindex-under-load-$$-$RANDOM"
base="http://127.0.0.1:$port"

work="$(mktemp -d)"
trap 'kill "$daemon" "$load" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
corpora=("$root"/data/*/docs.jsonl)
"$bin/portal-indexer" index --db "$work/db" "${corpora[@]}" >/dev/null 2>&1
python3 "$root/benchmarks/reliability/make_queries.py" "${corpora[@]}" >"$work/queries.txt"
# shellcheck disable=SC2086
PORTAL_API_KEYS="write:$key" "$bin/portal-searchd" --db "$work/db" --listen "127.0.0.1:$port" \
  ${SEARCHD_ARGS:-} >"$work/access.log" 2>&1 &
daemon=$!
for _ in $(seq 100); do
  curl -fs "$base/healthz" >/dev/null && break
  sleep 0.1
done

QUERIES="$work/queries.txt" wrk -t2 -c"$connections" -d"$duration" --timeout 10s \
  -s "$root/benchmarks/reliability/queries.lua" "$base" >"$work/wrk.txt" &
load=$!
sleep 3

start=$(date +%s%N)
"$bin/portal-indexer" index --rebuild --db "$work/db" "${corpora[@]}" >"$work/rebuild.log" 2>&1
echo "rebuild under load: $((($(date +%s%N) - start) / 1000000)) ms"

# Upserts of new documents, then deletes of existing ones, through the API.
failed_writes=0
for i in $(seq "$writes"); do
  body=$(printf '{"id":"reload-%d","title":"Reload probe %d","body":"probe%d written under load","lang":"en","date":"2024-01-01"}' "$i" "$i" "$i")
  code=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $key" \
    -H 'Content-Type: application/json' --data "$body" "$base/api/v1/documents/reload-$i")
  [[ "$code" == 2* ]] || failed_writes=$((failed_writes + 1))
done
mapfile -t victims < <(head -n "$deletes" "$root/data/kremlin-ru-2025/docs.jsonl" |
  python3 -c 'import json,sys; [print(json.loads(l)["id"]) for l in sys.stdin]')
for id in "${victims[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE -H "Authorization: Bearer $key" \
    "$base/api/v1/documents/$id")
  [[ "$code" == 2* ]] || failed_writes=$((failed_writes + 1))
done
wait "$load"
cat "$work/wrk.txt"

sleep 1  # writes are visible within a second
missing=0
for i in $(seq "$writes"); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/documents/reload-$i")
  [[ "$code" == 200 ]] || missing=$((missing + 1))
  hits=$(curl -s "$base/api/v1/search?q=probe$i" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  [[ "$hits" -ge 1 ]] || missing=$((missing + 1))
done
resurrected=0
for id in "${victims[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/documents/$id")
  [[ "$code" == 404 ]] || resurrected=$((resurrected + 1))
done
echo "writes: $writes upserts and ${#victims[@]} deletes, $failed_writes failed;" \
  "written but not found: $missing; deleted but still there: $resurrected"
kill -0 "$daemon" || { echo "FAIL: the daemon died" >&2; exit 1; }
if ! grep -q "non-200 0, socket errors 0" "$work/wrk.txt" || ((failed_writes + missing + resurrected)); then
  echo "FAIL" >&2
  exit 1
fi
echo "reindex under load: zero failures"
