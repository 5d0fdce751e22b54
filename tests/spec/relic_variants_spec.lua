-- The variants fix their couplings by the paper's fixed target or by the Boltzmann solution.
describe("heavy_dirac relic modes", function()
  it("fixed target: 4.4e-26 cm^3/s gives Omega h^2 ~ 0.11 (the value Steigman et al. used)", function()
    local m = zp.variants.heavy_dirac{ mZp = 600, mchi = 70 }
    rel_near(m.sigmav, 4.4e-26, 1e-6, "solved <sigma v> hits the target")
    -- independent: the Boltzmann solver's own Dirac target for Omega h^2 = 0.11 is 4.555e-26,
    -- so 4.4e-26 over-annihilates by ~3.5% and gives 0.11 * 4.555/4.4 ~ 0.1139
    rel_near(m.Omega_h2, 0.11 * zp.relic_target{ m = 70, Omega_h2 = 0.11, majorana = false } / 4.4e-26, 0.01,
      "Omega h^2 of the fixed-target model")
  end)

  it("boltzmann: the couplings give exactly Omega_h2_obs", function()
    local m = zp.variants.heavy_dirac{ mZp = 600, mchi = 70, relic = "boltzmann" }
    -- the s-wave target: exact for the fixed <sigma v> the variant sets (sigmav_a = m.sigmav)
    rel_near(m.Omega_h2_fixed_sigmav, m.Omega_h2_obs, 1e-4, "Omega h^2 = Planck value")
    local m2 = m:with{ mZp = 800, Omega_h2_obs = 0.12 }
    rel_near(m2.Omega_h2_fixed_sigmav, 0.12, 1e-4, "re-solved on m:with")
    assert.are.equal("boltzmann", m2.relic)
    -- a smaller target <sigma v> (Planck 0.1188 > 0.11) means smaller couplings
    assert.is_true(m.gq < zp.variants.heavy_dirac{ mZp = 600, mchi = 70 }.gq)
  end)

  it("shows Omega h^2 in the check table in both modes", function()
    for _, mode in ipairs({ "fixed", "boltzmann" }) do
      local rows = zp.variants.heavy_dirac{ mZp = 600, mchi = 70, relic = mode }:check{ quiet = true }
      local found
      for _, r in ipairs(rows) do if r.observable == "Omega_h2" then found = r end end
      assert.is_not_nil(found)
      assert.is_true(found.pass)
    end
  end)

  it("rejects contradictory or unknown relic options", function()
    assert_error_matches(function() return zp.variants.heavy_dirac{ relic = "boltzmann", sigmav = 3e-26 } end,
      "cannot be combined")
    assert_error_matches(function() return zp.variants.heavy_dirac{ relic = "bolzmann" } end,
      "unknown relic method 'bolzmann'", "'boltzmann'")
    assert_error_matches(function() return zp.variants.heavy_dirac{ sigmav_a = 1e-26 } end, "derived")
  end)
end)
