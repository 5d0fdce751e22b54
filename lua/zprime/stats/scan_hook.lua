--- Uncertainty and likelihood columns for zp.scan: an observe entry "X±" (or "X+-") becomes the
--- column X and a column X_err, the 1-sigma error of X from the X_err inputs (m:predict, linear
--- propagation); the option chi2 = true | { names } adds a column chi2 (the total of m:chi2).
--- expand(observe) is the whole hook: a scan implementation calls it on its observe list; until
--- then zp.scan is wrapped so that the expansion happens before the scan sees the list.
local M = {}

--- Name of the observable of an "X±" / "X+-" entry, or nil.
function M.base_name(o)
  if type(o) ~= "string" then return nil end
  return o:match("^(.-)±$") or o:match("^(.-)%+%-$")
end

--- A new observe list with every "X±" replaced by "X" and { "X_err", function(m) ... end, unit = }.
function M.expand(observe, core)
  if type(observe) ~= "table" then return observe end
  local out, changed = {}, false
  for _, o in ipairs(observe) do
    local name = M.base_name(o)
    if name then
      changed = true
      local info = core.info(name)
      if not info or info.kind == "parameter" then
        local s = core.suggest(name)
        error("zp.scan: observe '" .. o .. "': '" .. name .. "' is not a registered observable" ..
          (s and (" (did you mean '" .. s .. "'?)") or ""), 0)
      end
      out[#out + 1] = name
      out[#out + 1] = { name .. "_err", function(m) return m:predict(name).sd end, unit = info.unit }
    else
      out[#out + 1] = o
    end
  end
  return changed and out or observe
end

--- chi2 = true | { constraint names or tables }: a column "chi2", the total chi^2 of those
--- constraints at each point (zp.stats.total; NaN where a term fails).
function M.chi2_column(zp, spec)
  local probe = spec.model
  if probe ~= nil and not zp.core.is_model(probe) then probe = nil end
  local list = zp.select_constraints(probe, spec.chi2)
  if #list == 0 then error("no constraint selected (give a list of names, or a model so that true selects its constraints)", 0) end
  local total = zp.stats.total
  return { "chi2", function(m) return total(list, m) or 0 / 0 end, unit = "1" }
end

--- Wrap zp.scan once so that "X±" entries are expanded.
function M.install(zp)
  local scan = zp.scan
  if type(scan) ~= "function" or zp.stats.scan_wrapped then return end
  zp.stats.scan_wrapped = true
  zp.stats.expand_observe = function(observe) return M.expand(observe, zp.core) end
  zp.scan = function(spec, ...)
    if type(spec) == "table" and (type(spec.observe) == "table" or spec.chi2 ~= nil) then
      local copy = {}
      for k, v in pairs(spec) do copy[k] = v end
      if type(spec.observe) == "table" then
        local ok, obs = pcall(M.expand, spec.observe, zp.core)
        if not ok then error(obs, 2) end
        copy.observe = obs
      end
      if spec.chi2 ~= nil then
        local ok, col = pcall(M.chi2_column, zp, spec)
        if not ok then error("zp.scan: chi2: " .. tostring(col):gsub("^.-:%d+: ", ""), 2) end
        local obs = {}
        for _, o in ipairs(copy.observe or {}) do obs[#obs + 1] = o end
        obs[#obs + 1] = col
        copy.observe, copy.chi2 = obs, nil
      end
      spec = copy
    end
    return scan(spec, ...)
  end
end

return M
