--- `zprime merge out-*.csv -o out.csv`: join the slices of a chunked scan (--chunk K/N) into the
--- file a single run writes, byte for byte, after checking that every slice belongs to the same
--- scan, that none is missing, duplicated, incomplete or over-full, and that every row is a row
--- of numbers as zprime writes them whose axis values are those of its point (see
--- zprime.scan.verify).  JSON slices are merged the same way.
local core = require "zprime.core"
local codec = require "zprime.io.csv"
local verify = require "zprime.scan.verify"

local M = {}

local function fail(msg) error("zprime merge: " .. msg, 0) end

local cjson = require("cjson").new() -- Debian's lua-cjson: slices of 10^5 rows decode in C

--- JSON text -> table as codec.decode_json gives it (null: NaN inside data arrays).
local function decode_json(text, path)
  local ok, j = pcall(cjson.decode, text)
  if not ok then error(path .. ": " .. tostring(j):gsub("^Expected", "expected"), 0) end
  if type(j) == "table" and type(j.data) == "table" then
    for _, col in pairs(j.data) do
      if type(col) == "table" then
        for i = 1, #col do if col[i] == cjson.null then col[i] = 0 / 0 end end
      end
    end
  end
  if type(j) == "table" and j.errors == cjson.null then j.errors = nil end
  return j
end

local function read_all(path)
  local f, err = io.open(path, "rb")
  if not f then fail("cannot open " .. tostring(err)) end
  local t, rerr = f:read("a")
  f:close()
  if t == nil then fail("cannot read " .. path .. ": " .. tostring(rerr)) end
  return t
end

--- "# chunk: K/N, rows LO-HI" -> numbers, refusing slices that cannot exist (0/3, 4/3).
local function chunk_of(path, chunk)
  local k, n, lo, hi = chunk:match("^# chunk: (%d+)/(%d+), rows (%d+)%-(%d+)$")
  if not k then fail(path .. ": cannot read its chunk line '" .. chunk .. "'") end
  k, n, lo, hi = tonumber(k), tonumber(n), tonumber(lo), tonumber(hi)
  if n < 1 or k < 1 or k > n then
    fail(path .. " claims to be slice " .. k .. "/" .. n .. ", which does not exist (slices are 1/N to N/N)")
  end
  return k, n, lo, hi
end

--- The header of one CSV slice -> { k, n, lo, hi, head (lines without the chunk line), pos
--- (byte of the first row) }; its rows are read later, one slice at a time.
local function parse_csv(path)
  local f, err = io.open(path, "rb")
  if not f then fail("cannot open " .. tostring(err)) end
  local head, pos, chunk = {}, 1, nil
  while true do
    local line = f:read("L")
    if not line or line:sub(-1) ~= "\n" then f:close(); fail(path .. " ends inside its header") end
    pos = pos + #line
    line = line:sub(1, -2)
    if line:match("^# chunk:") then chunk = line else head[#head + 1] = line end
    if line:sub(1, 1) ~= "#" then break end
  end
  f:close()
  if not chunk then fail(path .. " is not a slice of a chunked scan (no '# chunk:' line)") end
  local k, n, lo, hi = chunk_of(path, chunk)
  return { path = path, k = k, n = n, lo = lo, hi = hi, head = head, pos = pos }
end

local function parse_json(path)
  local ok, j = pcall(decode_json, read_all(path), path)
  if not ok then fail(j) end
  if type(j) ~= "table" or type(j.header) ~= "table" or type(j.columns) ~= "table" or type(j.data) ~= "table" then
    fail(path .. " is not a scan slice written by zprime (needs header, columns and data)")
  end
  local head, chunk = {}, nil
  for _, l in ipairs(j.header) do
    if type(l) ~= "string" then fail(path .. ": its header holds a " .. type(l) .. ", not a line of text") end
    if l:match("^# chunk:") then chunk = l else head[#head + 1] = l end
  end
  if not chunk then fail(path .. " is not a slice of a chunked scan (no '# chunk:' line)") end
  local k, n, lo, hi = chunk_of(path, chunk)
  local rows = math.tointeger(j.n)
  if not rows or rows < 0 then fail(path .. ": n = " .. tostring(j.n) .. " is not a number of rows") end
  for _, c in ipairs(j.columns) do
    local col = j.data[c]
    if type(c) ~= "string" or type(col) ~= "table" then fail(path .. ": column " .. tostring(c) .. " is not an array of values") end
    if #col ~= rows then
      fail(path .. " (slice " .. k .. "/" .. n .. "): column " .. c .. " holds " .. #col .. " values for " .. rows .. " rows")
    end
    for i = 1, rows do
      if type(col[i]) ~= "number" then
        fail(path .. " (slice " .. k .. "/" .. n .. "): row " .. i .. ", column " .. c .. " is " .. tostring(col[i]) .. ", not a number")
      end
    end
  end
  for i, e in pairs(j.errors or {}) do
    local r = math.tointeger(tonumber(i))
    if not r then fail(path .. ": errors must map row numbers to messages") end
    if r < 1 or r > rows then
      fail(path .. " (slice " .. k .. "/" .. n .. "): an error is recorded for row " .. r .. ", outside its rows 1.." .. rows)
    end
    if type(e) ~= "string" then fail(path .. " (slice " .. k .. "/" .. n .. "): the error of row " .. r .. " is not text") end
  end
  -- the units are part of the scan: compare them as a header line
  local units = {}
  for i, c in ipairs(j.columns) do units[i] = c .. " [" .. tostring((type(j.units) == "table" and j.units[c]) or "?") .. "]" end
  head[#head + 1] = "# units: " .. table.concat(units, ", ")
  return { path = path, k = k, n = n, lo = lo, hi = hi, head = head, json = j, rows = rows }
end

--- The rows of CSV slice s, every field checked in C and every row's axis values against the
--- header (zprime.scan.verify); returns the body text.
local function check_csv_rows(s, want, ncols, hv)
  local axes = {}
  for k = 1, hv.nd do axes[k] = {} end
  local n, nextpos, kind, col, msg = core.csv_rows(s.text, s.pos, ncols, want, axes, {}, 0)
  if not kind then
    local r, c, m = hv.check(axes, s.lo - 1, n)
    if r then n, kind, col, msg = r - 1, "mismatch", c, m end
  end
  local name = "slice " .. s.k .. "/" .. s.n .. " (" .. s.path .. ")"
  local colname = col and (col == 0 and "(whole row)" or (s.columns[col] or "error"))
  if kind == "damaged" or kind == "mismatch" then
    fail(name .. ", row " .. (n + 1) .. " (line " .. (#s.head + 1 + n + 1) .. "), column " .. colname .. " " .. msg)
  elseif kind == "extra" then
    fail(name .. " is over-full: row " .. (want + 1) .. " (line " .. (#s.head + 1 + want + 1) ..
      "), column (whole row), is beyond its " .. want .. " rows " .. s.lo .. "-" .. s.hi ..
      " (resume = true drops the extra rows)")
  end
  if n ~= want or nextpos ~= #s.text + 1 then
    fail(name .. " is incomplete: " .. n .. " of " .. want .. " rows" ..
      (nextpos ~= #s.text + 1 and " and a partial last line" or "") .. " (rerun it with resume = true)")
  end
  return s.text:sub(s.pos)
end

--- Join the N slices of this run's workers into out as they finish, in order: j.add(k, path)
--- appends slice k (its header checked against slice 1's and its rows range against K/N; the
--- rows are streamed, not parsed: every row was computed, or on resume checked, by its worker),
--- j.finish() renames the result into place, j.abandon() removes it.
function M.joiner(out, p, n)
  local tmp, first = out .. ".tmp", nil
  local j = {}
  function j.add(k, path)
    local s = parse_csv(path)
    local lo, hi = (k - 1) * p.npoints // n + 1, k * p.npoints // n
    if s.k ~= k or s.n ~= n or s.lo ~= lo or s.hi ~= hi then
      fail(path .. " is not slice " .. k .. "/" .. n .. " (rows " .. lo .. "-" .. hi .. ") of this scan")
    end
    first = first or s
    for i = 1, math.max(#s.head, #first.head) do
      if s.head[i] ~= first.head[i] then
        fail(path .. " and " .. first.path .. " come from different scans (header line " .. i .. " differs)")
      end
    end
    local head = k == 1 and table.concat(s.head, "\n") .. "\n" or ""
    local ok, err = core.join_files(tmp, head, { path }, { s.pos - 1 }, { hi - lo + 1 }, k > 1)
    if not ok then fail(err) end
  end
  function j.finish()
    local ok, err = os.rename(tmp, out)
    if not ok then os.remove(tmp); fail("cannot rename " .. tmp .. " to " .. out .. ": " .. tostring(err)) end
  end
  function j.abandon() os.remove(tmp) end
  return j
end

--- merge(files, out [, p]): check and join the slices; returns the rows written and the number
--- of slices.  p: the plan of the scan when zp.scan{ jobs = N } merges its own workers' slices
--- (their rows are streamed, counted but not parsed again); without it every row is checked.
function M.merge(files, out, p)
  if type(files) ~= "table" or #files == 0 then fail("no slice files given") end
  if type(out) ~= "string" or out == "" then fail("give the output file name (OUT.csv or OUT.json)") end
  local json = out:match("%.json$") ~= nil
  local out_id = core.file_id(out)
  local slices, by_k = {}, {}
  for _, f in ipairs(files) do
    if out_id and core.file_id(f) == out_id then fail("the output " .. out .. " is also the input " .. f) end
    local s = json and parse_json(f) or parse_csv(f)
    local first = slices[1]
    if first then
      if s.n ~= first.n then fail(f .. " is slice " .. s.k .. "/" .. s.n .. " but " .. first.path .. " is of " .. first.n) end
      for i = 1, math.max(#s.head, #first.head) do
        if s.head[i] ~= first.head[i] then
          fail(f .. " and " .. first.path .. " come from different scans (header line " .. i .. " differs: '" ..
            tostring(s.head[i]):sub(1, 80) .. "' vs '" .. tostring(first.head[i]):sub(1, 80) .. "')")
        end
      end
    end
    if by_k[s.k] then fail("slice " .. s.k .. "/" .. s.n .. " is given twice: " .. by_k[s.k].path .. " and " .. f) end
    by_k[s.k] = s
    slices[#slices + 1] = s
  end
  local n = slices[1].n
  local missing = {}
  for k = 1, n do if not by_k[k] then missing[#missing + 1] = k .. "/" .. n end end
  if #missing > 0 then fail("missing slice" .. (#missing > 1 and "s " or " ") .. table.concat(missing, ", ")) end
  local head = by_k[1].head
  local hv = verify.from_header(head, fail)
  local total = hv.npoints
  local columns = json and by_k[1].json.columns or codec.split(head[#head])
  if not json then columns[#columns] = nil end -- the last name is "error"
  for k = 1, n do
    local s = by_k[k]
    local lo, hi = (k - 1) * total // n + 1, k * total // n
    if s.lo ~= lo or s.hi ~= hi then
      fail("slice " .. k .. "/" .. n .. " (" .. s.path .. ") says rows " .. s.lo .. "-" .. s.hi .. " but slice " ..
        k .. " of " .. n .. " of a " .. total .. "-point scan is rows " .. lo .. "-" .. hi)
    end
    s.columns = columns
    if json and s.rows ~= hi - lo + 1 then
      fail("slice " .. k .. "/" .. n .. " (" .. s.path .. ") holds " .. s.rows .. " of " .. (hi - lo + 1) ..
        " rows" .. (s.rows > hi - lo + 1 and " (over-full)" or " (rerun it with resume = true)"))
    end
  end
  local text
  if json then
    local j1 = by_k[1].json
    local res = { columns = j1.columns, units = j1.units, n = total, errors = {} }
    for _, c in ipairs(j1.columns) do res[c] = {} end
    for k = 1, n do
      local s = by_k[k]
      local off = s.lo - 1
      for _, c in ipairs(j1.columns) do
        local dst, src = res[c], s.json.data[c]
        for i = 1, s.rows do dst[off + i] = src[i] end
      end
      for i, e in pairs(s.json.errors or {}) do res.errors[off + tonumber(i)] = e end
    end
    local r, c, m = hv.check_json(res, 0, total)
    if r then
      local k = 1
      while by_k[k].hi < r do k = k + 1 end
      fail("slice " .. k .. "/" .. n .. " (" .. by_k[k].path .. "), row " .. (r - by_k[k].lo + 1) ..
        ", column " .. (j1.columns[c] or "?") .. " " .. m)
    end
    local header = {}
    for i = 1, #head - 1 do header[i] = head[i] end -- the units line was added for the comparison
    text = codec.encode_json(res, header)
    require("zprime.scan.batch").write_atomic(out, text)
    res.header = header
    return total, n, res
  elseif p then
    local j = M.joiner(out, p, n)
    local ok, err = pcall(function() for k = 1, n do j.add(k, by_k[k].path) end end)
    if not ok then j.abandon(); error(err, 0) end
    j.finish()
    return total, n
  else
    -- one slice in memory at a time: read, check every row, append to the temporary output
    local tmp = out .. ".tmp"
    local f, ferr = io.open(tmp, "wb")
    if not f then fail("cannot write " .. tostring(ferr)) end
    local ok, err = pcall(function()
      assert(f:write(table.concat(head, "\n"), "\n"))
      for k = 1, n do
        local s = by_k[k]
        s.text = read_all(s.path)
        assert(f:write(check_csv_rows(s, s.hi - s.lo + 1, #columns, hv)))
        s.text = nil
      end
      local r, c, m = hv.finish()
      if r then fail(r .. ", column " .. (columns[c] or "?") .. " " .. m) end
      assert(f:close())
    end)
    if not ok then pcall(f.close, f); os.remove(tmp); error(err, 0) end
    local rok, rerr = os.rename(tmp, out)
    if not rok then os.remove(tmp); fail("cannot rename " .. tmp .. " to " .. out .. ": " .. tostring(rerr)) end
    return total, n
  end
  require("zprime.scan.batch").write_atomic(out, text)
  return total, n
end

--- Command line: zprime merge FILE... -o OUT
function M.main(arg)
  local files, out = {}, nil
  local i = 1
  while arg[i] do
    local a = arg[i]
    if a == "-o" or a == "--output" then
      out = arg[i + 1]; i = i + 2
    elseif a == "-h" or a == "--help" then
      print("usage: zprime merge SLICE... -o OUT\n  joins the slices written by `zprime script.lua --chunk K/N`" ..
        " (files out-KofN.csv) into OUT,\n  checking that none is missing, duplicated, incomplete or damaged.")
      return 0
    else
      files[#files + 1] = a; i = i + 1
    end
  end
  local function usage_error(msg)
    io.stderr:write("zprime merge: ", msg, "\n")
    local zp = rawget(_G, "zp")
    if type(zp) == "table" then zp.exit_status = 2 else fail(msg) end
    return 2
  end
  if not out then return usage_error("give the output file with -o OUT (usage: zprime merge SLICE... -o OUT)") end
  for _, f in ipairs(files) do
    if f == out then return usage_error("the output " .. out .. " is also one of the inputs") end
  end
  local ok, rows, n = pcall(M.merge, files, out)
  if not ok then
    -- a plain message (no traceback) and a non-zero exit status
    io.stderr:write(tostring(rows), "\n")
    local zp = rawget(_G, "zp")
    if type(zp) == "table" then zp.exit_status = 1 else error(rows, 0) end
    return 1
  end
  print(string.format("merged %d slices (%d rows) into %s", n, rows, out))
  return 0
end

return M
