-- The main job: report the model's benchmark point from the embedded defaults and validate the
-- numbers the paper prints.  Usage: zprime scripts/paper.lua [outdir]
local zp = zp or require "zprime"
local outdir = (arg and arg[1]) or "out"
os.execute("mkdir -p '" .. outdir .. "'")

local function section(title)
  print("")
  print(title)
  print(string.rep("=", #title))
end

section("zprime " .. zp.version .. " -- benchmark point of " .. zp.paper)
local m = zp.model{}
print(tostring(m))

section("Observables at the benchmark point")
local rows = {}
for _, o in ipairs(zp.observables()) do
  if o.nargs == 0 then
    local ok, v = pcall(function() return m[o.name] end)
    rows[#rows + 1] = string.format("  %-22s %14s  %-8s %s", o.name,
      ok and string.format("%.6g", v) or "error", o.unit == "1" and "" or o.unit,
      ok and o.ref or tostring(v))
  end
end
print(table.concat(rows, "\n"))

section("Constraints")
m:check()
