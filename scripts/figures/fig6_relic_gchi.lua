-- Figure 6 of arXiv:1702.00395: the values of g_chi and f that give the relic density, eq. (46):
-- g_chi^4 + (g_chi^2 - f^2)^2 = R with R = 32 pi m_chi^2 <sigma v>_eff, <sigma v>_eff = 2.3e-26 cm^3/s:
-- R = 0.75 for m_chi = 1950 GeV (MED, MAX) and 0.64 for 1800 GeV (MIN).
-- Usage: zprime scripts/figures/fig6_relic_gchi.lua [OUTDIR | -o DIR]     writes fig6_relic_gchi.png/.dat/.gp/.csv
--
-- Each curve is closed: the upper branch (the paper's choice, used in Fig. 7) runs from
-- g_chi = (R/2)^(1/4) at f = 0 to its maximum R^(1/4) at f = R^(1/4) and back to (R/2)^(1/4) at
-- f_max = (2R)^(1/4); the lower branch exists for R^(1/4) < f <= f_max.
local zp = zp or require "zprime"
local cli = require "zprime.cli"
local outdir = cli.parse(cli.outdir(cli.parser("scripts/figures/fig6_relic_gchi.lua",
  "Figure 6 of arXiv:1702.00395: g_chi vs f from the relic density. Writes fig6_relic_gchi.png/.dat/.gp/.csv into OUTDIR."))).outdir

local N = 400
local curves = {
  { key = "MED_MAX", prop = "MED", label = "m_χ = 1950 GeV (MED, MAX)", color = "#1f77b4" },
  { key = "MIN", prop = "MIN", label = "m_χ = 1800 GeV (MIN)", color = "#d62728" },
}

local csv = { columns = { "curve", "f", "gchi_upper", "gchi_lower" }, curve = {}, f = {}, gchi_upper = {}, gchi_lower = {} }
local series = {}
for ci, c in ipairs(curves) do
  local info = zp.gchi_relic{ f = 0, prop = c.prop }
  local fmax = info.f_max
  -- closed path: upper branch left to right, lower branch right to left down to g_chi = 0 at
  -- f = R^(1/4); f is spaced densely near f_max and R^(1/4), where dg/df diverges
  local up_x, up_y, lo_x, lo_y = {}, {}, {}, { info.f_two }
  lo_y[1] = 0
  for i = 0, N do
    local f = fmax * math.sin(0.5 * math.pi * i / N)
    local r = zp.gchi_relic{ f = f, prop = c.prop }
    up_x[#up_x + 1], up_y[#up_y + 1] = f, r.upper
    local k = #csv.f + 1
    csv.curve[k], csv.f[k], csv.gchi_upper[k], csv.gchi_lower[k] = ci, f, r.upper, r.lower or 0 / 0
  end
  for i = 1, N do
    local f = info.f_two + (fmax - info.f_two) * 0.5 * (1 - math.cos(math.pi * i / N))
    local r = zp.gchi_relic{ f = math.min(f, fmax), prop = c.prop }
    if r.lower then lo_x[#lo_x + 1], lo_y[#lo_y + 1] = f, r.lower end
  end
  local x, y = {}, {}
  for i = 1, #up_x do x[#x + 1], y[#y + 1] = up_x[i], up_y[i] end
  for i = #lo_x, 1, -1 do x[#x + 1], y[#y + 1] = lo_x[i], lo_y[i] end
  series[#series + 1] = { x = x, y = y, label = c.label, color = c.color, style = "lines" }
  print(string.format("  %-8s R = %.4f: g_chi = %.3f at f = 0, max %.3f at f = %.3f; f <= %.3f; g_chi(f = 0.8) = %.3f",
    c.key, info.R, (info.R / 2) ^ 0.25, info.R ^ 0.25, info.f_two, fmax, zp.gchi_relic{ f = 0.8, prop = c.prop }.upper))
end

local res = zp.plot{
  out = outdir .. "/fig6_relic_gchi.png", pdf = true,
  title = "Couplings that give the relic density (eq. 46)",
  labels = { { text = "g_χ^4 + (g_χ^2 − f^2)^2 = 32π m_χ^2 ⟨σv⟩_{eff},   ⟨σv⟩_{eff} = 2.3×10^{−26} cm^3/s",
               x = 0.05, y = 0.45, color = "#333333" } },
  xlabel = "f", ylabel = "g_χ", xrange = { 0, 1.2 }, yrange = { 0, 1 }, key = "bottom left",
  series = series,
}
zp.write_csv(outdir .. "/fig6_relic_gchi.csv", csv, { header = {
  "Figure 6 of arXiv:1702.00395: g_chi(f) from eq. (46), both roots (gchi_lower = nan where absent)",
  "curve 1: m_chi = 1950 GeV (MED, MAX, R = 0.753); curve 2: m_chi = 1800 GeV (MIN, R = 0.642)" } })
print("wrote " .. res.png .. " and " .. outdir .. "/fig6_relic_gchi.csv")
