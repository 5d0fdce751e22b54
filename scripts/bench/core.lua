-- Throughput of the model object from Lua: fresh model per point, two observables read.
local zp = zp or require "zprime"
local n = require("zprime.cli").bench_count("scripts/bench/core.lua", "observable evaluations", 1000000)
local m = zp.model{ mZp = 600 }
local clock = os.clock
local t0 = clock()
local acc = 0
for i = 1, n do
  local mi = m:with{ mZp = 200 + (i % 1000) }
  acc = acc + mi.C9_bsmumu + mi.DeltaM_s
end
local dt = clock() - t0
print(string.format("lua_obs_evals_per_s %.4g", 2 * n / dt))
-- reads on one model (no allocation per point)
t0 = clock()
for _ = 1, n do acc = acc + m.C9_bsmumu + m.DeltaM_s end
dt = clock() - t0
print(string.format("lua_obs_reads_per_s %.4g", 2 * n / dt))
if acc ~= acc then print("nan") end
