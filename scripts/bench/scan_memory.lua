--- Resident memory of a long scan written to a file: 1000 x 1000 points (10^6 rows) of the
--- Figure-2 plane with the flavour constraints.  Rows go to the file a block at a time and the
--- result reads them back only when a column is used, so the peak stays near the start-up size.
--- Prints one line
---   scan_1e6_rows_s <seconds>
--- Run under /usr/bin/time -v to see "Maximum resident set size":
---   /usr/bin/time -v build/zprime scripts/bench/scan_memory.lua [n_per_axis]
local n = require("zprime.cli").bench_count("scripts/bench/scan_memory.lua", "grid points per axis", 1000)
local zp = rawget(_G, "zp") or require "zprime"
local out = os.tmpname()
local t0 = zp.core.now()
local res = zp.scan{
  model = zp.model{ mZp = 1000, gl = 0.05 },
  over = { thetaD = zp.range(-0.02, 0.02, n), gq = zp.logrange(1e-3, 1, n) },
  constraints = { "b->s mu mu", "B_s mixing", "nu trident", "b->s nu nu" }, out = out, quiet = true,
}
local dt = zp.core.now() - t0
os.remove(out)
io.stderr:write(string.format("%d points written to a file in %.3f s\n", res.n, dt))
print(string.format("scan_1e6_rows_s %.3f", dt))
