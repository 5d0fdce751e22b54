--- Models as text: tostring(m) is a Lua constructor that rebuilds m exactly (a variant as
--- zp.variants.NAME{ its inputs }), and zp.save / zp.load write and read a model as a Lua file
--- or as JSON (lua-cjson), so a model, its variant and its overrides round-trip.
return function(zp)
  local core = zp.core
  local mt = getmetatable(core.model())
  local plain_tostring = mt.__tostring

  --- Shortest %g text of x that reads back as the same number.
  local function num(x)
    if math.type(x) == "integer" then return tostring(x) end
    for prec = 15, 17 do
      local s = string.format("%." .. prec .. "g", x)
      if tonumber(s) == x then return s end
    end
    return string.format("%.17g", x)
  end

  --- The constructor inputs recorded by a variant (meta.inputs, or light_inelastic's values.inputs).
  local function inputs_of(m)
    local meta = core.meta(m)
    if type(meta) ~= "table" or type(meta.variant) ~= "string" then return nil end
    local inputs = meta.inputs or (type(meta.values) == "table" and meta.values.inputs) or nil
    if type(inputs) ~= "table" then return nil, meta.variant end
    return inputs, meta.variant
  end

  local function sorted_names(t)
    local names = {}
    for k in pairs(t) do names[#names + 1] = k end
    table.sort(names, function(a, b)
      local ia, ib = core.info(a), core.info(b)
      local xa, xb = ia and ia.index or 0, ib and ib.index or 0
      if xa ~= xb then return xa < xb end
      return a < b
    end)
    return names
  end

  local function value_text(v)
    if type(v) == "number" then return num(v) end
    if type(v) == "string" then return string.format("%q", v) end
    if type(v) == "boolean" then return tostring(v) end
    error("a variant input of type " .. type(v) .. " cannot be written as text", 0)
  end

  --- zp.variants.NAME{ ... } for a variant model, with units in a trailing comment.
  local function variant_text(variant, inputs)
    local parts, units = {}, {}
    for _, k in ipairs(sorted_names(inputs)) do
      parts[#parts + 1] = k .. " = " .. value_text(inputs[k])
      local info = core.info(k)
      if info and info.unit ~= "1" then units[#units + 1] = k .. " [" .. info.unit .. "]" end
    end
    local s = "zp.variants." .. variant .. "{" .. (#parts > 0 and (" " .. table.concat(parts, ", ") .. " ") or "") .. "}"
    if #units > 0 then s = s .. "  -- " .. table.concat(units, ", ") end
    return s
  end

  mt.__tostring = function(m)
    local inputs, variant = inputs_of(m)
    if inputs then return variant_text(variant, inputs) end
    local s = plain_tostring(m)
    if variant then s = s .. " (variant " .. variant .. " recorded no inputs: its relations are not kept)" end
    return s
  end

  --- Plain models: the parameters tostring(m) shows (the six of section 2 and every changed one).
  local SECTION2 = { mZp = true, gq = true, gl = true, thetaD = true, gchi = true, mchi = true }
  local function plain_inputs(m)
    local t, defaults = {}, core.model()
    for _, p in ipairs(core.params()) do
      if SECTION2[p.name] or m[p.name] ~= defaults[p.name] then t[p.name] = m[p.name] end
    end
    return t
  end

  local function json_doc(inputs, variant)
    local cjson = require "cjson"
    local exact = {}
    for k, v in pairs(inputs) do
      -- lua-cjson writes at most 14 significant digits: keep every other number as a hex float
      if type(v) == "number" and tonumber(string.format("%.14g", v)) ~= v then exact[k] = string.format("%a", v) end
    end
    local doc = { zprime = zp.version, variant = variant or cjson.null, inputs = inputs }
    if next(exact) then doc.exact = exact end
    return cjson.encode(doc) .. "\n"
  end

  --- zp.save(path, m [, { format = "lua"|"json", plain = true }]): write m; the format follows
  --- the extension (.json -> JSON, else Lua) unless given.
  function zp.save(path, m, opts)
    if type(path) ~= "string" or path == "" then error("zp.save expects (path, model), got a " .. type(path) .. " path", 2) end
    if not core.is_model(m) then error("zp.save expects (path, model), got a " .. type(m) .. " as the model", 2) end
    opts = opts or {}
    if type(opts) ~= "table" then error("zp.save: options must be a table { format =, plain = }, got " .. type(opts), 2) end
    local format = opts.format or (path:lower():match("%.json$") and "json" or "lua")
    if format ~= "lua" and format ~= "json" then error("zp.save: format must be \"lua\" or \"json\", got " .. tostring(format), 2) end
    local inputs, variant = inputs_of(m)
    if variant and not inputs then
      if not opts.plain then
        error("zp.save: this model of variant '" .. variant .. "' recorded no inputs, so its relations cannot be " ..
          "saved; zp.save(path, m, { plain = true }) saves its parameters as a plain model", 2)
      end
      variant = nil
    end
    if not inputs then inputs = plain_inputs(m) end
    local text
    if format == "json" then
      text = json_doc(inputs, variant)
    else
      text = "-- zprime " .. zp.version .. " model (zp.load reads it back)\nreturn " ..
        (variant and variant_text(variant, inputs) or plain_tostring(core.model(inputs))) .. "\n"
    end
    local f, err = io.open(path, "wb")
    if not f then error("zp.save: cannot write " .. tostring(err), 2) end
    f:write(text)
    f:close()
    return path
  end
  zp.document("zp.save", "zp.save(path, m) writes model m (its variant and inputs, or its parameters) as Lua, or as JSON when path ends in .json; zp.load(path) reads it back exactly")

  local function load_json(path, text)
    local cjson = require "cjson"
    local ok, doc = pcall(cjson.decode, text)
    if not ok or type(doc) ~= "table" or type(doc.inputs) ~= "table" then
      error(path .. " is not a zprime model file (JSON with \"inputs\"): " .. (ok and "no inputs" or tostring(doc)), 0)
    end
    local inputs = doc.inputs
    for k, hex in pairs(type(doc.exact) == "table" and doc.exact or {}) do
      local v = tonumber(hex)
      if v == nil then error(path .. ": exact value of '" .. tostring(k) .. "' is not a number: " .. tostring(hex), 0) end
      inputs[k] = v
    end
    for k, v in pairs(inputs) do
      if math.type(v) == "float" and v == math.floor(v) and math.abs(v) < 2^53 and not core.info(k) then
        inputs[k] = math.tointeger(v) -- variant options such as nq = 2 stay integers
      end
    end
    if doc.variant == nil or doc.variant == cjson.null then return core.model(inputs) end
    if type(doc.variant) ~= "string" then error(path .. ": variant must be a name, got " .. type(doc.variant), 0) end
    return zp.variants[doc.variant](inputs)
  end

  --- zp.load(path) -> the model saved by zp.save.
  function zp.load(path)
    if type(path) ~= "string" then error("zp.load expects a file name, got " .. type(path), 2) end
    local f, err = io.open(path, "rb")
    if not f then error("zp.load: cannot open " .. tostring(err), 2) end
    local text = f:read("a")
    f:close()
    local ok, m = pcall(function()
      if text:match("^%s*{") then return load_json(path, text) end
      local env = setmetatable({ zp = zp }, { __index = { math = math } })
      local chunk, perr = load(text, "@" .. path, "t", env)
      if not chunk then error(perr, 0) end
      return chunk()
    end)
    if not ok then
      error("zp.load: " .. path .. " is not a model file written by zp.save (Lua or JSON): " ..
        tostring(m):gsub("^[^\n]-:%d+: ", ""), 2)
    end
    if not core.is_model(m) then error("zp.load: " .. path .. " does not return a model (got " .. type(m) .. ")", 2) end
    return m
  end
  zp.document("zp.load", "zp.load(path) -> the model written by zp.save (Lua or JSON file)")
end
