-- The prompt's reading aids: printing, suggestions, zp.show, zp.apropos, zp.save/zp.load,
-- zp.variant, check-table wording and the scan heat map.
local pretty = require "zprime.pretty"
local repl = require "zprime.repl"

describe("printing at the prompt", function()
  it("prints plain tables as Lua literals that read back, with a cap", function()
    local t = { 1, 2.5, { a = true }, x = "y\n", ["not a name"] = 0.1 }
    local s = pretty.show(t)
    assert.are.equal('{ 1, 2.5, { a = true }, ["not a name"] = 0.1, x = "y\\n" }', s)
    assert.are.same(t, load("return " .. s)())
    local big = {}
    for i = 1, 100 do big[i] = i end
    assert.truthy(pretty.show(big):find("--[[ ... 60 more ]]", 1, true))
    local models = { a = zp.model{ mZp = 700 }, n = 1 }
    local back = load("return " .. pretty.show(models), "=t", "t", { zp = zp })()
    assert.are.equal(models.a, back.a); assert.are.equal(1, back.n)
    local cyc = {}; cyc.self = cyc
    assert.truthy(pretty.show(cyc):find("cycle", 1, true))
    assert.are.equal("0.30000000000000004", pretty.number(0.1 + 0.2))
    assert.truthy(pretty.show(zp.apropos):find("^function zp.apropos: zp.apropos \"branching\" lists"))
  end)

  it("lists the registry as an aligned table with units", function()
    local s = tostring(zp.observables())
    assert.truthy(s:find("^name%s+kind%s+unit%s+default%s+doc\n"))
    assert.truthy(s:find("\nDeltaM_s%s+observable%s+ps%^%-1%s"))
    assert.truthy(s:find(#zp.observables() .. " entries", 1, true))
  end)

  it("does not print a check table twice, but prints it when typed back", function()
    local m = zp.model()
    local printed = {}
    local real_print = _G.print
    _G.print = function(...) printed[#printed + 1] = table.concat({ ... }, "\t") end
    local ok, err = pcall(function()
      local rows = m:check{ only = "B_s mixing" } -- prints once
      repl.print_results(rows)                    -- same evaluation: not again
      repl.print_results(rows)                    -- typed back later: printed
    end)
    _G.print = real_print
    assert(ok, err)
    assert.are.equal(2, #printed)
    assert.are.equal(printed[1], printed[2])
  end)

  it("formats errors without traceback and with suggestions", function()
    zp.debug(false)
    assert.are.equal("error: field 'modle' is nil, so it cannot be called (did you mean zp.model?)",
      repl.format_error("stdin:1: attempt to call a nil value (field 'modle')\nstack traceback:\n\t[C]: in ?"))
    assert.are.equal("error: method 'chek' is nil, so it cannot be called (did you mean m:check(...)?)",
      repl.format_error("stdin:1: attempt to call a nil value (method 'chek')"))
    zp.debug(true)
    assert.truthy(repl.format_error("x:1: boom\nstack traceback:\n"):find("stack traceback", 1, true))
    zp.debug(false)
    assert_error_matches(function() zp.debug("yes") end, "zp.debug expects true or false")
  end)
end)

describe("names", function()
  it("zp.help ranks prefix and substring matches before edit distance", function()
    local err = assert_error_matches(function() zp.help "C9" end, "did you mean 'C9_SM', ", "'C9_bsmumu'")
    assert.is_nil(err:find("'gq'", 1, true))
    assert_error_matches(function() zp.help "bsnunu" end, "R_bsnunu")
  end)

  it("suggests call-it-as for a method called with a dot, and refuses strings", function()
    local m = zp.model()
    assert_error_matches(function() return m.C9_bsmumu_bin(1.1, 6) end, "call it as m:C9_bsmumu_bin(1.1, 6)")
    assert_error_matches(function() return m.chekc end, "did you mean m:check(...)?")
    assert_error_matches(function() return zp.model{ mZp = "600" } end, "'mZp' expects a number in GeV, got string '600'")
    assert_error_matches(function() return m:with{ gq = "0.1" } end, "'gq' expects a number")
  end)

  it("zp.apropos searches names, docs and references", function()
    local names = {}
    for _, r in ipairs(zp.apropos "branching") do names[r.name] = true end
    assert.is_true(names.BR_Zp_mumu and names.BR_Zp_bb and true)
    local refs = {}
    for _, r in ipairs(zp.apropos "eq. (17)") do refs[r.name] = true end
    assert.is_true(refs.DeltaM_s)
    assert_error_matches(function() zp.apropos(3) end, "zp.apropos expects a word")
  end)

  it("zp.show prints value with unit and returns it", function()
    local m = zp.model()
    local out
    local real_print = _G.print
    _G.print = function(s) out = s end
    local ok, v = pcall(zp.show, m, "DeltaM_s")
    _G.print = real_print
    assert(ok, v)
    assert.are.equal(m.DeltaM_s, v)
    assert.truthy(out:find(string.format("^DeltaM_s = %.6g ps%%^%%-1", m.DeltaM_s)))
    -- a value with an uncertainty (m:predict's result) prints through its tostring
    local methods = zp.core.model_methods
    local real_predict = methods.predict
    methods.predict = function(_, name, opts)
      assert.are.equal("DeltaM_s", name); assert.are.equal("linear", opts.method)
      return setmetatable({}, { __tostring = function() return "18.1 +- 2.6 ps^-1" end })
    end
    _G.print = function(s) out = s end
    local ok2, e2 = pcall(zp.show, m, "DeltaM_s", { method = "linear" })
    _G.print, methods.predict = real_print, real_predict
    assert(ok2, e2)
    assert.truthy(out:find("^DeltaM_s = 18.1 %+%- 2.6 ps%^%-1   %-%- "))
    assert_error_matches(function() zp.show(m, "DeltaMs") end, "did you mean DeltaM_s")
    assert_error_matches(function() zp.show(3, "DeltaM_s") end, "zp.show expects (model, name)")
    assert_error_matches(function() zp.show(m, "C9_bsmumu_bin", "a", 6) end, "argument 1 is a string")
  end)
end)

describe("models as text", function()
  local dir = os.tmpname(); os.remove(dir); os.execute("mkdir -p " .. dir)

  it("tostring(m) is a constructor that rebuilds m exactly", function()
    local m = zp.model{ mZp = 654.321, gq = 0.1 + 0.2, alpha_em = 1 / 137 }
    local s = tostring(m)
    assert.truthy(s:find("^zp%.model{ mZp = 654.321, gq = 0.30000000000000004"))
    assert.are.equal(m, load("return " .. s, "=m", "t", { zp = zp })())
    local h = zp.variants.heavy_dirac{ mZp = 700, nchi = 4 }:with{ thetaD = 0.01 }
    assert.are.equal("zp.variants.heavy_dirac{ nchi = 4, mZp = 700, thetaD = 0.01 }  -- mZp [GeV], thetaD [rad]", tostring(h))
    assert.are.equal(h, load("return " .. tostring(h), "=h", "t", { zp = zp })())
  end)

  it("zp.save / zp.load round-trip plain and variant models in Lua and JSON", function()
    local models = { zp.model{ gq = 0.1 + 0.2, mchi = 1 / 3 }, zp.variants.heavy_dirac{ mZp = 800, propagator = "contact" },
                     zp.variants.light_inelastic{ prop = "MAX", f = 0.6 } }
    for i, m in ipairs(models) do
      for _, ext in ipairs({ "lua", "json" }) do
        local path = dir .. "/m" .. i .. "." .. ext
        zp.save(path, m)
        local back = zp.load(path)
        assert.are.equal(m, back)
        assert.are.equal(tostring(m), tostring(back))
        assert.are.same(zp.core.meta(m) and zp.core.meta(m).variant, zp.core.meta(back) and zp.core.meta(back).variant)
      end
    end
    assert_error_matches(function() zp.load(dir .. "/none.lua") end, "zp.load: cannot open")
    local g = io.open(dir .. "/text.lua", "w"); g:write("not lua at all"); g:close()
    assert_error_matches(function() zp.load(dir .. "/text.lua") end, "text.lua is not a model file written by zp.save")
    assert_error_matches(function() zp.save(dir .. "/x.lua", 5) end, "zp.save expects (path, model)")
    local f = io.open(dir .. "/bad.json", "w"); f:write("{ \"inputs\": 3 }"); f:close()
    assert_error_matches(function() zp.load(dir .. "/bad.json") end, "not a zprime model file")
    local custom = zp.model(); zp.core.meta(custom, { variant = "mine" })
    assert_error_matches(function() zp.save(dir .. "/c.lua", custom) end, "recorded no inputs")
  end)

  it("zp.variant defines a variant that derives, re-derives and round-trips", function()
    local V = zp.variant{ name = "spec_nq3", tags = { "heavy_dirac" }, defaults = { mZp = 600 },
      fixed = { mchi = 70 }, options = { nq = 3 },
      derived = function(m, o) return { gl = m.gq / o.nq } end }
    local m = V{ gq = 0.3 }
    rel_near(m.gl, 0.1, 1e-15)
    assert.are.equal(3, m.nq)
    local m2 = m:with{ nq = 6 }
    rel_near(m2.gl, 0.05, 1e-15)
    assert.are.equal(m2, zp.load(zp.save(dir .. "/v.lua", m2)))
    assert.are.equal("zp.variants.spec_nq3{ nq = 6, gq = 0.3 }", tostring(m2))
    assert_error_matches(function() V{ mchi = 80 } end, "'mchi' is fixed by the variant")
    assert_error_matches(function() V{ gl = 0.2 } end, "'gl' is derived by the variant")
    assert_error_matches(function() zp.variant{ name = "x", fixed = { nope = 1 } } end, "fixed.nope is not a parameter")
  end)
end)

describe("check tables", function()
  it("tag post-paper and projection rows and count the tagged failures", function()
    local rows = zp.variants.heavy_dirac{}:check{ quiet = true }
    local s = tostring(rows)
    assert.truthy(s:find("FAIL [post-paper]", 1, true))
    assert.truthy(s:find("FAIL [projection]", 1, true))
    -- every failure of the paper's heavy benchmark is a tagged bound (post-paper data, a
    -- projection, a bound the paper does not use, or the tension it discusses)
    local npass, n, ntag, nfail = s:match("(%d+) of (%d+) constraints pass; (%d+) of the (%d+) failures are tagged")
    assert.truthy(npass)
    assert.are.equal(ntag, nfail)
    assert.are.equal(tonumber(n) - tonumber(npass), tonumber(nfail))
  end)

  it("have an HTML form with the same cells and footnotes (for notebooks)", function()
    local rows = zp.variants.heavy_dirac{}:check{ quiet = true }
    local h = getmetatable(rows).__html(rows)
    assert.truthy(h:find('^<table class="zprime">\n<tr><th style="text%-align:left">constraint</th>'))
    assert.truthy(h:find('<td style="text-align:left">FAIL [post-paper]</td>', 1, true))
    assert.truthy(h:find("<p>%d+ of %d+ constraints pass; (%d+) of the %1 failures are tagged"))
    assert.truthy(getmetatable(zp.constraints).__html(zp.constraints):find("&lt;= 5", 1, true))
    local html = require("zprime.serve").represent(zp, rows)["text/html"]
    assert.are.equal(h, html) -- the notebook kernel shows this table
  end)

  it("show light-variant rows in units", function()
    local s = tostring(zp.variants.light_inelastic{}:check{ quiet = true })
    assert.truthy(s:find("<sigma v> of g_chi, f (eq. 46)", 1, true))
    assert.truthy(s:find("2.3e-26  cm^3/s      2.3e-26 +- 2.3e-29", 1, true))
    assert.truthy(s:find("chi+ -> chi- nu nu open", 1, true))
    assert.truthy(s:find("open%s+delta_m%s+[%d%.]+%s+GeV%s+>= 0%s"))
    assert.truthy(s:find("(a) kappa <~ 5e-4 applies only for m_Z' > 15 GeV", 1, true))
    assert.is_nil(tostring(zp.constraints):find("f(m)) +-", 1, true))
    assert.truthy(tostring(zp.constraints):find("17.76* +- 2.6*", 1, true))
    assert.are.equal("none here*", zp.bound_text(zp.constraint "h -> Z'Z' -> 4l"))
    assert.are.equal("<= 5", zp.bound_text(zp.constraint "b->s nu nu"))
    assert_error_matches(function() zp.bound_text "b->s nu nu" end, "zp.bound_text expects a constraint")
  end)
end)

describe("constraint entries and completion", function()
  it("zp.constraint(name) prints its row with the bound as numbers; zp.show completes names", function()
    local s = tostring(zp.constraint "B_s mixing")
    assert.truthy(s:find("B_s mixing  DeltaM_s  band  17.76* +- 2.6*", 1, true))
    zp.constraint("B_s mixing").nsigma = 2            -- still an editable entry
    assert.truthy(tostring(zp.constraint "B_s mixing"):find("17.76* +- 2 x 2.6*", 1, true))
    zp.constraint("B_s mixing").nsigma = 1
    local c = require("zprime.repl").complete('zp.show(m, "', "DeltaM_s_e")
    assert.are.same({ "DeltaM_s_exp", "DeltaM_s_exp_err" }, c)
  end)
end)

describe("scan CSV headers", function()
  it("write the numbers of a bound, not f(m)", function()
    local dir = tmpdir()
    local res = zp.scan{ model = zp.model(), over = { mZp = { 500, 600 } }, observe = { "C9_bsmumu" },
      constraints = { "B_s mixing" }, quiet = true, out = dir .. "/h.csv" }
    assert.truthy(table.concat(res.header, "\n"):find("DeltaM_s = 17.757 +- 1 x 2.6", 1, true))
    local v = zp.scan{ variant = function(p) return zp.variants.heavy_dirac{ mchi = p.mchi } end,
      over = { mchi = { 60, 80 } }, observe = { "C9_bsmumu" }, constraints = { "PandaX-II 2016 SI" }, quiet = true }
    assert.truthy(table.concat(v.header, "\n"):find("sigma_SI_Xe <= %d[%d.e+-]* at point 1"))
  end)
end)

describe("zp.plot of a scan", function()
  it("draws a 2-D continuous column as a heat map with contours", function()
    local dir = os.tmpname(); os.remove(dir)
    local res = zp.scan{ model = zp.model(), over = { mZp = zp.range(200, 1000, 5), thetaD = zp.logrange(1e-3, 1e-1, 4) },
      observe = { "C9_bsmumu" }, quiet = true }
    local ok, r = pcall(zp.plot, { data = res, z = "C9_bsmumu", levels = { -0.5 }, out = dir .. "/hm.png" })
    local gp = io.open(dir .. "/hm.gp"):read("a")
    assert.truthy(gp:find("with boxxyerror fs solid 1.0 noborder lc palette", 1, true))
    assert.truthy(gp:find("C9\\_bsmumu = -0.5", 1, true))
    local dat = io.open(dir .. "/hm.dat"):read("a")
    -- 20 cells; the cell of (200 GeV, 1e-3) spans the geometric midpoints of the log axis
    local n = 0
    for l in dat:gmatch("[^\n]+") do if l:match("^%d") then n = n + 1 end end
    assert.is_true(n >= 20)
    assert.truthy(dat:find("\n200 0.001 100 300 0.00046415888336127", 1, true))
    if not ok then assert.truthy(tostring(r):find("gnuplot", 1, true)) end
    assert_error_matches(function() zp.plot{ data = res, z = "C9_bsmumu", levels = { "a" } } end, "levels[1] must be a number")
    os.execute("rm -rf " .. dir)
  end)
end)
