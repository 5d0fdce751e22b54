--- `zprime merge out-*.csv -o out.csv`: join the slices of a chunked scan (--chunk K/N) into the
--- file a single run writes, byte for byte, after checking that every slice belongs to the same
--- scan, that none is missing, duplicated or incomplete.  JSON slices are merged the same way.
local codec = require "zprime.io.csv"

local M = {}

local function fail(msg) error("zprime merge: " .. msg, 0) end

local function read_all(path)
  local f, err = io.open(path, "rb")
  if not f then fail("cannot open " .. tostring(err)) end
  local t, rerr = f:read("a")
  f:close()
  if t == nil then fail("cannot read " .. path .. ": " .. tostring(rerr)) end
  return t
end

--- One CSV slice -> { k, n, lo, hi, head (lines without the chunk line), body, rows }.
local function parse_csv(path)
  local text = read_all(path)
  local head, pos, chunk = {}, 1, nil
  while true do
    local e = text:find("\n", pos, true)
    if not e then fail(path .. " ends inside its header") end
    local line = text:sub(pos, e - 1)
    pos = e + 1
    if line:match("^# chunk:") then chunk = line else head[#head + 1] = line end
    if line:sub(1, 1) ~= "#" then break end
  end
  if not chunk then fail(path .. " is not a slice of a chunked scan (no '# chunk:' line)") end
  local k, n, lo, hi = chunk:match("^# chunk: (%d+)/(%d+), rows (%d+)%-(%d+)$")
  if not k then fail(path .. ": cannot read its chunk line '" .. chunk .. "'") end
  local body = text:sub(pos)
  local _, rows = body:gsub("\n", "")
  if #body > 0 and body:sub(-1) ~= "\n" then rows = rows + 1 end
  return { path = path, k = tonumber(k), n = tonumber(n), lo = tonumber(lo), hi = tonumber(hi),
           head = head, body = body, rows = rows, complete = #body == 0 or body:sub(-1) == "\n" }
end

local function parse_json(path)
  local ok, j = pcall(codec.decode_json, read_all(path), path)
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
  local k, n, lo, hi = chunk:match("^# chunk: (%d+)/(%d+), rows (%d+)%-(%d+)$")
  if not k then fail(path .. ": cannot read its chunk line '" .. chunk .. "'") end
  for _, c in ipairs(j.columns) do
    if type(c) ~= "string" or type(j.data[c] or {}) ~= "table" then fail(path .. ": column " .. tostring(c) .. " is not an array of values") end
  end
  for i in pairs(j.errors or {}) do
    if not math.tointeger(tonumber(i)) then fail(path .. ": errors must map row numbers to messages") end
  end
  return { path = path, k = tonumber(k), n = tonumber(n), lo = tonumber(lo), hi = tonumber(hi),
           head = head, json = j, rows = math.tointeger(j.n) or 0, complete = true }
end

local function points_of(head)
  for _, l in ipairs(head) do
    local m = l:match("^# points: (%d+)")
    if m then return tonumber(m) end
  end
end

--- merge(files, out): check and join the slices; returns the number of rows written.
function M.merge(files, out)
  if type(files) ~= "table" or #files == 0 then fail("no slice files given") end
  if type(out) ~= "string" or out == "" then fail("give the output file name (OUT.csv or OUT.json)") end
  local json = out:match("%.json$") ~= nil
  local slices, by_k = {}, {}
  for _, f in ipairs(files) do
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
  local total, next_row = points_of(slices[1].head), 1
  for k = 1, n do
    local s = by_k[k]
    if s.lo ~= next_row then fail("slice " .. k .. "/" .. n .. " (" .. s.path .. ") starts at row " .. s.lo .. ", expected " .. next_row) end
    local want = s.hi - s.lo + 1
    if s.rows ~= want or not s.complete then
      fail("slice " .. k .. "/" .. n .. " (" .. s.path .. ") is incomplete: " .. s.rows .. " of " .. want ..
        " rows (rerun it with resume = true)")
    end
    next_row = s.hi + 1
  end
  if total and next_row - 1 ~= total then fail("the slices hold " .. (next_row - 1) .. " rows but the scan has " .. total) end
  local text
  if json then
    local j1 = by_k[1].json
    local res = { columns = j1.columns, units = j1.units, n = next_row - 1, errors = {} }
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
    text = codec.encode_json(res, by_k[1].head)
  else
    local parts = { table.concat(by_k[1].head, "\n"), "\n" }
    for k = 1, n do parts[#parts + 1] = by_k[k].body end
    text = table.concat(parts)
  end
  require("zprime.scan.batch").write_atomic(out, text)
  return next_row - 1, n
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
        " (files out-KofN.csv) into OUT,\n  checking that none is missing, duplicated or incomplete.")
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
