-- 01 First steps: models, observables, units and help.
-- Run: build/zprime examples/01_first_steps.lua   (or paste the lines at the zprime> prompt)
--
-- The workshop scripts use global variables (no `local` at the top level): at the prompt every
-- line is its own chunk, and a `local` would be forgotten by the next line.  At the prompt an
-- expression such as  m.C9_bsmumu  prints its value by itself; in a script it needs print().
zp = zp or require "zprime"    -- preloaded in the zprime shell; needed under plain lua5.4

-- A model is a set of parameters; everything not given keeps its default.
m = zp.model{ mZp = 600, gq = 0.29, gl = 0.145, thetaD = 0.004 }
print(m)

-- Parameters and observables are read the same way.  Observables are computed on demand, in
-- their registered unit (GeV, cm^2, cm^3/s, ps^-1; "1" means dimensionless).
print("mZp       =", m.mZp, "GeV")
print("C9_bsmumu =", m.C9_bsmumu)                  -- eq. (15), dimensionless
print("DeltaM_s  =", m.DeltaM_s, "ps^-1")          -- eq. (17); measured 17.757 ps^-1
print("Gamma_Zp  =", m.Gamma_Zp, "GeV")            -- total Z' width, eq. (34)

-- Every name documents itself: description, unit, range or inputs, and the equation it comes from.
zp.help "DeltaM_s"
zp.help "thetaD"
zp.help "zp.model"             -- functions too; zp.help() alone gives an overview

-- Models are immutable: m:with{...} returns a modified copy and leaves m alone.
heavier = m:with{ mZp = 1200 }
print("C9 at 1.2 TeV:", heavier.C9_bsmumu, " = C9(600 GeV)/4:", m.C9_bsmumu / 4)
print("m is unchanged: mZp =", m.mZp)

-- Observables with arguments are methods: C9 at a dilepton mass q^2 = 3 GeV^2.
print("C9(q2 = 3 GeV^2) =", m:C9_bsmumu_q2(3.0))

-- All parameter values of a model, by name.
p = m:params()
print("alpha_em =", p.alpha_em, " V_tb V_ts* =", p.VtbVts, " G_F =", p.GF, "GeV^-2")

-- Mistakes are caught with a clear message (and a suggestion for typos).  pcall catches the
-- error so that the script goes on; at the prompt you would just see the message.
print(pcall(function() return m.C9_bsmuu end))
print(pcall(zp.model, { mZp = -3 }))
print(pcall(zp.model, { mchii = 70 }))

-- The registry lists everything: here the cross sections on nucleons (names "sigma_...").
print(#zp.params() .. " parameters, " .. #zp.observables() .. " observables")
for _, o in ipairs(zp.observables()) do
  if o.name:find("^sigma_") then print(string.format("  %-13s %-5s %s", o.name, o.unit, o.doc:sub(1, 70))) end
end

-- At the prompt, try Tab: m.C9<Tab>, zp.mo<Tab>, and zp.model{ mZ<Tab> completes parameter names.
-- docs/reference.md is the full generated list; next: examples/02_flavour_table1.lua.
