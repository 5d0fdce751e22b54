-- Figure 5 of arXiv:1702.00395: prompt antiproton spectra of chi chi -> Z'Z' -> (b bbar)(b bbar)
-- for m_Z' = 12 GeV and several m_chi, next to the chi chi -> Z'Z' -> (q qbar)(q qbar) spectra
-- (q = u, d; 5 GeV mediator) at the best-fit masses of Ref. [27] (Table II, left).
-- Usage: zprime scripts/figures/fig5_pbar.lua [OUTDIR | -o DIR]      writes fig5_pbar.png/.dat/.gp/.csv
--
-- Spectra: eq. (40) applied to the PPPC 4 DM ID spectrum of one Z' at rest (mDM = m_Z'/2).
-- A 5 GeV mediator lies below the PPPC masses (mDM >= 5 GeV, i.e. m_Z' >= 10 GeV): its rest
-- spectrum is the 5 GeV table rescaled at a fixed kinetic-energy fraction (zp.pbar_light_mediator).
local zp = zp or require "zprime"
local cli = require "zprime.cli"
local outdir = cli.parse(cli.outdir(cli.parser("scripts/figures/fig5_pbar.lua",
  "Figure 5 of arXiv:1702.00395: boosted antiproton spectra. Writes fig5_pbar.png/.dat/.gp/.csv into OUTDIR."))).outdir

local MZP = 12                                    -- GeV, section 4.2.1
local MCHI_BB = { 1500, 1800, 1950, 2200 }        -- GeV; 1800 and 1950 are Table II's
local REF27 = { { "MIN", 765 }, { "MED", 808 }, { "MAX", 826 } } -- Table II, left (5 GeV mediator)
local MMED = 5                                    -- GeV, Ref. [27]

local E = zp.logrange(1, 3000, 300)               -- antiproton kinetic energy, GeV
local series, csv = {}, { columns = { "E" }, units = { E = "GeV" }, E = E }
local function add(label, text, col, s, style, color)
  local y = {}
  for i = 1, #E do y[i] = E[i] * E[i] * s.dNdE[i] end
  series[#series + 1] = { x = E, y = y, label = label, style = style, color = color }
  csv.columns[#csv.columns + 1] = col
  csv.units[col] = "GeV"
  csv[col] = y
  local peak, ipk = 0, 1
  for i = 1, #E do if y[i] > peak then peak, ipk = y[i], i end end
  print(string.format("  %-30s E^2 dN/dE peaks at T = %6.1f GeV (%.3g GeV)", text, E[ipk], peak))
end

print("Figure 5: prompt antiproton spectra, E^2 dN/dE per annihilation (E kinetic)")
local blues = { "#9ecae1", "#4292c6", "#08519c", "#08306b" }
for i, m in ipairs(MCHI_BB) do
  local s = zp.pbar_spectrum{ mchi = m, mZp = MZP, channel = "b", E = E }
  add(string.format("b b, m_{/Symbol c} = %d GeV", m), string.format("b bbar, mchi = %d GeV", m),
    "E2dNdE_bb_" .. m, s, "lines", blues[i])
end
local reds = { "#d62728", "#ff7f0e", "#8c564b" }
for i, r in ipairs(REF27) do
  local s = zp.pbar_light_mediator{ mchi = r[2], mZp = MMED, channel = "q", E = E }
  add(string.format("q q (%s), m_{/Symbol c} = %d GeV", r[1], r[2]),
    string.format("q qbar (%s), mchi = %d GeV", r[1], r[2]), "E2dNdE_qq_" .. r[1], s, "dashed", reds[i])
end

local res = zp.plot{
  out = outdir .. "/fig5_pbar.png",
  title = "{/Symbol c}{/Symbol c} -> Z'Z' -> b b b b (m_{Z'} = 12 GeV) vs q q q q (5 GeV mediator, Ref. [27])",
  xlabel = "antiproton kinetic energy T [GeV]", ylabel = "T^2 dN/dT [GeV] per annihilation",
  logx = true, xrange = { 10, 3000 }, yrange = { 0, 150 }, key = "top left",
  series = series,
}
zp.write_csv(outdir .. "/fig5_pbar.csv", csv, { header = {
  "Figure 5 of arXiv:1702.00395: E^2 dN/dE (GeV) of prompt antiprotons per annihilation",
  "E: kinetic energy (GeV); bb: m_Z' = 12 GeV, PPPC NoEW b; qq: 5 GeV mediator, PPPC q rescaled (zp.pbar_light_mediator)" } })
print("wrote " .. res.png .. " and " .. outdir .. "/fig5_pbar.csv")

-- Second panel: the shapes compared by scripts/figures/table2.lua, unit-area densities E dN/dE / N in
-- ln E, for the q q reference and the b b spectrum of the best-matching m_chi (zp.pbar_match).
local function density(s)
  local f, area = {}, 0
  for i = 1, #E do f[i] = E[i] * s.dNdE[i] end
  for i = 2, #E do area = area + 0.5 * (f[i] + f[i - 1]) * math.log(E[i] / E[i - 1]) end
  for i = 1, #E do f[i] = f[i] / area end
  return f
end
local shape = {}
print("Shapes (unit area in ln E): best-matching b bbar masses")
for i, r in ipairs(REF27) do
  local q = zp.pbar_light_mediator{ mchi = r[2], mZp = MMED, channel = "q", E = E }
  local m = zp.pbar_match{ ref = q, mZp = MZP, channel = "b", mchi = { 300, 10000 } }
  local b = zp.pbar_spectrum{ mchi = m, mZp = MZP, channel = "b", E = E }
  shape[#shape + 1] = { x = E, y = density(q), style = "dashed", color = reds[i],
                        label = string.format("q q (%s), m_{/Symbol c} = %d GeV", r[1], r[2]) }
  shape[#shape + 1] = { x = E, y = density(b), style = "lines", color = blues[i + 1],
                        label = string.format("b b, m_{/Symbol c} = %.0f GeV (best match)", m) }
  print(string.format("  %s: q qbar at %d GeV <-> b bbar at %.0f GeV", r[1], r[2], m))
end
local res2 = zp.plot{
  out = outdir .. "/fig5_pbar_shape.png",
  title = "Spectral shapes matched for Table II (unit area in ln T)",
  xlabel = "antiproton kinetic energy T [GeV]", ylabel = "(T dN/dT) / N",
  logx = true, xrange = { 10, 3000 }, key = "top left", series = shape,
}
print("wrote " .. res2.png)
