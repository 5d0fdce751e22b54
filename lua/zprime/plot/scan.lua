--- zp.plot for scan results: a 2-D scan of a continuous column is a heat map with a colour bar
--- and optional contour lines (levels = {...}); a 0/1 column is a filled region (plot.region);
--- lines grouped by an axis with many values show a few of them.  Used by zp.plot; not a public API.
local region = require "zprime.plot.region"

local M = {}

M.MAX_BY = 8 -- more distinct values of `by` than this: show BY_SHOWN of them, evenly spaced
M.BY_SHOWN = 6

--- True when every value of the column is 0, 1, a boolean or NaN (a pass/fail column).
function M.is_boolean(col)
  for i = 1, #col do
    local v = col[i]
    if not (type(v) == "boolean" or v == 0 or v == 1 or v ~= v) then return false end
  end
  return true
end

local function log_spaced(v)
  if #v < 3 or v[1] <= 0 then return false end
  local r = v[2] / v[1]
  if math.abs(r - 1) < 1e-9 then return false end
  for i = 2, #v - 1 do
    if v[i] <= 0 or math.abs(v[i + 1] / v[i] / r - 1) > 1e-6 then return false end
  end
  return true
end

--- Cell edges around the nodes v: midpoints (geometric ones on a log-spaced axis).
local function edges(v)
  local n, log = #v, log_spaced(v)
  local function mid(a, b) return log and math.sqrt(a * b) or 0.5 * (a + b) end
  local e = {}
  if n == 1 then
    local h = v[1] ~= 0 and 0.05 * math.abs(v[1]) or 0.5
    return { v[1] - h, v[1] + h }
  end
  for i = 1, n - 1 do e[i + 1] = mid(v[i], v[i + 1]) end
  e[1] = log and v[1] * v[1] / e[2] or 2 * v[1] - e[2]
  e[n + 1] = log and v[n] * v[n] / e[n] or 2 * v[n] - e[n]
  return e
end

--- Data blocks and plot clauses of a heat-map series { heatmap = grid, levels = {...}, label = }.
--- q quotes a gnuplot string, num writes a number.
function M.clauses(s, nblock, datname, prologue, q, num)
  local g = s.heatmap
  local ex, ey = edges(g.x), edges(g.y)
  local rows = {}
  for i = 1, #g.x do
    for j = 1, #g.y do
      local z = g.z[i][j]
      if type(z) == "number" and z == z then
        rows[#rows + 1] = table.concat({ num(g.x[i]), num(g.y[j]), num(ex[i]), num(ex[i + 1]),
          num(ey[j]), num(ey[j + 1]), num(z) }, " ")
      end
    end
  end
  if #rows == 0 then error("zp.plot: the column for the heat map has no finite value", 0) end
  prologue[#prologue + 1] = "set palette defined (0 '#440154', 1 '#3b528b', 2 '#21918c', 3 '#5ec962', 4 '#fde725')"
  prologue[#prologue + 1] = "set colorbox user origin graph 1.02, graph 0 size character 2, graph 1"
  prologue[#prologue + 1] = "set rmargin at screen 0.80"
  prologue[#prologue + 1] = "set cblabel " .. q(s.label or "")
  prologue[#prologue + 1] = "set autoscale xfix"
  prologue[#prologue + 1] = "set autoscale yfix"
  local src = q(datname)
  local blocks = { rows }
  local cl = { string.format("%s index %d using 1:2:3:4:5:6:7 with boxxyerror fs solid 1.0 noborder lc palette notitle",
    src, nblock) }
  -- contour segments are short, so a dash pattern would not show: one colour per level
  local styles = { "lc rgb 'black' lw 2", "lc rgb '#d62728' lw 2", "lc rgb 'white' lw 2", "lc rgb '#1f77b4' lw 2" }
  for k, level in ipairs(s.levels or {}) do
    local _, lines = region.polygons(g, level)
    if #lines > 0 then
      blocks[#blocks + 1] = lines
      cl[#cl + 1] = string.format("%s index %d using 1:2 with lines %s title %s", src,
        nblock + #blocks - 1, styles[(k - 1) % #styles + 1], q((s.label or "z") .. " = " .. string.format("%g", level)))
    end
  end
  return blocks, cl
end

--- Check levels = { numbers } (nil allowed).
function M.check_levels(levels)
  if levels == nil then return end
  if type(levels) ~= "table" then error("zp.plot: levels must be a list of numbers, got " .. type(levels), 0) end
  for i = 1, #levels do
    if type(levels[i]) ~= "number" or levels[i] ~= levels[i] then
      error("zp.plot: levels[" .. i .. "] must be a number, got " .. tostring(levels[i]), 0)
    end
  end
end

--- The values of `by` to draw: all when there are few, else BY_SHOWN evenly spaced (ends kept).
function M.pick_by(order)
  if #order <= M.MAX_BY then return order, nil end
  local vals = {}
  for i, v in ipairs(order) do vals[i] = v end
  table.sort(vals, function(a, b)
    if type(a) == type(b) and (type(a) == "number" or type(a) == "string") then return a < b end
    return tostring(a) < tostring(b)
  end)
  local pick, n = {}, M.BY_SHOWN
  for k = 0, n - 1 do pick[#pick + 1] = vals[1 + math.floor(k * (#vals - 1) / (n - 1) + 0.5)] end
  return pick, #vals
end

return M
