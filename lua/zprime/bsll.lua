--- b -> s mu mu observables against today's data (docs/flavour.md, "b -> s l l"):
---   zp.flavio.measurement(name), zp.flavio.value(name, observable, q2min, q2max),
---   zp.flavio.formfactors("K" | "Kstar"), zp.flavio.parse_value(str)   -- data/flavio/ readers
---   m:ff_error(obs, q2min, q2max)  -> { value, sigma, rel, set }          -- form-factor error
---   m:R_K_err(q2min, q2max), m:R_Kstar_err, m:BR_BKmumu_err, m:BR_BKstarmumu_err -> sigma, value
--- The form-factor error uses the full covariance of the BSZ coefficients of the flavio files:
--- linear propagation by default, a Monte Carlo on request.
return function(zp)
  local core = zp.core
  local reader = require "zprime.io.flavio"

  zp.flavio = {
    parse_value = reader.parse_value,
    measurement = function(name) return reader.measurement(zp, name) end,
    value = function(name, obs, q2min, q2max) return reader.value(zp, name, obs, q2min, q2max) end,
    formfactors = function(which) return reader.formfactors(zp, which) end,
  }
  zp.document("zp.flavio", [[zp.flavio.measurement(name) -> { name, experiment, inspire, values, correlation }
  An entry of flavio 2.7.0's measurements.yml (data/flavio/), read with lyaml, e.g.
  zp.flavio.measurement "LHCb RK RK* 2022".  Each value: { observable, q2min, q2max, central,
  sigma_up, sigma_down, sigma }; the errors of each side are added in quadrature and sigma is
  their mean.  correlation is the matrix of the file (nil when absent), in the order of values.
zp.flavio.value(name, observable, q2min, q2max) -> value, index, measurement
zp.flavio.formfactors("K" | "Kstar") -> { names, mean, cov }   BSZ coefficients with covariance
zp.flavio.parse_value("0.949 +0.042 -0.041 +0.022 -0.022") -> { central, sigma_up, sigma_down, sigma }]])

  local SETS = {
    R_K = "K", BR_BKmumu = "K", BR_BKee = "K", dBR_BKmumu_dq2 = "K",
    R_Kstar = "Kstar", BR_BKstarmumu = "Kstar", BR_BKstaree = "Kstar", dBR_BKstarmumu_dq2 = "Kstar",
  }

  local OPTS = { method = true, n = true, seed = true }

  --- Monte Carlo over the coefficients: mean and standard deviation of n evaluations.
  local function ff_mc(m, eval, set, o)
    local n = o.n or 2000
    if math.type(n) ~= "integer" and not (type(n) == "number" and n == math.floor(n)) or n < 2 or n > 1e6 then
      error("ff_error: n must be a whole number of samples in [2, 1e6], got " .. tostring(n), 4)
    end
    -- the covariance is only positive semi-definite (exactly dependent coefficients): psd Cholesky;
    -- the seeded generator of zprime.stats.rng leaves math.random alone
    local k = #set.names
    local L = require("zprime.stats.linalg").cholesky(set.cov, k, true)
    local gauss = require("zprime.stats.rng").normal(o.seed or math.random(0, 1 << 52))
    local s1, s2 = 0, 0
    for _ = 1, n do
      local z, over = {}, {}
      for i = 1, k do z[i] = gauss() end
      for i = 1, k do
        local d = 0
        for j = 1, i do d = d + L[i][j] * z[j] end
        over[set.names[i]] = m[set.names[i]] + d
      end
      local v = eval(m:with(over))
      s1, s2 = s1 + v, s2 + v * v
    end
    local mean = s1 / n
    return mean, math.sqrt(math.max(s2 / n - mean * mean, 0) * n / (n - 1))
  end

  --- Linear propagation: the rates are quadratic in the coefficients, so the symmetric difference
  --- with step sigma_i is the exact gradient at the central point.
  local function ff_linear(m, eval, set)
    local n, grad = #set.names, {}
    for i = 1, n do
      local name, h = set.names[i], math.sqrt(set.cov[i][i])
      local x = m[name]
      grad[i] = (eval(m:with{ [name] = x + h }) - eval(m:with{ [name] = x - h })) / (2 * h)
    end
    local var = 0
    for i = 1, n do
      for j = 1, n do var = var + grad[i] * set.cov[i][j] * grad[j] end
    end
    return math.sqrt(math.max(var, 0))
  end

  local function ff_error(m, obs, ...)
    if not core.is_model(m) then error("ff_error: call it as m:ff_error(observable, q2min, q2max)", 3) end
    local which = SETS[obs]
    if not which then
      local names = {}
      for k in pairs(SETS) do names[#names + 1] = k end
      table.sort(names)
      error("ff_error: no form-factor error for '" .. tostring(obs) .. "' (one of: " .. table.concat(names, ", ") .. ")", 3)
    end
    local args = table.pack(...)
    local o = {}
    if type(args[args.n]) == "table" then
      o = args[args.n]
      args.n = args.n - 1
      for key in pairs(o) do
        if not OPTS[key] then error("ff_error: unknown option '" .. tostring(key) .. "' (expected method, n, seed)", 3) end
      end
      if o.method ~= nil and o.method ~= "linear" and o.method ~= "mc" then
        error("ff_error: method must be \"linear\" or \"mc\", got " .. tostring(o.method), 3)
      end
    end
    local function eval(mm) return mm[obs](mm, table.unpack(args, 1, args.n)) end
    local ok, value = pcall(eval, m)
    if not ok then error(value, 3) end
    local set = reader.formfactors(zp, which)
    local r = { value = value, set = which, method = o.method or "linear" }
    if r.method == "mc" then
      r.mean, r.sigma = ff_mc(m, eval, set, o)
    else
      r.sigma = ff_linear(m, eval, set)
    end
    r.rel = value ~= 0 and r.sigma / math.abs(value) or 0 / 0
    return r
  end
  core.model_methods.ff_error = ff_error
  for _, obs in ipairs { "R_K", "R_Kstar", "BR_BKmumu", "BR_BKstarmumu" } do
    core.model_methods[obs .. "_err"] = function(m, q2min, q2max)
      local r = ff_error(m, obs, q2min, q2max)
      return r.sigma, r.value
    end
    zp.document("m:" .. obs .. "_err", "m:" .. obs .. "_err(q2min, q2max) -> sigma, value\n" ..
      "  Form-factor error of m:" .. obs .. "(q2min, q2max) (see zp.help \"m:ff_error\").")
  end
  zp.document("m:ff_error", [[m:ff_error(observable, q2min, q2max [, { method = "mc", n = 2000, seed = 1 }])
    -> { value, sigma, rel, set, method [, mean] }
  Form-factor (hadronic) uncertainty of R_K, R_Kstar, BR_BKmumu, BR_BKee, BR_BKstarmumu,
  BR_BKstaree (or dBR_*_dq2 with one q2) from the full covariance of the BSZ coefficients in
  data/flavio/ (B -> K: arXiv:2305.06301; B -> K*: arXiv:1503.05534).  Default: linear
  propagation (exact gradient, 2 evaluations per coefficient); method = "mc": n Gaussian samples
  of the coefficients (sigma = their standard deviation, mean = their mean).
  Shortcuts: m:R_K_err(1.1, 6), m:R_Kstar_err, m:BR_BKmumu_err, m:BR_BKstarmumu_err -> sigma, value.
  Only the form factors vary; parametric inputs with an _err partner (f_Bs, tau_Bs, y_s,
  VtbVts) are left to m:predict.]])
end
