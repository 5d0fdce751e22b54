--- LHC resonance searches for the heavy Z' + Dirac dark matter variant (section 4.1.2 and
--- Figure 4 of arXiv:1702.00395).  Limit curves come from zp.lhc_limit (data/lhc, see
--- docs/collider.md); outside a curve's mass (or width) range a bound is +inf, which the check
--- table shows as "none here".
local APPLIES = { "heavy_dirac" }

local function zp() return require "zprime" end

--- The limit, or +inf ("none here") where the curve does not apply.
local function limit(name, width, acceptance)
  return function(m)
    local w = width and width(m) or nil
    local v = zp().lhc_limit(name, m.mZp, w, acceptance and acceptance(m) or nil)
    return v or math.huge
  end
end

--- micrOMEGAs' width for the dijet grid: quarks other than top plus invisible channels.
local function dijet_width(m)
  return (m.Gamma_Zp_bb + m.Gamma_Zp_nunu + m.Gamma_Zp_chichi) / m.mZp
end

--- j = sum_q (g_qV^2 + g_qA^2) BR(Z' -> q qbar) over the diagonal couplings: left-handed
--- g_V = g_A = g/2 gives g^2/2; b couples with g_q cos^2(theta_D), s with g_q sin^2(theta_D),
--- and the down-type width splits as cos^4 : sin^4 (the tiny CKM-induced u u is left out).
local function dijet_j(m)
  local c2, s2 = math.cos(m.thetaD) ^ 2, math.sin(m.thetaD) ^ 2
  return 0.5 * m.gq ^ 2 * (c2 ^ 2 * c2 ^ 2 + s2 ^ 2 * s2 ^ 2) * m.BR_Zp_bb
end

return {
  {
    name = "LHC dimuon", observable = "sigmaBR_pp_Zp_mumu", kind = "upper",
    max = function(m)
      if m.Gamma_Zp_over_mZp > m.Gamma_Zp_over_mZp_max then return math.huge end
      return limit("cms_mumu")(m)
    end,
    cl = "95% CL", ref = "CMS 140 fb^-1, arXiv:2103.02708; section 4.1.2, Fig. 4", applies = APPLIES,
    tag = "post-paper", -- data published after arXiv:1702.00395 (m:check() says so in the table)
    note = "narrow-width mu mu limit (229-5400 GeV); none here above Gamma_Zp_over_mZp_max; the " ..
      "width-aware likelihood is the row 'LHC dimuon likelihood'",
  },
  {
    name = "LHC dimuon likelihood", observable = "LHC_dimuon_chi2", kind = "upper",
    max = function(m)
      local lo, hi = require("zprime.core").zpeed_range() -- the ATLAS spectrum of the ZPEED tables
      if m.mZp < lo or m.mZp > hi then return math.huge end
      return 3.84
    end,
    cl = "95% CL", ref = "ZPEED method, arXiv:1912.06374; ATLAS 139 fb^-1, arXiv:1903.06248", applies = APPLIES,
    tag = "post-paper", -- data published after arXiv:1702.00395 (m:check() says so in the table)
    note = "-2 Delta ln L of the binned mu mu spectrum around m_Z' (b, s, u initial states; Drell-Yan " ..
      "interference neglected); 3.84 = 95% CL for one parameter",
  },
  {
    name = "LHC dijet", observable = "sigmaBR_pp_Zp_jj", kind = "upper",
    max = limit("cms_dijet", nil, function(m) return m.A_dijet end),
    cl = "95% CL", ref = "CMS 36 fb^-1, arXiv:1806.00843; Fig. 4 right (A = A_dijet)", applies = APPLIES,
    tag = "post-paper", -- data published after arXiv:1702.00395 (m:check() says so in the table)
    note = "qq-resonance limit on sigma x B x A divided by the acceptance A_dijet (0.6 as the paper); 600-8100 GeV",
  },
  {
    name = "LHC dijet j95", observable = dijet_j, kind = "upper",
    max = limit("dijet_j95", dijet_width),
    cl = "95% CL", ref = "Fairbairn et al., arXiv:1605.07940 (micrOMEGAs dijet grid)", applies = APPLIES,
    note = "j = sum_q (g_V^2 + g_A^2) BR(q qbar) vs j_95(m, Gamma/m), 500-4000 GeV, Gamma/m <= 0.3; the grid " ..
      "assumes flavour-universal production, so for a b-coupled Z' it overstates the signal (conservative)",
  },
}
