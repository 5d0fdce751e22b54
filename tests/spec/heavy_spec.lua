-- The heavy Z' + Dirac DM variant (section 4.1 of arXiv:1702.00395) from Lua.
describe("zp.variants.heavy_dirac", function()
  local hd = zp.variants.heavy_dirac

  it("derives the couplings from the relic target and carries the variant metadata", function()
    local m = hd{ mZp = 600, mchi = 70, thetaD = 0.008 }
    assert.are.equal(2, m.nq)
    assert.are.equal(5, m.nchi)
    assert.are.equal(600, m.mZp)
    assert.are.equal(0.008, m.thetaD)
    rel_near(m.gl, m.gq / 2, 1e-12, "g_l = g_q / n_q")
    rel_near(m.gchi, 5 * m.gq, 1e-12, "g_chi = n_chi g_q")
    rel_near(m.sigmav, 4.4e-26, 1e-9, "<sigma v> = target (full propagator)")
    assert.are.equal(4.4e-26, m.sigmav_target)
    assert.are.same({ "heavy_dirac" }, zp.core.meta(m).tags)
    assert.are.equal("full", m.propagator)
  end)

  it("reproduces the paper's numbers in the contact limit (eq. 33)", function()
    local m = hd{ mZp = 250, mchi = 70, propagator = "contact" }
    -- g_chi = 0.6 at m_Z' = 250 GeV for n_chi = 5, m_chi = 70 GeV (1.084 sqrt5 / 4 = 0.606)
    assert.is_true(math.abs(m.gchi - 0.6) <= 0.05)
    assert.is_true(math.abs(m.gqgl_over_mZp2 - 0.12) <= 0.005)   -- 0.12 / TeV^2 (Fig. 2 line)
    assert.is_true(math.abs(m.frac_bb - 0.86) <= 0.005)          -- 86% into b for n_q = 2
    -- eq. (33) scales linearly with m_Z'
    rel_near(m:with{ mZp = 1000 }.gchi, 4 * m.gchi, 1e-8, "g_chi proportional to m_Z'")
    -- Lambda ~ 10 TeV at m_Z' = 1.2 TeV (11.7 TeV with the 1.084 coefficient, one printed digit)
    local L = m:with{ mZp = 1200 }.Lambda_UV
    assert.is_true(L > 5e3 and L < 15e3)
  end)

  it("re-solves the couplings on m:with and keeps the variant options", function()
    local m = hd{ mZp = 600, mchi = 70 }
    local m2 = m:with{ mZp = 900 }
    assert.are.equal(900, m2.mZp)
    assert.are.equal(2, m2.nq)
    assert.is_true(m2.gq > m.gq)
    rel_near(m2.sigmav, 4.4e-26, 1e-9, "still on target")
    local m3 = m:with{ nchi = 3, sigmav = 3e-26 }
    assert.are.equal(3, m3.nchi)
    rel_near(m3.gchi, 3 * m3.gq, 1e-12, "new n_chi")
    rel_near(m3.sigmav, 3e-26, 1e-9, "new target")
    -- the target follows the parameter sigmav_relic_dirac when no explicit sigmav was given
    rel_near(m:with{ sigmav_relic_dirac = 5e-26 }.sigmav, 5e-26, 1e-9, "parameter target")
    -- an explicit sigmav survives later changes
    rel_near(m3:with{ mZp = 700 }.sigmav, 3e-26, 1e-9, "option kept")
  end)

  it("takes the target <sigma v> from one swappable function", function()
    hd.relic_targets.double = function(m, v) return 2 * m.sigmav_relic_dirac end
    local m = hd{ mZp = 600, relic = "double" }
    rel_near(m.sigmav, 8.8e-26, 1e-9, "custom relic target")
    rel_near(m:with{ mZp = 500 }.sigmav, 8.8e-26, 1e-9, "kept on m:with")
    hd.relic_targets.double = nil
    assert_error_matches(function() return hd{ relic = "boltz" } end, "unknown relic method 'boltz'", "'fixed'")
  end)

  it("rejects derived couplings, bad options and impossible targets with clear errors", function()
    local m = hd{}
    assert_error_matches(function() return hd{ gq = 0.3 } end, "'gq' is derived from the relic target")
    assert_error_matches(function() return m:with{ gchi = 1 } end, "'gchi' is derived")
    assert_error_matches(function() return hd{ nchii = 3 } end, "unknown option or parameter 'nchii'", "did you mean 'nchi'")
    assert_error_matches(function() return hd{ nq = 0 } end, "nq must be a positive number")
    assert_error_matches(function() return hd{ propagator = "exact" } end, 'propagator must be "full" or "contact"')
    assert_error_matches(function() return hd{ mZp = 600, mchi = 700 } end, "mchi = 700 GeV must be below mZp = 600 GeV")
    assert_error_matches(function() return hd{ mZp = 3000, sigmav = 1e-21 } end, "cannot be reached")
    assert_error_matches(function() return hd{ C9_bsmumu = 1 } end, "is an observable, not a parameter")
    assert_error_matches(function() return hd(5) end, "expects a table")
  end)
end)

describe("heavy_dirac constraints", function()
  it("adds the section 4.1 constraints to m:check() for the variant only", function()
    local m = zp.variants.heavy_dirac{ mZp = 600, mchi = 70, thetaD = 0.008 }
    local rows = m:check{ quiet = true }
    local by = {}
    for _, r in ipairs(rows) do by[r.name] = r end
    for _, n in ipairs({ "b->s mu mu", "Fermi-LAT dSph b bbar", "PandaX-II 2016 SI", "LUX 2016 SI",
                         "XENON1T 2018 SI", "LZ projection SI", "narrow width", "perturbativity Lambda_UV" }) do
      assert.is_not_nil(by[n], n)
      assert.is_nil(by[n].error, n)
    end
    -- the paper: sigma_p "just below" the PandaX-II limit; the Fermi-LAT dwarfs are in tension
    assert.is_true(by["PandaX-II 2016 SI"].pass)
    assert.is_false(by["Fermi-LAT dSph b bbar"].pass)
    assert.is_false(by["XENON1T 2018 SI"].pass)
    assert.is_true(by["narrow width"].pass)
    -- a broad Z' at 1.2 TeV trips the narrow-width warning
    local wide = m:with{ mZp = 1200 }:check{ quiet = true, only = { "narrow width" } }
    assert.is_false(wide[1].pass)
    -- a plain model does not get the variant's constraints
    for _, r in ipairs(zp.model{}:check{ quiet = true }) do
      assert.is_not.equal("PandaX-II 2016 SI", r.name)
    end
  end)
end)

describe("zp.heavy_couplings and zp.dm_limit", function()
  it("solves eq. (33) and reads the limit tables", function()
    local c = zp.heavy_couplings{ mZp = 1000, mchi = 70, nq = 2, nchi = 5, contact = true }
    rel_near(c.gq, 1.0840 / math.sqrt(5), 2e-3, "eq. (33) with 4.4e-26")
    rel_near(c.sigmav, 4.4e-26, 1e-9, "target")
    assert.is_true(math.abs(zp.dm_limit("fermi_dsph_bb", 80) - 1.9e-26) <= 0.05e-26)
    assert.are.equal(6, #zp.dm_limits())
    assert_error_matches(function() return zp.heavy_couplings{ mZp = 600, nchii = 5 } end,
      "unknown option 'nchii'", "did you mean 'nchi'")
    assert_error_matches(function() return zp.heavy_couplings{ mZp = 600, contact = 1 } end, "'contact' expects a boolean")
    assert_error_matches(function() return zp.dm_limit("xenon", 70) end, "unknown limit curve 'xenon'")
    assert_error_matches(function() return zp.dm_limit("xenon1t2018", 5000) end, "outside the tabulated mass range")
  end)

  it("names the file and the search path when a table is missing", function()
    local out, rc = run_zprime([[-e 'zp.data_path("/nonexistent/dir"); print(pcall(zp.dm_limit, "pandax2016", 70))']])
    assert.are.equal(0, rc)
    assert.is_truthy(out:find("PandaX_SI_arxiv_Jul2016.dat' not found in any directory of the data search path '/nonexistent/dir'", 1, true), out)
  end)
end)
