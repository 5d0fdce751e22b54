-- Sommerfeld-factor throughput from Lua (zp.core positional calls, as the figure scripts use them):
-- the Hulthen formula of eq. (47) and the exact Yukawa solution, over the Figure 7 plane
-- (f = 0.05-1.1, m_phi = 0.5-200 GeV, m_chi = 1950 GeV, v = 1e-3 c, alpha = f^2/(16 pi)).
-- Usage: zprime scripts/bench/sommerfeld.lua [seconds per method, default 0.5]
-- Prints "S_hulthen_per_s <n>" and "S_exact_per_s <n>" (evaluations per second, CPU time).
local zp = zp or require "zprime"
local core = zp.core
local cli = require "zprime.cli"
local bparser = cli.parser("scripts/bench/sommerfeld.lua", "S_hulthen and S_exact evaluations per second.")
bparser:argument("budget", "Seconds to spend on each method (default 0.5)."):args("?"):convert(cli.number)
local budget = cli.parse(bparser).budget or 0.5

local points = {}
for i = 0, 21 do
  local f = 0.05 + 0.05 * i
  for j = 0, 29 do
    points[#points + 1] = { f * f / (16 * math.pi), 0.5 * (400 ^ (j / 29)) }
  end
end

local function rate(fn)
  local n, sink, t0 = 0, 0, os.clock()
  repeat
    for k = 1, #points do
      local p = points[k]
      sink = sink + fn(p[1], 1e-3, 1950, p[2])
    end
    n = n + #points
  until os.clock() - t0 >= budget
  assert(sink > 0)
  return n / (os.clock() - t0)
end

print(string.format("S_hulthen_per_s %.0f", rate(core.S_hulthen)))
print(string.format("S_exact_per_s %.0f", rate(core.S_exact)))
