--- The constraint list: Lua data, one file per area, so users add, edit or remove bounds in a
--- script without touching C.  Each entry:
---   { name = "b->s mu mu", observable = "C9_bsmumu" or function(m) ... end,
---     kind = "window" | "upper" | "lower" | "band",
---     min = .., max = ..,                 -- window / upper (max) / lower (min)
---     central = .., sigma = .., nsigma = ..,  -- band: |value - central| <= nsigma * sigma
---     sigma = ..                          -- optional for upper/lower: gives the pull in sigma
---     unit = "GeV" (default: the observable's registered unit),
---     cl = "95% CL", ref = "eq. (13), [6]",
---     applies = { "heavy_dirac", ... } (variant tags; nil = every model), note = "..." }
local M = {}

local AREAS = { "flavour", "heavy", "light", "relic", "collider", "bsll" }

local list = {}
for _, area in ipairs(AREAS) do
  for _, c in ipairs(require("zprime.constraints." .. area)) do
    c.area = c.area or area
    list[#list + 1] = c
  end
end
M.list = list
return M
