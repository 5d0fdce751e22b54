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
---   * the relic abundance: m.Omega_h2 is the Boltzmann solution with the thermal average of the
---     sector's tree-level sigma(s) (dm_sector = 1: chi-chi-, chi+chi+ -> Z'Z', varphi varphi;
---     chi+chi- -> Z' varphi, SM; chi+ coannihilation, docs/relic.md); m.Omega_h2_fixed_sigmav keeps
---     the paper's s-wave inputs: eq. (43), eq. (44), partner chi+ with 2 dof and splitting delta m.
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
                        -- "boltzmann": the <sigma v>_eff of eq. (45) whose Boltzmann solution with
                        --   eqs. (43)-(44) gives Omega_h2_obs (zp.relic_target);
                        -- "thermal": g_chi with m.Omega_h2 (the thermal average) = Omega_h2_obs
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

--- Spectrum inputs that replace a parameter (eqs. 41-42, "or the reverse"): delta_m = 2 f w (GeV)
--- fixes w, and then m_Z'; lambda_phi = lambda' fixes m_phi = sqrt(2 lambda') w.
M.spectrum_inputs = { delta_m = "GeV", lambda_phi = "1" }

local OPTION_NAMES = { "prop", "branch", "sommerfeld", "relic", "delta_m", "lambda_phi" }

local function fail(msg) error("light_inelastic: " .. msg, 0) end

local function clean(msg) return (tostring(msg):gsub("^[^\n]-%.lua:%d+: ", "")) end

local function check_inputs(t)
  for k, x in pairs(t) do
    if type(k) ~= "string" then fail("option names must be strings, got a " .. type(k) .. " key") end
    if M.spectrum_inputs[k] then
      if type(x) ~= "number" or not (x > 0) then fail(k .. " must be a positive number, got " .. tostring(x)) end
    elseif M.defaults[k] == nil then
      local info = core.info(k)
      if info and info.kind ~= "parameter" then
        fail("'" .. k .. "' is an observable, not a parameter (it is computed from the parameters)")
      elseif not info then
        local s = core.suggest(k, OPTION_NAMES) -- parameters, observables or the variant's options
        fail("unknown option or parameter '" .. k .. "'" .. (s and (" (did you mean '" .. s .. "'?)") or
          " (options: " .. table.concat(OPTION_NAMES, ", ") .. "; zp.params() lists the parameters)"))
      elseif type(x) ~= "number" then
        fail("parameter '" .. k .. "' expects a number, got " .. type(x))
      end
    end
  end
  if (t.mZp ~= nil and 1 or 0) + (t.w ~= nil and 1 or 0) + (t.delta_m ~= nil and 1 or 0) > 1 then
    fail("give one of mZp, w and delta_m: eqs. (41)-(42) fix the others")
  end
  if t.mphi ~= nil and t.lambda_phi ~= nil then
    fail("give mphi or lambda_phi, not both: m_phi = sqrt(2 lambda') w")
  end
  if (t.relic == "boltzmann" or t.relic == "thermal") and t.gchi ~= nil then
    fail("relic = \"" .. t.relic .. "\" fixes gchi; it cannot be combined with an explicit gchi")
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

--- The model for given g_chi: w from m_Z' (eq. 42), or m_Z' from w (given, or delta_m/(2f)).
local function with_gchi(base, gchi, t)
  local m = base:with{ gchi = gchi }
  local w = t.w
  if t.delta_m ~= nil then
    if not (m.f > 0) then fail("delta_m = 2 f w needs f > 0 to give w") end
    w = t.delta_m / (2 * m.f)
  end
  if w ~= nil then
    m = m:with{ w = w }
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
  if v.relic ~= "eq46" and v.relic ~= "boltzmann" and v.relic ~= "thermal" then
    fail("relic must be \"eq46\", \"boltzmann\" or \"thermal\", got " .. tostring(v.relic))
  end

  local p = {}
  for k, x in pairs(M.param_defaults) do p[k] = x end
  p.mchi, p.sigmav_pbar_fit, p.sigmav_pbar_fit_up, p.sigmav_pbar_fit_down = row.mchi, row.sigmav, row.up, row.down
  p.S_method = method
  p.f = M.f_default[v.prop]
  for k, x in pairs(t) do
    if M.defaults[k] == nil and M.spectrum_inputs[k] == nil and k ~= "w" then p[k] = x end
  end
  if t.w ~= nil or t.delta_m ~= nil then p.mZp = nil end
  local mzp = p.mZp or 12
  local okz, ez = pcall(core.model, { mZp = mzp }) -- a bad mZp is named before g_q is derived from it
  if not okz then fail(clean(ez)) end
  p.gq = t.gq or 0.4 * mzp / 1000         -- section 4.2.2: g_q = 0.4 m_Z'/TeV (0.0048 ~ "0.005")
  p.gl = t.gl or p.gq / 2                  -- g_q = 2 g_l
  p.gchi = t.gchi or 1                     -- placeholder until eq. (46) is solved
  local ok, base = pcall(core.model, p)
  if not ok then fail(clean(base)) end

  local sv = base.sigmav_relic_majorana
  local gchi, other = t.gchi, nil
  local m
  local solve = v.relic ~= "eq46" and t.gchi == nil
  for it = 1, solve and 40 or 1 do
    if t.gchi == nil then gchi, other = solve_gchi(base.f, base.mchi, sv, v.branch) end
    m = with_gchi(base, gchi, t)
    if not solve then break end
    if v.relic == "boltzmann" then
      -- eq. (46) fixes the leading-order <sigma v>_eff = sv; the Boltzmann target applies to the
      -- full eq. (45) (with the m_Z'/m_chi factors of eqs. 43-44): rescale sv until they agree
      local need, have = boltzmann_target(m), m.sigmav_eff
      if math.abs(need / have - 1) < 1e-7 then break end
      sv = sv * need / have
    else
      -- the thermal Omega h^2 falls as ~1/<sigma v>: rescale the eq. (46) target by Omega/Omega_obs
      local ok, om = pcall(function() return m:with{ dm_sector = 1, relic_sigmav = 0 }.Omega_h2 end)
      if not ok then fail("relic = \"thermal\": " .. clean(om)) end
      local r = om / m.Omega_h2_obs
      if math.abs(r - 1) < 1e-7 then break end
      if it == 40 then fail(string.format("relic = \"thermal\": no g_chi with Omega h^2 = %g at f = %g (reached %g)", m.Omega_h2_obs, m.f, om)) end
      sv = sv * r
    end
  end

  local mphi_mode = "given"
  if t.lambda_phi ~= nil then
    m = m:with{ mphi = math.sqrt(2 * t.lambda_phi) * m.w }
    mphi_mode = "lambda_phi"
  elseif t.mphi == nil then
    local okf, mphi = pcall(function() return m.mphi_fit end)
    if not okf then fail("cannot fit m_phi (give mphi explicitly): " .. clean(mphi)) end
    m = m:with{ mphi = mphi }
    mphi_mode = "fit"
  end
  local ok2, err = pcall(function()
    m = m:with{ sigmav_a = m.sigmav_ZpZp, sigmav_a22 = m.sigmav_ZpZp, sigmav_a12 = m.sigmav_Zpphi,
                sigmav_b = 0, coann_g = 2, coann_dm = m.delta_m, relic_majorana = 1,
                dm_sector = 1, relic_sigmav = 0 }
    -- m.Omega_h2: the thermal average of the sector's sigma(s); m.Omega_h2_fixed_sigmav: the
    -- s-wave inputs of eqs. (43)-(45) set here
  end)
  if not ok2 then fail(clean(err)) end

  local inputs = {}
  for k, x in pairs(t) do inputs[k] = x end
  core.meta(m, {
    variant = M.name,
    tags = M.tags,
    values = { prop = v.prop, branch = v.branch, sommerfeld = v.sommerfeld, relic = v.relic,
               sigmav_relic_target = sv, gchi_other_root = other or false, mphi_mode = mphi_mode,
               gchi_mode = t.gchi and "given" or "eq46", inputs = inputs },
    rederive = rederive,
  })
  return m
end

--- m:with{...}: the user's inputs plus the changes, every relation re-solved.
rederive = function(m, t)
  local inputs = {}
  for k, x in pairs(core.meta(m).values.inputs) do inputs[k] = x end
  -- a new value of one member of {mZp, w, delta_m} or {mphi, lambda_phi} replaces the others
  for _, group in ipairs({ { "mZp", "w", "delta_m" }, { "mphi", "lambda_phi" } }) do
    for _, k in ipairs(group) do
      if t[k] ~= nil then for _, o in ipairs(group) do inputs[o] = nil end end
    end
  end
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

-- zp.help "zp.variants.light_inelastic": documented in lua/zprime/light.lua (available before loading).

return setmetatable(M, {
  __call = function(_, t)
    local ok, res = pcall(M.new, t)
    if not ok then error(clean(res), 2) end
    return res
  end,
})
