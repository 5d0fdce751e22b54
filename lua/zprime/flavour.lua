--- Table I of arXiv:1702.00395 from the model's inputs: zp.table1_coefficients(m) derives the
--- simplified inequalities in x = g_q g_l s_theta c_theta mhat_TeV^-2 from the same bounds the
--- constraints use (zp.constraints), so editing a bound changes both forms together.
return function(zp)
  local function bound(name, field, m)
    for _, c in ipairs(zp.constraints) do
      if c.name == name then
        local v = c[field]
        if type(v) == "function" then v = v(m) end
        return v
      end
    end
    error("zp.table1_coefficients: no constraint named '" .. name .. "' in zp.constraints", 3)
  end

  --- Coefficients of Table I for model m (defaults: zp.model{}).
  function zp.table1_coefficients(m)
    m = m or zp.model{}
    if not zp.core.is_model(m) then error("zp.table1_coefficients expects a model", 2) end
    local t = {}
    -- K = pi / (sqrt2 alpha G_F |V_tb V_ts^*|) in TeV^2 (eq. 15): C9 = -K x
    local K = math.pi / (math.sqrt(2) * m.alpha_em * m.GF * math.abs(m.VtbVts)) / 1e6
    t.K = K
    t.bsmumu_lo = -bound("b->s mu mu", "max", m) / K
    t.bsmumu_hi = -bound("b->s mu mu", "min", m) / K
    -- eq. (21): |C_L^SM + C_L^NP| <= sqrt(3 R - 2) |C_L^SM|  ->  |offset + x| <= rhs
    local R = bound("b->s nu nu", "max", m)
    t.bsnunu_offset = math.abs(m.CL_SM) / K
    t.bsnunu_rhs = math.sqrt(3 * R - 2) * math.abs(m.CL_SM) / K
    -- B_s (eq. 17): the Z' term may lift Delta M_s up to central + nsigma sigma
    local sm = m:with{ gq = 0 }
    local top = bound("B_s mixing", "central", m) + bound("B_s mixing", "nsigma", m) * bound("B_s mixing", "sigma", m)
    local dm = sm.DeltaM_s
    local n = m.GF ^ 2 * m.m_W ^ 2 * m.VtbVts ^ 2 / (16 * math.pi ^ 2) * m.CVLL_SM
    t.Bs_max = 2 * n * (top / dm - 1) * 1e6
    t.Bs_max_qcd = t.Bs_max / m.Bs_mixing_qcd_ratio
    -- trident (eqs. 24, 25, 28): R - 1 = Y (1 + c2 Y) / P, Y = g_l^2 mhat^-2
    local sw2 = 1 - (m.m_W / m.m_Z) ^ 2
    local a, v = m.GF / math.sqrt(2), 0.5 + 2 * sw2
    t.trident_c2 = 1e-6 / (2 * a * (2 * v + 1))
    local P = 4 * a * (v * v + 0.25) / (2 * v + 1) * 1e6
    local rmax = bound("nu trident", "central", m) + bound("nu trident", "nsigma", m) * bound("nu trident", "sigma", m)
    t.trident_rhs = (rmax - 1) * P
    -- largest Y: Y (1 + c2 Y) = rhs
    t.trident_Ymax = (-1 + math.sqrt(1 + 4 * t.trident_c2 * t.trident_rhs)) / (2 * t.trident_c2)
    return t
  end
  zp.document("zp.table1_coefficients", [[zp.table1_coefficients([m]) -> { K, bsmumu_lo, bsmumu_hi,
  bsnunu_offset, bsnunu_rhs, Bs_max, Bs_max_qcd, trident_c2, trident_rhs, trident_Ymax }
  Table I of the paper from m's inputs and the bounds in zp.constraints:
    bsmumu_lo <= x <= bsmumu_hi,  |bsnunu_offset + x| <= bsnunu_rhs,
    g_q^2 (s c)^2 mhat^-2 <= Bs_max (eq. 17; Bs_max_qcd with the LO-QCD-run coefficient),
    Y (1 + trident_c2 Y) <= trident_rhs with Y = g_l^2 mhat^-2 (Y <= trident_Ymax),
  where x = g_q g_l sin(thetaD) cos(thetaD) mhat^-2 and mhat = mZp / TeV.  Bs_max_qcd depends on
  mZp through the running; the others do not.]])

  zp.document("DeltaM_s", [[  Paper's convention (eq. 17): the Z' coefficient of eq. (9) at m_Z', unrun, multiplied by the
  RG-invariant B_hat_Bs like the SM box.  DeltaM_s_qcd runs it at LO QCD to m_b and uses B_Bs(m_b):
  its Z' shift is 0.52 of this one at m_Z' = 600 GeV and 0.61 at 12 GeV (Bs_mixing_qcd_ratio), so
  the Table I bound g_q^2 (s c)^2 mhat^-2 <~ 1.5e-5 (0.00002) becomes ~3.0e-5 at 600 GeV.]])
  zp.document("DeltaM_s_qcd", [[  What flavio/wilson compute from m:wcxf{}: C_VLL(m_b) = eta C_VLL(m_Z'),
  eta = [alpha_s(m_Z')/alpha_s(m_t)]^(6/21) [alpha_s(m_t)/alpha_s(m_b)]^(6/23) (~0.79 at 600 GeV),
  with <O>(m_b) = (2/3) m_Bs^2 f_Bs^2 B_Bs(m_b), B_Bs(m_b) = B_hat/1.5173.  The Z' shift is
  0.52 (600 GeV) / 0.61 (12 GeV) of DeltaM_s's: the Table I bound is ~1.9x weaker
  (zp.table1_coefficients(m).Bs_max_qcd).  SM part identical to DeltaM_s.]])
end
