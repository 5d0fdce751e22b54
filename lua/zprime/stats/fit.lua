--- zp.fit: minimise the total chi^2 of the constraints over free parameters with GSL
--- (src/core/stats/fit.c: simplex, BFGS, Levenberg-Marquardt inside the box of each free
--- parameter), from one or several starts.  zp.profile lives in zprime.stats.profile.
return function(zp)
  local core = zp.core
  local FIT_KEYS = { model = true, variant = true, fixed = true, free = true, constraints = true, start = true,
                     starts = true, seed = true, method = true, max_iter = true, tol = true }

  -- errors inside setup carry no position; zp.fit / zp.profile re-raise them at the caller
  local function fail(fname, msg) error(fname .. ": " .. msg, 0) end

  local function show(b)
    if type(b) ~= "table" then return tostring(b) end
    return "{ " .. tostring(b[1]) .. ", " .. tostring(b[2]) .. " }"
  end

  --- Free parameters in name order: names, lo, hi.
  local function read_free(fname, free, builder_is_model)
    if type(free) ~= "table" or next(free) == nil then
      fail(fname, "free must be a table { name = { lo, hi }, ... }, e.g. free = { gq = { 1e-3, 1 } }")
    end
    local names = {}
    for k in pairs(free) do
      if type(k) ~= "string" then fail(fname, "free: keys must be parameter names, got " .. type(k)) end
      names[#names + 1] = k
    end
    table.sort(names)
    local lo, hi = {}, {}
    for i, n in ipairs(names) do
      local b = free[n]
      if type(b) ~= "table" or type(b[1]) ~= "number" or type(b[2]) ~= "number" or not (b[1] < b[2])
        or math.abs(b[1]) == math.huge or math.abs(b[2]) == math.huge then
        fail(fname, "free." .. n .. " must be { lo, hi } with finite lo < hi, got " .. show(b))
      end
      if builder_is_model then
        local info = core.info(n)
        if not (info and info.kind == "parameter") then
          local s = core.suggest(n)
          fail(fname, "free: '" .. n .. "' is not a parameter" .. (s and (" (did you mean '" .. s .. "'?)") or ""))
        end
        if b[1] < info.min or b[2] > info.max then
          fail(fname, string.format("free.%s = { %g, %g } leaves the parameter's range [%g, %g]", n, b[1], b[2], info.min, info.max))
        end
      end
      lo[i], hi[i] = b[1], b[2]
    end
    return names, lo, hi
  end

  --- function(x) -> model for the free values x (in name order).
  local function builder(fname, spec, names)
    if spec.model ~= nil and spec.variant ~= nil then fail(fname, "give model or variant, not both") end
    if spec.model ~= nil then
      if not core.is_model(spec.model) then fail(fname, "model must be a zprime model, got " .. type(spec.model)) end
      local m0 = spec.model
      return function(x)
        local t = {}
        for i, n in ipairs(names) do t[n] = x[i] end
        return m0:with(t)
      end, true
    end
    local v = spec.variant
    local mt = type(v) == "table" and getmetatable(v)
    if not (type(v) == "function" or (mt and mt.__call)) then
      fail(fname, "needs model = m or variant = a function of a table of arguments (e.g. zp.variants.heavy_dirac)")
    end
    local fixed = spec.fixed or {}
    if type(fixed) ~= "table" then fail(fname, "fixed must be a table of variant arguments, got " .. type(fixed)) end
    return function(x)
      local t = {}
      for k, val in pairs(fixed) do t[k] = val end
      for i, n in ipairs(names) do t[n] = x[i] end
      return v(t)
    end, false
  end

  local function setup(fname, spec, keys)
    if type(spec) ~= "table" then fail(fname, "expects a table of options, got " .. type(spec)) end
    for k in pairs(spec) do
      if not keys[k] then
        local list = {}
        for a in pairs(keys) do list[#list + 1] = a end
        table.sort(list)
        fail(fname, "unknown option '" .. tostring(k) .. "' (expected " .. table.concat(list, ", ") .. ")")
      end
    end
    local method = spec.method or "simplex"
    if method ~= "simplex" and method ~= "bfgs" and method ~= "lm" then
      fail(fname, "method must be \"simplex\", \"bfgs\" or \"lm\", got " .. tostring(method))
    end
    local is_model_probe = spec.model ~= nil
    local names, lo, hi = read_free(fname, spec.free, is_model_probe)
    local build = builder(fname, spec, names)
    local mid = {}
    for i = 1, #names do mid[i] = 0.5 * (lo[i] + hi[i]) end
    local okm, m0 = pcall(build, mid)
    if not okm then fail(fname, "the model at the centre of the box fails: " .. tostring(m0):gsub("^.-:%d+: ", "")) end
    local oks, list = pcall(zp.select_constraints, m0, spec.constraints == nil and true or spec.constraints)
    if not oks then fail(fname, tostring(list):gsub("^.-:%d+: ", "")) end
    if #list == 0 then fail(fname, "no constraint applies; give constraints = { ... }") end
    --- statistical terms at m (not cuts, projections or limits that do not apply there)
    local function nstat(m)
      local k = 0
      for _, c in ipairs(list) do
        local okv, v = pcall(zp.stats.value_of, c, m)
        local ok, _, _, shape = pcall(zp.stats.likelihood.term, c, m, okv and v or 0)
        if not ok or (shape ~= "cut" and shape ~= "none here" and shape ~= "projected" and shape ~= "not summed") then
          k = k + 1
        end
      end
      return k
    end
    local last_err
    local function chi2(x)
      local okb, m = pcall(build, x)
      if not okb then last_err = tostring(zp.stats.pass_interrupt(m)); return 0 / 0 end
      local t, e = zp.stats.total(list, m)
      if not t then last_err = e; return 0 / 0 end
      return t
    end
    local function resid(x)
      local okb, m = pcall(build, x)
      if not okb then error(tostring(m), 0) end
      local r, e = zp.stats.residuals(list, m)
      if not r then error(e, 0) end
      return r
    end
    return { names = names, lo = lo, hi = hi, build = build, list = list, chi2 = chi2, resid = resid,
             method = method, nstat = nstat, last_err = function() return last_err end }
  end

  local function start_points(fname, spec, P)
    local pts = {}
    local st = spec.start
    if st ~= nil then
      if type(st) ~= "table" then fail(fname, "start must be { name = value } or a list of them, got " .. type(st)) end
      local list = (#st > 0) and st or { st }
      for j, s in ipairs(list) do
        local x = {}
        for i, n in ipairs(P.names) do
          local v = s[n]
          if v == nil then v = 0.5 * (P.lo[i] + P.hi[i]) end
          if type(v) ~= "number" or v < P.lo[i] or v > P.hi[i] then
            fail(fname, string.format("start[%d].%s = %s is outside free.%s = { %g, %g }", j, n, tostring(v), n, P.lo[i], P.hi[i]))
          end
          x[i] = v
        end
        pts[#pts + 1] = x
      end
    else
      local x = {}
      for i = 1, #P.names do x[i] = 0.5 * (P.lo[i] + P.hi[i]) end
      pts[1] = x
    end
    local extra = spec.starts or 0
    if math.type(extra) ~= "integer" and not (type(extra) == "number" and extra == math.floor(extra)) or extra < 0 or extra > 1000 then
      fail(fname, "starts must be a whole number of extra random starts from 0 to 1000, got " .. tostring(extra))
    end
    local seed = spec.seed or 1
    if math.tointeger(seed) == nil or seed < 0 then
      fail(fname, "seed must be a whole number >= 0, got " .. tostring(seed))
    end
    local r = require("zprime.stats.rng").uniform(seed)
    for _ = 1, extra do
      local x = {}
      for i = 1, #P.names do x[i] = P.lo[i] + (P.hi[i] - P.lo[i]) * r() end
      pts[#pts + 1] = x
    end
    return pts
  end

  local function minimize(P, x0, spec)
    return pcall(core.fit_minimize, { lo = P.lo, hi = P.hi, start = x0, method = P.method, chi2 = P.chi2,
      resid = P.resid, nres = #P.list, max_iter = spec.max_iter, tol = spec.tol })
  end

  local function fmt(x) return string.format("%.5g", x) end

  local fit_mt = { __tostring = function(r)
    local out = { string.format("best fit (%s, %d start%s): chi2_min = %.4g, ndof = %d, p = %s", r.method,
      #r.starts, #r.starts == 1 and "" or "s", r.chi2_min, r.ndof, r.pvalue == r.pvalue and string.format("%.3g", r.pvalue) or "n/a") }
    for _, n in ipairs(r.names) do
      local s = r.sigma[n]
      out[#out + 1] = string.format("  %-12s = %-12s +- %s%s", n, fmt(r.best[n]), s and fmt(s) or "n/a",
        r.at_bound[n] and "   (at a bound of free." .. n .. ")" or "")
    end
    if not r.cov then out[#out + 1] = "  (the Hessian is not positive definite: no covariance)" end
    return table.concat(out, "\n")
  end }

  function zp.fit(spec)
    local okp, P, pts = pcall(function()
      local p = setup("zp.fit", spec, FIT_KEYS)
      return p, start_points("zp.fit", spec, p)
    end)
    if not okp then error(zp.stats.pass_interrupt(P), 2) end
    local best, starts, first_err = nil, {}, nil
    for j, x0 in ipairs(pts) do
      local ok, r = minimize(P, x0, spec)
      if not ok then zp.stats.pass_interrupt(r) end -- Ctrl-C ends the fit, not just this start
      if ok then
        starts[j] = { start = x0, x = r.x, chi2 = r.chi2, ok = true }
        if not best or r.chi2 < best.chi2 then best = r end
      else
        local msg = tostring(r):gsub("^.-:%d+: ", "")
        if msg:find("not finite at the start", 1, true) and P.last_err() then msg = msg .. " (" .. P.last_err() .. ")" end
        starts[j] = { start = x0, ok = false, error = msg }
        first_err = first_err or msg
      end
    end
    if not best then error("zp.fit: " .. first_err, 2) end
    local res = { method = P.method, names = P.names, best = {}, sigma = {}, at_bound = {}, starts = starts,
                  chi2_min = best.chi2, x = best.x, nfev = best.nfev }
    res.model = P.build(best.x)
    res.ndof = P.nstat(res.model) - #P.names
    -- no chi^2 p-value when a likelihood-ratio term (e.g. -2 Delta ln L of an LHC spectrum) makes it negative
    res.pvalue = (res.ndof >= 1 and best.chi2 >= 0) and core.stats_pvalue(best.chi2, res.ndof) or 0 / 0
    for i, n in ipairs(P.names) do
      res.best[n] = best.x[i]
      res.at_bound[n] = best.at_bound[i] or nil
    end
    if best.cov then
      res.cov, res.corr = {}, {}
      for i, a in ipairs(P.names) do
        res.cov[a], res.corr[a] = {}, {}
        for j, b in ipairs(P.names) do
          res.cov[a][b] = best.cov[i][j]
          res.corr[a][b] = best.cov[i][j] / math.sqrt(best.cov[i][i] * best.cov[j][j])
        end
        res.sigma[a] = math.sqrt(best.cov[i][i])
      end
    end
    res.constraints = P.list
    return setmetatable(res, fit_mt)
  end
  zp.document("zp.fit", [[zp.fit{ model = m | variant = f, fixed = { variant args }, free = { gq = { 1e-3, 1 }, ... },
          constraints = true | { names or tables }, start = { gq = 0.1 } | { {...}, {...} },
          starts = 0, seed = 1, method = "simplex" | "bfgs" | "lm", max_iter =, tol = } -> fit
  Minimises the total chi^2 of the constraints (m:chi2) over the free parameters inside their
  boxes with GSL (gsl_multimin nmsimplex2 / vector_bfgs2, gsl_multifit_nlinear trust-region LM),
  from the start point(s) plus `starts` random ones; keeps the lowest minimum.
  fit: best = { name = value }, chi2_min, ndof (statistical terms at the best fit - free parameters), pvalue,
  cov / corr / sigma (covariance 2 H^-1 from the Hessian), at_bound, model (the fitted model),
  starts (every start with its result or error).  Non-convergence is an error naming the method.]])

  -- shared with zprime.stats.profile
  zp.stats.fit_keys, zp.stats.fit_setup = FIT_KEYS, setup
end
