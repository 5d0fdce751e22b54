-- Reproduce arXiv:1702.00395 from the embedded defaults: Tables I and II, Figures 1-7 (PNG + CSV
-- + gnuplot script each) into an output folder, the full check tables of the heavy and light
-- benchmark points, and a validation report of every number the paper prints: the paper's value,
-- zprime's value, the ratio, the tolerance and a note where they differ and why.
--
--   zprime scripts/paper.lua [outdir]        (default: out/)
--
-- The exit status is non-zero when a number drifts outside its stated tolerance or a table or
-- figure script fails.  The report is also written to <outdir>/validation.csv and report.txt.
local zp = zp or require "zprime"
local outdir = (arg and arg[1]) or "out"
local bin = (arg and arg[-1]) or "zprime"
local src = (arg and arg[0] or "scripts/paper.lua"):gsub("scripts/paper%.lua$", "")
if src == "" then src = "./" end
os.execute("mkdir -p '" .. outdir .. "/logs'")

local tty = zp.core.isatty and zp.core.isatty(2)
local clock = os.clock
local report = {}
local function say(s)
  s = s or ""
  print(s)
  report[#report + 1] = s
end
local function section(title)
  say("")
  say(title)
  say(string.rep("=", #title))
end
local function progress(i, n, label)
  if tty then io.stderr:write(string.format("\r[%d/%d] %-50s", i, n, label)); io.stderr:flush() end
end

local function now()
  local p = io.popen("date +%s.%N")
  local t = tonumber(p:read("a")) or 0
  p:close()
  return t
end
local t_start = now()

section("zprime " .. zp.version .. " -- reproduction of " .. zp.paper)
say("output folder: " .. outdir)

---------------------------------------------------------------------------------------------
-- 1. Tables and figures: each script writes its PNG, CSV and gnuplot file into outdir.
---------------------------------------------------------------------------------------------
local jobs = {
  { "table1.lua", "Table I (flavour constraints)", show = true },
  { "fig1_z4mu.lua", "Figure 1: BR(Z -> 4 mu) vs g_l" },
  { "fig2_flavour.lua", "Figure 2: flavour-allowed region" },
  { "fig3_lambda_uv.lua", "Figure 3: Lambda_UV vs m_Z'" },
  { "fig4_dilepton.lua", "Figure 4: Z' branching ratios for LHC searches" },
  { "fig5_pbar.lua", "Figure 5: boosted antiproton spectra" },
  { "table2.lua", "Table II (propagation models)", show = true },
  { "fig6_relic_gchi.lua", "Figure 6: g_chi vs f from the relic density" },
  { "fig7_mphi_f.lua", "Figure 7: m_phi vs f for the antiproton excess" },
  { "heavy_benchmarks.lua", "heavy Z' benchmark table", show = true },
  { "relic_sigmav_vs_mass.lua", "relic <sigma v> vs mass (Boltzmann)" },
  { "../today.lua", "Today: benchmarks vs R_K, R_K*, B_s->mumu (2022)", show = true },
}
local failures = {}
section("Tables and figures")
for i, j in ipairs(jobs) do
  local script = src .. "scripts/figures/" .. j[1]
  progress(i, #jobs, j[2])
  local log = outdir .. "/logs/" .. j[1]:gsub("%.lua$", ".txt")
  local t0 = now()
  local args = j[1] == "table1.lua" and "" or ("'" .. outdir .. "'")
  local ok = os.execute(string.format("'%s' '%s' %s > '%s' 2>&1", bin, script, args, log))
  local dt = now() - t0
  if tty then io.stderr:write("\r" .. string.rep(" ", 64) .. "\r") end
  say(string.format("  %-48s %-4s %6.2f s   (log: %s)", j[2], ok and "ok" or "FAIL", dt, log))
  if not ok then failures[#failures + 1] = j[2] .. " (see " .. log .. ")" end
  if j.show and ok then
    local f = io.open(log)
    if f then
      say("")
      for line in f:lines() do say("    " .. line) end
      f:close()
      say("")
    end
  end
end

---------------------------------------------------------------------------------------------
-- 2. The two benchmark points with their full check tables.
---------------------------------------------------------------------------------------------
local function capture_check(m)
  local rows = m:check{ quiet = true }
  for line in tostring(rows):gmatch("[^\n]+") do say("  " .. line) end
  return rows
end

section("Heavy Z' + Dirac dark matter benchmark (section 4.1)")
local heavy = zp.variants.heavy_dirac{ mZp = 600, mchi = 70, nq = 2, nchi = 5, thetaD = 0.006 }
say("  " .. tostring(heavy))
say(string.format("  g_q = %.4f, g_l = %.4f, g_chi = %.4f; <sigma v> = %.3g cm^3/s; Omega h^2 = %.4f",
  heavy.gq, heavy.gl, heavy.gchi, heavy.sigmav, heavy.Omega_h2))
capture_check(heavy)

section("Light Z' + inelastic Majorana dark matter benchmark (section 4.2)")
local light = zp.variants.light_inelastic{ mchi = 1950, mZp = 12, prop = "MED" }
say("  " .. tostring(light))
say(string.format("  g_chi = %.4f, f = %.3f, m_phi = %.3g GeV, w = %.4g GeV, delta m = %.4g GeV; S = %.3g (required %.3g)",
  light.gchi, light.f, light.mphi, light.w, light.delta_m, light.S, light.S_required))
capture_check(light)

---------------------------------------------------------------------------------------------
-- 3. Validation: every number the paper prints.
---------------------------------------------------------------------------------------------
local V = dofile(src .. "scripts/paper/values.lua")(zp)

section("Validation against the numbers printed in the paper")
local head = string.format("  %-44s %12s %12s %8s %10s  %s", "quantity", "paper", "zprime", "ratio", "tolerance", "status")
say(head)
say("  " .. string.rep("-", #head - 2))
local csv = { "id,quantity,paper,zprime,ratio,tolerance,status,note" }
local nfail, nok = 0, 0
for _, v in ipairs(V) do
  local ok, val = pcall(v.zprime)
  local status, ratio
  if not ok then
    status, val, ratio = "ERROR", nil, nil
  else
    ratio = val / v.paper
    local dev
    if v.abs then dev = math.abs(val - v.paper) <= v.abs
    elseif v.factor then dev = ratio >= 1 / v.factor and ratio <= v.factor
    else dev = math.abs(ratio - 1) <= v.rel end
    status = dev and "ok" or "DRIFT"
  end
  if status == "ok" then nok = nok + 1 else nfail = nfail + 1 end
  local tol = v.abs and string.format("+-%.2g", v.abs) or v.factor and string.format("x%.3g", v.factor)
    or string.format("%.3g%%", 100 * v.rel)
  say(string.format("  %-44s %12.5g %12s %8s %10s  %s", v.name, v.paper,
    val and string.format("%.5g", val) or "-", ratio and string.format("%.4f", ratio) or "-", tol, status))
  if not ok then say("      error: " .. tostring(val)) end
  if v.note then say("      " .. v.note) end
  csv[#csv + 1] = string.format("%s,%q,%.10g,%s,%s,%s,%s,%q", v.id, v.name, v.paper,
    val and string.format("%.10g", val) or "", ratio and string.format("%.6g", ratio) or "", tol, status, v.note or "")
end
say("")
say(string.format("%d of %d printed numbers reproduced within tolerance; %d drift or fail.", nok, #V, nfail))

local f = io.open(outdir .. "/validation.csv", "w")
if f then f:write(table.concat(csv, "\n"), "\n"); f:close() end

if #failures > 0 then
  say("")
  say("Scripts that failed:")
  for _, s in ipairs(failures) do say("  " .. s) end
end
say(string.format("\nTotal time %.1f s. Figures, CSVs and gnuplot files are in %s/.", now() - t_start, outdir))
f = io.open(outdir .. "/report.txt", "w")
if f then f:write(table.concat(report, "\n"), "\n"); f:close() end
if nfail > 0 or #failures > 0 then zp.exit_status = 1 end
