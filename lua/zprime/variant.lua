--- zp.variant{ name =, fixed = {...}, defaults = {...}, options = {...}, derived = function(m, o) ... end }:
--- the short way to define a model variant.  fixed: parameter values the variant sets (not to be
--- given by the user); defaults: parameter values the user may override; options: the variant's own inputs with defaults (readable as m.NAME);
--- derived: a function of the model (fixed and user parameters applied) and the options that
--- returns the parameters it derives.  The result is a constructor, also zp.variants[name], whose
--- models print as zp.variants.NAME{ inputs }, round-trip through zp.save and re-derive on
--- m:with{...}.  The full form (lua/zprime/variants/*.lua with core.meta) stays for the rest.
return function(zp)
  local core = zp.core
  local SPEC = { name = true, fixed = true, defaults = true, options = true, derived = true, tags = true }

  local function fail(name, msg) error("zp.variant " .. name .. ": " .. msg, 0) end

  local function check_spec(spec)
    if type(spec) ~= "table" then error("zp.variant expects a table { name =, fixed =, options =, derived = }, got " .. type(spec), 3) end
    if type(spec.name) ~= "string" or not spec.name:match("^[%a_][%w_]*$") then
      error("zp.variant: name must be an identifier such as \"heavy_nq3\", got " .. tostring(spec.name), 3)
    end
    for k in pairs(spec) do
      if not SPEC[k] then error("zp.variant: unknown field '" .. tostring(k) .. "' (name, fixed, defaults, options, derived, tags)", 3) end
    end
    for _, f in ipairs({ "fixed", "defaults", "options", "tags" }) do
      if spec[f] ~= nil and type(spec[f]) ~= "table" then error("zp.variant: " .. f .. " must be a table, got " .. type(spec[f]), 3) end
    end
    if spec.derived ~= nil and type(spec.derived) ~= "function" then
      error("zp.variant: derived must be a function(m, options) returning { param = value, ... }, got " .. type(spec.derived), 3)
    end
    for _, f in ipairs({ "fixed", "defaults" }) do
      for k in pairs(spec[f] or {}) do
        if not (core.info(k) and core.info(k).kind == "parameter") then error("zp.variant: " .. f .. "." .. tostring(k) .. " is not a parameter", 3) end
      end
    end
    for k in pairs(spec.options or {}) do
      if core.info(k) then error("zp.variant: option '" .. k .. "' has the name of a parameter or observable", 3) end
    end
  end

  function zp.variant(spec)
    check_spec(spec)
    local name, fixed, options = spec.name, spec.fixed or {}, spec.options or {}
    local tags = spec.tags or { name }
    local build

    local function rederive(m, t)
      local inputs = {}
      for k, x in pairs(core.meta(m).inputs) do inputs[k] = x end
      for k, x in pairs(t) do inputs[k] = x end
      local ok, res = pcall(build, inputs)
      if not ok then error(res, 2) end
      return res
    end

    build = function(t)
      if type(t) ~= "table" then fail(name, "expects a table of parameters and options, got " .. type(t)) end
      local params, o = {}, {}
      for k, d in pairs(options) do o[k] = d end
      for k, x in pairs(spec.defaults or {}) do params[k] = x end
      for k, x in pairs(fixed) do params[k] = x end
      for k, x in pairs(t) do
        if type(k) ~= "string" then fail(name, "input names must be strings, got a " .. type(k) .. " key") end
        if options[k] ~= nil then o[k] = x
        elseif fixed[k] ~= nil then fail(name, "'" .. k .. "' is fixed by the variant to " .. tostring(fixed[k]))
        else params[k] = x end
      end
      local ok, m = pcall(core.model, params)
      if not ok then fail(name, tostring(m):gsub("^[^\n]-:%d+: ", "")) end
      if spec.derived then
        local okd, d = pcall(spec.derived, m, o)
        if not okd then fail(name, "derived: " .. tostring(d):gsub("^[^\n]-:%d+: ", "")) end
        if type(d) ~= "table" then fail(name, "derived must return a table of parameters, got " .. type(d)) end
        for k in pairs(d) do
          if t[k] ~= nil then fail(name, "'" .. k .. "' is derived by the variant; give the inputs it is derived from") end
        end
        local okw, m2 = pcall(m.with, m, d)
        if not okw then fail(name, "derived: " .. tostring(m2):gsub("^[^\n]-:%d+: ", "")) end
        m = m2
      end
      local inputs = {}
      for k, x in pairs(t) do inputs[k] = x end
      core.meta(m, { variant = name, tags = tags, values = o, inputs = inputs, rederive = rederive })
      return m
    end

    local ctor = setmetatable({ name = name, fixed = fixed, options = options }, {
      __call = function(_, t)
        local ok, m = pcall(build, t or {})
        if not ok then error(m, 2) end
        return m
      end,
    })
    rawset(zp.variants, name, ctor)
    return ctor
  end
  zp.document("zp.variant", [[zp.variant{ name = "my_variant", fixed = { param = value }, defaults = { param = value },
            options = { opt = default },
            derived = function(m, o) return { gq = ..., gl = ... } end, tags = { "heavy_dirac" } } -> V
  Defines a variant: V{ mZp = 700, opt = 3 } (also zp.variants.my_variant{...}) builds zp.model with the
  fixed parameters and the inputs, then applies what derived returns.  m.opt reads an option; tags choose
  the constraints m:check() applies (default { name }); tostring(m), zp.save and m:with{...} keep the
  relations.  The full form for relations that need more: lua/zprime/variants/heavy_dirac.lua.]])
end
