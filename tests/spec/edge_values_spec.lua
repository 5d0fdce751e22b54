-- 64-bit Lua integers are range-checked before they are narrowed to C ints, and in-range inputs
-- that used to give a silent +-inf (or NaN) are errors naming the parameter.
local core = zp.core

describe("integers at the Lua edge", function()
  local m = zp.model{}
  it("core.eval refuses observable indices beyond the registry (2^31 wrapped to a negative int)", function()
    for _, k in ipairs({ 2 ^ 31, math.tointeger(2 ^ 31), math.tointeger(2 ^ 32), 0, -1, math.mininteger }) do
      assert_error_matches(function() core.eval(m, k) end, "eval: observable index = ", "is out of range (1 to ")
    end
    assert_error_matches(function() core.eval(m, 1.5) end, "must be a whole number")
    assert.is_number(core.eval(m, 1))
  end)
  it("core.closest refuses an edit distance that would overflow", function()
    assert_error_matches(function() core.closest("mzp", { "mZp" }, math.maxinteger) end,
      "closest: maxd (largest edit distance) = 9223372036854775807 is out of range (0 to 1000)")
    assert_error_matches(function() core.closest("mzp", { "mZp" }, -1) end, "out of range (0 to 1000)")
    assert.are.equal("mZp", core.closest("mzp", { "mZp" }, 1))
  end)
  it("S_mphi_roots refuses ngrid = 2^31 and unknown methods", function()
    assert_error_matches(function() core.S_mphi_roots(1, 10, 0.01, 1e-3, 1000, 1e-3, 10, 2 ^ 31) end,
      "S_mphi_roots: ngrid = 2147483648 is out of range (2 to 1000000)")
    assert_error_matches(function() core.S_mphi_roots(2 ^ 32, 10, 0.01, 1e-3, 1000, 1e-3, 10) end,
      "S_mphi_roots: method = 4294967296 is out of range")
  end)
  it("process helpers refuse ids and codes outside their C types", function()
    assert_error_matches(function() core.isatty(2 ^ 32) end, "isatty: fd = 4294967296 is out of range")
    assert_error_matches(function() core.wait(2 ^ 32) end, "wait: pid = 4294967296 is out of range")
    assert_error_matches(function() core.exit_now(256) end, "exit_now: exit code = 256 is out of range (0 to 255)")
  end)
  it("a table length of 2^40 is reported as such, not wrapped to an int", function()
    local lie = setmetatable({}, { __len = function() return 2 ^ 40 end })
    assert_error_matches(function()
      zp.boost_spectrum{ mchi = 1950, mZp = 12, lx0 = -3, dlx = 0.1, dNdlog10x = lie, n = 5 }
    end, "option 'dNdlog10x' must hold 1 to 1000000 numbers, got 1099511627776")
  end)
  it("interp ignores a __len that lies", function()
    local x = setmetatable({ 1, 2 }, { __len = function() return 2 ^ 40 end })
    assert.are.equal(1.5, core.interp(x, { 1, 2 }, 1.5))
  end)
end)

describe("no silent infinities", function()
  it("kappa_max_dd at w = 0 or f = 0 names the inputs", function()
    assert_error_matches(function() return zp.model{ w = 0 }.kappa_max_dd end,
      "observable 'kappa_max_dd' is +infinite at", "w = 0")
    assert_error_matches(function() return zp.model{ f = 0 }.kappa_max_dd end, "f = 0")
    -- the formula itself: ftheta_max m_h^2 / (v_h w f)
    local p = zp.model{}
    rel_near(p.kappa_max_dd, p.ftheta_max * p.m_h ^ 2 / (p.v_h * p.w * p.f), 1e-14, "kappa_max_dd")
  end)
  it("Lambda_UV at gchi = 0 and at a denormal gchi is an error naming gchi", function()
    assert_error_matches(function() return zp.model{ gchi = 0 }.Lambda_UV end, "Lambda_UV: gchi = 0")
    assert_error_matches(function() return zp.model{ gchi = 1e-310 }.Lambda_UV end, "Lambda_UV: gchi = 1e-310")
    -- the perturbativity bound still passes there (alpha_chi never reaches its maximum)
    local rows = zp.model{ gchi = 0 }:check{ only = { "perturbativity Lambda_UV" }, quiet = true }
    local row = rows[1]
    assert.is_true(row.pass)
    assert.are.equal(math.huge, row.value)
  end)
  it("boost_spectrum with lx0 = -400 is refused (10^lx0 underflows)", function()
    assert_error_matches(function()
      zp.boost_spectrum{ mchi = 1950, mZp = 12, lx0 = -400, dlx = 0.05, dNdlog10x = { 1, 2, 3, 4, 5 }, n = 5 }
    end, "zp.boost_spectrum: lx0 = -400.0 must be in [-300, 0]")
    local r = zp.boost_spectrum{ mchi = 1950, mZp = 12, lx0 = -4, dlx = 0.5, dNdlog10x = { 1, 2, 3, 4, 5 }, n = 5 }
    for i = 1, 5 do assert.is_true(r.dNdE[i] == r.dNdE[i] and math.abs(r.dNdE[i]) < math.huge) end
  end)
end)
