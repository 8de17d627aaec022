-- wrk script: cycles through the request paths in the file named by the
-- environment variable WRK_PATHS (written by bench_query_paths), each thread
-- starting at a different offset, and prints a machine-readable summary.
local paths = {}
local index = 1

function init(args)
  for line in io.lines(os.getenv("WRK_PATHS")) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  assert(#paths > 0, "no request path in " .. tostring(os.getenv("WRK_PATHS")))
  index = (wrk.thread:get("id") or 0) * 7 % #paths + 1
end

local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function request()
  local path = paths[index]
  index = index % #paths + 1
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout
  io.write(string.format(
    "wrk_summary requests=%d rps=%.0f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f errors=%d non2xx=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, errors,
    summary.errors.status))
end
