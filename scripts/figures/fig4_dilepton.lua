-- Figure 4 of arXiv:1702.00395: LHC limits on the heavy Z' of section 4.1.2.
--   left:  sigma(pp -> Z') x BR(mu mu) of the paper's benchmark (n_q = 2, n_chi = 5, couplings of
--          eq. 33) for m_chi = 70 GeV and m_chi = 30 GeV (the ends of the paper's 30-70 GeV range)
--          against the CMS 140 fb^-1 mu mu and ATLAS 139 fb^-1 dilepton limits;
--   right: sigma x BR(b bbar) and sigma x BR(t tbar) against the CMS 36 fb^-1 dijet limit on
--          sigma x B x A divided by A = A_dijet (0.6, as the paper).
-- sigma(pp -> Z') is zprime's LO narrow-width cross section (NNPDF2.3 LO, mu_F = m_Z', K_lhc = 1).
-- It prints the excluded m_Z' ranges of the m_chi = 70 GeV benchmark (the paper: 300-390 GeV with
-- the 2016 ATLAS search) from each limit and from the binned dimuon likelihood LHC_dimuon_chi2.
-- Usage: zprime scripts/figures/fig4_dilepton.lua [OUTDIR | -o DIR]
--   writes fig4_dilepton.{png,pdf,gp,dat,csv} (both panels) and fig4_dilepton_{left,right}.{png,gp,dat}
local zp = zp or require "zprime"
local cli = require "zprime.cli"
local fs = require "zprime.fs"
local outdir = cli.parse(cli.outdir(cli.parser("scripts/figures/fig4_dilepton.lua",
  "Figure 4 of arXiv:1702.00395: sigma x BR of the heavy Z' against the LHC dimuon and dijet limits, " ..
  "and the excluded m_Z' range. Writes fig4_dilepton.png/.pdf/.dat/.gp/.csv (both panels) and the " ..
  "single panels fig4_dilepton_left/right into OUTDIR."))).outdir

local bench = zp.variants.heavy_dirac.paper_benchmark
local MODELS = { { key = "mchi70", mchi = 70, label = "m_χ = 70 GeV" },
                 { key = "mchi30", mchi = 30, label = "m_χ = 30 GeV" } }
local mzp = zp.range(200, 2000, 451)

-- 1. The model curves and the limits at every mass ------------------------------------------------
local cols = { "mZp" }
local units = { mZp = "GeV" }
local csv = { mZp = mzp }
local function column(name, unit) cols[#cols + 1] = name; units[name] = unit; csv[name] = {} return csv[name] end
for _, M in ipairs(MODELS) do
  local mm, bb, tt = column("sigmaBR_mumu_" .. M.key, "pb"), column("sigmaBR_bb_" .. M.key, "pb"),
    column("sigmaBR_tt_" .. M.key, "pb")
  local w, c2 = column("Gamma_over_m_" .. M.key, "1"), column("chi2_" .. M.key, "1")
  local base = bench{ mZp = mzp[1], mchi = M.mchi }
  for i, m in ipairs(mzp) do
    local v = base:with{ mZp = m }
    mm[i], bb[i], tt[i] = v.sigmaBR_pp_Zp_mumu, v.sigmaBR_pp_Zp_bb, v.sigmaBR_pp_Zp_tt
    w[i], c2[i] = v.Gamma_Zp_over_mZp, v.LHC_dimuon_chi2
  end
end
local A = zp.model{}.A_dijet
local L = {
  cms_mumu = column("limit_cms_mumu", "pb"), atlas0 = column("limit_atlas_ll_w0", "pb"),
  atlas10 = column("limit_atlas_ll_w10", "pb"), dijet = column("limit_cms_dijet", "pb"),
}
for i, m in ipairs(mzp) do
  L.cms_mumu[i] = zp.lhc_limit("cms_mumu", m) or 0 / 0
  L.atlas0[i] = zp.lhc_limit("atlas_ll", m, 0) or 0 / 0
  L.atlas10[i] = zp.lhc_limit("atlas_ll", m, 0.10) or 0 / 0
  L.dijet[i] = zp.lhc_limit("cms_dijet", m, nil, A) or 0 / 0
end

-- 2. Excluded ranges ------------------------------------------------------------------------------
--- Intervals of mzp where excluded(i) holds, as "a-b" strings (ends at the grid points).
local function ranges(excluded)
  local out, start = {}, nil
  for i = 1, #mzp + 1 do
    local e = i <= #mzp and excluded(i)
    if e and not start then start = i end
    if not e and start then
      out[#out + 1] = string.format("%.0f-%.0f", mzp[start], mzp[i - 1]); start = nil
    end
  end
  return #out > 0 and table.concat(out, ", ") .. " GeV" or "none"
end
local k = MODELS[1].key
local sbr, width, chi2 = csv["sigmaBR_mumu_" .. k], csv["Gamma_over_m_" .. k], csv["chi2_" .. k]
local atlas_w = {}
for i, m in ipairs(mzp) do atlas_w[i] = zp.lhc_limit("atlas_ll", m, width[i]) or 0 / 0 end
local excl = {
  cms = ranges(function(i) return sbr[i] > L.cms_mumu[i] end),
  cms_narrow = ranges(function(i) return sbr[i] > L.cms_mumu[i] and width[i] <= 0.1 end),
  atlas = ranges(function(i) return sbr[i] > atlas_w[i] end),
  zpeed = ranges(function(i) return chi2[i] > 3.84 end),
}

-- 3. The two panels, then one two-panel figure from their gnuplot scripts -------------------------
local series_l, series_r = {}, {}
local COLORS = { "#1f77b4", "#d62728" }
for j, M in ipairs(MODELS) do
  series_l[#series_l + 1] = { x = mzp, y = csv["sigmaBR_mumu_" .. M.key], color = COLORS[j],
    label = "σ×B(μμ), " .. M.label }
  series_r[#series_r + 1] = { x = mzp, y = csv["sigmaBR_bb_" .. M.key], color = COLORS[j],
    label = "σ×B(b b̄), " .. M.label }
  series_r[#series_r + 1] = { x = mzp, y = csv["sigmaBR_tt_" .. M.key], color = COLORS[j], style = "dashed",
    label = "σ×B(t t̄), " .. M.label }
end
series_l[#series_l + 1] = { x = mzp, y = L.cms_mumu, color = "#000000", label = "CMS 140 fb^{−1} μμ (narrow)" }
series_l[#series_l + 1] = { x = mzp, y = L.atlas0, color = "#888888", width = 1,
  label = "ATLAS 139 fb^{−1} ℓℓ, Γ/m = 0" }
series_l[#series_l + 1] = { x = mzp, y = L.atlas10, color = "#999999", style = "dotted",
  label = "ATLAS 139 fb^{−1} ℓℓ, Γ/m = 10%" }
local band = {}
for i = 1, #mzp do band[i] = chi2[i] > 3.84 and 2e-5 or 0 / 0 end
series_l[#series_l + 1] = { x = mzp, y = band, color = "#1f77b4", width = 6,
  label = "m_χ = 70 GeV: Δχ^2 > 3.84 (ATLAS μμ spectrum)" }
series_l[#series_l + 1] = { vline = 300, color = "#2ca02c", style = "dotted", label = "paper: 300–390 GeV excluded (2016)" }
series_l[#series_l + 1] = { vline = 390, color = "#2ca02c", style = "dotted" }
series_r[#series_r + 1] = { x = mzp, y = L.dijet, color = "#000000",
  label = string.format("CMS 36 fb^{−1} dijet (qq) σBA / A, A = %.1f", A) }

local common = { xlabel = "m_{Z′} [GeV]", ylabel = "σ × B [pb]", logy = true, xrange = { 200, 2000 },
                 size = { 800, 650 }, key = "top right" }
local function panel(name, title, yrange, series)
  local spec = { out = outdir .. "/fig4_dilepton_" .. name .. ".png", title = title, yrange = yrange, series = series }
  for kk, v in pairs(common) do spec[kk] = v end
  return zp.plot(spec)
end
local left = panel("left", "pp → Z′ → μμ (n_q = 2, n_χ = 5, eq. 33)", { 1e-5, 10 }, series_l) -- room for the key
local right = panel("right", "pp → Z′ → b b̄, t t̄ (dijet limit)", { 1e-5, 1e3 }, series_r)

--- The body of a zp.plot script (between its output lines) with its data blocks renumbered.
local function body(gp, datname, offset)
  local f = assert(io.open(gp, "r"))
  local text = f:read("a"); f:close()
  local lines, on = {}, false
  for line in text:gmatch("[^\n]*") do
    if line:match("^set output") then on = true
    elseif line:match("^unset output") then break
    elseif on then
      lines[#lines + 1] = line:gsub("'[^']*%.dat' index (%d+)", function(n)
        return "'" .. datname .. "' index " .. (tonumber(n) + offset) end)
    end
  end
  return table.concat(lines, "\n")
end
local function slurp(p) local f = assert(io.open(p, "r")); local s = f:read("a"); f:close(); return s end
local dl, dr = slurp(left.dat), slurp(right.dat)
local _, nleft = dl:gsub("# block %d+", "")
local fd = assert(io.open(fs.join(outdir, "fig4_dilepton.dat"), "w"))
fd:write(dl, dr); fd:close()
local bl, br = body(left.gp, "fig4_dilepton.dat", 0), body(right.gp, "fig4_dilepton.dat", nleft)
local function multiplot(term, out)
  return table.concat({ term, "set output '" .. out .. "'", "set multiplot layout 1,2", bl, "reset", br,
                        "unset multiplot", "unset output" }, "\n")
end
local g = assert(io.open(fs.join(outdir, "fig4_dilepton.gp"), "w"))
g:write("# zprime ", zp.version, ": Figure 4, both panels; render with `gnuplot fig4_dilepton.gp` in this directory\n",
  multiplot("set terminal pngcairo size 1600,650 enhanced font 'DejaVu Sans,11' background rgb 'white'",
    "fig4_dilepton.png"), "\n",
  multiplot("set terminal pdfcairo size 16in,6.5in enhanced font 'DejaVu Sans,10'", "fig4_dilepton.pdf"), "\n")
g:close()
if not os.execute("cd -- " .. fs.shell_path(outdir) .. " && " .. fs.shell_quote(zp.gnuplot_program) ..
    " fig4_dilepton.gp") then
  error("fig4_dilepton: gnuplot failed on " .. outdir .. "/fig4_dilepton.gp")
end

zp.write_csv(outdir .. "/fig4_dilepton.csv", csv, { columns = cols, units = units, header = {
  "Figure 4 of arXiv:1702.00395: sigma(pp -> Z') x BR [pb] of the heavy benchmark (n_q = 2, n_chi = 5, eq. 33)",
  "for m_chi = 70 and 30 GeV; LO narrow width, NNPDF2.3 LO, mu_F = m_Z', K = 1; chi2 = LHC_dimuon_chi2",
  "limits: CMS 140/fb mu mu (narrow), ATLAS 139/fb ee+mu mu fiducial (Gamma/m = 0, 10%; fb -> pb),",
  string.format("CMS 36/fb dijet qq sigma x B x A divided by A = %.2f; NaN outside a curve's mass range", A) } })

-- 4. The excluded range against the paper's ---------------------------------------------------------
print(string.format("  m_chi = 70 GeV benchmark: sigma x BR(mu mu) = %.3g fb at 350 GeV, %.3g fb at 600 GeV",
  1e3 * bench{ mZp = 350 }.sigmaBR_pp_Zp_mumu, 1e3 * bench{ mZp = 600 }.sigmaBR_pp_Zp_mumu))
print("  excluded m_Z' (m_chi = 70 GeV, scanned 200-2000 GeV; paper: 300-390 GeV with ATLAS ~13 fb^-1 of 2016):")
print("    CMS 140 fb^-1 mu mu, narrow-width limit:           " .. excl.cms)
print("      of which with Gamma/m <= 10% (narrow width valid): " .. excl.cms_narrow)
print("    ATLAS 139 fb^-1 ll at the model's Gamma/m (<= 10%): " .. excl.atlas)
print("    binned likelihood LHC_dimuon_chi2 > 3.84:          " .. excl.zpeed)
print(string.format("  why it differs: ~10x more luminosity (139-140 vs 13.3 fb^-1); the limit at 600 GeV is now "
  .. "%.2g fb (CMS mu mu)", 1e3 * zp.lhc_limit("cms_mumu", 600)))
print("wrote " .. outdir .. "/fig4_dilepton.png (both panels), .pdf, .csv and the panels fig4_dilepton_left/right.png")
return { excluded = excl }
