--- Flavour constraints of Table I of arXiv:1702.00395 (section 3).
--- Bounds may be numbers or functions of the model (so they follow overridden inputs).
return {
  {
    name = "b->s mu mu", observable = "C9_bsmumu", kind = "window", min = -1.12, max = -0.18,
    cl = "3 sigma", ref = "eq. (13); Descotes-Genon et al. [6]; Table I",
  },
  {
    name = "B_s mixing", observable = "DeltaM_s", kind = "band",
    central = function(m) return m.DeltaM_s_exp end,
    sigma = function(m) return m.DeltaM_s_SM_err end, nsigma = 1,
    cl = "1 sigma theory", ref = "eqs. (17)-(19); Table I",
    note = "eq. (17) must lie within the 1 sigma theory error (eq. 18) of the measurement (eq. 19)",
  },
}
