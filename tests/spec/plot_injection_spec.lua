-- zp.plot: no string that reaches a .gp file can run a command, neither while zp.plot renders
-- nor when the .gp script is re-rendered later; text starting with a quote still renders.

local dir = tmpdir()
-- markers live in a directory whose name has no character gnuplot's enhanced text escapes
-- (a path with '_' comes out as '\_' in labels and the injected command would fail anyway)
math.randomseed(os.time())
local mdir = "/tmp/zpplotinj" .. math.random(10 ^ 8)
assert(os.execute("mkdir -p " .. mdir))
local have_gnuplot = os.execute("command -v gnuplot >/dev/null 2>&1") == true
local sq = require("zprime.plot.gp").shell

local function exists(p)
  local f = io.open(p, "rb")
  if f then f:close() end
  return f ~= nil
end

local XS, YS = { 1, 2, 3 }, { 1, 4, 9 }

--- Run one attack: spec_of(marker) builds the zp.plot table; whatever zp.plot does (draw or
--- refuse), the marker file must not appear, and neither when the .gp is rendered again.
local function attack(name, spec_of)
  local marker = mdir .. "/pwned" .. name:gsub("%W", "")
  local spec = spec_of(marker)
  spec.out = spec.out or (dir .. "/" .. name .. ".png")
  local ok, r = pcall(zp.plot, spec)
  assert.is_false(exists(marker), name .. ": zp.plot ran the injected command")
  if ok and have_gnuplot then
    local gpdir, gpname = r.gp:match("^(.*)/([^/]*)$")
    os.execute("cd -- " .. sq(gpdir) .. " && gnuplot " .. sq("./" .. gpname) .. " >/dev/null 2>&1")
    assert.is_false(exists(marker), name .. ": re-rendering " .. r.gp .. " ran the injected command")
    local gp = slurp(r.gp)
    assert.is_nil(gp:find("touch", 1, true) and gp:find("\ntouch", 1, true), name .. ": a command line in the .gp")
    assert.is_nil(gp:find("\n!", 1, true), name .. ": a shell escape line in the .gp")
  end
  return ok, r
end

local function cmd(marker) return "touch " .. marker end

describe("zp.plot against command injection", function()
  teardown(function() os.execute("rm -rf " .. mdir) end)
  it("replaces newlines in title, xlabel and ylabel", function()
    for _, k in ipairs({ "title", "xlabel", "ylabel" }) do
      attack(k, function(m)
        return { [k] = "x\n!" .. cmd(m) .. "\n", series = { { x = XS, y = YS } } }
      end)
      attack(k .. "-system", function(m)
        return { [k] = "x'\nsystem('" .. cmd(m) .. "')\n#", series = { { x = XS, y = YS } } }
      end)
      attack(k .. "-cr", function(m)
        return { [k] = "x\r!" .. cmd(m) .. "\r", series = { { x = XS, y = YS } } }
      end)
    end
  end)

  it("replaces newlines in series labels, also in the .dat comments", function()
    local ok, r = attack("label", function(m)
      return { series = { { x = XS, y = YS, label = "a\n!" .. cmd(m) .. "\n" } } }
    end)
    if ok then
      for line in slurp(r.dat):gmatch("[^\n]+") do
        assert.is_truthy(line:match("^#") or line:match("^[-%d.eE+ NaIf]+$"), "stray line in .dat: " .. line)
      end
    end
  end)

  it("replaces newlines in text labels and their fonts, refuses a bad label colour", function()
    attack("labeltext", function(m)
      return { series = { { x = XS, y = YS } }, labels = { { text = "a\n!" .. cmd(m) .. "\n", x = 1, y = 1 } } }
    end)
    attack("labelfont", function(m)
      return { series = { { x = XS, y = YS } }, labels = { { text = "a", x = 1, y = 1, font = "Sans\n!" .. cmd(m) .. "\n" } } }
    end)
    local ok, err = attack("labelcolor", function(m)
      return { series = { { x = XS, y = YS } }, labels = { { text = "a", x = 1, y = 1, color = "red'\n!" .. cmd(m) } } }
    end)
    assert.is_false(ok)
    assert.is_truthy(tostring(err):find("labels[1].color", 1, true), err)
  end)

  it("refuses a colour that is not a colour", function()
    local ok, err = attack("color", function(m)
      return { series = { { x = XS, y = YS, color = "red'\n!" .. cmd(m) .. "\n#" } } }
    end)
    assert.is_false(ok)
    assert.is_truthy(tostring(err):find("series[1].color", 1, true), err)
    assert.is_truthy(tostring(err):find("is not a colour", 1, true), err)
    assert_error_matches(function() zp.plot{ out = dir .. "/c.png", series = { { x = XS, y = YS, color = 3 } } } end,
      "series[1].color must be a string")
  end)

  it("checks key against gnuplot's key words", function()
    local ok, err = attack("key", function(m)
      return { key = 'top left; system("' .. cmd(m) .. '")', series = { { x = XS, y = YS } } }
    end)
    assert.is_false(ok)
    assert.is_truthy(tostring(err):find("zp.plot: key 'left;' is not a gnuplot key word", 1, true), err)
    ok = attack("key-newline", function(m)
      return { key = "top\n!" .. cmd(m), series = { { x = XS, y = YS } } }
    end)
    assert.is_false(ok)
    if have_gnuplot then
      local r = zp.plot{ out = dir .. "/keyok.png", key = "at graph 0.1, graph 0.9 Left reverse",
                         series = { { x = XS, y = YS, label = "a" } } }
      assert.is_truthy(exists(r.image))
    end
  end)

  it("refuses control characters in the out file name and quotes the rest", function()
    local ok, err = attack("out", function(m)
      return { out = dir .. "/o\n!" .. cmd(m) .. "\n.png", series = { { x = XS, y = YS } } }
    end)
    assert.is_false(ok)
    assert.is_truthy(tostring(err):find("out must not contain control characters", 1, true), err)
    if not have_gnuplot then return end
    ok = attack("out-quote", function(m)
      return { out = dir .. "/o'; " .. cmd(m) .. "; '.png", series = { { x = XS, y = YS } } }
    end)
    assert.is_true(ok)
    assert.is_truthy(exists(dir .. "/o'; touch " .. mdir .. "/pwnedoutquote; '.png"))
  end)

  it("escapes column names and units of a JSON table", function()
    local f = dir .. "/evil.json"
    local m1, m2 = mdir .. "/pwnedjsoncol", mdir .. "/pwnedjsonunit"
    local cx, cy = "x\\n!touch " .. m1 .. "\\n", "y"
    local j = '{"columns":["' .. cx .. '","' .. cy .. '"],"units":{"' .. cx .. '":"GeV","y":"1\\n!touch '
      .. m2 .. '\\n"},"n":3,"data":{"' .. cx .. '":[1,2,3],"y":[1,4,9]}}'
    local h = assert(io.open(f, "w")); h:write(j); h:close()
    local t = zp.read_json(f)
    local ok, r = pcall(zp.plot, { data = t, x = t.columns[1], y = "y", out = dir .. "/json.png" })
    assert.is_false(exists(m1)); assert.is_false(exists(m2))
    if ok and have_gnuplot then
      os.execute("cd -- " .. sq(dir) .. " && gnuplot ./json.gp >/dev/null 2>&1")
      assert.is_false(exists(m1)); assert.is_false(exists(m2))
      assert.is_truthy(exists(r.image))
    end
  end)

  it("renders text that starts with a quote", function()
    if not have_gnuplot then pending("gnuplot is not installed") return end
    local r = zp.plot{ out = dir .. "/thooft.png", title = "'t Hooft", xlabel = "a''b'", ylabel = "'",
                       series = { { x = XS, y = YS, label = "'t Hooft-Polyakov" } } }
    assert.is_truthy(exists(r.image))
    assert.is_truthy(slurp(r.gp):find([[set title ("'" . 't Hooft')]], 1, true))
  end)

  it("runs in a directory named '-' (not $OLDPWD)", function()
    if not have_gnuplot then pending("gnuplot is not installed") return end
    local cwd_run = "cd " .. sq(dir) .. " && " .. ZP_BIN .. " -e " ..
      sq("zp.plot{ out = '-/f.png', series = { { x = {1,2}, y = {1,2} } } }") .. " 2>&1"
    local p = io.popen(cwd_run); local o = p:read("a"); local okp = p:close()
    assert.is_true(okp, o)
    assert.is_truthy(exists(dir .. "/-/f.png"), o)
  end)
end)

describe("zprime.plot.gp", function()
  local gp = require "zprime.plot.gp"
  it("quotes text as a gnuplot string expression of the same text", function()
    assert.are.equal("'abc'", gp.str("abc"))
    assert.are.equal([[('a' . "'" . 'b')]], gp.str("a'b"))
    assert.are.equal([[("'" . "'")]], gp.str("''"))
    assert.are.equal("'a b c'", gp.str("a\nb\tc"))
    assert.are.equal("'`x` @y'", gp.str("`x` @y"))
  end)
  it("accepts colours and key positions gnuplot knows and nothing else", function()
    assert.are.equal("'#1f77b4'", gp.color("#1f77b4"))
    assert.are.equal("'dark-red'", gp.color("dark-red"))
    assert.is_nil(gp.color("#12"))
    assert.is_nil(gp.color("red green"))
    assert.are.equal("top left", gp.key("top left"))
    assert.are.equal("at 0.5, 0.5 box", gp.key("at 0.5, 0.5 box"))
    assert.is_nil(gp.key("top left # x"))
    assert.is_nil(gp.key("top('x')"))
  end)
end)
