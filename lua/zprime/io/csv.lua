--- CSV and JSON text for tables of columns (scan results, figure data).  Internal codec used by
--- zprime.io (zp.read_csv, zp.write_csv, ...), zprime.scan and zprime.scan.merge.
---
--- CSV layout: comment lines "# key: value" (the first one names the zprime version), a
--- "# units: name [unit], ..." line, the column names, then one row per line.  Numbers are
--- written in shortest round-trip form, so reading them back gives the same doubles and the
--- same scan always gives the same bytes.  A last column "error" holds the message of a row
--- that failed (quoted), empty otherwise.
local core = require "zprime.core"

local M = {}

local fmt_num = core.fmt_num
M.fmt_num = fmt_num

--- Quote a CSV field when it needs it.
function M.quote(s)
  s = tostring(s)
  if s:find('[,"\r\n]') or s:match("^%s") or s:match("%s$") then
    return '"' .. s:gsub("[\r\n]+", " "):gsub('"', '""') .. '"'
  end
  return s
end

--- Split one CSV line into fields (RFC 4180 quoting).
function M.split(line)
  if not line:find('"', 1, true) then
    local t = {}
    for f in (line .. ","):gmatch("([^,]*),") do t[#t + 1] = f end
    return t
  end
  local t, i, n = {}, 1, #line
  while i <= n + 1 do
    if line:sub(i, i) == '"' then
      local buf, j = {}, i + 1
      while true do
        local k = line:find('"', j, true)
        if not k then error("unterminated quoted field", 0) end
        buf[#buf + 1] = line:sub(j, k - 1)
        if line:sub(k + 1, k + 1) == '"' then
          buf[#buf + 1] = '"'; j = k + 2
        else
          i = k + 1; break
        end
      end
      t[#t + 1] = table.concat(buf)
      i = i + 1 -- skip the comma
    else
      local k = line:find(",", i, true) or n + 1
      t[#t + 1] = line:sub(i, k - 1)
      i = k + 1
    end
  end
  return t
end

local SPECIAL = { nan = 0 / 0, ["-nan"] = 0 / 0, NaN = 0 / 0, inf = math.huge, ["-inf"] = -math.huge,
                  Inf = math.huge, ["-Inf"] = -math.huge }

--- A field as a number when it is one (nan/inf included), else the string ("" -> NaN).
function M.value(f)
  local v = tonumber(f)
  if v then
    if math.type(v) == "integer" then
      v = v + 0.0
      if v == 0 and f:find("^%s*%-") then v = -0.0 end
    end
    return v
  end
  v = SPECIAL[f]
  if v then return v end
  if f == "" then return 0 / 0 end
  return f
end

--- The "# units:" line for columns with units (unit "1" for dimensionless).
function M.units_line(columns, units)
  local parts = {}
  for i, c in ipairs(columns) do parts[i] = c .. " [" .. ((units and units[c]) or "1") .. "]" end
  return "# units: " .. table.concat(parts, ", ")
end

--- Parse comment lines into { meta = {key = value}, units = {name = unit}, lines = {...} }.
function M.parse_comments(lines)
  local meta, units = {}, {}
  for _, l in ipairs(lines) do
    local k, v = l:match("^#%s*([%w_ ]-):%s*(.*)$")
    if k then meta[k] = v end
    if k == "units" then
      for name, u in v:gmatch("%s*([^,]-) %[([^%]]*)%]") do units[name] = u end
    end
  end
  return { meta = meta, units = units, lines = lines }
end

--- Read CSV text -> result table (columns, units, arrays per column, n, errors, header).
function M.decode(text, source)
  local comments, res = {}, { errors = {} }
  local cols, ncol, errcol
  local row = 0
  local lineno = 0
  local ends_clean = text == "" or text:sub(-1) == "\n"
  for line in text:gmatch("([^\n]*)\n?") do
    lineno = lineno + 1
    line = line:gsub("\r$", "")
    if line:sub(1, 1) == "#" and not cols then
      comments[#comments + 1] = line
    elseif line ~= "" and line:sub(1, 1) ~= "#" then
      local ok, f = pcall(M.split, line)
      if not ok then error((source or "csv") .. ":" .. lineno .. ": " .. f, 0) end
      if not cols then
        cols, ncol = {}, #f
        for i, c in ipairs(f) do
          if c == "error" and i == #f then errcol = i else cols[#cols + 1] = c; res[c] = {} end
        end
      else
        if #f ~= ncol then
          error((source or "csv") .. ":" .. lineno .. ": " .. #f .. " fields, expected " .. ncol, 0)
        end
        row = row + 1
        for i, c in ipairs(cols) do res[c][row] = M.value(f[i]) end
        if errcol and f[errcol] ~= "" then res.errors[row] = f[errcol] end
      end
    end
  end
  if not cols then error((source or "csv") .. ": no column names found", 0) end
  local h = M.parse_comments(comments)
  res.columns, res.n, res.header, res.meta = cols, row, comments, h.meta
  res.units = {}
  for _, c in ipairs(cols) do res.units[c] = h.units[c] or "1" end
  res.complete = ends_clean
  return res
end

--- CSV text of a result table (header lines given without the units and column lines).
function M.encode(res, header)
  local out = {}
  for _, l in ipairs(header or {}) do out[#out + 1] = l end
  local cols = res.columns
  out[#out + 1] = M.units_line(cols, res.units)
  local has_err = res.errors ~= nil
  local names = {}
  for i, c in ipairs(cols) do names[i] = M.quote(c) end
  if has_err then names[#names + 1] = "error" end
  out[#out + 1] = table.concat(names, ",")
  local n = res.n or (res[cols[1]] and #res[cols[1]]) or 0
  for i = 1, n do
    local f = {}
    for j, c in ipairs(cols) do
      local v = res[c][i]
      if type(v) == "number" then f[j] = fmt_num(v)
      elseif type(v) == "boolean" then f[j] = v and "1" or "0"
      elseif v == nil then f[j] = "nan"
      else f[j] = M.quote(v) end
    end
    if has_err then f[#f + 1] = res.errors[i] and M.quote(res.errors[i]) or "" end
    out[#out + 1] = table.concat(f, ",")
  end
  return table.concat(out, "\n") .. "\n"
end

--- Metatable of result tables: a one-line summary when printed, res:row(i) for one row.
local methods = {}
function methods.row(res, i)
  local r = {}
  for _, c in ipairs(res.columns) do r[c] = res[c][i] end
  r.error = res.errors and res.errors[i]
  return r
end
M.result_mt = {
  __index = methods,
  __tostring = function(res)
    local cols = {}
    for i, c in ipairs(res.columns or {}) do
      local u = res.units and res.units[c]
      cols[i] = (u and u ~= "1") and (c .. " [" .. u .. "]") or c
    end
    local nerr = 0
    for _ in pairs(res.errors or {}) do nerr = nerr + 1 end
    return string.format("table of %d rows x %d columns: %s%s%s", res.n or 0, #cols,
      table.concat(cols, ", "), nerr > 0 and string.format("; %d failed rows (see .errors)", nerr) or "",
      res.file and ("; file " .. res.file) or "")
  end,
}

-- ---- JSON (lua-cjson) ----

local cjson = require "cjson"
-- a private instance: other code may change the global one's options
local json = cjson.new()
json.decode_invalid_numbers(false) -- strict JSON: no NaN/Infinity/hex literals
json.decode_max_depth(64)

--- JSON string literal of any value's tostring (lua-cjson's escaping).
local function jstr(s) return json.encode(tostring(s)) end
M.json_string = jstr

local function jnum(v)
  if v ~= v or v == math.huge or v == -math.huge then return "null" end
  return fmt_num(v)
end

--- JSON text of a result table: { zprime, header, columns, units, n, data = {col = [...]}, errors }.
function M.encode_json(res, header)
  local cols, n = res.columns, res.n or 0
  local out = { "{\n", '  "zprime": ', jstr(core.version), ",\n", '  "header": [' }
  for i, l in ipairs(header or {}) do out[#out + 1] = (i > 1 and ", " or "") .. jstr(l) end
  out[#out + 1] = "],\n  \"columns\": ["
  for i, c in ipairs(cols) do out[#out + 1] = (i > 1 and ", " or "") .. jstr(c) end
  out[#out + 1] = "],\n  \"units\": {"
  for i, c in ipairs(cols) do
    out[#out + 1] = (i > 1 and ", " or "") .. jstr(c) .. ": " .. jstr((res.units and res.units[c]) or "1")
  end
  out[#out + 1] = "},\n  \"n\": " .. n .. ",\n  \"data\": {\n"
  for j, c in ipairs(cols) do
    local vals, col = {}, res[c]
    for i = 1, n do
      local v = col[i]
      vals[i] = type(v) == "number" and jnum(v) or type(v) == "boolean" and (v and "1" or "0")
        or v == nil and "null" or jstr(v)
    end
    out[#out + 1] = "    " .. jstr(c) .. ": [" .. table.concat(vals, ", ") .. "]" .. (j < #cols and ",\n" or "\n")
  end
  out[#out + 1] = "  },\n  \"errors\": {"
  local first = true
  for i = 1, n do
    local e = res.errors and res.errors[i]
    if e then
      out[#out + 1] = (first and "" or ", ") .. '"' .. i .. '": ' .. jstr(e)
      first = false
    end
  end
  out[#out + 1] = "}\n}\n"
  return table.concat(out)
end

--- Decode JSON text with lua-cjson.  null becomes NaN inside arrays (so column arrays keep
--- their length) and is dropped from objects; numbers are floats (as M.value gives).
function M.decode_json(s, source)
  if type(s) ~= "string" then error((source or "json") .. ": JSON text must be a string, got " .. type(s), 0) end
  local ok, v = pcall(json.decode, s)
  if not ok then
    error((source or "json") .. ": " .. tostring(v):gsub("^.-:%d+: ", ""), 0)
  end
  local function clean(t)
    for k, x in pairs(t) do
      if x == cjson.null then
        t[k] = math.type(k) == "integer" and 0 / 0 or nil
      elseif type(x) == "table" then
        clean(x)
      elseif math.type(x) == "integer" then
        t[k] = x + 0.0
      end
    end
    return t
  end
  if v == cjson.null then return nil end
  return type(v) == "table" and clean(v) or v
end

return M
