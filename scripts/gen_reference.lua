-- Generate docs/reference.md from the registry (parameters, observables, documented functions).
--   zprime scripts/gen_reference.lua [out.md]        write the reference (default docs/reference.md)
--   zprime scripts/gen_reference.lua --check FILE    exit non-zero when FILE is stale
local zp = zp or require "zprime"

local function esc(s) return (tostring(s):gsub("|", "\\|")) end
local function num(x)
  if x == math.huge then return "∞" elseif x == -math.huge then return "−∞" end
  return string.format("%.6g", x)
end

local function generate()
  local out = {}
  local function add(s) out[#out + 1] = s end
  add("# zprime reference")
  add("")
  add("Generated from the registry by `zprime scripts/gen_reference.lua`; do not edit by hand")
  add("(a test fails when this file is stale). Units: GeV unless stated; \"1\" = dimensionless.")
  add("Equation numbers refer to Cline, Cornell, London & Watanabe, arXiv:1702.00395.")
  add("")
  add("## Parameters")
  add("")
  add("| name | unit | default | range | description | reference |")
  add("|---|---|---|---|---|---|")
  for _, p in ipairs(zp.params()) do
    add(string.format("| `%s` | %s | %s | [%s, %s] | %s | %s |", p.name, esc(p.unit), num(p.default),
      num(p.min), num(p.max), esc(p.doc), esc(p.ref)))
  end
  add("")
  add("## Observables")
  add("")
  add("Read as `m.NAME`; observables with arguments are called as `m:NAME(args)`.")
  add("")
  add("| name | unit | arguments | description | reference | inputs |")
  add("|---|---|---|---|---|---|")
  for _, o in ipairs(zp.observables()) do
    add(string.format("| `%s` | %s | %s | %s | %s | %s |", o.name, esc(o.unit),
      o.nargs > 0 and esc(o.args) or "", esc(o.doc), esc(o.ref), esc(o.inputs)))
  end
  add("")
  add("## Functions")
  add("")
  local names = {}
  for k in pairs(zp.docs) do names[#names + 1] = k end
  table.sort(names)
  for _, k in ipairs(names) do
    add("### `" .. k .. "`")
    add("")
    add("```")
    add(zp.docs[k])
    add("```")
    add("")
  end
  add("## Constraints")
  add("")
  add("Bounds marked * are functions of the model, shown at the default point of the variant the")
  add("constraint applies to (zp.model{} for all models).")
  add("")
  add("| name | observable | kind | bound | CL | applies to | reference |")
  add("|---|---|---|---|---|---|---|")
  for _, c in ipairs(zp.constraints or {}) do
    add(string.format("| %s | %s | %s | %s | %s | %s | %s |", esc(c.name),
      type(c.observable) == "string" and ("`" .. c.observable .. "`") or "(function)", c.kind or "",
      esc(zp.bound_text(c)),
      esc(c.cl or ""), c.applies and table.concat(c.applies, ", ") or "all models", esc(c.ref or "")))
  end
  add("")
  return table.concat(out, "\n")
end

local cli = require "zprime.cli"
local parser = cli.parser("scripts/gen_reference.lua",
  "Write docs/reference.md from the registry (parameters, observables, Lua functions, constraints).")
parser:argument("file", "The reference file (default docs/reference.md)."):args("?")
parser:flag("--check", "Do not write: exit 1 when FILE differs from what would be written.")
local args = cli.parse(parser)
if args.check then
  local file = args.file or "docs/reference.md"
  local f = io.open(file, "r")
  local have = f and f:read("a") or ""
  if f then f:close() end
  if have ~= generate() then
    io.stderr:write(file .. " is stale: regenerate it with `zprime scripts/gen_reference.lua " .. file .. "`\n")
    os.exit(1)
  end
  print(file .. " is up to date")
else
  local file = args.file or "docs/reference.md"
  local f = assert(io.open(file, "w"))
  f:write(generate())
  f:close()
  print("wrote " .. file)
end
