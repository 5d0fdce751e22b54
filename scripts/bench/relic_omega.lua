-- Whole-process timing of m.Omega_h2: n fresh models at the heavy-Dirac point (600, 70), for
-- timing the process with n = N against n = 0 (start-up) from outside.
-- Usage: build/zprime scripts/bench/relic_omega.lua [n] [observable]
--   observable: Omega_h2 (thermal <sigma v>(x), the default), Omega_h2_swave, Omega_h2_fixed_sigmav
local zp = zp or require "zprime"
local n = tonumber(arg and arg[1]) or 1000
local name = arg and arg[2] or "Omega_h2"
local m = zp.model{ mZp = 600, mchi = 70, gq = 0.291, gl = 0.1455, gchi = 1.455 }
local acc = 0
for i = 1, n do
  local mi = m:with{ mchi = 70 * (1 + 1e-6 * i), sigmav_a = m.sigmav * (1 + 1e-9 * i) }
  acc = acc + mi[name]
end
print(string.format("%s x %d: mean %.6g", name, n, n > 0 and acc / n or 0))
