--- Output, progress and worker processes of zp.scan: a sink that writes CSV rows as they come
--- (or JSON at the end) and resumes an interrupted file, a progress bar for terminals, and
--- `jobs = N` (fork N workers on slices K/N, then merge).
local core = require "zprime.core"
local codec = require "zprime.io.csv"
local plan = require "zprime.scan.plan"

local M = {}

local function bad(msg) error("zp.scan: " .. msg, 0) end

local function ensure_dir(path)
  local dir = path:match("^(.*)/[^/]*$")
  -- no shell (a name may start with "-" or hold quotes); a failure shows when the file is opened
  if dir and dir ~= "" then pcall(require("zprime.fs").mkdir_p, dir) end
end

local function read_all(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local t = f:read("a")
  f:close()
  return t
end

--- Write text to path through a temporary file and a rename (never a half-written file).
local function write_atomic(path, text)
  local tmp = path .. ".tmp"
  local f, err = io.open(tmp, "wb")
  if not f then bad("cannot write " .. tostring(err)) end
  f:write(text)
  f:close()
  local ok, rerr = os.rename(tmp, path)
  if not ok then bad("cannot rename " .. tmp .. " to " .. path .. ": " .. tostring(rerr)) end
end
M.write_atomic = write_atomic

local function head_lines(header, p)
  local names = {}
  for i, c in ipairs(p.columns) do names[i] = codec.quote(c) end
  names[#names + 1] = "error"
  local h = {}
  for _, l in ipairs(header) do h[#h + 1] = l end
  h[#h + 1] = codec.units_line(p.columns, p.units)
  h[#h + 1] = table.concat(names, ",")
  return h
end

--- Byte position of the first row in text (after n lines), or nil.
local function skip_lines(text, n)
  local pos = 1
  for _ = 1, n do
    local e = text:find("\n", pos, true)
    if not e then return nil end
    pos = e + 1
  end
  return pos
end

--- Read the columns of a scan result written to its CSV file (once, in C) into res.
local function load_rows(res, p)
  local path = rawget(res, "file")
  local text = path and read_all(path)
  local pos = text and skip_lines(text, #res.header + 2)
  if not pos then bad("the rows of this result were written to " .. tostring(path) .. ", which can no longer be read") end
  local head = table.concat(head_lines(res.header, p), "\n") .. "\n"
  if text:sub(1, #head) ~= head then
    bad(path .. " no longer holds this scan (its header changed since the scan wrote it)")
  end
  local cols, errors = {}, {}
  for j, c in ipairs(res.columns) do cols[j] = {}; rawset(res, c, cols[j]) end
  local n, _, kind, col, msg = core.csv_rows(text, pos, #res.columns, res.n, cols, errors, 0)
  if kind or n ~= res.n then
    bad(path .. " changed since the scan wrote it: row " .. (n + 1) .. (kind and kind ~= "extra" and
      (", column " .. (res.columns[col] or "error") .. " " .. msg) or ("; it holds " .. n .. " of " .. res.n .. " rows")))
  end
  rawset(res, "errors", errors)
end

--- The result of a finished scan written to the CSV file out (rows read when first used).
function M.file_result(p, out)
  local res = { columns = p.columns, units = p.units, n = p.npoints, axes = {}, observables = p.obs,
                header = p.header, constraints = p.pass_names, file = out }
  for k, a in ipairs(p.axes) do res.axes[k] = a.name end
  return setmetatable(res, M.lazy_mt(p))
end

--- Metatable of a result whose rows stay in its CSV file until a column is used.
function M.lazy_mt(p)
  local want = { errors = true }
  for _, c in ipairs(p.columns) do want[c] = true end
  local mt = {}
  for k, v in pairs(codec.result_mt) do mt[k] = v end
  local methods = codec.result_mt.__index
  mt.__index = function(res, k)
    if want[k] and rawget(res, "errors") == nil then
      load_rows(res, p)
      return rawget(res, k)
    end
    return methods[k]
  end
  return mt
end

--- Check the rows of an earlier run of the same scan (every field, every row's axis values
--- against its index); returns the text to keep (header and verified rows) and sets res.n.
--- A damaged row (not numbers as zprime writes them: a zeroed block, text, a missing field)
--- is refused; rows that belong to other points (written twice, out of place) or beyond the
--- slice are dropped with a warning and computed again.
local function resume_csv(out, text, head, res, p, lo, expected)
  local pos, lineno = 1, 0
  for _, want in ipairs(head) do
    local e = text:find("\n", pos, true)
    if not e then return nil end -- stopped inside the header: start afresh
    local got = text:sub(pos, e - 1)
    lineno = lineno + 1
    if got ~= want then
      bad("cannot resume: " .. out .. " was written by a different scan (line " .. lineno .. " is '" ..
        got:sub(1, 80) .. "', expected '" .. want:sub(1, 80) .. "'); remove it or write elsewhere")
    end
    pos = e + 1
  end
  local n, nextpos, kind, col, msg = p.cplan:check(text, pos, lo, expected)
  local where = function() return "line " .. (#head + n + 1) .. " (row " .. (n + 1) .. ")" end
  local colname = col and (p.columns[col] or (col == 0 and "(whole row)" or "error"))
  if kind == "damaged" then
    bad("cannot resume: " .. out .. " " .. where() .. ", column " .. colname .. " " .. msg ..
      "; the file is damaged: remove it or write elsewhere")
  elseif kind == "mismatch" then
    io.stderr:write("zp.scan: resume: ", out, " ", where(), ", column ", colname, " ", msg,
      "; keeping the ", n, " rows before it and computing the rest again\n")
  elseif kind == "extra" then
    io.stderr:write("zp.scan: resume: ", out, " holds more than the ", expected,
      " rows of this slice; keeping the ", n, " verified rows\n")
  end
  res.n = n
  return text:sub(1, nextpos - 1)
end

--- The rows of a resumed JSON scan checked as resume_csv checks CSV rows: every column holds
--- res.n numbers, and rows whose axis values are not those of their point (and all after
--- them) are dropped and computed again.
local function resume_json_check(out, res, p)
  local lo, hi = 0, p.npoints
  if res.chunk then local k, n = plan.parse_chunk(res.chunk); lo, hi = plan.slice(p.npoints, k, n) end
  if res.n < 0 or res.n > hi - lo then
    io.stderr:write("zp.scan: resume: ", out, " says ", res.n, " rows, this slice has ", hi - lo, "; starting afresh\n")
    res.n = 0
  end
  for j, c in ipairs(p.columns) do
    local col = res[c]
    for i = 1, res.n do
      if type(col[i]) ~= "number" then
        bad("cannot resume: " .. out .. " row " .. i .. ", column " .. c .. " is " .. tostring(col[i]) ..
          ", not a number; the file is damaged: remove it or write elsewhere")
      end
    end
    if j <= #p.axes then
      for i = 1, res.n do
        if col[i] ~= p.cplan:point(lo + i - 1)[j] then
          io.stderr:write("zp.scan: resume: ", out, " row ", i, ", column ", c, " is not this row's point",
            " (rows duplicated or out of place); keeping the ", i - 1, " rows before it\n")
          res.n = i - 1
          break
        end
      end
    end
  end
  for _, c in ipairs(p.columns) do
    local col = res[c]
    for i = #col, res.n + 1, -1 do col[i] = nil end
  end
  for i in pairs(res.errors) do if i > res.n or i < 1 then res.errors[i] = nil end end
end

--- A new output replaces an earlier file at path (removed, then created) instead of truncating
--- it: truncating a file written moments before makes the file system flush it and wait (ext4:
--- ~3 ms for the 8 MB of the Figure-2 scan), removing it does not.  Only a plain file with one
--- link; a symbolic link, a device or a hard-linked file is truncated and written through.
local function replace_plain(path)
  local kind, _, links = core.file_info(path, true)
  if kind == "file" and links == 1 then os.remove(path) end
end

--- sink.write(text), sink.flush(), sink.close(res) for out (nil: keep the rows in memory only).
function M.open_sink(out, resume, header, res, p)
  local noop = function() end
  if out == nil then return { write = noop, flush = noop, close = noop } end
  ensure_dir(out)
  local expected = res.expected or p.npoints
  if out:match("%.json$") then
    if resume then
      local text = read_all(out)
      if text then
        local ok, j = pcall(codec.decode_json, text, out)
        local same = ok and type(j) == "table" and type(j.header) == "table" and #j.header == #header
        for i = 1, same and #header or 0 do same = same and j.header[i] == header[i] end
        if not same then bad("cannot resume: " .. out .. " was written by a different scan; remove it or write elsewhere") end
        local intact = type(j.data) == "table" and (j.errors == nil or type(j.errors) == "table")
        for _, c in ipairs(p.columns) do intact = intact and type(j.data[c] or {}) == "table" end
        for k in pairs(intact and j.errors or {}) do intact = intact and math.tointeger(tonumber(k)) ~= nil end
        if not intact then bad("cannot resume: " .. out .. " is damaged (its data or errors are not arrays); remove it or write elsewhere") end
        res.n = math.tointeger(j.n) or 0
        for _, c in ipairs(p.columns) do res[c] = j.data[c] or {} end
        for k, v in pairs(j.errors or {}) do res.errors[math.tointeger(tonumber(k))] = v end
        resume_json_check(out, res, p)
      end
    end
    return { write = noop, flush = noop, close = function(r) write_atomic(out, codec.encode_json(r, header)) end }
  end
  local head = head_lines(header, p)
  local f
  local text = resume and read_all(out)
  if text then
    local lo, hi = 0, p.npoints
    if res.chunk then local k, n = plan.parse_chunk(res.chunk); lo, hi = plan.slice(p.npoints, k, n) end
    local keep = resume_csv(out, text, head, res, p, lo, hi - lo)
    if keep == nil then text = nil
    elseif #keep ~= #text then write_atomic(out, keep) end
  end
  if text then
    f = io.open(out, "ab")
  else
    replace_plain(out)
    f = io.open(out, "wb")
    if f then f:write(table.concat(head, "\n"), "\n"); f:flush() end
  end
  if not f then bad("cannot write " .. out) end
  return {
    csv = true,
    file = io.type(f) == "file" and f or nil, -- plan:write writes rows onto a real file directly
    write = function(s)
      local ok, err = f:write(s)
      if not ok then bad("cannot write " .. out .. ": " .. tostring(err)) end
    end,
    flush = function()
      local ok, err = f:flush()
      if not ok then bad("cannot write " .. out .. ": " .. tostring(err)) end
    end,
    close = function() f:close() end,
  }
end

local function clock(s)
  s = math.floor(s + 0.5)
  return string.format("%d:%02d:%02d", s // 3600, s // 60 % 60, s % 60)
end

--- progress(done [, final]) draws a bar with rate and ETA on stderr, at most 4 times a second.
function M.progress(quiet, total, start)
  local hook = rawget(_G, "__zprime_progress") -- set by the notebook kernel (zprime --serve)
  if hook and total > 0 then
    local t0, last = core.now(), -math.huge
    return function(done, final)
      local t = core.now()
      if final or t - last >= 0.25 then
        last = t
        local rate = t > t0 and (done - start) / (t - t0) or 0
        hook(done, total, rate, rate > 0 and (total - done) / rate or nil, final)
      end
    end
  end
  if quiet or total <= 0 then return function() end end
  local t0, shown = core.now(), false
  return function(done, final)
    if final and not shown then return end
    local dt = core.now() - t0
    local rate = dt > 0 and (done - start) / dt or 0
    local frac = done / total
    local w = 30
    local bar = string.rep("#", math.floor(frac * w)) .. string.rep(".", w - math.floor(frac * w))
    local eta = rate > 0 and clock((total - done) / rate) or "?"
    io.stderr:write(string.format("\r[%s] %3d%% %d/%d  %.0f points/s  ETA %s ", bar, math.floor(100 * frac),
      done, total, rate, eta))
    if final then io.stderr:write("\n") end
    io.stderr:flush()
    shown = true
  end
end

--- Rows written so far to the slice files (for the progress bar of jobs = N).
local function row_counter(paths, headlen)
  local seen = {}
  return function()
    local total = 0
    for k, path in ipairs(paths) do
      local s = seen[k] or { off = 0, nl = 0 }
      local f = io.open(path, "rb")
      if f then
        f:seek("set", s.off)
        local chunk = f:read("a") or ""
        f:close()
        local _, c = chunk:gsub("\n", "")
        s.off, s.nl = s.off + #chunk, s.nl + c
      end
      seen[k] = s
      total = total + math.max(0, s.nl - headlen)
    end
    return total
  end
end

--- The finished output of an earlier run of the same scan, read back, or nil.
local function finished(zp, out, p)
  local text = read_all(out)
  if not text then return nil end
  if out:match("%.json$") then
    local ok, j = pcall(codec.decode_json, text, out)
    if not (ok and type(j) == "table" and type(j.header) == "table" and math.tointeger(j.n) == p.npoints) then return nil end
    for i, l in ipairs(p.header) do if j.header[i] ~= l then return nil end end
    if #j.header ~= #p.header then return nil end
    return zp.read_json(out)
  end
  local head = table.concat(head_lines(p.header, p), "\n") .. "\n"
  if text:sub(1, #head) ~= head or text:sub(-1) ~= "\n" then return nil end
  local n, nextpos, kind = p.cplan:check(text, #head + 1, 0, p.npoints)
  if kind or n ~= p.npoints or nextpos ~= #text + 1 then return nil end
  return M.file_result(p, out)
end

--- jobs = N: fork N workers on the slices K/N of out (run_slice(p, spec, k, n) computes one),
--- wait, join their slices.
function M.run_jobs(zp, spec, p, jobs, run_slice)
  local out, temp = spec.out, false
  local done = out and spec.resume and finished(zp, out, p)
  if done then
    if not done.axes then
      done.axes, done.observables, done.constraints = {}, p.obs, p.pass_names
      for k, a in ipairs(p.axes) do done.axes[k] = a.name end
    end
    return done
  end
  if out == nil then
    out = os.tmpname()
    os.remove(out)
    out, temp = out .. ".csv", true
  end
  local paths, pids = {}, {}
  for k = 1, jobs do paths[k] = plan.slice_path(out, k, jobs) end
  for k = 1, jobs do
    local cspec = {}
    for key, v in pairs(spec) do cspec[key] = v end
    cspec.chunk, cspec.jobs, cspec.quiet, cspec.out = k .. "/" .. jobs, 1, true, out
    local pid, err = core.fork()
    if not pid then
      for _, q in ipairs(pids) do core.kill(q, "TERM"); core.wait(q) end
      bad(err)
    end
    if pid == 0 then
      local ok, e = pcall(run_slice, p, cspec, k, jobs) -- the parent's plan: nothing is set up again
      if not ok then io.stderr:write("zprime: worker ", k, "/", jobs, ": ", tostring(e), "\n") end
      core.exit_now(ok and 0 or 1)
    end
    pids[k] = pid
  end
  -- an earlier output is replaced in any case: free it now, while the workers run, rather than
  -- when the new one is renamed into place (freeing a large file takes the kernel a while)
  if not temp and not spec.resume then os.remove(out) end
  local quiet = spec.quiet or not core.isatty(2)
  local progress = M.progress(quiet, p.npoints, 0)
  local show = not quiet or rawget(_G, "__zprime_progress") ~= nil -- a bar or the notebook's hook
  local count = row_counter(paths, #p.header + 3)
  local codes = {}
  -- CSV: each slice is appended to the output as soon as it and the ones before it are done,
  -- while the later workers still run
  local join = not out:match("%.json$") and require("zprime.scan.merge").joiner(out, p, jobs)
  local joined = 0
  local ok, e = pcall(function()
    local left = jobs
    while left > 0 do
      for k, pid in ipairs(pids) do
        if codes[k] == nil then
          local c = core.wait(pid, true)
          if c then codes[k] = c; left = left - 1 end
        end
      end
      while join and joined < jobs and codes[joined + 1] == 0 do
        joined = joined + 1
        join.add(joined, paths[joined])
      end
      if show then progress(count()) end
      if left > 0 then core.sleep(show and 0.05 or 0.002) end
    end
  end)
  if not ok and join then join.abandon() end
  if not ok then
    for k, pid in ipairs(pids) do if codes[k] == nil then core.kill(pid, "TERM") end end
    for k, pid in ipairs(pids) do if codes[k] == nil then core.wait(pid) end end
    progress(count(), true)
    if tostring(e):find("interrupted!", 1, true) then
      error("interrupted!: the " .. jobs .. " workers stopped; their slices " .. paths[1] .. " ... " ..
        paths[jobs] .. " hold the complete rows (rerun with resume = true to finish)", 0)
    end
    error(e, 0)
  end
  progress(p.npoints, true)
  for k = 1, jobs do
    if codes[k] ~= 0 then
      if join then join.abandon() end
      bad("worker " .. k .. "/" .. jobs .. " failed (exit status " .. codes[k] .. "); its slice " .. paths[k] ..
        " keeps the rows it computed (rerun with resume = true)")
    end
  end
  local merged
  if join then
    join.finish()
  else
    merged = select(3, require("zprime.scan.merge").merge(paths, out, p))
  end
  for _, path in ipairs(paths) do os.remove(path) end
  local res
  if out:match("%.json$") then -- the merged table itself, as zp.read_json(out) would give it
    res = merged
    res.file, res.complete, res.meta = out, true, codec.parse_comments(res.header).meta
    res.axes, res.observables, res.constraints = {}, p.obs, p.pass_names
    for k, a in ipairs(p.axes) do res.axes[k] = a.name end
    setmetatable(res, codec.result_mt)
  else
    res = M.file_result(p, out)
  end
  if temp then
    local _ = res.errors -- read the rows into memory before the file goes
    os.remove(out)
    res.file = nil
  end
  return res
end

return M
