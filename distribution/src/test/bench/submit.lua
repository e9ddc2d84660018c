-- wrk script: public-evaluation submissions with one-time tokens, one token per request, never reused.
-- wrk -t2 -c50 -d70s --latency -s submit.lua http://localhost:8181 -- <tokens file> <first line> <threads> <target unit ids, comma-separated>
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  tokens = {}
  units = {}
  counter = 0
  local first, count = tonumber(args[2]), tonumber(args[3])
  for u in string.gmatch(args[4], "[^,]+") do units[#units + 1] = u end
  local i = 0
  for line in io.lines(args[1]) do
    if i >= first and (i - first) % count == id then tokens[#tokens + 1] = line end
    i = i + 1
  end
end

function request()
  counter = counter + 1
  local token = tokens[counter]
  if token == nil then
    error("out of tokens: issue more or shorten the run")
  end
  local body = '{"unitId":' .. units[counter % #units + 1] .. ',"answers":[{"questionCode":"S1","level":' .. (counter % 5 + 1)
      .. '},{"questionCode":"R1","level":4},{"questionCode":"R2","level":5},{"questionCode":"R3","level":3}]}'
  return wrk.format("POST", "/services/api/v1/questionnaires/public/t/" .. token, {["Content-Type"] = "application/json"}, body)
end
