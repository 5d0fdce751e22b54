-- The thermal-relic <sigma v> versus dark-matter mass from zprime's Boltzmann solver, next to
-- Fig. 5 of Steigman, Dasgupta & Beacom (arXiv:1204.3622, Omega h^2 = 0.11, Majorana s-wave; the
-- points are their curve as digitised to two digits in TjarkMiener/likelihood_combiner), the
-- paper's targets 4.4e-26 (Dirac, eq. 32) and 2.3e-26 (Majorana, eq. 46), and the same targets
-- for Planck's Omega h^2 = 0.120.
-- Usage: build/zprime scripts/figures/relic_sigmav_vs_mass.lua [OUTDIR | -o DIR]
local zp = zp or require "zprime"
local cli = require "zprime.cli"
local outdir = cli.parse(cli.outdir(cli.parser("scripts/figures/relic_sigmav_vs_mass.lua",
  "The thermal-relic <sigma v> vs dark-matter mass from the Boltzmann solver. Writes relic_sigmav_vs_mass.png/.dat/.gp/.csv into OUTDIR."))).outdir

local masses = zp.logrange(0.1, 1e4, 61)
local function curve(omega, majorana)
  local t = {}
  for i, m in ipairs(masses) do
    t[i] = zp.relic_target{ m = m, Omega_h2 = omega, majorana = majorana } / 1e-26
  end
  return t
end
local maj11, dir11 = curve(0.11, true), curve(0.11, false)
local maj12, dir12 = curve(0.120, true), curve(0.120, false)

local sdb_m = { 0.1, 0.178, 0.316, 0.562, 1, 1.78, 3.16, 5.62, 10, 17.8, 31.6, 56.2, 100, 178, 316,
                562, 1000, 1780, 3160, 5620, 10000 }
local sdb_sv = { 4.8, 4.9, 5.1, 5.0, 4.7, 4.5, 3.9, 2.8, 2.5, 2.3, 2.2, 2.2, 2.2, 2.3, 2.3, 2.3, 2.3,
                 2.3, 2.3, 2.3, 2.4 }

local UNIT = "1e-26 cm^3/s"
zp.write_csv(outdir .. "/relic_sigmav_vs_mass.csv", {
  columns = { "m", "majorana_0.11", "dirac_0.11", "majorana_0.120", "dirac_0.120" },
  units = { m = "GeV", ["majorana_0.11"] = UNIT, ["dirac_0.11"] = UNIT, ["majorana_0.120"] = UNIT, ["dirac_0.120"] = UNIT },
  m = masses, ["majorana_0.11"] = maj11, ["dirac_0.11"] = dir11, ["majorana_0.120"] = maj12, ["dirac_0.120"] = dir12,
}, { header = { "thermal-relic <sigma v> vs the dark-matter mass m: zprime's Boltzmann solver, std dof table",
                "columns: Majorana or Dirac, for Omega h^2 = 0.11 and 0.120" } })

local out = zp.plot{
  out = outdir .. "/relic_sigmav_vs_mass.png", pdf = true,
  title = "Thermal-relic ⟨σv⟩ from the Boltzmann equation",
  xlabel = "m_χ [GeV]", ylabel = "⟨σv⟩ [10^{−26} cm^3/s]",
  logx = true, xrange = { 0.1, 1e4 }, yrange = { 0, 12 }, key = "top right",
  series = {
    { x = masses, y = maj11, label = "Majorana, Ωh^2 = 0.11" },
    { x = masses, y = dir11, label = "Dirac, Ωh^2 = 0.11" },
    { x = masses, y = maj12, label = "Majorana, Ωh^2 = 0.120", style = "dashed" },
    { x = masses, y = dir12, label = "Dirac, Ωh^2 = 0.120", style = "dashed" },
    { x = sdb_m, y = sdb_sv, label = "Steigman-Dasgupta-Beacom Fig. 5 (0.11)", style = "points" },
    { x = { 70 }, y = { 4.4 }, label = "eq. (32): 4.4 (Dirac, 70 GeV)", style = "points" },
    { x = { 800 }, y = { 2.3 }, label = "eq. (46): 2.3 (Majorana, 800 GeV)", style = "points" },
  },
}
print("wrote " .. out.png)
