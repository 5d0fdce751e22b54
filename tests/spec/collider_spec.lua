-- LHC layer (section 4.1.2, Figure 4): limit readers, check-table rows, ZPEED bins, PDFs, JSON.
describe("LHC limits", function()
  it("settles the ATLAS HEPData unit: the numbers are fb", function()
    -- zero background at 6 TeV: a 95% CL limit is ~3 events; 0.0141192 x 139 fb^-1 = 1.96 events
    -- (ee + mu mu, efficiency < 1) fits fb, while pb would mean ~1960 events
    local v = zp.lhc_limit("atlas_ll", 6000, 0)
    rel_near(v, 0.0141192e-3, 1e-9, "ATLAS 6 TeV limit in pb")
    local events = v * 1e3 * 139
    assert.is_true(events > 1 and events < 5)
    -- Gamma/m between the columns: linear (6 TeV: 0.0141192 at 0, 0.0137826 at 0.5%)
    rel_near(zp.lhc_limit("atlas_ll", 6000, 0.0025), 0.5 * (0.0141192 + 0.0137826) * 1e-3, 1e-9, "width interpolation")
    local none, why = zp.lhc_limit("atlas_ll", 1000, 0.2)
    assert.is_nil(none); assert.is_truthy(why:find("outside the tabulated", 1, true))
  end)

  it("reads the CMS mu mu card, the CMS dijet JSON and the j_95 grid at their points", function()
    rel_near(zp.lhc_limit("cms_mumu", 992.7348), 0.0003946138, 1e-9, "CMS card row at 0.9927348 TeV")
    rel_near(zp.lhc_limit("cms_dijet", 600), 13.843 / 0.6, 1e-12, "qq limit / A (default 0.6)")
    rel_near(zp.lhc_limit("cms_dijet", 600, nil, 0.5), 13.843 / 0.5, 1e-12, "qq limit / A = 0.5")
    rel_near(zp.lhc_limit("dijet_j95", 500, 0.005), 0.004839746, 1e-12, "grid point")
    rel_near(zp.lhc_limit("dijet_j95", 500, 0.0075), 0.5 * (0.004839746 + 0.002710516), 1e-12, "bilinear in Gamma/m")
    -- below the grid's narrowest width: the narrowest column
    rel_near(zp.lhc_limit("dijet_j95", 500, 0), 0.004839746, 1e-12, "Gamma/m below 0.005")
    local c = zp.lhc_limit_curve("cms_dijet")
    assert.are.equal(c.m[1], 600)
    assert.are.equal(#c.m, #c.limit)
  end)

  it("returns nil and the reason outside a curve, and rejects misuse clearly", function()
    for _, n in ipairs({ "cms_mumu", "atlas_ll", "cms_dijet", "dijet_j95" }) do
      local v, why = zp.lhc_limit(n, 100)
      assert.is_nil(v); assert.is_truthy(why:find("outside", 1, true))
    end
    assert_error_matches(function() zp.lhc_limit("cms_mumuu", 500) end, "unknown LHC limit 'cms_mumuu'",
      "did you mean 'cms_mumu'")
    assert_error_matches(function() zp.lhc_limit(5, 500) end, "zp.lhc_limit", "limit name")
    assert_error_matches(function() zp.lhc_limit("cms_mumu", "heavy") end, "Z' mass in GeV")
    assert_error_matches(function() zp.lhc_limit("atlas_ll", 500, -1) end, "Gamma/m")
    assert_error_matches(function() zp.lhc_limit("cms_dijet", 800, nil, 2) end, "acceptance")
    assert.are.equal(4, #zp.lhc_limits())
    assert_error_matches(function() zp.lhc_limit_curve("atlas") end, "zp.lhc_limit_curve", "unknown LHC limit 'atlas'")
    assert.are.equal(0, #zp.lhc_limit_curve("atlas_ll", 0.5).m) -- no column that wide
    assert.is_nil((zp.lhc_limit("cms_mumu", math.huge)))
    assert.is_nil((zp.lhc_limit("cms_mumu", -5)))
  end)

  it("names the file and the search path when a table is missing", function()
    local saved = zp.data_path()
    zp.data_path("/nonexistent/zprime-data")
    local ok, err = pcall(zp.pdf, 21, 0.1, 100)
    zp.data_path(saved)
    assert.is_false(ok)
    assert.is_truthy(tostring(err):find("NNPDF23_lo_as_0130_qed_0000.dat", 1, true))
  end)
end)

describe("LHC constraints of the heavy variant", function()
  local function row(rows, name)
    for _, r in ipairs(rows) do if r.name == name then return r end end
  end

  it("adds the LHC rows to the heavy benchmark's check table", function()
    local m = zp.variants.heavy_dirac.paper_benchmark{ mZp = 600 }
    local rows = m:check{ quiet = true }
    for _, n in ipairs({ "LHC dimuon", "LHC dimuon likelihood", "LHC dijet", "LHC dijet j95" }) do
      assert.is_truthy(row(rows, n), n)
    end
    -- 600 GeV: sigma x BR(mu mu) = 4.7 fb is above today's 1.1 fb limit; the dijet rows pass
    assert.is_false(row(rows, "LHC dimuon").pass)
    assert.is_false(row(rows, "LHC dimuon likelihood").pass)
    assert.is_true(row(rows, "LHC dijet").pass)
    assert.is_true(row(rows, "LHC dijet j95").pass)
  end)

  it("says 'none here' outside a limit's mass range", function()
    local rows = zp.variants.heavy_dirac.paper_benchmark{ mZp = 210 }:check{ quiet = true }
    assert.are.equal("none here", row(rows, "LHC dimuon").bound)
    assert.are.equal("none here", row(rows, "LHC dimuon likelihood").bound)
    assert.are.equal("none here", row(rows, "LHC dijet").bound)
    assert.are.equal("none here", row(rows, "LHC dijet j95").bound)
  end)

  it("tightens the dimuon exclusion as g_l grows", function()
    -- (at 1000 GeV; where the data fluctuate up, e.g. near 1.5 TeV, a small signal improves the
    -- fit and -2 Delta ln L is negative before it turns up)
    local m = zp.model{ mZp = 1000, gq = 0.3, gchi = 1.5 }
    local last = -math.huge
    for _, gl in ipairs({ 0.15, 0.2, 0.3, 0.5 }) do
      local c = m:with{ gl = gl }.LHC_dimuon_chi2
      assert.is_true(c > last, "chi2 grows with g_l")
      last = c
    end
    assert.is_true(last > 3.84)
  end)
end)

describe("ZPEED bins and sigma(pp -> Z')", function()
  it("adds up: the statistic is the Poisson -2 Delta ln L of the bins it returns", function()
    local m = zp.model{ mZp = 1000, gq = 0.3, gl = 0.2, gchi = 1.5 }
    local b = zp.zpeed(m)
    local function l(p, n) return n > 0 and 2 * ((p - n) + n * math.log(n / p)) or 2 * p end
    local chi2, s = 0, 0
    for i = 1, #b.lo do
      chi2 = chi2 + l(b.background[i] + b.signal[i], b.observed[i]) - l(b.background[i], b.observed[i])
      s = s + b.signal[i]
      if i > 1 then assert.are.equal(b.hi[i - 1], b.lo[i]) end -- contiguous bins
    end
    assert.is_true(b.lo[1] < 1000 and b.hi[#b.hi] > 1000)
    rel_near(b.chi2, chi2, 1e-10, "chi2 from the bins")
    rel_near(m.LHC_dimuon_chi2, chi2, 1e-10, "the observable")
    rel_near(b.sigma_fid_fb, s / m.lumi_atlas_mumu, 1e-10, "fiducial cross section = events / L")
    assert_error_matches(function() zp.zpeed("m") end, "zp.zpeed", "model")
    -- the one-sided statistic: the minimum of chi2(mu) over a fine grid of mu in [0, 1]
    for _, mm in ipairs({ m, m:with{ mZp = 1500, gl = 0.1 }, m:with{ gl = 0.05 } }) do
      local bb = zp.zpeed(mm)
      local function c(mu)
        local t = 0
        for i = 1, #bb.lo do t = t + l(bb.background[i] + mu * bb.signal[i], bb.observed[i]) end
        return t
      end
      local best = math.huge
      for j = 0, 2000 do best = math.min(best, c(j / 2000)) end
      assert.is_true(bb.mu_hat >= 0 and bb.mu_hat <= 1)
      assert.is_true(bb.dchi2 >= 0)
      assert.is_true(math.abs(bb.dchi2 - (c(1) - best)) <= 1e-6 * (1 + bb.dchi2), "dchi2 vs grid minimum")
    end
  end)

  it("matches the Z'-explorer MadGraph card for b bbar at 1.5 TeV (sigma = card x g_L^2)", function()
    local t = zp.core.read_table("lhc/xsec/sim_card_5.dat")
    local card
    for i = 1, t.nrow do if math.abs(t.columns[1][i] - 1.5) < 1e-9 then card = t.columns[2][i] end end
    local m = zp.model{ mZp = 1500, gq = 0.7, thetaD = 0 }
    rel_near(m.sigma_pp_Zp_bb, card * 0.49, 0.03, "sigma(b b -> Z') vs MadGraph")
    rel_near(m:with{ sqrt_s = 13000, K_lhc = 1.2 }.sigma_pp_Zp_bb, 1.2 * m.sigma_pp_Zp_bb, 1e-12, "K-factor")
    assert.is_true(m:with{ sqrt_s = 14000 }.sigma_pp_Zp > m.sigma_pp_Zp)
  end)

  it("gives parton distributions and rejects points outside the grid", function()
    local g = zp.pdf(21, 0.01, 100)
    assert.is_true(g > 1 and g < 100)
    assert.are.equal(zp.pdf(0, 0.01, 100), g)
    assert_error_matches(function() zp.pdf(2, 2, 100) end, "zp.pdf", "x = 2 is outside the PDF grid")
    assert_error_matches(function() zp.pdf(2, 0.1, 1e5) end, "Q = 100000 GeV")
    assert_error_matches(function() zp.pdf(9, 0.1, 100) end, "parton id 9")
    assert_error_matches(function() zp.pdf(2.5, 0.1, 100) end, "PDG integer")
  end)
end)

describe("JSON through lua-cjson", function()
  local codec = require "zprime.io.csv"
  it("keeps null as NaN in arrays, drops it in objects, and reports bad text", function()
    local t = codec.decode_json('{"a": [1, null, 2.5], "b": null, "c": {"d": "x"}}', "t.json")
    assert.are.equal(3, #t.a); assert.is_true(t.a[2] ~= t.a[2]); assert.are.equal(1.0, t.a[1])
    assert.are.equal("float", math.type(t.a[1]))
    assert.is_nil(t.b); assert.are.equal("x", t.c.d)
    assert_error_matches(function() codec.decode_json("[1,", "bad.json") end, "bad.json")
    assert.are.equal('"a\\"b"', codec.json_string('a"b'))
  end)
end)
