-- Prompt antiproton spectra from Lua: zp.pbar_spectrum (PPPC 4 DM ID + eq. (40) of
-- arXiv:1702.00395), zp.boost_spectrum, zp.pppc_spectrum, zp.pbar_light_mediator, zp.pbar_match
-- and the right side of Table II.
describe("zp.pbar_spectrum", function()
  local NOEW = "pppc4dmid/AtProductionNoEW_antiprotons.dat"

  local function trapezoid_lnE(E, y) -- int y dE over a log grid
    local s = 0
    for i = 2, #E do s = s + 0.5 * (E[i] * y[i] + E[i - 1] * y[i - 1]) * math.log(E[i] / E[i - 1]) end
    return s
  end

  it("returns n log-spaced kinetic energies over the kinematic range and dN/dE >= 0", function()
    local s = zp.pbar_spectrum{ mchi = 1950, mZp = 12 }
    assert.are.equal(100, #s.E)
    assert.are.equal(100, #s.dNdE)
    assert.are.equal(true, s.boost)
    assert.are.equal("b", s.channel)
    assert.truthy(s.table:find("AtProductionNoEW_antiprotons.dat", 1, true))
    rel_near(s.E[#s.E], s.Kmax, 1e-14, "last energy is the end point")
    rel_near(s.E[2] / s.E[1], s.E[51] / s.E[50], 1e-9, "log spacing")
    for i = 1, #s.E do assert.truthy(s.dNdE[i] >= 0) end
    -- the Z' (gamma = 162.5) emits x' = 1 antiprotons forward: K_max = mchi (1 + beta p'/E') / 2 - m_p
    local E0, E1, mp = 2 * 0.9382720813 / 12, 12 / 1950, 0.9382720813
    rel_near(s.Kmax, 1950 * (1 + math.sqrt(1 - E1 ^ 2) * math.sqrt(1 - E0 ^ 2)) / 2 - mp, 1e-12, "K_max")
  end)

  it("conserves the antiproton number: int dN/dE dE = 2 x one Z' decay (N)", function()
    local s = zp.pbar_spectrum{ mchi = 1950, mZp = 12, n = 2000, Emin = 5 }
    rel_near(trapezoid_lnE(s.E, s.dNdE), s.N, 2e-4, "trapezoid over 2000 points")
    -- N is twice the table integral of one Z' (mDM = 6 GeV, cut at x' = 1): integrate the PPPC
    -- look-ups independently
    local E0, lxs = 2 * 0.9382720813 / 12, {}
    local top = math.log(1 - E0, 10)
    local nlx = 20000
    for i = 0, nlx do lxs[#lxs + 1] = -8.95 + (top + 8.95) * i / nlx end
    local g = zp.pppc_spectrum{ channel = "b", mDM = 6, log10x = lxs, table = NOEW }
    local sum = 0
    for i = 2, #lxs do sum = sum + 0.5 * (g[i] + g[i - 1]) * (lxs[i] - lxs[i - 1]) end
    rel_near(s.N, 2 * sum, 1e-6, "N = 2 x one Z' multiplicity")
  end)

  it("gives the direct chi chi -> b b spectrum with boost = false: the PPPC table itself", function()
    -- node of the file: mDM = 6 GeV, log10 x = -1.35 reads 0.22849578 in the b column
    local K = 6 * 10 ^ -1.35
    local s = zp.pbar_spectrum{ mchi = 6, boost = false, E = { K } }
    rel_near(s.dNdE[1], 0.22849578 / (K / 6 * math.log(10) * 6), 1e-12, "dN/dK = dN/dlog10x / (x ln 10 mchi)")
    assert.are.equal(false, s.boost)
    assert.is_nil(s.mZp)
  end)

  it("reduces to twice the rest-frame spectrum when mchi = mZp", function()
    local E = { 0.1, 0.7, 2.0, 3.3 }
    local b = zp.pbar_spectrum{ mchi = 40, mZp = 40, E = E }
    local r = zp.pbar_spectrum{ mchi = 20, boost = false, E = E }
    for i = 1, #E do rel_near(b.dNdE[i], 2 * r.dNdE[i], 1e-12, "two Z' at rest") end
  end)

  it("takes masses from a model, and explicit options win", function()
    local m = zp.model{ mchi = 1950, mZp = 12 }
    local a = zp.pbar_spectrum{ model = m, n = 5 }
    local b = zp.pbar_spectrum{ mchi = 1950, mZp = 12, n = 5 }
    for i = 1, 5 do assert.are.equal(b.dNdE[i], a.dNdE[i]) end
    local c = zp.pbar_spectrum{ model = m, mchi = 1800, n = 5 }
    assert.are.equal(1800, c.mchi)
  end)

  it("agrees with zp.boost_spectrum fed with the same PPPC rest-frame table", function()
    local info = zp.pppc_info(NOEW)
    local lx = {}
    for j = 0, info.nx - 1 do lx[j + 1] = info.lxmin + 0.05 * j end
    local y = zp.pppc_spectrum{ channel = "b", mDM = 6, log10x = lx, table = NOEW }
    local E = zp.logrange(20, 1500, 30)
    local a = zp.boost_spectrum{ mchi = 1950, mZp = 12, lx0 = info.lxmin, dlx = 0.05, dNdlog10x = y, E = E }
    local b = zp.pbar_spectrum{ mchi = 1950, mZp = 12, E = E, table = NOEW }
    for i = 1, #E do rel_near(a.dNdE[i], b.dNdE[i], 1e-12, "same spectrum") end
  end)

  it("uses the EW-corrected antiproton table when the data path has it", function()
    -- stand-in: the NoEW file under the EW name, in a directory put first on the path
    local old = zp.data_path()
    local dir = os.tmpname()
    os.remove(dir)
    assert.truthy(os.execute("mkdir -p '" .. dir .. "/pppc4dmid'"))
    local src = zp.pppc_info(NOEW).path
    assert.truthy(os.execute("ln -s '" .. src .. "' '" .. dir .. "/pppc4dmid/AtProduction_antiprotons.dat'"))
    zp.data_path(dir .. ":" .. old)
    local ok, s = pcall(zp.pbar_spectrum, { mchi = 1950, mZp = 12, n = 3 })
    zp.data_path(old)
    os.execute("rm -rf '" .. dir .. "'")
    assert.truthy(ok, tostring(s))
    assert.are.equal(dir .. "/pppc4dmid/AtProduction_antiprotons.dat", s.table)
    local t = zp.pbar_spectrum{ mchi = 1950, mZp = 12, n = 3 }
    assert.truthy(t.table:find("AtProductionNoEW_antiprotons.dat", 1, true), "back to NoEW")
  end)

  it("rejects misspelt options, impossible masses, unknown channels and missing tables", function()
    assert_error_matches(function() zp.pbar_spectrum{ mchi = 1950, mzp = 12 } end,
      "zp.pbar_spectrum: unknown option 'mzp' (did you mean 'mZp'?)")
    assert_error_matches(function() zp.pbar_spectrum{ mchi = 1950, mZp = 5 } end,
      "mDM = mZp/2", "mDM = 2.5 GeV is outside the range [5, 100000] GeV")
    assert_error_matches(function() zp.pbar_spectrum{ mchi = 10, mZp = 12 } end,
      "chi chi -> Z'Z' is closed")
    assert_error_matches(function() zp.pbar_spectrum{ mchi = 1950, mZp = 12, channel = "bb" } end,
      "channel 'bb'", "did you mean 'b'?")
    assert_error_matches(function() zp.pbar_spectrum{ mchi = 1950, mZp = 12, table = "pppc4dmid/none.dat" } end,
      "'pppc4dmid/none.dat' not found")
    assert_error_matches(function() zp.pbar_spectrum{ mZp = 12 } end, "give the dark-matter mass mchi")
    assert_error_matches(function() zp.pbar_spectrum{ mchi = 100 } end, "give the mediator mass mZp")
    assert_error_matches(function() zp.pbar_spectrum{ mchi = 1950, mZp = 12, n = 2.5 } end, "whole number")
    assert_error_matches(function() zp.pbar_spectrum{ mchi = 1950, mZp = 12, E = { 1 }, n = 3 } end,
      "either E = {...} or n")
    assert_error_matches(function() zp.pbar_spectrum{ mchi = 1950, mZp = 12, boost = "yes" } end,
      "option 'boost' expects true or false")
    assert_error_matches(function() zp.pbar_spectrum{ mchi = 1950, mZp = 12, model = {} } end,
      "option 'model' expects a zprime model")
    assert_error_matches(function() zp.pbar_spectrum(1950) end, "expects a table of options")
    assert_error_matches(function()
      zp.boost_spectrum{ mchi = 100, mZp = 12, lx0 = -1, dlx = 0.1, dNdlog10x = { 1, 2, 3 } }
    end, "zp.boost_spectrum", "4 to 512 nodes")
    assert_error_matches(function() zp.boost_spectrum{ mchi = 100, mZp = 12 } end,
      "give mchi, mZp (GeV), and the rest-frame table lx0, dlx, dNdlog10x")
    assert_error_matches(function() zp.pbar_match{ ref = {}, mZp = 12 } end, "ref must be a spectrum")
    assert_error_matches(function() zp.pbar_light_mediator{ mchi = 800, mzp = 5 } end,
      "unknown option 'mzp'")
  end)
end)

describe("zp.pppc_spectrum and zp.pppc_info", function()
  it("reads the table exactly at nodes and interpolates between them", function()
    assert.are.equal(0.22849578, zp.pppc_spectrum{ mDM = 6, log10x = -1.35 })
    local v = zp.pppc_spectrum{ mDM = 7, log10x = -1.3712 }
    assert.truthy(v > 0.2 and v < 0.3)
    local info = zp.pppc_info "pppc4dmid/AtProduction_gammas.dat"
    assert.are.equal(179, info.nx)
    assert.are.equal("numu", info.channels[24])
  end)

  it("errors outside 5 GeV - 100 TeV", function()
    assert_error_matches(function() zp.pppc_spectrum{ mDM = 4, log10x = -1 } end,
      "mDM = 4 GeV is outside the range [5, 100000] GeV")
    assert_error_matches(function() zp.pppc_spectrum{ mDM = 10, log10x = -1, chanel = "b" } end,
      "unknown option 'chanel' (did you mean 'channel'?)")
  end)
end)

describe("Table II, right side", function()
  it("zp.pbar_match finds the mass of a b b cascade spectrum from its own shape", function()
    local ref = zp.pbar_spectrum{ mchi = 1950, mZp = 12, E = zp.logrange(1, 3000, 400) }
    local m, d = zp.pbar_match{ ref = ref, mZp = 12, channel = "b", mchi = { 300, 10000 } }
    rel_near(m, 1950, 1e-4, "self match")
    assert.truthy(d < 1e-8)
  end)

  it("matches Ref. [27]'s q q spectra to b b at m_chi within the paper's 150 GeV steps", function()
    -- The paper reads 1800/1950/1950 GeV off Fig. 5 (values on a 150 GeV grid).  Our q q
    -- reference for the 5 GeV mediator is the 5 GeV PPPC table rescaled at fixed kinetic-energy
    -- fraction (PPPC has no mDM = 2.5 GeV); it is a little soft, so our masses are 4-6% lower
    -- (1734/1832/1872 GeV, a constant ratio 2.267 as the high-boost limit implies).  Honest
    -- tolerance: one step of the paper's grid.
    local E = zp.logrange(1, 3000, 400)
    local paper = { { 765, 1800, 18.6, 103 }, { 808, 1950, 5.2, 31 }, { 826, 1950, 2.29, 12.8 } }
    for _, p in ipairs(paper) do
      local ref = zp.pbar_light_mediator{ mchi = p[1], mZp = 5, channel = "q", E = E }
      local m = zp.pbar_match{ ref = ref, mZp = 12, channel = "b", mchi = { 300, 10000 } }
      assert.truthy(math.abs(m - p[2]) <= 150, string.format("m_chi %.0f vs paper %d", m, p[2]))
      -- <sigma v> scales as (m/m_ref)^2; the paper's own numbers obey the same rule
      rel_near(p[3] * (p[2] / p[1]) ^ 2, p[4], 0.025, "paper's rescaling (MED: 30.3 printed as 31)")
    end
  end)

  it("zp.pbar_light_mediator is zp.pbar_spectrum at and above 10 GeV", function()
    local E = { 100, 300 }
    local a = zp.pbar_light_mediator{ mchi = 800, mZp = 10, channel = "q", E = E }
    local b = zp.pbar_spectrum{ mchi = 800, mZp = 10, channel = "q", E = E }
    for i = 1, 2 do assert.are.equal(b.dNdE[i], a.dNdE[i]) end
    assert_error_matches(function() zp.pbar_light_mediator{ mchi = 800, mZp = 1.5, channel = "q" } end,
      "cannot decay to p pbar")
  end)
end)
