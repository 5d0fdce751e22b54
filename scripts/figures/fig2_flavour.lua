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
local x = zp.logrange(0.01, 100, 300)

-- theta_D with sin(theta) cos(theta) = v, or nil when v > 1/2 (no solution)
local function theta_of(v)
  if v > 0.5 then return nil end
  return 0.5 * math.asin(2 * v)
end

local csv = { columns = { "x", "theta_mumu_lo", "theta_mumu_hi" } }
local lo, hi = {}, {}
for i, xi in ipairs(x) do
  lo[i] = theta_of(t1.bsmumu_lo / xi) or 0 / 0
  hi[i] = theta_of(t1.bsmumu_hi / xi) or math.pi / 4
end
csv.x, csv.theta_mumu_lo, csv.theta_mumu_hi = x, lo, hi

local series = {
  { x = x, ylow = lo, yhigh = hi, style = "band", label = "b -> s{/Symbol m}{/Symbol m} (3{/Symbol s})", color = "#4a78c8" },
}
for k, nq in ipairs(NQ) do
  -- B_s: g_q^2 (s c)^2 mhat^-2 <= Bs_max with g_q^2 mhat^-2 = n_q x
  local th, col = {}, "theta_Bs_nq" .. nq
  for i, xi in ipairs(x) do th[i] = theta_of(math.sqrt(t1.Bs_max / (nq * xi))) or math.pi / 4 end
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
                          label = string.format("{/Symbol n} trident, n_q = %d", nq) }
end
series[#series + 1] = { vline = 0.12, style = "dashed", color = "#d62728",
                        label = "heavy Z' + Dirac DM: 0.12/TeV^2" }

local res = zp.plot{
  out = outdir .. "/fig2_flavour.png",
  title = "Flavour constraints (Table I), m_{Z'} >> m_b",
  xlabel = "g_q g_l / m_{Z'}^2 [TeV^{-2}]", ylabel = "{/Symbol q}_D [rad]",
  logx = true, logy = true, xrange = { 0.01, 100 }, yrange = { 1e-5, 0.5 }, key = "top right",
  size = { 950, 700 }, series = series,
}
zp.write_csv(outdir .. "/fig2_flavour.csv", csv, { header = {
  "Figure 2 of arXiv:1702.00395: b->s mu mu band and B_s upper bounds on theta_D vs x = g_q g_l mhat^-2 [TeV^-2]",
  string.format("trident: x <= n_q * %.4f; heavy variant x = 0.12; K = %.2f TeV^2", t1.trident_Ymax, t1.K) } })
for k, nq in ipairs(NQ) do
  print(string.format("  n_q = %d: trident x <= %.2f /TeV^2;  theta_D(B_s) at x = 0.12: %.4f", nq, xtri[k],
    theta_of(math.sqrt(t1.Bs_max / (nq * 0.12)))))
end
print("wrote " .. res.png .. " and " .. outdir .. "/fig2_flavour.csv")
