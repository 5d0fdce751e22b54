-- Benchmark table of the heavy Z' + Dirac DM variant (section 4.1 of arXiv:1702.00395): the
-- paper's point n_q = 2, n_chi = 5, m_chi = 70 GeV for m_Z' from 250 to 1200 GeV.
-- Usage: zprime scripts/figures/heavy_benchmarks.lua [OUTDIR | -o DIR] [propagator]
--   propagator: "full" (default; Breit-Wigner with Gamma_Z') or "contact" (the paper's eq. 33)
-- Writes <outdir>/heavy_benchmarks[_contact].csv and prints the table.
--
-- Columns: relic couplings; g_q g_l/m_Z'^2; the largest theta_D allowed by B_s mixing (the
-- "B_s mixing" constraint of m:check, found by bisection); C9 at theta_D = 0.008 (the maximal
-- angle used in section 4.1.3) and at the B_s bound; Z' branching ratios and Gamma/m; the
-- per-nucleon xenon cross section sigma_SI_Xe and sigma_p; Lambda_UV; and which constraints of
-- m:check() fail at theta_D = 0.008.
local zp = zp or require "zprime"
local cli = require "zprime.cli"
local parser = cli.outdir(cli.parser("scripts/figures/heavy_benchmarks.lua",
  "Benchmark table of the heavy Z' + Dirac DM variant (section 4.1): prints it and writes " ..
  "heavy_benchmarks[_contact].csv into OUTDIR."))
parser:argument("propagator", "'full' (Breit-Wigner with Gamma_Z') or 'contact' (the paper's eq. 33).")
  :args("?"):choices({ "full", "contact" })
local args = cli.parse(parser)
local outdir, propagator = args.outdir, args.propagator or "full"

local MZP = { 250, 400, 600, 800, 1000, 1200 }
local THETA = 0.008

local bs
for _, c in ipairs(zp.constraints) do if c.name == "B_s mixing" then bs = c end end
if not bs then error("heavy_benchmarks: no 'B_s mixing' constraint in zp.constraints") end

--- Largest theta_D in [0, 0.5] passing the B_s mixing constraint (bisection).
local function theta_max(m)
  local function ok(th) return zp.evaluate_constraint(bs, m:with{ thetaD = th }).pass end
  if not ok(0) then return 0 end
  local lo, hi = 0, 0.5
  if ok(hi) then return hi end
  for _ = 1, 60 do
    local mid = 0.5 * (lo + hi)
    if ok(mid) then lo = mid else hi = mid end
  end
  return lo
end

local cols = { "mZp", "gq", "gl", "gchi", "gqgl_over_mZp2", "thetaD_max_Bs", "C9_at_0.008", "C9_at_max",
  "BR_Zp_mumu", "BR_Zp_bb", "BR_Zp_tt", "BR_Zp_inv", "Gamma_Zp_over_mZp", "sigma_SI_Xe", "sigma_p",
  "Lambda_UV", "n_fail", "failing" }
local csv = { columns = cols, units = { mZp = "GeV", gqgl_over_mZp2 = "TeV^-2", thetaD_max_Bs = "rad",
  sigma_SI_Xe = "cm^2", sigma_p = "cm^2", Lambda_UV = "GeV" } }
for _, c in ipairs(cols) do csv[c] = {} end

local base = zp.variants.heavy_dirac{ mZp = MZP[1], mchi = 70, nq = 2, nchi = 5, thetaD = THETA,
  propagator = propagator }
for i, mz in ipairs(MZP) do
  local m = base:with{ mZp = mz }
  local tmax = theta_max(m)
  local rows = m:check{ quiet = true }
  local fails = {}
  for _, r in ipairs(rows) do if not r.pass then fails[#fails + 1] = r.name end end
  local v = {
    mZp = mz, gq = m.gq, gl = m.gl, gchi = m.gchi, gqgl_over_mZp2 = m.gqgl_over_mZp2,
    thetaD_max_Bs = tmax, ["C9_at_0.008"] = m.C9_bsmumu, C9_at_max = m:with{ thetaD = tmax }.C9_bsmumu,
    BR_Zp_mumu = m.BR_Zp_mumu, BR_Zp_bb = m.BR_Zp_bb, BR_Zp_tt = m.BR_Zp_tt, BR_Zp_inv = m.BR_Zp_inv,
    Gamma_Zp_over_mZp = m.Gamma_Zp_over_mZp, sigma_SI_Xe = m.sigma_SI_Xe, sigma_p = m.sigma_p,
    Lambda_UV = m.Lambda_UV, n_fail = #fails, failing = table.concat(fails, "; "),
  }
  for _, c in ipairs(cols) do csv[c][i] = v[c] end
end

local name = "heavy_benchmarks" .. (propagator == "contact" and "_contact" or "")
zp.write_csv(outdir .. "/" .. name .. ".csv", csv, { header = {
  "Heavy Z' + Dirac DM benchmarks (section 4.1 of arXiv:1702.00395): n_q = 2, n_chi = 5, m_chi = 70 GeV",
  "couplings from <sigma v> = 4.4e-26 cm^3/s with the " .. propagator .. " propagator; checks at theta_D = 0.008" } })

print(string.format("Heavy Z' + Dirac DM: n_q = 2, n_chi = 5, m_chi = 70 GeV, <sigma v> = 4.4e-26 cm^3/s (%s propagator)",
  propagator))
print(string.format("%6s %6s %6s %6s %8s %8s %7s %7s %8s %6s %6s %6s %6s %9s %9s %9s  %s",
  "mZp", "g_q", "g_l", "g_chi", "gqgl/m2", "thD_max", "C9(.008)", "C9(max)", "B(mumu)", "B(bb)", "B(tt)",
  "B(inv)", "G/m", "sig_SI", "sig_p", "Lambda", "failing at theta_D = 0.008"))
print(string.format("%6s %6s %6s %6s %8s %8s %7s %7s %8s %6s %6s %6s %6s %9s %9s %9s", "GeV", "", "", "",
  "TeV^-2", "rad", "", "", "", "", "", "", "", "cm^2", "cm^2", "TeV"))
for i = 1, #MZP do
  local c = function(k) return csv[k][i] end
  -- Lambda_UV beyond the Planck mass (Landau pole far above it) prints as "> M_Pl"
  local lam = c "Lambda_UV"
  local lam_s = lam > zp.model{}.M_Pl and "> M_Pl" or string.format("%.3g", lam / 1000)
  print(string.format("%6d %6.3f %6.3f %6.3f %8.4f %8.5f %8.3f %7.3f %8.2e %6.3f %6.3f %6.3f %6.3f %9.2e %9.2e %9s  %s",
    c "mZp", c "gq", c "gl", c "gchi", c "gqgl_over_mZp2", c "thetaD_max_Bs", c "C9_at_0.008", c "C9_at_max",
    c "BR_Zp_mumu", c "BR_Zp_bb", c "BR_Zp_tt", c "BR_Zp_inv", c "Gamma_Zp_over_mZp", c "sigma_SI_Xe", c "sigma_p",
    lam_s, c "failing" ~= "" and c "failing" or "none"))
end
print("wrote " .. outdir .. "/" .. name .. ".csv")
