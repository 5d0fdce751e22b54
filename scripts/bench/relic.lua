-- Speed of the relic-abundance solver: one Boltzmann solve (zp.relic), one m.Omega_h2_fixed_sigmav on a fresh
-- model (no memo hit), and one <sigma v> target (zp.relic_target, a few solves).
-- Usage: build/zprime scripts/bench/relic.lua [n]
local zp = zp or require "zprime"
local n = require("zprime.cli").bench_count("scripts/bench/relic.lua", "relic-density solves", 2000)
local clock = os.clock

local function timeit(f, count)
  f(1) -- warm the dof-table cache
  local t0 = clock()
  for i = 1, count do f(i) end
  return (clock() - t0) / count
end

-- masses from 10 GeV to 10 TeV so that the step count is representative
local function mass(i) return 10 * 1000 ^ ((i % 97) / 96) end

local acc = 0
local dt = timeit(function(i)
  acc = acc + zp.relic{ m = mass(i), sigmav = 2.2e-26 }.Omega_h2
end, n)
print(string.format("relic_solve_per_s %.4g", 1 / dt))
print(string.format("relic_solve_ms %.4f", dt * 1e3))

local m = zp.model{ relic_majorana = 1 }
local dto = timeit(function(i)
  acc = acc + m:with{ mchi = mass(i), sigmav_a = 2.2e-26 * (1 + 1e-9 * i) }.Omega_h2_fixed_sigmav
end, n)
print(string.format("model_Omega_h2_ms %.4f", dto * 1e3))

local dtt = timeit(function(i)
  acc = acc + zp.relic_target{ m = mass(i), Omega_h2 = 0.12 }
end, math.max(1, n // 10))
print(string.format("relic_target_ms %.4f", dtt * 1e3))
if acc ~= acc then print("nan") end

-- m.Omega_h2 from the model's own annihilation (the thermal <sigma v>(x) table and the solve) and
-- its s-wave shortcut, on fresh models (the memo never hits), at the heavy-Dirac point (600, 70)
local mt = zp.model{ mZp = 600, mchi = 70, gq = 0.291, gl = 0.1455, gchi = 1.455 }
local dth = timeit(function(i)
  acc = acc + mt:with{ mchi = 70 * (1 + 1e-6 * i) }.Omega_h2
end, n)
print(string.format("model_Omega_h2_thermal_ms %.4f", dth * 1e3))
local dsw = timeit(function(i)
  acc = acc + mt:with{ mchi = 70 * (1 + 1e-6 * i) }.Omega_h2_swave
end, n)
print(string.format("model_Omega_h2_swave_ms %.4f", dsw * 1e3))
if acc ~= acc then print("nan") end

-- the inelastic sector of the light variant (dm_sector = 1): its coannihilation table is built from
-- ~60 exact tree-level sigma v evaluations per model, then the same solve
local ml = zp.model{ mchi = 1950, mZp = 12, mphi = 10, w = 12 / 1.8, gchi = 0.9, f = 0.5, gq = 0.0048,
                     gl = 0.0024, Phi_q = 0, dm_sector = 1, relic_majorana = 1 }
local dtl = timeit(function(i)
  acc = acc + ml:with{ mchi = 1950 * (1 + 1e-6 * i) }.Omega_h2
end, math.max(1, n // 40))
print(string.format("model_Omega_h2_inelastic_ms %.4f", dtl * 1e3))
if acc ~= acc then print("nan") end
