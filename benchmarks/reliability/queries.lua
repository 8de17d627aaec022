-- wrk script: cycles through the request paths in $QUERIES (one per line) and
-- counts every answer that is not a 200.
local paths = {}
for line in io.lines(os.getenv("QUERIES")) do paths[#paths + 1] = line end
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init()
  failures = 0
  counter = id * 997
end

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

response = function(status)
  if status ~= 200 then failures = failures + 1 end
end

done = function(summary, latency, requests)
  local failed = 0
  for _, t in ipairs(threads) do failed = failed + t:get("failures") end
  io.write(string.format("requests %d, non-200 %d, socket errors %d\n", summary.requests, failed,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("p%s %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("requests/s %.0f\n", summary.requests / (summary.duration / 1e6)))
end
