--- Rows of a scan checked against its header alone (for `zprime merge`, which has no plan):
--- the "# over:", "# sampling:" and "# points:" lines give the axes, so every row's axis values
--- can be checked against its index.  Random scans regenerate each point from the seed; grid
--- scans check that each value of an axis always stands at the same axis index, and at the end
--- that the values found give the header's checksum; scans thinned by `where` check that no
--- point appears twice.
local core = require "zprime.core"
local plan = require "zprime.scan.plan"

local M = {}

local fmt_num = core.fmt_num

local function parse_axis(text, fail)
  local name, n, a, b = text:match("^(%S+) (%d+) values (%S+)%.%.(%S+)$")
  if name then return { name = name, n = tonumber(n), first = a, last = b } end
  local cname, v = text:match("^(%S+) = (%S+)$")
  if cname then return { name = cname, n = 1, first = v, last = v, const = tonumber(v) } end
  local dname, kind, lo, hi = text:match("^(%S+) (%a+)%((%S+), (%S+)%)$")
  if dname and (kind == "uniform" or kind == "loguniform") and tonumber(lo) and tonumber(hi) then
    return { name = dname, dist = { tonumber(lo), tonumber(hi), log = kind == "loguniform" or nil } }
  end
  fail("cannot read the axis '" .. text .. "' of the header's '# over:' line")
end

--- The checker of the scan whose header lines are head; fail(msg) raises.
function M.from_header(head, fail)
  local over, seed, points, of, sum
  for _, l in ipairs(head) do
    over = over or l:match("^# over: (.*)$")
    seed = seed or l:match("^# sampling: random, seed (%-?%d+)$")
    if l:match("^# points: ") then
      points, of, sum = l:match("^# points: (%d+) %(of (%d+) kept by where%), checksum (%x+)$")
      if not points then points, sum = l:match("^# points: (%d+), checksum (%x+)$") end
      if not points then fail("cannot read the header line '" .. l .. "'") end
    end
  end
  if not over or not points then fail("the header has no '# over:' or '# points:' line: not a zprime scan") end
  local axes = {}
  for part in (over .. "; "):gmatch("(.-); ") do axes[#axes + 1] = parse_axis(part, fail) end
  seed = seed and math.tointeger(tonumber(seed))
  local hv = { nd = #axes, npoints = tonumber(points) }
  local mismatch = function(got, want)
    return "is " .. fmt_num(got) .. " but this row's point has " .. fmt_num(want) .. " (rows duplicated or out of place)"
  end

  if of then -- thinned by where: the point of a row is not known, but no point may repeat
    local seen = {}
    function hv.check(cols, row0, n)
      for i = 1, n do
        local key = {}
        for k = 1, #axes do key[k] = fmt_num(cols[k][i]) end
        key = table.concat(key, ",")
        if seen[key] then return i, 1, "repeats the point of row " .. seen[key] .. " (rows duplicated)" end
        seen[key] = row0 + i
      end
    end
    function hv.finish() end
  elseif seed then
    function hv.check(cols, row0, n)
      for k, a in ipairs(axes) do
        local col = cols[k]
        for i = 1, n do
          local want = a.const
          if a.dist then
            local lo, hi = a.dist[1], a.dist[2]
            if a.dist.log then lo, hi = math.log(lo), math.log(hi) end
            want = lo + (hi - lo) * plan.uniform01(seed, row0 + i - 1, k)
            if a.dist.log then want = math.exp(want) end
          end
          if col[i] ~= want then return i, k, mismatch(col[i], want) end
        end
      end
    end
    function hv.finish() end
  else
    local stride, values = {}, {}
    local s = 1
    for k = #axes, 1, -1 do stride[k] = s; s = s * axes[k].n; values[k] = {} end
    function hv.check(cols, row0, n)
      for k, a in ipairs(axes) do
        local col, vals, st, nk = cols[k], values[k], stride[k], a.n
        for i = 1, n do
          local idx = (row0 + i - 1) // st % nk + 1
          local v = vals[idx]
          if v == nil then vals[idx] = col[i]
          elseif v ~= col[i] then return i, k, mismatch(col[i], v) end
        end
      end
    end
    function hv.finish()
      local list = {}
      for k, a in ipairs(axes) do
        local vals, found = values[k], 0
        for i = 1, a.n do if vals[i] ~= nil then found = found + 1 end end
        if found ~= a.n then return "the rows", k, "hold " .. found .. " of its " .. a.n .. " values" end
        if fmt_num(vals[1]) ~= a.first or fmt_num(vals[a.n]) ~= a.last then
          return "the rows", k, "run from " .. fmt_num(vals[1]) .. " to " .. fmt_num(vals[a.n]) ..
            ", the header says " .. a.first .. ".." .. a.last
        end
        list[k] = { name = a.name, values = vals }
      end
      if plan.checksum(list, nil) ~= sum then
        return "the rows", 1, "hold axis values whose checksum is not the header's " .. sum .. " (values changed)"
      end
    end
  end

  --- JSON: the merged columns (global rows 1..n) by axis name.
  function hv.check_json(res, row0, n)
    local cols = {}
    for k, a in ipairs(axes) do
      cols[k] = res[a.name]
      if type(cols[k]) ~= "table" then return 1, k, "is missing" end
    end
    local r, c, m = hv.check(cols, row0, n)
    if r then return r, c, m end
    local fr, fc, fm = hv.finish()
    if fr then return 1, fc, fm end
  end
  return hv
end

return M
