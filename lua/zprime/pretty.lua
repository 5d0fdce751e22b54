--- How values print at the prompt: a value with __tostring prints through it (models, check
--- results, registry listings, plots), a plain table as a Lua literal (keys sorted, nested
--- tables inline) cut after a cap, anything else as Lua prints it.
local M = {}

M.max_items = 40      -- entries shown per table before "-- ... N more"
M.max_depth = 3       -- nesting shown before {...}
M.max_chars = 4000    -- total characters of one printed table

local KEYWORDS = {}
for w in ("and break do else elseif end false for function goto if in local nil not or repeat " ..
          "return then true until while"):gmatch("%a+") do KEYWORDS[w] = true end

--- A number as Lua reads it back: integers plainly, floats in the shortest exact %g form.
function M.number(x)
  if math.type(x) == "integer" then return tostring(x) end
  if x ~= x then return "0/0" end
  if x == math.huge then return "math.huge" elseif x == -math.huge then return "-math.huge" end
  for prec = 6, 17 do
    local s = string.format("%." .. prec .. "g", x)
    if tonumber(s) == x then
      if not s:find("[%.eEn]") then s = s .. ".0" end
      return s
    end
  end
  return string.format("%.17g", x)
end

local function key_text(k)
  if type(k) == "string" and k:match("^[%a_][%w_]*$") and not KEYWORDS[k] then return k end
  if type(k) == "number" then return "[" .. M.number(k) .. "]" end
  return "[" .. string.format("%q", tostring(k)) .. "]"
end

local function has_tostring(v)
  local mt = getmetatable(v)
  return (type(mt) == "table" and mt.__tostring ~= nil) or (type(v) == "userdata" and mt ~= nil and
    require("zprime.core").is_model(v))
end

local function scalar(v)
  local t = type(v)
  if t == "string" then return string.format("%q", v):gsub("\\\n", "\\n") end
  if t == "number" then return M.number(v) end
  if t == "nil" or t == "boolean" then return tostring(v) end
  if has_tostring(v) then
    local ok, s = pcall(tostring, v)
    if ok and type(s) == "string" and not s:find("\n") then
      -- inside a literal, a model's trailing "-- units" comment becomes a block comment
      if require("zprime.core").is_model(v) then s = s:gsub("%s+%-%- (.*)$", " --[=[ %1 ]=]") end
      return s
    end
  end
  return "<" .. tostring(v) .. ">"
end

local function sorted_keys(t)
  local ks, n = {}, #t
  for k in pairs(t) do
    if not (math.type(k) == "integer" and k >= 1 and k <= n) then ks[#ks + 1] = k end
  end
  table.sort(ks, function(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then return ta < tb end
    if ta == "number" or ta == "string" then return a < b end
    return tostring(a) < tostring(b)
  end)
  return ks, n
end

--- Lua literal of table t; budget counts characters left.
local function literal(t, depth, seen, budget)
  if seen[t] then return "{...} --[[cycle]]" end
  if depth > M.max_depth then return "{...}" end
  seen[t] = true
  local ks, n = sorted_keys(t)
  local parts, shown, total = {}, 0, n + #ks
  local function add(s)
    if shown >= M.max_items or budget.left <= 0 then return false end
    parts[#parts + 1] = s
    shown = shown + 1
    budget.left = budget.left - #s - 2
    return true
  end
  local function value(v)
    if type(v) == "table" and not has_tostring(v) then return literal(v, depth + 1, seen, budget) end
    return scalar(v)
  end
  local stop = false
  for i = 1, n do
    if not add(value(t[i])) then stop = true break end
  end
  if not stop then
    for _, k in ipairs(ks) do
      if not add(key_text(k) .. " = " .. value(t[k])) then break end
    end
  end
  seen[t] = nil
  local body = table.concat(parts, ", ")
  if shown < total then body = body .. (body == "" and "" or ", ") .. "--[[ ... " .. (total - shown) .. " more ]]" end
  if body == "" then return "{}" end
  return "{ " .. body .. " }"
end

--- A zp function names itself and the first line of its doc: "zp.model: zp.model{ ... } -> model".
local function function_text(v)
  local zp = package.loaded.zprime
  if type(zp) ~= "table" then return nil end
  for k, f in pairs(zp) do
    if f == v and type(k) == "string" then
      local doc = zp.docs and zp.docs["zp." .. k]
      return "function zp." .. k .. (doc and (": " .. doc:gsub("\n.*", "")) or "")
    end
  end
  return nil
end

--- The text the prompt shows for v.
function M.show(v)
  if type(v) == "function" then
    local s = function_text(v)
    if s then return s end
  end
  if type(v) == "table" and not has_tostring(v) then
    return literal(v, 1, {}, { left = M.max_chars })
  end
  if type(v) == "string" then return v end
  local ok, s = pcall(tostring, v)
  if not ok then
    return "<a " .. type(v) .. " whose __tostring failed: " ..
      (type(s) == "string" and s:gsub("^[^\n]-:%d+: ", "") or ("error object of type " .. type(s))) .. ">"
  end
  if type(s) ~= "string" then return "<a " .. type(v) .. " whose __tostring returned a " .. type(s) .. ">" end
  return s
end

return M
