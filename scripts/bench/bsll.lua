-- Speed of the b -> s l l observables: microseconds per call of R_K, R_K* and the branching
-- ratios in [1.1, 6] GeV^2, of BR(B_s -> mu mu), and of the form-factor errors.  Prints
-- "key value" lines for scripts/bench/run.sh (bench.json).  Process CPU clock, no assertions.
-- Usage: build/zprime scripts/bench/bsll.lua [n]
local zp = zp or require "zprime"
local n = require("zprime.cli").bench_count("scripts/bench/bsll.lua", "calls of each b -> s l l observable", 2000)

local function bench(key, count, f)
  f()
  local t0 = os.clock()
  for _ = 1, count do f() end
  print(string.format("%s %.3f", key, (os.clock() - t0) / count * 1e6))
end

local m = zp.model{}
local light = m:with{ mZp = 12, gq = 0.0048, gl = 0.0024 }
bench("R_K_bin_us", n, function() return m:R_K(1.1, 6) end)
bench("R_Kstar_bin_us", n, function() return m:R_Kstar(1.1, 6) end)
bench("BR_BKmumu_bin_us", n, function() return m:BR_BKmumu(1.1, 6) end)
bench("BR_Bs_mumu_us", n, function() return m.BR_Bs_mumu end)
bench("R_K_bin_light_us", n, function() return light:R_K(1.1, 6) end)
local k = math.max(1, n // 100)
bench("R_K_fferr_us", k, function() return m:R_K_err(1.1, 6) end)
bench("R_Kstar_fferr_us", k, function() return m:R_Kstar_err(1.1, 6) end)
