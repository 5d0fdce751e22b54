--- zp.propagation, zp.gchi_relic, zp.S_hulthen, zp.S_exact, zp.cmb_feff: the relic relation,
--- Sommerfeld factors and CMB efficiency of the light Z' + inelastic Majorana variant
--- (section 4.2 of arXiv:1702.00395; C core in src/core/dm/light.c, sommerfeld.c, cmb.c).
return function(zp)
  local core = zp.core

  --- Table II (right side): the DM mass that reproduces the antiproton spectrum with a 12 GeV Z'
  --- decaying to b bbar, and the <sigma v> (cm^3/s, with asymmetric errors) that fits the
  --- high-energy AMS-02 excess for each cosmic-ray propagation model.  Left side: Ref. [27].
  zp.propagation = {
    MIN = { mchi = 1800, sigmav = 103e-26, up = 59e-26, down = 44e-26, mchi_ref = 765, sigmav_ref = 18.6e-26 },
    MED = { mchi = 1950, sigmav = 31e-26, up = 18e-26, down = 14e-26, mchi_ref = 808, sigmav_ref = 5.2e-26 },
    MAX = { mchi = 1950, sigmav = 12.8e-26, up = 7.3e-26, down = 5.9e-26, mchi_ref = 826, sigmav_ref = 2.29e-26 },
  }
  zp.document("zp.propagation", [[zp.propagation.MIN | MED | MAX -> { mchi =, sigmav =, up =, down =, mchi_ref =, sigmav_ref = }
  Table II of arXiv:1702.00395: mchi (GeV) and the <sigma v> (cm^3/s, errors up/down) that fit the
  high-energy AMS-02 antiproton excess with chi chi -> Z'Z' -> 4b, m_Z' = 12 GeV (right side), and
  the light-quark fit of Ref. [27] it was rescaled from (mchi_ref, sigmav_ref; left side).]])

  local function prop_row(fname, name)
    local row = zp.propagation[name]
    if row == nil then
      error(fname .. ": unknown propagation model '" .. tostring(name) .. "' (MIN, MED or MAX)", 3)
    end
    return row
  end

  local function check_opts(fname, t, allowed)
    if type(t) ~= "table" then error(fname .. " expects a table of options, got " .. type(t), 3) end
    local ok = {}
    for _, k in ipairs(allowed) do ok[k] = true end
    for k in pairs(t) do
      if not ok[k] then
        error(fname .. ": unknown option '" .. tostring(k) .. "' (options: " .. table.concat(allowed, ", ") .. ")", 3)
      end
    end
  end

  local function num(fname, t, k, def)
    local x = t[k]
    if x == nil then return def end
    if type(x) ~= "number" then error(fname .. ": option '" .. k .. "' must be a number, got " .. type(x), 3) end
    return x
  end

  --- eq. (46) solved for g_chi: both branches.
  function zp.gchi_relic(t)
    check_opts("zp.gchi_relic", t, { "f", "prop", "mchi", "sigmav" })
    local f = num("zp.gchi_relic", t, "f")
    if f == nil then error("zp.gchi_relic: option 'f' (the dark Higgs Yukawa coupling) is required", 2) end
    local mchi = num("zp.gchi_relic", t, "mchi")
    if mchi == nil then mchi = prop_row("zp.gchi_relic", t.prop or "MED").mchi end
    local sv = num("zp.gchi_relic", t, "sigmav", core.info("sigmav_relic_majorana").default)
    local okR, R = pcall(core.relic_rhs, mchi, sv)
    if not okR then error("zp.gchi_relic: " .. tostring(R):gsub("^[^:\n]*:%d+: ", ""):gsub("^relic_rhs: ", ""), 2) end
    local ok, up, lo = pcall(core.gchi_relic, f, R)
    if not ok then error("zp.gchi_relic: " .. tostring(up), 2) end
    return { upper = up, lower = lo, n = lo and 2 or 1, R = R, mchi = mchi, f = f,
             f_max = (2 * R) ^ 0.25, f_two = R ^ 0.25 }
  end
  zp.document("zp.gchi_relic", [[zp.gchi_relic{ f = 0.5, prop = "MED" | mchi = 1950, sigmav = 2.3e-26 }
    -> { upper =, lower =, n =, R =, f_max =, f_two = }
  Solves the relic relation of eq. (46), g_chi^4 + (g_chi^2 - f^2)^2 = R = 32 pi mchi^2 <sigma v>
  (R = 0.75 for 1950 GeV, 0.64 for 1800 GeV with 2.3e-26 cm^3/s).  upper: the larger root (the one
  the paper uses); lower: the smaller root, present for f_two = R^(1/4) < f <= f_max = (2R)^(1/4)
  (n = 2).  Error for f > f_max, naming the allowed range.  prop picks mchi from zp.propagation.]])

  --- Sommerfeld factors with named options.
  local S_OPTS = { "f", "alpha", "v", "mchi", "mphi", "alpha_phi_den" }
  local function somm(fname, fn, t)
    check_opts(fname, t, S_OPTS)
    local alpha = num(fname, t, "alpha")
    local f = num(fname, t, "f")
    if (alpha == nil) == (f == nil) then
      error(fname .. ": give either f (alpha = f^2/(alpha_phi_den pi)) or alpha, exactly one", 3)
    end
    if alpha == nil then
      alpha = f * f / (num(fname, t, "alpha_phi_den", core.info("alpha_phi_den").default) * math.pi)
    end
    local mchi, mphi = num(fname, t, "mchi", 1950), num(fname, t, "mphi")
    if mphi == nil then error(fname .. ": option 'mphi' (GeV) is required", 3) end
    local ok, S = pcall(fn, alpha, num(fname, t, "v", 1e-3), mchi, mphi)
    if not ok then error(fname .. ": " .. tostring(S), 3) end
    return S
  end
  function zp.S_hulthen(t) return somm("zp.S_hulthen", core.S_hulthen, t) end
  function zp.S_exact(t) return somm("zp.S_exact", core.S_exact, t) end
  local S_DOC = [[
  Sommerfeld factor of an attractive Yukawa potential V = -alpha e^(-mphi r)/r between two
  particles of mass mchi (GeV), each moving with v (units of c, default 1e-3) in the CM frame.
  alpha = f^2/(alpha_phi_den pi), alpha_phi_den = 16 as in eq. (47) (see docs/sommerfeld.md).]]
  zp.document("zp.S_hulthen", "zp.S_hulthen{ f = 0.5 | alpha =, v = 1e-3, mchi = 1950, mphi = 10, alpha_phi_den = 16 } -> S\n" ..
    "  eq. (47): Cassel's Hulthen formula, |Gamma(a+) Gamma(a-)/Gamma(1+2iu)|^2 (~1e7 per second in C)." .. S_DOC)
  zp.document("zp.S_exact", "zp.S_exact{ f = 0.5 | alpha =, v = 1e-3, mchi = 1950, mphi = 10, alpha_phi_den = 16 } -> S\n" ..
    "  The s-wave radial Schroedinger equation solved numerically (GSL rk8pd, ~20 us per point)." .. S_DOC)

  function zp.cmb_feff(t)
    check_opts("zp.cmb_feff", t, { "m", "channel" })
    local m = num("zp.cmb_feff", t, "m")
    if m == nil then error("zp.cmb_feff: option 'm' (the DM mass in GeV) is required", 2) end
    if t.channel ~= nil and type(t.channel) ~= "string" then
      error("zp.cmb_feff: option 'channel' must be a PPPC channel name such as \"b\", got " .. type(t.channel), 2)
    end
    local ok, f = pcall(core.cmb_feff, t.channel or "b", m)
    if not ok then error("zp.cmb_feff: " .. tostring(f), 2) end
    return f
  end
  zp.document("zp.cmb_feff", [[zp.cmb_feff{ m = 1800, channel = "b" } -> f_eff
  CMB energy-deposition efficiency of DM DM -> channel (a PPPC channel name) at m (GeV): the PPPC
  e+ and gamma spectra weighted with Slatyer's f_eff^e(E), f_eff^gamma(E) (arXiv:1506.03811, Fig. 3),
  as used in eq. (49).  f_eff(b bbar, 1800 GeV) = 0.193.]])

  zp.document("zp.variants.light_inelastic", [[zp.variants.light_inelastic{ mchi = 1950, mZp = 12, mphi = 10, f = 0.5, prop = "MED",
      branch = "upper", sommerfeld = "hulthen", relic = "eq46" | "boltzmann" | "thermal", delta_m =, lambda_phi =, <any parameter> } -> model
  Light Z' + inelastic Majorana dark matter (section 4.2 of arXiv:1702.00395).
  prop: MIN, MED or MAX (zp.propagation, Table II) sets mchi (1800/1950 GeV), the antiproton target
    sigmav_pbar_fit (+ errors) and the default f (0.8 for MIN, 0.5 otherwise).
  g_chi: eq. (46) at f, the larger root (branch = "lower" for the other); relic = "boltzmann" uses the
    <sigma v>_eff for which the Boltzmann equation with eqs. (43)-(45) gives Omega_h2_obs instead of
    2.3e-26 cm^3/s; relic = "thermal" the g_chi for which m.Omega_h2 = Omega_h2_obs.
  m.Omega_h2: Boltzmann solution with the thermal average of the sector's tree-level sigma(s)
    (dm_sector = 1: Z'Z', varphi varphi, Z' varphi, chi+ coannihilation; docs/relic.md);
    m.Omega_h2_fixed_sigmav: the same with the s-wave inputs of eqs. (43)-(45).
  g_q = 0.4 mZp/TeV and g_l = g_q/2 unless given; kappa = 5e-4 (section 4.2.5).
  w from eq. (42) for the given mZp (default 12 GeV); or give w, or delta_m (w = delta_m/(2f)), and mZp
    follows.  mphi: given, or from lambda_phi (sqrt(2 lambda') w), or, when omitted, the Fig. 7 value
    where S(v_dm) = S_required (m.mphi_mode says which).  sommerfeld = "exact" uses the Yukawa S.
  Readable: m.prop, m.branch, m.relic, m.mphi_mode, m.gchi_mode, m.gchi_other_root (false if one root).
  m:check() runs the section 4.2 constraints (zprime.constraints.light); m:with{ f = 0.6 } re-solves.
  Observables: delta_m, mchi_plus, sigmav_ZpZp, sigmav_eff, S_hulthen, S_exact, S_required, mphi_fit,
  pann_cmb, sigmav_bbn, sigma_N_higgs, kappa_max_dd, ... (zp.observables(); docs/sommerfeld.md).]])
end
