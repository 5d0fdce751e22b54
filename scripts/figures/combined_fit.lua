-- Combined likelihood fit of the heavy Z' + Dirac dark-matter model (section 4.1 of
-- arXiv:1702.00395): flavour (b -> s mu mu as a Gaussian C9 likelihood, B_s mixing, neutrino
-- trident, b -> s nu nu) + relic density + direct detection + the narrow-width and
-- perturbativity cuts + the LHC dimuon likelihood and dijet limit when present, over (m_Z', g_q, theta_D)
-- with n_q = g_q/g_l fixed and g_chi from the relic condition (the <sigma v> whose Boltzmann
-- solution gives Omega_h2_obs, zp.relic_target).  Reports the best fit, chi2_min, ndof, p-value
-- and the 68 % / 95 % profile-likelihood intervals of each parameter (Delta chi^2 < 1, 3.84).
-- Usage: zprime scripts/figures/combined_fit.lua [OUTDIR | -o DIR] [-n NPOINTS] [--dd NAME] [--grid2d N2D]
--   npoints: profile grid per parameter (default 25); dd: direct-detection limit, "PandaX-II 2016 SI"
--   (the one the paper uses, default), "LUX 2016 SI" or "XENON1T 2018 SI"; n2d > 0: also the 2-D profile over
--   (m_Z', g_q) on an n2d x n2d grid with theta_D re-fitted, drawn as 1/2/3 sigma contours.
--   Writes combined_fit_<param>.csv (and combined_fit_mZp_gq.csv/.png).
local zp = zp or require "zprime"
local cli = require "zprime.cli"
local parser = cli.outdir(cli.parser("scripts/figures/combined_fit.lua",
  "Combined heavy-Z' fit (flavour + relic + direct detection + LHC) over (m_Z', g_q, theta_D): best fit, " ..
  "p-value and profile intervals. Writes combined_fit_<param>.csv (and combined_fit_mZp_gq.csv/.png) into OUTDIR."))
parser:option("-n --points", "Profile grid points per parameter.", "25", cli.count)
parser:option("--dd", "Direct-detection limit: 'PandaX-II 2016 SI' (the paper's), 'LUX 2016 SI' or 'XENON1T 2018 SI'.", "PandaX-II 2016 SI")
parser:option("--grid2d", "Also profile (m_Z', g_q) on an N x N grid and draw its contours (0: no).", "0", function(s)
  local k = math.tointeger(tonumber(s))
  if k == nil or k < 0 then return nil, "expected a whole number >= 0, got '" .. s .. "'" end
  return k
end)
local args = cli.parse(parser)
local outdir, npts, dd, n2d = args.outdir, args.points, args.dd, args.grid2d

local NQ, MCHI = 2, 70
local base = zp.model{ mchi = MCHI, sigmav_contact = 0, relic_majorana = 0 }
local TARGET = zp.relic_target{ m = MCHI, Omega_h2 = base.Omega_h2_obs, majorana = false, model = base }

--- The model at (mZp, gq, thetaD): g_l = g_q/n_q, g_chi solved so that <sigma v> = TARGET
--- (<sigma v> ~ g_chi^2 away from the Z' pole; the fixed-point iteration absorbs the width),
--- then refined on Omega h^2 = Omega_h2_obs.
local function heavy(t)
  local m = base:with{ mZp = t.mZp, gq = t.gq, gl = t.gq / NQ, thetaD = t.thetaD, gchi = 1 }
  local g = 1
  for _ = 1, 8 do
    local sv = m.sigmav
    local g2 = g * math.sqrt(TARGET / sv)
    if g2 > 12 then error(string.format("g_chi = %.3g needed for the relic density is beyond 4 pi", g2), 0) end
    if math.abs(g2 / g - 1) < 1e-10 then g = g2; break end
    g = g2
    m = m:with{ gchi = g }
  end
  -- then Omega h^2 itself (Omega ~ 1/<sigma v> ~ g_chi^-2): exact whichever <sigma v> the relic
  -- solver uses (sigmav_a is the model's s-wave value for solvers that read it)
  local obs = base.Omega_h2_obs
  for _ = 1, 4 do
    m = m:with{ gchi = g }
    m = m:with{ sigmav_a = m.sigmav, sigmav_b = 0 }
    local om = m.Omega_h2
    if math.abs(om / obs - 1) < 1e-4 then break end
    g = g * math.sqrt(om / obs)
  end
  zp.core.meta(m, { variant = "heavy_dirac_fit", tags = { "heavy_dirac" }, values = { nq = NQ } })
  return m
end

local names = { "b->s mu mu", "b->s nu nu", "B_s mixing", "nu trident", "relic density", dd,
                "narrow width", "perturbativity Lambda_UV" }
-- LHC: the dimuon likelihood (its own chi^2) and the CMS dijet limit when this build has them;
-- the other LHC rows re-use the same searches and would count them twice.
local LHC = { "LHC dimuon likelihood", "LHC dijet" }
local nlhc = 0
for _, name in ipairs(LHC) do
  if zp.constraint(name) then names[#names + 1] = name; nlhc = nlhc + 1 end
end
if nlhc == 0 then
  for _, c in ipairs(zp.constraints) do   -- any other LHC rows a user added
    local tag = (tostring(c.area) .. " " .. tostring(c.name)):lower()
    if tag:find("lhc", 1, true) or tag:find("collider", 1, true) then names[#names + 1] = c.name end
  end
end
local FREE = { mZp = { 230, 3000 }, gq = { 0.02, 3 }, thetaD = { 1e-5, 0.05 } }
local fit = zp.fit{ variant = heavy, free = FREE, constraints = names, start = { mZp = 600, gq = 0.3, thetaD = 0.004 },
                    starts = 6, seed = 1 }
print(string.format("combined heavy Z' fit (n_q = %d, m_chi = %g GeV, g_chi from Omega h^2 = %.4f, <sigma v> = %.3e cm^3/s)",
  NQ, MCHI, base.Omega_h2_obs, TARGET))
print("constraints: " .. table.concat(names, "; "))
print(fit)
print(string.format("  g_chi = %.4g, g_l = %.4g at the best fit", fit.model.gchi, fit.model.gl))
print(fit.model:chi2{ constraints = names })

local function interval(prof, name, level)
  local x, d = prof[name], prof.dchi2
  local lo, hi
  for k = 1, prof.n do
    if d[k] == d[k] and d[k] <= level then
      local a = x[k]
      if k > 1 and d[k - 1] > level then a = x[k - 1] + (level - d[k - 1]) / (d[k] - d[k - 1]) * (x[k] - x[k - 1]) end
      lo = lo or a
      local b = x[k]
      if k < prof.n and d[k + 1] > level then b = x[k] + (level - d[k]) / (d[k + 1] - d[k]) * (x[k + 1] - x[k]) end
      hi = b
    end
  end
  return lo, hi
end

print("profile-likelihood intervals (other two parameters re-fitted; a bound at an edge of the grid means 'open'):")
for _, p in ipairs({ "mZp", "gq", "thetaD" }) do
  local grid = p == "mZp" and zp.range(FREE.mZp[1], FREE.mZp[2], npts) or zp.logrange(FREE[p][1], FREE[p][2], npts)
  local prof = zp.profile{ variant = heavy, free = FREE, constraints = names, over = { [p] = grid },
                           start = { mZp = fit.best.mZp, gq = fit.best.gq, thetaD = fit.best.thetaD },
                           out = outdir .. "/combined_fit_" .. p .. ".csv" }
  local l1, h1 = interval(prof, p, 1)
  local l2, h2 = interval(prof, p, 3.841458820694124)
  print(string.format("  %-7s 68%%: [%s, %s]   95%%: [%s, %s]   (grid %g .. %g)", p,
    l1 and string.format("%.4g", l1) or "-", h1 and string.format("%.4g", h1) or "-",
    l2 and string.format("%.4g", l2) or "-", h2 and string.format("%.4g", h2) or "-", grid[1], grid[#grid]))
end
print("wrote " .. outdir .. "/combined_fit_{mZp,gq,thetaD}.csv")

if n2d > 0 then
  local prof = zp.profile{ variant = heavy, free = FREE, constraints = names,
                           over = { mZp = zp.range(FREE.mZp[1], 1500, n2d), gq = zp.logrange(0.03, 2, n2d) },
                           start = { mZp = fit.best.mZp, gq = fit.best.gq, thetaD = fit.best.thetaD },
                           out = outdir .. "/combined_fit_mZp_gq.csv" }
  local png = zp.plot_contours{ data = prof, x = "mZp", y = "gq", logy = true, out = outdir .. "/combined_fit_mZp_gq.png",
    title = "heavy Z' + Dirac {/Symbol c}: combined {/Symbol D}{/Symbol c}^2 ({/Symbol q}_D re-fitted, g_{/Symbol c} from {/Symbol W}h^2)",
    xlabel = "m_{Z'} [GeV]", ylabel = "g_q",
    series = { { x = { fit.best.mZp }, y = { fit.best.gq }, style = "points", color = "#d62728", label = "best fit" } } }
  print("wrote " .. outdir .. "/combined_fit_mZp_gq.csv and " .. tostring(png and png.png or outdir .. "/combined_fit_mZp_gq.png"))
end
