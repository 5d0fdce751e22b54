-- Figure 3 of arXiv:1702.00395: the UV scale Lambda where alpha_chi = g_chi^2/(4 pi) = 1, versus
-- m_Z', with g_chi from the relic density (eq. 33, n_q = 2, n_chi = 5, m_chi = 70 GeV) as the
-- boundary condition at m_Z' and dg/d ln mu = g^3/(12 pi^2) above it.
-- Usage: zprime scripts/figures/fig3_lambda_uv.lua [OUTDIR | -o DIR]      writes fig3_lambda_uv.png/.dat/.gp/.csv
--
-- Two curves: the paper's (eq. 33, i.e. eq. (32)'s contact limit m_chi << m_Z') and the same
-- with the full s-channel propagator (Breit-Wigner with Gamma_Z'), which lowers g_chi at small
-- m_Z' (resonance side) and raises it slightly at large m_Z' (width).
local zp = zp or require "zprime"
local cli = require "zprime.cli"
local outdir = cli.parse(cli.outdir(cli.parser("scripts/figures/fig3_lambda_uv.lua",
  "Figure 3 of arXiv:1702.00395: Lambda_UV vs m_Z'. Writes fig3_lambda_uv.png/.dat/.gp/.csv into OUTDIR."))).outdir

local MCHI, NQ, NCHI = 70, 2, 5
local mzp = zp.range(250, 1300, 106)   -- GeV, 10 GeV steps
local MPL_TEV = zp.model{}.M_Pl / 1000  -- Planck mass, TeV (parameter M_Pl, PDG)

local base = {
  contact = zp.variants.heavy_dirac{ mZp = mzp[1], mchi = MCHI, nq = NQ, nchi = NCHI, propagator = "contact" },
  full = zp.variants.heavy_dirac{ mZp = mzp[1], mchi = MCHI, nq = NQ, nchi = NCHI, propagator = "full" },
}
local csv = { columns = { "mZp", "gchi_eq33", "Lambda_UV_eq33", "gchi_full", "Lambda_UV_full",
                          "Lambda_UV_eq33_TeV", "Lambda_UV_full_TeV" },
  units = { mZp = "GeV", gchi_eq33 = "1", gchi_full = "1", Lambda_UV_eq33 = "GeV", Lambda_UV_full = "GeV",
            Lambda_UV_eq33_TeV = "TeV", Lambda_UV_full_TeV = "TeV" } }
for _, c in ipairs(csv.columns) do csv[c] = {} end
for i, m in ipairs(mzp) do
  local a, b = base.contact:with{ mZp = m }, base.full:with{ mZp = m }
  csv.mZp[i] = m
  csv.gchi_eq33[i], csv.Lambda_UV_eq33[i] = a.gchi, a.Lambda_UV
  csv.gchi_full[i], csv.Lambda_UV_full[i] = b.gchi, b.Lambda_UV
  csv.Lambda_UV_eq33_TeV[i], csv.Lambda_UV_full_TeV[i] = a.Lambda_UV / 1000, b.Lambda_UV / 1000
end

-- the curves end at M_Pl: above it the scale only says "no Landau pole below the Planck mass"
local function capped(t)
  local r = {}
  for i, v in ipairs(t) do r[i] = v <= MPL_TEV and v or 0 / 0 end
  return r
end
local x = {}
for i, m in ipairs(mzp) do x[i] = m / 1000 end
local function first_below(t) for i, v in ipairs(t) do if v <= MPL_TEV then return x[i] end end end
local edge = first_below(csv.Lambda_UV_eq33_TeV)
local res = zp.plot{
  out = outdir .. "/fig3_lambda_uv.png", pdf = true,
  title = "UV scale where α_χ = 1   (m_χ = 70 GeV, n_q = 2, n_χ = 5)",
  xlabel = "m_{Z′} [TeV]", ylabel = "Λ [TeV]", logy = true,
  xrange = { 0.25, 1.3 }, yrange = { 1, MPL_TEV * 20 }, key = "right center",
  series = {
    { x = x, y = capped(csv.Lambda_UV_eq33_TeV), label = "g_χ from eq. (33) (paper)", style = "lines" },
    { x = x, y = capped(csv.Lambda_UV_full_TeV), label = "full Z′ propagator", style = "dashed" },
    { hline = 100, style = "dotted", color = "#2ca02c" },
    { hline = MPL_TEV, style = "dotted", color = "#ff7f0e" },
  },
  labels = {
    { text = "100 TeV: the paper's preferred UV-completion scale", x = 0.27, y = 450, color = "#2ca02c" },
    { text = "M_{Pl}", x = 1.2, y = MPL_TEV * 2.5, color = "#ff7f0e" },
    { text = string.format("Λ > M_{Pl} for m_{Z′} < %.2f TeV,", edge or 0), x = 0.27, y = 2e6,
      color = "#1f77b4" },
    { text = "e.g. the paper's m_{Z′} = 250 GeV (g_χ = 0.6)", x = 0.27, y = 2e5, color = "#1f77b4" },
  },
}
zp.write_csv(outdir .. "/fig3_lambda_uv.csv", csv, { header = {
  "Figure 3 of arXiv:1702.00395: Lambda_UV (alpha_chi = 1) vs m_Z' for the relic couplings",
  "eq33: contact limit of eq. (32) (the paper); full: Breit-Wigner propagator with Gamma_Z'",
  "the figure draws Lambda up to M_Pl (1.22e16 TeV); larger values mean no Landau pole below the Planck mass" } })

local function at(m)
  for i, v in ipairs(mzp) do if math.abs(v - m) < 1e-9 then return i end end
end
for _, m in ipairs({ 250, 600, 1000, 1200 }) do
  local i = at(m)
  local function lam(v) return v > MPL_TEV and "> M_Pl" or string.format("%.3g TeV", v) end
  print(string.format("  mZp = %4d GeV: g_chi = %.3f (eq. 33), %.3f (full);  Lambda = %s, %s",
    m, csv.gchi_eq33[i], csv.gchi_full[i], lam(csv.Lambda_UV_eq33_TeV[i]), lam(csv.Lambda_UV_full_TeV[i])))
end
print("wrote " .. res.png .. " and " .. outdir .. "/fig3_lambda_uv.csv")
