-- Omega h^2 from the model's own annihilation: the thermally averaged <sigma v>(x) of the full
-- sigma(s), the shortcuts kept for eq. (32) comparisons, and the heavy variant's relic = "thermal".
describe("thermal relic of a model", function()
  it("follows the couplings (a scan over g_chi is not a constant column)", function()
    local lo, hi = zp.model{ gchi = 0.1 }, zp.model{ gchi = 3 }
    assert.is_true(lo.Omega_h2 > 100 * hi.Omega_h2)
    -- Omega ~ 1/<sigma v>, up to the logarithmic shift of x_f
    rel_near(lo.Omega_h2 / hi.Omega_h2, hi.sigmav / lo.sigmav, 0.25, "Omega ratio = inverse <sigma v> ratio")
    local col = zp.scan{ model = zp.model{}, over = { gchi = zp.range(0.5, 2, 3) }, observe = { "Omega_h2" } }.Omega_h2
    assert.is_true(col[1] > col[2] and col[2] > col[3])
    rel_near(col[2], zp.model{ gchi = 1.25 }.Omega_h2, 1e-12, "scan column = the model's value")
  end)

  it("keeps the fixed-<sigma v> shortcut under a name that says so", function()
    local m = zp.model{}
    rel_near(m.Omega_h2_fixed_sigmav, 0.11369, 1e-4, "sigmav_a = 4.4e-26 (Dirac)")
    rel_near(m:with{ gchi = 3 }.Omega_h2_fixed_sigmav, m.Omega_h2_fixed_sigmav, 1e-12, "ignores the couplings")
    rel_near(m:with{ relic_sigmav = 3 }.Omega_h2, m.Omega_h2_fixed_sigmav, 1e-12, "relic_sigmav = 3")
    rel_near(zp.relic{ m = 70, sigmav = 4.4e-26, majorana = false }.Omega_h2, m.Omega_h2_fixed_sigmav, 1e-12,
      "= zp.relic with the same <sigma v>")
  end)

  it("s-wave and a + b v^2 shortcuts for eq. (32) comparisons", function()
    local m = zp.model{ mZp = 600, mchi = 70, gq = 0.291, gl = 0.1455, gchi = 1.455, relic_width = 1 }
    rel_near(m.Omega_h2_swave, m:with{ sigmav_a = m.sigmav }.Omega_h2_fixed_sigmav, 1e-9, "s-wave = sigmav")
    rel_near(m:with{ relic_sigmav = 1 }.Omega_h2, m.Omega_h2_swave, 1e-12, "relic_sigmav = 1")
    rel_near(m:with{ relic_sigmav = 2 }.Omega_h2, m.Omega_h2_ab, 1e-12, "relic_sigmav = 2")
    -- micrOMEGAs: the s-wave result is 0.4 % below the thermal one here
    rel_near(m.Omega_h2_swave / m.Omega_h2 - 1, -0.004, 0.15, "s-wave vs thermal")
    rel_near(m.Omega_h2_ab, m.Omega_h2, 5e-3, "a + 6b/x far from thresholds")
  end)

  it("moves by the micrOMEGAs amounts at the three heavy-Dirac points", function()
    local pts = { { 1000, 70, 0.5, 0.25, 2.5, -0.7 }, { 600, 200, 0.1, 0.05, 0.5, 6.5 } }
    for _, q in ipairs(pts) do
      local m = zp.model{ mZp = q[1], mchi = q[2], gq = q[3], gl = q[4], gchi = q[5], relic_width = 1 }
      local d = 100 * (m.Omega_h2_swave / m.Omega_h2 - 1)
      assert.is_true(math.abs(d - q[6]) < 0.06, string.format("(%g, %g): %.3f %% vs %g %%", q[1], q[2], d, q[6]))
    end
  end)

  it("registers sigmav_thermal(x) in cm^3/s and x_f", function()
    local m = zp.model{ mZp = 600, mchi = 200, gq = 0.1, gl = 0.05, gchi = 0.5, relic_width = 1 }
    local sv = m:sigmav_thermal(m.x_f)
    rel_near(sv / m.sigmav, 1.14, 0.02, "<sigma v>(x_f) is 14 % above v -> 0 near the t tbar threshold")
    rel_near(m:sigmav_thermal(2e4), m.sigmav, 2e-3, "x -> infinity")
    assert.is_true(m.x_f > 20 and m.x_f < 27)
    local h = zp.help_text("sigmav_thermal")
    assert.is_truthy(h:find("cm^3/s", 1, true))
    assert.is_truthy(zp.help_text("Omega_h2"):find("relic_sigmav", 1, true))
    assert_error_matches(function() return m:sigmav_thermal(0 / 0) end, "x = m_chi/T")
  end)

  it("reports bad options clearly", function()
    assert_error_matches(function() return zp.model{ relic_sigmav = 1.5 }.Omega_h2 end, "relic_sigmav")
    assert_error_matches(function() return zp.model{ relic_width = 0.5 }.Omega_h2 end, "relic_width")
    assert_error_matches(function() return zp.model{ coann_g = 2 }.Omega_h2 end, "set relic_sigmav = 3")
    assert_error_matches(function() return zp.model{ gchi = 0 }.Omega_h2 end, "does not annihilate")
  end)
end)

describe("heavy_dirac relic = \"thermal\"", function()
  it("solves eq. (33)'s condition against the thermal Omega h^2", function()
    local m = zp.variants.heavy_dirac{ mZp = 600, mchi = 70, relic = "thermal" }
    rel_near(m.Omega_h2, m.Omega_h2_obs, 1e-4, "Omega h^2 = Planck value")
    assert.are.equal("thermal", m.relic)
    local m2 = m:with{ mZp = 800 }
    rel_near(m2.Omega_h2, m2.Omega_h2_obs, 1e-4, "re-solved on m:with")
    -- near the t tbar threshold the thermal average needs smaller couplings than the s-wave target
    local t = zp.variants.heavy_dirac{ mZp = 600, mchi = 200, relic = "thermal" }
    local b = zp.variants.heavy_dirac{ mZp = 600, mchi = 200, relic = "boltzmann" }
    assert.is_true(t.gq < b.gq)
    rel_near(t.Omega_h2, t.Omega_h2_obs, 1e-4, "threshold point")
  end)

  it("keeps the paper's fixed target as the default", function()
    local m = zp.variants.heavy_dirac{ mZp = 600, mchi = 70 }
    assert.are.equal("fixed", m.relic)
    rel_near(m.sigmav, 4.4e-26, 1e-6, "eq. (32) target")
    assert_error_matches(function() return zp.variants.heavy_dirac{ relic = "thermal", sigmav = 4e-26 } end,
      "cannot be combined")
  end)

end)

describe("the inelastic variant's thermal relic density (dm_sector = 1)", function()
  local li = zp.variants.light_inelastic

  it("solves with the thermal average of its own sigma(s) and chi+ coannihilation", function()
    local m = li{ f = 0.5, mphi = 10 }
    assert.are.equal(0, m.relic_sigmav)
    assert.are.equal(1, m.dm_sector)
    -- at the paper's MED point the velocity terms and the exact threshold values nearly cancel:
    -- 0.2 % above the Boltzmann solution with the s-wave inputs of eqs. (43)-(45)
    rel_near(m.Omega_h2, m.Omega_h2_fixed_sigmav, 5e-3, "thermal vs eqs. (43)-(45)")
    assert.is_true(m.Omega_h2 ~= m.Omega_h2_fixed_sigmav)
    -- the same solver on a + 6 b/x of each pair with Griest-Seckel weights: an independent weighting
    rel_near(m.Omega_h2_ab, m.Omega_h2, 1e-2, "a + 6b/x")
    -- the velocity terms the paper drops (varphi varphi ~ f^4 is pure p-wave; Z' varphi's s-wave
    -- (g^2 - f^2)^2 nearly vanishes) lower Omega h^2 at f = 0.8 by 6 % against eqs. (43)-(45)
    local mn = li{ prop = "MIN" }
    assert.is_true(mn.Omega_h2 < 0.96 * mn.Omega_h2_fixed_sigmav)
    rel_near(mn.Omega_h2_ab, mn.Omega_h2, 2e-2, "a + 6b/x at f = 0.8 (1.1 %: varphi varphi is all b)")
  end)

  it("relic = \"thermal\" fixes g_chi so that the thermal Omega h^2 is Planck's", function()
    local m = li{ f = 0.5, mphi = 10, relic = "thermal" }
    rel_near(m.Omega_h2, m.Omega_h2_obs, 1e-6, "Omega h^2 = Omega_h2_obs")
    assert.are.equal("thermal", m.relic)
    local b = li{ f = 0.5, mphi = 10, relic = "boltzmann" }
    rel_near(m.gchi, b.gchi, 2e-3, "close to the s-wave Boltzmann target at f = 0.5")
    local m2 = m:with{ f = 0.6 }
    rel_near(m2.Omega_h2, m2.Omega_h2_obs, 1e-6, "re-solved on m:with")
    assert_error_matches(function() return li{ relic = "thermal", gchi = 0.9 } end, "fixes gchi")
    assert_error_matches(function() return li{ relic = "thermo" } end, "\"thermal\"")
  end)

  it("shows each pair's and channel's sigma v (m:sigmav_pair) at any energy", function()
    local m = li{ f = 0.5, mphi = 10 }
    -- threshold = eqs. (43), (44); they use the physical m_Z' = 12 GeV in their O(m_Z'/m) factor,
    -- the amplitudes its dark-Higgs part 2 g_chi w = 11.25 GeV (docs/relic.md): 5e-4 apart
    rel_near(m:sigmav_pair(0, 0, 0), m.sigmav_ZpZp, 1e-3, "chi- chi- -> Z'Z' = eq. (43)")
    rel_near(m:sigmav_pair(2, 2, 0), m.sigmav_Zpphi, 1e-3, "chi+ chi- -> Z' phi = eq. (44)")
    assert.are.equal(0, m:sigmav_pair(0, 1, 0))                -- phi phi: p-wave
    assert.is_true(m:sigmav_pair(0, 1, 0.5) > 0)
    local all = m:sigmav_pair(2, -1, 0.1)
    rel_near(all, m:sigmav_pair(2, 2, 0.1) + m:sigmav_pair(2, 3, 0.1), 1e-12, "channels add up")
    assert_error_matches(function() return m:sigmav_pair(3, 0, 0) end, "pair (0 chi-chi-")
    assert_error_matches(function() return m:sigmav_pair(0, 0.5, 0) end, "whole numbers")
  end)

  it("is a parameter of any model, with clear errors", function()
    local m = zp.model{ mchi = 1950, mZp = 12, mphi = 10, w = 12 / 1.8, gchi = 0.9, f = 0.5,
                        gq = 0.0048, gl = 0.0024, Phi_q = 0, dm_sector = 1 }
    assert.is_true(m.Omega_h2 > 0.05 and m.Omega_h2 < 0.2)
    -- at x = 25 the average is 2 % below eq. (45)'s degenerate s-wave value (0.981: the v^2 terms
    -- and the Boltzmann suppression exp(-x delta m/m) = 0.92 of chi+, against the 0.7 % the printed
    -- eq. (43) takes off chi+ chi+)
    local r = m:sigmav_thermal(25) / m.sigmav_eff
    assert.is_true(r > 0.97 and r < 0.99, "sigmav_thermal(25)/sigmav_eff = " .. r)
    assert_error_matches(function() return m:with{ f = 0.95 }.Omega_h2 end, "f < gchi")
    assert_error_matches(function() return zp.model{ dm_sector = 2 } end, "dm_sector")
    assert_error_matches(function() return m:with{ dm_sector = 0.5 }.Omega_h2 end, "dm_sector")
  end)
end)
