-- wrk script for pressroom's load test (scripts/load-test.sh): replays a mix
-- of GET paths (one per line, tests/load/make_mix.py writes them) over
-- keep-alive connections, each wrk thread from its own offset, and counts
-- every response by status. done() prints one summary line that the script
-- checks:
--   load: requests=N non2xx=N statuses=200:N,503:N connect=N read=N write=N timeout=N p50_ms=F p99_ms=F rps=F
--   wrk -t2 -c64 -d60s --timeout 10s -s tests/load/replay.lua http://127.0.0.1:8080 -- mix.paths

local paths = {}
local threads = {}

function setup(thread)
  thread:set("offset", #threads * 97)
  threads[#threads + 1] = thread
end

function init(args)
  local file = args[1] or error("usage: wrk ... -s replay.lua URL -- PATHS_FILE")
  for line in io.lines(file) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  if #paths == 0 then error("no paths in " .. file) end
  statuses = {}
end

local i = 0
function request()
  i = i + 1
  return wrk.format("GET", paths[((i + offset) % #paths) + 1])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total, non2xx = {}, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses") or {}) do
      total[status] = (total[status] or 0) + count
      if status < 200 or status > 299 then non2xx = non2xx + count end
    end
  end
  local keys = {}
  for status in pairs(total) do keys[#keys + 1] = status end
  table.sort(keys)
  local parts = {}
  for _, status in ipairs(keys) do parts[#parts + 1] = status .. ":" .. total[status] end
  local e = summary.errors
  io.write(string.format(
    "load: requests=%d non2xx=%d statuses=%s connect=%d read=%d write=%d timeout=%d p50_ms=%.1f p99_ms=%.1f rps=%.1f\n",
    summary.requests, non2xx, table.concat(parts, ","), e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
