--- b -> s mu mu today: R_K and R_K* in [1.1, 6] GeV^2 (LHCb 2022) and BR(B_s -> mu mu) (2022
--- average), read by name from flavio 2.7.0's measurements.yml (data/flavio/) on first use.
---
--- "R_K, R_K* (LHCb 2022)" is one constraint on the four measured ratios (R_K and R_K* in
--- [0.1, 1.1] and [1.1, 6] GeV^2): its value is sqrt(chi^2) with chi^2 = p^T C^-1 p,
--- p_i = (prediction_i - measured_i)/sigma_i and C the measured 4 x 4 correlation; kind "band"
--- around 0 with sigma 1, so a likelihood that adds ((value - central)/sigma)^2 gets exactly that
--- chi^2; it passes for chi^2 <= 9.49 (95% CL, 4 dof).
--- sigma_i is the error on the side of the prediction (sigma_up when the prediction lies above the
--- measurement), stat and syst of each side in quadrature.  The form-factor errors of the ratios
--- (< 0.2%) are left out here; scripts/today.lua adds them.
--- The observables take the Z' propagator at each q^2, so the light Z' (m_Z' = 12 GeV) gets its
--- q^2-dependent C9 = -C10 here rather than the m_b^2 shortcut of section 3.7.
local core = require "zprime.core"
local reader = require "zprime.io.flavio"

-- the data search path of zp.data_path (zprime is loaded by the time a constraint is evaluated)
local env = { data_path = function()
  local zp = package.loaded["zprime"]
  return type(zp) == "table" and zp.data_path() or core.data_path()
end }
local RK = "LHCb RK RK* 2022"
local BS = "GSSS combination Bs->mumu 2022"
local CHI2_95_4DOF = 9.487729036781154  -- chi^2 quantile for 4 dof at 95%

local METHOD = { ["<Rmue>(B+->Kll)"] = "R_K", ["<Rmue>(B0->K*ll)"] = "R_Kstar" }

--- x^T A^-1 x for a small symmetric positive-definite A (Gaussian elimination, no pivoting
--- needed for a correlation matrix).
local function quad_inv(A, x)
  local n, M, y = #x, {}, {}
  for i = 1, n do
    M[i], y[i] = {}, x[i]
    for j = 1, n do M[i][j] = A[i][j] end
  end
  for k = 1, n do
    for i = k + 1, n do
      local f = M[i][k] / M[k][k]
      for j = k, n do M[i][j] = M[i][j] - f * M[k][j] end
      y[i] = y[i] - f * y[k]
    end
  end
  local z = {}
  for i = n, 1, -1 do
    local s = y[i]
    for j = i + 1, n do s = s - M[i][j] * z[j] end
    z[i] = s / M[i][i]
  end
  local q = 0
  for i = 1, n do q = q + x[i] * z[i] end  -- z = A^-1 x, so q = x^T A^-1 x
  return q
end

--- chi^2 of every R_K and R_K* bin of the LHCb 2022 entry with its correlation matrix; each
--- pull uses the measured error on the side of the prediction.
local function lfu_chi2(m)
  local meas = reader.measurement(env, RK)
  local pulls = {}
  for i, v in ipairs(meas.values) do
    local method = METHOD[v.observable]
    if not method then error("'" .. RK .. "' holds an unexpected observable " .. tostring(v.observable), 0) end
    local pred = m[method](m, v.q2min, v.q2max)
    pulls[i] = (pred - v.central) / ((pred < v.central) and v.sigma_down or v.sigma_up)
  end
  return quad_inv(meas.correlation, pulls), pulls
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
    unit = "1", kind = "band", central = 0, sigma = 1, nsigma = math.sqrt(CHI2_95_4DOF),
    cl = "95% CL (4 dof)", tag = "post-paper", quantity = "sqrt(chi^2) of 4 R_K, R_K* bins",
    ref = "LHCb arXiv:2212.09152, 2212.09153; flavio measurements.yml '" .. RK .. "'",
    note = "value = sqrt(chi^2) of R_K and R_K* in [0.1, 1.1] and [1.1, 6] GeV^2 (e.g. m:R_K(1.1, 6) vs 0.949 +0.047 -0.046) with the 4 x 4 correlation of the measurement; passes for chi^2 <= 9.49",
  },
  {
    name = "B_s→μμ (2022 average)", observable = "BR_Bs_mumu", kind = "band",
    central = function() return bs_value().central end,
    sigma = function(m)
      local e, t = bs_value().sigma, bs_theory_rel(m) * m.BR_Bs_mumu
      return math.sqrt(e * e + t * t)
    end,
    nsigma = 2, cl = "2 sigma", tag = "post-paper",
    ref = "Greljo, Salko, Smolkovic, Stangl arXiv:2212.10497; flavio measurements.yml '" .. BS .. "'",
    note = "experiment (3.36 +- 0.28) x 10^-9 with the parametric theory error (f_Bs, tau_Bs, VtbVts, y_s _err) added in quadrature",
  },
}
