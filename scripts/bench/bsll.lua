-- Timing of the b -> s l l observables (not a test): microseconds per call, whole-process clock.
-- Usage: zprime scripts/bench/bsll.lua [n]
local zp = zp or require "zprime"
local n = tonumber(arg and arg[1]) or 2000
local m = zp.model{}
local function bench(label, f)
  f()
  local t0 = os.clock()
  for _ = 1, n do f() end
  print(string.format("%-34s %9.2f us/call", label, (os.clock() - t0) / n * 1e6))
end
bench("R_K(1.1, 6)", function() return m:R_K(1.1, 6) end)
bench("R_Kstar(1.1, 6)", function() return m:R_Kstar(1.1, 6) end)
bench("BR_BKmumu(1.1, 6)", function() return m:BR_BKmumu(1.1, 6) end)
bench("BR_Bs_mumu", function() return m.BR_Bs_mumu end)
local light = m:with{ mZp = 12, gq = 0.0048, gl = 0.0024 }
bench("R_K(1.1, 6), light Z' (12 GeV)", function() return light:R_K(1.1, 6) end)
n = math.max(1, n // 100)
bench("R_K_err(1.1, 6) (8 FF coefficients)", function() return m:R_K_err(1.1, 6) end)
bench("R_Kstar_err(1.1, 6) (21 coefficients)", function() return m:R_Kstar_err(1.1, 6) end)
