-- The Lua API contract of DESIGN.md: models, registry, help, errors.
describe("zp.model", function()
  it("returns a model with defaults and overrides", function()
    local m = zp.model{ mZp = 700, gq = 0.1 }
    assert.are.equal(700, m.mZp)
    assert.are.equal(0.1, m.gq)
    local d
    for _, p in ipairs(zp.params()) do if p.name == "gl" then d = p.default end end
    assert.are.equal(d, m.gl)
    assert.is_true(zp.core.is_model(zp.model()))
  end)

  it("computes observables on demand in their registered unit", function()
    local m = zp.model{ mZp = 1000, gq = 1, gl = 1, thetaD = math.asin(1) / 2 * 0 + 0.5 * math.asin(2 * 0.001) }
    -- g_q g_l s c / m^2 = 0.001 / 1e6 GeV^-2: C9 = pi / (sqrt2 alpha GF Vtb Vts) * 1e-9
    local want = math.pi / (math.sqrt(2) * m.alpha_em * m.GF * m.VtbVts) * 1e-9
    rel_near(m.C9_bsmumu, want, 1e-12, "C9 from eq. (15)")
    assert.are.equal(-m.C9_bsmumu, m.C10_bsmumu)
    assert.is_true(m.CVLL_bsbs < 0)
    assert.is_true(m.DeltaM_s > 17 and m.DeltaM_s < 19)
  end)

  it("m:with returns a modified copy and leaves the original alone", function()
    local m = zp.model{ mZp = 600 }
    local m2 = m:with{ mZp = 1200 }
    assert.are.equal(600, m.mZp)
    assert.are.equal(1200, m2.mZp)
    rel_near(m2.C9_bsmumu, m.C9_bsmumu / 4, 1e-12, "C9 scales as 1/m^2")
    assert.is_true(m == m:with{})
    assert.is_false(m == m2)
  end)

  it("m:with copies of copies hold the same parameters and values as a model built directly", function()
    local names = { "mZp", "gq", "gl", "thetaD", "gchi", "mchi", "m_b", "VtbVts" }
    local vals = { 1300, 0.11, 0.07, -0.003, 0.9, 250, 4.2, -0.041 }
    local direct, m, t = {}, zp.model{}, {}
    -- one change at a time (a chain of light copies, then more changes than a light copy holds)
    for i, k in ipairs(names) do
      direct[k] = vals[i]
      m = m:with{ [k] = vals[i] }
      local want = zp.model(direct)
      assert.is_true(m == want, k)
      assert.are.equal(tostring(want), tostring(m))
      for _, o in ipairs({ "C9_bsmumu", "DeltaM_s", "R_bsnunu", "sigma_SI_Xe", "Gamma_Zp" }) do
        assert.are.equal(want[o], m[o], o .. " after " .. k)
      end
      assert.are.same(want:params(), m:params())
      t[i] = m
    end
    -- changing a parameter again replaces it; bindings that take a model read the light copy
    local again = t[2]:with{ mZp = 900, gq = 0.2 }:with{ mZp = 950 }
    assert.are.equal(950, again.mZp); assert.are.equal(0.2, again.gq); assert.are.equal(0.07, t[3].gl)
    assert.is_true(again == zp.model{ mZp = 950, gq = 0.2 })
    assert.are.same(zp.model{ mZp = 950, gq = 0.2 }:check(), again:check())
    assert.are.equal(zp.model{ mZp = 950, gq = 0.2 }:C9_bsmumu_q2(2.5), again:C9_bsmumu_q2(2.5))
    assert.are.equal(1300, t[8].mZp); assert.are.equal(0.11, t[2].gq)
    -- a bad entry is refused as before, the model it came from unchanged
    assert_error_matches(function() return t[3]:with{ gq = 0.1, mZp = -1 } end, "'mZp' = -1 GeV")
    assert_error_matches(function() return t[3]:with{ mZpp = 1 } end, "did you mean 'mZp'")
    assert.are.equal(1300, t[3].mZp)
  end)

  it("fresh copies read in any order give the values of models built directly", function()
    -- reads of light copies share one view of the parameters per thread, rewritten per copy:
    -- interleave copies of two bases, copies changing different parameters, and bases made,
    -- dropped and collected in between
    local obs = { "C9_bsmumu", "DeltaM_s", "R_bsnunu", "Gamma_Zp" }
    local function check(copy, direct)
      for _, o in ipairs(obs) do
        assert.are.equal(direct[o], copy[o], o)
        assert.are.equal(direct[o], zp.core.eval(copy, o), "core.eval " .. o)
      end
      assert.are.equal(direct:R_K(1.1, 6), copy:R_K(1.1, 6), "m:R_K")
      assert.are.equal(direct.mZp, zp.core.eval(copy, "mZp"), "core.eval mZp")
    end
    for round = 1, 3 do
      local a = zp.model{ mZp = 700 + round, gq = 0.1 }
      local b = zp.model{ mZp = 900, gl = 0.2 + 0.01 * round }
      local a1, a2 = a:with{ mZp = 800 }, a:with{ gq = 0.3, thetaD = 0.002 }
      local b1 = b:with{ mZp = 800 }
      local d_a1, d_a2 = zp.model{ mZp = 800, gq = 0.1 }, zp.model{ mZp = 700 + round, gq = 0.3, thetaD = 0.002 }
      local d_b1 = zp.model{ mZp = 800, gl = 0.2 + 0.01 * round }
      for _ = 1, 2 do
        check(a1, d_a1); check(a2, d_a2); check(b1, d_b1); check(a2, d_a2); check(a1, d_a1)
        check(a2:with{ mZp = 650 }, zp.model{ mZp = 650, gq = 0.3, thetaD = 0.002 })
      end
      a, b = nil, nil
      collectgarbage()
      check(a1, d_a1); check(b1, d_b1)
    end
    -- the model check of the index and of m:with: anything else is refused, not read
    local mt = debug.getmetatable(zp.model{})
    assert_error_matches(function() return mt.__index(io.stdout, "mZp") end, "zprime model expected")
    assert_error_matches(function() return mt.__index({}, "mZp") end, "zprime model expected")
    assert_error_matches(function() return zp.model{}.with(io.stdout, {}) end, "zprime model")
  end)

  it("is immutable", function()
    local m = zp.model{}
    assert_error_matches(function() m.mZp = 5 end, "immutable", "m:with")
  end)

  it("rejects unknown names with a suggestion", function()
    assert_error_matches(function() return zp.model{ mchii = 70 } end, "unknown parameter 'mchii'", "did you mean 'mchi'")
    assert_error_matches(function() return zp.model{}.C9_bsmuu end, "C9_bsmuu", "did you mean 'C9_bsmumu'")
    assert_error_matches(function() return zp.model{}.completely_unrelated_name end, "unknown parameter or observable")
    assert_error_matches(function() return zp.model{ C9_bsmumu = 1 } end, "is an observable, not a parameter")
    assert_error_matches(function() return zp.model{}:with{ thetaDD = 1 } end, "did you mean 'thetaD'")
  end)

  it("rejects out-of-range, non-finite and non-numeric values naming the parameter and range", function()
    assert_error_matches(function() return zp.model{ mZp = -1 } end, "'mZp' = -1 GeV", "allowed range [0.001, 100000] GeV")
    assert_error_matches(function() return zp.model{ thetaD = 0 / 0 } end, "'thetaD'", "not a finite number")
    assert_error_matches(function() return zp.model{ gq = math.huge } end, "'gq'")
    assert_error_matches(function() return zp.model{ mZp = "heavy" } end, "'mZp' expects a number in GeV, got string")
    assert_error_matches(function() return zp.model(5) end, "table expected")
    assert_error_matches(function() return zp.model{}:with{ mZp = 0 } end, "'mZp' = 0 GeV")
  end)

  it("prints itself", function()
    local s = tostring(zp.model{ mZp = 650 })
    assert.truthy(s:find("^zp%.model{ mZp = 650, "))
    assert.truthy(s:find("-- mZp [GeV]", 1, true))
  end)

  it("lists its parameters", function()
    local t = zp.model{ mchi = 80 }:params()
    assert.are.equal(80, t.mchi)
  end)
end)

describe("registry", function()
  it("lists parameters and observables with units, docs and references", function()
    local np, no = 0, 0
    for _, p in ipairs(zp.params()) do
      np = np + 1
      assert.is_string(p.unit); assert.is_string(p.doc); assert.is_string(p.ref)
      assert.is_true(p.min <= p.default and p.default <= p.max)
    end
    for _, o in ipairs(zp.observables()) do
      no = no + 1
      assert.is_string(o.unit); assert.is_string(o.doc); assert.is_string(o.ref)
    end
    assert.is_true(np > 40)
    assert.is_true(no >= 4)
  end)

  it("holds the SM inputs of the paper with their values", function()
    local m = zp.model{}
    assert.are.equal(-0.0405, m.VtbVts)
    assert.are.equal(0.266, m.fBs_sqrtB)
    assert.are.equal(17.757, m.DeltaM_s_exp)
    assert.are.equal(17.4, m.DeltaM_s_SM)
    assert.are.equal(0.94, m.C9_SM)
    assert.are.equal(-6.60, m.CL_SM)
    assert.are.equal(4.95, m.CVLL_SM)
    assert.are.equal(1e-3, m.v_dm)
  end)
end)

describe("zp.help", function()
  local function capture(f)
    local old, out = print, {}
    _G.print = function(...) out[#out + 1] = table.concat({ ... }, "\t") end
    local ok, err = pcall(f)
    _G.print = old
    if not ok then error(err, 0) end
    return table.concat(out, "\n")
  end

  it("shows doc, unit, reference and inputs of an observable", function()
    local s = capture(function() zp.help "DeltaM_s" end)
    assert.truthy(s:find("ps^-1", 1, true))
    assert.truthy(s:find("eq. (17)", 1, true))
    assert.truthy(s:find("inputs:", 1, true))
  end)

  it("shows unit, default and range of a parameter", function()
    local s = capture(function() zp.help "mZp" end)
    assert.truthy(s:find("range:     [0.001, 100000]", 1, true))
    assert.truthy(s:find("GeV", 1, true))
  end)

  it("documents functions and gives an overview", function()
    assert.truthy(capture(function() zp.help "zp.model" end):find("m:with", 1, true))
    assert.truthy(capture(function() zp.help() end):find("1702.00395", 1, true))
  end)

  it("suggests a name for a typo", function()
    assert_error_matches(function() zp.help "DeltaMs" end, "no help for 'DeltaMs'", "did you mean 'DeltaM_s'")
    assert_error_matches(function() zp.help(42) end, "expects a name")
  end)
end)

describe("grids", function()
  it("range includes both ends", function()
    local r = zp.range(200, 1500, 27)
    assert.are.equal(27, #r); assert.are.equal(200, r[1]); assert.are.equal(1500, r[27])
    rel_near(r[2], 250, 1e-12, "step")
  end)
  it("logrange includes both ends", function()
    local r = zp.logrange(1e-4, 1e-1, 4)
    assert.are.equal(1e-4, r[1]); assert.are.equal(1e-1, r[4])
    rel_near(r[2], 1e-3, 1e-12, "decade")
  end)
  it("rejects bad grids", function()
    assert_error_matches(function() zp.logrange(0, 1, 5) end, "positive")
    assert_error_matches(function() zp.range(0, 1, 0) end, "at least 1")
    assert_error_matches(function() zp.range(0, 1, 2.5) end, "whole number")
    assert_error_matches(function() zp.range("a", 1, 2) end, "must be numbers")
  end)
end)

describe("data path", function()
  it("can be read and set", function()
    local old = zp.data_path()
    assert.are.equal("/tmp/x:/tmp/y", zp.data_path("/tmp/x:/tmp/y"))
    zp.data_path(old)
    assert.are.equal(old, zp.data_path())
    assert_error_matches(function() zp.data_path(5) end, "colon-separated")
  end)
  it("names the file and the path when a table is missing", function()
    assert_error_matches(function() zp.core.read_table("no/such/table.dat") end,
      "'no/such/table.dat' not found in any directory of the data search path")
  end)
end)

describe("name suggestions", function()
  it("suggests registry names, extra names and the closest entry of a list", function()
    assert.are.equal("mchi", zp.core.suggest("mchii"))
    assert.are.equal("propagator", zp.core.suggest("propagatr", { "propagator", "relic" }))
    assert.are.equal("thetaD", zp.core.closest("thetad", { "mZp", "thetaD" }))
    assert.is_nil(zp.core.closest("completely", { "mZp", "thetaD" }))
    assert.are.equal("abc", zp.core.closest("abd", { "xyz", "abc" }, 1))
    assert.is_nil(zp.core.closest("abd", { "xyz", "abc" }, 0))
  end)
end)
