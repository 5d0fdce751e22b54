-- Bad input never crashes: wrong types, unknown names, out-of-range, NaN or infinite values,
-- missing and malformed data files give a clear error naming the thing and what was expected.
-- Each case here is a defect found by calling the public API adversarially, kept as a regression.
local core = zp.core
local m = zp.model{}

local TMP = os.tmpname()
os.remove(TMP)
os.execute("mkdir -p '" .. TMP .. "'")
local function path(name) return TMP .. "/" .. name end
local function write(name, text)
  local f = assert(io.open(path(name), "wb"))
  f:write(text)
  f:close()
  return path(name)
end

--- f() must fail with a message containing every plain substring and no "attempt to ..." or
--- library source position (lua/zprime/...:N:).
local function clean_error(f, ...)
  local err = assert_error_matches(f, ...)
  assert.is_nil(err:find("attempt to", 1, true), err)
  assert.is_nil(err:find("zprime/[%w_]+%.lua:%d+:"), err)
  return err
end

teardown(function() os.execute("rm -rf '" .. TMP .. "'") end)

describe("zp.core bindings", function()
  it("scan_eval rejects codes that are neither parameters nor observables (was a NULL dereference)", function()
    clean_error(function() core.scan_eval(m, {}, {}, { 99999 }, {}) end, "codes[1] = 99999", "core.names")
    clean_error(function() core.scan_eval(m, {}, {}, { -5 }, {}) end, "codes[1] = -5")
    local out = {}
    core.scan_eval(m, {}, {}, { 0, core.names.C9_bsmumu }, out)
    assert.are.equal(m.mZp, out[1]); assert.are.equal(m.C9_bsmumu, out[2])
  end)

  it("fmt_row refuses a field count that would exhaust memory", function()
    clean_error(function() core.fmt_row({}, math.maxinteger) end, "fmt_row: n =", "fields")
    clean_error(function() core.fmt_row({ 1 }, -1) end, "fmt_row: n = -1")
    assert.are.equal("1,nan", core.fmt_row({ 1 }, 2))
  end)

  it("sleep refuses non-finite durations and kill refuses process-group ids", function()
    clean_error(function() core.sleep(1 / 0) end, "sleep:", "finite")
    clean_error(function() core.sleep(0 / 0) end, "sleep:")
    clean_error(function() core.kill(0) end, "kill: 0 is not a worker process id")
    clean_error(function() core.kill(-1) end, "kill: -1")
  end)

  it("eval reports the real number of surplus arguments", function()
    clean_error(function() core.eval(m, "C9_bsmumu", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10) end, "takes 0 arguments", "got 10")
  end)

  it("heavy_couplings names a wrong model option (was 'bad argument #-1')", function()
    clean_error(function() zp.heavy_couplings{ model = "x" } end, "option 'model' expects a zprime model, got string")
    clean_error(function() zp.heavy_couplings{ nq = -1 } end, "zp.heavy_couplings:", "nq = -1")
  end)
end)

describe("non-finite results become errors", function()
  it("Sommerfeld factors", function()
    clean_error(function() core.S_coulomb(1 / 0) end, "S_coulomb", "finite")
    clean_error(function() core.S_coulomb(-1e308) end, "S_coulomb")
    clean_error(function() core.S_hulthen(1e308, 1e-3, 1950, 10) end, "x = alpha/beta", "must be finite")
    clean_error(function() core.S_hulthen(0.005, 1e-320, 1950, 10) end, "must be finite")
    clean_error(function() core.S_exact(0.005, 1e-3, 1950, 1e308) end, "Sommerfeld factor", "not finite")
    clean_error(function() zp.S_hulthen{ alpha = 1e308, mphi = 10 } end, "zp.S_hulthen:")
    -- a vanishing coupling is no enhancement: S -> 1 (was inf from pi x/2 * exp(+730))
    rel_near(core.S_hulthen(1e-320, 1e-3, 1950, 10), 1, 1e-12)
    rel_near(core.S_hulthen_gamma(1e-300, 1e-3, 1950, 10), 1, 1e-12)
  end)

  it("the relic relation of eq. (46)", function()
    clean_error(function() core.relic_rhs(1e308, 1) end, "relic_rhs", "positive and finite")
    clean_error(function() core.gchi_relic(0.5, 1e308) end, "R = 1e+308 must be positive and finite")
    clean_error(function() zp.gchi_relic{ f = 0.5, mchi = -1 } end, "zp.gchi_relic: mchi = -1")
  end)

  it("a boosted spectrum with an infinite log10 x step", function()
    clean_error(function()
      zp.boost_spectrum{ mchi = 1950, mZp = 12, lx0 = -3, dlx = 1 / 0, dNdlog10x = { 1, 1, 1, 1, 1 }, n = 10 }
    end, "zp.boost_spectrum:", "step inf")
  end)

  it("flavour observables with V_tb V_ts^* = 0 (was +-inf)", function()
    local z = zp.model{ VtbVts = 0 }
    for _, o in ipairs({ "C9_bsmumu", "C10_bsmumu", "CL_bsnumunumu", "R_bsnunu" }) do
      clean_error(function() return z[o] end, "VtbVts = 0")
    end
  end)

  it("light-variant quantities undefined at w = 0 (was inf)", function()
    local z = zp.model{ w = 0 }
    clean_error(function() return z.lambda_phi end, "lambda_phi", "needs w > 0")
    clean_error(function() return z.f_min_zp_exchange end, "f_min_zp_exchange", "w = 0")
    rel_near(zp.model{ w = 2, mphi = 4 }.lambda_phi, 2, 1e-15)   -- m_phi^2 / (2 w^2)
  end)

  it("a Z -> mu mu Z' integral that cannot converge fails fast (was ~9 s of retries)", function()
    local t0 = os.clock()
    clean_error(function() return zp.model{ mZp = 0.001 }.Gamma_Z_Zpmumu end, "did not converge", "0.001 GeV")
    assert.is_true(os.clock() - t0 < 5)
  end)
end)

describe("zp grids and docs", function()
  it("zp.range and zp.logrange need finite ends and a sane point count", function()
    clean_error(function() zp.range(0, 1 / 0, 3) end, "zp.range: the ends must be finite")
    clean_error(function() zp.logrange(1, 1 / 0, 3) end, "zp.logrange: the ends must be finite")
    clean_error(function() zp.range(0, 1, 1 / 0) end, "zp.range: n = ")   -- was an endless loop
    clean_error(function() zp.logrange(1, 2, math.maxinteger) end, "more than")
    local t = zp.range(-1e308, 1e308, 5)   -- no intermediate overflow to -inf
    assert.are.same({ -1e308, -5e307, 0.0, 5e307, 1e308 }, t)
  end)

  it("zp.document and zp.help_text check their arguments", function()
    clean_error(function() zp.document() end, "zp.document expects (name, text)")
    clean_error(function() zp.help_text(nil) end, "zp.help_text expects a name")
  end)
end)

describe("constraints", function()
  local c = { name = "t", observable = "C9_bsmumu", kind = "upper", max = 1 }

  it("zp.evaluate_constraint checks its arguments", function()
    clean_error(function() zp.evaluate_constraint(nil, m) end, "a constraint is a table, got nil")
    clean_error(function() zp.evaluate_constraint(c, "m") end, "second argument is a model")
  end)

  it("bad values and bounds become row errors instead of raw comparisons", function()
    local function row(t) return zp.evaluate_constraint(t, m) end
    local r = row{ name = "s", observable = function() return "x" end, kind = "upper", max = 1 }
    assert.is_false(r.pass); assert.truthy(r.error:find("returned string, not a number", 1, true))
    r = row{ name = "b", observable = "C9_bsmumu", kind = "upper", max = function() return {} end }
    assert.truthy(r.error:find("max is table, not a number", 1, true))
    r = row{ name = "m", observable = "C9_bsmumu", kind = "upper" }
    assert.truthy(r.error:find("max is missing", 1, true))
    r = row{ name = "e", observable = "C9_bsmumu", kind = "band", central = 1, sigma = function() error("boom") end }
    assert.truthy(r.error:find("constraint 'e': boom", 1, true))
  end)

  it("an entry edited in place into a bad shape shows as an ERROR row of m:check", function()
    local e = zp.constraint "B_s mixing"
    local old = e.nsigma
    e.nsigma = "2"
    local ok, rows = pcall(m.check, m, { quiet = true, only = { "B_s mixing" } })
    e.nsigma = old
    assert.is_true(ok, tostring(rows))
    assert.truthy(rows[1].error:find("nsigma is '2', not a number", 1, true))
  end)

  it("add_constraint rejects NaN bounds and a non-list applies", function()
    clean_error(function() zp.add_constraint{ name = "x", observable = "C9_bsmumu", kind = "upper", max = 0 / 0 } end,
      "max must be a number (not NaN)")
    clean_error(function() zp.add_constraint{ name = "x", observable = "C9_bsmumu", kind = "upper", max = 1, applies = 5 } end,
      "applies must be a list of variant tags")
    clean_error(function() zp.add_constraint{ name = "x", observable = "C9_bsmumu", kind = "upper", max = 1, sigma = "a" } end,
      "sigma must be a number")
  end)

  it("m:check options and the helpers check their types", function()
    clean_error(function() m:check{ only = 5 } end, "check: only must be a constraint name or a list")
    clean_error(function() m:check{ only = { {} } } end, "check: only[1] must be a constraint name")
    clean_error(function() m:check{ constraints = 5 } end, "check: constraints must be a list")
    clean_error(function() m:check{ constraints = { 5 } } end, "check: constraints[1] must be a constraint table")
    clean_error(function() zp.constraint_needs_model(nil) end, "zp.constraint_needs_model: a constraint is a table")
    clean_error(function() zp.select_constraints("x", true) end, "zp.select_constraints: the first argument is a model")
  end)
end)

describe("zp.write_csv / zp.write_json / zp.read_json", function()
  local res = { columns = { "a", "b" }, a = { 1, 2 }, b = { 3, 4 }, n = 2 }

  it("check the options and the table they write", function()
    clean_error(function() zp.write_csv(path("w.csv"), res, 5) end, "zp.write_csv: the options must be a table")
    clean_error(function() zp.write_csv(path("w.csv"), res, { columns = 5 }) end, "columns must be a table")
    clean_error(function() zp.write_csv(path("w.csv"), res, { units = { a = {} } }) end, "units[a] must be a string")
    clean_error(function() zp.write_csv(path("w.csv"), res, { header = { {} } }) end, "header[1] must be a string")
    clean_error(function() zp.write_json(path("w.json"), { columns = { "a" }, a = { 1 }, n = "x" }) end,
      "zp.write_json: n must be a whole number of rows")
    clean_error(function() zp.write_json(path("w.json"), { columns = { "a" }, a = { 1 }, errors = 5 }) end,
      "errors must be a table")
  end)

  it("an n beyond the columns is an error, not an endless loop", function()
    clean_error(function() zp.write_csv(path("w.csv"), { columns = { "a" }, a = { 1 }, n = 1 / 0 }) end,
      "n = inf rows but the columns hold 1 values")
  end)

  it("read_json rejects tables whose fields have the wrong shape", function()
    local cases = {
      { '{"columns": [1], "data": {}}', "columns[1] is a number" },
      { '{"columns": ["a"], "data": {"a": 5}}', "data.a is a number" },
      { '{"columns": ["a"], "data": {"a": [1]}, "errors": {"x": "y"}}', "errors must map row numbers" },
      { '{"columns": ["a"], "data": {"a": [1]}, "header": [5]}', "header[1] is a number" },
      { '{"columns": ["a"], "data": {"a": [1]}, "units": 5}', "units is a number" },
      { '{"columns": ["a"], "data": {"a": [1]}, "units": {"a": []}}', "units.a is a table" },
    }
    for i, c in ipairs(cases) do
      local p = write("bad" .. i .. ".json", c[1])
      clean_error(function() zp.read_json(p) end, "zp.read_json: " .. p .. " is not a zprime table", c[2])
    end
  end)

  it("reading a directory names it (was 'attempt to index a nil value')", function()
    os.execute("mkdir -p '" .. path("dir.csv") .. "'")
    clean_error(function() zp.read_csv(path("dir.csv")) end, "zp.read_csv: cannot read " .. path("dir.csv"))
    clean_error(function() zp.read_json(path("dir.csv")) end, "zp.read_json: cannot read")
    clean_error(function() zp.wcxf_read(path("dir.csv")) end, "zp.wcxf_read: cannot read")
  end)

  it("wcxf_read reports a key given twice", function()
    local p = write("twice.yml", "eft: WET\nbasis: flavio\nscale: 1\nvalues: 3\nvalues:\n  x: 1\n")
    clean_error(function() zp.wcxf_read(p) end, "key 'values' at line 5", "given twice")
  end)
end)

describe("zprime merge", function()
  local merge = require "zprime.scan.merge"
  it("rejects JSON that is not a slice, and missing arguments", function()
    clean_error(function() merge.merge({ write("num.json", "5") }, path("o.json")) end, "is not a scan slice written by zprime")
    clean_error(function() merge.merge({ write("h.json", '{"header": [5], "columns": [], "data": {}}') }, path("o.json")) end,
      "its header holds a number")
    clean_error(function() merge.merge({ path("num.json") }, nil) end, "give the output file name")
    clean_error(function() merge.merge(nil, "x.csv") end, "no slice files given")
  end)
end)

describe("spectra and light-variant helpers", function()
  it("name their options", function()
    clean_error(function() zp.pbar_light_mediator{ mchi = 1950, mZp = 5, m_p = "x" } end, "option 'm_p' expects a number")
    clean_error(function() zp.pbar_light_mediator{ mchi = 1950, mZp = 5, table = {} } end, "option 'table' expects a PPPC table name")
    clean_error(function() zp.pbar_light_mediator{ mchi = 1950, mZp = 5, n = -1 } end, "n = -1")
    clean_error(function() zp.pbar_match{ ref = { E = { 1, 10 }, dNdE = { 1, 1 } }, mZp = 12, mchi = 5 } end,
      "zp.pbar_match: mchi must be a range { lo, hi }")
    clean_error(function() zp.cmb_feff{ m = 1800, channel = {} } end, "zp.cmb_feff: option 'channel' must be a PPPC channel name")
    clean_error(function() zp.relic_dof(-1) end, "zp.relic_dof: temperature T = -1")
  end)
end)

describe("zp.plot", function()
  local S = { { x = { 1, 2 }, y = { 1, 2 } } }
  local function plot(t) t.out = t.out or path("p.png"); return zp.plot(t) end
  it("checks key, series numbers, ranges and data options before drawing", function()
    clean_error(function() plot{ series = S, key = {} } end, "zp.plot: key must be a gnuplot key position")
    clean_error(function() plot{ series = { { x = { 1, 2 }, y = { 1, 2 }, width = "x" } } } end, "series[1].width must be a number")
    clean_error(function() plot{ series = { { hline = "x" } } } end, "series[1].hline must be a number")
    clean_error(function() plot{ series = { { region = { x = { "a", 2 }, y = { 1, 2 }, z = { { 1, 0 }, { 0, 1 } } } } } } end,
      "series[1].region.x[1] is string")
    clean_error(function() plot{ series = S, xrange = { 0 / 0, 1 } } end, "xrange must be { min, max } with two different finite")
    clean_error(function() plot{ data = { columns = { "a", "b" }, a = { 1, 2 }, b = { 3, 4 } }, x = "a", y = 5 } end,
      "y must be a column name or a list of names")
    -- messages raised deep inside the plotting code carry no position of lua/zprime/plot*.lua
    clean_error(function() plot{ series = { { x = { 1, 2 }, y = { 1, "a" } } } } end, "series y[2] is string")
    clean_error(function() plot{ data = { columns = { "a" }, a = { 1 } }, x = "a", y = "a", z = "zz" } end, "no column 'zz'")
  end)
end)

describe("zp.scan", function()
  local function spec(extra)
    local t = { model = m, over = { mZp = { 500, 600 } }, observe = { "C9_bsmumu" }, quiet = true }
    for k, v in pairs(extra or {}) do t[k] = v end
    return t
  end

  it("random axes need finite ends", function()
    clean_error(function() zp.uniform(0, 1 / 0) end, "zp.uniform(a, b) needs finite numbers")
    clean_error(function() zp.uniform(-1 / 0, 0) end, "zp.uniform(a, b) needs finite numbers")
    clean_error(function() zp.loguniform(1, 1 / 0) end, "zp.loguniform(a, b) needs finite numbers")
  end)

  it("checks jobs before forking anything", function()
    clean_error(function() zp.scan(spec{ jobs = 1e9 }) end, "zp.scan: jobs must be a whole number of worker processes from 1 to")
    clean_error(function() zp.scan(spec{ jobs = "x" }) end, "jobs must be")
    clean_error(function() zp.scan(spec{ jobs = 0 }) end, "jobs must be")
    clean_error(function() zp.scan(spec{ out = "" }) end, "zp.scan: out must be a file name")
  end)

  it("a damaged file cannot be resumed, and the message names it", function()
    local out = path("r.csv")
    zp.scan(spec{ out = out })
    local text = io.open(out):read("a")
    write("r.csv", (text:gsub("\n([^\n]*)\n$", "\n\"%1\n")))
    clean_error(function() zp.scan(spec{ out = out, resume = true }) end, "cannot resume: " .. out .. " line", "unterminated quoted field")
    local jout = path("r.json")
    zp.scan(spec{ out = jout })
    local j = io.open(jout):read("a")
    write("r.json", (j:gsub("\"data\": %b{}", "\"data\": 5")))
    clean_error(function() zp.scan(spec{ out = jout, resume = true }) end, "cannot resume: " .. jout .. " is damaged")
  end)

  it("records an observable function returning a non-number in the row", function()
    local r = zp.scan(spec{ observe = { { "s", function() return "x" end } } })
    assert.are.equal(2, r.n)
    assert.are.equal("s: returned string, not a number", r.errors[1])
  end)
end)

describe("variants", function()
  it("light_inelastic names a bad mZp (was reported as the derived g_q)", function()
    clean_error(function() zp.variants.light_inelastic{ mZp = 1 / 0, mphi = 10 } end, "light_inelastic:", "'mZp' = inf")
    clean_error(function() zp.variants.light_inelastic{ mZp = 1e6, mphi = 10 } end, "'mZp' = 1e+06")
  end)

  it("errors of m:with name it (was a bare 'with:')", function()
    clean_error(function() m:with{ mZp = -1 } end, "m:with: parameter 'mZp' = -1")
  end)
end)

describe("the command line", function()
  it("--chunk or --jobs without a value is an error, not a silent full run", function()
    local script = write("chunk.lua", 'zp.scan{ model = zp.model{}, over = { mZp = { 500, 600 } }, observe = { "C9_bsmumu" }, quiet = true }\n')
    local out, rc = run_zprime("'" .. script .. "' --chunk")
    assert.are_not.equal(0, rc)
    assert.truthy(out:find("--chunk needs a value (K/N)", 1, true), out)
  end)
end)

describe("the REPL printer", function()
  it("prints a value whose __tostring fails instead of raising from the printer", function()
    local repl = require "zprime.repl"
    local out = {}
    local old = _G.print
    _G.print = function(s) out[#out + 1] = s end
    local ok, e = pcall(repl.print_results, setmetatable({}, { __tostring = function() error({}) end }), 5)
    _G.print = old
    assert.is_true(ok, tostring(e))
    assert.truthy(out[1]:find("__tostring failed", 1, true))
    assert.truthy(out[1]:find("\t5$"))
  end)
end)

describe("data files", function()
  it("a search path pointing nowhere gives errors naming the file and the path", function()
    local old = zp.data_path()
    zp.data_path("/nonexistent-zprime-data")
    -- names no other spec loads (loaded tables are cached, whatever the path says later)
    local ok, e = pcall(zp.pppc_info, "pppc4dmid/NoSuchTable.dat")
    local ok2, e2 = pcall(zp.relic_dof, 1.0, "dof/no_such_thg.tab")
    zp.data_path(old)
    assert.is_false(ok); assert.is_false(ok2)
    assert.truthy(e:find("'pppc4dmid/NoSuchTable.dat' not found in any directory of the data search path '/nonexistent-zprime-data'", 1, true))
    assert.truthy(e2:find("zp.relic_dof: data table 'dof/no_such_thg.tab' not found", 1, true))
    assert.is_nil(e2:find("relic.lua", 1, true))
  end)

  it("a search path too long to keep is an error, not silently cut", function()
    local old = zp.data_path()
    clean_error(function() zp.data_path(string.rep("a", 5000)) end, "zp.data_path: the search path has 5000 characters")
    assert.are.equal(old, zp.data_path())
  end)
end)
