--- zp.scan: grid, list and seeded random scans over any parameters, observables and constraint
--- pass/fail columns out.  Rows are written as they are computed; an interrupt (Ctrl-C, SIGTERM)
--- leaves a file of complete rows that `resume = true` finishes; `chunk = "K/N"` (or --chunk K/N
--- on the command line) computes one deterministic slice, `jobs = N` (--jobs N) evaluates the
--- rows on N threads (registry observables of thread-safe modules, CSV out) or forks N workers
--- and merges their slices.  The result: res.columns, res.units, res[name] (arrays), res.n,
--- res.errors[i], res.axes, res.observables, res.file.
return function(zp)
  local core = zp.core
  local plan = require "zprime.scan.plan"
  local codec = require "zprime.io.csv"
  local batch = require "zprime.scan.batch"
  local setup = require "zprime.scan.setup"
  local scan_eval, fmt_row, now = core.scan_eval, core.fmt_row, core.now
  local NAN = 0 / 0
  local EMPTY = {}

  function zp.uniform(a, b)
    if type(a) ~= "number" or type(b) ~= "number" or not (a < b) or a == -math.huge or b == math.huge then
      error("zp.uniform(a, b) needs finite numbers a < b", 2)
    end
    return setmetatable({ a, b }, plan.DIST_MT)
  end
  function zp.loguniform(a, b)
    if type(a) ~= "number" or type(b) ~= "number" or not (a > 0 and a < b) or b == math.huge then
      error("zp.loguniform(a, b) needs finite numbers 0 < a < b", 2)
    end
    return setmetatable({ a, b, log = true }, plan.DIST_MT)
  end

  local function is_interrupt(e) return type(e) == "string" and e:find("interrupted!", 1, true) ~= nil end
  local clean, bad = setup.clean, function(msg) error("zp.scan: " .. msg, 0) end

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
            elseif err == nil then err = p.obs[j] .. ": " .. (ok and ("returned " .. type(r) .. ", not a number") or clean(r)) end
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
        if v == v and not cmodel[i] then
          pass = testers[i](nil, v) and 1 or 0      -- number bounds: cannot fail
        elseif v == v and pm then
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

  --- The result table.  With keep (no output file, or JSON), the columns are filled as rows
  --- are computed; otherwise they stay in the CSV file and are read back (in C) the first time
  --- a column or res.errors is used, so a long scan to a file holds no rows in memory.
  local function new_result(p, keep)
    local res = { columns = p.columns, units = p.units, n = 0, axes = {}, observables = p.obs,
                  header = p.header, constraints = p.pass_names }
    for k, a in ipairs(p.axes) do res.axes[k] = a.name end
    if keep then
      res.errors = {}
      for _, c in ipairs(p.columns) do res[c] = {} end
      return setmetatable(res, codec.result_mt)
    end
    return setmetatable(res, batch.lazy_mt(p))
  end

  --- Rows lo+1..hi as blocks evaluated in C: one call per block, the block's text written at
  --- once (no pending rows: an interrupt between blocks never writes anything twice).  Rows
  --- that stay in the file go onto it from C, on p.threads threads (jobs = N), in row order.
  local function block_rows(p, res, lo, hi, sink, progress)
    local plan, keep = p.cplan, rawget(res, "errors") ~= nil
    local cols = {}
    if keep then for j, c in ipairs(p.columns) do cols[j] = res[c] end end
    local direct, threads = not keep and sink.file, p.threads or 1
    -- blocks of about 20 ms (Ctrl-C and the progress bar stay responsive); written from C, a
    -- block holds no text in Lua and C stops at an interrupt itself: about 0.25 s (the progress
    -- bar's period), and the first block (the speed's measure) on one thread, as starting
    -- threads costs more than it gives; the blocks after it run on all threads, so they are
    -- sized for that (a scan of a few tens of ms then runs in one call, with no second start
    -- of the threads and no second drain at a block's end)
    local target, cap = direct and 0.25 or 0.02, direct and 1 << 24 or 65536
    local size, last, first = 64, now(), true
    return pcall(function()
      local r = lo + res.n
      while r < hi do
        local e = math.min(hi, r + size)
        local t0 = now()
        if direct then
          local n = plan:write(r, e, sink.file, first and 1 or threads)
          res.n = r + n - lo
          if r + n < e then error("interrupted!", 0) end
        else
          local text = keep and plan:block(r, e, cols, res.errors, lo) or plan:block(r, e)
          if sink.csv then sink.write(text) end
        end
        local speedup = (direct and first) and threads or 1
        r, first = e, false
        res.n = r - lo
        local t = now()
        local dt = t - t0
        size = math.max(16, math.min(cap, dt > 0 and math.floor(size * target / dt * speedup) or size * 4))
        if t - last > 0.25 then last = t; sink.flush(); progress(res.n) end
      end
    end)
  end

  --- Compute rows lo+1..hi into res (rows already in res are skipped), writing through sink.
  local function run_rows(p, res, lo, hi, sink, progress)
    if p.block then
      local ok, e = block_rows(p, res, lo, hi, sink, progress)
      sink.flush()
      return ok, e
    end
    local ncols = #p.columns
    local row, cols = {}, {}
    local keep = rawget(res, "errors") ~= nil
    if keep then for j, c in ipairs(p.columns) do cols[j] = res[c] end end
    local eval = point_evaluator(p, row)
    local kept, quote, errors, csv = p.kept, codec.quote, rawget(res, "errors"), sink.csv
    local last = now()
    local pending, np = {}, 0
    local function flush()
      -- the batch is taken before it is written: an interrupt during the write cannot
      -- make a later flush write it again
      local n = np
      np = 0
      if n > 0 then sink.write(table.concat(pending, "", 1, n)) end
      sink.flush()
    end
    local ok, e = pcall(function()
      for r = lo + res.n + 1, hi do
        local err = eval(kept and kept[r] or r - 1)
        local line = csv and fmt_row(row, ncols) .. (err and ("," .. quote(err) .. "\n") or ",\n")
        local i = r - lo
        if keep then
          for j = 1, ncols do cols[j][i] = row[j] end
          errors[i] = err
        end
        if csv then np = np + 1; pending[np] = line end
        res.n = i
        local t = now()
        if t - last > 0.25 then last = t; flush(); progress(i) end
      end
    end)
    flush()
    return ok, e
  end

  --- Rows of slice k/n (all rows when k is nil) of plan p, written to spec.out.
  local function run_slice(p, spec, k, n)
    local lo, hi = 0, p.npoints
    local header = p.header
    if k then
      lo, hi = plan.slice(p.npoints, k, n)
      header = {}
      for _, l in ipairs(p.header) do header[#header + 1] = l end
      header[#header + 1] = string.format("# chunk: %d/%d, rows %d-%d", k, n, lo + 1, hi)
    end
    local out = spec.out
    if out ~= nil and (type(out) ~= "string" or out == "") then bad("out must be a file name (.csv or .json)") end
    if out and k then out = plan.slice_path(out, k, n) end
    local res = new_result(p, out == nil or out:match("%.json$") ~= nil)
    res.header, res.chunk, res.file = header, k and (k .. "/" .. n) or nil, out
    local sink = batch.open_sink(out, spec.resume, header, res, p)
    local quiet = spec.quiet or not core.isatty(2)
    local progress = batch.progress(quiet, hi - lo, res.n)
    -- max_rows: compute at most that many new rows, then stop with a valid file (resume finishes it)
    local stop = hi
    if spec.max_rows ~= nil then stop = math.min(hi, lo + res.n + spec.max_rows) end
    local done, e = run_rows(p, res, lo, stop, sink, progress)
    sink.close(res)
    progress(res.n, true)
    res.file = out
    res.complete = lo + res.n >= hi
    if not done then
      if is_interrupt(e) then
        error(string.format("interrupted!: scan stopped after %d of %d rows%s", res.n, hi - lo,
          out and ("; " .. out .. " holds the complete rows (rerun with resume = true to finish)") or ""), 0)
      end
      error(e, 0)
    end
    return res
  end

  local function k_of(chunk) return chunk ~= nil and chunk ~= "" end

  function zp.scan(spec)
    if type(spec) ~= "table" then error("zp.scan expects a table of options { model =, over =, observe =, ... }", 2) end
    local ok, p = pcall(setup.make_plan, zp, spec)
    if not ok then error(p, 2) end
    local chunk, jobs = spec.chunk, spec.jobs
    if jobs ~= nil then
      jobs = math.tointeger(jobs)
      if not jobs or jobs < 1 or jobs > plan.MAX_JOBS then
        bad("jobs must be a whole number of worker processes from 1 to " .. plan.MAX_JOBS .. ", got " .. tostring(spec.jobs))
      end
    end
    if spec.max_rows ~= nil then
      local m = math.tointeger(spec.max_rows)
      if not m or m < 1 then bad("max_rows must be a whole number of rows >= 1, got " .. tostring(spec.max_rows)) end
      if type(spec.out) == "string" and spec.out:match("%.json$") then
        bad("max_rows needs a CSV output (or none): a JSON file is written whole and cannot be resumed")
      end
    end
    if chunk == nil and jobs == nil then chunk, jobs = plan.batch_args() end
    if spec.max_rows ~= nil and jobs and jobs > 1 and not k_of(chunk) then
      bad("max_rows runs in one process: it cannot be combined with jobs = " .. jobs)
    end
    local k, n = plan.parse_chunk(chunk)
    if jobs and jobs > 1 and not k then
      -- registry observables with fixed bounds to a CSV file: N threads of this process write
      -- the single-run file; anything else: N worker processes and a join of their slices
      if not (p.block and p.cplan:threadsafe() and type(spec.out) == "string" and not spec.out:match("%.json$")) then
        return batch.run_jobs(zp, spec, p, jobs, run_slice)
      end
      p.threads = jobs
    end
    return run_slice(p, spec, k, n)
  end

  zp.document("zp.scan", [[zp.scan{ model = m | variant = function(p) ... end, over = { name = values, ... },
          observe = { "C9_bsmumu", { "name", function(m) ... end, unit = "GeV" }, ... },
          constraints = true | { "b->s mu mu", ... }, where = function(p) return ... end,
          samples = n, seed = s, out = "scan.csv" | "scan.json", resume = true,
          chunk = "K/N", jobs = N, quiet = true, max_rows = n } -> res
  Axes: zp.range(a, b, n), zp.logrange(a, b, n), a list {...}, a number, or for random
  sampling zp.uniform(a, b) / zp.loguniform(a, b) with samples = n and seed.  A keyed `over`
  orders the axes as zp.params() does (the first varies slowest); { {"a", xs}, {"b", ys} }
  gives the order.  Columns: the axes, the observables, pass_<constraint> (1/0) and pass (all).
  A point that fails is recorded with NaN values and its message (res.errors[i], CSV column
  "error"); the scan goes on.  Rows are written as they are computed (registry observables and
  fixed bounds: a block of rows per call in C); Ctrl-C or SIGTERM leaves a valid file and
  resume = true finishes it (same bytes as an uninterrupted run); max_rows = n computes at most n
  new rows and returns (res.complete false until the last row is in).  Resume checks every row: a
  damaged row (not numbers, a zeroed block) is refused, rows holding other points' values
  (written twice, beyond the slice) are dropped and computed again.
  Batch: `zprime script.lua --chunk K/N` computes slice K of N (file out-KofN.csv);
  `zprime merge out-*.csv -o out.csv` joins the slices after checking every row's fields and
  axis values; --jobs N evaluates the rows on N threads of this process when every column is a
  registry value of a thread-safe module (flavour, widths, Z decays, a_mu, b->s l l) with fixed
  bounds and out is a CSV (the same file byte for byte), else runs N worker processes and joins
  their slices.  res.columns,
  res.units, res[name], res.n, res.errors, res.axes, res.file; with a CSV out the columns are
  read back from the file when first used (a long scan holds no rows in memory).
  zp.plot(res) draws it.]])
  zp.document("zp.uniform", "zp.uniform(a, b) -> a random axis for zp.scan{ samples = n, seed = s }")
  zp.document("zp.loguniform", "zp.loguniform(a, b) -> a log-uniform random axis for zp.scan{ samples = n, seed = s }")
end
