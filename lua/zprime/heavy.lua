--- zp.heavy_couplings, zp.dm_limit, zp.dm_limits: the relic-coupling solver of the heavy-Z'
--- Dirac-DM variant (eq. 33 of arXiv:1702.00395, solved numerically) and the experimental DM
--- limit curves read from the data search path.
return function(zp)
  local core = zp.core

  function zp.heavy_couplings(t)
    if type(t) ~= "table" then
      error("zp.heavy_couplings expects a table { mZp =, mchi =, nq =, nchi =, sigmav = }, got " .. type(t), 2)
    end
    local ok, r = pcall(core.heavy_couplings, t)
    if not ok then
      local msg = tostring(r):gsub("^[^:\n]*:%d+: ", "")
      error((msg:find("^zp%.heavy_couplings") and "" or "zp.heavy_couplings: ") .. msg, 2)
    end
    return r
  end
  zp.document("zp.heavy_couplings", [[zp.heavy_couplings{ mZp = 600, mchi = 70, nq = 2, nchi = 5, sigmav = 4.4e-26,
                    contact = false, model = m } -> { gq =, gl =, gchi =, sigmav = }
  Couplings g_q, g_l = g_q/nq, g_chi = nchi g_q for which the s-wave <sigma v> (cm^3/s) of
  Dirac chi chibar -> b b, t t, mu mu, nu nu equals the target (eq. 32; default sigmav_relic_dirac).
  Solved numerically (Brent) with the full Breit-Wigner propagator including Gamma_Z', or with
  eq. (32)'s contact limit 1/m_Z'^4 when contact = true (then g_q = 1.084 m_Z'/TeV /
  (sqrt(nchi) (mchi/70 GeV)^(1/2)): eq. (33), whose printed 1.09 corresponds to 4.5e-26).
  Other inputs (m_t, m_b, ...) come from model (default: the parameter defaults).
  Errors: no solution within g_chi <= 4 pi, g_q <= 10; mchi >= mZp.]])

  function zp.dm_limit(name, mchi)
    if type(name) ~= "string" then
      error("zp.dm_limit: the first argument is a curve name (see zp.dm_limits()), got " .. type(name), 2)
    end
    if type(mchi) ~= "number" then
      error("zp.dm_limit: the second argument is the DM mass in GeV, got " .. type(mchi), 2)
    end
    local ok, r = pcall(core.dm_limit, name, mchi)
    if not ok then error("zp.dm_limit: " .. tostring(r), 2) end
    return r
  end
  zp.document("zp.dm_limit", [[zp.dm_limit(name, mchi) -> limit
  An experimental limit at the DM mass mchi (GeV), interpolated log-log in the data table:
    "pandax2016", "lux2016", "xenon1t2018", "lz_projection"  -- SI per-nucleon sigma, cm^2 (90% CL)
    "fermi_dsph_bb", "fermi_dsph_mumu"                      -- <sigma v>, cm^3/s (95% CL)
  Example: zp.dm_limit("fermi_dsph_bb", 80) -> 1.88e-26.  A missing table is an error naming
  the file and the data search path (zp.data_path).]])

  zp.document("zp.variants.heavy_dirac", [[zp.variants.heavy_dirac{ mZp = 600, mchi = 70, nq = 2, nchi = 5, thetaD = 0.004,
                         sigmav = nil, propagator = "full", relic = "fixed", <any parameter> } -> model
  Heavy Z' + Dirac DM (section 4.1): g_l = g_q/nq, g_chi = nchi g_q with g_q solved so that
  <sigma v> equals the relic target (sigmav, default sigmav_relic_dirac = 4.4e-26 cm^3/s);
  propagator = "contact" uses eq. (32)'s m_chi << m_Z' limit, i.e. the paper's eq. (33).
  m.nq, m.nchi, m.sigmav_target read the variant values; m:with{ mZp = 800 } re-solves;
  m:check() adds the section 4.1 constraints (DD limits, Fermi-LAT, width, Lambda_UV).
  The target comes from zp.variants.heavy_dirac.relic_targets[relic](base_model, values).]])

  function zp.dm_limits() return core.dm_limits() end
  zp.document("zp.dm_limits", [[zp.dm_limits() -> { { name, file, label, quantity, unit, cl, ref }, ... }
  The limit curves known to zp.dm_limit, with their data files and references.]])
end
