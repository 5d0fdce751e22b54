--- Constraints of the light Z' + inelastic Majorana variant (section 4.2 of arXiv:1702.00395).
--- Bounds are functions of the model, so they follow m_chi, the propagation model and any
--- overridden input (pann_max, sigmav_bbn_max, v_esc, ftheta_max, ...).
local core = require "zprime.core"

local APPLIES = { "light_inelastic" }

local function param(name) return function(m) return m[name] end end

return {
  {
    name = "relic density (eq. 46)", kind = "band", unit = "cm^3/s",
    quantity = "<sigma v> of g_chi, f (eq. 46)",
    -- eq. (46) solved for <sigma v>: lhs / (32 pi m_chi^2), i.e. the target scaled by lhs/rhs
    observable = function(m) return m.sigmav_relic_majorana * m.relic_eq46_lhs / m.relic_eq46_rhs end,
    central = param("sigmav_relic_majorana"), sigma = function(m) return 1e-3 * m.sigmav_relic_majorana end,
    nsigma = 1, cl = "relation, 0.1%", ref = "eqs. (45)-(46); [54]", applies = APPLIES,
    note = "(g_chi^4 + (g_chi^2 - f^2)^2) / (32 pi m_chi^2) against sigmav_relic_majorana (holds by " ..
      "construction unless gchi was given or relic = \"boltzmann\")",
  },
  {
    name = "AMS-02 pbar excess", observable = "sigmav_late", kind = "window",
    min = function(m) return m.sigmav_pbar_fit - m.sigmav_pbar_fit_down end,
    max = function(m) return m.sigmav_pbar_fit + m.sigmav_pbar_fit_up end,
    central = param("sigmav_pbar_fit"), shape = "gauss", -- two-piece Gaussian likelihood of the fit
    cl = "1 sigma fit errors", ref = "Table II; eqs. (43), (47)", applies = APPLIES,
    note = "S(v_dm) <sigma v>(chi- chi- -> Z'Z') inside the Table II range of the propagation model",
  },
  {
    name = "CMB (Planck)", observable = "pann_cmb", kind = "upper", max = param("pann_max"),
    cl = "95% CL", ref = "eq. (49); Planck 2015 [84]; f_eff from [85]", applies = APPLIES,
    note = "S at v0_kd (z = 600) times <sigma v>_Z'Z' times f_eff(b bbar) over m_chi",
  },
  {
    name = "BBN (D/H)", observable = "sigmav_bbn", kind = "upper", max = param("sigmav_bbn_max"),
    cl = "95% CL", ref = "[87]; section 4.2.4", applies = APPLIES,
    note = "the bound is quoted for m_chi = 1800 GeV; S at the velocity of eq. (48) at z_bbn",
  },
  {
    name = "Fermi-LAT dSph b bbar", observable = "sigmav_late", kind = "upper",
    max = function(m) return core.dm_limit("fermi_dsph_bb", m.mchi) end,
    cl = "95% CL", ref = "Ackermann et al. 2015 [56]; section 4.2.1", applies = APPLIES,
    note = "the direct b bbar limit; for chi chi -> Z'Z' -> 4b it is weaker [27] (the paper: tension with MIN only)",
  },
  {
    name = "Z' exchange negligible in S", observable = "delta_m", kind = "lower",
    min = param("dm_zp_exchange_min"), cl = "validity", ref = "section 4.2.4; Slatyer [79]", applies = APPLIES,
    note = "delta m > alpha'^2 M/2 lets S be computed from phi exchange alone (f >~ 0.14-0.3)",
  },
  {
    name = "inelastic DD (no upscattering)", observable = "delta_m", kind = "lower",
    min = param("delta_max_dd"), cl = "kinematic", ref = "section 4.2.2; [76]", applies = APPLIES,
    note = "chi- N -> chi+ N is closed when delta m exceeds mu_N (v_esc + v_earth)^2/2 for xenon",
  },
  {
    name = "Higgs portal DD (f theta)", observable = "ftheta", kind = "upper", max = param("ftheta_max"),
    cl = "paper's criterion", ref = "eq. (50) and text after it", applies = APPLIES,
    note = "f theta <~ 1e-3 keeps eq. (50) below the limits for m_phi ~ m_Z' (kappa <~ 0.025)",
  },
  {
    name = "Higgs portal DD (LUX 2016)", observable = "sigma_N_higgs", kind = "upper",
    max = function(m) return core.dm_limit("lux2016", m.mchi) end,
    cl = "90% CL", ref = "eq. (50); Akerib et al. 2017, arXiv:1608.07648", applies = APPLIES,
  },
  {
    name = "h -> Z'Z' -> 4l", observable = "kappa", quantity = "Higgs portal kappa", kind = "upper",
    max = function(m) return m.mZp > 15 and 5e-4 or math.huge end,
    cl = "95% CL", ref = "section 4.2.5; [94]", applies = APPLIES,
    note = "kappa <~ 5e-4 applies only for m_Z' > 15 GeV; below it there is no bound on kappa",
  },
  {
    name = "h -> phi phi (BR_BSM)", observable = "BR_h_phiphi", kind = "upper", max = 0.34,
    cl = "95% CL", ref = "ATLAS + CMS Run 1 combination, JHEP 08 (2016) 045; section 4.2.5", applies = APPLIES,
    note = "untagged Higgs decays; the paper's estimate (kappa v/m_b)^2 is BR_h_phiphi_est",
  },
  {
    name = "chi+ -> chi- nu nu open", observable = "delta_m", kind = "lower", min = 0,
    cl = "kinematic", ref = "section 4.2.2", applies = APPLIES,
    note = "delta m = m_chi+ - m_chi- > 0 opens chi+ -> chi- nu nu, so only chi- is present today",
  },
}
