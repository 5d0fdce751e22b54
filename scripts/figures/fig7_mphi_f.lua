-- Figure 7 of arXiv:1702.00395: the dark Higgs mass m_phi versus the Yukawa coupling f for which
-- the Sommerfeld-enhanced <sigma v>(chi- chi- -> Z'Z') at v = 1e-3 c matches the antiproton fit
-- of each propagation model (Table II), with g_chi on the upper branch of the relic relation
-- (eq. 46, Fig. 6), and the region excluded by the CMB (eq. 49) for m_chi = 1800 GeV.
-- Usage: zprime scripts/figures/fig7_mphi_f.lua [OUTDIR | -o DIR]        writes fig7_mphi_f.png/.dat/.gp/.csv
--
-- Computed twice: with the Hulthen formula of eq. (47) (solid, the paper's method) and with the
-- exact Yukawa Sommerfeld factor from the Schroedinger equation (dashed); see docs/sommerfeld.md.
-- The curves are the S = S_required contours of ln S - ln S_required(f) on an (f, ln m_phi) grid.
local zp = zp or require "zprime"
local core = zp.core
local cli = require "zprime.cli"
local outdir = cli.parse(cli.outdir(cli.parser("scripts/figures/fig7_mphi_f.lua",
  "Figure 7 of arXiv:1702.00395: m_phi vs f for the antiproton excess. Writes fig7_mphi_f.png/.dat/.gp/.csv into OUTDIR."))).outdir

local V, MZP = 1e-3, 12
local NF, NM = 111, 161
local F = zp.range(0.02, 1.12, NF)
local MPHI = zp.logrange(0.5, 200, NM)
local t0 = os.clock()

--- S on the grid, ln S[i][j] at f = F[i], m_phi = MPHI[j].
local function lnS_grid(fn, mchi, beta, den)
  local g = {}
  for i, f in ipairs(F) do
    local a, row = f * f / (den * math.pi), {}
    for j, m in ipairs(MPHI) do row[j] = math.log(fn(a, beta, mchi, m)) end
    g[i] = row
  end
  return g
end

--- The model at f on the relic curve (upper root of eq. 46) of a propagation model.
local function relic_point(prop, f)
  local ok, r = pcall(zp.gchi_relic, { f = f, prop = prop })
  if not ok then return nil end
  local row = zp.propagation[prop]
  return zp.model{ mchi = row.mchi, mZp = MZP, f = f, gchi = r.upper, gq = 0.4 * MZP / 1000,
                   gl = 0.2 * MZP / 1000, sigmav_pbar_fit = row.sigmav }
end

--- Marching squares: the z = 0 contour of z[i][j] on (F, ln MPHI) as x, y arrays with NaN gaps.
local function contour(z)
  local xs, ys, nan = {}, {}, 0 / 0
  local function point(i1, j1, i2, j2)
    local a, b = z[i1][j1], z[i2][j2]
    local t = a / (a - b)
    local x = F[i1] + (F[i2] - F[i1]) * t
    local y = math.exp(math.log(MPHI[j1]) + (math.log(MPHI[j2]) - math.log(MPHI[j1])) * t)
    return x, y
  end
  for i = 1, #F - 1 do
    for j = 1, #MPHI - 1 do
      local c = { { i, j }, { i + 1, j }, { i + 1, j + 1 }, { i, j + 1 } }
      local ok = true
      for _, k in ipairs(c) do if z[k[1]][k[2]] ~= z[k[1]][k[2]] then ok = false end end
      if ok then
        local pts = {}
        for e = 1, 4 do
          local p, q = c[e], c[e % 4 + 1]
          if (z[p[1]][p[2]] < 0) ~= (z[q[1]][q[2]] < 0) then
            local x, y = point(p[1], p[2], q[1], q[2])
            pts[#pts + 1] = { x, y }
          end
        end
        if #pts == 4 then -- saddle: pair by the sign at the centre
          local ctr = (z[i][j] + z[i + 1][j] + z[i + 1][j + 1] + z[i][j + 1]) / 4
          if (ctr < 0) ~= (z[i][j] < 0) then pts = { pts[1], pts[2], pts[3], pts[4] }
          else pts = { pts[1], pts[4], pts[2], pts[3] } end
        end
        for s = 1, #pts - 1, 2 do
          xs[#xs + 1], ys[#ys + 1] = pts[s][1], pts[s][2]
          xs[#xs + 1], ys[#ys + 1] = pts[s + 1][1], pts[s + 1][2]
          xs[#xs + 1], ys[#ys + 1] = nan, nan
        end
      end
    end
  end
  return xs, ys
end

local grids = {}
for _, mchi in ipairs({ 1950, 1800 }) do
  grids[mchi] = { H = lnS_grid(core.S_hulthen, mchi, V, 16), E = lnS_grid(core.S_exact, mchi, V, 16) }
end

-- required S along the relic curve, and the contours
local PROPS = { { "MAX", "#2ca02c" }, { "MED", "#1f77b4" }, { "MIN", "#d62728" } }
local series, lnSreq, csv = {}, {}, { columns = { "prop", "method", "f", "mphi" }, prop = {}, method = {}, f = {}, mphi = {} }
for pi_, pc in ipairs(PROPS) do
  local prop, color = pc[1], pc[2]
  local mchi = zp.propagation[prop].mchi
  lnSreq[prop] = {}
  for i, f in ipairs(F) do
    local m = relic_point(prop, f)
    lnSreq[prop][i] = m and math.log(m.S_required) or 0 / 0
  end
  for mi, method in ipairs({ "H", "E" }) do
    local z = {}
    for i = 1, #F do
      z[i] = {}
      for j = 1, #MPHI do z[i][j] = grids[mchi][method][i][j] - lnSreq[prop][i] end
    end
    local xs, ys = contour(z)
    series[#series + 1] = { x = xs, y = ys, color = color, style = method == "H" and "lines" or "dashed",
      label = prop .. (method == "H" and " (Hulthen, eq. 47)" or " (exact Yukawa)") }
    for k = 1, #xs do
      if xs[k] == xs[k] then
        local n = #csv.f + 1
        csv.prop[n], csv.method[n], csv.f[n], csv.mphi[n] = pi_, mi, xs[k], ys[k]
      end
    end
  end
end

-- CMB (eq. 49) at m_chi = 1800 GeV: S at v0 of eq. (48), z = 600, is constant in time
local cmb_model = relic_point("MIN", 0.5)
local v0, feff, pmax = cmb_model.v0_kd, cmb_model.f_eff_bb, cmb_model.pann_max
local cmb = {}
for _, method in ipairs({ "H", "E" }) do
  local fn = method == "H" and core.S_hulthen or core.S_exact
  local z = {}
  for i, f in ipairs(F) do
    local m = relic_point("MIN", f)
    local bound = m and pmax * 1800 / (m.sigmav_ZpZp * feff) -- largest S allowed
    local a = f * f / (16 * math.pi)
    z[i] = {}
    for j, mphi in ipairs(MPHI) do
      z[i][j] = bound and (math.log(fn(a, v0, 1800, mphi)) - math.log(bound)) or 0 / 0
    end
  end
  cmb[method] = z
end
table.insert(series, 1, { region = { x = F, y = MPHI, z = cmb.H }, level = 0, color = "#ff9900",
  label = "CMB excluded, m_{/Symbol c} = 1800 GeV (Hulthen)" })
local cx, cy = contour(cmb.E)
table.insert(series, 2, { x = cx, y = cy, color = "#b35900", style = "dotted", width = 1.5,
  label = "CMB boundary (exact Yukawa)" })

local res = zp.plot{
  out = outdir .. "/fig7_mphi_f.png",
  title = "m_{/Symbol f} vs f for the AMS-02 antiproton signal (v = 10^{-3} c, g_{/Symbol c} from eq. 46, upper root)",
  xlabel = "f", ylabel = "m_{/Symbol f} [GeV]", logy = true, xrange = { 0, 1.12 }, yrange = { 0.5, 200 },
  key = "top left", size = { 1000, 720 }, series = series,
}
zp.write_csv(outdir .. "/fig7_mphi_f.csv", csv, { header = {
  "Figure 7 of arXiv:1702.00395: contour points (f, mphi [GeV]) of S(v = 1e-3) = S_required(f)",
  "prop 1 = MAX, 2 = MED, 3 = MIN; method 1 = Hulthen (eq. 47), 2 = exact Yukawa" } })

-- printed summary: the main-branch m_phi (largest root) at a few f, both methods
local function main_root(method, prop, f)
  local m = relic_point(prop, f)
  local r = core.S_mphi_roots(method, m.S_required, f * f / (16 * math.pi), V, m.mchi, 0.05, 500, 500)
  return r[#r]
end
for _, prop in ipairs({ "MAX", "MED", "MIN" }) do
  local parts = {}
  for _, f in ipairs({ 0.5, 0.8, 1.0 }) do
    local h, e = main_root(0, prop, f), main_root(1, prop, f)
    parts[#parts + 1] = string.format("f = %.1f: %s / %s GeV", f, h and string.format("%.3g", h) or "-",
      e and string.format("%.3g", e) or "-")
  end
  print(string.format("  %-3s m_phi (Hulthen / exact): %s", prop, table.concat(parts, ";  ")))
end
print(string.format("  CMB: m_chi = 1800 GeV, v0 = %.3g c, f_eff(b bbar) = %.4f, bound S <sigma v> f_eff < %.3g cm^3/s",
  v0, feff, pmax * 1800))
print(string.format("wrote %s and %s/fig7_mphi_f.csv (%.1f s)", res.png, outdir, os.clock() - t0))
