#!/usr/bin/env bash
# Search over HTTP with wrk on loopback, keep-alive, at 1, 4 and 32
# connections over the size's query set (wrk_queries.lua): portal-searchd
# beside the minimal httplib + Xapian server (bench_minimal_httpd), one run;
# with portal-searchd's resident memory idle and under load; then what HTTP
# adds to a search, each query asked over HTTP and in-process in turns
# (bench_http_pairs, PAIR_REPS passes).
#   benchmarks/run_http.sh SIZE [SECONDS]
# Needs the indexes of run_index.sh SIZE (built if missing). Both servers run
# 32 worker threads: httplib holds one worker per keep-alive connection.
set -euo pipefail
source "$(dirname "$0")/corpora.sh"
size="${1:?usage: run_http.sh sample|reuters|100k|1m [SECONDS]}"
secs="${2:-10}"
conns=(${CONNECTIONS:-1 4 32})
out="$BENCH_DATA/$size"
[[ -d "$out/portal" && -d "$out/plain" ]] || "$BENCH_DIR/run_index.sh" "$size"
queries="$(queries_for "$size")"
"$BUILD/bin/bench_query_paths" --queries "$queries" --style portal >"$out/paths-portal.txt"
"$BUILD/bin/bench_query_paths" --queries "$queries" --style minimal >"$out/paths-minimal.txt"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# start NAME COMMAND...: starts a server, sets $port from its first line.
start() {
  local name="$1"
  shift
  # The log exists before the server does: the redirection of a background
  # job may happen after the first look below.
  : >"$out/$name.out"
  "$@" >>"$out/$name.out" 2>&1 &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 100); do
    port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$out/$name.out")
    [[ -n "$port" ]] && return 0
    sleep 0.1
  done
  echo "$name did not start:" >&2
  cat "$out/$name.out" >&2
  return 1
}
rss_mb() { awk '/^'"$2"':/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

start portal "$BUILD/bin/portal-searchd" --db "$out/portal" --listen 127.0.0.1:0 --threads 32
portal_pid=$pid portal_port=$port
start minimal "$BUILD/bin/bench_minimal_httpd" --db "$out/plain" --port 0 --threads 32
minimal_port=$port
# One request each to check the servers answer.
curl -fsS "http://127.0.0.1:$portal_port$(head -n1 "$out/paths-portal.txt")" >/dev/null
curl -fsS "http://127.0.0.1:$minimal_port$(head -n1 "$out/paths-minimal.txt")" >/dev/null
echo "portal-searchd rss_idle_mb=$(rss_mb "$portal_pid" VmRSS)" | tee "$out/http.txt"
# A warm-up of a few passes over the query set, unmeasured, as bench_search
# has: the first queries load dictionaries and fill caches (the Ukrainian one
# alone takes half a second).
for name in portal minimal; do
  port_var="${name}_port"
  WRK_PATHS="$out/paths-$name.txt" wrk -t 1 -c 1 -d "${WARMUP_SECONDS:-3}s" \
    -s "$BENCH_DIR/wrk_queries.lua" "http://127.0.0.1:${!port_var}" >/dev/null
done

for c in "${conns[@]}"; do
  t=$((c < 2 ? c : 2))
  for name in portal minimal; do
    port_var="${name}_port"
    logged=$(wc -l <"$out/$name.out")
    line=$(WRK_PATHS="$out/paths-$name.txt" wrk -t "$t" -c "$c" -d "${secs}s" \
      -s "$BENCH_DIR/wrk_queries.lua" "http://127.0.0.1:${!port_var}" | grep '^wrk_summary')
    echo "${name} c=$c ${line#wrk_summary }" | tee -a "$out/http.txt"
    if [[ $name == portal && $c == 1 ]]; then
      # The daemon's own time per search in the same run (its access log:
      # from routing to the logged response), beside wrk's: what HTTP on
      # loopback adds.
      tail -n +"$((logged + 1))" "$out/$name.out" |
        sed -n 's/.*"latency_ms":\([0-9.]*\).*"route":"\/api\/v1\/search".*/\1/p' | sort -g |
        awk -v wrk="$line" '{ v[NR] = $1 } END {
          if (NR == 0) exit
          split(wrk, f, /p50_ms=/); split(f[2], g, / /)
          printf "portal c=1 daemon_p50_ms=%.3f http_p50_delta_ms=%.3f\n", v[int((NR + 1) / 2)],
            g[1] - v[int((NR + 1) / 2)] }' | tee -a "$out/http.txt"
    fi
    # Socket errors (timeouts included) fail the run for portal-searchd; the
    # minimal server's are reported in its line (errors=) and the run goes
    # on. Refused queries (4xx) may be up to 5%.
    if ! awk -v name="$name" '{ for (i = 2; i <= NF; ++i) { split($i, kv, "="); v[kv[1]] = kv[2] } }
      END { exit !((v["errors"] == 0 || name == "minimal") && v["requests"] > 0 &&
        v["non2xx"] * 20 <= v["requests"]) }' <<<"$line"; then
      echo "run_http: $name: errors at $c connections: $line" >&2
      exit 3
    fi
  done
done
echo "portal-searchd rss_under_load_mb=$(rss_mb "$portal_pid" VmRSS)" \
  "peak_rss_mb=$(rss_mb "$portal_pid" VmHWM)" | tee -a "$out/http.txt"
awk '{ for (i = 2; i <= NF; ++i) { split($i, kv, "="); v[$1, $2, kv[1]] = kv[2] } }
  /^portal c=/ { cs[$2] = 1 }
  END { for (c in cs) printf "ratio portal/minimal %s rps=%.2f p50_delta_ms=%.3f\n", c,
    v["portal", c, "rps"] / v["minimal", c, "rps"], v["portal", c, "p50_ms"] - v["minimal", c, "p50_ms"] }' \
  "$out/http.txt" | sort -t= -k2 -n | tee -a "$out/http.txt"
# What HTTP adds to a search, query by query: each query over one keep-alive
# connection and in-process on the same index, in turns (bench_http_pairs),
# for both servers; and the round trip of a request that does no work.
"$BUILD/bin/bench_http_pairs" --portal-db "$out/portal" --plain-db "$out/plain" \
  --queries "$queries" --portal-port "$portal_port" --minimal-port "$minimal_port" \
  --reps "${PAIR_REPS:-3}" | tee -a "$out/http.txt"
