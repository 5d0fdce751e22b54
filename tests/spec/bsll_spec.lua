-- b -> s mu mu against today's data: flavio file readers, form-factor errors, constraints.
local zp = require "zprime"

describe("flavio value strings", function()
  it("combine asymmetric stat and syst errors per side", function()
    local v = zp.flavio.parse_value("0.949 +0.042 -0.041 +0.022 -0.022")
    rel_near(v.central, 0.949, 1e-15)
    rel_near(v.sigma_up, math.sqrt(0.042 ^ 2 + 0.022 ^ 2), 1e-14)
    rel_near(v.sigma_down, math.sqrt(0.041 ^ 2 + 0.022 ^ 2), 1e-14)
    rel_near(v.sigma, (v.sigma_up + v.sigma_down) / 2, 1e-15)
  end)
  it("read symmetric errors and a common factor", function()
    local v = zp.flavio.parse_value("0.498 ± 0.527 ± 0.166")
    rel_near(v.sigma_up, math.sqrt(0.527 ^ 2 + 0.166 ^ 2), 1e-14)
    v = zp.flavio.parse_value("(3.3 +- 0.3) e-9")
    rel_near(v.central, 3.3e-9, 1e-14)
    rel_near(v.sigma, 0.3e-9, 1e-14)
  end)
  it("follow flavio's grammar: bracketed errors, attached signs, powers of ten, limits", function()
    local v = zp.flavio.parse_value("1.67(3)(5)")            -- errors in units of the last digit
    rel_near(v.sigma, math.sqrt(0.03 ^ 2 + 0.05 ^ 2), 1e-12)
    v = zp.flavio.parse_value("0.5 +0.1-0.2 ± 0.1 1e-9")    -- attached asymmetric error, factor
    rel_near(v.central, 0.5e-9, 1e-12)
    rel_near(v.sigma_up, math.sqrt(0.1 ^ 2 + 0.1 ^ 2) * 1e-9, 1e-12)
    rel_near(v.sigma_down, math.sqrt(0.2 ^ 2 + 0.1 ^ 2) * 1e-9, 1e-12)
    v = zp.flavio.parse_value("2.3±0.4 e-9")
    rel_near(v.sigma, 0.4e-9, 1e-12)
    v = zp.flavio.parse_value("1.2 ± 0.3 10^-8")
    rel_near(v.central, 1.2e-8, 1e-12)
    v = zp.flavio.parse_value("< 3.0e-9 @ 90% CL")
    assert.are.equal(3.0e-9, v.upper)
    assert.are.equal(0.9, v.cl)
    assert_error_matches(function() zp.flavio.parse_value({ distribution = "numerical" }) end,
      "'numerical' distribution")
  end)
  it("reject what they cannot read", function()
    assert_error_matches(function() zp.flavio.parse_value("abc") end, "does not start with a number")
    assert_error_matches(function() zp.flavio.parse_value("1.0 +0.1") end, "unexpected '+0.1'")
    assert_error_matches(function() zp.flavio.parse_value("1.0(3)x") end, "unexpected text after the bracketed errors")
    assert_error_matches(function() zp.flavio.parse_value({}) end, "string or a number")
  end)
end)

describe("flavio measurements", function()
  it("give the LHCb 2022 R_K, R_K* values with their correlation matrix", function()
    local m = zp.flavio.measurement("LHCb RK RK* 2022")
    assert.are.equal(4, #m.values)
    assert.are.equal(4, #m.correlation)
    local v = zp.flavio.value("LHCb RK RK* 2022", "<Rmue>(B+->Kll)", 1.1, 6.0)
    rel_near(v.central, 0.949, 1e-15)
    local w, i = zp.flavio.value("LHCb RK RK* 2022", "<Rmue>(B0->K*ll)", 1.1, 6.0)
    rel_near(w.central, 1.027, 1e-15)
    assert.are.equal(-0.017, m.correlation[1][i])
  end)
  it("read multivariate entries (B_s -> mu mu 2022 average)", function()
    local v = zp.flavio.value("GSSS combination Bs->mumu 2022", "BR(Bs->mumu)")
    rel_near(v.central, 3.3608448878336465e-09, 1e-12)
    rel_near(v.sigma, 2.8087080557123625e-10, 1e-12)
  end)
  it("read entries given as { observable = value } and refuse numerical likelihoods", function()
    local m = zp.flavio.measurement("HFAG acp 2016")
    assert.are.equal(2, #m.values)
    local v = zp.flavio.value("HFAG acp 2016", "ACP(B0->K*gamma)")
    rel_near(v.central, -0.002, 1e-12)
    rel_near(v.sigma, 0.015, 1e-12)
    assert_error_matches(function() zp.flavio.measurement("CMS Bs->mumu 2022") end,
      "'multivariate_numerical' distribution")
  end)
  it("name what is missing", function()
    assert_error_matches(function() zp.flavio.measurement("LHCb RK RK* 2023") end,
      "no measurement 'LHCb RK RK* 2023'")
    assert_error_matches(function() zp.flavio.value("LHCb RK RK* 2022", "<Rmue>(B+->Kll)", 2, 3) end,
      "has no value for <Rmue>(B+->Kll) in [2, 3]")
  end)
  it("report a missing data file with every place looked at", function()
    local dir = tmpdir()
    local out, rc = run_zprime("-e \"zp.data_path('" .. dir .. "'); zp.flavio.measurement('x')\"")
    assert.are_not.equal(0, rc)
    assert.is_truthy(out:find("flavio/measurements.yml' not found", 1, true), out)
    assert.is_truthy(out:find(dir, 1, true), out)
  end)
end)

describe("form factors", function()
  it("have params.def defaults equal to the central values of the data files", function()
    local m = zp.model{}
    for _, which in ipairs { "K", "Kstar" } do
      local set = zp.flavio.formfactors(which)
      for i, name in ipairs(set.names) do rel_near(m[name], set.mean[i], 1e-12, name) end
      assert.are.equal(#set.names, #set.cov)
    end
  end)

  local m = zp.model{}  -- heavy benchmark: C9 = -C10 = -0.30
  it("leave R_K within 1% while BR(B -> K mu mu) moves by the form-factor error", function()
    local s, rk = m:R_K_err(1.1, 6)
    assert.is_true(s / rk < 0.01)
    local sb, br = m:BR_BKmumu_err(1.1, 6)
    assert.is_true(sb / br > 0.03 and sb / br < 0.3, "BR error " .. sb / br)
    -- one coefficient moved by its error: BR follows f+^2, R_K does not
    local set = zp.flavio.formfactors("K")
    local up = m:with{ ffK_fp_a0 = m.ffK_fp_a0 + math.sqrt(set.cov[1][1]) }
    local dbr = up:BR_BKmumu(1.1, 6) / br - 1
    assert.is_true(dbr > 0.02, "BR moves by " .. dbr)
    assert.is_true(math.abs(up:R_K(1.1, 6) / rk - 1) < 0.01)
    local sk, rks = m:R_Kstar_err(1.1, 6)
    assert.is_true(sk / rks < 0.01)
    local skb, brk = m:BR_BKstarmumu_err(1.1, 6)
    assert.is_true(skb / brk > 0.05 and skb / brk < 0.3, "BR(K*) error " .. skb / brk)
  end)

  it("agree with a Monte Carlo over the covariance (second method)", function()
    local set = zp.flavio.formfactors("K")
    local n, L = #set.names, {}
    -- Cholesky of the 8 x 8 covariance (positive definite)
    for i = 1, n do
      L[i] = {}
      for j = 1, i do
        local s = set.cov[i][j]
        for k = 1, j - 1 do s = s - L[i][k] * L[j][k] end
        L[i][j] = (i == j) and math.sqrt(s) or s / L[j][j]
      end
    end
    math.randomseed(17)
    local function gauss() return math.sqrt(-2 * math.log(1 - math.random())) * math.cos(2 * math.pi * math.random()) end
    local N, s1, s2 = 400, 0, 0
    for _ = 1, N do
      local z, over = {}, {}
      for i = 1, n do z[i] = gauss() end
      for i = 1, n do
        local d = 0
        for k = 1, i do d = d + L[i][k] * z[k] end
        over[set.names[i]] = set.mean[i] + d
      end
      local b = m:with(over):BR_BKmumu(1.1, 6)
      s1, s2 = s1 + b, s2 + b * b
    end
    local mean = s1 / N
    local sd = math.sqrt(s2 / N - mean * mean)
    local lin = m:ff_error("BR_BKmumu", 1.1, 6)
    rel_near(sd, lin.sigma, 0.15, "MC vs linear sigma")
    rel_near(mean, lin.value, 0.02, "MC mean vs central")
  end)

  it("offer a Monte Carlo that agrees with the linear error, also for the singular B -> K* covariance", function()
    local lin = m:ff_error("BR_BKstarmumu", 1.1, 6)
    local mc = m:ff_error("BR_BKstarmumu", 1.1, 6, { method = "mc", n = 400, seed = 5 })
    assert.are.equal("mc", mc.method)
    rel_near(mc.sigma, lin.sigma, 0.15, "MC vs linear sigma (B -> K*)")
    rel_near(mc.mean, lin.value, 0.03, "MC mean vs central (B -> K*)")
    assert_error_matches(function() m:ff_error("R_K", 1.1, 6, { methd = "mc" }) end, "unknown option 'methd'")
    assert_error_matches(function() m:ff_error("R_K", 1.1, 6, { method = "mcmc" }) end, "method must be")
    assert_error_matches(function() m:ff_error("R_K", 1.1, 6, { method = "mc", n = 1 }) end, "n must be a whole number")
  end)

  it("reject observables without a form-factor set", function()
    assert_error_matches(function() m:ff_error("DeltaM_s") end, "no form-factor error for 'DeltaM_s'")
    assert_error_matches(function() m:R_K_err(6, 1.1) end, "q2min < q2max")
  end)
end)

describe("b -> s mu mu observables in Lua", function()
  it("are methods with the bin as arguments", function()
    local m = zp.model{}
    assert.are.equal(2, zp.core.info("R_K").nargs)
    assert.are.equal("GeV^-2", zp.core.info("dBR_BKmumu_dq2").unit)
    local sm = m:with{ gq = 0 }
    assert.is_true(math.abs(sm:R_K(1.1, 6) - 1) < 0.01)
    assert.is_true(m:R_K(1.1, 6) < sm:R_K(1.1, 6))
    rel_near(sm.BR_Bs_mumu_over_SM, 1, 1e-15)
    assert_error_matches(function() m:R_K(1.1) end, "R_K")
    assert_error_matches(function() m:R_K("a", 6) end, "R_K")
  end)
end)

describe("constraints of today's data", function()
  local names = { "R_K, R_K* (LHCb 2022)", "B_s→μμ (2022 average)" }
  it("are bands read from measurements.yml", function()
    for _, n in ipairs(names) do
      local c = zp.constraint(n)
      assert.is_not_nil(c, n)
      assert.are.equal("band", c.kind)
    end
  end)
  it("combine the four R_K, R_K* values in one correlated chi^2, errors on the side of the prediction", function()
    local c = zp.constraint("R_K, R_K* (LHCb 2022)")
    local meas = zp.flavio.measurement("LHCb RK RK* 2022")
    -- Gauss-Jordan inverse of the correlation matrix (a second method to the constraint's solve)
    local function inverse(A)
      local n, M = #A, {}
      for i = 1, n do
        M[i] = {}
        for j = 1, n do M[i][j] = A[i][j] end
        for j = 1, n do M[i][n + j] = (i == j) and 1 or 0 end
      end
      for k = 1, n do
        local p = M[k][k]
        for j = 1, 2 * n do M[k][j] = M[k][j] / p end
        for i = 1, n do
          if i ~= k then
            local f = M[i][k]
            for j = 1, 2 * n do M[i][j] = M[i][j] - f * M[k][j] end
          end
        end
      end
      local inv = {}
      for i = 1, n do inv[i] = {} for j = 1, n do inv[i][j] = M[i][n + j] end end
      return inv
    end
    local Ci = inverse(meas.correlation)
    for _, m in ipairs { zp.model{}, zp.model{ gq = -0.29 } } do  -- ratios below / above the data
      local p = {}
      for i, v in ipairs(meas.values) do
        local pred = (v.observable == "<Rmue>(B+->Kll)") and m:R_K(v.q2min, v.q2max) or m:R_Kstar(v.q2min, v.q2max)
        p[i] = (pred - v.central) / (pred < v.central and v.sigma_down or v.sigma_up)
      end
      local chi2 = 0
      for i = 1, 4 do for j = 1, 4 do chi2 = chi2 + p[i] * Ci[i][j] * p[j] end end
      rel_near(c.observable(m), math.sqrt(chi2), 1e-12)
    end
    -- the lower side of R_K[1.1, 6] is sqrt(0.041^2 + 0.022^2)
    local v = zp.flavio.value("LHCb RK RK* 2022", "<Rmue>(B+->Kll)", 1.1, 6.0)
    rel_near(v.sigma_down, math.sqrt(0.041 ^ 2 + 0.022 ^ 2), 1e-14)
    rel_near(c.nsigma ^ 2, 9.487729036781154, 1e-12)   -- 95% CL for 4 dof
  end)
  it("pass for the SM and the light benchmark, fail for the heavy default", function()
    local function by_name(m)
      local t = {}
      for _, r in ipairs(m:check{ quiet = true }) do t[r.name] = r end
      return t
    end
    local sm = by_name(zp.model{ gq = 0 })
    for _, n in ipairs(names) do assert.is_true(sm[n].pass, n) end
    local heavy = by_name(zp.model{})
    assert.is_false(heavy["R_K, R_K* (LHCb 2022)"].pass)
    assert.is_true(heavy["B_s→μμ (2022 average)"].pass)
    local light = by_name(zp.variants.light_inelastic{ mchi = 1950, mZp = 12, mphi = 10, f = 0.5, prop = "MED" })
    assert.is_true(light["R_K, R_K* (LHCb 2022)"].pass)
  end)
  it("align a table whose names carry UTF-8 characters", function()
    local out = tostring(zp.model{}:check{ quiet = true })
    local cols = {}
    for line in out:gmatch("[^\n]+") do
      local a = line:find("  pass  ", 1, true) or line:find("  FAIL  ", 1, true)
      if a then cols[utf8.len(line:sub(1, a))] = true end
    end
    local n = 0
    for _ in pairs(cols) do n = n + 1 end
    assert.are.equal(1, n)  -- the status column starts at the same character in every row
  end)
end)
