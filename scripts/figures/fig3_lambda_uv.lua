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
local MPL_TEV = 1.22e16                 -- Planck mass, TeV (PDG)

local base = {
  contact = zp.variants.heavy_dirac{ mZp = mzp[1], mchi = MCHI, nq = NQ, nchi = NCHI, propagator = "contact" },
  full = zp.variants.heavy_dirac{ mZp = mzp[1], mchi = MCHI, nq = NQ, nchi = NCHI, propagator = "full" },
}
local csv = { columns = { "mZp", "gchi_eq33", "Lambda_UV_eq33", "gchi_full", "Lambda_UV_full" },
  units = { mZp = "GeV", Lambda_UV_eq33 = "GeV", Lambda_UV_full = "GeV" } }
for _, c in ipairs(csv.columns) do csv[c] = {} end
for i, m in ipairs(mzp) do
  local a, b = base.contact:with{ mZp = m }, base.full:with{ mZp = m }
  csv.mZp[i] = m
  csv.gchi_eq33[i], csv.Lambda_UV_eq33[i] = a.gchi, a.Lambda_UV
  csv.gchi_full[i], csv.Lambda_UV_full[i] = b.gchi, b.Lambda_UV
end

local function tev(t) local r = {} for i, x in ipairs(t) do r[i] = x / 1000 end return r end
local x = tev(mzp)
local res = zp.plot{
  out = outdir .. "/fig3_lambda_uv.png",
  title = "Scale where {/Symbol a}_{/Symbol c} = 1 (m_{/Symbol c} = 70 GeV, n_q = 2, n_{/Symbol c} = 5)",
  xlabel = "m_{Z'} [TeV]", ylabel = "{/Symbol L} [TeV]", logy = true,
  xrange = { 0.4, 1.3 }, yrange = { 1, 1e20 }, key = "top right",
  series = {
    { x = x, y = tev(csv.Lambda_UV_eq33), label = "g_{/Symbol c} from eq. (33) (paper)", style = "lines" },
    { x = x, y = tev(csv.Lambda_UV_full), label = "full propagator", style = "dashed" },
    { hline = 100, label = "100 TeV", style = "dotted" },
    { hline = MPL_TEV, label = "M_{Pl}", style = "dotted" },
  },
}
zp.write_csv(outdir .. "/fig3_lambda_uv.csv", csv, { header = {
  "Figure 3 of arXiv:1702.00395: Lambda_UV (alpha_chi = 1) vs m_Z' for the relic couplings",
  "eq33: contact limit of eq. (32) (the paper); full: Breit-Wigner propagator with Gamma_Z'" } })

local function at(m)
  for i, v in ipairs(mzp) do if math.abs(v - m) < 1e-9 then return i end end
end
for _, m in ipairs({ 250, 600, 1000, 1200 }) do
  local i = at(m)
  print(string.format("  mZp = %4d GeV: g_chi = %.3f (eq. 33), %.3f (full);  Lambda = %.3g TeV, %.3g TeV",
    m, csv.gchi_eq33[i], csv.gchi_full[i], csv.Lambda_UV_eq33[i] / 1000, csv.Lambda_UV_full[i] / 1000))
end
print("wrote " .. res.png .. " and " .. outdir .. "/fig3_lambda_uv.csv")
