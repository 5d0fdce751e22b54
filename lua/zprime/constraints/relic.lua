--- Relic abundance from the Boltzmann equation (zp.relic) for the dark-matter variants.
--- The variants fix their couplings either by the paper's fixed <sigma v> target (default) or by
--- the Boltzmann solution (relic = "boltzmann"); this row shows the resulting Omega h^2 in both cases.
--- A Gaussian band: Planck's error and the theory error of the prediction (Omega_h2_theory_err,
--- fractional) in quadrature, so the pull and pass/fail always agree (|pull| <= nsigma).
return {
  {
    name = "relic density", observable = "Omega_h2", kind = "band",
    central = function(m) return m.Omega_h2_obs end,
    sigma = function(m) return m.Omega_h2_err end,
    theory_err = function(m) return m.Omega_h2_theory_err * m.Omega_h2_obs end,
    nsigma = 2,
    cl = "2 sigma (Planck + theory)", ref = "Planck 2015 [84]; Boltzmann solution (zp.relic); docs/statistics.md",
    applies = { "heavy_dirac", "light_inelastic" },
    note = "Omega_h2_obs +- (Omega_h2_err (+) Omega_h2_theory_err Omega_h2_obs); the paper's fixed targets give ~0.114 " ..
      "(Steigman et al. used 0.11); the g_eff tables alone move Omega h^2 by ~4 %",
  },
}
