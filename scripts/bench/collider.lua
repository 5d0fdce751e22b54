-- Timings of the LHC layer: sigma(pp -> Z') after the PDF grid is loaded, a Figure-4 curve of
-- 500 masses, and the binned dimuon likelihood.  Prints "key value" lines for run.sh.
--   zprime scripts/bench/collider.lua [n]
local zp = zp or require "zprime"
local n = require("zprime.cli").bench_count("scripts/bench/collider.lua", "cross sections to time", 2000)
local clock = os.clock
local m = zp.model{ mZp = 600, gq = 0.29, gl = 0.145, gchi = 1.45 }

local t0 = clock()
local acc = m.sigma_pp_Zp -- the first call reads the grid
print(string.format("lhc_pdf_load_ms %.2f", 1e3 * (clock() - t0)))

local ms = {}
for i = 1, n do ms[i] = m:with{ mZp = 200 + (i % 1800) } end
t0 = clock()
for i = 1, n do acc = acc + ms[i].sigma_pp_Zp end
print(string.format("lhc_sigma_us %.2f", 1e6 * (clock() - t0) / n))

-- Figure 4 left: 500 masses of sigma x BR(mu mu), model construction included
local reps = 20
t0 = clock()
for _ = 1, reps do
  for i = 0, 499 do acc = acc + m:with{ mZp = 200 + 3.6 * i }.sigmaBR_pp_Zp_mumu end
end
print(string.format("lhc_fig4_curve500_ms %.2f", 1e3 * (clock() - t0) / reps))

t0 = clock()
local nz = math.max(1, n // 10)
for i = 1, nz do acc = acc + ms[i].LHC_dimuon_chi2 end
print(string.format("lhc_dimuon_chi2_us %.1f", 1e6 * (clock() - t0) / nz))
if acc ~= acc then print("nan") end
