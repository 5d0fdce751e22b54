-- Likelihoods of the constraint kinds (m:chi2, the dchi2 column of m:check), m:predict, zp.fit,
-- zp.profile and zp.plot_contours.  Independent numbers: pull^2, Gaussian quantiles
-- (1.2816 at 90 % one-sided, 1.96 two-sided), analytic least squares and covariances.
local m = zp.model{ mZp = 1000, gq = 0.3, gl = 0.5, thetaD = 0.004 }
local C9 = m.C9_bsmumu
local Z90 = 1.2815515655446004

describe("likelihood of each constraint kind", function()
  it("band: chi2 = pull^2 with the theory error in quadrature; allowed nsigma^2", function()
    local c = { name = "b", observable = "C9_bsmumu", kind = "band", central = -0.5, sigma = 0.3, theory_err = 0.4, nsigma = 2 }
    local r = m:check{ constraints = { c }, quiet = true }[1]
    rel_near(r.chi2, ((C9 + 0.5) / 0.5) ^ 2, 1e-12, "band chi2")
    rel_near(r.pull, (C9 + 0.5) / 0.5, 1e-12, "pull with the theory error")
    assert.are.equal(4, r.chi2_max)
    assert.are.equal(r.chi2 <= 4, r.pass)
  end)

  it("upper limit at 90 % CL: half-Gaussian, chi2 = z^2 at the limit, 0 below the null", function()
    local at = m:check{ constraints = { { name = "u", observable = "C9_bsmumu", kind = "upper", max = C9, null = C9 - 1, cl = "90% CL" } }, quiet = true }[1]
    rel_near(at.chi2, Z90 ^ 2, 1e-12, "chi2 at the limit")
    rel_near(at.chi2_max, Z90 ^ 2, 1e-9, "allowed chi2")
    assert.is_true(at.pass)
    local below = m:check{ constraints = { { name = "u", observable = "C9_bsmumu", kind = "upper", max = C9 + 2, null = C9 + 1, cl = "90% CL" } }, quiet = true }[1]
    assert.are.equal(0, below.chi2)
    -- null 0 (default): sigma = max/z; v = 2 max gives chi2 = (2 z)^2 and fails
    local c = { name = "u0", observable = function(mm) return mm.gq end, kind = "upper", max = 0.15, cl = "90% CL" }
    local r = m:check{ constraints = { c }, quiet = true }[1]
    rel_near(r.chi2, (2 * Z90) ^ 2, 1e-12, "twice the limit")
    assert.is_false(r.pass)
  end)

  it("window: flat top with Gaussian edges of sigma = width/(2 z); shape gauss about the middle", function()
    local c = { name = "w", observable = "C9_bsmumu", kind = "window", min = C9 + 0.1, max = C9 + 0.7, cl = "3 sigma" }
    local r = m:check{ constraints = { c }, quiet = true }[1]
    rel_near(r.chi2, (0.1 / 0.1) ^ 2, 1e-9, "below the window by 0.1 = one edge sigma")
    assert.are.equal("flat-gauss", r.shape); assert.is_false(r.pass)
    c.min = C9 - 0.1
    r = m:check{ constraints = { c }, quiet = true }[1]
    assert.are.equal(0, r.chi2); assert.is_true(r.pass)
    c.shape = "gauss"
    r = m:check{ constraints = { c }, quiet = true }[1]
    rel_near(r.chi2, ((C9 - (C9 + 0.3)) / (0.8 / 6)) ^ 2, 1e-9, "Gaussian window")
    assert.are.equal(9, r.chi2_max)
    -- a fit with asymmetric 1 sigma errors: two-piece Gaussian about central
    local f = { name = "fit", observable = "C9_bsmumu", kind = "window", shape = "gauss", cl = "1 sigma fit errors",
                central = C9 + 0.2, min = C9 + 0.2 - 0.1, max = C9 + 0.2 + 0.4 }
    r = m:check{ constraints = { f }, quiet = true }[1]
    rel_near(r.chi2, (0.2 / 0.1) ^ 2, 1e-9, "below central: sigma- = 0.1")
    assert.is_false(r.pass)
    f.central, f.min, f.max = C9 - 0.2, C9 - 0.2 - 0.1, C9 - 0.2 + 0.4
    r = m:check{ constraints = { f }, quiet = true }[1]
    rel_near(r.chi2, (0.2 / 0.4) ^ 2, 1e-9, "above central: sigma+ = 0.4")
    assert.is_true(r.pass)
  end)

  it("constraints with their own likelihood: chi2 = observable, loglike, kind chi2", function()
    local own = { name = "own", observable = "C9_bsmumu", kind = "chi2", chi2 = function(mm) return (mm.gq / 0.1) ^ 2 end, cl = "95% CL" }
    local r = m:check{ constraints = { own }, quiet = true }[1]
    rel_near(r.chi2, 9, 1e-12, "own chi2"); rel_near(r.chi2_max, 3.841458820694124, 1e-9, "95% threshold")
    assert.is_false(r.pass)
    local ll = { name = "ll", observable = "C9_bsmumu", kind = "upper", max = 10, loglike = function(mm) return -0.5 * (mm.gl / 0.5) ^ 2 end, cl = "95% CL" }
    r = m:check{ constraints = { ll }, quiet = true }[1]
    rel_near(r.chi2, 1, 1e-12, "-2 loglike"); assert.is_true(r.pass)
    local byname = { name = "obs", observable = "C9_bsmumu", kind = "chi2", chi2 = "gl", cl = "1 sigma" }
    r = m:check{ constraints = { byname }, quiet = true }[1]
    assert.are.equal(0.5, r.chi2); assert.is_true(r.pass)
    assert.is_true(zp.constraint_tester(byname)(m, 0))
    -- an observable named *_chi2 is its own chi^2; an upper bound of +inf means "none here"
    local lik = require "zprime.stats.likelihood"
    local x, thr, shape = lik.term({ name = "a", observable = "LHC_x_chi2", kind = "upper", max = 3.84, cl = "95% CL" }, m, 2.5)
    assert.are.equal(2.5, x); rel_near(thr, 3.841458820694124, 1e-9, "95% threshold"); assert.are.equal("own", shape)
    x, thr, shape = lik.term({ name = "a", observable = "LHC_x_chi2", kind = "upper", max = math.huge, cl = "95% CL" }, m, 7)
    assert.are.equal(0, x); assert.are.equal("none here", shape)
    local k = { name = "k", observable = function(mm) return mm.gq * 10 end, unit = "1", kind = "chi2", cl = "95% CL" }
    local row = m:check{ constraints = { k }, quiet = true }[1]
    rel_near(row.chi2, 3, 1e-12, "kind chi2: the value is the chi2"); assert.is_true(row.pass)
    assert.is_false(zp.constraint_tester(own)(m, 0))
  end)

  it("a bound with sigma but no CL: chi2 = pull^2 beyond the bound", function()
    local c = { name = "up", observable = "C9_bsmumu", kind = "upper", max = 2 * C9, sigma = 0.5 }
    local r = m:check{ constraints = { c }, quiet = true }[1]
    rel_near(r.chi2, r.pull ^ 2, 1e-12, "pull^2"); assert.are.equal(0, r.chi2_max); assert.is_false(r.pass)
  end)

  it("hard cuts (no statistical CL) are 0 inside and a steep wall outside", function()
    local c = { name = "cut", observable = "C9_bsmumu", kind = "lower", min = C9 + 1, cl = "validity" }
    local r = m:check{ constraints = { c }, quiet = true }[1]
    assert.are.equal("cut", r.shape); assert.is_true(r.chi2 >= 1e4); assert.is_false(r.pass)
  end)

  it("m:check status agrees with dchi2 at the stated CL for every row of both benchmarks", function()
    for _, mm in ipairs({ zp.model{}, zp.variants.heavy_dirac{}, zp.variants.heavy_dirac{ relic = "boltzmann" },
                           zp.variants.light_inelastic{} }) do
      for _, r in ipairs(mm:check{ quiet = true }) do
        if not r.error and r.shape ~= "cut" and r.shape ~= "none here" then
          assert.are.equal(r.chi2 <= r.chi2_max * (1 + 1e-12), r.pass, r.name .. ": pass vs dchi2")
        end
        if r.pull and r.kind == "band" then
          local n = zp.constraint(r.name) and zp.constraint(r.name).nsigma or 1
          assert.are.equal(math.abs(r.pull) <= n, r.pass, r.name .. ": pass vs pull")
        end
      end
    end
  end)

  it("status and dchi2 agree on 90 random points (property test, seeded)", function()
    local u = require("zprime.stats.rng").uniform(11)
    local function agree(mm)
      for _, r in ipairs(mm:check{ quiet = true }) do
        if not r.error and r.shape ~= "cut" and r.shape ~= "none here" then
          if (r.chi2 <= r.chi2_max * (1 + 1e-12)) ~= r.pass then return false, r.name end
        end
      end
      return true
    end
    for _ = 1, 60 do -- a light Z' makes m:check slow (the Z -> 4 mu integral), so few points
      local mm = zp.model{ mZp = 10 ^ (1 + 3 * u()), gq = 2 * u() - 1, gl = 2 * u(), thetaD = 0.1 * (u() - 0.5) }
      local ok, name = agree(mm)
      assert.is_true(ok, name)
    end
    for _ = 1, 30 do
      local ok, mm = pcall(zp.variants.heavy_dirac, { mZp = 200 + 2000 * u(), mchi = 10 + 200 * u(), nq = 0.5 + 4 * u() })
      if ok then assert.is_true((agree(mm))) end
    end
  end)

  it("relic row: Planck and theory errors in quadrature; the heavy benchmark passes at -0.85 sigma", function()
    local h = zp.variants.heavy_dirac{}
    local r = h:check{ only = "relic density", quiet = true }[1]
    local s = math.sqrt(h.Omega_h2_err ^ 2 + (h.Omega_h2_theory_err * h.Omega_h2_obs) ^ 2)
    rel_near(r.pull, (h.Omega_h2 - h.Omega_h2_obs) / s, 1e-12, "relic pull")
    assert.is_true(r.pass); assert.is_true(r.pull > -1 and r.pull < -0.7)
  end)

  it("m:chi2 sums the terms, leaves projections out and prints a table", function()
    local h = zp.variants.heavy_dirac{}
    local res = h:chi2()
    local sum = 0
    for _, t in ipairs(res.terms) do
      if t.shape ~= "projected" and t.shape ~= "not summed" then sum = sum + t.chi2 end
    end
    rel_near(res.total, sum, 1e-12, "total")
    assert.truthy(res.by_name["B_s mixing"])
    assert.is_nil(res.by_name["LZ projection SI"])
    assert.is_nil(res.by_name["B_s mixing (LO QCD)"]) -- in_total = false: the same measurement as "B_s mixing"
    assert.truthy(tostring(res):find("total chi2", 1, true))
    local sub = m:chi2{ constraints = { "B_s mixing", "nu trident" } }
    assert.are.equal(2, #sub.terms)
    assert_error_matches(function() m:chi2{ constrains = true } end, "unknown option 'constrains'")
    assert_error_matches(function() m:chi2{ constraints = { "B_s mixnig" } } end, "no constraint named 'B_s mixnig'")
  end)
end)

describe("m:predict", function()
  local d = zp.model{}
  it("linear: relative error of Delta M_s is twice that of f_Bs sqrt(B)", function()
    local p = d:predict("DeltaM_s", { inputs = { "fBs_sqrtB" } })
    rel_near(p.sd / p.central, 2 * d.fBs_sqrtB_err / d.fBs_sqrtB, 1e-6, "doubled relative error")
    assert.are.equal(string.format("%.4g ± %.2g ps⁻¹", p.mean, p.sd), tostring(p))
  end)
  it("mc: seeded, reproducible, 68/95 % intervals; agrees with linear for a linear input", function()
    local a = d:predict("DeltaM_s", { method = "mc", n = 10000, seed = 1, inputs = { m_Bs = 0.5 } })
    local b = d:predict("DeltaM_s", { method = "mc", n = 10000, seed = 1, inputs = { m_Bs = 0.5 } })
    local l = d:predict("DeltaM_s", { inputs = { m_Bs = 0.5 } })
    assert.are.equal(a.sd, b.sd); assert.are.equal(a.q[1], b.q[1])
    rel_near(a.sd, l.sd, 0.04, "MC vs linear")
    assert.is_true(a.q[1] < a.q[2] and a.q[4] < a.q[5])
    assert.truthy(tostring(a):find("68%", 1, true))
  end)
  it("default inputs are the observable's inputs with an _err; correlations are used", function()
    local p = d:predict("DeltaM_s")
    table.sort(p.inputs)
    assert.are.same({ "VtbVts", "fBs_sqrtB", "m_Bs", "m_W" }, p.inputs)
    local rf, rm = d.fBs_sqrtB_err / d.fBs_sqrtB, 0.5 / d.m_Bs
    local c = d:predict("DeltaM_s", { inputs = { fBs_sqrtB = d.fBs_sqrtB_err, m_Bs = 0.5 },
                                      correlations = { { "fBs_sqrtB", "m_Bs", -0.3 } } })
    rel_near(c.sd / c.central, math.sqrt(4 * rf ^ 2 + rm ^ 2 - 4 * 0.3 * rf * rm), 1e-6, "correlated")
  end)
  it("bad input gives clear errors", function()
    assert_error_matches(function() d:predict("DeltaMs") end, "not a registered observable", "DeltaM_s")
    assert_error_matches(function() d:predict("mZp") end, "'mZp' is a parameter, not an observable")
    assert_error_matches(function() d:predict("C9_bsmumu_q2") end, "takes 1 argument")
    assert_error_matches(function() d:predict("C9_bsmumu_q2", { args = { "x" } }) end, "args[1] is string, not a number")
    rel_near(d:predict("C9_bsmumu_q2", { args = { 2 } }).central, d:C9_bsmumu_q2(2), 1e-12, "observable with an argument")
    assert_error_matches(function() d:predict("DeltaM_s", { method = "bootstrap" }) end, "linear\" or \"mc")
    assert_error_matches(function() d:predict("DeltaM_s", { inputs = { "mZp" } }) end, "no error parameter 'mZp_err'")
    assert_error_matches(function() d:predict("DeltaM_s", { inputs = { fBs_sqrtB = -1 } }) end, ">= 0")
    assert_error_matches(function() d:predict("DeltaM_s", { method = "mc", n = 0.5 }) end, "whole number")
    assert_error_matches(function() d:predict("DeltaM_s", { nn = 3 }) end, "unknown option 'nn'")
    assert_error_matches(function() d:predict("DeltaM_s", { inputs = { fBs_sqrtB = 0.1 }, correlations = { { "fBs_sqrtB", "VtbVts", 0.2 } } }) end,
      "'VtbVts' is not one of the varied inputs")
  end)
  it("prints at the prompt (the REPL shows the result; it does not print itself)", function()
    local p = io.popen("printf 'zp.model{}:predict(\"DeltaM_s\")\\nzp.model{}:chi2()\\n' | HOME=" .. tmpdir() .. " TERM=dumb " .. ZP_BIN .. " -i 2>&1")
    local out = p:read("a")
    p:close()
    assert.truthy(out:find("18.1 ± 2.7 ps⁻¹", 1, true), out)
    assert.truthy(out:find("total chi2 =", 1, true), out)
  end)

  it("function observables and rederive = true take the Lua path (variants re-solve their relations)", function()
    local f = function(mm) return 2 * mm.mZp end
    local l = d:predict(f, { inputs = { mZp = 10 }, unit = "GeV" })
    rel_near(l.sd, 20, 1e-9, "linear, exact for a linear function")
    assert.are.equal("1200 ± 20 GeV", tostring(l))
    local a = d:predict(f, { inputs = { mZp = 10 }, method = "mc", n = 20000, seed = 2 })
    local b = d:predict(f, { inputs = { mZp = 10 }, method = "mc", n = 20000, seed = 2 })
    rel_near(a.sd, 20, 0.03, "MC sd (3 %)"); assert.are.equal(a.q[3], b.q[3])
    rel_near(d:predict("DeltaM_s", { rederive = true }).sd, d:predict("DeltaM_s").sd, 1e-9, "same as C for a plain model")
    -- m_t enters heavy_dirac's relic relation above the top threshold: re-solving adds to the error
    local h = zp.variants.heavy_dirac{ mchi = 200, mZp = 1000 }
    local fixed = h:predict("sigma_SI_Xe", { inputs = { m_t = 0.6 } })
    local resolved = h:predict("sigma_SI_Xe", { inputs = { m_t = 0.6 }, rederive = true })
    assert.is_true(resolved.sd > 1.5 * fixed.sd, resolved.sd .. " vs " .. fixed.sd)
    assert_error_matches(function() d:predict(f) end, "no input of the function has an error")
    assert_error_matches(function() d:predict(f, { inputs = { mZp = 1e6 }, method = "mc", n = 100 }) end, "too large for a Gaussian")
  end)

  it("zp.uncertainties lists the X / X_err pairs", function()
    local names = {}
    for _, u in ipairs(zp.uncertainties()) do names[u.name or u.err] = u.err end
    assert.are.equal("fBs_sqrtB_err", names.fBs_sqrtB); assert.are.equal("Bhat_Bs_err", names.Bhat_Bs)
    assert.are.equal("Omega_h2_err", names.Omega_h2_obs); assert.are.equal("BR_Z_4l_exp_err", names.BR_Z_4l_exp_err)
    assert.truthy(zp.help_text("zp.uncertainties"):find("VtbVts_err", 1, true))
  end)
end)

-- A toy: two "measurements" of linear combinations of gq and thetaD (constraints on functions of
-- the model), so the best fit and the covariance are known in closed form.
local function toy(a, b)
  return {
    { name = "t1", observable = function(mm) return mm.gq + 10 * mm.thetaD end, unit = "1", kind = "band", central = a + 10 * b, sigma = 0.02 },
    { name = "t2", observable = function(mm) return mm.gq - 10 * mm.thetaD end, unit = "1", kind = "band", central = a - 10 * b, sigma = 0.04 },
    { name = "t3", observable = function(mm) return mm.gq end, unit = "1", kind = "band", central = a, sigma = 0.05 },
  }
end

describe("zp.fit", function()
  -- normal equations of the toy: A = [[1, 10], [1, -10], [1, 0]], W = diag(1/s^2)
  local w = { 1 / 0.02 ^ 2, 1 / 0.04 ^ 2, 1 / 0.05 ^ 2 }
  local A = { { 1, 10 }, { 1, -10 }, { 1, 0 } }
  local F = { { 0, 0 }, { 0, 0 } }
  for k = 1, 3 do for i = 1, 2 do for j = 1, 2 do F[i][j] = F[i][j] + A[k][i] * w[k] * A[k][j] end end end
  local det = F[1][1] * F[2][2] - F[1][2] * F[2][1]
  local cov = { { F[2][2] / det, -F[1][2] / det }, { -F[2][1] / det, F[1][1] / det } }

  for _, method in ipairs({ "simplex", "bfgs", "lm" }) do
    it(method .. " recovers the injected parameters, chi2 = 0, covariance = (A^T W A)^-1", function()
      local f = zp.fit{ model = zp.model{}, free = { gq = { 0.01, 1 }, thetaD = { -0.05, 0.05 } }, constraints = toy(0.42, 0.013),
                        method = method, start = { gq = 0.2, thetaD = 0 } }
      assert.is_true(math.abs(f.best.gq - 0.42) < 1e-4, method .. " gq " .. f.best.gq)
      assert.is_true(math.abs(f.best.thetaD - 0.013) < 1e-5, method .. " thetaD " .. f.best.thetaD)
      assert.is_true(f.chi2_min < 1e-6)
      assert.are.equal(1, f.ndof)
      rel_near(f.sigma.gq, math.sqrt(cov[1][1]), 1e-3, "sigma gq")
      rel_near(f.sigma.thetaD, math.sqrt(cov[2][2]), 1e-3, "sigma thetaD")
      rel_near(f.cov.gq.thetaD + 1, cov[1][2] + 1, 1e-6, "covariance gq thetaD")
      rel_near(f.model.gq, f.best.gq, 1e-15, "fitted model")
      assert.truthy(tostring(f):find("chi2_min", 1, true))
    end)
  end

  it("several starts keep the lowest minimum (double well)", function()
    local well = { { name = "w", observable = function(mm) return mm.gq end, unit = "1", kind = "chi2", cl = "1 sigma",
                     chi2 = function(mm) local x = mm.gq; return 100 * (x * x - 0.25) ^ 2 + 2 * (x - 0.5) ^ 2 end } }
    local f = zp.fit{ model = zp.model{}, free = { gq = { -1, 1 } }, constraints = well, start = { gq = -0.6 }, starts = 8, seed = 3 }
    assert.is_true(math.abs(f.best.gq - 0.5) < 1e-3, "global minimum " .. f.best.gq)
    assert.are.equal(9, #f.starts)
  end)

  it("variants: free variant arguments with fixed ones", function()
    local target = zp.variants.heavy_dirac{ mZp = 800, mchi = 70, nq = 2 }.gq
    local c = { { name = "g", observable = function(mm) return mm.gq end, unit = "1", kind = "band", central = target, sigma = 0.01 } }
    local f = zp.fit{ variant = zp.variants.heavy_dirac, fixed = { mchi = 70, nq = 2 }, free = { mZp = { 300, 1500 } },
                      constraints = c, start = { mZp = 600 } }
    rel_near(f.best.mZp, 800, 1e-3, "mZp recovered through the variant's relic relation")
  end)

  it("errors: non-convergence, bad options, excluded start", function()
    assert_error_matches(function()
      zp.fit{ model = zp.model{}, free = { gq = { 0.01, 1 }, thetaD = { -0.05, 0.05 } }, constraints = toy(0.42, 0.013), max_iter = 2 }
    end, "zp.fit: fit: simplex did not converge after 2 iterations")
    assert_error_matches(function() zp.fit{ model = zp.model{}, free = { gqq = { 0, 1 } }, constraints = toy(0.4, 0) } end,
      "'gqq' is not a parameter", "did you mean 'gq'")
    assert_error_matches(function() zp.fit{ model = zp.model{}, free = { gq = { 1, 0 } } } end, "finite lo < hi")
    assert_error_matches(function() zp.fit{ model = zp.model{}, free = { gq = { 0, 1 } }, method = "newton" } end, "\"simplex\", \"bfgs\" or \"lm\"")
    assert_error_matches(function() zp.fit{ model = zp.model{}, free = { gq = { 0, 1 } }, start = { gq = 2 } } end, "outside free.gq")
    assert_error_matches(function() zp.fit{ model = zp.model{}, free = { gq = { 0, 1 } }, colour = 1 } end, "unknown option 'colour'")
    assert_error_matches(function() zp.fit{ free = { gq = { 0, 1 } } } end, "needs model = m or variant")
    assert_error_matches(function() zp.profile{ model = zp.model{}, free = { gq = { 0, 1 } }, constraints = toy(0.4, 0), over = { gq = { 0.1 } },
                                                out = "/nonexistent-dir/x.csv" } end, "zp.profile: zp.write_csv: cannot write")
    assert_error_matches(function() zp.fit{ model = zp.model{}, free = { gq = { 0, 1 } }, max_iter = 0 / 0 } end, "max_iter")
    assert_error_matches(function() zp.fit{ model = zp.model{}, free = { gq = { 0, 1 } }, tol = -1 } end, "tol = -1 must be positive")
    assert_error_matches(function() zp.fit{ model = zp.model{}, free = { gq = { 0, 1 } }, starts = 2, seed = 0.5 } end, "seed must be a whole number")
    local wall = { { name = "c", observable = function(mm) return mm.gq end, unit = "1", kind = "chi2", cl = "1 sigma",
                     chi2 = function(mm) return mm.gq > 0.5 and math.huge or mm.gq end } }
    assert_error_matches(function() zp.fit{ model = zp.model{}, free = { gq = { 0, 1 } }, constraints = wall, start = { gq = 0.9 } } end,
      "not finite at the start point")
  end)
end)

describe("interrupts", function()
  it("Ctrl-C inside the likelihood ends zp.fit and zp.profile (no further starts or points)", function()
    local calls = 0
    local c = { { name = "i", observable = function(mm) return mm.gq end, unit = "1", kind = "chi2", cl = "1 sigma",
                  chi2 = function(mm) calls = calls + 1; if calls > 5 then error("interrupted!") end; return (mm.gq - 0.3) ^ 2 end } }
    assert_error_matches(function() zp.fit{ model = zp.model{}, free = { gq = { 0, 1 } }, constraints = c, starts = 5 } end, "interrupted!")
    local n = calls
    assert.is_true(n <= 7, "calls after the interrupt: " .. n)
    calls = 0
    assert_error_matches(function() zp.profile{ model = zp.model{}, free = { gq = { 0, 1 } }, constraints = c, over = { gq = zp.range(0, 1, 50) }, refit = false } end,
      "interrupted!")
    assert.is_true(calls <= 7)
  end)
end)

describe("zp.profile and zp.plot_contours", function()
  it("1-D profile of a quadratic chi2: the dchi2 = 1 interval equals the fit's sigma to 1 %", function()
    local prof = zp.profile{ model = zp.model{}, free = { gq = { 0.01, 1 }, thetaD = { -0.05, 0.05 } }, constraints = toy(0.42, 0.013),
                             over = { thetaD = zp.range(0.0, 0.026, 261) } }
    local s = prof.fit.sigma.thetaD
    -- the upper crossing of dchi2 = 1 by linear interpolation on the grid
    local x = prof.thetaD
    local up
    for k = 2, prof.n do
      if x[k] > prof.fit.best.thetaD and prof.dchi2[k - 1] < 1 and prof.dchi2[k] >= 1 then
        local t = (1 - prof.dchi2[k - 1]) / (prof.dchi2[k] - prof.dchi2[k - 1])
        up = x[k - 1] + t * (x[k] - x[k - 1])
      end
    end
    rel_near(up - prof.fit.best.thetaD, s, 0.01, "profile interval vs covariance sigma")
    assert.are.same({ "thetaD", "chi2", "dchi2", "gq" }, prof.columns)
  end)

  it("re-fits continue from the previous grid point where the best fit is not a valid start", function()
    -- chi2 = (gl - gq)^2/0.01 + gq^2, undefined where |gl - gq| > 0.3: at gq = 1 the best fit's gl = 0 is no start
    local c = { { name = "valley", observable = function(mm) return mm.gq end, unit = "1", kind = "chi2", cl = "1 sigma",
                  chi2 = function(mm) if math.abs(mm.gl - mm.gq) > 0.3 then return 0 / 0 end
                                      return (mm.gl - mm.gq) ^ 2 / 0.01 + mm.gq ^ 2 end } }
    local prof = zp.profile{ model = zp.model{}, free = { gq = { -0.5, 2 }, gl = { -0.5, 2 } }, constraints = c,
                             start = { gq = 0, gl = 0 }, over = { gq = zp.range(0, 1.5, 16) } }
    assert.is_nil(prof.errors)
    rel_near(prof.dchi2[16], 1.5 ^ 2, 1e-4, "profile at gq = 1.5")
    rel_near(prof.gl[16], 1.5, 1e-4, "re-fitted gl")
  end)

  it("2-D profile writes a CSV and contours draw", function()
    local dir = tmpdir()
    local prof = zp.profile{ model = zp.model{}, free = { gq = { 0.3, 0.55 }, thetaD = { 0.0, 0.026 } }, constraints = toy(0.42, 0.013),
                             over = { gq = zp.range(0.3, 0.55, 11), thetaD = zp.range(0.0, 0.026, 11) }, out = dir .. "/p.csv" }
    local back = zp.read_csv(dir .. "/p.csv")
    assert.are.equal(121, back.n)
    rel_near(prof.levels[1], 2.2957489, 1e-6, "2-D 1 sigma level")
    if os.execute("command -v gnuplot >/dev/null 2>&1") == true then
      zp.plot_contours{ data = back, x = "gq", y = "thetaD", out = dir .. "/c.png" }
      assert.truthy(io.open(dir .. "/c.png")); assert.truthy(io.open(dir .. "/c.gp"))
    end
    assert_error_matches(function() zp.plot_contours{ data = back, x = "gq", y = "nope" } end, "no column 'nope'")
    assert_error_matches(function() zp.profile{ model = zp.model{}, over = { a = { 1 }, b = { 1 }, c = { 1 } } } end, "one or two parameters")
  end)
end)

describe("uncertainty columns in scans", function()
  it("observe = { \"DeltaM_s±\" } adds DeltaM_s_err = the linear 1 sigma error at each point", function()
    local r = zp.scan{ model = zp.model{}, over = { thetaD = zp.range(0, 0.01, 3) }, observe = { "DeltaM_s±", "C9_bsmumu+-" } }
    assert.are.same({ "thetaD", "DeltaM_s", "DeltaM_s_err", "C9_bsmumu", "C9_bsmumu_err" }, r.columns)
    local m = zp.model{ thetaD = 0.01 }
    rel_near(r.DeltaM_s_err[3], m:predict("DeltaM_s").sd, 1e-12, "error column")
    assert.are.equal("ps^-1", r.units.DeltaM_s_err)
    local c = zp.scan{ model = zp.model{}, over = { thetaD = zp.range(0, 0.01, 3) }, chi2 = { "B_s mixing", "nu trident" } }
    rel_near(c.chi2[2], zp.model{ thetaD = 0.005 }:chi2{ constraints = { "B_s mixing", "nu trident" } }.total, 1e-12, "chi2 column")
    assert_error_matches(function() zp.scan{ model = zp.model{}, over = { thetaD = { 0 } }, chi2 = { "nope" } } end, "no constraint named 'nope'")
    if os.execute("command -v gnuplot >/dev/null 2>&1") == true then
      local dir = tmpdir()
      local g = zp.scan{ model = zp.model{}, over = { thetaD = zp.range(0, 0.02, 6), gq = zp.range(0.1, 1, 6) }, chi2 = { "B_s mixing" } }
      zp.plot_contours{ data = g, x = "thetaD", y = "gq", out = dir .. "/s.png" }
      assert.truthy(io.open(dir .. "/s.png"))
    end
    assert_error_matches(function() zp.scan{ model = zp.model{}, over = { thetaD = { 0 } }, observe = { "DeltaMs±" } } end,
      "'DeltaMs' is not a registered observable", "did you mean 'DeltaM_s'")
  end)
end)

describe("zprime.stats.linalg.cholesky", function()
  local chol = require("zprime.stats.linalg").cholesky
  local function product(L, k)
    local C = {}
    for i = 1, k do
      C[i] = {}
      for j = 1, k do
        local s = 0
        for p = 1, k do s = s + L[i][p] * L[j][p] end
        C[i][j] = s
      end
    end
    return C
  end

  it("factors a positive definite matrix (L L^T = C) and rejects an indefinite one", function()
    local C = { { 4, 2, 0.4 }, { 2, 5, 1 }, { 0.4, 1, 3 } }
    local L = chol(C, 3)
    assert.are.equal(2, L[1][1])
    local P = product(L, 3)
    for i = 1, 3 do for j = 1, 3 do assert.is_true(math.abs(P[i][j] - C[i][j]) < 1e-14) end end
    assert_error_matches(function() chol({ { 1, 2 }, { 2, 1 } }, 2) end, "not positive definite")
  end)

  it("gives a zero column for a vanishing pivot of a semi-definite matrix when asked", function()
    local C = { { 1, 1, 0.5 }, { 1, 1, 0.5 }, { 0.5, 0.5, 2 } } -- rows 1 and 2 equal: rank 2
    assert_error_matches(function() chol(C, 3) end, "not positive definite")
    local L = chol(C, 3, true)
    assert.are.equal(0, L[2][2])
    local P = product(L, 3)
    for i = 1, 3 do for j = 1, 3 do assert.is_true(math.abs(P[i][j] - C[i][j]) < 1e-14) end end
  end)
end)
