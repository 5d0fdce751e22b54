-- Figure 2 of arXiv:1702.00395 as a likelihood: the global flavour Delta chi^2 (b -> s mu mu,
-- b -> s nu nu, B_s mixing, neutrino trident; m:chi2, docs/statistics.md) in the plane
-- (g_q g_l mhat_TeV^-2, theta_D) for n_q = g_q/g_l = 1, 2, 5, with 1/2/3 sigma regions for two
-- parameters (Delta chi^2 < 2.30, 6.18, 11.83 from the minimum of each plane) and the paper's
-- hard-cut region (every Table I bound passed) overlaid.
-- Usage: zprime scripts/figures/fig2_chi2.lua [OUTDIR | -o DIR] [-n POINTS]
--   writes fig2_chi2_nq{1,2,5}.png/.dat/.gp and fig2_chi2.csv (n x n grid per n_q, default 200).
--
-- The chi^2 depends on the couplings only through x = g_q g_l/mhat^2, theta_D and n_q (eqs. 15,
-- 17, 21, 28), so each point is the model g_l = 1.5, g_q = 1.5 n_q, m_Z' = 1 TeV (g_q g_l/x)^(1/2),
-- which keeps m_Z' between 0.15 and 34 TeV (>> m_b) and the couplings inside their ranges.
local zp = zp or require "zprime"
local cli = require "zprime.cli"
local parser = cli.outdir(cli.parser("scripts/figures/fig2_chi2.lua",
  "Figure 2 as a flavour likelihood: Delta chi^2 maps for n_q = 1, 2, 5 with the paper's hard cuts overlaid. " ..
  "Writes fig2_chi2_nq{1,2,5}.png/.pdf/.dat/.gp and fig2_chi2.csv into OUTDIR."))
parser:option("-n --points", "Grid points per axis.", "200", cli.count)
local args = cli.parse(parser)
local outdir, n = args.outdir, args.points

local FLAVOUR = { "b->s mu mu", "b->s nu nu", "B_s mixing", "nu trident" }
local NQ = { 1, 2, 5 }
local GL = 1.5
local xs, ths = zp.logrange(0.01, 100, n), zp.logrange(1e-5, 0.5, n)
local base = zp.model{}
local list = zp.select_constraints(base, FLAVOUR)
local total = zp.stats.total

local csv = { columns = { "nq", "x", "thetaD", "chi2", "dchi2", "pass" }, units = { x = "TeV^-2", thetaD = "rad" } }
for _, c in ipairs(csv.columns) do csv[c] = {} end
local summary = {}

for _, nq in ipairs(NQ) do
  local gq = GL * nq
  local grid = { columns = { "x", "thetaD", "dchi2", "pass" }, x = {}, thetaD = {}, dchi2 = {}, pass = {} }
  local chi, min, at = {}, math.huge, nil
  for _, x in ipairs(xs) do
    local m0 = base:with{ gq = gq, gl = GL, mZp = 1000 * math.sqrt(gq * GL / x) }
    for _, th in ipairs(ths) do
      local m = m0:with{ thetaD = th }
      local c = total(list, m) or 0 / 0
      local pass = true
      for _, cons in ipairs(list) do
        if not zp.constraint_tester(cons)(m, zp.stats.value_of(cons, m)) then pass = false; break end
      end
      local k = #grid.x + 1
      grid.x[k], grid.thetaD[k], grid.pass[k] = x, th, pass and 1 or 0
      chi[k] = c
      if c < min then min, at = c, { x = x, thetaD = th, C9 = m.C9_bsmumu } end
    end
  end
  local npass, n1 = 0, 0
  for k = 1, #chi do
    grid.dchi2[k] = chi[k] - min
    npass = npass + grid.pass[k]
    if grid.dchi2[k] < 2.2957 then n1 = n1 + 1 end
    local j = #csv.nq + 1
    csv.nq[j], csv.x[j], csv.thetaD[j], csv.chi2[j], csv.dchi2[j], csv.pass[j] =
      nq, grid.x[k], grid.thetaD[k], chi[k], grid.dchi2[k], grid.pass[k]
  end
  summary[#summary + 1] = string.format("  n_q = %d: chi2_min = %.3f at x = %.3g /TeV^2, theta_D = %.3g (C9 = %.3f); " ..
    "grid points inside the hard cuts %d, inside 1 sigma (2 par.) %d", nq, min, at.x, at.thetaD, at.C9, npass, n1)
  zp.plot_contours{ -- the 1/2/3 sigma regions, the hard-cut region on top
    data = grid, x = "x", y = "thetaD", out = outdir .. "/fig2_chi2_nq" .. nq .. ".png",
    title = string.format("Flavour Δχ^2, n_q = %d (m_{Z′} ≫ m_b)", nq),
    xlabel = "g_q g_l / m_{Z′}^2 [TeV^{−2}]", ylabel = "θ_D [rad]", logx = true, logy = true,
    xrange = { 0.01, 100 }, yrange = { 1e-5, 0.1 }, size = { 950, 700 }, key = "top right", pdf = true,
    series = {
      { region = (require "zprime.plot.data").grid_of(grid, "x", "thetaD", "pass"),
        level = 0.5, color = "#d62728", label = "paper's hard cuts (Table I)" },
      { vline = 0.12, style = "dashed", color = "#555555", label = "heavy Z′ + Dirac χ (eq. 33): 0.12 TeV^{−2}" },
    },
  }
end
zp.write_csv(outdir .. "/fig2_chi2.csv", csv, { header = {
  "Figure 2 of arXiv:1702.00395 as a likelihood: flavour chi2 (b->s mu mu Gaussian, b->s nu nu half-Gaussian, " ..
  "B_s band, trident band) vs x = g_q g_l mhat^-2 [TeV^-2] and theta_D; dchi2 from the minimum of each n_q plane; " ..
  "pass = 1 inside every Table I bound" } })
for _, s in ipairs(summary) do print(s) end
print("wrote " .. outdir .. "/fig2_chi2_nq{1,2,5}.png and " .. outdir .. "/fig2_chi2.csv")
