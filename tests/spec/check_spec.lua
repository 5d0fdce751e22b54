-- m:check(): rows with value, bound, pass/fail, margin and pull; zp.constraints editing; the
-- fast testers zp.scan uses.
local m = zp.model{ mZp = 1000, gq = 0.3, gl = 0.5, thetaD = 0.004 }
local C9 = m.C9_bsmumu

local function list()
  return {
    { name = "win", observable = "C9_bsmumu", kind = "window", min = C9 - 1, max = C9 + 3, cl = "3 sigma", ref = "test" },
    { name = "up", observable = "C9_bsmumu", kind = "upper", max = 2 * C9, sigma = 0.5 },
    { name = "low", observable = "C9_bsmumu", kind = "lower", min = C9 / 2 },
    { name = "band", observable = "C9_bsmumu", kind = "band", central = function(mm) return mm.gq end, sigma = 0.2, nsigma = 2 },
    { name = "fn", observable = function(mm) return mm.gq * mm.gl end, kind = "upper", max = 1, unit = "1" },
    { name = "broken", observable = function() error("no solution for this model") end, kind = "upper", max = 1 },
  }
end

describe("m:check", function()
  it("returns rows with values, pass/fail, margins and pulls (independent arithmetic)", function()
    local rows = m:check{ constraints = list(), quiet = true }
    assert.are.equal(6, #rows)
    local r = rows[1]
    assert.are.equal(C9, r.value); assert.is_true(r.pass); rel_near(r.margin, 0.25, 1e-12); assert.are.equal("3 sigma", r.cl)
    r = rows[2]   -- C9 < 0, so C9 > 2 C9: fails; pull = (C9 - 2 C9)/0.5
    assert.is_false(r.pass); rel_near(r.margin, 0.5, 1e-15); rel_near(r.pull, -C9 / 0.5, 1e-14)
    r = rows[3]
    assert.is_false(r.pass); rel_near(r.margin, 2, 1e-15)
    r = rows[4]
    assert.are.equal(math.abs(C9 - 0.3) <= 0.4, r.pass); rel_near(r.pull, (C9 - 0.3) / 0.2, 1e-14)
    rel_near(r.margin, math.abs(C9 - 0.3) / 0.2 / 2, 1e-14)
    r = rows[5]
    rel_near(r.value, 0.15, 1e-15); assert.is_true(r.pass)
    r = rows[6]
    assert.is_false(r.pass); assert.truthy(r.error:find("no solution for this model", 1, true))
    assert.is_false(rows.all_pass)
  end)

  it("prints an aligned table (tostring gives the same table)", function()
    local rows = m:check{ constraints = list(), quiet = true }
    local text = tostring(rows)
    local lines = {}
    for l in text:gmatch("[^\n]+") do lines[#lines + 1] = l end
    assert.truthy(lines[1]:find("^constraint%s+quantity%s+value%s+unit%s+bound%s+CL%s+status%s+margin%s+pull"))
    local col = lines[1]:find("status")
    assert.are.equal("pass", lines[3]:sub(col, col + 3))
    assert.are.equal("FAIL", lines[4]:sub(col, col + 3))
    assert.truthy(text:find("ERROR", 1, true))
    assert.truthy(text:find("broken: no solution for this model", 1, true))
    assert.truthy(text:find("2 of 6 constraints pass", 1, true) or text:find("3 of 6 constraints pass", 1, true))
    assert.truthy(text:find("25% of window", 1, true))
  end)

  it("restricts to only = {...} and names a wrong one", function()
    local rows = m:check{ constraints = list(), only = { "low", "fn" }, quiet = true }
    assert.are.equal(2, #rows); assert.are.equal("low", rows[1].name)
    rows = m:check{ constraints = list(), only = "win", quiet = true }
    assert.are.equal(1, #rows)
    assert_error_matches(function() m:check{ constraints = list(), only = { "nope" }, quiet = true } end,
      "no constraint named 'nope'")
    assert_error_matches(function() m:check{ onyl = {} } end, "unknown option 'onyl'")
    assert_error_matches(function() m:check(3) end, "options must be a table")
  end)
end)

describe("zp.constraints", function()
  local saved
  before_each(function() saved = {} for i, c in ipairs(zp.constraints) do saved[i] = c end end)
  after_each(function()
    for i = #zp.constraints, 1, -1 do zp.constraints[i] = nil end
    for i, c in ipairs(saved) do zp.constraints[i] = c end
  end)

  it("is an editable list that m:check uses", function()
    local c = zp.constraint("b->s mu mu")
    assert.are.equal("C9_bsmumu", c.observable)
    assert.truthy(tostring(zp.constraints):find("b->s mu mu", 1, true))
    zp.add_constraint{ name = "toy bound", observable = "C9_bsmumu", kind = "upper", max = -100, cl = "toy" }
    local rows = m:check{ only = { "toy bound" }, quiet = true }
    assert.is_false(rows[1].pass)
    zp.constraint("toy bound").max = 100
    assert.is_true(m:check{ only = { "toy bound" }, quiet = true }[1].pass)
    -- adding one of the same name replaces it
    local n = #zp.constraints
    zp.add_constraint{ name = "toy bound", observable = "C9_bsmumu", kind = "lower", min = 100 }
    assert.are.equal(n, #zp.constraints)
    assert.is_false(m:check{ only = { "toy bound" }, quiet = true }[1].pass)
    zp.remove_constraint("toy bound")
    assert.is_nil(zp.constraint("toy bound"))
    assert_error_matches(function() zp.remove_constraint("toy bound") end, "no constraint named 'toy bound'")
  end)

  it("checks new entries", function()
    assert_error_matches(function() zp.add_constraint{ name = "x", observable = "C9_bsmumu", kind = "uper", max = 1 } end,
      "unknown kind 'uper'")
    assert_error_matches(function() zp.add_constraint{ name = "x", observable = "C9_bsmumu", kind = "window", min = 1 } end,
      "needs max")
    assert_error_matches(function() zp.add_constraint{ name = "x", observable = "C9_bsmumuu", kind = "upper", max = 1 } end,
      "unknown observable 'C9_bsmumuu'", "did you mean 'C9_bsmumu'")
    assert_error_matches(function() zp.add_constraint{ name = "x", observable = "C9_bsmumu", kind = "upper", max = 1, maxx = 2 } end,
      "unknown field 'maxx'")
    assert_error_matches(function() zp.add_constraint{ observable = "C9_bsmumu", kind = "upper", max = 1 } end, "needs a name")
  end)

  it("gives scans a tester that agrees with m:check", function()
    for _, c in ipairs(list()) do
      if type(c.observable) == "string" then
        local t = zp.constraint_tester(c)
        local row = zp.evaluate_constraint(c, m)
        assert.are.equal(row.pass, t(m, m[c.observable]), c.name)
      end
    end
    assert.is_true(zp.constraint_needs_model(list()[4]))
    assert.is_false(zp.constraint_needs_model(list()[1]))
  end)

  it("selects by variant tags, names or tables", function()
    for _, c in ipairs(zp.select_constraints(m, true)) do assert.is_nil(c.applies) end
    local sel = zp.select_constraints(m, { "b->s mu mu", list()[2] })
    assert.are.equal(2, #sel); assert.are.equal("up", sel[2].name)
    assert.are.same({}, zp.select_constraints(m, nil))
    assert_error_matches(function() zp.select_constraints(m, { "zzz" }) end, "no constraint named 'zzz'")
  end)
end)

describe("bounds that do not apply at a point", function()
  it("show 'none here' and pass, without a margin", function()
    local c = { name = "only above 15 GeV", observable = "mZp", kind = "upper",
                max = function(m) return m.mZp > 15 and 100 or math.huge end }
    local lo = zp.evaluate_constraint(c, zp.model{ mZp = 12 })
    assert.are.equal("none here", lo.bound)
    assert.is_true(lo.pass)
    assert.is_nil(lo.margin)
    local hi = zp.evaluate_constraint(c, zp.model{ mZp = 600 })
    assert.are.equal("<= 100", hi.bound)
    assert.is_false(hi.pass)
  end)
end)
