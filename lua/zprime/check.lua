--- m:check(): evaluate the constraints that apply to a model; print an aligned table and
--- return the rows as data.  zp.constraints is the editable list (see zprime.constraints);
--- zp.add_constraint / zp.remove_constraint / zp.constraint edit it by name.  The helpers
--- zp.select_constraints and zp.constraint_tester give zp.scan a fast pass/fail test.
return function(zp)
  local core = zp.core
  local interrupt = require "zprime.interrupt"
  zp.constraints = require("zprime.constraints").list

  local KINDS = { upper = { "max" }, lower = { "min" }, window = { "min", "max" },
                  band = { "central", "sigma" } }
  local FIELDS = { name = true, observable = true, kind = true, min = true, max = true,
                   central = true, sigma = true, nsigma = true, unit = true, cl = true, ref = true,
                   applies = true, note = true, area = true, tag = true, quantity = true }
  -- the statistics extension (zprime.stats) adds its fields and the kind "chi2" here
  zp.constraint_fields, zp.constraint_kinds = FIELDS, KINDS
  local view = require "zprime.check_view"

  local function tags_of(m)
    local meta = core.meta(m)
    return (meta and meta.tags) or { "model" }
  end

  local function applies(c, tags)
    if c.applies == nil then return true end
    for _, a in ipairs(type(c.applies) == "table" and c.applies or { c.applies }) do
      for _, t in ipairs(tags) do if a == t then return true end end
    end
    return false
  end

  --- A bound: a number, or a function of the model returning one (what names it in errors).
  local function val(x, m, what, required)
    if type(x) == "function" then x = x(m) end
    if required and x == nil then error(what .. " is missing", 0) end
    if what and x ~= nil and type(x) ~= "number" then
      error(what .. " is " .. (type(x) == "string" and ("'" .. x .. "'") or type(x)) .. ", not a number", 0)
    end
    return x
  end

  local function fmt(x)
    if x == nil then return "" end
    if type(x) ~= "number" then return tostring(x) end
    return string.format("%.4g", x)
  end

  --- Check the shape of a constraint entry; error (at the caller's caller) when it is wrong.
  local function validate(c, fname)
    if type(c) ~= "table" then error(fname .. ": a constraint is a table, got " .. type(c), 3) end
    if type(c.name) ~= "string" or c.name == "" then error(fname .. ": the constraint needs a name", 3) end
    for k in pairs(c) do
      if not FIELDS[k] then
        error(fname .. ": constraint '" .. c.name .. "' has unknown field '" .. tostring(k) ..
          "' (fields: name, observable, kind, min, max, central, sigma, nsigma, unit, cl, ref, applies, note)", 3)
      end
    end
    local need = KINDS[c.kind]
    if not need then
      error(fname .. ": constraint '" .. c.name .. "': unknown kind '" .. tostring(c.kind) ..
        "' (expected upper, lower, window or band)", 3)
    end
    for _, f in ipairs(need) do
      local v = c[f]
      if type(v) ~= "number" and type(v) ~= "function" then
        error(fname .. ": constraint '" .. c.name .. "' (" .. c.kind .. ") needs " .. f ..
          " as a number or a function of the model", 3)
      end
    end
    for _, f in ipairs({ "min", "max", "central", "sigma", "nsigma" }) do
      local v = c[f]
      if v ~= nil and type(v) ~= "function" and (type(v) ~= "number" or v ~= v) then
        error(fname .. ": constraint '" .. c.name .. "': " .. f .. " must be a number (not NaN) or a function " ..
          "of the model, got " .. tostring(v), 3)
      end
    end
    if c.applies ~= nil then
      local ok = type(c.applies) == "table"
      for _, a in ipairs(ok and c.applies or {}) do ok = ok and type(a) == "string" end
      if not ok then
        error(fname .. ": constraint '" .. c.name .. "': applies must be a list of variant tags such as " ..
          "{ \"heavy_dirac\" }, got " .. tostring(c.applies), 3)
      end
    end
    local o = c.observable
    if type(o) == "string" then
      if not core.names[o] then
        local s = core.suggest(o)
        error(fname .. ": constraint '" .. c.name .. "': unknown observable '" .. o .. "'" ..
          (s and (" (did you mean '" .. s .. "'?)") or ""), 3)
      end
    elseif type(o) ~= "function" then
      error(fname .. ": constraint '" .. c.name .. "' needs observable = name or function(m)", 3)
    end
  end

  --- Fill bound, pass, margin and pull of row for the value v of c's observable at m.
  local function evaluate_bounds(row, c, m, v)
    local kind = c.kind
    if kind == "upper" then
      local max = val(c.max, m, "max", true)
      row.bound, row.pass = "<= " .. fmt(max), v <= max
      row.margin = v / max
      if max == math.huge then -- a bound that does not apply at this point (see the note)
        row.bound, row.margin = "none here", nil
      end
      local s = val(c.sigma, m, "sigma")
      if s and s > 0 then row.pull = (v - max) / s end
    elseif kind == "lower" then
      local min = val(c.min, m, "min", true)
      row.bound, row.pass = ">= " .. fmt(min), v >= min
      row.margin = v / min
      if min == -math.huge then row.bound, row.margin = "none here", nil end
      local s = val(c.sigma, m, "sigma")
      if s and s > 0 then row.pull = (min - v) / s end
    elseif kind == "window" then
      local min, max = val(c.min, m, "min", true), val(c.max, m, "max", true)
      row.bound, row.pass = "[" .. fmt(min) .. ", " .. fmt(max) .. "]", v >= min and v <= max
      -- margin: position in the window, 0 at min, 1 at max
      row.margin = (v - min) / (max - min)
      local s = val(c.sigma, m, "sigma")
      if s and s > 0 then row.pull = (v - 0.5 * (min + max)) / s end
    elseif kind == "band" then
      local c0, s, n = val(c.central, m, "central", true), val(c.sigma, m, "sigma", true), val(c.nsigma, m, "nsigma") or 1
      local th = val(c.theory_err, m, "theory_err") -- added in quadrature (docs/statistics.md)
      if th then s = math.sqrt(s * s + th * th) end
      row.bound = fmt(c0) .. " +- " .. fmt(n * s)
      row.pull = (v - c0) / s
      row.pass = math.abs(row.pull) <= n
      row.margin = math.abs(row.pull) / n
    elseif kind == "chi2" then -- the constraint's own likelihood decides (zp.stats_annotate)
      row.bound, row.pass = "likelihood", true
    else
      error("unknown kind '" .. tostring(kind) .. "' (expected upper, lower, window or band)", 0)
    end
    return row
  end

  --- Evaluate one constraint c on model m -> row table.
  function zp.evaluate_constraint(c, m)
    if type(c) ~= "table" then error("zp.evaluate_constraint: a constraint is a table, got " .. type(c), 2) end
    if not core.is_model(m) then error("zp.evaluate_constraint: the second argument is a model, got " .. type(m), 2) end
    local row = { name = tostring(c.name), cl = tostring(c.cl or ""), ref = tostring(c.ref or ""), kind = c.kind,
                  area = c.area }
    local ok, v = interrupt.pcall(function()   -- Ctrl-C is not this row's error
      if type(c.observable) == "function" then return c.observable(m) end
      return m[c.observable]
    end)
    row.observable = type(c.observable) == "string" and c.observable or row.name
    row.tag, row.quantity, row.note = c.tag, c.quantity, c.note -- for the table (zprime.check_view)
    local info = type(c.observable) == "string" and core.info(c.observable) or nil
    row.unit = tostring(c.unit or (info and info.unit) or "1")
    if row.unit == "1" then row.unit = "" end
    if ok and type(v) ~= "number" then
      ok, v = false, "the observable returned " .. type(v) .. ", not a number"
    end
    if not ok then
      row.error = tostring(v):gsub("^.-:%d+: ", "")
      row.pass = false
      row.bound = ""
      return row
    end
    row.value = v
    local okb, e = interrupt.pcall(evaluate_bounds, row, c, m, v)
    if not okb then
      row.error = "constraint '" .. row.name .. "': " .. tostring(e):gsub("^.-:%d+: ", "")
      row.pass, row.bound, row.margin, row.pull = false, row.bound or "", nil, nil
    elseif zp.stats_annotate then
      zp.stats_annotate(row, c, m) -- row.chi2, row.chi2_max (see zprime.stats)
    end
    return row
  end

  --- A fast test for scans: tester(m, v) -> true/false for the value v of c's observable at m.
  --- Number bounds are read once; function bounds are called with the point's model.
  function zp.constraint_tester(c)
    validate(c, "zp.constraint_tester")
    local kind = c.kind
    if kind == "chi2" or c.chi2 ~= nil or c.loglike ~= nil then return zp.stats_tester(c) end
    if kind == "band" and c.theory_err ~= nil then -- the band widened by the theory error in quadrature
      return function(m, v)
        local s, th = val(c.sigma, m), val(c.theory_err, m)
        return math.abs(v - val(c.central, m)) <= (val(c.nsigma, m) or 1) * math.sqrt(s * s + th * th)
      end
    end
    local fixed = type(c.min) ~= "function" and type(c.max) ~= "function"
      and type(c.central) ~= "function" and type(c.sigma) ~= "function" and type(c.nsigma) ~= "function"
    if kind == "upper" then
      if fixed then local max = c.max; return function(_, v) return v <= max end end
      return function(m, v) return v <= val(c.max, m) end
    elseif kind == "lower" then
      if fixed then local min = c.min; return function(_, v) return v >= min end end
      return function(m, v) return v >= val(c.min, m) end
    elseif kind == "window" then
      if fixed then local min, max = c.min, c.max; return function(_, v) return v >= min and v <= max end end
      return function(m, v) return v >= val(c.min, m) and v <= val(c.max, m) end
    end
    if fixed then
      local c0, w = c.central, (c.nsigma or 1) * c.sigma
      return function(_, v) return math.abs(v - c0) <= w end
    end
    return function(m, v) return math.abs(v - val(c.central, m)) <= (val(c.nsigma, m) or 1) * val(c.sigma, m) end
  end

  --- True when the tester needs the point's model (some bound is a function of it).
  function zp.constraint_needs_model(c)
    if type(c) ~= "table" then error("zp.constraint_needs_model: a constraint is a table, got " .. type(c), 2) end
    for _, f in ipairs({ "min", "max", "central", "sigma", "nsigma", "observable", "theory_err", "null", "chi2", "loglike" }) do
      if type(c[f]) == "function" or (f == "chi2" and c[f] ~= nil) then return true end
    end
    return false
  end

  --- The constraints selected by sel for model m: true (all that apply), a list of names or
  --- observables, or a list of constraint tables.
  function zp.select_constraints(m, sel)
    if m ~= nil and not core.is_model(m) then
      error("zp.select_constraints: the first argument is a model (or nil), got " .. type(m), 2)
    end
    if sel == nil or sel == false then return {} end
    local list = {}
    if sel == true then
      local tags = m and tags_of(m) or nil
      for _, c in ipairs(zp.constraints) do
        if tags == nil and c.applies == nil or tags and applies(c, tags) then list[#list + 1] = c end
      end
      return list
    end
    if type(sel) ~= "table" then
      error("constraints must be true, a list of constraint names or a list of constraints, got " .. type(sel), 2)
    end
    for _, s in ipairs(sel) do
      if type(s) == "table" then
        validate(s, "constraints")
        list[#list + 1] = s
      else
        local found
        for _, c in ipairs(zp.constraints) do
          if c.name == s or c.observable == s then found = c; break end
        end
        if not found then error("no constraint named '" .. tostring(s) .. "' (zp.constraints lists them)", 2) end
        list[#list + 1] = found
      end
    end
    return list
  end

  --- Edit the list by name.
  function zp.constraint(name)
    for i, c in ipairs(zp.constraints) do
      if c.name == name then
        if getmetatable(c) == nil then setmetatable(c, view.entry_mt) end -- prints as its listing row
        return c, i
      end
    end
    return nil
  end
  function zp.add_constraint(c)
    validate(c, "zp.add_constraint")
    local _, i = zp.constraint(c.name)
    if i then zp.constraints[i] = c else zp.constraints[#zp.constraints + 1] = c end
    return c
  end
  function zp.remove_constraint(name)
    local c, i = zp.constraint(name)
    if not c then error("zp.remove_constraint: no constraint named '" .. tostring(name) .. "'", 2) end
    table.remove(zp.constraints, i)
    return c
  end

  local function width(s) return utf8.len(s) or #s end  -- characters, so names like "B_s→μμ" align
  local function align(cells, right)
    local w = {}
    for _, row in ipairs(cells) do
      for j, s in ipairs(row) do w[j] = math.max(w[j] or 0, width(s)) end
    end
    local out = {}
    for i, row in ipairs(cells) do
      local parts = {}
      for j, s in ipairs(row) do
        parts[j] = right[j] and string.rep(" ", w[j] - width(s)) .. s or s .. string.rep(" ", w[j] - width(s))
      end
      out[#out + 1] = table.concat(parts, "  "):gsub("%s+$", "")
      if i == 1 then out[#out + 1] = string.rep("-", #out[1]) end
    end
    return out
  end
  view.align = align -- the check table and the listings share it (zprime.check_view)
  local render = view.render

  local result_mt = { __tostring = render, __zp_printed = true }
  result_mt.__html = view.render_html -- the notebook's HTML table (zprime.serve)

  --- zp.constraints prints as a table of the bounds, function bounds evaluated at the default
  --- point of the variant each constraint applies to.
  local points = {}
  local function point(c)
    local tag = c.applies and c.applies[1] or "model"
    if points[tag] == nil then
      local ok, m = pcall(function()
        if tag == "model" then return core.model() end
        return zp.variants[tag]{}
      end)
      points[tag] = ok and m or false
    end
    return points[tag] or nil
  end
  setmetatable(zp.constraints, { __tostring = function(list) return view.listing(list, point) end,
                                 __html = function(list) return view.listing_html(list, point) end })
  --- The bound of constraint c as text: numbers, a function bound at the default point of the
  --- variant it applies to (marked *).
  function zp.bound_text(c)
    if type(c) ~= "table" then error("zp.bound_text expects a constraint (a table), got " .. type(c), 2) end
    return view.bound_text(c, point(c))
  end
  zp.document("zp.bound_text", "zp.bound_text(c) -> the bound of constraint c as text, e.g. \"<= 5\"; a bound that is a function of the model is shown at the default point of the variant it applies to, marked *")
  view.entry_mt.__tostring = function(c)
    return view.listing({ c }, point) .. (c.note and ("\nnote: " .. c.note) or "")
  end
  view.entry_mt.__html = function(c) return view.listing_html({ c }, point) end

  --- m:check{ only = { "b->s mu mu", ... }, quiet = true, constraints = list }
  function core.model_methods.check(m, opts)
    if not core.is_model(m) then error("check: call it as m:check()", 2) end
    opts = opts or {}
    if type(opts) ~= "table" then error("check: options must be a table, got " .. type(opts), 2) end
    for k in pairs(opts) do
      if k ~= "only" and k ~= "quiet" and k ~= "constraints" then
        error("check: unknown option '" .. tostring(k) .. "' (expected only, quiet, constraints)", 2)
      end
    end
    local only
    if opts.only then
      if type(opts.only) == "string" then opts.only = { opts.only } end
      if type(opts.only) ~= "table" then
        error("check: only must be a constraint name or a list of names, got " .. type(opts.only), 2)
      end
      only = {}
      for i, n in ipairs(opts.only) do
        if type(n) ~= "string" then error("check: only[" .. i .. "] must be a constraint name, got " .. type(n), 2) end
        only[n] = true
      end
    end
    if opts.constraints ~= nil then
      if type(opts.constraints) ~= "table" or core.is_model(opts.constraints) then
        error("check: constraints must be a list of constraint tables, got " .. type(opts.constraints), 2)
      end
      for i, c in ipairs(opts.constraints) do
        if type(c) ~= "table" then error("check: constraints[" .. i .. "] must be a constraint table, got " .. type(c), 2) end
      end
    end
    local tags = tags_of(m)
    local rows = {}
    for _, c in ipairs(opts.constraints or zp.constraints) do
      if (only == nil or only[c.name] or only[c.observable]) and (only or applies(c, tags)) then
        rows[#rows + 1] = zp.evaluate_constraint(c, m)
      end
    end
    if only then
      for n in pairs(only) do
        local found = false
        for _, r in ipairs(rows) do if r.name == n or r.observable == n then found = true end end
        if not found then error("check: no constraint named '" .. n .. "' (zp.constraints lists them)", 2) end
      end
    end
    setmetatable(rows, result_mt)
    local pass = true
    for _, r in ipairs(rows) do pass = pass and r.pass end
    rows.all_pass = pass
    if not opts.quiet then print(render(rows)); if zp.printed then zp.printed(rows) end end
    return rows
  end
  zp.document("zp.check", [[m:check{ only = {...}, quiet = false } -> rows
  Evaluates every constraint of zp.constraints that applies to the model, prints an aligned
  table (value, unit, bound, CL, pass/fail, margin, pull in sigma) and returns the rows
  ({ name, value, unit, bound, pass, margin, pull, ref, ... }; rows.all_pass).
  margin: value/bound for upper and lower bounds, the position inside a window (0% at min,
  100% at max), |pull|/nsigma for a band; pull: distance from the bound (or centre) in sigma
  where an uncertainty is known.  only = { names or observables } restricts the list.]])
  zp.document("zp.constraints", [[zp.constraints -- the list m:check() and zp.scan{ constraints = true } use
  Each entry: { name, observable = "C9_bsmumu" | function(m), kind = "upper"|"lower"|"window"|"band",
  min/max (window, upper, lower), central/sigma/nsigma (band), sigma (optional pull for bounds),
  cl, ref, applies = { variant tags } }.  Bounds may be functions of the model.  Print it to list
  them; edit an entry in place (zp.constraint "B_s mixing".nsigma = 2), or use
  zp.add_constraint{...} (replaces one of the same name) and zp.remove_constraint "name".]])
  zp.document("zp.add_constraint", "zp.add_constraint{ name =, observable =, kind =, ... } -> c (checked; replaces an entry of the same name)")
  zp.document("zp.remove_constraint", "zp.remove_constraint(name) -> the removed entry")
  zp.document("zp.constraint", "zp.constraint(name) -> the entry of zp.constraints called name (editable), or nil")
end
