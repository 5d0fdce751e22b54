--- zp.variants.light_inelastic: light Z' + inelastic Majorana dark matter (section 4.2 of
--- arXiv:1702.00395).
---
---   local m = zp.variants.light_inelastic{ mchi = 1950, mZp = 12, mphi = 10, f = 0.5, prop = "MED" }
---
--- Relations solved here (m:with{...} re-solves them from the options the user gave):
---   * g_chi from the relic relation eq. (46) at the given f (the larger root by default);
---   * g_q = 0.4 m_Z'/TeV and g_l = g_q/2 (section 4.2.2) unless given;
---   * w from m_Z'^2 = (2 g_chi w)^2 + (g_q <Phi_q>)^2 + (g_l <Phi_l>)^2 (eq. 42), or m_Z' from w;
---   * m_phi, when not given, on the main branch of Fig. 7 (S(v_dm) = S_required);
---   * the antiproton target <sigma v> and m_chi from the propagation model (Table II);
---   * the freeze-out inputs of zp.relic / m.Omega_h2: chi- chi- and chi+ chi+ -> Z'Z' (eq. 43),
---     chi+ chi- -> Z' phi (eq. 44), partner chi+ with 2 dof and splitting delta m.
local zp = require "zprime"
local core = zp.core

local M = {}

M.name = "light_inelastic"
M.tags = { "light_inelastic" }

--- Options of the variant; everything else must be a model parameter (mchi, mZp, f, mphi, w,
--- gchi, gq, gl, kappa, thetaD, v_dm, ... are all parameters and may be given).
M.defaults = {
  prop = "MED",         -- propagation model of Table II: "MIN", "MED" or "MAX"
  branch = "upper",     -- root of eq. (46): "upper" (the paper's choice, Fig. 7) or "lower"
  sommerfeld = "hulthen", -- "hulthen" (eq. 47) or "exact" (Schroedinger equation); sets S_method
  relic = "eq46",       -- "eq46": eq. (46) with sigmav_relic_majorana (2.3e-26 cm^3/s, the paper);
                        -- "boltzmann": the <sigma v>_eff that gives Omega_h2_obs (zp.relic_target)
}

--- Parameter values of the paper's light scenario that differ from the global defaults.
M.param_defaults = {
  mZp = 12,       -- section 4.2.1
  kappa = 5e-4,   -- section 4.2.5: the h -> Z'Z' -> 4l bound, used for BR(h -> phi phi) ~ 1e-3
  Phi_l = 0,      -- <Phi_l> << <Phi_q> (section 4.2.2)
}

--- Default f per propagation model: a point on the main branch of Fig. 7 with m_phi ~ m_Z'
--- (MED: m_phi = 10.3 GeV, MAX: 15.9 GeV; MIN needs f >~ 0.6 to reach S ~ 30, f = 0.8 gives 20 GeV).
M.f_default = { MIN = 0.8, MED = 0.5, MAX = 0.5 }

local OPTION_NAMES = { "prop", "branch", "sommerfeld", "relic" }

local function fail(msg) error("light_inelastic: " .. msg, 0) end

local function clean(msg) return (tostring(msg):gsub("^[^\n]-%.lua:%d+: ", "")) end

local function check_inputs(t)
  for k, x in pairs(t) do
    if type(k) ~= "string" then fail("option names must be strings, got a " .. type(k) .. " key") end
    if M.defaults[k] == nil then
      local info = core.info(k)
      if info and info.kind ~= "parameter" then
        fail("'" .. k .. "' is an observable, not a parameter (it is computed from the parameters)")
      elseif not info then
        local s = core.suggest(k)
        for _, o in ipairs(OPTION_NAMES) do
          if #o > 2 and (k:find(o, 1, true) or o:find(k, 1, true)) then s = o end
        end
        fail("unknown option or parameter '" .. k .. "'" .. (s and (" (did you mean '" .. s .. "'?)") or
          " (options: prop, branch, sommerfeld, relic; zp.params() lists the parameters)"))
      elseif type(x) ~= "number" then
        fail("parameter '" .. k .. "' expects a number, got " .. type(x))
      end
    end
  end
  if t.mZp ~= nil and t.w ~= nil then
    fail("give mZp or w, not both: eq. (42) fixes one from the other")
  end
end

--- g_chi from eq. (46) at f for the target <sigma v>_eff sv (cm^3/s).
local function solve_gchi(f, mchi, sv, branch)
  local ok, up, lo = pcall(core.gchi_relic, f, core.relic_rhs(mchi, sv))
  if not ok then fail(clean(up)) end
  if branch == "upper" then return up, lo end
  if lo == nil then
    fail(string.format("the lower root of eq. (46) exists only for f > R^(1/4) = %.4g; f = %g has one root",
      core.relic_rhs(mchi, sv) ^ 0.25, f))
  end
  return lo, up
end

--- <sigma v>_eff (cm^3/s) that gives Omega_h2_obs with chi+ coannihilation (eq. 45 weights).
local function boltzmann_target(m)
  local r12 = m.sigmav_Zpphi / m.sigmav_ZpZp
  local _, info = zp.relic_target{ m = m.mchi, majorana = true, model = m,
    coannihilation = { dm = m.delta_m, g = 2, ratio12 = r12, ratio22 = 1 } }
  return info.sigmav_eff
end

--- The model for given g_chi (m_Z' or w, g_q, g_l and the rest from p).
local function with_gchi(base, gchi, t)
  local m = base:with{ gchi = gchi }
  if t.w ~= nil then
    m = m:with{ w = t.w }
    return m:with{ mZp = m.mZp_from_w }
  end
  local ok, w = pcall(function() return m.w_from_mZp end)
  if not ok then fail(clean(w)) end
  return m:with{ w = w }
end

local rederive

--- Build the model from the user's inputs t (options and parameters).
local function build(t)
  check_inputs(t)
  local v = {}
  for k, d in pairs(M.defaults) do v[k] = t[k] == nil and d or t[k] end
  local row = zp.propagation[v.prop]
  if row == nil then fail("unknown propagation model '" .. tostring(v.prop) .. "' (MIN, MED or MAX)") end
  if v.branch ~= "upper" and v.branch ~= "lower" then fail("branch must be \"upper\" or \"lower\", got " .. tostring(v.branch)) end
  local method = ({ hulthen = 0, exact = 1 })[v.sommerfeld]
  if method == nil then fail("sommerfeld must be \"hulthen\" or \"exact\", got " .. tostring(v.sommerfeld)) end
  if v.relic ~= "eq46" and v.relic ~= "boltzmann" then fail("relic must be \"eq46\" or \"boltzmann\", got " .. tostring(v.relic)) end

  local p = {}
  for k, x in pairs(M.param_defaults) do p[k] = x end
  p.mchi, p.sigmav_pbar_fit, p.sigmav_pbar_fit_up, p.sigmav_pbar_fit_down = row.mchi, row.sigmav, row.up, row.down
  p.S_method = method
  p.f = M.f_default[v.prop]
  for k, x in pairs(t) do if M.defaults[k] == nil and k ~= "w" then p[k] = x end end
  if t.mZp == nil and t.w ~= nil then p.mZp = nil end
  local mzp = p.mZp or 12
  p.gq = t.gq or 0.4 * mzp / 1000         -- section 4.2.2: g_q = 0.4 m_Z'/TeV (0.0048 ~ "0.005")
  p.gl = t.gl or p.gq / 2                  -- g_q = 2 g_l
  p.gchi = t.gchi or 1                     -- placeholder until eq. (46) is solved
  local ok, base = pcall(core.model, p)
  if not ok then fail(clean(base)) end

  local sv = base.sigmav_relic_majorana
  local gchi, other = t.gchi, nil
  local m
  for _ = 1, (v.relic == "boltzmann" and t.gchi == nil) and 12 or 1 do
    if t.gchi == nil then gchi, other = solve_gchi(base.f, base.mchi, sv, v.branch) end
    m = with_gchi(base, gchi, t)
    if v.relic ~= "boltzmann" or t.gchi ~= nil then break end
    local new = boltzmann_target(m)
    if math.abs(new / sv - 1) < 1e-6 then break end
    sv = new
  end

  local mphi_mode = "given"
  if t.mphi == nil then
    local okf, mphi = pcall(function() return m.mphi_fit end)
    if not okf then fail("cannot fit m_phi (give mphi explicitly): " .. clean(mphi)) end
    m = m:with{ mphi = mphi }
    mphi_mode = "fit"
  end
  local ok2, err = pcall(function()
    m = m:with{ sigmav_a = m.sigmav_ZpZp, sigmav_a22 = m.sigmav_ZpZp, sigmav_a12 = m.sigmav_Zpphi,
                sigmav_b = 0, coann_g = 2, coann_dm = m.delta_m, relic_majorana = 1 }
  end)
  if not ok2 then fail(clean(err)) end

  local inputs = {}
  for k, x in pairs(t) do inputs[k] = x end
  core.meta(m, {
    variant = M.name,
    tags = M.tags,
    values = { prop = v.prop, branch = v.branch, sommerfeld = v.sommerfeld, relic = v.relic,
               sigmav_relic_target = sv, gchi_other_root = other, mphi_mode = mphi_mode,
               gchi_mode = t.gchi and "given" or "eq46", inputs = inputs },
    rederive = rederive,
  })
  return m
end

--- m:with{...}: the user's inputs plus the changes, every relation re-solved.
rederive = function(m, t)
  local inputs = {}
  for k, x in pairs(core.meta(m).values.inputs) do inputs[k] = x end
  if t.w ~= nil then inputs.mZp = nil end
  if t.mZp ~= nil then inputs.w = nil end
  if t.prop ~= nil and t.mchi == nil then inputs.mchi = nil end
  for k, x in pairs(t) do inputs[k] = x end
  local ok, res = pcall(build, inputs)
  if not ok then error(clean(res), 2) end
  return res
end

function M.new(t)
  t = t or {}
  if type(t) ~= "table" then
    fail("expects a table { mchi =, mZp =, mphi =, f =, prop = }, got " .. type(t))
  end
  return build(t)
end

zp.document("zp.variants.light_inelastic", [[zp.variants.light_inelastic{ mchi = 1950, mZp = 12, mphi = 10, f = 0.5, prop = "MED",
                             branch = "upper", sommerfeld = "hulthen", relic = "eq46", <any parameter> } -> model
  Light Z' + inelastic Majorana DM (section 4.2).  prop (MIN/MED/MAX, Table II) sets mchi (1800/1950)
  and the antiproton target sigmav_pbar_fit.  g_chi solves eq. (46) at f (larger root unless
  branch = "lower"; relic = "boltzmann" replaces 2.3e-26 by the <sigma v>_eff giving Omega_h2_obs);
  g_q = 0.4 mZp/TeV, g_l = g_q/2 unless given; w from eq. (42) (or give w instead of mZp);
  mphi, when omitted, is the Fig. 7 value with S(v_dm) = S_required.  kappa defaults to 5e-4.
  m.prop, m.branch, m.mphi_mode, m.gchi_other_root are readable; m:check() runs the section 4.2
  constraints; m:with{ f = 0.6 } re-solves everything.]])

return setmetatable(M, {
  __call = function(_, t)
    local ok, res = pcall(M.new, t)
    if not ok then error(clean(res), 2) end
    return res
  end,
})
