-- Flavour sector (section 3 of arXiv:1702.00395): observables, Table I in both forms, WCxf.
local zp = require "zprime"

local function near(got, want, rtol)
  assert(type(got) == "number" and math.abs(got - want) <= rtol * math.abs(want),
    string.format("got %.10g, want %.10g (rtol %g)", got, want, rtol))
end

local function err_of(f)
  local ok, e = pcall(f)
  assert(not ok, "expected an error")
  return tostring(e)
end

describe("flavour observables", function()
  local m = zp.model{}

  it("are registered with units and references", function()
    for _, n in ipairs({ "C9_bsmumu", "C10_bsmumu", "CL_bsnumunumu", "CVLL_bsbs", "DeltaM_s",
                         "DeltaM_s_qcd", "Bs_mixing_qcd_ratio", "R_bsnunu", "R_trident",
                         "CVLL_numunumumumu", "g_u", "a_mu_Zp", "C9_bsmumu_q2", "C9_bsmumu_bin",
                         "C9_bsmumu_light", "Gamma_Z_Zpmumu", "BR_Z_4mu_NP" }) do
      local info = zp.core.info(n)
      assert.is_not_nil(info, n)
      assert.is_truthy(info.ref:match("eq") or info.ref:match("section"), n)
    end
    assert.are.equal("ps^-1", zp.core.info("DeltaM_s_qcd").unit)
    assert.are.equal(1, zp.core.info("C9_bsmumu_q2").nargs)
    assert.are.equal(2, zp.core.info("C9_bsmumu_bin").nargs)
  end)

  it("follow the sign conventions of eqs. (9), (15), (22)", function()
    assert.is_true(m.C9_bsmumu < 0)
    assert.are.equal(-m.C9_bsmumu, m.C10_bsmumu)
    assert.are.equal(m.C9_bsmumu, m.CL_bsnumunumu)
    assert.is_true(m.CVLL_bsbs < 0)
    assert.is_true(m.DeltaM_s > m:with{ gq = 0 }.DeltaM_s)
    near(m:with{ gq = 0 }.DeltaM_s_qcd, m:with{ gq = 0 }.DeltaM_s, 1e-14)
  end)

  it("give q2-dependent C9 for a light Z'", function()
    local l = zp.model{ mZp = 12, gq = 0.01, gl = 0.01, thetaD = 0.01 }
    near(l:C9_bsmumu_q2(0), l.C9_bsmumu, 1e-14)
    near(l:C9_bsmumu_bin(1.1, 6), l.C9_bsmumu * 144 * math.log(142.9 / 138) / 4.9, 1e-12)
    near(l.C9_bsmumu_light, l.C9_bsmumu * 144 / (144 - l.m_b ^ 2), 1e-12)
    assert.is_truthy(err_of(function() return zp.model{ mZp = 3 }.C9_bsmumu_light end):find("m_b", 1, true))
    assert.is_truthy(err_of(function() return l:C9_bsmumu_bin(6, 1.1) end):find("q2 bin", 1, true))
    assert.is_truthy(err_of(function() return l:C9_bsmumu_q2(-2) end):find("q2", 1, true))
    assert.is_truthy(err_of(function() return zp.model{ thetaD = 2 } end):find("thetaD", 1, true))
  end)

  it("give the paper's light-Z' numbers", function()
    local l = zp.model{ mZp = 12, gq = 0.02, gl = 0.02 }
    near(l.BR_Zp_mumu, 1 / 3.9, 0.02)                     -- eq. (30)
    assert.is_true(l.a_mu_Zp < 0 and l.a_mu_Zp > -3e-10)   -- section 3.6: negligible, wrong sign
    near(l.BR_Z_4mu_NP, l.Gamma_Z_Zpmumu * l.BR_Zp_mumu / l.Gamma_Z, 1e-12)
    assert.are.equal(0, m.BR_Z_4mu_NP)                     -- 600 GeV: no on-shell Z'
  end)
end)

describe("Table I", function()
  local t = zp.table1_coefficients()
  local function r5(x) return math.floor(x * 1e5 + 0.5) / 1e5 end

  it("reproduces the printed coefficients", function()
    assert.are.equal(0.00028, r5(t.bsmumu_lo))
    assert.are.equal(0.00177, r5(t.bsmumu_hi))
    assert.are.equal(0.01041, r5(t.bsnunu_offset))
    assert.are.equal(0.00002, r5(t.Bs_max))
    assert.are.equal(0.02097, r5(t.trident_c2))
    near(t.trident_rhs, 4.81193, 1e-3)   -- 0.08% off: see tests/c/test_flavour.c
    near(t.bsnunu_rhs, 0.03711, 0.012)   -- R <= 5 gives 0.03754; 0.03711 needs R <= 4.90
  end)

  it("agrees with the full observables at random points", function()
    math.randomseed(20170203)
    local checked = 0
    for _ = 1, 400 do
      local mzp = 10 ^ (2 + 1.5 * math.random())
      local gl = 10 ^ (-2.5 + 2.5 * math.random())
      local nq = ({ 1, 2, 4 })[math.random(3)]
      local th = 10 ^ (-4 + 3 * math.random())
      local m = zp.model{ mZp = mzp, gl = gl, gq = nq * gl, thetaD = th }
      local mhat2 = (mzp / 1000) ^ 2
      local sc = math.sin(th) * math.cos(th)
      local x = nq * gl * gl * sc / mhat2
      local rows = m:check{ quiet = true, only = { "b->s mu mu", "b->s nu nu", "B_s mixing", "nu trident" } }
      local pass = {}
      for _, r in ipairs(rows) do pass[r.name] = r.pass end
      local function agree(name, simple, dist)
        if dist > 0.01 then
          assert.are.equal(simple, pass[name], name .. " at mZp=" .. mzp .. " gl=" .. gl .. " th=" .. th)
          checked = checked + 1
        end
      end
      agree("b->s mu mu", x >= t.bsmumu_lo and x <= t.bsmumu_hi,
        math.min(math.abs(x / t.bsmumu_lo - 1), math.abs(x / t.bsmumu_hi - 1)))
      agree("b->s nu nu", math.abs(t.bsnunu_offset + x) <= t.bsnunu_rhs,
        math.abs(math.abs(t.bsnunu_offset + x) / t.bsnunu_rhs - 1))
      local w = (nq * gl) ^ 2 * sc * sc / mhat2
      agree("B_s mixing", w <= t.Bs_max, math.abs(w / t.Bs_max - 1))
      local y = gl * gl / mhat2
      agree("nu trident", y * (1 + t.trident_c2 * y) <= t.trident_rhs,
        math.abs(y * (1 + t.trident_c2 * y) / t.trident_rhs - 1))
    end
    assert.is_true(checked > 1000)
  end)

  it("is a constraint row each in m:check()", function()
    local rows = zp.model{}:check{ quiet = true }
    local names = {}
    for _, r in ipairs(rows) do names[r.name] = r end
    for _, n in ipairs({ "b->s mu mu", "b->s nu nu", "B_s mixing", "B_s mixing (LO QCD)", "nu trident", "Z -> 4 mu" }) do
      assert.is_not_nil(names[n], n)
      assert.is_true(names[n].pass, n)
    end
    assert.are.equal("95% CL", names["nu trident"].cl)
    -- the light benchmark with g_l = 0.05 fails Z -> 4 mu and trident
    local l = zp.model{ mZp = 12, gq = 0.05, gl = 0.05, thetaD = 1e-4 }:check{ quiet = true, only = { "Z -> 4 mu", "nu trident" } }
    assert.is_false(l[1].pass)
    assert.is_false(l[2].pass)
  end)
end)

describe("WCxf", function()
  local m = zp.model{ mZp = 750, gq = 0.3, gl = 0.2, thetaD = 0.003 }
  local file = os.tmpname()

  it("writes the WET flavio basis at the scale m_Z'", function()
    local d = m:wcxf{ file = file }
    assert.are.equal("WET", d.eft)
    assert.are.equal("flavio", d.basis)
    assert.are.equal(750, d.scale)
    local text = io.open(file):read("a")
    assert.is_truthy(text:find("\neft: WET\n", 1, true))
    assert.is_truthy(text:find("\nbasis: flavio\n", 1, true))
    assert.is_truthy(text:find("\nscale: 750.0\n", 1, true))
  end)

  it("uses the names and sectors of wcxf-bases wet.flavio.basis.yml", function()
    local spec = { C9_bsmumu = "sb", C10_bsmumu = "sb", CL_bsnumunumu = "sbnunu",
                   CVLL_bsbs = "sbsb", CVLL_numunumumumu = "ffnunu" }
    for _, c in ipairs(zp.wcxf_coefficients) do
      assert.are.equal(spec[c.name], c.sector, c.name)
      spec[c.name] = nil
    end
    assert.is_nil(next(spec))
  end)

  it("round-trips through zp.wcxf_read", function()
    local d = zp.wcxf_read(file)
    assert.are.equal("WET", d.eft)
    assert.are.equal("flavio", d.basis)
    assert.are.equal(750, d.scale)
    for _, c in ipairs(zp.wcxf_coefficients) do
      assert.are.equal(m[c.name], d.values[c.name], c.name)
    end
    assert.is_truthy(d.metadata.generator:find("zprime", 1, true))
    os.remove(file)
  end)

  it("leaves zero coefficients out unless asked", function()
    local d = m:with{ gq = 0 }:wcxf{}
    assert.is_nil(d.values.C9_bsmumu)
    assert.is_not_nil(d.values.CVLL_numunumumumu)
    assert.are.equal(0, m:with{ gq = 0 }:wcxf{ zeros = true }.values.C9_bsmumu)
  end)

  it("reads complex values written by other tools", function()
    local f = os.tmpname()
    local h = io.open(f, "w")
    h:write("eft: WET\nbasis: flavio\nscale: 4.8\nvalues:\n  C9_bsmumu:\n    Re: -1.0\n    Im: 0.25\n  CVLL_bsbs: {Re: 1e-11, Im: -2e-12}\n  C10_bsmumu: 0.5  # comment\n")
    h:close()
    local d = zp.wcxf_read(f)
    os.remove(f)
    assert.are.same({ Re = -1.0, Im = 0.25 }, d.values.C9_bsmumu)
    assert.are.same({ Re = 1e-11, Im = -2e-12 }, d.values.CVLL_bsbs)
    assert.are.equal(0.5, d.values.C10_bsmumu)
  end)

  it("gives clear errors", function()
    assert.is_truthy(err_of(function() m:wcxf{ fiel = "x" } end):find("unknown option 'fiel'", 1, true))
    assert.is_truthy(err_of(function() zp.wcxf_read("/nonexistent/wc.yml") end):find("cannot open", 1, true))
    local f = os.tmpname()
    io.open(f, "w"):write("eft: WET\nvalues:\n  C9_bsmumu: 1\n"):close()
    assert.is_truthy(err_of(function() zp.wcxf_read(f) end):find("no 'basis' key", 1, true))
    os.remove(f)
  end)
end)
