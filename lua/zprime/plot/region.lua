--- Filled 2-D regions for zp.plot: the part of a grid where z >= level as polygons (runs of
--- fully-inside cells merged into rectangles, boundary cells cut by marching squares) and the
--- contour z = level as line segments, or chained into polylines (contour_lines).  Used by zp.plot
--- and the figure scripts; not a public API.
local M = {}

local function fmt(x) return string.format("%.17g", x) end

--- Interpolation along one axis: linear, or logarithmic when the nodes are log-spaced.
local function interpolator(v)
  local n = #v
  local log = n >= 3 and v[1] > 0
  if log then
    local r = v[2] / v[1]
    for i = 2, n - 1 do
      if math.abs(v[i + 1] / v[i] / r - 1) > 1e-6 or math.abs(r - 1) < 1e-9 then log = false; break end
    end
  end
  if log then
    return function(a, b, t) return math.exp(math.log(a) + (math.log(b) - math.log(a)) * t) end
  end
  return function(a, b, t) return a + (b - a) * t end
end

--- polygons(region, level) -> fill rows, contour rows (gnuplot data lines; "" separates curves).
function M.polygons(r, level)
  local xs, ys, z = r.x, r.y, r.z
  local nx, ny = #xs, #ys
  if #z ~= nx then
    error("zp.plot: region.z has " .. #z .. " rows but region.x has " .. nx .. " values (z[i][j] is at x[i], y[j])", 0)
  end
  for i = 1, nx do
    if type(z[i]) ~= "table" or #z[i] ~= ny then
      error("zp.plot: region.z[" .. i .. "] must have " .. ny .. " values (one per region.y)", 0)
    end
  end
  local ix, iy = interpolator(xs), interpolator(ys)
  local function val(i, j) local v = z[i][j]; if type(v) == "boolean" then v = v and 1 or 0 end; return v end
  local function inside(i, j) local v = val(i, j); return v == v and v >= level end
  local fill, lines = {}, {}
  local function rect(x0, x1, y0, y1)
    fill[#fill + 1] = fmt(x0) .. " " .. fmt(y0)
    fill[#fill + 1] = fmt(x1) .. " " .. fmt(y0)
    fill[#fill + 1] = fmt(x1) .. " " .. fmt(y1)
    fill[#fill + 1] = fmt(x0) .. " " .. fmt(y1)
    fill[#fill + 1] = fmt(x0) .. " " .. fmt(y0)
    fill[#fill + 1] = ""
  end
  -- crossing point on the edge between nodes (i1,j1) and (i2,j2)
  local function cross(i1, j1, i2, j2)
    local a, b = val(i1, j1), val(i2, j2)
    local t = 0.5
    if a == a and b == b and a ~= b then t = (level - a) / (b - a) end
    if t < 0 then t = 0 elseif t > 1 then t = 1 end
    return { ix(xs[i1], xs[i2], t), iy(ys[j1], ys[j2], t), true }
  end
  for j = 1, ny - 1 do
    local run0
    for i = 1, nx do
      local full = i < nx and inside(i, j) and inside(i + 1, j) and inside(i + 1, j + 1) and inside(i, j + 1)
      if full and not run0 then run0 = i end
      if not full and run0 then rect(xs[run0], xs[i], ys[j], ys[j + 1]); run0 = nil end
      if i < nx and not full then
        local c = { { i, j }, { i + 1, j }, { i + 1, j + 1 }, { i, j + 1 } }
        local poly, any = {}, false
        for k = 1, 4 do
          local p, n = c[k], c[k % 4 + 1]
          local pin, nin = inside(p[1], p[2]), inside(n[1], n[2])
          if pin then poly[#poly + 1] = { xs[p[1]], ys[p[2]], false }; any = true end
          if pin ~= nin then poly[#poly + 1] = cross(p[1], p[2], n[1], n[2]) end
        end
        if any then
          for _, v in ipairs(poly) do fill[#fill + 1] = fmt(v[1]) .. " " .. fmt(v[2]) end
          fill[#fill + 1] = fmt(poly[1][1]) .. " " .. fmt(poly[1][2])
          fill[#fill + 1] = ""
          for k = 1, #poly do
            local a, b = poly[k], poly[k % #poly + 1]
            if a[3] and b[3] then
              lines[#lines + 1] = fmt(a[1]) .. " " .. fmt(a[2])
              lines[#lines + 1] = fmt(b[1]) .. " " .. fmt(b[2])
              lines[#lines + 1] = ""
            end
          end
        end
      end
    end
  end
  if #fill == 0 then fill[1] = "NaN NaN" end
  if #lines == 0 then lines[1] = "NaN NaN" end
  return fill, lines
end

--- Marching squares, chained: the z = level contour of z[i][j] (at xs[i], ys[j]) as polylines
--- { x = {...}, y = {...} }.  A crossing is computed once per grid edge (so neighbouring cells
--- share it exactly), interpolated linearly or, on a log-spaced axis, in the logarithm; the
--- segments are joined through their shared crossings, so each branch of the curve is one
--- continuous line (closed loops come back to their start).  Cells with a NaN corner are skipped.
function M.contour_lines(xs, ys, z, level)
  level = level or 0
  local ix, iy = interpolator(xs), interpolator(ys)
  local NM_ = #ys
  local function val(i, j) return z[i][j] - level end
  local function edge_key(i1, j1, i2, j2)
    if i1 > i2 or (i1 == i2 and j1 > j2) then i1, j1, i2, j2 = i2, j2, i1, j1 end
    return (i1 * (NM_ + 1) + j1) * 4 + (i2 - i1) * 2 + (j2 - j1)
  end
  local pts = {}
  local function crossing(i1, j1, i2, j2)
    local k = edge_key(i1, j1, i2, j2)
    if not pts[k] then
      if i1 > i2 or (i1 == i2 and j1 > j2) then i1, j1, i2, j2 = i2, j2, i1, j1 end
      local a, b = val(i1, j1), val(i2, j2)
      local t = a / (a - b)
      pts[k] = { ix(xs[i1], xs[i2], t), iy(ys[j1], ys[j2], t) }
    end
    return k
  end
  local adj = {} -- crossing key -> list of neighbour keys
  local function link(a, b)
    adj[a] = adj[a] or {}; adj[b] = adj[b] or {}
    table.insert(adj[a], b); table.insert(adj[b], a)
  end
  for i = 1, #xs - 1 do
    for j = 1, NM_ - 1 do
      local c = { { i, j }, { i + 1, j }, { i + 1, j + 1 }, { i, j + 1 } }
      local ok = true
      for _, k in ipairs(c) do local v = val(k[1], k[2]); if v ~= v then ok = false end end
      if ok then
        local ks = {}
        for e = 1, 4 do
          local p, q = c[e], c[e % 4 + 1]
          if (val(p[1], p[2]) < 0) ~= (val(q[1], q[2]) < 0) then ks[#ks + 1] = crossing(p[1], p[2], q[1], q[2]) end
        end
        if #ks == 4 then -- saddle: pair by the sign at the centre
          local ctr = (val(i, j) + val(i + 1, j) + val(i + 1, j + 1) + val(i, j + 1)) / 4
          if (ctr < 0) == (val(i, j) < 0) then ks = { ks[1], ks[4], ks[2], ks[3] } end
        end
        for s_ = 1, #ks - 1, 2 do link(ks[s_], ks[s_ + 1]) end
      end
    end
  end
  -- walk: start at the ends (one neighbour) first, then the closed loops
  local used, lines = {}, {}
  local function walk(start)
    local xs, ys, prev, cur = {}, {}, nil, start
    while cur and not used[cur] do
      used[cur] = true
      xs[#xs + 1], ys[#ys + 1] = pts[cur][1], pts[cur][2]
      local nxt
      for _, n in ipairs(adj[cur]) do if n ~= prev and not used[n] then nxt = n; break end end
      if not nxt then -- close a loop
        for _, n in ipairs(adj[cur]) do if n == start and prev ~= start and #xs > 2 then xs[#xs + 1], ys[#ys + 1] = pts[n][1], pts[n][2] end end
      end
      prev, cur = cur, nxt
    end
    if #xs > 1 then lines[#lines + 1] = { x = xs, y = ys } end
  end
  local keys = {}
  for k in pairs(adj) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do if #adj[k] == 1 and not used[k] then walk(k) end end
  for _, k in ipairs(keys) do if not used[k] then walk(k) end end
  return lines
end

return M
