--- zp.plot's shorthand for tables of columns (scan results, zp.read_csv tables): series from
--- named columns, grouping by a third column, 2-D grids for allowed regions.  Used by zp.plot.
local M = {}
local pscan = require "zprime.plot.scan"

--- Escape a plain name (a column name such as C9_bsmumu) for enhanced text.
function M.esc(s) return (tostring(s):gsub("([_^{}@&~])", "\\%1")) end

function M.did_you_mean(k, allowed)
  local best = require("zprime.core").closest(k, allowed, 2)
  return best and (" (did you mean '" .. best .. "'?)") or ""
end

local function label_of(res, name)
  local u = res.units and res.units[name]
  if u and u ~= "1" and u ~= "" then return M.esc(name) .. " [" .. u .. "]" end
  return M.esc(name)
end

local function column(res, name)
  local c = res[name]
  if type(c) ~= "table" then
    local names = res.columns or {}
    error("zp.plot: the data has no column '" .. tostring(name) .. "'" ..
      M.did_you_mean(tostring(name), names) .. " (columns: " .. table.concat(names, ", ") .. ")", 4)
  end
  return c
end

--- Build a 2-D grid { x = xs, y = ys, z = z[i][j] } from the columns of a grid scan.
local function grid_of(res, xn, yn, zn)
  local X, Y, Z = column(res, xn), column(res, yn), column(res, zn)
  local xs, ys, xi, yi = {}, {}, {}, {}
  for i = 1, #X do
    if not xi[X[i]] then xi[X[i]] = true; xs[#xs + 1] = X[i] end
    if not yi[Y[i]] then yi[Y[i]] = true; ys[#ys + 1] = Y[i] end
  end
  table.sort(xs); table.sort(ys)
  for i, v in ipairs(xs) do xi[v] = i end
  for j, v in ipairs(ys) do yi[v] = j end
  local z = {}
  for i = 1, #xs do
    local row = {}
    for j = 1, #ys do row[j] = 0 / 0 end
    z[i] = row
  end
  for k = 1, #X do
    local v = Z[k]
    if type(v) == "boolean" then v = v and 1 or 0 end
    z[xi[X[k]]][yi[Y[k]]] = v
  end
  return { x = xs, y = ys, z = z }
end

M.grid_of = grid_of -- also used by zp.plot_contours (plot/contour.lua)

--- Turn the shorthand { data = res, x = "a", y = "b" | {...}, z = "c" } into series.
function M.series_from_data(spec)
  local res = spec.data
  if type(res) ~= "table" then
    error("zp.plot: data must be a scan result or a table read by zp.read_csv, got " .. type(res), 3)
  end
  local cols = res.columns or {}
  local axes = res.axes or {}
  local xn = spec.x or axes[1] or cols[1]
  if type(xn) ~= "string" then error("zp.plot: with data = ..., x must be a column name", 3) end
  local series = {}
  local z = spec.z
  if z == nil and spec.y == nil and #axes == 2 and xn == axes[1] and type(res.pass) == "table" then
    z = "pass"   -- a 2-D scan with constraints: the allowed region
  elseif z == nil and spec.y == nil and #axes == 2 and xn == axes[1] and res.observables and res.observables[1] then
    z = res.observables[1] -- a 2-D scan of observables: a heat map of the first
  end
  if z then
    local yn = spec.y or axes[2]
    local level = spec.level or 0.5
    if type(yn) ~= "string" then error("zp.plot: a 2-D region needs y = column name", 3) end
    if type(z) ~= "string" then error("zp.plot: z must be a column name, got " .. type(z), 3) end
    if not pscan.is_boolean(column(res, z)) then -- a continuous column: heat map
      pscan.check_levels(spec.levels)
      series[1] = { heatmap = grid_of(res, xn, yn, z), levels = spec.levels, label = spec.label or label_of(res, z) }
      return series, label_of(res, xn), label_of(res, yn)
    end
    series[1] = { region = grid_of(res, xn, yn, z), level = level,
                  label = spec.label or (z == "pass" and "allowed" or M.esc(z)), color = spec.color }
    return series, label_of(res, xn), label_of(res, yn)
  end
  local ys = spec.y
  if ys == nil then
    ys = {}
    for _, c in ipairs(res.observables or cols) do if c ~= xn then ys[#ys + 1] = c end end
    if #ys == 0 then error("zp.plot: the data has no column to plot against " .. xn, 3) end
    if not res.observables then ys = { ys[1] } end
  elseif type(ys) == "string" then
    ys = { ys }
  elseif type(ys) ~= "table" then
    error("zp.plot: with data = ..., y must be a column name or a list of names, got " .. type(ys), 3)
  end
  if spec.label ~= nil and type(spec.label) ~= "string" then
    error("zp.plot: label must be a string, got " .. type(spec.label), 3)
  end
  local X = column(res, xn)
  local by = spec.by
  if by == nil and spec.y == nil and #axes == 2 and xn == axes[1] then by = axes[2] end
  for _, yn in ipairs(ys) do
    local Yc = column(res, yn)
    local groups, order = {}, {}
    local B = by and column(res, by)
    for i = 1, #X do
      local key = B and B[i] or 1
      local g = groups[key]
      if not g then g = { x = {}, y = {} }; groups[key] = g; order[#order + 1] = key end
      local v = Yc[i]
      if type(v) == "boolean" then v = v and 1 or 0 end
      g.x[#g.x + 1] = X[i]
      g.y[#g.y + 1] = type(v) == "number" and v or 0 / 0
    end
    local shown, total = pscan.pick_by(B and order or { 1 })
    if not B then shown = order end
    for _, key in ipairs(shown) do
      local g = groups[key]
      local lab = spec.label or M.esc(yn)
      if B then lab = lab .. ", " .. M.esc(by) .. " = " .. (type(key) == "number" and string.format("%.4g", key) or M.esc(key)) end
      if total and key == shown[1] then lab = lab .. " (" .. #shown .. " of " .. total .. " values)" end
      series[#series + 1] = { x = g.x, y = g.y, label = lab, style = spec.style or "lines" }
    end
  end
  return series, label_of(res, xn), (#ys == 1) and label_of(res, ys[1]) or nil
end

return M
