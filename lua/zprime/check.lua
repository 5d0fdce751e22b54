--- m:check(): evaluate the constraints that apply to a model; print an aligned table and
--- return the rows as data.  zp.constraints is the editable list (see zprime.constraints).
return function(zp)
  local core = zp.core
  zp.constraints = require("zprime.constraints").list

  local function tags_of(m)
    local meta = core.meta(m)
    return (meta and meta.tags) or { "model" }
  end

  local function applies(c, tags)
    if c.applies == nil then return true end
    for _, a in ipairs(c.applies) do
      for _, t in ipairs(tags) do if a == t then return true end end
    end
    return false
  end

  local function val(x, m)
    if type(x) == "function" then return x(m) end
    return x
  end

  local function fmt(x)
    if x == nil then return "" end
    if type(x) ~= "number" then return tostring(x) end
    return string.format("%.4g", x)
  end

  --- Evaluate one constraint c on model m -> row table.
  function zp.evaluate_constraint(c, m)
    local row = { name = c.name, cl = c.cl or "", ref = c.ref or "", kind = c.kind, area = c.area }
    local ok, v = pcall(function()
      if type(c.observable) == "function" then return c.observable(m) end
      return m[c.observable]
    end)
    row.observable = type(c.observable) == "string" and c.observable or c.name
    local info = type(c.observable) == "string" and core.info(c.observable) or nil
    row.unit = c.unit or (info and info.unit) or "1"
    if row.unit == "1" then row.unit = "" end
    if not ok then
      row.error = tostring(v):gsub("^.-:%d+: ", "")
      row.pass = false
      row.bound = ""
      return row
    end
    row.value = v
    local kind = c.kind
    if kind == "upper" then
      local max = val(c.max, m)
      row.bound, row.pass = "<= " .. fmt(max), v <= max
      row.margin = v / max
      local s = val(c.sigma, m)
      if s and s > 0 then row.pull = (v - max) / s end
    elseif kind == "lower" then
      local min = val(c.min, m)
      row.bound, row.pass = ">= " .. fmt(min), v >= min
      row.margin = v / min
      local s = val(c.sigma, m)
      if s and s > 0 then row.pull = (min - v) / s end
    elseif kind == "window" then
      local min, max = val(c.min, m), val(c.max, m)
      row.bound, row.pass = "[" .. fmt(min) .. ", " .. fmt(max) .. "]", v >= min and v <= max
      -- margin: position in the window, 0 at min, 1 at max
      row.margin = (v - min) / (max - min)
    elseif kind == "band" then
      local c0, s, n = val(c.central, m), val(c.sigma, m), val(c.nsigma, m) or 1
      row.bound = fmt(c0) .. " +- " .. fmt(n * s)
      row.pull = (v - c0) / s
      row.pass = math.abs(row.pull) <= n
      row.margin = math.abs(row.pull) / n
    else
      error("constraint '" .. tostring(c.name) .. "': unknown kind '" .. tostring(kind) ..
        "' (expected upper, lower, window or band)")
    end
    return row
  end

  local function render(rows)
    local head = { "constraint", "value", "unit", "bound", "CL", "status", "margin", "pull" }
    local cells = { head }
    for _, r in ipairs(rows) do
      local margin = ""
      if r.margin then
        if r.kind == "window" then margin = string.format("%.0f%% of window", 100 * r.margin)
        elseif r.kind == "band" then margin = string.format("%.2f of allowed", r.margin)
        else margin = string.format("%.3g x bound", r.margin) end
      end
      cells[#cells + 1] = {
        r.name, r.error and "error" or fmt(r.value), r.unit, r.bound, r.cl,
        r.error and "ERROR" or (r.pass and "pass" or "FAIL"), margin,
        r.pull and string.format("%+.2f sigma", r.pull) or "",
      }
    end
    local w = {}
    for _, row in ipairs(cells) do
      for j, s in ipairs(row) do w[j] = math.max(w[j] or 0, #s) end
    end
    local out = {}
    for i, row in ipairs(cells) do
      local parts = {}
      for j, s in ipairs(row) do
        parts[j] = (j == 2) and string.rep(" ", w[j] - #s) .. s or s .. string.rep(" ", w[j] - #s)
      end
      out[#out + 1] = table.concat(parts, "  "):gsub("%s+$", "")
      if i == 1 then out[#out + 1] = string.rep("-", #out[1]) end
    end
    for _, r in ipairs(rows) do
      if r.error then out[#out + 1] = "  " .. r.name .. ": " .. r.error end
    end
    local npass = 0
    for _, r in ipairs(rows) do if r.pass then npass = npass + 1 end end
    out[#out + 1] = string.format("%d of %d constraints pass", npass, #rows)
    return table.concat(out, "\n")
  end

  local result_mt = { __tostring = render, __zp_printed = true }

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
      only = {}
      for _, n in ipairs(opts.only) do only[n] = true end
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
        if not found then error("check: no constraint named '" .. n .. "'", 2) end
      end
    end
    setmetatable(rows, result_mt)
    local pass = true
    for _, r in ipairs(rows) do pass = pass and r.pass end
    rows.all_pass = pass
    if not opts.quiet then print(render(rows)) end
    return rows
  end
  zp.document("zp.check", [[m:check{ only = {...}, quiet = false } -> rows
  Evaluates every constraint of zp.constraints that applies to the model, prints an aligned
  table (value, unit, bound, CL, pass/fail, margin, pull in sigma) and returns the rows
  ({ name, value, unit, bound, pass, margin, pull, ref, ... }; rows.all_pass).]])
end
