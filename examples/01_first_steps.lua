-- 01 First steps: models, observables, units and help.
-- Run: build/zprime examples/01_first_steps.lua   (or paste the lines at the zprime> prompt)

-- A model is a set of parameters; everything not given keeps its default.
local m = zp.model{ mZp = 600, gq = 0.29, gl = 0.145, thetaD = 0.004 }
print(m)

-- Observables are computed on demand, in their registered unit.
print("C9_bsmumu =", m.C9_bsmumu)                   -- dimensionless, eq. (15)
print("DeltaM_s  =", m.DeltaM_s, "ps^-1")           -- eq. (17)

-- Every name documents itself: unit, range, reference, inputs.
zp.help "DeltaM_s"
zp.help "thetaD"

-- Models are immutable; m:with gives a modified copy.
local heavier = m:with{ mZp = 1200 }
print("C9 at 1.2 TeV:", heavier.C9_bsmumu, "(scales as 1/mZp^2:", m.C9_bsmumu / 4, ")")

-- Mistakes are caught with a clear message (and a suggestion for typos).
print(pcall(function() return m.C9_bsmuu end))
print(pcall(zp.model, { mZp = -3 }))

-- The registry lists everything.
print(#zp.params() .. " parameters, " .. #zp.observables() .. " observables")
