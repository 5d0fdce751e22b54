--- The chi^2 (= -2 ln L up to a constant) of every constraint kind; docs/statistics.md gives
--- the definitions and the reasons.  term(c, m, v) -> chi2, threshold, shape for the value v of
--- c's observable at model m:
---   band    Gaussian:  chi2 = ((v - central)/s)^2, s^2 = sigma^2 + theory_err^2; allowed chi2 <= nsigma^2
---   upper   half-Gaussian from the CL: s = (max - null)/z (z one-sided, 1.2816 at 90 %, 1.6449 at
---           95 %; null = the no-signal value, default 0), chi2 = ((v - null)/s)^2 above null, 0 below;
---           allowed chi2 <= z^2, i.e. v <= max.  A given sigma replaces s (null = max - z sigma;
---           without a CL, z = 0: chi2 = pull^2 beyond the bound, the pull column of m:check).
---   lower   the mirror image (null required, or sigma).
---   window  flat top with Gaussian edges: 0 inside [min, max], ((v - edge)/s)^2 outside with
---           s = sigma, or (max - min)/(2 z) from a two-sided CL; allowed chi2 = 0 (v inside).
---           shape = "gauss": Gaussian about the middle, s = (max - min)/(2 z), allowed chi2 <= z^2;
---           with central given, a two-piece Gaussian (s- = (central - min)/z, s+ = (max - central)/z).
---   chi2 = "observable" | function(m): the constraint's own chi^2 (e.g. an LHC likelihood); an
---   observable whose name ends in _chi2 (LHC_dimuon_chi2) is read as a chi^2 without the field;
---   loglike = function(m): chi2 = -2 loglike(m).  Allowed: chi2 <= the chi^2_1 quantile of the CL.
---   A projected limit (cl "projected ...") is evaluated but marked shape = "projected": it is
---   not data, so totals and fits leave it out.  in_total = false (a second reading of the same
---   measurement, e.g. B_s mixing with LO QCD running) gives shape = "not summed", likewise.
---   Without a statistical CL (validity, kinematic, ...): a hard cut, chi2 = 0 inside and a steep
---   finite wall CUT (1 + relative violation)^2 outside, so fits stay inside.
local core = require "zprime.core"

local M = {}

M.CUT = 1e4

local function val(x, m)
  if type(x) == "function" then return x(m) end
  return x
end

--- The confidence level of a cl string: { p = 0.9 } for "90% CL", { z = 3 } for "3 sigma", or nil.
function M.parse_cl(cl)
  if type(cl) ~= "string" then return nil end
  local p = cl:match("(%d+%.?%d*)%s*%%")
  if p then
    p = tonumber(p) / 100
    if p > 0 and p < 1 then return { p = p } end
  end
  local z = cl:match("(%d+%.?%d*)%s*sigma")
  if z and tonumber(z) > 0 then return { z = tonumber(z) } end
  return nil
end

--- Gaussian z of a parsed CL, one- or two-sided.
local function z_of(cl, one_sided)
  if cl.z then return cl.z end
  return core.stats_z(cl.p, one_sided and "one-sided" or nil)
end

--- chi^2 threshold (1 parameter) of a parsed CL.
local function threshold_of(cl)
  if cl.z then return cl.z * cl.z end
  return core.stats_dchi2(cl.p, 1)
end

local function quad(s, th)
  if th == nil then return s end
  return math.sqrt(s * s + th * th)
end

local function cut(pass, v, bound)
  if pass then return 0, 0, "cut" end
  local r = (bound ~= 0) and math.abs((v - bound) / bound) or math.abs(v)
  return M.CUT * (1 + r) ^ 2, 0, "cut"
end

local function one_sided(c, m, v, bound, sign)
  -- sign = +1 for an upper limit, -1 for a lower one
  if bound == sign * math.huge then return 0, 0, "none here" end
  local cl = M.parse_cl(c.cl)
  local s, null = val(c.sigma, m), val(c.null, m)
  if not cl and s and s > 0 then cl = { z = 0 } end -- a bound with a Gaussian error: chi2 = pull^2 beyond it
  if not cl or (s == nil and null == nil and sign < 0) then return cut(sign * (bound - v) >= 0, v, bound) end
  local z = z_of(cl, true)
  if s and s > 0 then
    s = quad(s, val(c.theory_err, m))
    null = bound - sign * z * s
  else
    null = null or 0
    s = quad(sign * (bound - null) / z, val(c.theory_err, m))
    if not (s > 0) then return cut(sign * (bound - v) >= 0, v, bound) end
  end
  local d = sign * (v - null)
  return d > 0 and (d / s) ^ 2 or 0, z * z, "half-gauss"
end

--- chi2, threshold, shape of constraint c at model m with observable value v.
function M.term(c, m, v)
  if c.in_total == false then
    local x, thr = M.term_raw(c, m, v)
    return x, thr, "not summed"
  end
  if type(c.cl) == "string" and c.cl:find("projected", 1, true) then
    local x, thr = M.term_raw(c, m, v)
    return x, thr, "projected"
  end
  return M.term_raw(c, m, v)
end

--- term without the projection rule.
function M.term_raw(c, m, v)
  -- a limit that does not apply at this point ("none here") contributes nothing
  if (c.kind == "upper" and val(c.max, m) == math.huge) or (c.kind == "lower" and val(c.min, m) == -math.huge) then
    return 0, 0, "none here"
  end
  -- kind "chi2" without chi2/loglike, or an observable named *_chi2 (LHC_dimuon_chi2): the value is a chi^2
  if c.chi2 == nil and c.loglike == nil and
     (c.kind == "chi2" or (type(c.observable) == "string" and c.observable:match("_chi2$"))) then
    local cl = M.parse_cl(c.cl) or { p = 0.95 }
    return v, threshold_of(cl), "own"
  end
  if c.chi2 ~= nil or c.loglike ~= nil then
    local x
    if c.loglike ~= nil then x = -2 * val(c.loglike, m)
    elseif type(c.chi2) == "string" then x = m[c.chi2]
    else x = val(c.chi2, m) end
    if type(x) ~= "number" then error("the chi2/loglike of the constraint returned " .. type(x) .. ", not a number", 0) end
    local cl = M.parse_cl(c.cl) or { p = 0.95 }
    return x, threshold_of(cl), "own"
  end
  local kind = c.kind
  if kind == "band" then
    local c0, s, n = val(c.central, m), quad(val(c.sigma, m), val(c.theory_err, m)), val(c.nsigma, m) or 1
    return ((v - c0) / s) ^ 2, n * n, "gauss"
  elseif kind == "upper" then
    return one_sided(c, m, v, val(c.max, m), 1)
  elseif kind == "lower" then
    return one_sided(c, m, v, val(c.min, m), -1)
  elseif kind == "window" then
    local lo, hi = val(c.min, m), val(c.max, m)
    local cl, s = M.parse_cl(c.cl), val(c.sigma, m)
    if c.shape == "gauss" then
      local z = cl and z_of(cl, false) or 1
      local c0 = val(c.central, m)
      if c0 then -- a fit with asymmetric errors: sigma- = (central - min)/z, sigma+ = (max - central)/z
        s = quad(((v < c0) and (c0 - lo) or (hi - c0)) / z, val(c.theory_err, m))
        return ((v - c0) / s) ^ 2, z * z, "gauss"
      end
      s = quad((hi - lo) / (2 * z), val(c.theory_err, m))
      return ((v - 0.5 * (lo + hi)) / s) ^ 2, z * z, "gauss"
    end
    if not (s and s > 0) and cl then s = (hi - lo) / (2 * z_of(cl, false)) end
    if not (s and s > 0) then return cut(v >= lo and v <= hi, v, v < lo and lo or hi) end
    s = quad(s, val(c.theory_err, m))
    local d = v < lo and lo - v or v > hi and v - hi or 0
    return (d / s) ^ 2, 0, "flat-gauss"
  end
  error("unknown kind '" .. tostring(kind) .. "' (expected upper, lower, window or band)", 0)
end

return M
