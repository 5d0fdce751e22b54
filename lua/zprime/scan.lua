--- zp.scan: grid, list and seeded random scans over any parameters, observables and constraint
--- pass/fail columns out.  Rows are written as they are computed; an interrupt (Ctrl-C, SIGTERM)
--- leaves a file of complete rows that `resume = true` finishes; `chunk = "K/N"` (or --chunk K/N
--- on the command line) computes one deterministic slice, `jobs = N` (--jobs N) forks N workers
--- and merges their slices.  The result: res.columns, res.units, res[name] (arrays), res.n,
--- res.errors[i], res.axes, res.observables, res.file.
return function(zp)
  local core = zp.core
  local plan = require "zprime.scan_plan"
  local codec = require "zprime.csv"
  local batch = require "zprime.scan_batch"
  local scan_eval, fmt_row, now = core.scan_eval, core.fmt_row, core.now
  local NAN = 0 / 0
  local EMPTY = {}

  function zp.uniform(a, b)
    if type(a) ~= "number" or type(b) ~= "number" or not (a < b) then
      error("zp.uniform(a, b) needs numbers a < b", 2)
    end
    return setmetatable({ a, b }, plan.DIST_MT)
  end
  function zp.loguniform(a, b)
    if type(a) ~= "number" or type(b) ~= "number" or not (a > 0 and a < b) then
      error("zp.loguniform(a, b) needs numbers 0 < a < b", 2)
    end
    return setmetatable({ a, b, log = true }, plan.DIST_MT)
  end

  local OPTIONS = { model = true, variant = true, over = true, observe = true, constraints = true,
                    where = true, samples = true, seed = true, out = true, chunk = true, jobs = true,
                    resume = true, quiet = true }

  local function is_interrupt(e) return type(e) == "string" and e:find("interrupted!", 1, true) ~= nil end
  local function clean(e) return (tostring(e):gsub("^[^\n]-:%d+: ", "")) end
  local function bad(msg) error("zp.scan: " .. msg, 0) end

  local function callable(f)
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
        elseif p.generic then
          fn = function(m) return m[name] end
          unit = "1"
        else
          local info = core.info(o)
          if info and info.nargs and info.nargs > 0 then
            bad("'" .. o .. "' takes arguments (" .. info.args .. "): observe it as { \"" .. o ..
              "_x\", function(m) return m:" .. o .. "(x) end }")
          end
          local s = core.suggest(o)
          bad("unknown observable '" .. o .. "'" .. (s and (" (did you mean '" .. s .. "'?)") or ""))
        end
      elseif type(o) == "table" and type(o[1]) == "string" and callable(o[2]) then
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

  local function add_constraints(p, sel, probe)
    local ok, list = pcall(zp.select_constraints, probe, sel)
    if not ok then bad(clean(list)) end
    p.constraints, p.pass_names, p.constraint_text = list, {}, {}
    p.testers, p.cslot, p.cfn, p.cmodel = {}, {}, {}, {}
    local used = {}
    for i, c in ipairs(list) do
      local base = "pass_" .. tostring(c.name):gsub("[^%w]+", "_"):gsub("^_+", ""):gsub("_+$", "")
      local name, k = base, 1
      while used[name] do k = k + 1; name = base .. "_" .. k end
      used[name] = true
      p.pass_names[i] = name
      local fc = freeze(c, p)
      p.testers[i] = zp.constraint_tester(fc)
      p.cmodel[i] = zp.constraint_needs_model(fc)
      if type(c.observable) == "string" then p.cslot[i] = p.code_slot(core.names[c.observable])
      else p.cfn[i] = c.observable end
      local r
      local function b(x) return type(x) == "function" and "f(m)" or core.fmt_num(x) end
      local o = type(c.observable) == "string" and c.observable or "f(m)"
      if c.kind == "upper" then r = o .. " <= " .. b(c.max)
      elseif c.kind == "lower" then r = o .. " >= " .. b(c.min)
      elseif c.kind == "window" then r = o .. " in [" .. b(c.min) .. ", " .. b(c.max) .. "]"
      else r = o .. " = " .. b(c.central) .. " +- " .. b(c.nsigma or 1) .. " x " .. b(c.sigma) end
      p.constraint_text[i] = r
    end
  end

  --- Everything about a scan that does not depend on the slice.
  local function make_plan(spec)
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
    if spec.variant ~= nil and not callable(spec.variant) then
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
    add_constraints(p, spec.constraints, probe)
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
      if not callable(spec.where) then bad("where must be a function of the point returning true to keep it") end
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
    p.header = plan.header(p)
    return p
  end

  --- The function that computes one point into row (an array of the column values).
  local function point_evaluator(p, row)
    local d, vals, out = #p.axes, {}, {}
    local nobs, ncons = #p.obs, #p.constraints
    local fill, base, pidx, codes, want = p.fill, p.base, p.pidx, p.codes, p.needs_model
    local make = p.variant or (base and function(pt) return base:with(pt) end)
    local names = {}
    for k, a in ipairs(p.axes) do names[k] = a.name end
    local obsfn, slot, testers, cslot, cfn, cmodel = p.obsfn, p.slot, p.testers, p.cslot, p.cfn, p.cmodel
    return function(t)
      fill(t, vals)
      local pm, err
      if p.fast then
        pm, err = scan_eval(base, pidx, vals, codes, out, want)
      else
        local pt = {}
        for k = 1, d do pt[names[k]] = vals[k] end
        local ok, m = pcall(make, pt)
        if ok and core.is_model(m) then
          pm = m
          local _
          _, err = scan_eval(pm, EMPTY, EMPTY, codes, out, false)
        else
          if is_interrupt(m) then error(m, 0) end
          err = ok and "the variant function returned " .. type(m) .. ", not a model" or clean(m)
          for k = 1, #codes do out[k] = NAN end
        end
      end
      for k = 1, d do row[k] = vals[k] end
      for j = 1, nobs do
        local f = obsfn[j]
        if f then
          local v = NAN
          if pm then
            local ok, r = pcall(f, pm)
            if ok and type(r) == "number" then v = r
            elseif not ok and is_interrupt(r) then error(r, 0)
            elseif err == nil then err = p.obs[j] .. ": " .. (ok and ("returned " .. type(r)) or clean(r)) end
          end
          row[d + j] = v
        else
          row[d + j] = out[slot[j]]
        end
      end
      local all = ncons > 0 and 1 or nil
      for i = 1, ncons do
        local v = NAN
        if cfn[i] then
          if pm then
            local ok, r = pcall(cfn[i], pm)
            if ok and type(r) == "number" then v = r elseif not ok and is_interrupt(r) then error(r, 0) end
          end
        else
          v = out[cslot[i]]
        end
        local pass = NAN
        if v == v and (pm or not cmodel[i]) then
          local ok, r = pcall(testers[i], pm, v)
          if ok then pass = r and 1 or 0 elseif is_interrupt(r) then error(r, 0) end
        end
        if pass ~= 1 then all = 0 end
        row[d + nobs + i] = pass
      end
      if all then row[d + nobs + ncons + 1] = all end
      return err
    end
  end

  local function new_result(p)
    local res = { columns = p.columns, units = p.units, errors = {}, n = 0, axes = {}, observables = p.obs,
                  header = p.header, constraints = p.pass_names }
    for k, a in ipairs(p.axes) do res.axes[k] = a.name end
    for _, c in ipairs(p.columns) do res[c] = {} end
    return setmetatable(res, codec.result_mt)
  end

  --- Compute rows lo+1..hi into res (rows already in res are skipped), writing through sink.
  local function run_rows(p, res, lo, hi, sink, progress)
    local ncols = #p.columns
    local row, cols = {}, {}
    for j, c in ipairs(p.columns) do cols[j] = res[c] end
    local eval = point_evaluator(p, row)
    local kept, quote, errors, csv = p.kept, codec.quote, res.errors, sink.csv
    local last = now()
    local pending, np = {}, 0
    local function flush()
      if np > 0 then sink.write(table.concat(pending, "", 1, np)); np = 0 end
      sink.flush()
    end
    local ok, e = pcall(function()
      for r = lo + res.n + 1, hi do
        local err = eval(kept and kept[r] or r - 1)
        local line = csv and fmt_row(row, ncols) .. (err and ("," .. quote(err) .. "\n") or ",\n")
        local i = r - lo
        for j = 1, ncols do cols[j][i] = row[j] end
        errors[i] = err
        if csv then np = np + 1; pending[np] = line end
        res.n = i
        local t = now()
        if t - last > 0.25 then last = t; flush(); progress(i) end
      end
    end)
    flush()
    return ok, e
  end

  function zp.scan(spec)
    if type(spec) ~= "table" then error("zp.scan expects a table of options { model =, over =, observe =, ... }", 2) end
    local ok, p = pcall(make_plan, spec)
    if not ok then error(p, 2) end
    local chunk, jobs = spec.chunk, spec.jobs
    if chunk == nil and jobs == nil then chunk, jobs = plan.batch_args() end
    local k, n = plan.parse_chunk(chunk)
    if jobs and jobs > 1 and not k then return batch.run_jobs(zp, spec, p, jobs) end
    local lo, hi = 0, p.npoints
    local header = p.header
    if k then
      lo, hi = plan.slice(p.npoints, k, n)
      header = {}
      for _, l in ipairs(p.header) do header[#header + 1] = l end
      header[#header + 1] = string.format("# chunk: %d/%d, rows %d-%d", k, n, lo + 1, hi)
    end
    local out = spec.out
    if out ~= nil and type(out) ~= "string" then bad("out must be a file name (.csv or .json)") end
    if out and k then out = plan.slice_path(out, k, n) end
    local res = new_result(p)
    res.header, res.chunk = header, k and (k .. "/" .. n) or nil
    local sink = batch.open_sink(out, spec.resume, header, res, p)
    local quiet = spec.quiet or not core.isatty(2)
    local progress = batch.progress(quiet, hi - lo, res.n)
    local done, e = run_rows(p, res, lo, hi, sink, progress)
    sink.close(res)
    progress(res.n, true)
    res.file = out
    if not done then
      if is_interrupt(e) then
        error(string.format("interrupted!: scan stopped after %d of %d rows%s", res.n, hi - lo,
          out and ("; " .. out .. " holds the complete rows (rerun with resume = true to finish)") or ""), 0)
      end
      error(e, 0)
    end
    return res
  end

  zp.document("zp.scan", [[zp.scan{ model = m | variant = function(p) ... end, over = { name = values, ... },
          observe = { "C9_bsmumu", { "name", function(m) ... end, unit = "GeV" }, ... },
          constraints = true | { "b->s mu mu", ... }, where = function(p) return ... end,
          samples = n, seed = s, out = "scan.csv" | "scan.json", resume = true,
          chunk = "K/N", jobs = N, quiet = true } -> res
  Axes: zp.range(a, b, n), zp.logrange(a, b, n), a list {...}, a number, or for random
  sampling zp.uniform(a, b) / zp.loguniform(a, b) with samples = n and seed.  A keyed `over`
  orders the axes as zp.params() does (the first varies slowest); { {"a", xs}, {"b", ys} }
  gives the order.  Columns: the axes, the observables, pass_<constraint> (1/0) and pass (all).
  A point that fails is recorded with NaN values and its message (res.errors[i], CSV column
  "error"); the scan goes on.  Rows are written as they are computed; Ctrl-C or SIGTERM leaves a
  valid file and resume = true finishes it (same bytes as an uninterrupted run).
  Batch: `zprime script.lua --chunk K/N` computes slice K of N (file out-KofN.csv);
  `zprime merge out-*.csv -o out.csv` joins the slices; --jobs N runs N worker processes and
  merges.  res.columns, res.units, res[name], res.n, res.errors, res.axes, res.file;
  zp.plot(res) draws it.]])
  zp.document("zp.uniform", "zp.uniform(a, b) -> a random axis for zp.scan{ samples = n, seed = s }")
  zp.document("zp.loguniform", "zp.loguniform(a, b) -> a log-uniform random axis for zp.scan{ samples = n, seed = s }")
end
