--- Throughput of zp.scan on a Figure-2-size grid: 400 x 400 points over thetaD and gq with the
--- flavour constraints (up to four), rows written to a CSV.  Prints one line
---   scan_points_per_s <number>
--- Run: build/zprime scripts/bench/scan.lua [n_per_axis]
local n = require("zprime.cli").bench_count("scripts/bench/scan.lua", "grid points per axis", 400)
local zp = rawget(_G, "zp") or require "zprime"
local core = zp.core

-- the constraints of Figure 2 first, then any other flavour constraint, four in all
local names, taken = {}, {}
for _, want in ipairs({ "b->s mu mu", "B_s mixing", "nu trident", "b->s nu nu" }) do
  if zp.constraint(want) and #names < 4 then names[#names + 1] = want; taken[want] = true end
end
for _, c in ipairs(zp.constraints) do
  if c.area == "flavour" and #names < 4 and not taken[c.name] then names[#names + 1] = c.name end
end

local out = os.tmpname()
local t0 = core.now()
local res = zp.scan{
  model = zp.model{ mZp = 1000, gl = 0.05 },
  over = { thetaD = zp.range(-0.02, 0.02, n), gq = zp.logrange(1e-3, 1, n) },
  constraints = names, out = out, quiet = true,
}
local dt = core.now() - t0
os.remove(out)
io.stderr:write(string.format("%d points, %d constraints (%s), %.3f s\n", res.n, #names,
  table.concat(names, ", "), dt))
print(string.format("scan_points_per_s %.0f", res.n / dt))
