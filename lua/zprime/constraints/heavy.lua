--- Constraints of the heavy Z' + Dirac dark matter variant (section 4.1 of arXiv:1702.00395).
--- Limit curves are read from the data search path and interpolated log-log at m_chi
--- (zp.dm_limit); bounds are functions of the model so they follow m_chi and overridden inputs.
local core = require "zprime.core"

local APPLIES = { "heavy_dirac" }

local function limit(name)
  return function(m) return core.dm_limit(name, m.mchi) end
end

local function dd(name, label, cl, ref, tag)
  return {
    name = label, observable = "sigma_SI_Xe", kind = "upper", max = limit(name), cl = cl, ref = ref,
    applies = APPLIES, tag = tag,
    note = "per-nucleon xenon cross section sigma_N_tree + (Z/A)^2 sigma_p (eqs. 36, 39)",
  }
end

return {
  {
    name = "Fermi-LAT dSph b bbar", observable = "sigmav_bb", kind = "upper", max = limit("fermi_dsph_bb"),
    cl = "95% CL", ref = "Ackermann et al. 2015 [56]; section 4.1.1", applies = APPLIES, tag = "paper: tension",
    note = "the b bbar part of <sigma v> against the combined dwarf limit; the paper notes the tension " ..
      "and that the dwarf J-factors may be overestimated [58, 59]",
  },
  dd("pandax2016", "PandaX-II 2016 SI", "90% CL", "Tan et al. 2016 [71]; section 4.1.3"),
  dd("lux2016", "LUX 2016 SI", "90% CL", "Akerib et al. 2017, arXiv:1608.07648", "not in paper"),
  dd("xenon1t2018", "XENON1T 2018 SI", "90% CL", "Aprile et al. 2018, arXiv:1805.12562", "post-paper"),
  dd("lz_projection", "LZ projection SI", "projected 90% CL", "LZ projection [69] (O'Hare's table)", "projection"),
  {
    name = "narrow width", observable = "Gamma_Zp_over_mZp", kind = "upper",
    max = function(m) return m.Gamma_Zp_over_mZp_max end,
    cl = "validity", ref = "section 4.1.2 (Breit-Wigner, on-shell branching ratios)", applies = APPLIES,
    note = "a warning: above it the Z' is too broad for the narrow-width treatment of widths, BRs and <sigma v>",
  },
  {
    name = "perturbativity Lambda_UV", kind = "lower", unit = "GeV",
    -- Lambda_UV is an error when alpha_chi never reaches alpha_chi_max at a finite scale (gchi
    -- = 0, or a tiny gchi): that is the best case of this bound, so it passes with +inf.
    observable = function(m)
      local ok, v = require("zprime.interrupt").pcall(function() return m.Lambda_UV end)
      if ok then return v end
      if tostring(v):find("perturbative at every scale", 1, true) then return math.huge end
      error(v, 0)
    end,
    min = function(m) return m.Lambda_UV_min end,
    cl = "validity", ref = "section 4.1.1, Fig. 3", applies = APPLIES,
    note = "alpha_chi must stay below alpha_chi_max up to Lambda_UV_min (~100 TeV, where a UV completion may appear)",
  },
}
