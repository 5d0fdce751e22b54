--- zprime: the Lua face of the Z'-portal model of Cline, Cornell, London & Watanabe
--- (arXiv:1702.00395).  `local zp = require "zprime"`; the REPL preloads it as `zp`.
local core = require "zprime.core"

local zp = {
  core = core,
  version = core.version,
  paper = "J. M. Cline, J. M. Cornell, D. London, R. Watanabe, arXiv:1702.00395",
}

--- Function documentation shown by zp.help "zp.NAME"; extensions add to it with zp.document.
zp.docs = {}
function zp.document(name, text)
  if type(name) ~= "string" or type(text) ~= "string" then
    error("zp.document expects (name, text) as two strings, got " .. type(name) .. " and " .. type(text), 2)
  end
  zp.docs[name] = text
end

--- zp.model{ name = value, ... } -> a model with the defaults of every other parameter.
zp.model = core.model
zp.document("zp.model", [[zp.model{ mZp = 600, gq = 0.29, ... } -> model
  A model with every parameter at its default except those given (zp.params() lists them).
  m.NAME reads a parameter or computes an observable in its registered unit;
  m:with{ ... } returns a modified copy; m:check() tests the constraints.]])

--- Registry listings: arrays of { name, kind, unit, doc, ref, ... }.
function zp.params() return core.params() end
function zp.observables() return core.observables() end
zp.document("zp.params", "zp.params() -> list of { name, unit, default, min, max, doc, ref } for every parameter")
zp.document("zp.observables", "zp.observables() -> list of { name, unit, doc, ref, inputs, nargs, args } for every observable")

--- The data search path (colon-separated); zp.data_path "dir1:dir2" sets it.
function zp.data_path(p)
  if p ~= nil and type(p) ~= "string" then
    error("zp.data_path expects a colon-separated string of directories, got " .. type(p), 2)
  end
  if p ~= nil and #p >= 4096 then
    error("zp.data_path: the search path has " .. #p .. " characters, more than 4095", 2)
  end
  return core.data_path(p)
end
zp.document("zp.data_path", [[zp.data_path([path]) -> path
  Directories searched for data tables (PPPC spectra, g*(T), f_eff, limit curves), in order.
  Set in a script, it replaces the whole path (keep the default with
  zp.data_path("mydir:" .. zp.data_path())).  Default, first match wins: the directories of
  $ZPRIME_DATA, the source tree's data/ (runs from a build tree), then <prefix>/share/zprime/data
  of the running installation (found from the executable or the module, for any prefix).]])

--- Linear and logarithmic grids: n points, both ends included.
local MAX_POINTS = 10000000 -- a grid larger than this is a typo, not a scan axis
local function check_grid(fname, a, b, n)
  if type(a) ~= "number" or type(b) ~= "number" then
    error(fname .. ": the ends must be numbers, got " .. type(a) .. " and " .. type(b), 3)
  end
  if a ~= a or b ~= b or math.abs(a) == math.huge or math.abs(b) == math.huge then
    error(fname .. ": the ends must be finite numbers, got " .. a .. " and " .. b, 3)
  end
  if math.type(n) ~= "integer" and not (type(n) == "number" and n == math.floor(n)) then
    error(fname .. ": n must be a whole number of points, got " .. tostring(n), 3)
  end
  if n < 1 then error(fname .. ": n must be at least 1, got " .. tostring(n), 3) end
  if n > MAX_POINTS then error(fname .. ": n = " .. n .. " points is more than " .. MAX_POINTS, 3) end
  if n == 1 and a ~= b then error(fname .. ": one point cannot span [" .. a .. ", " .. b .. "]", 3) end
end

function zp.range(a, b, n)
  check_grid("zp.range", a, b, n)
  local t = {}
  -- a (n-1-i)/(n-1) + b i/(n-1): exact at both ends and symmetric (0.3, not 0.30000000000000004)
  for i = 0, n - 1 do t[i + 1] = (n == 1) and a or (a * (n - 1 - i) + b * i) / (n - 1) end
  if math.abs(t[1]) == math.huge or math.abs(t[n]) == math.huge or t[1] ~= t[1] then
    -- ends near the overflow limit: weights first, so no intermediate product overflows
    for i = 0, n - 1 do t[i + 1] = a * ((n - 1 - i) / (n - 1)) + b * (i / (n - 1)) end
  end
  if n > 1 then t[n] = b end
  return t
end

function zp.logrange(a, b, n)
  check_grid("zp.logrange", a, b, n)
  if a <= 0 or b <= 0 then
    error("zp.logrange: both ends must be positive, got " .. a .. " and " .. b, 2)
  end
  local t, la, lb = {}, math.log(a), math.log(b)
  for i = 0, n - 1 do t[i + 1] = (n == 1) and a or math.exp(la + (lb - la) * i / (n - 1)) end
  t[1] = a
  if n > 1 then t[n] = b end
  return t
end
zp.document("zp.range", "zp.range(a, b, n) -> n linearly spaced numbers from a to b, both ends included")
zp.document("zp.logrange", "zp.logrange(a, b, n) -> n logarithmically spaced numbers from a to b (> 0), both ends included")

--- Variants load on first use: zp.variants.heavy_dirac{...}.
zp.variants = setmetatable({}, {
  __index = function(t, name)
    local modname = "zprime.variants." .. tostring(name)
    local ok, mod = pcall(require, modname)
    if not ok then
      if tostring(mod):find("module '" .. modname .. "' not found", 1, true) then
        error("unknown variant '" .. tostring(name) .. "' (no module " .. modname .. ")", 2)
      end
      error(mod, 2)
    end
    rawset(t, name, mod)
    return mod
  end,
})

-- Extensions: each module returns function(zp) that installs its functions.
local EXTENSIONS = {
  "help",
  "show",
  "save",
  "variant",
  "check",
  "plot",
  "io",
  "scan",
  "relic",
  "pbar",
  "heavy",
  "flavour",
  "io.wcxf",
  "light",
  "stats",
  "plot.contour",
  "collider",
  "bsll",
}
for _, name in ipairs(EXTENSIONS) do
  require("zprime." .. name)(zp)
end

return zp
