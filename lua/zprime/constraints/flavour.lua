--- Flavour constraints of Table I of arXiv:1702.00395 (section 3), one entry per row, plus
--- the Z -> 4 mu band of Fig. 1.  Bounds are numbers or functions of the model (so they follow
--- overridden inputs); edit them here or with zp.constraint / zp.add_constraint in a script.
--- Table I's simplified inequalities in x = g_q g_l s c mhat_TeV^-2 follow from these bounds
--- (zp.table1_coefficients(m) derives them; tests/c/test_flavour.c records the input choices).
-- eq. (27): sigma_exp/sigma_SM = R_trident_exp +- R_trident_exp_err (0.82 +- 0.28), 95% CL two-sided
local TRIDENT = { ratio = function(m) return m.R_trident_exp end, err = function(m) return m.R_trident_exp_err end,
                  nsigma = 1.96 }

return {
  {
    name = "b->s mu mu", observable = "C9_bsmumu", kind = "window", min = -1.12, max = -0.18,
    shape = "gauss", -- the likelihood: Gaussian with the window as its 3 sigma range (docs/statistics.md)
    cl = "3 sigma", ref = "eq. (13); Descotes-Genon et al. [6]; Table I",
    note = "C9 = -C10 fit window; Table I: 0.00028 <= g_q g_l s c mhat^-2 <= 0.00177",
  },
  {
    name = "b->s nu nu", observable = "R_bsnunu", kind = "upper", max = 5,
    null = 1, -- the Standard Model (R = 1) is the no-signal point of the half-Gaussian likelihood
    cl = "90% CL", ref = "eq. (21); Buras et al. [40]; BaBar, Belle [38, 39]; Table I",
    note = "Table I prints |0.01041 + x| <~ 0.03711; R <= 5 gives 0.03754 (0.03711 needs R <= 4.90)",
  },
  {
    name = "B_s mixing", observable = "DeltaM_s", kind = "band",
    central = function(m) return m.DeltaM_s_exp end,
    sigma = function(m) return m.DeltaM_s_SM_err end, nsigma = 1,
    cl = "1 sigma theory", ref = "eqs. (17)-(19); Table I",
    note = "eq. (17) must lie within the 1 sigma theory error (eq. 18) of the measurement (eq. 19); Table I: g_q^2 (s c)^2 mhat^-2 <~ 0.00002",
  },
  {
    name = "B_s mixing (LO QCD)", observable = "DeltaM_s_qcd", kind = "band",
    in_total = false, -- the same measurement as "B_s mixing": shown, not summed into m:chi2 totals
    central = function(m) return m.DeltaM_s_exp end,
    sigma = function(m) return m.DeltaM_s_SM_err end, nsigma = 1,
    cl = "1 sigma theory", ref = "eq. (17) with C_VLL run from m_Z' to m_b; Buras hep-ph/9806471",
    note = "same band with the Z' coefficient run at LO QCD and B_Bs(m_b): the Z' shift is ~0.5-0.6 of eq. (17)'s, so this bound is ~1.9x weaker",
  },
  {
    name = "nu trident", observable = "R_trident", kind = "band",
    central = TRIDENT.ratio, sigma = TRIDENT.err, nsigma = TRIDENT.nsigma,
    cl = "95% CL", ref = "eqs. (27), (28); CCFR [46]; Altmannshofer et al. [45]; Table I",
    note = "sigma_exp/sigma_SM = 0.82 +- 0.28 at 1.96 sigma; Table I: g_l^2 mhat^-2 (1 + 0.02097 g_l^2 mhat^-2) <= 4.81193",
  },
  {
    name = "Z -> 4 mu",
    observable = function(m) return m.BR_Z_4mu_SM + m.BR_Z_4mu_NP end,
    unit = "1", kind = "band",
    central = function(m) return m.BR_Z_4mu_SM end,
    sigma = function(m) return m.BR_Z_4l_exp_err end, nsigma = 1,
    cl = "1 sigma", ref = "eq. (29), Fig. 1; PDG 2016 [47] (3.3 +- 0.3) x 10^-6",
    note = "SM (3.3e-6) plus the on-shell Z' contribution of eq. (29); zero for m_Z' > m_Z",
  },
}
