--- Did-you-mean for names: ranked matches (prefix, then substring, then edit distance) for
--- zp.help, and the rewriting of Lua's "attempt to call a nil value (field 'modle')" errors into
--- "zp.modle does not exist (did you mean zp.model?)" at the prompt.
local M = {}

local function lower(s) return s:lower() end

--- Up to max names of candidates that match name: exact up to case, then those starting with
--- name, then those containing it (both ignoring case, shorter first), then the nearest by edit
--- distance (at most 2, or a third of the length).
function M.ranked(name, candidates, max)
  max = max or 8
  local core = require "zprime.core"
  local ln = lower(name)
  local groups = { {}, {}, {} }
  local seen = {}
  for _, c in ipairs(candidates) do
    if not seen[c] then
      seen[c] = true
      local lc = lower(c)
      if lc == ln then groups[1][#groups[1] + 1] = c
      elseif lc:sub(1, #ln) == ln then groups[2][#groups[2] + 1] = c
      elseif #ln >= 2 and lc:find(ln, 1, true) then groups[3][#groups[3] + 1] = c end
    end
  end
  local out = {}
  for _, g in ipairs(groups) do
    table.sort(g, function(a, b) if #a ~= #b then return #a < #b end return a < b end)
    for _, c in ipairs(g) do if #out < max then out[#out + 1] = c end end
  end
  if #out == 0 then
    local rest = {}
    for _, c in ipairs(candidates) do rest[#rest + 1] = c end
    local maxd = #name < 6 and 2 or math.floor(#name / 3) + 1
    local best = core.closest(name, rest, maxd)
    if best then out[1] = best end
  end
  return out
end

--- Every registry name (parameters and observables).
function M.registry_names()
  local core = require "zprime.core"
  local out = {}
  for _, p in ipairs(core.params()) do out[#out + 1] = p.name end
  for _, o in ipairs(core.observables()) do out[#out + 1] = o.name end
  return out
end

local function keys(t)
  local out = {}
  for k in pairs(t) do if type(k) == "string" then out[#out + 1] = k end end
  return out
end

--- Where a mistyped name may have come from: "zp.", "m:" (model methods) or a global.
local function guess(name)
  local zp = require "zprime"
  local core = zp.core
  local function near(list)
    local maxd = #name < 6 and 2 or math.floor(#name / 3) + 1
    return core.closest(name, list, maxd)
  end
  local z = near(keys(zp))
  if z then return "zp." .. z end
  local m = near(keys(core.model_methods))
  if m then return "m:" .. m .. "(...)" end
  local g = near(keys(_G))
  if g then return g end
  local v = near(keys(zp.variants))
  if v then return "zp.variants." .. v end
  return nil
end

--- The error message msg, with a suggestion added when it is Lua's message about a nil field,
--- method or global (a typo such as zp.modle{} or m:chek()).
function M.explain(msg)
  local what, kind, name = msg:match("^attempt to (%a+) a nil value %((%a+) '([%w_]+)'%)$")
  if not what then return msg end
  local s = guess(name)
  local subject = ({ field = "field '" .. name .. "'", method = "method '" .. name .. "'",
                     global = "'" .. name .. "'", upvalue = "'" .. name .. "'",
                     ["local"] = "'" .. name .. "'" })[kind] or ("'" .. name .. "'")
  local past = ({ call = "called", index = "indexed", concatenate = "concatenated" })[what]
  local text = past and (subject .. " is nil, so it cannot be " .. past) or msg
  if s then return text .. " (did you mean " .. s .. "?)" end
  if kind == "global" then return text .. " (a typo, or a variable not yet assigned?)" end
  return text
end

return M
