--- zp.relic, zp.relic_target, zp.relic_dof: thermal relic abundance from the Boltzmann
--- equation (C core src/core/dm/relic.c).  Conventions: <sigma v> = a + b <v^2> with v the relative
--- velocity and <v^2> = 6/x; Majorana <sigma v> is for chi chi; Dirac <sigma v> is for chi chibar
--- and Omega h^2 counts chi and chibar; x_f is where Y = 1.618 Y_eq (arXiv:1204.3622).
return function(zp)
  local core = zp.core

  zp.relic = core.relic
  zp.relic_target = core.relic_target

  --- g_eff, h_eff and g*^(1/2) of a dof table at photon temperature T (GeV).
  function zp.relic_dof(T, name)
    if type(T) ~= "number" then
      error("zp.relic_dof: T must be a temperature in GeV, got " .. type(T), 2)
    end
    if name ~= nil and type(name) ~= "string" then
      error("zp.relic_dof: the table name must be a string (std, HP_A, HP_B, HP_B2, HP_B3, HP_C), got " .. type(name), 2)
    end
    local ok, g, h, sg = pcall(core.relic_dof, T, name)
    if not ok then error((tostring(g):gsub("^[^:\n]*:%d+: ", "")), 2) end
    return g, h, sg
  end

  zp.document("zp.relic", [[zp.relic{ m = 100, sigmav = 2.2e-26, b = 0, majorana = true, g = 2,
          dof_table = "std", model = m, coannihilation = { dm =, g =, sigmav12 =, sigmav22 =, b12 =, b22 = } }
  -> { Omega_h2 =, x_f =, Y0 = }
  Solves the Boltzmann equation for the yield Y = n/s of dark matter of mass m (GeV) and returns
  today's Omega h^2 = m s0 Y0 / (rho_c/h^2), the freeze-out point x_f = m/T_f (Y = 1.618 Y_eq) and Y0.
  sigmav: s-wave a in cm^3/s, or a function(x) returning the thermally averaged <sigma v>(x) in cm^3/s.
  b: p-wave coefficient in cm^3/s, <sigma v> = a + b <v^2>, <v^2> = 6/x (v = relative velocity).
  majorana = true: self-conjugate, <sigma v> of chi chi (default).  majorana = false: Dirac,
    <sigma v> of chi chibar, Omega h^2 counts chi and chibar (needs ~2x the Majorana <sigma v>).
  g: internal degrees of freedom per particle (2 for a spin-1/2 fermion).
  dof_table: g_eff(T), h_eff(T): "std" (micrOMEGAs default, Gondolo-Gelmini), "HP_A", "HP_B",
    "HP_B2", "HP_B3", "HP_C" (Hindmarsh-Philipsen), or a data file with columns T heff geff.
  model: take M_Pl, s0 and rho_crit_h2 from this model (default: the parameter defaults).
  coannihilation: a partner heavier by dm (GeV) with g dof (default: same g), coannihilating
    with <sigma v>_12 = sigmav12 + b12 <v^2> and annihilating with sigmav22 + b22 <v^2> (cm^3/s);
    Griest-Seckel weights g_i (m_i/T)^2 K_2(m_i/T) carry dm; dm -> infinity gives the single state.
    The inelastic variant's chi- (m) and chi+ (m + dm): sigmav = eq. (43), sigmav12 = eq. (44),
    sigmav22 = eq. (43) for chi+; for dm -> 0 this is eq. (45) of arXiv:1702.00395.
  One solve takes ~0.15 ms (scripts/bench/relic.lua).  A model's m.Omega_h2 uses the thermal average
  of its own sigma(s) instead (docs/relic.md); m.Omega_h2_fixed_sigmav is this fixed-<sigma v> solve.]])

  zp.document("zp.relic_target", [[zp.relic_target{ m = 100, Omega_h2 = 0.12, majorana = true, g = 2, b = 0,
          dof_table = "std", model = m, coannihilation = { dm =, g =, ratio12 =, ratio22 =, b12 =, b22 = } }
  -> sigmav, { sigmav_eff =, Omega_h2 =, x_f =, Y0 = }
  The s-wave <sigma v> (cm^3/s) that gives the abundance Omega_h2 (default: Omega_h2_obs of model,
  or its default 0.1188, Planck 2015).  Options as in zp.relic; the p-wave b, b12, b22 are held fixed.
  With coannihilation the partner channels scale with it: sigmav12 = ratio12 * sigmav,
  sigmav22 = ratio22 * sigmav; sigmav_eff = sum g_i g_j sigmav_ij / (sum g)^2 is then the
  degenerate-limit <sigma v>_eff of eq. (45) (the quantity the paper sets to 2.3e-26 cm^3/s).
  Examples: zp.relic_target{ m = 100, Omega_h2 = 0.11 } ~ 2.2e-26 (Steigman, Dasgupta & Beacom);
            zp.relic_target{ m = 70, Omega_h2 = 0.11, majorana = false } ~ 4.6e-26 (Dirac).]])

  zp.document("zp.relic_dof", [[zp.relic_dof(T [, name]) -> g_eff, h_eff, sqrt_gstar
  Effective degrees of freedom of the named table (default "std") at photon temperature T (GeV):
  rho = g_eff pi^2/30 T^4, s = h_eff 2 pi^2/45 T^3, g*^(1/2) = h_eff/sqrt(g_eff) (1 + dln h_eff/dln T / 3).]])
end
