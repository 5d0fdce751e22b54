--- WCxf interchange: m:wcxf{ file = "wc.yml" } writes the model's new-physics Wilson
--- coefficients in the WCxf format (eft WET, basis flavio, scale m_Z' where they are matched) so
--- flavio and wilson read them unchanged and run them down; zp.wcxf_read(file) reads one back.
--- Format: https://wcxf.github.io (wcxf/wcxf-bases: wet.flavio.basis.yml).
return function(zp)
  local core = zp.core
  local M = {}

  --- The coefficients zprime writes: WCxf name, sector of the WET flavio basis, and the
  --- operator (L = +C O) as the basis file defines it.
  M.COEFFICIENTS = {
    { name = "C9_bsmumu", sector = "sb",
      op = "(4 G_F/sqrt2) V_tb V_ts^* e^2/(16 pi^2) (sbar_L gamma b_L)(mubar gamma mu)" },
    { name = "C10_bsmumu", sector = "sb",
      op = "(4 G_F/sqrt2) V_tb V_ts^* e^2/(16 pi^2) (sbar_L gamma b_L)(mubar gamma gamma5 mu)" },
    { name = "CL_bsnumunumu", sector = "sbnunu",
      op = "(4 G_F/sqrt2) V_tb V_ts^* e^2/(16 pi^2) (sbar_L gamma b_L)(nubar_mu gamma (1 - gamma5) nu_mu)" },
    { name = "CVLL_bsbs", sector = "sbsb", op = "(sbar_L gamma b_L)(sbar_L gamma b_L) [GeV^-2]" },
    { name = "CVLL_numunumumumu", sector = "ffnunu",
      op = "(4 G_F/sqrt2)(nubar_muL gamma nu_muL)(mubar_L gamma mu_L)" },
  }
  zp.wcxf_coefficients = M.COEFFICIENTS

  local function num(x)
    if x == math.floor(x) and math.abs(x) < 1e15 then return string.format("%.1f", x) end
    return string.format("%.17g", x)
  end

  local function yaml(doc)
    local out = {
      "# WCxf file written by zprime " .. tostring(zp.version) .. " (" .. zp.paper .. ")",
      "eft: " .. doc.eft, "basis: " .. doc.basis, "scale: " .. num(doc.scale), "metadata:",
    }
    for _, k in ipairs({ "generator", "description", "model" }) do
      if doc.metadata[k] then out[#out + 1] = string.format("  %s: %q", k, doc.metadata[k]) end
    end
    out[#out + 1] = "values:"
    for _, c in ipairs(M.COEFFICIENTS) do
      local v = doc.values[c.name]
      if v ~= nil then out[#out + 1] = "  " .. c.name .. ": " .. num(v) end
    end
    return table.concat(out, "\n") .. "\n"
  end

  --- m:wcxf{ file = "wc.yml", zeros = false } -> { eft, basis, scale, values, metadata }
  function core.model_methods.wcxf(m, opts)
    if not core.is_model(m) then error("wcxf: call it as m:wcxf{ file = \"wc.yml\" }", 2) end
    opts = opts or {}
    if type(opts) ~= "table" then error("wcxf: options must be a table, got " .. type(opts), 2) end
    for k in pairs(opts) do
      if k ~= "file" and k ~= "zeros" then
        error("wcxf: unknown option '" .. tostring(k) .. "' (expected file, zeros)", 2)
      end
    end
    if opts.file ~= nil and type(opts.file) ~= "string" then
      error("wcxf: file must be a path string, got " .. type(opts.file), 2)
    end
    local doc = { eft = "WET", basis = "flavio", scale = m.mZp, values = {},
                  metadata = { generator = "zprime " .. tostring(zp.version),
                               description = "new-physics Wilson coefficients of the Z' model at the matching scale m_Z'",
                               model = tostring(m) } }
    for _, c in ipairs(M.COEFFICIENTS) do
      local v = m[c.name]
      if v ~= 0 or opts.zeros then doc.values[c.name] = v end
    end
    if opts.file then
      local f, err = io.open(opts.file, "w")
      if not f then error("wcxf: cannot write '" .. opts.file .. "': " .. tostring(err), 2) end
      f:write(yaml(doc))
      f:close()
    end
    doc.text = yaml(doc)
    return doc
  end
  zp.document("zp.wcxf", [[m:wcxf{ file = "wc.yml", zeros = false } -> { eft, basis, scale, values, metadata, text }
  Writes the model's new-physics Wilson coefficients as a WCxf YAML file: eft WET, basis flavio,
  scale = m_Z' (GeV), values C9_bsmumu, C10_bsmumu (sector sb), CL_bsnumunumu (sbnunu),
  CVLL_bsbs (sbsb, GeV^-2), CVLL_numunumumumu (ffnunu); zero coefficients are left out unless
  zeros = true.  flavio/wilson read the file unchanged and run the coefficients down (their
  Delta M_s then corresponds to DeltaM_s_qcd, not to the paper's unrun DeltaM_s).
  zp.wcxf_read(file) reads one back; zp.wcxf_coefficients lists names, sectors and operators.]])

  -- ---- a reader for the YAML subset WCxf files use (block mappings, {Re:, Im:} values) ----

  local function scalar(s, where)
    s = s:gsub("%s+#.*$", ""):match("^%s*(.-)%s*$")
    if s == "" then return nil end
    local q = s:match('^"(.*)"$') or s:match("^'(.*)'$")
    if q then return (q:gsub('\\"', '"')) end
    local n = tonumber(s)
    if n then return n end
    local re, im = s:match("^{%s*Re%s*:%s*([^,]+),%s*Im%s*:%s*([^}]+)}$")
    if re then
      local a, b = tonumber(re), tonumber(im)
      if not a or not b then error("zp.wcxf_read: bad complex value '" .. s .. "' " .. where, 3) end
      return { Re = a, Im = b }
    end
    return s
  end

  function zp.wcxf_read(file)
    if type(file) ~= "string" then error("zp.wcxf_read expects a file name, got " .. type(file), 2) end
    local f, err = io.open(file, "r")
    if not f then error("zp.wcxf_read: cannot open '" .. file .. "': " .. tostring(err), 2) end
    local text, rerr = f:read("a")
    f:close()
    if text == nil then error("zp.wcxf_read: cannot read '" .. file .. "': " .. tostring(rerr), 2) end
    local doc, section, entry = { values = {}, metadata = {} }, nil, nil
    local ln = 0
    for line in text:gmatch("([^\n]*)\n?") do
      ln = ln + 1
      local where = "(" .. file .. ":" .. ln .. ")"
      if not line:match("^%s*#") and line:match("%S") then
        local indent, key, rest = line:match("^(%s*)([%w_%.%-]+)%s*:%s*(.-)%s*$")
        if not key then error("zp.wcxf_read: cannot parse line " .. ln .. " of " .. file .. ": " .. line, 2) end
        local v = scalar(rest, where)
        if #indent == 0 then
          section, entry = nil, nil
          if v == nil then section = key; doc[key] = doc[key] or {} else doc[key] = v end
          if v == nil and type(doc[key]) ~= "table" then
            error("zp.wcxf_read: key '" .. key .. "' at line " .. ln .. " of " .. file .. " is given twice", 2)
          end
        elseif section and entry and #indent > 2 then
          doc[section][entry] = type(doc[section][entry]) == "table" and doc[section][entry] or {}
          doc[section][entry][key] = v
        elseif section then
          entry = key
          doc[section][key] = v
        else
          error("zp.wcxf_read: unexpected indentation at line " .. ln .. " of " .. file, 2)
        end
      end
    end
    for _, k in ipairs({ "eft", "basis", "scale", "values" }) do
      if doc[k] == nil then error("zp.wcxf_read: " .. file .. " is not a WCxf file (no '" .. k .. "' key)", 2) end
    end
    if type(doc.scale) ~= "number" then error("zp.wcxf_read: scale must be a number in GeV, got " .. tostring(doc.scale), 2) end
    return doc
  end
  zp.document("zp.wcxf_read", [[zp.wcxf_read(file) -> { eft, basis, scale, values, metadata }
  Reads a WCxf YAML file (as written by m:wcxf or by wilson/flavio); complex values come back
  as { Re =, Im = } tables, real ones as numbers.]])
end
