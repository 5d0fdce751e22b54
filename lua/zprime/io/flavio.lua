--- Reader of flavio's data files shipped in data/flavio/ (flavio 2.7.0, MIT; data/README.md
--- section 5): the measurement database measurements.yml and the B -> K, B -> K* form-factor
--- sets with covariances.  YAML through lyaml (Debian lua-yaml), JSON through lua-cjson.
---
--- Values in measurements.yml are strings such as "0.949 +0.042 -0.041 +0.022 -0.022"
--- (central value, then one asymmetric or symmetric "± e" error per source; flavio's grammar,
--- see M.parse_value).  The errors are combined per side in quadrature, sigma_up =
--- sqrt(sum up_i^2), sigma_down = sqrt(sum down_i^2), and sigma = (sigma_up + sigma_down)/2;
--- flavio instead convolves one (asymmetric) normal per source, which agrees for the
--- symmetric part and to second order for the asymmetric one.  Of the 310 entries of flavio
--- 2.7.0's file, 273 are read; the others (numerical likelihoods, counting processes) are
--- refused with a message that names the distribution.
local M = {}

local cache = {}

--- Full path of data file `rel` (e.g. "flavio/measurements.yml") on zp.data_path(), or an error
--- naming every place looked at.
function M.find(zp, rel)
  local tried = {}
  for dir in (zp.data_path() .. ":"):gmatch("([^:]*):") do
    if dir ~= "" then
      local path = dir .. "/" .. rel
      local f = io.open(path, "rb")
      if f then f:close() return path end
      tried[#tried + 1] = path
    end
  end
  error("data file '" .. rel .. "' not found; looked in: " .. table.concat(tried, ", "), 3)
end

local function slurp(path)
  local f, err = io.open(path, "rb")
  if not f then error("cannot open " .. tostring(err), 3) end
  local s = f:read("a")
  f:close()
  return s
end

local function load_yaml(zp, rel)
  if cache[rel] == nil then
    local ok, lyaml = pcall(require, "lyaml")
    if not ok then error("reading " .. rel .. " needs the lyaml module (Debian package lua-yaml)", 3) end
    local path = M.find(zp, rel)
    local okp, doc = pcall(lyaml.load, slurp(path))
    if not okp or type(doc) ~= "table" then
      error("cannot parse " .. path .. " as YAML: " .. tostring(doc), 3)
    end
    cache[rel] = doc
  end
  return cache[rel]
end

--- Parse a flavio value string, with the grammar of flavio's errors_from_string: a central value,
--- then errors as "(3)(5)" (in units of the last digit), "+- e", "± e" or "+up -down", all inside
--- optional parentheses and followed by an optional power of ten ("e-9", "1e-9", "10^-9").
--- Returns { central, sigma_up, sigma_down, sigma }, or { upper, cl } for "< x @ 90% CL".
function M.parse_value(s)
  if type(s) == "number" then return { central = s, sigma_up = 0, sigma_down = 0, sigma = 0 } end
  if type(s) == "table" and s.distribution then
    error("flavio value is a '" .. tostring(s.distribution) .. "' distribution, not a value with errors", 2)
  end
  if type(s) ~= "string" then error("flavio value must be a string or a number, got " .. type(s), 2) end
  local str = s:gsub("\u{2212}", "-"):gsub("\u{00B1}", "+-"):gsub("\\pm", "+-")
  -- an upper limit "< 3.0e-9 @ 90% CL"
  local lim, cl = str:match("^%s*<%s*(%S+)%s*@%s*([%d%.]+)%s*%%%s*CL%s*$")
  if lim then
    local x = tonumber(lim) or error("flavio value '" .. s .. "': cannot read the limit " .. lim, 2)
    return { upper = x, cl = tonumber(cl) / 100 }
  end
  local plain = tonumber(str)
  if plain then return { central = plain, sigma_up = 0, sigma_down = 0, sigma = 0 } end
  local function bad(why) error("flavio value '" .. s .. "': " .. why, 3) end
  -- overall power of ten at the end
  local scale = 1
  local head, ex = str:match("^(.-)10%^%(?([%+%-]?%d+)%)?%s*$")
  if not head then
    head, ex = str:match("^(.-)[eE]%(?([%+%-]?%d+)%)?%s*$")
    if head and head:match("[%s%*%)]1$") then head = head:sub(1, -2) end  -- "1e-9" as a factor
  end
  if head and head:match("%S") then
    str, scale = head, 10 ^ tonumber(ex)
  end
  str = str:gsub("%s*%*%s*$", ""):gsub("^%s+", ""):gsub("%s+$", "")
  local inner = str:match("^%((.*)%)$")
  if inner then str = inner end
  local cs, rest = str:match("^%s*(%-?%d+%.?%d*)(.*)$")
  if not cs then bad("does not start with a number") end
  local central = tonumber(cs)
  local ndec = #(cs:match("%.(%d*)$") or "")
  local up2, down2 = 0, 0
  rest = rest:gsub("^%s+", "")
  if rest:sub(1, 1) == "(" then
    for e in rest:gmatch("%(%s*([%d%.]+)%s*%)") do
      local v = tonumber(e) or bad("cannot read the error (" .. e .. ")")
      if not e:find(".", 1, true) then v = v * 10 ^ (-ndec) end  -- "1.67(3)" means 0.03
      up2, down2 = up2 + v * v, down2 + v * v
    end
    if rest:gsub("%(%s*[%d%.]+%s*%)%s*", "") ~= "" then bad("unexpected text after the bracketed errors") end
  else
    while rest ~= "" do
      local e, r = rest:match("^%+%-%s*(%d+%.?%d*)%s*(.*)$")
      if e then
        up2, down2, rest = up2 + tonumber(e) ^ 2, down2 + tonumber(e) ^ 2, r
      else
        local u, d, r2 = rest:match("^%+%s*(%d+%.?%d*)%s*%-%s*(%d+%.?%d*)%s*(.*)$")
        if not u then bad("unexpected '" .. rest .. "' (expected '+up -down', '+- err' or '± err')") end
        up2, down2, rest = up2 + tonumber(u) ^ 2, down2 + tonumber(d) ^ 2, r2
      end
    end
  end
  local up, down = math.sqrt(up2) * scale, math.sqrt(down2) * scale
  return { central = central * scale, sigma_up = up, sigma_down = down, sigma = (up + down) / 2 }
end

--- The measurement `name` of measurements.yml (e.g. "LHCb RK RK* 2022") as
--- { name, experiment, inspire, values = { { observable, q2min, q2max, central, sigma_up,
--- sigma_down, sigma } or, for a limit, { observable, ..., upper, cl }, ... }, correlation = matrix
--- or nil }.  Numerical likelihoods (flavio's "numerical" distributions) are refused.
function M.measurement(zp, name)
  if type(name) ~= "string" then error("flavio measurement name must be a string, got " .. type(name), 2) end
  local db = load_yaml(zp, "flavio/measurements.yml")
  local e = db[name]
  if type(e) ~= "table" then
    -- suggest entries that share the first word and contain the rest case-insensitively
    local like, low = {}, name:lower()
    for k in pairs(db) do
      local kl = k:lower()
      if kl:find(low, 1, true) or low:find(kl, 1, true) or kl:gsub("%s", "") == low:gsub("%s", "") then
        like[#like + 1] = k
      end
    end
    table.sort(like)
    error("no measurement '" .. name .. "' in flavio/measurements.yml" ..
          (#like > 0 and (" (did you mean '" .. like[1] .. "'?)") or ""), 2)
  end
  local out = { name = name, experiment = e.experiment, inspire = e.inspire, values = {} }
  local v = e.values
  if type(v) == "table" and v.distribution == "multivariate_normal" then
    -- { observables = {...}, values = { central_value = {...}, standard_deviation = {...}, correlation } }
    for i, obs in ipairs(e.observables or {}) do
      local c, sd = v.central_value[i], v.standard_deviation[i]
      out.values[i] = { observable = type(obs) == "table" and obs.name or obs, central = c,
                        sigma_up = sd, sigma_down = sd, sigma = sd }
    end
    out.correlation = v.correlation
  elseif type(v) == "table" and v.distribution ~= nil then
    error("measurement '" .. name .. "' is given as a '" .. tostring(v.distribution) ..
          "' distribution, which this reader does not turn into a value with errors (Gaussian entries only)", 2)
  elseif type(v) == "table" and #v > 0 then
    for i, item in ipairs(v) do
      if type(item) ~= "table" or item.name == nil then
        error("measurement '" .. name .. "': value " .. i .. " has no observable name (not a { name, value } entry)", 2)
      end
      local pv = M.parse_value(item.value)
      pv.observable, pv.q2min, pv.q2max = item.name, item.q2min, item.q2max
      out.values[i] = pv
    end
    out.correlation = e.correlation
  elseif type(v) == "table" and next(v) ~= nil then
    -- { observable = "value string", ... }: one value per observable, in name order
    local names = {}
    for k in pairs(v) do names[#names + 1] = k end
    table.sort(names)
    for i, k in ipairs(names) do
      local pv = M.parse_value(v[k])
      pv.observable = k
      out.values[i] = pv
    end
    out.correlation = e.correlation
  else
    error("measurement '" .. name .. "' has no values list in flavio/measurements.yml", 2)
  end
  return out
end

--- One value of a measurement by flavio observable name and q2 bin (nil bin: the first match).
function M.value(zp, name, observable, q2min, q2max)
  local m = M.measurement(zp, name)
  for i, v in ipairs(m.values) do
    if v.observable == observable and (q2min == nil or (v.q2min == q2min and v.q2max == q2max)) then
      return v, i, m
    end
  end
  error("measurement '" .. name .. "' has no value for " .. tostring(observable) ..
        (q2min and string.format(" in [%g, %g]", q2min, q2max) or ""), 2)
end

--- Form-factor coefficients with covariance: { names = { param names }, mean = {...}, cov = {{...}} }.
--- "K": B -> K (GRvDV 2023, BSZ-parameters-N2.yaml); "Kstar": B -> K* (BSZ 2015 JSON).
function M.formfactors(zp, which)
  local key = "ff:" .. tostring(which)
  if cache[key] then return cache[key] end
  local t
  if which == "K" then
    local doc = load_yaml(zp, "flavio/BSZ-parameters-N2.yaml")
    local set = doc["B->K::FormFactors[parametric,BSZ]@GRvDV:2023A"]
    if type(set) ~= "table" then error("flavio/BSZ-parameters-N2.yaml has no B->K BSZ set", 2) end
    -- order of the file: f+ a0 a1 a2, f0 a1 a2, fT a0 a1 a2
    t = { names = { "ffK_fp_a0", "ffK_fp_a1", "ffK_fp_a2", "ffK_f0_a1", "ffK_f0_a2",
                    "ffK_fT_a0", "ffK_fT_a1", "ffK_fT_a2" },
          mean = set.means, cov = set.covariance }
    local expect = { "f+_0", "f+_1", "f+_2", "f0_1", "f0_2", "fT_0", "fT_1", "fT_2" }
    for i, obs in ipairs(set.observables) do
      if not obs:find("alpha^" .. expect[i], 1, true) then
        error("flavio/BSZ-parameters-N2.yaml: entry " .. i .. " is " .. obs .. ", expected alpha^" .. expect[i], 2)
      end
    end
  elseif which == "Kstar" then
    local ok, cjson = pcall(require, "cjson")
    if not ok then error("reading the B -> K* form factors needs lua-cjson", 2) end
    local path = M.find(zp, "flavio/BKstar_LCSR-Lattice.json")
    local d = cjson.decode(slurp(path))
    local FF = { "A0", "A1", "A12", "V", "T1", "T2", "T23" }
    local idx = {}
    for _, f in ipairs(FF) do for k = 0, 2 do idx[#idx + 1] = { f, "a" .. k } end end
    t = { names = {}, mean = {}, cov = {} }
    for i, fi in ipairs(idx) do
      t.names[i] = "ffKst_" .. fi[1] .. "_" .. fi[2]
      t.mean[i] = d.central[fi[1]][fi[2]]
      t.cov[i] = {}
      for j, fj in ipairs(idx) do t.cov[i][j] = d.covariance[fi[1] .. fj[1]][fi[2] .. fj[2]] end
    end
  else
    error("form-factor set must be \"K\" or \"Kstar\", got " .. tostring(which), 2)
  end
  cache[key] = t
  return t
end

return M
