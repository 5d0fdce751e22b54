--- zp.pbar_spectrum, zp.boost_spectrum, zp.pppc_spectrum, zp.pppc_info, zp.pbar_match:
--- prompt antiproton spectra from the PPPC 4 DM ID tables (arXiv:1012.4515), boosted by eq. (40)
--- of arXiv:1702.00395 for chi chi -> Z'Z' -> (f fbar)(f fbar) (C core: src/core/indirect/pppc.c, boost.c).
--- Energies are antiproton KINETIC energies in GeV; dN/dE is in GeV^-1 per annihilation.
return function(zp)
  local core = zp.core

  local function need_table(fname, t)
    if type(t) ~= "table" then
      error(fname .. " expects a table of options, e.g. " .. fname .. "{ mchi = 1950, mZp = 12 }, got "
        .. type(t), 3)
    end
  end

  --- Call a core function; an error is re-raised at the caller of the zp.* function.
  local function call(f, t)
    local ok, r = pcall(f, t)
    if not ok then error((tostring(r):gsub("^[^:\n]*:%d+: ", "")), 3) end
    return r
  end

  function zp.pbar_spectrum(t)
    need_table("zp.pbar_spectrum", t)
    local r = call(core.pbar_spectrum, t)
    return r
  end

  function zp.boost_spectrum(t)
    need_table("zp.boost_spectrum", t)
    local r = call(core.boost_spectrum, t)
    return r
  end

  function zp.pppc_spectrum(t)
    need_table("zp.pppc_spectrum", t)
    local r = call(core.pppc_spectrum, t)
    return r
  end

  function zp.pppc_info(name)
    if name ~= nil and type(name) ~= "string" then
      error("zp.pppc_info expects a table name such as 'pppc4dmid/AtProduction_gammas.dat', got " .. type(name), 2)
    end
    local r = call(core.pppc_info, name)
    return r
  end

  local LIGHT_KEYS = { mchi = true, mZp = true, channel = true, table = true, E = true, n = true,
                       Emin = true, Emax = true, m_p = true }

  --- Below the PPPC masses: the lowest tabulated rest-frame spectrum, rescaled at a fixed
  --- fraction xi = K'/(mDM - m_p) of the kinetic energy available to the antiproton.
  function zp.pbar_light_mediator(t)
    need_table("zp.pbar_light_mediator", t)
    for k in pairs(t) do
      if not LIGHT_KEYS[k] then error("zp.pbar_light_mediator: unknown option '" .. tostring(k) .. "'", 2) end
    end
    if t.table ~= nil and type(t.table) ~= "string" then
      error("zp.pbar_light_mediator: option 'table' expects a PPPC table name, got " .. type(t.table), 2)
    end
    if t.m_p ~= nil and type(t.m_p) ~= "number" then
      error("zp.pbar_light_mediator: option 'm_p' expects a number in GeV, got " .. type(t.m_p), 2)
    end
    local info = call(core.pppc_info, t.table)
    if type(t.mZp) ~= "number" or type(t.mchi) ~= "number" then
      error("zp.pbar_light_mediator: give mchi and mZp in GeV", 2)
    end
    local opts = { mchi = t.mchi, mZp = t.mZp, channel = t.channel, table = t.table, E = t.E,
                   n = t.n, Emin = t.Emin, Emax = t.Emax, m_p = t.m_p }
    local mDM, ms = t.mZp / 2, info.mmin
    if mDM >= ms then return call(core.pbar_spectrum, opts) end
    local mp = t.m_p or zp.model{}.m_p
    if not (mDM > mp) then
      error(string.format("zp.pbar_light_mediator: mZp = %g GeV cannot decay to p pbar (mZp/2 <= m_p = %g GeV)",
        t.mZp, mp), 2)
    end
    local lx = {}
    for j = 0, info.nx - 1 do lx[j + 1] = info.lxmin + j * (info.lxmax - info.lxmin) / (info.nx - 1) end
    local y = call(core.pppc_spectrum, { table = t.table, channel = t.channel or "b", mDM = ms, log10x = lx })
    -- x_P = K'/mDM: at fixed xi, x_P(mDM) = x_P(ms) * ms/(ms - m_p) * (mDM - m_p)/mDM, a shift in
    -- log10 x_P; dN/dlog10 x_P is unchanged by the shift
    local c = ms / (ms - mp) * (mDM - mp) / mDM
    local r = call(core.boost_spectrum, { mchi = t.mchi, mZp = t.mZp, m = mp, lx0 = info.lxmin + math.log(c, 10),
      dlx = (info.lxmax - info.lxmin) / (info.nx - 1), dNdlog10x = y, E = t.E, n = t.n, Emin = t.Emin,
      Emax = t.Emax })
    r.mchi, r.mZp, r.channel, r.table, r.boost, r.scaled_from_mDM = t.mchi, t.mZp, t.channel or "b", info.path, true, ms
    return r
  end

  --- Unit-area density of a spectrum in ln E on the grid E (trapezoid rule): E dN/dE / N.
  local function lnE_density(E, dNdE)
    local f, area = {}, 0
    for i = 1, #E do f[i] = E[i] * dNdE[i] end
    for i = 2, #E do area = area + 0.5 * (f[i] + f[i - 1]) * math.log(E[i] / E[i - 1]) end
    if not (area > 0) then return nil end
    for i = 1, #E do f[i] = f[i] / area end
    return f
  end

  --- L2 distance of two unit-area ln E densities on the grid E.
  local function distance(E, f, g)
    local d = 0
    for i = 2, #E do
      local a, b = f[i] - g[i], f[i - 1] - g[i - 1]
      d = d + 0.5 * (a * a + b * b) * math.log(E[i] / E[i - 1])
    end
    return d
  end

  local MATCH_KEYS = { ref = true, mZp = true, channel = true, table = true, mchi = true, E = true,
                       boost = true }

  function zp.pbar_match(t)
    need_table("zp.pbar_match", t)
    for k in pairs(t) do
      if not MATCH_KEYS[k] then error("zp.pbar_match: unknown option '" .. tostring(k) .. "'", 2) end
    end
    if type(t.ref) ~= "table" or type(t.ref.E) ~= "table" or type(t.ref.dNdE) ~= "table" then
      error("zp.pbar_match: ref must be a spectrum { E = {...}, dNdE = {...} } (e.g. from zp.boost_spectrum)", 2)
    end
    if t.mchi ~= nil and type(t.mchi) ~= "table" then
      error("zp.pbar_match: mchi must be a range { lo, hi } in GeV, got " .. type(t.mchi), 2)
    end
    local lo, hi = table.unpack(t.mchi or { 100, 1e5 })
    if not (type(lo) == "number" and type(hi) == "number" and lo > 0 and hi > lo) then
      error("zp.pbar_match: mchi must be a range { lo, hi } in GeV with 0 < lo < hi", 2)
    end
    local E = t.ref.E
    local fref = lnE_density(E, t.ref.dNdE)
    if not fref then error("zp.pbar_match: the reference spectrum is zero on its grid", 2) end
    local opts = { mZp = t.mZp, channel = t.channel, table = t.table, E = E,
                   boost = t.boost == nil and true or t.boost }
    local function D(lnm)
      opts.mchi = math.exp(lnm)
      local ok, s = pcall(core.pbar_spectrum, opts)
      if not ok then error((tostring(s):gsub("^[^:\n]*:%d+: ", "")), 0) end
      local f = lnE_density(E, s.dNdE)
      return f and distance(E, fref, f) or math.huge
    end
    -- coarse scan in ln mchi, then golden-section search around the best point
    local n, a, b = 40, math.log(lo), math.log(hi)
    local best, bestd = a, math.huge
    for i = 0, n do
      local x = a + (b - a) * i / n
      local d = D(x)
      if d < bestd then best, bestd = x, d end
    end
    local step = (b - a) / n
    local x1, x2 = math.max(a, best - step), math.min(b, best + step)
    local g = (math.sqrt(5) - 1) / 2
    local c, d = x2 - g * (x2 - x1), x1 + g * (x2 - x1)
    local fc, fd = D(c), D(d)
    while x2 - x1 > 1e-6 do
      if fc < fd then x2, d, fd = d, c, fc; c = x2 - g * (x2 - x1); fc = D(c)
      else x1, c, fc = c, d, fd; d = x1 + g * (x2 - x1); fd = D(d) end
    end
    local m = math.exp((x1 + x2) / 2)
    return m, D(math.log(m))
  end

  zp.document("zp.pbar_spectrum", [[zp.pbar_spectrum{ mchi = 1950, mZp = 12, channel = "b", n = 100, boost = true,
                  table = "pppc4dmid/AtProductionNoEW_antiprotons.dat", Emin =, Emax =, E = {...},
                  m_p = 0.938, model = m }
  -> { E = {...}, dNdE = {...}, N =, xmean =, Kmin =, Kmax =, table =, channel =, mchi =, mZp =, boost = }
  Prompt antiproton spectrum per annihilation chi chi -> Z'Z' -> (f fbar)(f fbar) (boost = true):
  eq. (40) of arXiv:1702.00395 applied to one Z' decaying at rest, which is the PPPC 4 DM ID
  spectrum of DM DM -> f fbar at mDM = mZp/2 (so mZp must be 10 GeV to 200 TeV).
  boost = false: the direct chi chi -> f fbar spectrum at mDM = mchi, for comparison.
  E: antiproton kinetic energies (GeV), n points log-spaced over [Emin, Emax], by default the whole
    kinematic range [max(Kmin, 1e-6 Kmax), Kmax]; or give the energies as E = {...}.
  dNdE: dN/dE in GeV^-1 per annihilation, 0 above the end point.  N: antiprotons per annihilation
  (boosted: 2 x one Z' decay); xmean: int x dN/dx dx (x = E/mchi, E total; boost = false: x = K/mchi).
  channel: a PPPC column ("b", "q" light quarks, "c", "t", "W", "Z", "g", "h", "e", "mu", "tau", "gamma").
  table: a PPPC file on the data path; the default is the EW-corrected AtProduction_antiprotons.dat
    when it is there, else AtProductionNoEW_antiprotons.dat (the returned `table` says which).
  model: take mchi, mZp and m_p from a model; explicit options win.  ~1 ms for 100 boosted points.]])

  zp.document("zp.boost_spectrum", [[zp.boost_spectrum{ mchi =, mZp =, m = 0.938, lx0 =, dlx =, dNdlog10x = {...},
                    E = {...} | n = 100, Emin =, Emax = } -> { E = {...}, dNdE = {...} }
  Eq. (40) for any tabulated rest-frame spectrum of ONE mediator decay, in PPPC variables:
  dNdlog10x[j] = dN/dlog10(x_P) at log10 x_P = lx0 + (j-1) dlx, x_P = K'/(mZp/2) (K' kinetic).
  m: daughter mass (GeV).  Returns kinetic energies (GeV) and dN/dE (GeV^-1) per annihilation.]])

  zp.document("zp.pppc_spectrum", [[zp.pppc_spectrum{ table =, channel = "b", mDM =, log10x = number | {...} }
  -> dN/dlog10(x) per annihilation DM DM -> channel, x = K/mDM (K kinetic), from a PPPC 4 DM ID table.
  Steffen monotone cubic interpolation in ln mDM, then in log10 x: exact at the table's nodes.
  Outside 5 GeV - 100 TeV or the table's x range: an error.]])

  zp.document("zp.pppc_info", [[zp.pppc_info([table]) -> { path =, channels = {...}, mmin =, mmax =, lxmin =, lxmax =, nx =, nmass = }
  The grid and channel names of a PPPC 4 DM ID table (default: the antiproton table).]])

  zp.document("zp.pbar_light_mediator", [[zp.pbar_light_mediator{ mchi =, mZp = 5, channel = "q", E = {...} | n, Emin, Emax, table =, m_p = }
  -> { E = {...}, dNdE = {...}, scaled_from_mDM = 5, ... }
  Like zp.pbar_spectrum (boosted) for mediators lighter than twice the lowest PPPC mass (10 GeV),
  which PPPC 4 DM ID does not cover: the rest-frame spectrum of the lowest tabulated mass (5 GeV)
  is kept as a function of the fraction xi = K'/(mZp/2 - m_p) of the kinetic energy available to
  the antiproton, and its multiplicity is kept.  An extrapolation, not PPPC: the tables show the
  spectrum hardening in xi as the mass falls (light quarks q: <xi> = 0.138, 0.150, 0.160 at
  mDM = 8, 6, 5 GeV),
  so for a 5 GeV mediator it is somewhat too soft.  For mZp >= 10 GeV it is zp.pbar_spectrum.]])

  zp.document("zp.pbar_match", [[zp.pbar_match{ ref = spectrum, mZp = 12, channel = "b", mchi = { lo, hi }, table = }
  -> mchi, distance
  The mchi whose boosted spectrum has the shape closest to ref = { E = {...}, dNdE = {...} }:
  both are turned into unit-area densities in ln E, E dN/dE / N, on ref's energy grid, and the
  squared L2 distance int (f - f_ref)^2 d ln E is minimised (coarse scan, then golden section).
  Normalisation is not matched: only where the antiprotons sit in energy.]])
end
