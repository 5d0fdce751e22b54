-- Speed of the prompt antiproton spectra: one 100-point boosted spectrum
-- (chi chi -> Z'Z' -> (b bbar)(b bbar), mchi = 1950 GeV, mZp = 12 GeV) from Lua, median of runs,
-- and single-energy look-ups as a scan would make them.
-- Usage: zprime scripts/bench/pbar.lua [runs]      prints "pbar_spectrum_ms <number>"
local zp = zp or require "zprime"
local runs = require("zprime.cli").bench_count("scripts/bench/pbar.lua", "spectra to compute", 200)
local clock = os.clock

zp.pbar_spectrum{ mchi = 1950, mZp = 12 } -- load the table once
local t = {}
for i = 1, runs do
  local t0 = clock()
  zp.pbar_spectrum{ mchi = 1900 + i % 100, mZp = 12, n = 100 }
  t[i] = clock() - t0
end
table.sort(t)
print(string.format("pbar_spectrum_ms %.4g", 1e3 * t[(runs + 1) // 2]))

local n = 20 * runs
local t0 = clock()
for i = 1, n do zp.pbar_spectrum{ mchi = 1950, mZp = 12, E = { 100 + i % 200 } } end
print(string.format("pbar_point_us %.4g", 1e6 * (clock() - t0) / n))

t0 = clock()
for i = 1, n do zp.pppc_spectrum{ mDM = 6 + (i % 100) * 0.1, log10x = -1.3 } end
print(string.format("pppc_lookup_us %.4g", 1e6 * (clock() - t0) / n))
