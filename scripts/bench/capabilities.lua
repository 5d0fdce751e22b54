-- The new capabilities of the model, one figure each (CPU time per call, warm caches):
--   R_K per bin (m:R_K(q2min, q2max)), sigma(pp -> Z') (m.sigma_pp_Zp), one fit (zp.fit),
--   an MC uncertainty of 10^4 samples (m:predict(..., { method = "mc", n = 1e4 })), the LHC
--   likelihood per point (m.LHC_dimuon_chi2).
-- A capability that this build does not have prints "<key> skipped (<what is missing>)", so the
-- table lists it and it lights up once the capability exists.
-- Usage: zprime scripts/bench/capabilities.lua [seconds per figure, default 0.3]
local zp = zp or require "zprime"
local cli = require "zprime.cli"
local parser = cli.parser("scripts/bench/capabilities.lua", "Benchmark of this round's capabilities: prints 'key value' lines.")
parser:argument("seconds", "CPU seconds per figure (default 0.3)."):args("?"):convert(cli.number)
local budget = cli.parse(parser).seconds or 0.3
local clock = os.clock
local m = zp.model{ mZp = 600, gq = 0.29, gl = 0.145, thetaD = 0.004, gchi = 1.45 }

--- Seconds per call of f (after one warm-up call), or nil and the error of the warm-up.
local function per_call(f)
  local ok, e = pcall(f, 1)
  if not ok then return nil, e end
  local n, t0 = 0, clock()
  repeat
    n = n + 1
    f(n)
  until clock() - t0 > budget
  return (clock() - t0) / n
end

local function has_obs(name) return zp.core.names[name] ~= nil end
local function has_method(name) return zp.core.model_methods[name] ~= nil end

local function report(key, scale, unit_note, available, missing, f)
  if not available then
    print(key .. " skipped (" .. missing .. ")")
    return
  end
  local dt, err = per_call(f)
  if not dt then
    print(key .. " skipped (" .. tostring(err):gsub("\n.*", "") .. ")")
    return
  end
  print(string.format("%s %.4g", key, dt * scale))
  if unit_note then io.stderr:write(key, ": ", unit_note, "\n") end
end

local sink = 0
report("R_K_bin_fresh_us", 1e6, "m:R_K(1.1, 6) on a fresh model", has_method("R_K"), "no m:R_K in this build",
  function(i) sink = sink + m:with{ mZp = 600 + i % 100 }:R_K(1.1, 6) end)
report("sigma_pp_Zp_us", 1e6, "m.sigma_pp_Zp on a fresh model", has_obs("sigma_pp_Zp"), "no sigma_pp_Zp in this build",
  function(i) sink = sink + m:with{ mZp = 600 + i % 100 }.sigma_pp_Zp end)
report("fit_ms", 1e3, "zp.fit over gq and thetaD", type(zp.fit) == "function", "no zp.fit in this build",
  function() zp.fit{ model = m, free = { gq = { 1e-3, 1 }, thetaD = { -0.02, 0.02 } } } end)
report("mc_predict_1e4_ms", 1e3, "m:predict('DeltaM_s', { method = 'mc', n = 1e4 })", has_method("predict"),
  "no m:predict in this build",
  function() m:predict("DeltaM_s", { method = "mc", n = 1e4 }) end)
report("lhc_likelihood_us", 1e6, "m.LHC_dimuon_chi2 on a fresh model", has_obs("LHC_dimuon_chi2"),
  "no LHC_dimuon_chi2 in this build",
  function(i) sink = sink + m:with{ mZp = 600 + i % 100 }.LHC_dimuon_chi2 end)
if sink ~= sink then io.stderr:write("a NaN was computed\n") end
