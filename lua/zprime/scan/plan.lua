--- The plan of a scan: axes, points (grid, list or seeded random), columns, the header that
--- identifies the scan in its output file, and the slice of a chunked run.  Used by zp.scan.
local core = require "zprime.core"
local fmt_num = core.fmt_num

local M = {}

local DIST_MT = { __name = "zprime.distribution" }
M.DIST_MT = DIST_MT

--- Random number u in [0, 1) for (seed, point t, axis d): a counter-based splitmix64 hash, so
--- any slice of a random scan can be generated on its own and every run gives the same points.
local function mix(z)
  z = (z ~ (z >> 30)) * 0xbf58476d1ce4e5b9
  z = (z ~ (z >> 27)) * 0x94d049bb133111eb
  return z ~ (z >> 31)
end
local GOLDEN = 0x9e3779b97f4a7c15
function M.uniform01(seed, t, d)
  local z = mix(mix(seed * GOLDEN + t) + d * GOLDEN)
  return (z >> 11) * 2.0 ^ -53
end

local function bad(msg) error("zp.scan: " .. msg, 0) end

M.MAX_JOBS = 1024 -- worker processes of one scan: more is a typo (and would exhaust the process table)

local function axis_of(name, v)
  if type(name) ~= "string" then bad("axis names must be strings, got " .. type(name)) end
  if type(v) == "number" then return { name = name, values = { v } } end
  if getmetatable(v) == DIST_MT then return { name = name, dist = v } end
  if type(v) ~= "table" or #v == 0 then
    bad("axis '" .. name .. "' must be a list of numbers (zp.range, zp.logrange, {...}), " ..
      "a number, or zp.uniform/zp.loguniform for random sampling")
  end
  for i = 1, #v do
    if type(v[i]) ~= "number" or v[i] ~= v[i] then
      bad("axis '" .. name .. "' value " .. i .. " is " .. tostring(v[i]) .. ", not a number")
    end
  end
  return { name = name, values = v }
end

--- over = { name = axis, ... } (keyed: in parameter-registry order, then by name) or
--- { { "name", axis }, ... } (in the given order); the first axis varies slowest.
function M.axes(over)
  if type(over) ~= "table" then bad("over must be a table { name = values, ... }, got " .. type(over)) end
  local axes, seen = {}, {}
  for i, a in ipairs(over) do
    if type(a) ~= "table" then bad("over[" .. i .. "] must be { \"name\", values }") end
    axes[#axes + 1] = axis_of(a[1], a[2])
  end
  local keyed = {}
  for k, v in pairs(over) do
    if type(k) == "string" then keyed[#keyed + 1] = axis_of(k, v) end
  end
  local function rank(a)
    local c = core.names[a.name]
    return (c and c < core.nparams) and c or math.huge
  end
  table.sort(keyed, function(a, b)
    local ra, rb = rank(a), rank(b)
    if ra ~= rb then return ra < rb end
    return a.name < b.name
  end)
  for _, a in ipairs(keyed) do axes[#axes + 1] = a end
  if #axes == 0 then bad("over has no axes") end
  for _, a in ipairs(axes) do
    if seen[a.name] then bad("axis '" .. a.name .. "' is given twice") end
    seen[a.name] = true
  end
  return axes
end

--- Point generator: fill(t, vals) writes the axis values of point t (0-based) into vals.
function M.points(axes, samples, seed)
  local d = #axes
  local random = false
  for _, a in ipairs(axes) do if a.dist then random = true end end
  if random then
    if math.type(samples) ~= "integer" or samples < 1 then
      bad("random axes (zp.uniform, zp.loguniform) need samples = number of points")
    end
    seed = seed or 1
    if math.type(seed) ~= "integer" then bad("seed must be an integer, got " .. tostring(seed)) end
    local draw = {}
    for k, a in ipairs(axes) do
      if a.dist then
        local lo, hi, log = a.dist[1], a.dist[2], a.dist.log
        if log then lo, hi = math.log(lo), math.log(hi) end
        draw[k] = function(t)
          local x = lo + (hi - lo) * M.uniform01(seed, t, k)
          return log and math.exp(x) or x
        end
      elseif #a.values == 1 then
        local c = a.values[1]
        draw[k] = function() return c end
      else
        bad("axis '" .. a.name .. "' is a list but the scan is random: use zp.uniform/zp.loguniform or a single number")
      end
    end
    return samples, function(t, vals) for k = 1, d do vals[k] = draw[k](t) end end, seed
  end
  if samples ~= nil then bad("samples = " .. tostring(samples) .. " needs random axes (zp.uniform, zp.loguniform)") end
  local sizes, values, total = {}, {}, 1
  for k, a in ipairs(axes) do sizes[k], values[k] = #a.values, a.values; total = total * #a.values end
  return total, function(t, vals)
    for k = d, 1, -1 do
      local n = sizes[k]
      vals[k] = values[k][t % n + 1]
      t = t // n
    end
  end, nil
end

--- A short checksum of the axis values, so a header identifies its scan exactly: FNV-1a over
--- the axis names and values as text (hashed in C: a 400 x 400 grid's text in ~20 us).  With
--- the scan's C plan, a list axis's text is the one the plan formatted for its rows (the same
--- zp_fmt_num text, not formatted a second time).
local function checksum(axes, seed, cplan)
  local parts = {}
  for k, a in ipairs(axes) do
    parts[#parts + 1] = a.name
    if a.dist then parts[#parts + 1] = fmt_num(a.dist[1]) .. fmt_num(a.dist[2]) .. tostring(a.dist.log) end
    local text = a.values and cplan and cplan:axis_text(k)
    if text then
      parts[#parts + 1] = text
    else
      for _, v in ipairs(a.values or {}) do parts[#parts + 1] = fmt_num(v) end
    end
  end
  parts[#parts + 1] = tostring(seed)
  return string.format("%08x", core.fnv1a(table.concat(parts)))
end
M.checksum = checksum

local function axis_text(a)
  if a.dist then
    return string.format("%s %s(%s, %s)", a.name, a.dist.log and "loguniform" or "uniform",
      fmt_num(a.dist[1]), fmt_num(a.dist[2]))
  end
  local v = a.values
  if #v == 1 then return a.name .. " = " .. fmt_num(v[1]) end
  return string.format("%s %d values %s..%s", a.name, #v, fmt_num(v[1]), fmt_num(v[#v]))
end

--- The comment lines that identify a scan (everything but the chunk line).
function M.header(p)
  local h = { "# zprime " .. core.version .. " scan (model of arXiv:1702.00395)" }
  if p.base then
    h[#h + 1] = "# model: " .. core.model_text(p.base)
    local meta = core.meta(p.base)
    if meta and meta.variant then h[#h + 1] = "# variant: " .. tostring(meta.variant) end
  else
    h[#h + 1] = "# model: built at each point by a variant function"
  end
  local ax = {}
  for i, a in ipairs(p.axes) do ax[i] = axis_text(a) end
  h[#h + 1] = "# over: " .. table.concat(ax, "; ")
  if p.seed then h[#h + 1] = "# sampling: random, seed " .. p.seed end
  if #p.constraints > 0 then
    local cs = {}
    for i, c in ipairs(p.constraints) do cs[i] = p.pass_names[i] .. " = " .. p.constraint_text[i] end
    h[#h + 1] = "# constraints: " .. table.concat(cs, "; ")
  end
  local pts = tostring(p.npoints)
  if p.kept then pts = pts .. " (of " .. p.total .. " kept by where)" end
  h[#h + 1] = "# points: " .. pts .. ", checksum " .. checksum(p.axes, p.seed, p.cplan)
  return h
end

--- The name of list closest to k (edit distance <= 2), or nil.
function M.suggest(k, list)
  return require("zprime.core").closest(k, list, 2)
end

--- "K/N" -> K, N (1 <= K <= N).
function M.parse_chunk(s)
  if s == nil then return nil end
  local k, n = tostring(s):match("^%s*(%d+)%s*/%s*(%d+)%s*$")
  k, n = tonumber(k), tonumber(n)
  if not k or n < 1 or k < 1 or k > n then
    bad("chunk must be \"K/N\" with 1 <= K <= N, got '" .. tostring(s) .. "'")
  end
  return k, n
end

--- Rows lo+1 .. hi of m rows form slice K of N (contiguous, sizes differ by at most one).
function M.slice(m, k, n)
  return (k - 1) * m // n, k * m // n
end

--- out.csv -> out-KofN.csv
function M.slice_path(out, k, n)
  local stem, ext = out:match("^(.*)(%.[%w]+)$")
  if not stem then stem, ext = out, "" end
  return string.format("%s-%dof%d%s", stem, k, n, ext)
end

--- --chunk K/N and --jobs N from the script's arguments (or ZPRIME_CHUNK / ZPRIME_JOBS).
function M.batch_args()
  local chunk, jobs = os.getenv("ZPRIME_CHUNK"), os.getenv("ZPRIME_JOBS")
  local a = rawget(_G, "arg")
  if type(a) == "table" then
    for i = 1, #a do
      local s = a[i]
      if (s == "--chunk" or s == "--jobs") and a[i + 1] == nil then
        bad(s .. " needs a value (" .. (s == "--chunk" and "K/N" or "a number of worker processes") .. ")")
      end
      if s == "--chunk" then chunk = a[i + 1]
      elseif s == "--jobs" then jobs = a[i + 1]
      elseif type(s) == "string" and s:match("^%-%-chunk=") then chunk = s:sub(9)
      elseif type(s) == "string" and s:match("^%-%-jobs=") then jobs = s:sub(8) end
    end
  end
  if jobs ~= nil then
    local j = math.tointeger(tonumber(jobs))
    if not j or j < 1 or j > M.MAX_JOBS then
      bad("--jobs needs a whole number of worker processes from 1 to " .. M.MAX_JOBS .. ", got '" .. tostring(jobs) .. "'")
    end
    jobs = j
  end
  if chunk == "" then chunk = nil end
  return chunk, jobs
end

return M
