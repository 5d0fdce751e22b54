-- Table II of arXiv:1702.00395, right side: for each cosmic-ray propagation model, the m_chi at
-- which chi chi -> Z'Z' -> (b bbar)(b bbar) with m_Z' = 12 GeV gives the prompt antiproton
-- spectrum of the same shape as Ref. [27]'s best fit chi chi -> Z'Z' -> (q qbar)(q qbar) with a
-- 5 GeV mediator (left side), and <sigma v> rescaled by (m_chi / m_ref)^2 to keep the annihilation
-- rate n_chi^2 <sigma v> (n_chi ~ 1/m_chi) of the fit.
-- Usage: zprime scripts/figures/table2.lua [OUTDIR | -o DIR]          prints the table, writes table2.csv
--
-- Shape metric (zp.pbar_match): both spectra as unit-area densities in ln E, E dN/dE / N, on a
-- log grid of 400 kinetic energies from 1 GeV to 3 TeV; minimise int (f_bb - f_qq)^2 d ln E.
-- The q qbar reference: a 5 GeV mediator is below the PPPC masses (mDM = m/2 >= 5 GeV), so its
-- rest-frame spectrum is the 5 GeV PPPC light-quark table rescaled at fixed kinetic-energy
-- fraction (zp.pbar_light_mediator); the q qbar spectrum of a 10 GeV mediator (the lightest PPPC
-- one) is shown as a bracket.
local zp = zp or require "zprime"
local cli = require "zprime.cli"
local outdir = cli.parse(cli.outdir(cli.parser("scripts/figures/table2.lua",
  "Table II of arXiv:1702.00395, right side (antiproton shape matching). Prints the table, writes table2.csv into OUTDIR."))).outdir

local MZP, MMED = 12, 5 -- GeV: this model's Z' (section 4.2.1); Ref. [27]'s mediator
-- Table II: { model, m_ref, <sigma v> (+, -) from Ref. [27], paper's m_chi and <sigma v> (+, -) }
local ROWS = {
  { "MIN", 765, 18.6, 10.7, 8.0, 1800, 103, 59, 44 },
  { "MED", 808, 5.2, 3.0, 2.4, 1950, 31, 18, 14 },
  { "MAX", 826, 2.29, 1.3, 1.1, 1950, 12.8, 7.3, 5.9 },
}

local E = zp.logrange(1, 3000, 400)
local function best_mchi(ref)
  return zp.pbar_match{ ref = ref, mZp = MZP, channel = "b", mchi = { 300, 10000 } }
end

local out = { columns = { "model", "m_ref", "sigmav_ref", "mchi_paper", "sigmav_paper", "mchi",
                          "sigmav", "sigmav_plus", "sigmav_minus", "mchi_q10" },
              units = { m_ref = "GeV", sigmav_ref = "1e-26 cm^3/s", mchi_paper = "GeV",
                        sigmav_paper = "1e-26 cm^3/s", mchi = "GeV", sigmav = "1e-26 cm^3/s",
                        sigmav_plus = "1e-26 cm^3/s", sigmav_minus = "1e-26 cm^3/s", mchi_q10 = "GeV" } }
for _, c in ipairs(out.columns) do out[c] = {} end

local function pm(v, up, dn) return string.format("%.3g +%.3g -%.3g", v, up, dn) end
print("Table II of arXiv:1702.00395 (right side recomputed): <sigma v> in 1e-26 cm^3/s")
print(string.format("%-5s | %-25s | %-25s | %-32s | %s", "prop.", "Ref. [27]: q q, 5 GeV",
  "paper: b b, m_Z' = 12 GeV", "zprime: b b, m_Z' = 12 GeV", "q q 10 GeV"))
print(string.format("%-5s | %6s %-18s | %6s %-18s | %6s %-18s %6s | %s", "model", "m_chi", "<sigma v>",
  "m_chi", "<sigma v>", "m_chi", "<sigma v>", "ratio", "m_chi"))
for _, r in ipairs(ROWS) do
  local name, mref, sv, svp, svm, mpap, svpap, svpp, svpm = table.unpack(r)
  local ref = zp.pbar_light_mediator{ mchi = mref, mZp = MMED, channel = "q", E = E }
  local m = best_mchi(ref)
  local ref10 = zp.pbar_spectrum{ mchi = mref, mZp = 2 * zp.pppc_info().mmin, channel = "q", E = E }
  local m10 = best_mchi(ref10)
  local s = (m / mref) ^ 2 -- n_chi^2 <sigma v> fixed, n_chi ~ 1/m_chi
  print(string.format("%-5s | %6d %-18s | %6d %-18s | %6.0f %-18s %6.3f | %6.0f", name, mref,
    pm(sv, svp, svm), mpap, pm(svpap, svpp, svpm), m, pm(sv * s, svp * s, svm * s), m / mref, m10))
  local vals = { name, mref, sv, mpap, svpap, m, sv * s, svp * s, svm * s, m10 }
  for i, c in ipairs(out.columns) do out[c][#out[c] + 1] = vals[i] end
end
print([[
Shape metric: unit-area ln E densities E dN/dE / N compared in L2 on 1 GeV - 3 TeV (zp.pbar_match);
  normalisations are not matched, as in the paper (the same annihilation rate).
q q reference: PPPC starts at mDM = 5 GeV (a 10 GeV mediator); the 5 GeV mediator's spectrum is
  the 5 GeV table at fixed xi = K'/(m/2 - m_p) (zp.pbar_light_mediator).  The tables harden in xi
  as the mass falls, so this reference is somewhat too soft and the matched m_chi comes out ~4-6%
  below the paper's 1800/1950/1950 GeV (ratios 2.35-2.41, values that sit on a 150 GeV grid); the
  last column (a 10 GeV q q mediator) shows how strongly the answer depends on that spectrum.
Paper's MED 31 = 5.2 x (1950/808)^2 = 30.3 from the rounded 5.2.]])
zp.write_csv(outdir .. "/table2.csv", out, { header = {
  "Table II of arXiv:1702.00395, right side recomputed by scripts/figures/table2.lua",
  "m_chi of b b (m_Z' = 12 GeV) matching Ref. [27]'s q q (5 GeV mediator) spectrum shape; <sigma v> x (m_chi/m_ref)^2" } })
