--- Data I/O: zp.read_csv / zp.write_csv and zp.read_json / zp.write_json for tables of columns
--- (scan results, figure data) with units.  A table has .columns (ordered names), .units[name],
--- one array per column (res[name]), .n rows and .errors[i] for failed rows.
return function(zp)
  local codec = require "zprime.io.csv"

  --- Largest table file read (bytes): /dev/zero or a runaway file must not fill the memory.
  zp.read_max_bytes = 1024 * 1024 * 1024

  local function read_file(fname, path)
    if type(path) ~= "string" then error(fname .. ": expects a file name, got " .. type(path), 3) end
    local kind, size = zp.core.file_info(path)
    if kind == nil then error(fname .. ": cannot open " .. path .. ": " .. tostring(size), 3) end
    if kind ~= "file" then error(fname .. ": cannot read " .. path .. ": it is a " .. kind .. ", not a regular file", 3) end
    if size > zp.read_max_bytes then
      error(fname .. ": cannot read " .. path .. ": it has " .. size .. " bytes, more than zp.read_max_bytes = " ..
        zp.read_max_bytes, 3)
    end
    local f, err = io.open(path, "rb")
    if not f then error(fname .. ": cannot open " .. tostring(err), 3) end
    local text, rerr = f:read("a")
    f:close()
    if text == nil then error(fname .. ": cannot read " .. path .. ": " .. tostring(rerr), 3) end
    return text
  end

  local function write_file(fname, path, text)
    local f, err = io.open(path, "wb")
    if not f then error(fname .. ": cannot write " .. tostring(err), 3) end
    f:write(text)
    f:close()
  end

  --- (path, t) or (t, path): accept both orders.
  local function path_and_table(fname, a, b)
    if type(a) == "table" and type(b) == "string" then a, b = b, a end
    if type(a) ~= "string" or type(b) ~= "table" then
      error(fname .. ": expects (path, table), got (" .. type(a) .. ", " .. type(b) .. ")", 3)
    end
    return a, b
  end

  --- Check that x is nil or a table whose values are all strings (a list, or a map for units
  --- and errors); errors name the option.
  local function strings_of(fname, what, x)
    if x == nil then return end
    if type(x) ~= "table" then error(fname .. ": " .. what .. " must be a table, got " .. type(x), 4) end
    for k, v in pairs(x) do
      if type(v) ~= "string" then
        error(fname .. ": " .. what .. "[" .. tostring(k) .. "] must be a string, got " .. type(v), 4)
      end
    end
  end

  --- A table ready to write: columns given, or every array field (sorted by name).
  local function normalise(fname, t, opts)
    if type(opts) ~= "table" then error(fname .. ": the options must be a table { columns =, units =, header = }, got " .. type(opts), 3) end
    strings_of(fname, "columns", opts.columns)
    strings_of(fname, "columns", t.columns)
    strings_of(fname, "units", opts.units)
    strings_of(fname, "units", t.units)
    strings_of(fname, "errors", t.errors)
    for _, h in pairs({ opts.header, t.header }) do
      if type(h) ~= "string" then strings_of(fname, "header", h) end
    end
    if t.n ~= nil and not (type(t.n) == "number" and t.n >= 0 and t.n == math.floor(t.n)) then
      error(fname .. ": n must be a whole number of rows, got " .. tostring(t.n), 3)
    end
    local cols = opts.columns or t.columns
    if cols == nil then
      cols = {}
      for k, v in pairs(t) do if type(k) == "string" and type(v) == "table" and k ~= "units" and k ~= "errors" then cols[#cols + 1] = k end end
      table.sort(cols)
    end
    if #cols == 0 then error(fname .. ": the table has no columns", 3) end
    local n
    for _, c in ipairs(cols) do
      if type(t[c]) ~= "table" then error(fname .. ": column '" .. tostring(c) .. "' is missing", 3) end
      if n and #t[c] ~= n then
        error(fname .. ": column '" .. c .. "' has " .. #t[c] .. " values, '" .. cols[1] .. "' has " .. n, 3)
      end
      n = n or #t[c]
    end
    if t.n ~= nil and n and t.n > n then
      error(fname .. ": n = " .. t.n .. " rows but the columns hold " .. n .. " values", 3)
    end
    local units = {}
    for _, c in ipairs(cols) do units[c] = (opts.units or {})[c] or (t.units or {})[c] or "1" end
    local r = { columns = cols, units = units, n = t.n or n, errors = t.errors }
    for _, c in ipairs(cols) do r[c] = t[c] end
    local header = opts.header or t.header
    if type(header) == "string" then header = { header } end
    local h = { "# zprime " .. zp.version .. " table" }
    if header then
      h = {}
      for _, l in ipairs(header) do
        if not l:match("^#%s*units:") then h[#h + 1] = (l:sub(1, 1) == "#") and l or ("# " .. l) end
      end
    end
    return r, h
  end

  function zp.read_csv(path)
    local text = read_file("zp.read_csv", path)
    local ok, res = pcall(codec.decode, text, path)
    if not ok then error("zp.read_csv: " .. res, 2) end
    res.file = path
    return setmetatable(res, codec.result_mt)
  end

  function zp.write_csv(a, b, opts)
    local path, t = path_and_table("zp.write_csv", a, b)
    local r, header = normalise("zp.write_csv", t, opts or {})
    write_file("zp.write_csv", path, codec.encode(r, header))
    return path
  end

  function zp.read_json(path)
    local text = read_file("zp.read_json", path)
    local ok, j = pcall(codec.decode_json, text, path)
    if not ok then error("zp.read_json: " .. j, 2) end
    if type(j) ~= "table" or type(j.columns) ~= "table" or type(j.data) ~= "table" then
      error("zp.read_json: " .. path .. " is not a zprime table (needs columns and data)", 2)
    end
    local function bad(what) error("zp.read_json: " .. path .. " is not a zprime table (" .. what .. ")", 3) end
    for i, c in ipairs(j.columns) do
      if type(c) ~= "string" then bad("columns[" .. i .. "] is a " .. type(c) .. ", not a name") end
      if j.data[c] ~= nil and type(j.data[c]) ~= "table" then bad("data." .. c .. " is a " .. type(j.data[c]) .. ", not an array") end
    end
    for _, k in ipairs({ "units", "errors" }) do
      if j[k] ~= nil and type(j[k]) ~= "table" then bad(k .. " is a " .. type(j[k]) .. ", not an object") end
    end
    for k, v in pairs(j.errors or {}) do
      if not math.tointeger(tonumber(k)) or type(v) ~= "string" then bad("errors must map row numbers to messages") end
    end
    for k, v in pairs(j.units or {}) do
      if type(v) ~= "string" then bad("units." .. tostring(k) .. " is a " .. type(v) .. ", not a unit name") end
    end
    if j.header ~= nil and type(j.header) ~= "table" then bad("header is a " .. type(j.header) .. ", not a list") end
    for i, l in ipairs(j.header or {}) do
      if type(l) ~= "string" then bad("header[" .. i .. "] is a " .. type(l) .. ", not a line of text") end
    end
    local res = { columns = j.columns, units = j.units or {}, n = math.tointeger(j.n), header = j.header or {},
                  errors = {}, file = path }
    for _, c in ipairs(j.columns) do res[c] = j.data[c] or {}; res.n = res.n or #res[c] end
    for k, v in pairs(j.errors or {}) do res.errors[math.tointeger(tonumber(k))] = v end
    res.meta = codec.parse_comments(res.header).meta
    res.complete = true
    return setmetatable(res, codec.result_mt)
  end

  function zp.write_json(a, b, opts)
    local path, t = path_and_table("zp.write_json", a, b)
    local r, header = normalise("zp.write_json", t, opts or {})
    write_file("zp.write_json", path, codec.encode_json(r, header))
    return path
  end

  zp.document("zp.read_csv", [[zp.read_csv "scan.csv" -> t
  Reads a CSV written by zp.scan or zp.write_csv (or any CSV with a header row): t.columns lists
  the column names in order, t[name] is the array of a column, t.units[name] its unit (from the
  "# units:" comment line), t.n the number of rows, t.errors[i] the message of a failed row,
  t.meta the "# key: value" comment lines.  zp.plot(t, "x", "y") plots two columns.]])
  zp.document("zp.write_csv", [[zp.write_csv(path, t [, { columns = {...}, units = {...}, header = {...} }]) -> path
  Writes a table of columns (t.columns or every array field, sorted) with a comment header and a
  units line; numbers in shortest round-trip form (read back exactly by zp.read_csv).]])
  zp.document("zp.read_json", [[zp.read_json "scan.json" -> t   (same shape as zp.read_csv; null -> NaN)]])
  zp.document("zp.write_json", [[zp.write_json(path, t [, opts]) -> path
  JSON { zprime, header, columns, units, n, data = { column = [...] }, errors } (NaN -> null).]])
end
