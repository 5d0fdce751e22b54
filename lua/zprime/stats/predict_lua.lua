--- The Lua path of m:predict: for an observable given as a function of the model, or with
--- rederive = true (each varied model is built with m:with, so a variant re-solves its relations,
--- e.g. heavy_dirac's couplings from the relic target).  Same result fields as the C path
--- (src/core/stats/predict.c); samples from a seeded xorshift64* generator and Box-Muller.
local rng = require "zprime.stats.rng"

local M = {}

--- Value of obs (a registered name with args, or a function of the model) at model m.
local function value(m, obs, args)
  local v
  if type(obs) == "function" then v = obs(m)
  elseif args and #args > 0 then v = m[obs](m, table.unpack(args))
  else v = m[obs] end
  if type(v) ~= "number" or v ~= v then error("the observable gave " .. tostring(v) .. ", not a number", 0) end
  return v
end

local function vary(m, names, x0, dx)
  local t = {}
  for i, n in ipairs(names) do t[n] = x0[i] + dx[i] end
  return m:with(t)
end

local cholesky = require("zprime.stats.linalg").cholesky

--- Quantile p of sorted values (linear interpolation between order statistics, as GSL).
local function quantile(v, p)
  local h = (#v - 1) * p
  local i = math.floor(h)
  if i + 1 >= #v then return v[#v] end
  return v[i + 1] + (h - i) * (v[i + 2] - v[i + 1])
end

--- r = { central, mean, sd, grad | q, n_ok, n_fail, samples } for model m.
function M.run(m, obs, args, names, sig, C, opts)
  local k, x0 = #names, {}
  for i, n in ipairs(names) do x0[i] = m[n] end
  local central = value(m, obs, args)
  local zero = {}
  for i = 1, k do zero[i] = 0 end
  if opts.method ~= "mc" then
    local grad, var = {}, 0
    for i = 1, k do
      local h, dx = 1e-2 * sig[i], { table.unpack(zero) }
      if h > 0 then
        dx[i] = h
        local fp = value(vary(m, names, x0, dx), obs, args)
        dx[i] = -h
        local fm = value(vary(m, names, x0, dx), obs, args)
        grad[i] = (fp - fm) / (2 * h)
      else
        grad[i] = 0
      end
    end
    for i = 1, k do
      for j = 1, k do
        local rho = (i == j) and 1 or (C and C[i][j] or 0)
        var = var + grad[i] * grad[j] * rho * sig[i] * sig[j]
      end
    end
    return { central = central, mean = central, sd = math.sqrt(math.max(var, 0)), grad = grad }
  end
  local n = opts.n or 10000
  if math.tointeger(n) == nil or n < 2 or n > 1e7 then error("n = " .. tostring(n) .. "; expected a whole number of samples from 2 to 10000000", 0) end
  local seed = opts.seed or 1
  if math.tointeger(seed) == nil or seed < 0 then error("seed = " .. tostring(seed) .. "; expected a whole number >= 0", 0) end
  local L, normal = cholesky(C, k), rng.normal(seed)
  local vals, fail, z, dx = {}, 0, {}, {}
  for _ = 1, n do
    for i = 1, k do z[i] = normal() end
    for i = 1, k do
      local d = 0
      for j = 1, i do d = d + L[i][j] * z[j] end
      dx[i] = sig[i] * d
    end
    local ok, v = pcall(function() return value(vary(m, names, x0, dx), obs, args) end)
    if ok then vals[#vals + 1] = v
    else
      require("zprime.interrupt").reraise(v) -- Ctrl-C is not a failed sample
      fail = fail + 1
    end
  end
  if #vals < 2 or fail > n / 2 then
    error(string.format("%d of %d samples fell outside the parameters' ranges or failed to evaluate; " ..
      "the errors are too large for a Gaussian propagation", fail, n), 0)
  end
  local sum, ss = 0, 0
  for _, v in ipairs(vals) do sum = sum + v end
  local mean = sum / #vals
  for _, v in ipairs(vals) do ss = ss + (v - mean) ^ 2 end
  local sorted = {}
  for i, v in ipairs(vals) do sorted[i] = v end
  table.sort(sorted)
  local q = {}
  for i, p in ipairs({ 0.025, 0.15865525393145707, 0.5, 0.8413447460685429, 0.975 }) do q[i] = quantile(sorted, p) end
  return { central = central, mean = mean, sd = math.sqrt(ss / (#vals - 1)), q = q, n_ok = #vals, n_fail = fail,
           samples = opts.samples and vals or nil }
end

return M
