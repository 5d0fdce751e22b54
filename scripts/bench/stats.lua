-- Statistics timings (scripts/bench/run.sh collects the "key value" lines):
--   fit_flavour_2par_ms   one zp.fit of (g_q, g_l) to the flavour likelihood (Table I constraints)
--   predict_mc_1e4_ms     10^4 Monte Carlo samples of Delta M_s from every input with an _err
--   dchi2_map_200x200_s   the flavour chi^2 on a 200 x 200 grid of (g_q g_l / mhat^2, theta_D)
-- Usage: build/zprime scripts/bench/stats.lua [repetitions]   (the best of each is reported)
local zp = zp or require "zprime"
local reps = require("zprime.cli").bench_count("scripts/bench/stats.lua", "repetitions of each timing", 5)
local clock = os.clock
local FLAVOUR = { "b->s mu mu", "b->s nu nu", "B_s mixing", "nu trident" }
local m = zp.model{ mZp = 1000, thetaD = 0.01, gq = 0.3, gl = 0.3 }

local function best_of(k, f)
  local best = math.huge
  for _ = 1, k do
    local t0 = clock()
    f()
    best = math.min(best, clock() - t0)
  end
  return best
end

local fit
local t = best_of(reps, function()
  fit = zp.fit{ model = m, free = { gq = { 0.01, 2 }, gl = { 0.01, 2 } }, constraints = FLAVOUR, start = { gq = 0.3, gl = 0.3 } }
end)
print(string.format("fit_flavour_2par_ms %.3f", 1e3 * t))
print(string.format("fit_flavour_2par_nfev %d", fit.nfev))

t = best_of(reps, function() m:predict("DeltaM_s", { method = "mc", n = 10000, seed = 1 }) end)
print(string.format("predict_mc_1e4_ms %.3f", 1e3 * t))

local list = zp.select_constraints(m, FLAVOUR)
local total = zp.stats.total
local xs, ths = zp.logrange(0.01, 100, 200), zp.logrange(1e-5, 0.5, 200)
t = best_of(math.min(reps, 2), function()
  for _, x in ipairs(xs) do
    -- the Figure 2 plane at n_q = 2: g_l = 1.5, g_q = 3, mhat^2 = g_q g_l / x (scripts/figures/fig2_chi2.lua)
    local mx = m:with{ gq = 3, gl = 1.5, mZp = 1000 * math.sqrt(4.5 / x) }
    for _, th in ipairs(ths) do total(list, mx:with{ thetaD = th }) end
  end
end)
print(string.format("dchi2_map_200x200_s %.3f", t))
