--- zp.variants.heavy_dirac: heavy Z' + Dirac dark matter (section 4.1 of arXiv:1702.00395).
---
---   local m = zp.variants.heavy_dirac{ mZp = 600, mchi = 70, nq = 2, nchi = 5, thetaD = 0.004 }
---
--- The couplings are not free: g_l = g_q/nq, g_chi = nchi g_q, and g_q is solved numerically so
--- that the annihilation <sigma v> (eq. 32, with the top channel of footnote 3) equals the relic
--- target -- eq. (33) in the paper's contact limit.  m:with{ mZp = 800 } re-solves them.
---
--- This file is meant to be copied: a variant is (1) option defaults, (2) one function that
--- gives the target <sigma v>, (3) a build step that turns options + parameters into a model
--- with metadata (tags select the constraints of m:check(), values are readable as m.nq, and
--- rederive re-solves the relations on m:with{...}).
local zp = require "zprime"
local core = zp.core

local M = {}

M.name = "heavy_dirac"
M.tags = { "heavy_dirac" }

--- Options of the variant (everything else given to the constructor must be a model parameter).
M.defaults = {
  nq = 2,              -- n_q = g_q / g_l (section 4.1.1)
  nchi = 5,            -- n_chi = g_chi / g_q (Fig. 2, 4)
  sigmav = nil,        -- target <sigma v> in cm^3/s; nil: the model's sigmav_relic_dirac (4.4e-26)
  propagator = "full", -- "full": Breit-Wigner with Gamma_Z'; "contact": eq. (32)'s 1/m_Z'^4 (eq. 33)
  relic = "fixed",     -- how the target is obtained: a key of M.relic_targets (fixed, boltzmann, thermal)
}

--- Parameters fixed by the variant's relations; setting them directly is an error.
local DERIVED = { gq = true, gl = true, gchi = true, sigmav_contact = true,
                  sigmav_a = true, sigmav_b = true, relic_majorana = true }

--- Target <sigma v> (cm^3/s) for a base model m (mchi, mZp and the inputs set) and the variant
--- values v.  One function per method: add M.relic_targets.NAME = function(m, v) ... end and
--- select it with relic = "NAME".
M.relic_targets = {
  --- the paper's fixed target (Steigman, Dasgupta & Beacom [54]; eq. 32)
  fixed = function(m, v) return v.sigmav or m.sigmav_relic_dirac end,
  --- the s-wave <sigma v> for which the Boltzmann equation gives Omega_h2_obs (Dirac counting)
  boltzmann = function(m, v)
    if v.sigmav ~= nil then
      error("heavy_dirac: sigmav fixes the target; it cannot be combined with relic = \"boltzmann\"", 0)
    end
    return (zp.relic_target{ m = m.mchi, Omega_h2 = m.Omega_h2_obs, majorana = false, model = m })
  end,
  --- the couplings for which m.Omega_h2 -- the Boltzmann solution with the thermally averaged
  --- <sigma v>(x) of the model's full sigma(s) -- equals Omega_h2_obs; returned as the s-wave
  --- <sigma v> of those couplings (secant iteration in ln <sigma v>, Omega ~ 1/<sigma v>)
  thermal = function(m, v)
    if v.sigmav ~= nil then
      error("heavy_dirac: sigmav fixes the target; it cannot be combined with relic = \"thermal\"", 0)
    end
    local obs, contact = m.Omega_h2_obs, v.propagator == "contact"
    local function omega(sv)
      local c = core.heavy_couplings{ model = m, nq = v.nq, nchi = v.nchi, sigmav = sv, contact = contact }
      return m:with{ gq = c.gq, gl = c.gl, gchi = c.gchi }.Omega_h2
    end
    local s0 = m.sigmav_relic_dirac
    local f0 = math.log(omega(s0) / obs)
    local s1 = s0 * math.exp(f0)
    for _ = 1, 30 do
      local f1 = math.log(omega(s1) / obs)
      if math.abs(f1) < 1e-5 then return s1 end
      local l1 = math.log(s1)
      local l2 = f1 ~= f0 and l1 - f1 * (l1 - math.log(s0)) / (f1 - f0) or l1 + f1
      s0, f0, s1 = s1, f1, math.exp(l2)
    end
    error(string.format("heavy_dirac: relic = \"thermal\" did not converge to Omega h^2 = %g (mZp = %g GeV, mchi = %g GeV)",
      obs, m.mZp, m.mchi), 0)
  end,
}

function M.target_sigmav(m, v)
  local f = M.relic_targets[v.relic]
  if f == nil then
    local names = {}
    for k in pairs(M.relic_targets) do names[#names + 1] = "'" .. k .. "'" end
    table.sort(names)
    error("heavy_dirac: unknown relic method '" .. tostring(v.relic) .. "' (known: " ..
      table.concat(names, ", ") .. ")", 0)
  end
  local sv = f(m, v)
  if type(sv) ~= "number" or not (sv > 0) then
    error("heavy_dirac: relic method '" .. v.relic .. "' returned " .. tostring(sv) ..
      " instead of a positive <sigma v> in cm^3/s", 0)
  end
  return sv
end

local OPTION_NAMES = { "nq", "nchi", "sigmav", "propagator", "relic" }

local function unknown(k)
  local best = core.suggest(k, OPTION_NAMES) -- parameters, observables or the variant's options
  error("heavy_dirac: unknown option or parameter '" .. k .. "'" ..
    (best and (" (did you mean '" .. best .. "'?)") or " (options: nq, nchi, sigmav, propagator, relic; zp.params() lists the parameters)"), 0)
end

--- Split a constructor / with table into variant options and model parameters.
local function split(t, values, params)
  for k, x in pairs(t) do
    if type(k) ~= "string" then
      error("heavy_dirac: option names must be strings, got a " .. type(k) .. " key", 0)
    end
    local info = core.info(k)
    if M.defaults[k] ~= nil or k == "sigmav" then
      values[k] = x
    elseif DERIVED[k] then
      error("heavy_dirac: '" .. tostring(k) .. "' is derived from the relic target (eq. 33); " ..
        "change nq, nchi, sigmav or propagator instead, or use zp.model{...} for free couplings", 0)
    elseif info and info.kind == "parameter" then
      params[k] = x
    elseif info then
      error("heavy_dirac: '" .. k .. "' is an observable, not a parameter (it is computed from the parameters)", 0)
    else
      unknown(k)
    end
  end
end

local function check_values(v)
  for _, k in ipairs({ "nq", "nchi" }) do
    if type(v[k]) ~= "number" or not (v[k] > 0) then
      error("heavy_dirac: " .. k .. " must be a positive number, got " .. tostring(v[k]), 0)
    end
  end
  if v.sigmav ~= nil and (type(v.sigmav) ~= "number" or not (v.sigmav > 0)) then
    error("heavy_dirac: sigmav must be a positive <sigma v> in cm^3/s, got " .. tostring(v.sigmav), 0)
  end
  if v.propagator ~= "full" and v.propagator ~= "contact" then
    error("heavy_dirac: propagator must be \"full\" or \"contact\", got " .. tostring(v.propagator), 0)
  end
end

local rederive

--- Errors raised inside the variant carry no source position of this file.
local function clean(msg)
  return (tostring(msg):gsub("^[^\n]-%.lua:%d+: ", ""))
end

--- Build the model from variant values v and a parameter table.
local function build(v, params)
  check_values(v)
  local base = core.model(params)
  local contact = v.propagator == "contact"
  base = base:with{ sigmav_contact = contact and 1 or 0 }
  local target = M.target_sigmav(base, v)
  local c = core.heavy_couplings{ model = base, nq = v.nq, nchi = v.nchi, sigmav = target, contact = contact }
  -- the plain-model relic inputs follow the variant, so m.Omega_h2 is this model's abundance
  local m = base:with{ gq = c.gq, gl = c.gl, gchi = c.gchi, relic_majorana = 0 }
  m = m:with{ sigmav_a = m.sigmav, sigmav_b = 0 }
  -- the constructor inputs that rebuild m exactly (tostring(m), zp.save): options and
  -- parameters that differ from their defaults
  local inputs, defaults = {}, core.model()
  for k, x in pairs(params) do if x ~= defaults[k] then inputs[k] = x end end
  for k, d in pairs(M.defaults) do if v[k] ~= d and v[k] ~= nil then inputs[k] = v[k] end end
  core.meta(m, {
    inputs = inputs,
    variant = M.name,
    tags = M.tags,
    values = { nq = v.nq, nchi = v.nchi, sigmav_target = target, propagator = v.propagator,
               relic = v.relic, sigmav_option = v.sigmav },
    rederive = rederive,
  })
  return m
end

--- m:with{...}: keep the variant values, apply the changes, re-solve the couplings.
rederive = function(m, t)
  local meta = core.meta(m)
  local v = {}
  for k, d in pairs(M.defaults) do v[k] = d end
  v.nq, v.nchi, v.propagator, v.relic = meta.values.nq, meta.values.nchi, meta.values.propagator, meta.values.relic
  v.sigmav = meta.values.sigmav_option
  local params = m:params()
  for k in pairs(DERIVED) do params[k] = nil end
  local ok, res = pcall(function()
    split(t, v, params)
    return build(v, params)
  end)
  if not ok then error(clean(res), 2) end
  return res
end

function M.new(t)
  t = t or {}
  if type(t) ~= "table" then
    error("zp.variants.heavy_dirac expects a table { mZp =, mchi =, nq =, nchi =, thetaD = }, got " .. type(t), 0)
  end
  local v, params = {}, {}
  for k, d in pairs(M.defaults) do v[k] = d end
  split(t, v, params)
  return build(v, params)
end

--- The paper's heavy benchmark of section 4.1.2 (Figs. 2 and 4): n_q = 2, n_chi = 5,
--- m_chi = 70 GeV and the contact-limit couplings of eq. (33), so g_q g_l / m_Z'^2 = 0.12 / TeV^2.
--- Figures and checks that quote the paper's eq. (33) chain read it from here; t overrides any
--- option or parameter (e.g. { mZp = 400 } or { mchi = 30 }).
M.paper = { mchi = 70, nq = 2, nchi = 5, propagator = "contact" }
function M.paper_benchmark(t)
  local o = {}
  for k, v in pairs(M.paper) do o[k] = v end
  for k, v in pairs(t or {}) do o[k] = v end
  o.mZp = o.mZp or 600
  local ok, res = pcall(M.new, o)
  if not ok then error(clean(res), 2) end
  return res
end

return setmetatable(M, {
  __call = function(_, t)
    local ok, res = pcall(M.new, t)
    if not ok then error(clean(res), 2) end
    return res
  end,
})
