--- Output, progress and worker processes of zp.scan: a sink that writes CSV rows as they come
--- (or JSON at the end) and resumes an interrupted file, a progress bar for terminals, and
--- `jobs = N` (fork N workers on slices K/N, then merge).
local core = require "zprime.core"
local codec = require "zprime.io.csv"
local plan = require "zprime.scan.plan"

local M = {}

local function bad(msg) error("zp.scan: " .. msg, 0) end

local function shell_quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

local function ensure_dir(path)
  local dir = path:match("^(.*)/[^/]*$")
  if dir and dir ~= "" then os.execute("mkdir -p " .. shell_quote(dir) .. " 2>/dev/null") end
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

--- Load the rows of an earlier run of the same scan into res; returns the kept text.
local function resume_csv(out, text, head, res, p, expected)
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
  local body_start = pos
  local last_nl = text:find("\n[^\n]*$") or 0
  local ncols, i = #p.columns, 0
  local cols = {}
  for j, c in ipairs(p.columns) do cols[j] = res[c] end
  while pos <= last_nl do
    local e = text:find("\n", pos, true)
    local okf, f = pcall(codec.split, text:sub(pos, e - 1))
    if not okf then
      local _, nl = text:sub(1, pos):gsub("\n", "")
      bad("cannot resume: " .. out .. " line " .. (nl + 1) .. ": " .. tostring(f) .. "; remove it or write elsewhere")
    end
    if #f ~= ncols + 1 then break end
    i = i + 1
    for j = 1, ncols do cols[j][i] = codec.value(f[j]) end
    if f[ncols + 1] ~= "" then res.errors[i] = f[ncols + 1] end
    pos = e + 1
  end
  if i > expected then bad("cannot resume: " .. out .. " has " .. i .. " rows, more than the " .. expected .. " of this scan") end
  res.n = i
  return text:sub(1, pos - 1), body_start
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
    local keep = resume_csv(out, text, head, res, p, hi - lo)
    if keep == nil then text = nil
    elseif #keep ~= #text then write_atomic(out, keep) end
  end
  if text then
    f = io.open(out, "ab")
  else
    f = io.open(out, "wb")
    if f then f:write(table.concat(head, "\n"), "\n"); f:flush() end
  end
  if not f then bad("cannot write " .. out) end
  return {
    csv = true,
    write = function(s) f:write(s) end,
    flush = function() f:flush() end,
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
  local _, rows = text:sub(#head + 1):gsub("\n", "")
  if rows ~= p.npoints then return nil end
  return zp.read_csv(out)
end

--- jobs = N: fork N workers on the slices K/N of out, wait, merge, read back.
function M.run_jobs(zp, spec, p, jobs)
  local out, temp = spec.out, false
  local done = out and spec.resume and finished(zp, out, p)
  if done then
    done.axes, done.observables, done.constraints = {}, p.obs, p.pass_names
    for k, a in ipairs(p.axes) do done.axes[k] = a.name end
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
      local ok, e = pcall(zp.scan, cspec)
      if not ok then io.stderr:write("zprime: worker ", k, "/", jobs, ": ", tostring(e), "\n") end
      core.exit_now(ok and 0 or 1)
    end
    pids[k] = pid
  end
  local progress = M.progress(spec.quiet or not core.isatty(2), p.npoints, 0)
  local count = row_counter(paths, #p.header + 3)
  local codes = {}
  local ok, e = pcall(function()
    local left = jobs
    while left > 0 do
      for k, pid in ipairs(pids) do
        if codes[k] == nil then
          local c = core.wait(pid, true)
          if c then codes[k] = c; left = left - 1 end
        end
      end
      progress(count())
      if left > 0 then core.sleep(0.05) end
    end
  end)
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
      bad("worker " .. k .. "/" .. jobs .. " failed (exit status " .. codes[k] .. "); its slice " .. paths[k] ..
        " keeps the rows it computed (rerun with resume = true)")
    end
  end
  require("zprime.scan.merge").merge(paths, out)
  for _, path in ipairs(paths) do os.remove(path) end
  local res = out:match("%.json$") and zp.read_json(out) or zp.read_csv(out)
  res.axes, res.observables, res.constraints = {}, p.obs, p.pass_names
  for k, a in ipairs(p.axes) do res.axes[k] = a.name end
  if temp then os.remove(out); res.file = nil end
  return res
end

return M
