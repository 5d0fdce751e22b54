--- zp.help: documentation of parameters, observables and functions from the registry.
return function(zp)
  local core = zp.core

  local function fmt_num(x)
    if x == math.huge then return "inf" elseif x == -math.huge then return "-inf" end
    return string.format("%.6g", x)
  end

  local function unit_str(u) return (u == "1") and "dimensionless" or u end

  --- Text of the help entry for name (a parameter, observable or zp function), or nil.
  function zp.help_text(name)
    if type(name) ~= "string" then error("zp.help_text expects a name (string), got " .. type(name), 2) end
    local info = core.info(name)
    if info and info.kind == "parameter" then
      return table.concat({
        name .. "  (parameter)",
        "  " .. info.doc,
        "  unit:      " .. unit_str(info.unit),
        "  default:   " .. fmt_num(info.default),
        "  range:     [" .. fmt_num(info.min) .. ", " .. fmt_num(info.max) .. "]",
        "  reference: " .. info.ref,
      }, "\n")
    elseif info then
      local lines = {
        name .. "  (observable)",
        "  " .. info.doc,
        "  unit:      " .. unit_str(info.unit),
        "  reference: " .. info.ref,
        "  inputs:    " .. info.inputs,
      }
      if info.nargs > 0 then
        lines[#lines + 1] = "  arguments: " .. info.args .. "   (call as m:" .. name .. "(...))"
      end
      local extra = zp.docs[name]
      if extra then lines[#lines + 1] = extra end
      return table.concat(lines, "\n")
    end
    local doc = zp.docs[name] or zp.docs["zp." .. name]
    return doc
  end

  local function overview()
    local np, no = #zp.params(), #zp.observables()
    return table.concat({
      "zprime -- the Z' portal model of " .. zp.paper,
      "",
      "  m = zp.model{ mZp = 600, gq = 0.29, gl = 0.145, thetaD = 0.004 }   -- a model",
      "  m.C9_bsmumu, m.DeltaM_s                 -- observables, in their registered units",
      "  m:with{ mZp = 700 }                     -- a modified copy",
      "  m:check()                               -- constraint table",
      "  zp.help \"DeltaM_s\"                      -- doc, unit, range, reference, inputs",
      "  zp.params(), zp.observables()           -- the registry (" .. np .. " parameters, " .. no .. " observables)",
      "  zp.show(m, \"DeltaM_s\")                  -- a value with its unit, doc and reference",
      "  zp.apropos \"branching\"                  -- search names, docs and references",
      "  zp.save(\"m.lua\", m); zp.load(\"m.lua\")   -- keep a model (print(m) shows its constructor)",
      "",
      "Functions: " .. (function()
        local names = {}
        for k in pairs(zp.docs) do if k:sub(1, 3) == "zp." then names[#names + 1] = k end end
        table.sort(names)
        return table.concat(names, ", ")
      end)(),
      "Tab completes names; Ctrl-C interrupts; Ctrl-D quits.",
    }, "\n")
  end

  --- zp.help(name): print the entry for a parameter, observable or function; no name: overview.
  function zp.help(name)
    if name == nil then
      print(overview())
      return
    end
    if type(name) ~= "string" then
      if type(name) == "function" then
        for k, v in pairs(zp) do
          if v == name then name = "zp." .. k break end
        end
      end
      if type(name) ~= "string" then
        error("zp.help expects a name (string), got " .. type(name), 2)
      end
    end
    local text = zp.help_text(name)
    if not text then
      local sg = require "zprime.suggest"
      local names = sg.registry_names()
      for k in pairs(zp.docs) do names[#names + 1] = k end
      local s = sg.ranked(name, names, 8)
      error("no help for '" .. name .. "'" .. (#s > 0 and (" (did you mean '" .. table.concat(s, "', '") .. "'?)") or
        " (zp.apropos \"" .. name .. "\" searches the docs; zp.params() and zp.observables() list the names)"), 2)
    end
    print(text)
  end
  zp.document("zp.help", "zp.help(name) prints doc, unit, range, reference and inputs of a parameter, observable or function; zp.help() gives an overview")
end
