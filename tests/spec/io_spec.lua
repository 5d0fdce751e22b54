-- zp.read_csv / zp.write_csv / zp.read_json / zp.write_json and the number format they share.
local core = zp.core

local function tmp(name) return tmpdir() .. "/" .. name end

describe("number format", function()
  it("writes the shortest text that reads back exactly (printf %.15g/%.16g/%.17g)", function()
    local function ref(x)
      for p = 15, 17 do
        local s = string.format("%." .. p .. "g", x)
        if tonumber(s) == x or p == 17 then return s end
      end
    end
    local vals = { 0.1, 0.3, 1 / 3, 1e-5, 123456.789, 1e16, 1e20, 0.30000000000000004, -0.004999999999999999,
                   5e-324, 1.7976931348623157e308, 17.38415775239696, 9.9999e-5, 2 ^ 53 + 2, -1e-300 }
    for i = 1, 2000 do vals[#vals + 1] = (i % 7 - 3) * math.exp(math.sin(i) * 40) end
    for _, x in ipairs(vals) do
      local s = core.fmt_num(x)
      assert.are.equal(x, tonumber(s), s)
      if x ~= math.floor(x) or math.abs(x) >= 1e15 then assert.are.equal(ref(x), s) end
    end
    assert.are.equal("600", core.fmt_num(600)); assert.are.equal("-0", core.fmt_num(-0.0))
    assert.are.equal("nan", core.fmt_num(0 / 0)); assert.are.equal("-inf", core.fmt_num(-math.huge))
    assert.are.equal("1,0.5,nan,1,0", core.fmt_row({ 1, 0.5, nil, true, false }, 5))
  end)
end)

describe("zp.write_csv / zp.read_csv", function()
  it("round-trips columns, units, NaN, infinities, quoted text and failed rows", function()
    local path = tmp("t.csv")
    local t = { columns = { "mZp", "sigma", "note" }, units = { mZp = "GeV", sigma = "cm^2" },
                mZp = { 100, 200.5, 300 }, sigma = { 1e-45, 0 / 0, math.huge }, note = { "a", "b, with comma", 'say "hi"' },
                errors = { [2] = "sigma: no solution, try again" } }
    assert.are.equal(path, zp.write_csv(path, t))
    local text = slurp(path)
    assert.truthy(text:find("# units: mZp [GeV], sigma [cm^2], note [1]\nmZp,sigma,note,error\n", 1, true))
    assert.truthy(text:find('200.5,nan,"b, with comma","sigma: no solution, try again"', 1, true))
    local r = zp.read_csv(path)
    assert.are.same({ "mZp", "sigma", "note" }, r.columns)
    assert.are.equal("GeV", r.units.mZp); assert.are.equal("cm^2", r.units.sigma); assert.are.equal("1", r.units.note)
    assert.are.same({ 100, 200.5, 300 }, r.mZp)
    assert.are.equal(1e-45, r.sigma[1]); assert.is_true(r.sigma[2] ~= r.sigma[2]); assert.are.equal(math.huge, r.sigma[3])
    assert.are.same({ "a", "b, with comma", 'say "hi"' }, r.note)
    assert.are.equal("sigma: no solution, try again", r.errors[2]); assert.is_nil(r.errors[1])
    assert.are.equal(3, r.n)
    assert.are.equal("zprime " .. zp.version .. " table", r.header[1]:sub(3))
    -- table first works too, and writing what was read gives the same bytes
    zp.write_csv(r, path .. "2")
    assert.are.equal(text, slurp(path .. "2"))
    assert.truthy(tostring(r):find("3 rows x 3 columns", 1, true))
    local row = r:row(2)
    assert.are.equal(200.5, row.mZp); assert.are.equal("b, with comma", row.note)
    assert.are.equal("sigma: no solution, try again", row.error)
  end)

  it("writes a plain table of arrays (columns sorted) and reads a foreign CSV", function()
    local path = tmp("p.csv")
    zp.write_csv(path, { y = { 1, 2 }, x = { 3, 4 } }, { units = { x = "GeV" }, header = "Figure 1 numbers" })
    local r = zp.read_csv(path)
    assert.are.same({ "x", "y" }, r.columns)
    assert.are.equal("GeV", r.units.x)
    assert.are.equal("# Figure 1 numbers", r.header[1])
    local f = io.open(path, "w"); f:write("a,b\r\n1,x\r\n2.5,\r\n"); f:close()
    r = zp.read_csv(path)
    assert.are.same({ 1, 2.5 }, r.a); assert.are.equal("x", r.b[1]); assert.is_true(r.b[2] ~= r.b[2])
  end)

  it("names the problem with a file", function()
    assert_error_matches(function() zp.read_csv("/no/such/file.csv") end, "zp.read_csv: cannot open", "/no/such/file.csv")
    local path = tmp("bad.csv")
    local f = io.open(path, "w"); f:write("a,b\n1,2,3\n"); f:close()
    assert_error_matches(function() zp.read_csv(path) end, "bad.csv:2: 3 fields, expected 2")
    f = io.open(path, "w"); f:write("# only comments\n"); f:close()
    assert_error_matches(function() zp.read_csv(path) end, "no column names")
    assert_error_matches(function() zp.write_csv(path, { a = { 1, 2 }, b = { 1 } }) end, "has 1 values")
    assert_error_matches(function() zp.write_csv(path, 3) end, "expects (path, table)")
    assert_error_matches(function() zp.write_csv("/no/such/dir/x.csv", { a = { 1 } }) end, "cannot write")
  end)
end)

describe("zp.write_json / zp.read_json", function()
  it("round-trips columns, units and errors; NaN becomes null", function()
    local path = tmp("t.json")
    zp.write_json(path, { columns = { "x", "s" }, units = { x = "GeV" }, x = { 1.5, 0 / 0 }, s = { "a\n\"b\"", "c" },
                          errors = { [2] = "x: failed" } })
    local text = slurp(path)
    assert.truthy(text:find('"x": [1.5, null]', 1, true))
    local r = zp.read_json(path)
    assert.are.same({ "x", "s" }, r.columns)
    assert.are.equal(1.5, r.x[1]); assert.is_true(r.x[2] ~= r.x[2])
    assert.are.equal("a\n\"b\"", r.s[1]); assert.are.equal("GeV", r.units.x)
    assert.are.equal("x: failed", r.errors[2]); assert.are.equal(2, r.n)
    assert_error_matches(function() zp.read_json("/no/such.json") end, "cannot open")
    local f = io.open(path, "w"); f:write('{"columns": [1, 2'); f:close()
    assert_error_matches(function() zp.read_json(path) end, "zp.read_json", "Expected comma or array end")
    f = io.open(path, "w"); f:write('{"a": 1}'); f:close()
    assert_error_matches(function() zp.read_json(path) end, "not a zprime table")
  end)
end)
