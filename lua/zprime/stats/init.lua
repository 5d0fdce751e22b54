--- zprime.stats: likelihoods of the constraints (m:chi2 and the dchi2 column of m:check),
--- uncertainty propagation (m:predict), fits and profiles (zp.fit, zp.profile).
--- Definitions of every chi^2 term: zprime.stats.likelihood and docs/statistics.md.
return function(zp)
  local core = zp.core
  local lik = require "zprime.stats.likelihood"
  zp.stats = { likelihood = lik }

  -- constraint fields this module reads (see zprime.stats.likelihood)
  for _, f in ipairs({ "null", "theory_err", "shape", "chi2", "loglike", "in_total" }) do zp.constraint_fields[f] = true end
  local SKIP = { projected = true, ["not summed"] = true } -- shown, never summed
  zp.constraint_kinds.chi2 = {}

  --- Adds chi2, chi2_max (the allowed chi^2 at the stated CL) and shape to a check row.
  function zp.stats_annotate(row, c, m)
    local ok, x, thr, shape = pcall(lik.term, c, m, row.value)
    if not ok then
      row.error = "constraint '" .. row.name .. "': " .. tostring(x):gsub("^.-:%d+: ", "")
      row.pass = false
      return row
    end
    row.chi2, row.chi2_max, row.shape = x, thr, shape
    if shape == "own" then row.pass = x <= thr end
    return row
  end

  function zp.stats_dchi2_text(r)
    if r.chi2 == nil or r.shape == "none here" then return "" end
    if SKIP[r.shape] then return string.format("(%.3g, %s)", r.chi2, r.shape) end
    if r.shape == "cut" then return r.pass and "cut" or string.format("cut (%.3g)", r.chi2) end
    return string.format("%.3g (max %.3g)", r.chi2, r.chi2_max)
  end

  --- A pass/fail tester for constraints judged by their own likelihood (kind chi2, chi2 =, loglike =).
  function zp.stats_tester(c)
    return function(m, v)
      local x, thr = lik.term(c, m, v)
      return x <= thr
    end
  end

  --- The observable value of constraint c at m (errors propagate).
  local function value_of(c, m)
    if type(c.observable) == "function" then return c.observable(m) end
    return m[c.observable]
  end
  zp.stats.value_of = value_of

  --- Errors caught by the statistics code are data (a failing point), except Ctrl-C.
  local pass_interrupt = require("zprime.interrupt").reraise
  zp.stats.pass_interrupt = pass_interrupt

  --- chi2 of the list at m: total, or nil and the message of the first failing term.
  function zp.stats.total(list, m)
    local t = 0
    for i = 1, #list do
      local c = list[i]
      local ok, x, _, shape = pcall(function() return lik.term(c, m, value_of(c, m)) end)
      if not ok then return nil, c.name .. ": " .. tostring(pass_interrupt(x)):gsub("^.-:%d+: ", "") end
      if x ~= x then return nil, c.name .. ": chi2 is NaN" end
      if not SKIP[shape] then t = t + x end
    end
    return t
  end

  --- Residuals r_i = sqrt(chi2_i) of the list at m (for Levenberg-Marquardt), or nil, message.
  function zp.stats.residuals(list, m)
    local r = {}
    for i = 1, #list do
      local c = list[i]
      local ok, x, _, shape = pcall(function() return lik.term(c, m, value_of(c, m)) end)
      if not ok or x ~= x then return nil, c.name .. ": " .. tostring(pass_interrupt(x)):gsub("^.-:%d+: ", "") end
      r[i] = SKIP[shape] and 0 or math.sqrt(x)
    end
    return r
  end

  local function fmt(x) return type(x) == "number" and string.format("%.4g", x) or tostring(x or "") end

  --- s padded to w characters (UTF-8 names such as "B_s→μμ" count as characters, not bytes)
  local function pad(s, w) return s .. string.rep(" ", w - (utf8.len(s) or #s)) end

  local chi2_mt = { __tostring = function(r)
    local w = #"constraint"
    for _, t in ipairs(r.terms) do w = math.max(w, utf8.len(t.name) or #t.name) end
    local out = { string.format("%s %12s %12s %10s  %s", pad("constraint", w), "value", "dchi2", "allowed", "shape") }
    for _, t in ipairs(r.terms) do
      out[#out + 1] = string.format("%s %12s %12s %10s  %s", pad(t.name, w), t.error and "error" or fmt(t.value),
        fmt(t.chi2), fmt(t.chi2_max), t.error or t.shape or "")
    end
    out[#out + 1] = string.format("total chi2 = %.4g from %d terms (%d statistical)", r.total, #r.terms, r.n)
    return table.concat(out, "\n")
  end }

  --- m:chi2{ constraints = true | { names or tables }, only = { names } } -> { total, n, terms, by_name }
  function core.model_methods.chi2(m, opts)
    if not core.is_model(m) then error("chi2: call it as m:chi2()", 2) end
    opts = opts or {}
    if type(opts) ~= "table" then error("chi2: options must be a table, got " .. type(opts), 2) end
    for k in pairs(opts) do
      if k ~= "constraints" and k ~= "only" then
        error("chi2: unknown option '" .. tostring(k) .. "' (expected constraints, only)", 2)
      end
    end
    local list = opts.constraints
    if list ~= nil and list ~= true then
      local ok, sel = pcall(zp.select_constraints, m, list)
      if not ok then error("chi2: " .. tostring(sel):gsub("^.-:%d+: ", ""), 2) end
      list = sel
    end
    local rows = (list == nil or list == true) and m:check{ quiet = true, only = opts.only }
      or m:check{ quiet = true, only = opts.only, constraints = list }
    local res = { total = 0, n = 0, terms = {}, by_name = {} }
    for _, r in ipairs(rows) do
      local t = { name = r.name, value = r.value, chi2 = r.chi2, chi2_max = r.chi2_max, shape = r.shape,
                  pass = r.pass, error = r.error }
      res.terms[#res.terms + 1] = t
      if r.error then
        res.total = 0 / 0
      elseif r.chi2 and not SKIP[r.shape] then
        res.total = res.total + r.chi2
        res.by_name[r.name] = r.chi2
        if r.shape ~= "cut" and r.shape ~= "none here" then res.n = res.n + 1 end
      end
    end
    return setmetatable(res, chi2_mt)
  end
  zp.document("zp.chi2", [[m:chi2{ constraints = true | { names or constraint tables }, only = { names } } -> result
  The chi^2 (-2 ln L) of every constraint that applies to m, and the total: result.total,
  result.terms (name, value, chi2, chi2_max = the allowed chi^2 at the stated CL, shape),
  result.by_name[name], result.n (statistical terms, i.e. not hard cuts).  Band: Gaussian pull^2;
  upper/lower limit: half-Gaussian with the sigma of its CL; window: flat top with Gaussian edges
  (shape = "gauss": Gaussian about the middle); validity cuts: 0 or a steep wall.
  docs/statistics.md gives every definition.]])

  --- Every parameter X with a companion X_err (X may also be X_obs: Omega_h2_obs / Omega_h2_err);
  --- other errors (of a measurement whose central value has another name) come second, name = nil.
  local function uncertainties()
    local list, other = {}, {}
    for _, p in ipairs(core.params()) do
      if p.name:sub(-4) == "_err" then
        local base = p.name:sub(1, -5)
        local found
        for _, cand in ipairs({ base, base .. "_obs" }) do
          local info = core.info(cand)
          if not found and info and info.kind == "parameter" then found = cand end
        end
        local e = { name = found, err = p.name, sigma = p.default, unit = p.unit, doc = p.doc }
        if found then list[#list + 1] = e else other[#other + 1] = e end
      end
    end
    for _, e in ipairs(other) do list[#list + 1] = e end
    return list
  end
  zp.stats.uncertainties = uncertainties
  function zp.uncertainties() return uncertainties() end
  local lines = {}
  for _, u in ipairs(uncertainties()) do
    local unit = u.unit == "1" and "" or (" " .. u.unit)
    if u.name then
      lines[#lines + 1] = string.format("    %-20s +- %-24s (default %g%s)", u.name, u.err, u.sigma, unit)
    else
      lines[#lines + 1] = string.format("    %-20s    %-24s (default %g%s: %s)", "", u.err, u.sigma, unit, u.doc)
    end
  end
  zp.document("zp.uncertainties", "zp.uncertainties() -> list of { name, err, sigma, unit, doc }: every input with a 1-sigma\n" ..
    "  error X_err (m:predict propagates those that are inputs of the observable), then errors\n" ..
    "  of measurements used by constraints (name = nil):\n" .. table.concat(lines, "\n"))

  require("zprime.stats.predict")(zp)
  require("zprime.stats.fit")(zp)
  require("zprime.stats.profile")(zp)
  require("zprime.stats.scan_hook").install(zp)
  zp.document("zp.scan_uncertainties", [[zp.scan{ ..., observe = { "DeltaM_s±" }, chi2 = true | { names } }
  An observe entry "X±" ("X+-" also works) gives two columns: X and X_err, the 1-sigma error of
  X propagated linearly from the X_err inputs at each point (m:predict(X).sd, same unit as X).
  chi2 = true (the model's constraints) or a list of constraint names adds a column chi2, the
  total chi^2 at each point (as m:chi2; subtract its minimum for a Delta chi^2 map).]])
end
