-- Reproduce arXiv:1702.00395 from the embedded defaults: Tables I and II, Figures 1-7 (PNG + CSV
-- + gnuplot script each) into an output folder, the full check tables of the heavy and light
-- benchmark points, and a validation report of every number the paper prints: the paper's value,
-- zprime's value, the ratio, the tolerance and a note where they differ and why.
--
--   zprime scripts/paper.lua [OUTDIR | -o DIR] [--jobs N]   (default: out/, one lane a processor, at most 4)
--
-- The figure and table scripts are independent programs: they run in N parallel lanes, each with
-- its log in OUTDIR/logs/, and are reported in a fixed order.  The exit status is non-zero when a
-- number drifts outside its stated tolerance, differs without a stated reason, or a figure or
-- table script fails.  The report is also written to OUTDIR/validation.csv and OUTDIR/report.txt.
local zp = zp or require "zprime"
local cli = require "zprime.cli"
local fs = require "zprime.fs"
local lanes = require "zprime.lanes"
local core = zp.core

local here = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./")
local validate = dofile(here .. "paper/validate.lua")
local parser = cli.outdir(cli.parser("scripts/paper.lua",
  "Reproduce arXiv:1702.00395: Tables I and II, Figures 1-7, the benchmark check tables and a " ..
  "validation report of every number the paper prints.",
  "Exit status: 0 when every printed number is reproduced and every figure script ran; 1 otherwise; " ..
  "2 for a usage error."))
parser:option("-j --jobs", "Figure and table scripts to run at once (default: the processors, at most 4; " ..
  "zprime's own --jobs N sets it too).")
  :argname("N"):convert(cli.count)
local args = cli.parse(parser)
local outdir = args.outdir
local njobs = args.jobs or cli.count(os.getenv("ZPRIME_JOBS") or "") or math.min(core.ncpu(), 4)
-- the interpreter running this script: the lowest index of arg (options such as -e come between)
local bin = "zprime"
if arg then
  local i = -1
  while arg[i - 1] ~= nil do i = i - 1 end
  bin = arg[i] or bin
end
local logdir = fs.mkdir_p(fs.join(outdir, "logs"))

local tty = core.isatty and core.isatty(2)
-- Lines go to the current buffer: the benchmark and validation sections are computed while the
-- figure lanes run, and printed after the figure section.
local report = {}
local buffer = nil
local function say(s)
  s = s or ""
  if buffer then buffer[#buffer + 1] = s; return end
  print(s)
  report[#report + 1] = s
end
local function section(title)
  say("")
  say(title)
  say(string.rep("=", #title))
end
local t_start = core.now()

section("zprime " .. zp.version .. " -- reproduction of " .. zp.paper)
say("output folder: " .. outdir)

---------------------------------------------------------------------------------------------
-- 1. Tables and figures: each script writes its PNG, CSV and gnuplot file into outdir.
--    Listed longest first, so the lanes finish together; reported in the paper's order.
---------------------------------------------------------------------------------------------
local steps = {
  { "fig7_mphi_f.lua", "Figure 7: m_phi vs f for the antiproton excess", order = 9 },
  { "relic_sigmav_vs_mass.lua", "relic <sigma v> vs mass (Boltzmann)", order = 11 },
  { "fig5_pbar.lua", "Figure 5: boosted antiproton spectra", order = 6 },
  { "table2.lua", "Table II (propagation models)", show = true, order = 7 },
  { "fig6_relic_gchi.lua", "Figure 6: g_chi vs f from the relic density", order = 8 },
  { "fig1_z4mu.lua", "Figure 1: BR(Z -> 4 mu) vs g_l", order = 2 },
  { "fig3_lambda_uv.lua", "Figure 3: Lambda_UV vs m_Z'", order = 4 },
  { "fig2_flavour.lua", "Figure 2: flavour-allowed region", order = 3 },
  { "fig4_dilepton.lua", "Figure 4: sigma x BR of the heavy Z' against LHC dimuon and dijet limits", order = 5 },
  { "heavy_benchmarks.lua", "heavy Z' benchmark table", show = true, order = 10 },
  { "table1.lua", "Table I (flavour constraints)", show = true, noargs = true, order = 1 },
  { "../today.lua", "Today: benchmarks vs R_K, R_K*, B_s->mumu (2022)", show = true, order = 12 },
}
for _, s in ipairs(steps) do
  s.log = fs.join(logdir, (s[1]:match("[^/]+$"):gsub("%.lua$", ".txt")))
  s.argv = { bin, here .. "figures/" .. s[1] }
  if not s.noargs then s.argv[3] = outdir end
end
local ndone = 0
local later, csv, counts = {}, nil, nil
local function in_process(poll)
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
  poll()

  section("Light Z' + inelastic Majorana dark matter benchmark (section 4.2)")
  local light = zp.variants.light_inelastic{ mchi = 1950, mZp = 12, prop = "MED" }
  say("  " .. tostring(light))
  say(string.format("  g_chi = %.4f, f = %.3f, m_phi = %.3g GeV, w = %.4g GeV, delta m = %.4g GeV; S = %.3g (required %.3g)",
    light.gchi, light.f, light.mphi, light.w, light.delta_m, light.S, light.S_required))
  capture_check(light)
  poll()

  ---------------------------------------------------------------------------------------------
  -- 3. Validation: every number the paper prints, recomputed here.
  ---------------------------------------------------------------------------------------------
  local V = dofile(here .. "paper/values.lua")(zp)

  section("Validation against the numbers printed in the paper")
  say("  status: ok = zprime's value rounded to the printed digits is the printed number; differs (explained) =")
  say("  outside the printed digits but inside a wider stated tolerance, for the reason given below it.")
  local head = string.format("  %-44s %12s %12s %8s %10s  %s", "quantity", "paper", "zprime", "ratio", "tolerance", "status")
  say(head)
  say("  " .. string.rep("-", #head - 2))
  csv = { "id,quantity,paper,zprime,ratio,tolerance,status,note" }
  local rows
  rows, counts = validate.run(V, poll)
  for _, r in ipairs(rows) do
    local v, val, ratio = r.v, r.value, r.ratio
    local tol = validate.tolerance_text(v)
    say(string.format("  %-44s %12.5g %12s %8s %10s  %s", v.name, v.paper,
      type(val) == "number" and string.format("%.5g", val) or "-", ratio and string.format("%.4f", ratio) or "-", tol, r.status))
    if r.err then say("      error: " .. r.err) end
    if v.note and r.status ~= "ok" then say("      " .. v.note) end
    csv[#csv + 1] = string.format("%s,%q,%.10g,%s,%s,%s,%q,%q", v.id, v.name, v.paper,
      type(val) == "number" and string.format("%.10g", val) or "", ratio and string.format("%.6g", ratio) or "", tol,
      r.status, v.note or "")
  end
  say("")
  for _, line in ipairs(validate.summary(counts)) do say(line) end
end

buffer = later
local results, in_ok, in_err = lanes.run(steps, {
  jobs = njobs,
  unset = { "ZPRIME_JOBS", "ZPRIME_CHUNK" }, -- the lanes are the parallelism; no scan workers inside
  on_done = function(_, _)
    ndone = ndone + 1
    if tty then io.stderr:write(string.format("\r[%d/%d] figure and table scripts done", ndone, #steps)); io.stderr:flush() end
  end,
  meanwhile = in_process,
})
buffer = nil
if tty then io.stderr:write("\r" .. string.rep(" ", 50) .. "\r") end

local order = {}
for i, s in ipairs(steps) do order[#order + 1] = { s = s, r = results[i], k = s.order or 100 + i } end
table.sort(order, function(a, b) return a.k < b.k end) -- steps without an order: after, as listed

-- Why a script failed: its error line ("zprime: ..." from the executable), else its last line.
local function why_failed(file)
  local f, last = io.open(file), nil
  if not f then return nil end
  for line in f:lines() do
    if line:find("^zprime: ") then f:close(); return line end
    if line:find("%S") then last = line end
  end
  f:close()
  return last
end

local failures = {}
section(string.format("Tables and figures (%d scripts in %d lane%s)", #steps, njobs, njobs == 1 and "" or "s"))
for _, e in ipairs(order) do
  local s, r = e.s, e.r
  local ok = r.code == 0
  say(string.format("  %-48s %-4s %6.2f s   (log: %s)", s[2], ok and "ok" or "FAIL", r.seconds, s.log))
  if not ok then
    failures[#failures + 1] = { name = s[2], code = r.code, why = r.error or why_failed(s.log) or "no output", log = s.log }
  elseif s.show then
    local f = io.open(s.log)
    if f then
      say("")
      for line in f:lines() do say("    " .. line) end
      f:close()
      say("")
    end
  end
end

for _, line in ipairs(later) do say(line) end
if not in_ok then
  say("")
  say("The benchmark and validation sections stopped with an error: " .. tostring(in_err))
  counts = counts or { total = 0, ok = 0, explained = 0, unexplained = 0, drift = 0, error = 1 }
end

local f = io.open(fs.join(outdir, "validation.csv"), "w")
if f and csv then f:write(table.concat(csv, "\n"), "\n"); f:close() end

if #failures > 0 then
  say("")
  say(string.format("%d of %d figure and table scripts FAILED (their figures and printed tables are missing):", #failures, #steps))
  for _, x in ipairs(failures) do
    say(string.format("  %s: exit status %d: %s", x.name, x.code, x.why))
    say("      log: " .. x.log)
  end
end
say(string.format("\nTotal time %.1f s. Figures, CSVs and gnuplot files are in %s/.", core.now() - t_start, outdir))
f = io.open(fs.join(outdir, "report.txt"), "w")
if f then f:write(table.concat(report, "\n"), "\n"); f:close() end
if not in_ok or not validate.passed(counts) or #failures > 0 then zp.exit_status = 1 end
