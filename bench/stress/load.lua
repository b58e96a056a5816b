-- wrk script of the stress run: rotates over the paths (and bodies) the environment names and
-- prints one JSON line of figures at the end (wrk's own report has no p95).
local method = os.getenv("STRESS_METHOD") or "GET"
local token = os.getenv("STRESS_TOKEN")
local paths, bodies = {}, {}
for line in string.gmatch(os.getenv("STRESS_PATHS") or "/", "[^\n]+") do table.insert(paths, line) end
for line in string.gmatch(os.getenv("STRESS_BODIES") or "", "[^\n]+") do table.insert(bodies, line) end
local counter = 0

request = function()
  counter = counter + 1
  local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
  local body = nil
  if #bodies > 0 then body = bodies[counter % #bodies + 1] end
  return wrk.format(method, paths[counter % #paths + 1], headers, body)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, ' ..
    '"non_2xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
