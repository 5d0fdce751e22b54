--- Relic abundance from the Boltzmann equation (zp.relic) for the dark-matter variants.
--- The variants fix their couplings either by the paper's fixed <sigma v> target (default) or by
--- the Boltzmann solution (relic = "boltzmann"); this row shows the resulting Omega h^2 in both cases.
return {
  {
    name = "relic density", observable = "Omega_h2", kind = "window",
    min = function(m) return m.Omega_h2_obs * (1 - m.Omega_h2_tol) end,
    max = function(m) return m.Omega_h2_obs * (1 + m.Omega_h2_tol) end,
    sigma = function(m) return m.Omega_h2_err end,
    cl = "Planck +- tol", ref = "Planck 2015 [84]; Boltzmann solution (zp.relic)",
    applies = { "heavy_dirac", "light_inelastic" },
    note = "window Omega_h2_obs (1 +- Omega_h2_tol); the paper's fixed targets give ~0.11 (Steigman et al. used 0.11)",
  },
}
