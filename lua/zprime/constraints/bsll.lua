--- b -> s mu mu today: R_K and R_K* in [1.1, 6] GeV^2 (LHCb 2022) and BR(B_s -> mu mu) (2022
--- average), read by name from flavio 2.7.0's measurements.yml (data/flavio/) on first use.
--- Kind "band": |prediction - central| <= nsigma * sigma.  Asymmetric errors: sigma is the side
--- towards the prediction (sigma_up when the prediction lies above the central value), with
--- statistical and systematic errors of each side added in quadrature.  The R_K / R_K*
--- correlation in [1.1, 6] (-0.017 in the file) is negligible and not used by the bands.
--- The observables take the Z' propagator at each q^2, so the light Z' (m_Z' = 12 GeV) gets its
--- q^2-dependent C9 = -C10 here rather than the m_b^2 shortcut of section 3.7.
local core = require "zprime.core"
local reader = require "zprime.io.flavio"

local env = { data_path = function() return core.data_path() end }
local RK = "LHCb RK RK* 2022"
local BS = "GSSS combination Bs->mumu 2022"

local function value(name, obs, q2min, q2max)
  return (reader.value(env, name, obs, q2min, q2max))
end

--- sigma of the side the prediction lies on
local function side_sigma(v, pred)
  if pred ~= nil and pred < v.central then return v.sigma_down end
  return v.sigma_up
end

local function R(obs, method, label)
  local function pred(m) return m[method](m, 1.1, 6) end
  return {
    name = label .. " (LHCb 2022)", observable = pred, unit = "1", kind = "band",
    central = function() return value(RK, obs, 1.1, 6.0).central end,
    sigma = function(m) return side_sigma(value(RK, obs, 1.1, 6.0), pred(m)) end,
    nsigma = 2, cl = "2 sigma",
    ref = "LHCb arXiv:2212.09152, 2212.09153; flavio measurements.yml '" .. RK .. "'",
    note = label .. "[1.1, 6] GeV^2 = m:" .. method .. "(1.1, 6); stat and syst added per side; correlation with the other ratio -0.017 (ignored)",
  }
end

--- Relative parametric theory error of BR(B_s -> mu mu) from the inputs' _err partners.
local function bs_theory_rel(m)
  local r2 = (2 * m.f_Bs_err / m.f_Bs) ^ 2 + (m.tau_Bs_err / m.tau_Bs) ^ 2 +
             (2 * m.VtbVts_err / m.VtbVts) ^ 2 + (m.y_s_err / (1 - m.y_s)) ^ 2
  return math.sqrt(r2)
end

return {
  R("<Rmue>(B+->Kll)", "R_K", "R_K"),
  R("<Rmue>(B0->K*ll)", "R_Kstar", "R_K*"),
  {
    name = "B_s->mu mu (2022 average)", observable = "BR_Bs_mumu", kind = "band",
    central = function() return value(BS, "BR(Bs->mumu)").central end,
    sigma = function(m)
      local e = value(BS, "BR(Bs->mumu)").sigma
      local t = bs_theory_rel(m) * m.BR_Bs_mumu
      return math.sqrt(e * e + t * t)
    end,
    nsigma = 2, cl = "2 sigma",
    ref = "Greljo, Salko, Smolkovic, Stangl arXiv:2212.10497; flavio measurements.yml '" .. BS .. "'",
    note = "experiment (3.36 +- 0.28) x 10^-9 with the parametric theory error (f_Bs, tau_Bs, VtbVts, y_s _err) added in quadrature",
  },
}
