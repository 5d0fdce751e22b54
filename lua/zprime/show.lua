--- Reading results at the prompt: registry listings and m:params() print as aligned tables,
--- zp.show(m, name) prints a value with its unit, zp.apropos searches names, docs and references,
--- zp.debug switches tracebacks at the prompt on and off.
return function(zp)
  local core = zp.core
  local suggest = require "zprime.suggest"

  --- Values an expression printed itself (m:check()), so the prompt does not print them again.
  zp.printed_now = setmetatable({}, { __mode = "k" })
  function zp.printed(v)
    if type(v) == "table" then zp.printed_now[v] = true end
    return v
  end

  local debug_on = false
  --- zp.debug(true|false): tracebacks at the prompt (zprime -v starts with them on); no
  --- argument: the current setting.
  function zp.debug(on)
    if on ~= nil and type(on) ~= "boolean" then
      error("zp.debug expects true or false, got " .. type(on), 2)
    end
    if on ~= nil then debug_on = on end
    return debug_on
  end
  function zp.debug_enabled() return debug_on end -- for the notebook kernel (zprime.serve)
  zp.document("zp.debug", "zp.debug(true) shows Lua stack tracebacks for errors at the prompt (zprime -v does the same); zp.debug(false) shows the message alone")

  local function unit_text(u) return (u == "1" or u == nil or u == "") and "-" or u end

  local function clip(s, n)
    s = tostring(s or "")
    if #s <= n then return s end
    return s:sub(1, n - 3) .. "..."
  end

  local function fmt(x) return x == nil and "" or string.format("%.6g", x) end

  --- An aligned listing of registry entries (zp.params(), zp.observables(), zp.apropos): cells,
  --- right-aligned columns (none) and the footer line.
  local function listing(rows, width) -- (the notebook kernel draws its own HTML of a listing)
    local cells = { { "name", "kind", "unit", "default", "doc" } }
    for _, r in ipairs(rows) do
      local args = (r.nargs or 0) > 0 and ("(" .. r.args .. ")") or ""
      cells[#cells + 1] = { r.name .. args, r.kind or "", unit_text(r.unit), fmt(r.default), clip(r.doc, width) }
    end
    return cells, {}, { #rows .. " entries; zp.help \"name\" gives the full entry" }
  end
  local view = require "zprime.check_view"
  local listing_mt = { __tostring = function(rows) return view.text(listing(rows, 72)) end }

  function zp.params() return setmetatable(core.params(), listing_mt) end
  function zp.observables() return setmetatable(core.observables(), listing_mt) end

  --- m:params(): name -> value; prints as a pasteable table with units in comments.
  local raw_params = core.model_methods.params
  local params_mt = { __tostring = function(t)
    local names = {}
    for k in pairs(t) do names[#names + 1] = k end
    table.sort(names, function(a, b)
      local ia, ib = core.info(a), core.info(b)
      return (ia and ia.index or 1e9) < (ib and ib.index or 1e9)
    end)
    local cells = {}
    for _, k in ipairs(names) do
      local info = core.info(k)
      local u = info and info.unit ~= "1" and ("-- " .. info.unit) or ""
      cells[#cells + 1] = { "  " .. k .. " = " .. string.format("%.15g", t[k]) ..
        (tonumber(string.format("%.15g", t[k])) == t[k] and "" or string.format(" --[[%.17g]]", t[k])) .. ",", u }
    end
    local out = require("zprime.check_view").align(cells, {})
    table.remove(out, 2) -- no rule under the first row
    return "{\n" .. table.concat(out, "\n") .. "\n}"
  end }
  core.model_methods.params = function(m, ...)
    return setmetatable(raw_params(m, ...), params_mt)
  end

  --- zp.show(m, name [, args...]): print name = value unit, and return the value.  A value with
  --- its own tostring (a prediction with an uncertainty) prints through it.
  function zp.show(m, name, ...)
    if not core.is_model(m) then
      error("zp.show expects (model, name), e.g. zp.show(m, \"DeltaM_s\"); got " .. type(m) .. " first", 2)
    end
    if type(name) ~= "string" then error("zp.show: the name must be a string, got " .. type(name), 2) end
    local info = core.info(name)
    if not info then
      local s = suggest.ranked(name, suggest.registry_names(), 3)
      error("zp.show: unknown parameter or observable '" .. name .. "'" ..
        (#s > 0 and (" (did you mean " .. table.concat(s, ", ") .. "?)") or ""), 2)
    end
    local ok, v
    if type((...)) == "table" then -- zp.show(m, name, { method = "mc", ... }): value with its uncertainty
      local predict = core.model_methods.predict
      if not predict then error("zp.show: a value with an uncertainty needs m:predict, which this build does not have", 2) end
      ok, v = pcall(predict, m, name, ...)
    elseif (info.nargs or 0) > 0 then
      for i = 1, select("#", ...) do
        if type((select(i, ...))) ~= "number" then
          error("zp.show: " .. name .. " takes numbers (" .. info.args .. "); argument " .. i .. " is a " ..
            type((select(i, ...))), 2)
        end
      end
      ok, v = pcall(core.eval, m, name, ...)
    else
      ok, v = pcall(function() return m[name] end)
    end
    if not ok then error("zp.show: " .. tostring(v):gsub("^[^\n]-:%d+: ", ""), 2) end
    local text
    local mt = getmetatable(v)
    if type(mt) == "table" and mt.__tostring then
      text = name .. " = " .. tostring(v)
    else
      local u = info.unit == "1" and "" or (" " .. info.unit)
      text = string.format("%s = %.6g%s", name, v, u)
    end
    print(text .. "   -- " .. clip(info.doc, 60) .. " [" .. info.ref .. "]")
    return zp.printed(v)
  end
  zp.document("zp.show", "zp.show(m, \"DeltaM_s\") prints DeltaM_s = 18.07 ps^-1 with its doc and reference and returns the value; zp.show(m, \"C9_bsmumu_bin\", 1.1, 6) for observables with arguments; zp.show(m, \"DeltaM_s\", { method = \"linear\" }) shows the value with its uncertainty through m:predict")

  --- zp.apropos(word): registry entries and zp functions whose name, doc or reference contain
  --- word (case-insensitive).
  function zp.apropos(word)
    if type(word) ~= "string" or word == "" then
      error("zp.apropos expects a word to search for, e.g. zp.apropos \"branching\", got " ..
        (word == "" and "an empty string" or type(word)), 2)
    end
    local w = word:lower()
    local rows = {}
    local function hit(...)
      for i = 1, select("#", ...) do
        local s = select(i, ...)
        if type(s) == "string" and s:lower():find(w, 1, true) then return true end
      end
      return false
    end
    for _, list in ipairs({ core.params(), core.observables() }) do
      for _, r in ipairs(list) do
        if hit(r.name, r.doc, r.ref) then rows[#rows + 1] = r end
      end
    end
    local fnames = {}
    for k, doc in pairs(zp.docs) do
      if hit(k, doc) then fnames[#fnames + 1] = k end
    end
    table.sort(fnames)
    for _, k in ipairs(fnames) do
      rows[#rows + 1] = { name = k, kind = "function", unit = "", doc = (zp.docs[k]:gsub("\n.*", "")) }
    end
    return setmetatable(rows, listing_mt)
  end
  zp.document("zp.apropos", "zp.apropos \"branching\" lists the parameters, observables and zp functions whose name, doc or reference contain the word (case-insensitive)")
end
