--- zp.fit and zp.profile: minimise the total chi^2 of the constraints over free parameters with
--- GSL (src/core/stats/fit.c: simplex, BFGS, Levenberg-Marquardt inside the box of each free
--- parameter), from one or several starts; profile the chi^2 over one or two parameters.
return function(zp)
  local core = zp.core
  local csv = require "zprime.io.csv"
  local FIT_KEYS = { model = true, variant = true, fixed = true, free = true, constraints = true, start = true,
                     starts = true, seed = true, method = true, max_iter = true, tol = true }
  local PROFILE_KEYS = { over = true, refit = true, out = true }
  for k in pairs(FIT_KEYS) do PROFILE_KEYS[k] = true end

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

  --- A small deterministic generator (xorshift64*) so starts do not touch math.random.
  local function rng(seed)
    local s = (math.tointeger(seed) or 1) ~ 0x2545F4914F6CDD1D
    if s == 0 then s = 1 end
    return function()
      s = s ~ (s >> 12); s = s ~ (s << 25); s = s ~ (s >> 27)
      return ((s * 0x2545F4914F6CDD1D) >> 11) / 9007199254740992.0
    end
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
    local r = rng(seed)
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

  local fit_mt = { __zp_printed = true, __tostring = function(r)
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
    res.pvalue = res.ndof >= 1 and core.stats_pvalue(math.max(best.chi2, 0), res.ndof) or 0 / 0
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

  --- The profile likelihood over one or two parameters of `over` (grids), the other free
  --- parameters re-fitted at each point (refit = true, default) or fixed at the best fit.
  function zp.profile(spec)
    if type(spec) ~= "table" then error("zp.profile: expects a table of options, got " .. type(spec), 2) end
    local over = spec.over
    if type(over) ~= "table" then error("zp.profile: over = { name = grid, ... } (one or two parameters) is required", 2) end
    local axes = {}
    for k, g in pairs(over) do
      if type(g) ~= "table" or #g < 1 then error("zp.profile: over." .. tostring(k) .. " must be a list of values", 2) end
      for i, v in ipairs(g) do
        if type(v) ~= "number" or v ~= v then error("zp.profile: over." .. k .. "[" .. i .. "] is not a number", 2) end
      end
      axes[#axes + 1] = k
    end
    table.sort(axes)
    if #axes < 1 or #axes > 2 then error("zp.profile: over takes one or two parameters, got " .. #axes, 2) end
    if spec.out ~= nil and type(spec.out) ~= "string" then error("zp.profile: out must be a file name, got " .. type(spec.out), 2) end
    local free = {}
    for k, b in pairs(spec.free or {}) do free[k] = b end
    for _, a in ipairs(axes) do
      if free[a] == nil then
        local g = over[a]
        local lo, hi = math.min(table.unpack(g)), math.max(table.unpack(g))
        if lo == hi then lo, hi = lo - 1, hi + 1 end
        free[a] = { lo, hi }
      end
    end
    local fspec = {}
    for k, v in pairs(spec) do if FIT_KEYS[k] then fspec[k] = v end end
    fspec.free = free
    local okp, P = pcall(setup, "zp.profile", fspec, PROFILE_KEYS)
    if not okp then error(zp.stats.pass_interrupt(P), 2) end
    local refit = spec.refit ~= false
    local others, idx = {}, {}
    for i, n in ipairs(P.names) do
      idx[n] = i
      if over[n] == nil then others[#others + 1] = i end
    end
    -- the global best fit gives the reference chi2 and the fixed values of the others
    local okg, global = pcall(zp.fit, fspec)
    if not okg then error("zp.profile: the global fit failed: " .. tostring(zp.stats.pass_interrupt(global)):gsub("^.-:%d+: ", ""), 2) end
    local base = {}
    for i, n in ipairs(P.names) do base[i] = global.best[n] end
    local g1, g2 = over[axes[1]], over[axes[2]] or { false }
    local res = { columns = {}, units = {}, axes = axes, n = 0 }
    for _, a in ipairs(axes) do res.columns[#res.columns + 1] = a end
    for _, c in ipairs({ "chi2", "dchi2" }) do res.columns[#res.columns + 1] = c end
    for _, n in ipairs(P.names) do if not over[n] then res.columns[#res.columns + 1] = n end end
    for _, c in ipairs(res.columns) do res[c] = {}; local i = core.info(c); res.units[c] = i and i.unit or "1" end
    local errors = {}
    for _, v1 in ipairs(g1) do
      for _, v2 in ipairs(g2) do
        local x = {}
        for i = 1, #P.names do x[i] = base[i] end
        x[idx[axes[1]]] = v1
        if v2 then x[idx[axes[2]]] = v2 end
        local chi2, err
        if refit and #others > 0 then
          local sub = { lo = {}, hi = {}, start = {} }
          for j, i in ipairs(others) do sub.lo[j], sub.hi[j], sub.start[j] = P.lo[i], P.hi[i], base[i] end
          local ok, r = pcall(core.fit_minimize, { lo = sub.lo, hi = sub.hi, start = sub.start, method = "simplex",
            max_iter = spec.max_iter, tol = spec.tol,
            chi2 = function(y) for j, i in ipairs(others) do x[i] = y[j] end; return P.chi2(x) end })
          if not ok then zp.stats.pass_interrupt(r) end
          if ok then
            for j, i in ipairs(others) do x[i] = r.x[j] end
            chi2 = r.chi2
          else
            err = tostring(r):gsub("^.-:%d+: ", "")
          end
        else
          chi2 = P.chi2(x)
          if chi2 ~= chi2 then err = P.last_err() or "chi2 is not a number" end
        end
        local k = res.n + 1
        res.n = k
        res[axes[1]][k] = v1
        if v2 then res[axes[2]][k] = v2 end
        res.chi2[k] = chi2 or 0 / 0
        for _, i in ipairs(others) do res[P.names[i]][k] = x[i] end
        if err then errors[k] = err end
      end
    end
    local min = global.chi2_min
    for k = 1, res.n do if res.chi2[k] < min then min = res.chi2[k] end end
    for k = 1, res.n do res.dchi2[k] = res.chi2[k] - min end
    if next(errors) then res.errors = errors end
    res.chi2_min, res.fit = min, global
    res.levels = { core.stats_dchi2(0.682689492137, #axes), core.stats_dchi2(0.954499736104, #axes),
                   core.stats_dchi2(0.997300203937, #axes) }
    if spec.out then
      local okw, e = pcall(zp.write_csv, spec.out, res, { header = { string.format("zp.profile over %s; chi2_min = %.10g; dchi2 levels 1/2/3 sigma: %.4f %.4f %.4f",
        table.concat(axes, ", "), min, res.levels[1], res.levels[2], res.levels[3]) } })
      if not okw then error("zp.profile: " .. tostring(e):gsub("^.-:%d+: ", ""), 2) end
      res.file = spec.out
    end
    return setmetatable(res, csv.result_mt)
  end
  zp.document("zp.profile", [[zp.profile{ over = { thetaD = zp.range(...), [second = grid] }, free = {...},
              refit = true, out = "profile.csv", <zp.fit options> } -> table
  The profile chi^2 over one or two parameters: at each grid point the other free parameters
  are re-fitted (refit = true; simplex from the global best fit) or kept at the global best fit.
  Columns: the grid parameters, chi2, dchi2 (= chi2 - the global minimum), the re-fitted values.
  levels = dchi2 of 1, 2, 3 sigma for this many parameters (1: 1, 4, 9; 2: 2.30, 6.18, 11.83).
  zp.plot_contours{ data = prof, out = "c.png" } draws the 1/2/3 sigma regions.]])
end
