-- Figure 2 of arXiv:1702.00395: allowed region of the flavour constraints in the plane
-- (g_q g_l mhat_TeV^-2, theta_D) for n_q = g_q/g_l = 1, 2, 4: the b -> s mu mu band (R_K),
-- the B_s-mixing upper bounds on theta_D, the neutrino-trident upper bounds on g_q g_l mhat^-2,
-- and the heavy-variant line g_q g_l / m_Z'^2 = 0.12 / TeV^2 (eq. 33 with n_q = 2, n_chi = 5).
-- Usage: zprime scripts/figures/fig2_flavour.lua [OUTDIR | -o DIR]      writes fig2_flavour.png/.dat/.gp/.csv
--
-- The curves use Table I's inequalities derived from zprime's inputs (zp.table1_coefficients),
-- exact in theta_D (s c = sin(2 theta_D)/2); they apply for m_Z' >> m_b (section 3.7).
local zp = zp or require "zprime"
local cli = require "zprime.cli"
local outdir = cli.parse(cli.outdir(cli.parser("scripts/figures/fig2_flavour.lua",
  "Figure 2 of arXiv:1702.00395: the flavour-allowed region. Writes fig2_flavour.png/.dat/.gp/.csv into OUTDIR."))).outdir

local t1 = zp.table1_coefficients(zp.model{})
local NQ = { 1, 2, 4 }
local STY = { "lines", "dashed", "dotted" }
local FILL = { "#1f4fb4", "#2ca02c", "#9467bd" }
local PATTERN = { "pattern 4", "pattern 5", "none" } -- n_q = 4: outlined (it covers most of the band)
local XMIN, XMAX, YMIN, YMAX = 0.1, 10, 1e-5, 0.1
local x = zp.logrange(XMIN, XMAX, 300)
-- g_q g_l / m_Z'^2 in TeV^-2 of the paper's heavy benchmark (eq. 33, n_q = 2, n_chi = 5, m_chi = 70 GeV;
-- printed as 0.12): the same eq. (33) chain as Figure 4 (zp.variants.heavy_dirac.paper_benchmark)
local X_HEAVY = zp.variants.heavy_dirac.paper_benchmark().gqgl_over_mZp2

-- theta_D with sin(theta) cos(theta) = v, or nil when v > 1/2 (no solution)
local function theta_of(v)
  if v > 0.5 then return nil end
  return 0.5 * math.asin(2 * v)
end
local nunu_max = t1.bsnunu_rhs - t1.bsnunu_offset -- largest g_q g_l s c mhat^-2 allowed by b -> s nu nu
local function theta_Bs(nq, xi) return theta_of(math.sqrt(t1.Bs_max / (nq * xi))) or math.pi / 4 end

local csv = { columns = { "x", "theta_mumu_lo", "theta_mumu_hi", "theta_nunu" } }
local lo, hi, nunu = {}, {}, {}
for i, xi in ipairs(x) do
  lo[i] = theta_of(t1.bsmumu_lo / xi) or 0 / 0
  hi[i] = theta_of(t1.bsmumu_hi / xi) or math.pi / 4
  nunu[i] = theta_of(nunu_max / xi) or math.pi / 4
end
csv.x, csv.theta_mumu_lo, csv.theta_mumu_hi, csv.theta_nunu = x, lo, hi, nunu

-- the allowed region for each n_q: inside the R_K band, below B_s, left of trident, below b -> s nu nu
local GX, GY = zp.logrange(XMIN, XMAX, 181), zp.logrange(YMIN, YMAX, 181)
local function allowed_grid(nq)
  local z = {}
  for i, xi in ipairs(GX) do
    z[i] = {}
    for j, th in ipairs(GY) do
      local xp = xi * math.sin(th) * math.cos(th)
      z[i][j] = math.min(math.log(xp / t1.bsmumu_lo), math.log(t1.bsmumu_hi / xp), math.log(nunu_max / xp),
                         math.log(theta_Bs(nq, xi) / th), math.log(nq * t1.trident_Ymax / xi))
    end
  end
  return z
end

local series = {
  { x = x, ylow = lo, yhigh = hi, style = "band", fill = 0.18, color = "#1a3f7a", label = "b → sμμ (R_K, 3σ)" },
}
for k, nq in ipairs(NQ) do
  series[#series + 1] = { region = { x = GX, y = GY, z = allowed_grid(nq) }, level = 0, color = FILL[k],
                          fill = PATTERN[k], width = k == 3 and 2.5 or 1.5, label = "allowed, n_q = " .. nq }
end
series[#series + 1] = { x = x, y = nunu, style = "dashed", width = 1.5, color = "#8c564b", label = "b → sνν̄" }
for k, nq in ipairs(NQ) do
  -- B_s: g_q^2 (s c)^2 mhat^-2 <= Bs_max with g_q^2 mhat^-2 = n_q x
  local th, col = {}, "theta_Bs_nq" .. nq
  for i, xi in ipairs(x) do th[i] = theta_Bs(nq, xi) end
  csv[col] = th
  csv.columns[#csv.columns + 1] = col
  series[#series + 1] = { x = x, y = th, style = STY[k], color = "#ff7f0e",
                          label = "B_s mixing, n_q = " .. nq }
end
local xtri = {}
for k, nq in ipairs(NQ) do
  -- trident: Y = g_l^2 mhat^-2 = x / n_q <= Ymax
  xtri[k] = nq * t1.trident_Ymax
  series[#series + 1] = { vline = xtri[k], style = STY[k], color = "#17becf",
                          label = string.format("ν trident, n_q = %d", nq) }
end
series[#series + 1] = { vline = X_HEAVY, style = "dashed", color = "#d62728",
                        label = "heavy Z′ + Dirac χ (eq. 33)" }

-- which side of each line is excluded
local labels = {
  { text = "B_s excluded ↑", x = 0.13, y = theta_Bs(1, 0.13) * 1.35, color = "#d9690a" },
  { text = "b → sνν̄ excluded ↑", x = 2.5, y = theta_of(nunu_max / 2.5) * 1.25, color = "#8c564b" },
  { text = "trident excluded →", x = xtri[1] * 1.03, y = 1.6e-5, color = "#0f8f9f" },
  { text = string.format("n_q = 4: trident at %.1f TeV^{−2}, off scale", 4 * t1.trident_Ymax), x = X_HEAVY * 1.08,
    y = 1.6e-5, color = "#0f8f9f" },
  { text = "R_K band (3σ)", x = 1.2, y = theta_of(t1.bsmumu_lo / 1.2) * 0.45, color = "#1a3f7a", rotate = -31 },
}

local res = zp.plot{
  out = outdir .. "/fig2_flavour.png", pdf = true,
  title = "Flavour constraints (Table I), m_{Z′} ≫ m_b",
  xlabel = "g_q g_l / m_{Z′}^2 [TeV^{−2}]", ylabel = "θ_D [rad]",
  logx = true, logy = true, xrange = { XMIN, XMAX }, yrange = { YMIN, YMAX }, key = "outside right top",
  size = { 1150, 700 }, series = series, labels = labels,
}
local units = { x = "TeV^-2", theta_mumu_lo = "rad", theta_mumu_hi = "rad", theta_nunu = "rad" }
for _, nq in ipairs(NQ) do units["theta_Bs_nq" .. nq] = "rad" end
zp.write_csv(outdir .. "/fig2_flavour.csv", csv, { units = units, header = {
  "Figure 2 of arXiv:1702.00395: theta_D bounds vs x = g_q g_l / m_Z'^2 [TeV^-2] for m_Z' >> m_b",
  "b -> s mu mu (R_K, 3 sigma): theta_mumu_lo < theta_D < theta_mumu_hi; b -> s nu nu: theta_D < theta_nunu;",
  "B_s mixing: theta_D < theta_Bs_nq<n>; allowed region = inside the band, below both, left of the trident line",
  string.format("trident: x <= n_q * %.4f TeV^-2; heavy variant (eq. 33, n_q = 2, n_chi = 5) x = %.2f TeV^-2; K = %.2f TeV^2",
    t1.trident_Ymax, X_HEAVY, t1.K) } })
for k, nq in ipairs(NQ) do
  print(string.format("  n_q = %d: trident x <= %.2f /TeV^2;  theta_D(B_s) at x = %.4f: %.4f", nq, xtri[k], X_HEAVY,
    theta_Bs(nq, X_HEAVY)))
end
print(string.format("  b -> s nu nu: g_q g_l s c mhat^-2 <= %.4f (a bound %.0fx above the R_K band)", nunu_max,
  nunu_max / t1.bsmumu_hi))
print("wrote " .. res.png .. " and " .. outdir .. "/fig2_flavour.csv")
