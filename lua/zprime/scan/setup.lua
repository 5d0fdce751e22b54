--- The plan of a zp.scan call: options checked, axes and points, observables (registry codes or
--- functions), constraints with their fast testers, columns, units and the identifying header.
local core = require "zprime.core"
local plan = require "zprime.scan.plan"

local M = {}

local OPTIONS = { model = true, variant = true, over = true, observe = true, constraints = true,
                  where = true, samples = true, seed = true, out = true, chunk = true, jobs = true,
                  resume = true, quiet = true, max_rows = true }

function M.clean(e) return (tostring(e):gsub("^[^\n]-:%d+: ", "")) end
local function bad(msg) error("zp.scan: " .. msg, 0) end

function M.callable(f)
  if type(f) == "function" then return true end
  local mt = getmetatable(f)
  return type(mt) == "table" and mt.__call ~= nil
end

--- Observable entries: "name" or { "name", function(m) ... end, unit = "..." }.
local function add_observables(p, observe)
  if observe == nil then observe = {} end
  if type(observe) == "string" then observe = { observe } end
  if type(observe) ~= "table" then bad("observe must be a list of observable names, got " .. type(observe)) end
  for i, o in ipairs(observe) do
    local name, fn, unit
    if type(o) == "string" then
      name = o
      local code = core.names[o]
      if code then
        p.slot[#p.obs + 1] = p.code_slot(code)
        local info = core.info(o)
        unit = info.unit
      elseif (core.info(o) or {}).nargs then
        local info = core.info(o)
        bad("'" .. o .. "' takes arguments (" .. info.args .. "): observe it as { \"" .. o ..
          "_x\", function(m) return m:" .. o .. "(x) end }")
      elseif p.generic then
        if p.base then
          local ok, e = pcall(function() return p.base[o] end)
          if not ok and tostring(e):find("unknown", 1, true) then bad(M.clean(e)) end
        end
        fn = function(m) return m[name] end
        unit = "1"
      else
        local s = core.suggest(o)
        bad("unknown observable '" .. o .. "'" .. (s and (" (did you mean '" .. s .. "'?)") or ""))
      end
    elseif type(o) == "table" and type(o[1]) == "string" and M.callable(o[2]) then
      name, fn, unit = o[1], o[2], o.unit or "1"
    else
      bad("observe[" .. i .. "] must be a name or { \"name\", function(m) ... end, unit = \"...\" }")
    end
    p.obs[#p.obs + 1] = name
    p.obsfn[#p.obs] = fn
    p.units[name] = unit
  end
end

--- A copy of c with its bound functions replaced by their values when they read only
--- parameters that the scan does not vary (e.g. DeltaM_s_exp): the per-point test then needs
--- no model object.  Otherwise c itself.
local function freeze(c, p)
  if not p.fast then return c end
  local scanned = {}
  for _, a in ipairs(p.axes) do scanned[a.name] = true end
  local copy = {}
  for k, v in pairs(c) do copy[k] = v end
  for _, f in ipairs({ "min", "max", "central", "sigma", "nsigma" }) do
    if type(c[f]) == "function" then
      local safe = true
      local proxy = setmetatable({}, { __index = function(_, k)
        local code = core.names[k]
        if not code or code >= core.nparams or scanned[k] then safe = false end
        return p.base[k]
      end })
      local ok, v = pcall(c[f], proxy)
      if not (ok and safe and type(v) == "number") then return c end
      copy[f] = v
    end
  end
  return copy
end

local function add_constraints(zp, p, sel, probe)
  local ok, list = pcall(zp.select_constraints, probe, sel)
  if not ok then bad(M.clean(list)) end
  p.constraints, p.pass_names, p.constraint_text = list, {}, {}
  p.testers, p.cslot, p.cfn, p.cmodel, p.frozen = {}, {}, {}, {}, {}
  local used = {}
  for i, c in ipairs(list) do
    local base = "pass_" .. tostring(c.name):gsub("[^%w]+", "_"):gsub("^_+", ""):gsub("_+$", "")
    local name, k = base, 1
    while used[name] do k = k + 1; name = base .. "_" .. k end
    used[name] = true
    p.pass_names[i] = name
    local fc = freeze(c, p)
    p.frozen[i] = fc
    p.testers[i] = zp.constraint_tester(fc)
    p.cmodel[i] = zp.constraint_needs_model(fc)
    if type(c.observable) == "string" then p.cslot[i] = p.code_slot(core.names[c.observable])
    else p.cfn[i] = c.observable end
    local r
    -- bounds fixed over the scan are written as numbers; one that may vary with the point is
    -- written as its value at the first point, marked "at point 1"
    local function b(x)
      if type(x) ~= "function" then return core.fmt_num(x) end
      local okv, v = pcall(x, probe)
      return (okv and type(v) == "number") and (core.fmt_num(v) .. " at point 1") or "f(m)"
    end
    local o = type(c.observable) == "string" and c.observable or (c.quantity or "f(m)")
    if c.kind == "upper" then r = o .. " <= " .. b(fc.max)
    elseif c.kind == "lower" then r = o .. " >= " .. b(fc.min)
    elseif c.kind == "window" then r = o .. " in [" .. b(fc.min) .. ", " .. b(fc.max) .. "]"
    else r = o .. " = " .. b(fc.central) .. " +- " .. b(fc.nsigma or 1) .. " x " .. b(fc.sigma) end
    p.constraint_text[i] = r
  end
end

--- Everything about a scan that does not depend on the slice.
function M.make_plan(zp, spec)
  for k in pairs(spec) do
    if not OPTIONS[k] then
      local names = {}
      for o in pairs(OPTIONS) do names[#names + 1] = o end
      table.sort(names)
      local s = plan.suggest(tostring(k), names)
      bad("unknown option '" .. tostring(k) .. "'" .. (s and (" (did you mean '" .. s .. "'?)") or "") ..
        " (options: " .. table.concat(names, ", ") .. ")")
    end
  end
  if spec.model ~= nil and spec.variant ~= nil then bad("give model or variant, not both") end
  if spec.variant ~= nil and not M.callable(spec.variant) then
    bad("variant must be a function of the point (a table of axis values) returning a model")
  end
  local base = spec.model
  if base == nil and spec.variant == nil then base = zp.model() end
  if base ~= nil and not core.is_model(base) then bad("model must be a zprime model (zp.model{...}), got " .. type(base)) end
  local meta = base and core.meta(base)
  local p = { base = base, variant = spec.variant, obs = {}, obsfn = {}, slot = {}, units = {},
              codes = {}, fast = base ~= nil and not (meta and meta.rederive) }
  p.generic = base == nil or meta ~= nil
  p.axes = plan.axes(spec.over)
  p.total, p.fill, p.seed = plan.points(p.axes, spec.samples, spec.seed)
  p.pidx = {}
  for k, a in ipairs(p.axes) do
    local code = core.names[a.name]
    if p.fast then
      if not code or code >= core.nparams then
        local s = core.suggest(a.name)
        bad("'" .. a.name .. "' is not a parameter of the model" .. (s and (" (did you mean '" .. s .. "'?)") or "") ..
          (code and " (it is an observable: put it in observe)" or "") ..
          "; variant inputs such as nq are scanned with a variant model or variant = function(p) ... end")
      end
      p.pidx[k] = code
    end
    local info = core.info(a.name)
    p.units[a.name] = info and info.kind == "parameter" and info.unit or "1"
  end
  local slots = {}
  function p.code_slot(code)
    if not slots[code] then p.codes[#p.codes + 1] = code; slots[code] = #p.codes end
    return slots[code]
  end
  add_observables(p, spec.observe)
  local probe = base
  if base == nil and spec.constraints ~= nil and spec.constraints ~= false then
    local vals, pt = {}, {}
    p.fill(0, vals)
    for k, a in ipairs(p.axes) do pt[a.name] = vals[k] end
    local ok, m = pcall(spec.variant, pt)
    probe = ok and core.is_model(m) and m or nil
  end
  add_constraints(zp, p, spec.constraints, probe)
  if #p.obs == 0 and #p.constraints == 0 then bad("nothing to compute: give observe = { ... } and/or constraints = true") end
  p.needs_model = false
  for _ in pairs(p.obsfn) do p.needs_model = true end
  for i in ipairs(p.constraints) do p.needs_model = p.needs_model or p.cmodel[i] end
  p.columns = {}
  for _, a in ipairs(p.axes) do p.columns[#p.columns + 1] = a.name end
  for _, o in ipairs(p.obs) do p.columns[#p.columns + 1] = o end
  for _, n in ipairs(p.pass_names) do p.columns[#p.columns + 1] = n; p.units[n] = "1" end
  if #p.constraints > 0 then p.columns[#p.columns + 1] = "pass"; p.units.pass = "1" end
  local seen = {}
  for _, c in ipairs(p.columns) do
    if seen[c] then bad("column '" .. c .. "' appears twice (an axis observed too?)") end
    seen[c] = true
  end
  if spec.where ~= nil then
    if not M.callable(spec.where) then bad("where must be a function of the point returning true to keep it") end
    local kept, vals = {}, {}
    for t = 0, p.total - 1 do
      p.fill(t, vals)
      local pt = {}
      for k, a in ipairs(p.axes) do pt[a.name] = vals[k] end
      if spec.where(pt) then kept[#kept + 1] = t end
    end
    p.kept = kept
  end
  p.npoints = p.kept and #p.kept or p.total
  p.block = p.fast and not p.needs_model
  p.cplan = M.c_plan(zp, p)
  p.header = plan.header(p)
  return p
end

local TEST_KIND = { upper = 0, lower = 1, window = 2 }

--- The C plan of the scan (core.scan_plan): it generates the points exactly as plan.points does
--- and checks rows read back.  When every column is a registry value with fixed bounds
--- (p.block), plan:block also evaluates whole blocks of rows; otherwise it only checks rows.
function M.c_plan(zp, p)
  local axes = {}
  for k, a in ipairs(p.axes) do
    local param = p.pidx[k] or 0 -- variant inputs: the points only, no parameter is set
    if a.dist then axes[k] = { param = param, a = a.dist[1], b = a.dist[2], log = a.dist.log }
    else axes[k] = { param = param, values = a.values } end
  end
  local spec = { model = p.base or zp.model(), axes = axes, random = p.seed ~= nil, seed = p.seed,
                 samples = p.seed and p.total or nil, kept = p.kept }
  if p.block then
    spec.codes, spec.obs_slot, spec.tests = p.codes, {}, {}
    for j = 1, #p.obs do spec.obs_slot[j] = p.slot[j] - 1 end
    for i, c in ipairs(p.frozen) do
      local kind = TEST_KIND[c.kind]
      local t = { slot = p.cslot[i] - 1, kind = kind or 3, a = c.min, b = c.max }
      if not kind then t.a, t.b = c.central, (c.nsigma or 1) * c.sigma end
      spec.tests[i] = t
    end
  else -- a checker only: the same number of columns, no values
    spec.codes, spec.obs_slot, spec.tests = { 0 }, {}, {}
    for j = 1, #p.obs do spec.obs_slot[j] = 0 end
    for i = 1, #p.constraints do spec.tests[i] = { slot = 0, kind = 0, b = 0 } end
  end
  return core.scan_plan(spec)
end

return M
