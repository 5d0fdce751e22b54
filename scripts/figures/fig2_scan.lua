-- The flavour constraints of Figure 2 of arXiv:1702.00395 (b -> s mu mu, b -> s nu nu, B_s
-- mixing, neutrino trident, Z -> 4 mu) as a grid scan over (theta_D, g_q) at the default m_Z' and
-- g_l: one row per point with pass_<constraint> and pass.  This is the scan docs/cluster.md runs
-- on many cores and on a cluster; it resumes a cut-short run and, run whole, draws the allowed
-- region.
--
-- Usage: zprime scripts/figures/fig2_scan.lua [out.csv]            (default fig2.csv)
--        zprime scripts/figures/fig2_scan.lua --chunk K/N [out.csv] slice K of N -> fig2-KofN.csv
--        zprime scripts/figures/fig2_scan.lua --jobs 8 [out.csv]    8 threads of one process
-- The grid is 400 x 400 (theta_D in [-0.02, 0.02] rad, g_q log-spaced in [1e-3, 1]); the
-- environment variable FIG2_GRID=NTHxNGQ (e.g. 40x30) sets a smaller one for a quick trial.
local zp = zp or require "zprime"
local cli = require "zprime.cli"

local parser = cli.parser("scripts/figures/fig2_scan.lua", "Grid scan of the flavour constraints of Figure 2 over (theta_D, g_q).")
parser:argument("out", "Output CSV (slices are named out-KofN.csv)."):args("?"):default("fig2.csv")
local args = cli.parse(parser)
args.out = args.out or "fig2.csv"

local nth, ngq = 400, 400
local grid = os.getenv("FIG2_GRID")
if grid and grid ~= "" then
  local a, b = grid:match("^(%d+)x(%d+)$")
  nth, ngq = math.tointeger(tonumber(a)), math.tointeger(tonumber(b))
  if not (nth and ngq and nth >= 2 and ngq >= 2 and nth * ngq <= 4000000) then
    io.stderr:write("fig2_scan.lua: FIG2_GRID must be NxM with 2 <= N, M and N*M <= 4000000, got '", grid, "'\n")
    os.exit(2)
  end
end

local res = zp.scan{
  model = zp.model{},
  over = { { "thetaD", zp.range(-0.02, 0.02, nth) }, { "gq", zp.logrange(1e-3, 1, ngq) } },
  constraints = { "b->s mu mu", "b->s nu nu", "B_s mixing", "nu trident", "Z -> 4 mu" },
  out = args.out,
  resume = true,
}

-- a --chunk run holds one slice: plot only a whole scan
if not res.chunk then
  local png = args.out:gsub("%.csv$", "") .. ".png"
  local ok, err = pcall(zp.plot, { data = res, x = "thetaD", y = "gq", z = "pass", out = png,
    title = "flavour constraints (Fig. 2 of arXiv:1702.00395)", xlabel = "θ_D [rad]", ylabel = "g_q",
    logy = true })
  if ok then print("wrote " .. args.out .. " and " .. png) else print("wrote " .. args.out .. " (no plot: " .. tostring(err) .. ")") end
else
  print("wrote slice " .. res.chunk .. " (" .. res.n .. " rows) to " .. res.file)
end
