--- b -> s mu mu today: R_K and R_K* in [1.1, 6] GeV^2 (LHCb 2022) and BR(B_s -> mu mu) (2022
--- average), read by name from flavio 2.7.0's measurements.yml (data/flavio/) on first use.
---
--- "R_K, R_K* (LHCb 2022)" is one constraint on the two correlated ratios: its value is
--- sqrt(chi^2) with chi^2 = p^T C^-1 p, p_i = (prediction_i - measured_i)/sigma_i and C the
--- measured correlation (-0.017); kind "band" around 0 with sigma 1, so a likelihood that adds
--- ((value - central)/sigma)^2 gets exactly that chi^2; it passes for chi^2 <= 5.99 (95% CL, 2 dof).
--- sigma_i is the error on the side of the prediction (sigma_up when the prediction lies above the
--- measurement), stat and syst of each side in quadrature.  The form-factor errors of the ratios
--- (< 0.2%) are left out here; scripts/today.lua adds them.
--- The observables take the Z' propagator at each q^2, so the light Z' (m_Z' = 12 GeV) gets its
--- q^2-dependent C9 = -C10 here rather than the m_b^2 shortcut of section 3.7.
local core = require "zprime.core"
local reader = require "zprime.io.flavio"

local env = { data_path = function() return core.data_path() end }
local RK = "LHCb RK RK* 2022"
local BS = "GSSS combination Bs->mumu 2022"
local CHI2_95_2DOF = 5.991464547107979  -- chi^2 quantile for 2 dof at 95%

--- Measured value, error towards the prediction, and the R_K / R_K* correlation.
local function ratio(obs, pred)
  local v, i, meas = reader.value(env, RK, obs, 1.1, 6.0)
  local s = (pred < v.central) and v.sigma_down or v.sigma_up
  return v.central, s, i, meas
end

--- Pulls of R_K and R_K* in [1.1, 6] and their correlated chi^2.
local function lfu_chi2(m)
  local rk, rks = m:R_K(1.1, 6), m:R_Kstar(1.1, 6)
  local ck, sk, ik, meas = ratio("<Rmue>(B+->Kll)", rk)
  local cks, sks, iks = ratio("<Rmue>(B0->K*ll)", rks)
  local rho = meas.correlation and meas.correlation[ik][iks] or 0
  local pk, pks = (rk - ck) / sk, (rks - cks) / sks
  return (pk * pk + pks * pks - 2 * rho * pk * pks) / (1 - rho * rho), pk, pks
end

--- Relative parametric theory error of BR(B_s -> mu mu) from the inputs' _err partners.
local function bs_theory_rel(m)
  local r2 = (2 * m.f_Bs_err / m.f_Bs) ^ 2 + (m.tau_Bs_err / m.tau_Bs) ^ 2 +
             (2 * m.VtbVts_err / m.VtbVts) ^ 2 + (m.y_s_err / (1 - m.y_s)) ^ 2
  return math.sqrt(r2)
end

local function bs_value() return (reader.value(env, BS, "BR(Bs->mumu)")) end

return {
  {
    name = "R_K, R_K* (LHCb 2022)",
    observable = function(m) return math.sqrt((lfu_chi2(m))) end,
    unit = "1", kind = "band", central = 0, sigma = 1, nsigma = math.sqrt(CHI2_95_2DOF),
    cl = "95% CL (2 dof)",
    ref = "LHCb arXiv:2212.09152, 2212.09153; flavio measurements.yml '" .. RK .. "'",
    note = "value = sqrt(chi^2) of m:R_K(1.1, 6) = 0.949 (+0.047 -0.046) and m:R_Kstar(1.1, 6) = 1.027 (+0.077 -0.073) with their correlation (-0.017); passes for chi^2 <= 5.99",
  },
  {
    name = "B_s→μμ (2022 average)", observable = "BR_Bs_mumu", kind = "band",
    central = function() return bs_value().central end,
    sigma = function(m)
      local e, t = bs_value().sigma, bs_theory_rel(m) * m.BR_Bs_mumu
      return math.sqrt(e * e + t * t)
    end,
    nsigma = 2, cl = "2 sigma",
    ref = "Greljo, Salko, Smolkovic, Stangl arXiv:2212.10497; flavio measurements.yml '" .. BS .. "'",
    note = "experiment (3.36 +- 0.28) x 10^-9 with the parametric theory error (f_Bs, tau_Bs, VtbVts, y_s _err) added in quadrature",
  },
}
