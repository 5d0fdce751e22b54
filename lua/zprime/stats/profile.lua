--- zp.profile: the profile chi^2 over one or two parameters (grids), the other free parameters
--- re-fitted at each point (refit = true, default) or fixed at the global best fit; a CSV out.
return function(zp)
  local core = zp.core
  local csv = require "zprime.io.csv"
  local FIT_KEYS, setup = zp.stats.fit_keys, zp.stats.fit_setup
  local PROFILE_KEYS = { over = true, refit = true, out = true }
  for k in pairs(FIT_KEYS) do PROFILE_KEYS[k] = true end

  local NTRY = 12 -- random starts tried when neither the previous point nor the best fit is a valid start

  --- chi2 at the grid point x (the others re-fitted with the simplex, or kept), or nil and the
  --- message; x receives the re-fitted values.  Starts, in order: the previous grid point's
  --- re-fitted values (continuation), the global best fit, then seeded random points of the box.
  local function point(P, x, base, others, refit, spec, prev, uniform)
    if not (refit and #others > 0) then
      local chi2 = P.chi2(x)
      if chi2 ~= chi2 then return nil, P.last_err() or "chi2 is not a number" end
      return chi2
    end
    local lo, hi = {}, {}
    for j, i in ipairs(others) do lo[j], hi[j] = P.lo[i], P.hi[i] end
    local function f(y) for j, i in ipairs(others) do x[i] = y[j] end; return P.chi2(x) end
    local candidates = {}
    for _, src in ipairs({ prev or false, base }) do
      if src then
        local st = {}
        for j, i in ipairs(others) do st[j] = src[i] end
        candidates[#candidates + 1] = st
      end
    end
    local first_err
    for t = 1, #candidates + NTRY do
      local st = candidates[t]
      if not st then
        st = {}
        for j = 1, #others do st[j] = lo[j] + (hi[j] - lo[j]) * uniform() end
      end
      local c0 = f(st)
      if c0 == c0 and c0 < math.huge then
        local ok, r = pcall(core.fit_minimize, { lo = lo, hi = hi, start = st, method = "simplex",
          max_iter = spec.max_iter, tol = spec.tol, chi2 = f })
        if not ok then return nil, tostring(zp.stats.pass_interrupt(r)):gsub("^.-:%d+: ", "") end
        for j, i in ipairs(others) do x[i] = r.x[j] end
        return r.chi2
      end
      first_err = first_err or P.last_err()
    end
    return nil, "no valid start for the re-fit at this point (" .. tostring(first_err or "chi2 is not finite") .. ")"
  end

  --- The profile likelihood over one or two parameters of `over` (grids), the other free
  --- parameters re-fitted at each point (refit = true, default) or fixed at the best fit.
  function zp.profile(spec)
    if type(spec) ~= "table" then error("zp.profile: expects a table of options, got " .. type(spec), 2) end
    local over = spec.over
    if type(over) ~= "table" then error("zp.profile: over = { name = grid, ... } (one or two parameters) is required", 2) end
    local axes = {}
    for k, g in pairs(over) do
      if type(g) ~= "table" or #g < 1 then error("zp.profile: over." .. tostring(k) .. " must be a list of values", 2) end
      for i, v in ipairs(g) do
        if type(v) ~= "number" or v ~= v then error("zp.profile: over." .. k .. "[" .. i .. "] is not a number", 2) end
      end
      axes[#axes + 1] = k
    end
    table.sort(axes)
    if #axes < 1 or #axes > 2 then error("zp.profile: over takes one or two parameters, got " .. #axes, 2) end
    if spec.out ~= nil and type(spec.out) ~= "string" then error("zp.profile: out must be a file name, got " .. type(spec.out), 2) end
    local free = {}
    for k, b in pairs(spec.free or {}) do free[k] = b end
    for _, a in ipairs(axes) do
      if free[a] == nil then
        local g = over[a]
        local lo, hi = math.min(table.unpack(g)), math.max(table.unpack(g))
        if lo == hi then lo, hi = lo - 1, hi + 1 end
        free[a] = { lo, hi }
      end
    end
    local fspec = {}
    for k, v in pairs(spec) do if FIT_KEYS[k] then fspec[k] = v end end
    fspec.free = free
    local okp, P = pcall(setup, "zp.profile", fspec, PROFILE_KEYS)
    if not okp then error(zp.stats.pass_interrupt(P), 2) end
    local refit = spec.refit ~= false
    local others, idx = {}, {}
    for i, n in ipairs(P.names) do
      idx[n] = i
      if over[n] == nil then others[#others + 1] = i end
    end
    -- the global best fit gives the reference chi2 and the fixed values of the others
    local okg, global = pcall(zp.fit, fspec)
    if not okg then error("zp.profile: the global fit failed: " .. tostring(zp.stats.pass_interrupt(global)):gsub("^.-:%d+: ", ""), 2) end
    local base = {}
    for i, n in ipairs(P.names) do base[i] = global.best[n] end
    local g1, g2 = over[axes[1]], over[axes[2]] or { false }
    local res = { columns = {}, units = {}, axes = axes, n = 0 }
    for _, a in ipairs(axes) do res.columns[#res.columns + 1] = a end
    for _, c in ipairs({ "chi2", "dchi2" }) do res.columns[#res.columns + 1] = c end
    for _, n in ipairs(P.names) do if not over[n] then res.columns[#res.columns + 1] = n end end
    for _, c in ipairs(res.columns) do res[c] = {}; local i = core.info(c); res.units[c] = i and i.unit or "1" end
    local errors = {}
    local prev, uniform = nil, require("zprime.stats.rng").uniform(spec.seed or 1)
    for _, v1 in ipairs(g1) do
      for _, v2 in ipairs(g2) do
        local x = {}
        for i = 1, #P.names do x[i] = base[i] end
        x[idx[axes[1]]] = v1
        if v2 then x[idx[axes[2]]] = v2 end
        local chi2, err = point(P, x, base, others, refit, spec, prev, uniform)
        if chi2 then prev = { table.unpack(x) } end
        local k = res.n + 1
        res.n = k
        res[axes[1]][k] = v1
        if v2 then res[axes[2]][k] = v2 end
        res.chi2[k] = chi2 or 0 / 0
        for _, i in ipairs(others) do res[P.names[i]][k] = x[i] end
        if err then errors[k] = err end
      end
    end
    local min = global.chi2_min
    for k = 1, res.n do if res.chi2[k] < min then min = res.chi2[k] end end
    for k = 1, res.n do res.dchi2[k] = res.chi2[k] - min end
    if next(errors) then res.errors = errors end
    res.chi2_min, res.fit = min, global
    res.levels = { core.stats_dchi2(0.682689492137, #axes), core.stats_dchi2(0.954499736104, #axes),
                   core.stats_dchi2(0.997300203937, #axes) }
    if spec.out then
      local okw, e = pcall(zp.write_csv, spec.out, res, { header = { string.format("zp.profile over %s; chi2_min = %.10g; dchi2 levels 1/2/3 sigma: %.4f %.4f %.4f",
        table.concat(axes, ", "), min, res.levels[1], res.levels[2], res.levels[3]) } })
      if not okw then error("zp.profile: " .. tostring(e):gsub("^.-:%d+: ", ""), 2) end
      res.file = spec.out
    end
    return setmetatable(res, csv.result_mt)
  end
  zp.document("zp.profile", [[zp.profile{ over = { thetaD = zp.range(...), [second = grid] }, free = {...},
              refit = true, out = "profile.csv", <zp.fit options> } -> table
  The profile chi^2 over one or two parameters: at each grid point the other free parameters
  are re-fitted (refit = true; simplex from the global best fit) or kept at the global best fit.
  Columns: the grid parameters, chi2, dchi2 (= chi2 - the global minimum), the re-fitted values.
  levels = dchi2 of 1, 2, 3 sigma for this many parameters (1: 1, 4, 9; 2: 2.30, 6.18, 11.83).
  zp.plot_contours{ data = prof, out = "c.png" } draws the 1/2/3 sigma regions.]])
end
