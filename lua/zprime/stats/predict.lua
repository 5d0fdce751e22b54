--- m:predict(observable, { method = "linear" | "mc", n, seed, inputs, correlations, args, samples })
--- Propagates the 1-sigma errors X_err of the observable's inputs (or a chosen subset) in C
--- (src/core/stats/predict.c): linear from central differences, or Gaussian Monte Carlo.
return function(zp)
  local core = zp.core
  local KEYS = { method = true, n = true, seed = true, inputs = true, correlations = true, args = true,
                 samples = true, rederive = true, unit = true }
  local lua_path = require "zprime.stats.predict_lua"

  local SUP = { ["-1"] = "⁻¹", ["-2"] = "⁻²", ["-3"] = "⁻³", ["2"] = "²", ["3"] = "³" }
  local function pretty_unit(u)
    if u == nil or u == "1" or u == "" then return "" end
    return " " .. u:gsub("%^(%-?%d)", function(e) return SUP[e] or ("^" .. e) end)
  end

  local function render(r)
    local s = string.format("%.4g ± %.2g%s", r.mean, r.sd, pretty_unit(r.unit))
    if r.q then
      s = s .. string.format("  (%s, n = %d: 68%% [%.4g, %.4g], 95%% [%.4g, %.4g])", r.method, r.n_ok,
        r.q[2], r.q[4], r.q[1], r.q[5])
    end
    return s
  end
  local result_mt = { __tostring = render }

  --- The default inputs of an observable: its registry inputs that have an X_err companion.
  local function default_inputs(m, info)
    local names, sig = {}, {}
    for name in info.inputs:gmatch("%S+") do
      local e = core.info(name .. "_err")
      if e and e.kind == "parameter" then
        names[#names + 1] = name
        sig[#sig + 1] = m[name .. "_err"]
      end
    end
    return names, sig
  end

  --- inputs = { "fBs_sqrtB", ... } (errors from X_err) or { fBs_sqrtB = 0.018, ... }.
  local function chosen_inputs(m, inputs)
    local names, sig = {}, {}
    if #inputs > 0 then
      for i, name in ipairs(inputs) do
        if type(name) ~= "string" then error("inputs[" .. i .. "] must be a parameter name, got " .. type(name), 0) end
        local e = core.info(name .. "_err")
        if not (e and e.kind == "parameter") then
          error("input '" .. name .. "' has no error parameter '" .. name .. "_err' (zp.uncertainties() lists them; " ..
            "give { " .. name .. " = sigma } instead)", 0)
        end
        names[i], sig[i] = name, m[name .. "_err"]
      end
    else
      for name, s in pairs(inputs) do
        local info = type(name) == "string" and core.info(name)
        if not (info and info.kind == "parameter") then error("inputs: '" .. tostring(name) .. "' is not a parameter", 0) end
        if type(s) ~= "number" or s ~= s or s < 0 then
          error("inputs." .. name .. " must be a 1-sigma error >= 0, got " .. tostring(s), 0)
        end
        names[#names + 1], sig[#sig + 1] = name, s
      end
      table.sort(names)
      for i, name in ipairs(names) do sig[i] = inputs[name] end
    end
    return names, sig
  end

  --- correlations = { { "a", "b", rho }, ... } -> k x k matrix, or nil.
  local function corr_matrix(names, corr)
    if corr == nil then return nil end
    if type(corr) ~= "table" then error("correlations must be a list of { name1, name2, rho }, got " .. type(corr), 0) end
    local idx, k, C = {}, #names, {}
    for i, n in ipairs(names) do idx[n] = i end
    for i = 1, k do C[i] = {}; for j = 1, k do C[i][j] = (i == j) and 1 or 0 end end
    for _, e in ipairs(corr) do
      if type(e) ~= "table" or type(e[3]) ~= "number" then
        error("correlations: each entry is { name1, name2, rho }", 0)
      end
      local i, j = idx[e[1]], idx[e[2]]
      if not i or not j then
        error("correlations: '" .. tostring(i and e[2] or e[1]) .. "' is not one of the varied inputs (" ..
          table.concat(names, ", ") .. ")", 0)
      end
      C[i][j], C[j][i] = e[3], e[3]
    end
    return C
  end

  function core.model_methods.predict(m, name, opts)
    if not core.is_model(m) then error("predict: call it as m:predict(\"DeltaM_s\", {...})", 2) end
    local fn = type(name) == "function" and name or nil
    if type(name) ~= "string" and not fn then
      error("predict: the first argument is an observable name or a function of the model, got " .. type(name), 2)
    end
    local info = fn and { inputs = "", unit = "1", kind = "function" } or core.info(name)
    if info and info.kind == "parameter" then
      error("predict: '" .. name .. "' is a parameter, not an observable (its 1-sigma error is the parameter " ..
        name .. "_err when zp.uncertainties() lists it)", 2)
    end
    if not info then
      local s = core.suggest(name)
      error("predict: '" .. name .. "' is not a registered observable" .. (s and (" (did you mean '" .. s .. "'?)") or ""), 2)
    end
    opts = opts or {}
    if type(opts) ~= "table" then error("predict: options must be a table, got " .. type(opts), 2) end
    for k in pairs(opts) do
      if not KEYS[k] then
        error("predict: unknown option '" .. tostring(k) .. "' (expected method, n, seed, inputs, correlations, args, " ..
          "samples, rederive, unit)", 2)
      end
    end
    local method = opts.method or "linear"
    if method ~= "linear" and method ~= "mc" then
      error("predict: method must be \"linear\" or \"mc\", got " .. tostring(method), 2)
    end
    local ok, names, sig = pcall(function()
      if opts.inputs ~= nil then
        if type(opts.inputs) ~= "table" then error("inputs must be a list of names or { name = sigma }, got " .. type(opts.inputs), 0) end
        return chosen_inputs(m, opts.inputs)
      end
      return default_inputs(m, info)
    end)
    if not ok then error("predict: " .. tostring(names), 2) end
    if #names == 0 then
      error("predict: no input of " .. (fn and "the function" or ("'" .. name .. "' (inputs: " .. info.inputs .. ")")) ..
        " has an error; give inputs = { name = sigma }", 2)
    end
    local okc, C = pcall(corr_matrix, names, opts.correlations)
    if not okc then error("predict: " .. tostring(C), 2) end
    local okp, r
    if fn or opts.rederive then -- the Lua path: each varied model from m:with (variants re-solve)
      okp, r = pcall(lua_path.run, m, name, opts.args, names, sig, C, opts)
      if not okp then zp.stats.pass_interrupt(r) end
    else
      okp, r = pcall(core.predict, m, name, names, sig, C,
        { method = method, n = opts.n, seed = opts.seed, args = opts.args, samples = opts.samples })
    end
    if not okp then error("predict: " .. tostring(r):gsub("^.-:%d+: ", ""):gsub("^core%.predict: ", ""):gsub("^predict[^:]*: ", ""), 2) end
    r.observable, r.unit, r.method, r.inputs, r.sigmas = fn and "function" or name, opts.unit or info.unit, method, names, sig
    return setmetatable(r, result_mt)
  end
  zp.document("zp.predict", [[m:predict("DeltaM_s", { method = "linear" | "mc", n = 10000, seed = 1,
                          inputs = { "fBs_sqrtB" } | { fBs_sqrtB = 0.018 },
                          correlations = { { "fBs_sqrtB", "VtbVts", 0.1 } }, args = { q2 } }) -> result
  Propagates the 1-sigma errors X_err of the observable's inputs (zp.uncertainties() lists the
  pairs; default: every input of the observable that has one) into the observable.
  result: central (at the model), mean, sd, and for mc q = { 2.5, 16, 50, 84, 97.5 % quantiles },
  n_ok, n_fail (samples outside a parameter's range, left out); linear: grad (dO/dX).
  Prints as "18.1 ± 2.4 ps⁻¹".  MC is reproducible for a given seed (GSL MT19937).
  The observable may be a function of the model (give inputs, and unit for printing); with it,
  or with rederive = true, each varied model is built with m:with, so a variant re-solves its
  relations (heavy_dirac's couplings) -- slower, in Lua (seeded xorshift64* + Box-Muller).]])
end
