--- REPL support: tab completion and result printing (called by the zprime executable).
local M = {}

local KEYWORDS = {
  "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if",
  "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
}

local function registry_names(kind)
  local core = require "zprime.core"
  local out = {}
  if kind ~= "observable" then
    for _, p in ipairs(core.params()) do out[#out + 1] = p.name end
  end
  if kind ~= "parameter" then
    for _, o in ipairs(core.observables()) do out[#out + 1] = o.name end
  end
  return out
end

local function fields_of(v)
  local names = {}
  local seen = {}
  local function add(k, isfun)
    if type(k) == "string" and k:match("^[%a_][%w_]*$") and not seen[k] then
      seen[k] = true
      names[#names + 1] = { k, isfun }
    end
  end
  local core = require "zprime.core"
  if core.is_model(v) then
    for _, n in ipairs(registry_names()) do add(n, false) end
    for k, f in pairs(core.model_methods) do add(k, type(f) == "function") end
    return names
  end
  local depth = 0
  while type(v) == "table" and depth < 8 do
    for k, x in pairs(v) do add(k, type(x) == "function") end
    local mt = getmetatable(v)
    v = mt and type(mt.__index) == "table" and mt.__index or nil
    depth = depth + 1
  end
  if type(v) == "string" then
    for k in pairs(string) do add(k, true) end
  end
  return names
end

--- Candidates completing `word`, given the line text before it.
function M.complete(before, word)
  local out = {}
  -- registry names inside zp.model{ ... }, m:with{ ... }, zp.help"..." and zp.help("...")
  if before:match("zp%.help%s*%(?%s*[\"']$") or before:match("zp%.show%s*%(.-,%s*[\"']$") then
    for _, n in ipairs(registry_names()) do
      if n:sub(1, #word) == word then out[#out + 1] = n end
    end
    table.sort(out)
    return out
  end
  local open = before:match("([%w_]+%s*[%.:]%s*[%w_]+)%s*{[^}]*$")
  if open and (open:match("model$") or open:match("with$") or open:match("variants")
      or open:match("heavy_dirac$") or open:match("light_inelastic$")) and not word:find("[%.:]") then
    for _, n in ipairs(registry_names("parameter")) do
      if n:sub(1, #word) == word then out[#out + 1] = n end
    end
    table.sort(out)
    return out
  end
  -- a.b.c / a:b
  local prefix, sep, last = word:match("^(.*)([%.:])([%w_]*)$")
  if prefix then
    local v = _G
    for part in prefix:gmatch("[^%.:]+") do
      local ok, nv = pcall(function() return v[part] end)
      if not ok or nv == nil then return out end
      v = nv
    end
    for _, f in ipairs(fields_of(v)) do
      local k, isfun = f[1], f[2]
      if k:sub(1, #last) == last and (sep == "." or isfun) then
        out[#out + 1] = prefix .. sep .. k
      end
    end
  else
    for k, v in pairs(_G) do
      if type(k) == "string" and k:sub(1, #word) == word then out[#out + 1] = k end
    end
    for _, k in ipairs(KEYWORDS) do
      if k:sub(1, #word) == word then out[#out + 1] = k end
    end
  end
  table.sort(out)
  return out
end

--- Print the results of an expression typed at the prompt (zprime.pretty), except a value that
--- the expression has already printed itself (m:check()); n = 0 after a statement.
function M.print_results(...)
  local zp = require "zprime"
  local pretty = require "zprime.pretty"
  local n = select("#", ...)
  local parts = {}
  for i = 1, n do
    local v = select(i, ...)
    if not (type(v) == "table" and zp.printed_now[v]) then parts[#parts + 1] = pretty.show(v) end
  end
  zp.printed_now = setmetatable({}, { __mode = "k" })
  if #parts > 0 then print(table.concat(parts, "\t")) end
end

--- The text the prompt shows for a value (the notebook kernel's text/plain too).
function M.format(v) return require("zprime.pretty").show(v) end

--- The text of an error at the prompt: the message without the traceback and the chunk:line
--- prefixes (zp.debug(true) or zprime -v keeps both), with a suggestion for a mistyped name.
function M.format_error(msg)
  local zp = require "zprime"
  msg = tostring(msg)
  if zp.debug() then return msg end
  return "error: " .. M.explain(msg)
end

--- An error message without its traceback and chunk:line prefixes, with a did-you-mean for a
--- mistyped name (the notebook kernel shows it too).
function M.explain(msg)
  msg = tostring(msg):gsub("\nstack traceback:.*$", "")
  repeat
    local n
    msg, n = msg:gsub("^[^\n:]-:%d+: ", "", 1)
  until n == 0
  return require("zprime.suggest").explain(msg)
end

return M
