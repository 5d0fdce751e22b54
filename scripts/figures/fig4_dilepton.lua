-- Figure 4 of arXiv:1702.00395 (model side): the Z' branching ratios that enter the LHC
-- dilepton (left panel) and dijet / t tbar (right panel) searches, versus m_Z', for the heavy
-- variant of section 4.1.2 (n_q = 2, n_chi = 5, m_chi = 70 GeV, couplings from eq. 33).
-- Usage: zprime scripts/figures/fig4_dilepton.lua [OUTDIR | -o DIR]      writes fig4_dilepton.png/.dat/.gp/.csv
--
-- The paper's Figure 4 also shows sigma(pp -> Z') from b bbar fusion (MadGraph + PDFs) against
-- the ATLAS limit curves.  No ATLAS limit table is available in the data directory (see its
-- README, section 4d) and zprime has no parton distributions, so this script draws the
-- ingredients zprime does compute: B(mu mu) of eq. (34) (full widths, and the paper's formula),
-- B(b bbar), B(t tbar), the invisible fraction and Gamma/m.
local zp = zp or require "zprime"
local cli = require "zprime.cli"
local outdir = cli.parse(cli.outdir(cli.parser("scripts/figures/fig4_dilepton.lua",
  "Figure 4 of arXiv:1702.00395 (model side): Z' branching ratios for the LHC searches. Writes fig4_dilepton.png/.dat/.gp/.csv into OUTDIR."))).outdir

local mzp = zp.range(200, 1500, 131)
local base = zp.variants.heavy_dirac{ mZp = mzp[1], mchi = 70, nq = 2, nchi = 5, propagator = "contact" }
local cols = { "mZp", "BR_Zp_mumu", "BR_eq34", "BR_Zp_bb", "BR_Zp_tt", "BR_Zp_inv", "Gamma_Zp_over_mZp" }
local csv = { columns = cols, units = { mZp = "GeV" } }
for _, c in ipairs(cols) do csv[c] = {} end
for i, m in ipairs(mzp) do
  local v = base:with{ mZp = m }
  local x = (v.m_t / m) ^ 2
  local f = 4 * x < 1 and (1 + 7 * x / 17) * math.sqrt(1 - 4 * x) or 0 -- eq. (34), Ref. [62]
  csv.mZp[i] = m
  csv.BR_eq34[i] = 0.25 / (3.5 + 3 * f + 2 * 25)
  for _, c in ipairs(cols) do
    if c ~= "mZp" and c ~= "BR_eq34" then csv[c][i] = v[c] end
  end
end
local res = zp.plot{
  out = outdir .. "/fig4_dilepton.png", pdf = true,
  title = "Z' decays for LHC searches (n_q = 2, n_{/Symbol c} = 5, m_{/Symbol c} = 70 GeV, eq. 33)",
  xlabel = "m_{Z'} [GeV]", ylabel = "branching ratio", logy = true, yrange = { 1e-4, 2 },
  key = "bottom right", xrange = { 200, 1500 },
  series = {
    { x = mzp, y = csv.BR_Zp_mumu, label = "B({/Symbol m}{/Symbol m}) full widths", style = "lines" },
    { x = mzp, y = csv.BR_eq34, label = "B({/Symbol m}{/Symbol m}) eq. (34)", style = "dashed" },
    { x = mzp, y = csv.BR_Zp_bb, label = "B(b~b{.8-})", style = "lines" },
    { x = mzp, y = csv.BR_Zp_tt, label = "B(t~t{.8-})", style = "lines" },
    { x = mzp, y = csv.BR_Zp_inv, label = "invisible ({/Symbol c}~{/Symbol c}{.8-}, {/Symbol n}~{/Symbol n}{.8-})", style = "lines" },
    { x = mzp, y = csv.Gamma_Zp_over_mZp, label = "{/Symbol G}_{Z'}/m_{Z'}", style = "dotted" },
  },
}
zp.write_csv(outdir .. "/fig4_dilepton.csv", csv, { header = {
  "Figure 4 of arXiv:1702.00395 (model side): Z' branching ratios vs m_Z' for the heavy variant",
  "BR_eq34: the paper's eq. (34) with Ref. [62]'s top factor; the other BRs from zprime's widths" } })
local i600 = 41
print(string.format("  mZp = %g GeV: B(mu mu) = %.4f (eq. 34: %.4f), B(b b) = %.4f (%.1f x B(mu mu)), B(inv) = %.3f",
  mzp[i600], csv.BR_Zp_mumu[i600], csv.BR_eq34[i600], csv.BR_Zp_bb[i600],
  csv.BR_Zp_bb[i600] / csv.BR_Zp_mumu[i600], csv.BR_Zp_inv[i600]))
print("wrote " .. res.png .. " and " .. outdir .. "/fig4_dilepton.csv")
