-- Whole-process timing of m.Omega_h2: N fresh models at the heavy-Dirac point (600, 70), for
-- timing the process with N models against N = 0 (start-up) from outside.
-- Usage: build/zprime scripts/bench/relic_omega.lua [N] [observable]
local zp = zp or require "zprime"
local cli = require "zprime.cli"

local p = cli.parser("scripts/bench/relic_omega.lua",
  "Benchmark: evaluates an Omega h^2 observable on N fresh models at (mZp, mchi) = (600, 70) GeV; time the process against N = 0.")
p:argument("count", "Number of models (default 1000; 0 for the start-up alone)."):args("?")
  :convert(function(s)
    local v = math.tointeger(tonumber(s))
    return v and v >= 0 and v or nil
  end)
p:argument("observable", "Omega_h2 (thermal <sigma v>(x), the default), Omega_h2_swave or Omega_h2_fixed_sigmav."):args("?")
  :choices({ "Omega_h2", "Omega_h2_swave", "Omega_h2_fixed_sigmav" })
local a = cli.parse(p)
local n, name = a.count or 1000, a.observable or "Omega_h2"

local m = zp.model{ mZp = 600, mchi = 70, gq = 0.291, gl = 0.1455, gchi = 1.455 }
local acc = 0
for i = 1, n do
  local mi = m:with{ mchi = 70 * (1 + 1e-6 * i), sigmav_a = m.sigmav * (1 + 1e-9 * i) }
  acc = acc + mi[name]
end
print(string.format("%s x %d: mean %.6g", name, n, n > 0 and acc / n or 0))
