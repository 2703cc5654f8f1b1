-- P1 load for wrk: every request a distinct (code, member) pair read from PAIRS_FILE (one JSON body a
-- line); thread k of n sends lines k, k+n, k+2n… so no pair is sent twice. When a thread runs out
-- it starts over (the server then answers 409, counted as errors and reported).
local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  local file = os.getenv("PAIRS_FILE")
  local total = tonumber(os.getenv("WRK_THREADS"))
  bodies = {}
  local index = 0
  for line in io.lines(file) do
    if index % total == id - 1 then table.insert(bodies, line) end
    index = index + 1
  end
  next_body = 1
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local body = bodies[next_body]
  next_body = next_body + 1
  if next_body > #bodies then next_body = 1 end
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  io.write(string.format(
    "RESULT {\"requests\":%d,\"seconds\":%f,\"p50\":%f,\"p90\":%f,\"p99\":%f,\"max\":%f,\"non2xx\":%d,\"socket\":%d}\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(90) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
