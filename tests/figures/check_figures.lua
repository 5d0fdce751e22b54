-- Every figure script of the paper report writes PNG + PDF + CSV + gnuplot script, and the units
-- line of each CSV names the right units: a column that is a registry name carries the registry's
-- unit, and the figure-specific columns carry the units listed below.
--   zprime tests/figures/check_figures.lua SOURCE_DIR OUT_DIR
local src, out = arg[1], arg[2]
assert(src and out, "usage: zprime tests/figures/check_figures.lua SOURCE_DIR OUT_DIR")
local zp = zp or require "zprime"

-- figure script -> { files written (stems), expected units of non-registry columns }
local FIGURES = {
  { "fig1_z4mu", { "fig1_z4mu" }, { gl = "1", BR_Z_4mu_total = "1" } },
  { "fig2_flavour", { "fig2_flavour" }, { x = "TeV^-2", theta_mumu_lo = "rad", theta_mumu_hi = "rad",
      theta_nunu = "rad", theta_Bs_nq1 = "rad", theta_Bs_nq2 = "rad", theta_Bs_nq4 = "rad" } },
  { "fig3_lambda_uv", { "fig3_lambda_uv" }, { mZp = "GeV", Lambda_UV_eq33 = "GeV", Lambda_UV_full = "GeV",
      Lambda_UV_eq33_TeV = "TeV", Lambda_UV_full_TeV = "TeV", gchi_eq33 = "1", gchi_full = "1" } },
  { "fig4_dilepton", { "fig4_dilepton" }, { sigmaBR_mumu_mchi70 = "pb", sigmaBR_bb_mchi70 = "pb",
      sigmaBR_tt_mchi70 = "pb", Gamma_over_m_mchi70 = "1", chi2_mchi70 = "1", sigmaBR_mumu_mchi30 = "pb",
      sigmaBR_bb_mchi30 = "pb", sigmaBR_tt_mchi30 = "pb", Gamma_over_m_mchi30 = "1", chi2_mchi30 = "1",
      limit_cms_mumu = "pb", limit_atlas_ll_w0 = "pb", limit_atlas_ll_w10 = "pb", limit_cms_dijet = "pb" } },
  { "fig5_pbar", { "fig5_pbar", "fig5_pbar_shape" }, { E = "GeV", E2dNdE_bb_1500 = "GeV", E2dNdE_bb_1800 = "GeV",
      E2dNdE_bb_1950 = "GeV", E2dNdE_bb_2200 = "GeV", E2dNdE_qq_MIN = "GeV", E2dNdE_qq_MED = "GeV", E2dNdE_qq_MAX = "GeV",
      qq_MIN = "1", bb_MIN = "1", qq_MED = "1", bb_MED = "1", qq_MAX = "1", bb_MAX = "1" } },
  { "fig6_relic_gchi", { "fig6_relic_gchi" }, { curve = "1", f = "1", gchi_upper = "1", gchi_lower = "1" } },
  { "fig7_mphi_f", { "fig7_mphi_f" }, { prop = "1", method = "1", f = "1", mphi = "GeV", branch = "1",
      cmb_excluded = "1" } },
  { "relic_sigmav_vs_mass", { "relic_sigmav_vs_mass" }, { m = "GeV", ["majorana_0.11"] = "1e-26 cm^3/s",
      ["dirac_0.11"] = "1e-26 cm^3/s", ["majorana_0.120"] = "1e-26 cm^3/s", ["dirac_0.120"] = "1e-26 cm^3/s" } },
}

local failures = 0
local function fail(msg) failures = failures + 1; io.stderr:write("FAIL ", msg, "\n") end
local function exists(p) local f = io.open(p, "rb"); if f then local n = f:seek("end"); f:close(); return n > 0 end end
local function registry_unit(name)
  local ok, info = pcall(zp.core.info, name)
  return ok and type(info) == "table" and info.unit or nil
end

local bin = arg[-1] or "zprime"
local function sh_quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end
os.execute("mkdir -p -- " .. sh_quote(out))
for _, fig in ipairs(FIGURES) do
  local script, stems, want = fig[1], fig[2], fig[3]
  local log = out .. "/" .. script .. ".log"
  local ok = os.execute(sh_quote(bin) .. " " .. sh_quote(src .. "/scripts/figures/" .. script .. ".lua") .. " " ..
    sh_quote(out) .. " > " .. sh_quote(log) .. " 2>&1")
  if not ok then fail(script .. ".lua exited with an error (log: " .. log .. ")") end
  for _, stem in ipairs(stems) do
    local before = failures
    for _, ext in ipairs({ "png", "pdf", "csv", "gp", "dat" }) do
      if not exists(out .. "/" .. stem .. "." .. ext) then fail(script .. ".lua did not write " .. stem .. "." .. ext) end
    end
    local okr, t = pcall(zp.read_csv, out .. "/" .. stem .. ".csv")
    if not okr then
      fail(stem .. ".csv does not read back: " .. tostring(t))
    else
      local checked = 0
      for _, c in ipairs(t.columns) do
        local unit = t.units[c]
        local reg = registry_unit(c)
        if want[c] and unit ~= want[c] then
          fail(string.format("%s.csv: column %s has unit [%s], expected [%s]", stem, c, tostring(unit), want[c]))
        elseif not want[c] and reg and unit ~= reg then
          fail(string.format("%s.csv: column %s has unit [%s], the registry says [%s]", stem, c, tostring(unit), reg))
        end
        if want[c] or reg then checked = checked + 1 end
      end
      if checked < #t.columns then fail(string.format("%s.csv: %d of %d columns have no expected unit here", stem,
        #t.columns - checked, #t.columns)) end
      if failures == before then
        print(string.format("ok   %-22s png pdf csv gp dat; units of all %d columns checked", stem, #t.columns))
      end
    end
  end
end
print(string.format("%d figure checks failed", failures))
io.stdout:flush()
if failures > 0 then zp.exit_status = 1 end
