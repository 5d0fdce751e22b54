-- The front door of scripts: one argument parser (zprime.cli), output folders created without a
-- shell (zprime.fs), parallel lanes (zprime.lanes) and the paper report's classification.
local fs = require "zprime.fs"
local lanes = require "zprime.lanes"
local validate = dofile(ZP_SOURCE .. "/scripts/paper/validate.lua")

local function exists(p)
  local f = io.open(p, "r")
  if f then f:close() return true end
  return false
end

describe("output folders", function()
  it("creates a folder named with quotes and semicolons literally, running nothing", function()
    local base = tmpdir()
    local evil = base .. "/o'; touch " .. base .. "/pwned; '"
    assert.are.equal(evil, fs.mkdir_p(evil))
    assert.is_false(exists(base .. "/pwned"))
    local f = assert(io.open(evil .. "/x.txt", "w")); f:close()
    -- the same through a figure script given that folder (positional and --out)
    local out, rc = run_zprime(ZP_SOURCE .. "/scripts/figures/fig6_relic_gchi.lua " .. fs.shell_quote(evil .. "/fig"))
    assert.are.equal(0, rc, out)
    assert.is_true(exists(evil .. "/fig/fig6_relic_gchi.png"))
    assert.is_false(exists(base .. "/pwned"))
    os.execute("rm -rf " .. fs.shell_quote(base))
  end)

  it("handles an apostrophe inside a nested path and creates the parents", function()
    local base = tmpdir()
    local d = base .. "/x/o'neil/out"
    local out, rc = run_zprime(ZP_SOURCE .. "/scripts/figures/fig6_relic_gchi.lua -o " .. fs.shell_quote(d))
    assert.are.equal(0, rc, out)
    assert.is_true(exists(d .. "/fig6_relic_gchi.csv"))
    os.execute("rm -rf " .. fs.shell_quote(base))
  end)

  it("a plot into '-/f.png' lands in ./-/ and not through `cd -`", function()
    local base = tmpdir()
    local out, rc = run_zprime("-e " .. fs.shell_quote(
      "zp.plot{ out = '" .. base .. "/-/f.png', series = { { x = {1, 2, 3}, y = {1, 4, 9} } } }"))
    assert.are.equal(0, rc, out)
    assert.is_true(exists(base .. "/-/f.png"))
    local p = io.popen("cd " .. fs.shell_quote(base) .. " && " .. ZP_BIN .. " -e " ..
      fs.shell_quote("zp.plot{ out = '-/g.png', series = { { x = {1, 2}, y = {1, 2} } } }") .. " 2>&1; echo rc=$?")
    out = p:read("a"); p:close()
    assert.truthy(out:find("rc=0", 1, true), out)
    assert.is_true(exists(base .. "/-/g.png"))
    assert.are.equal("'./-/x'", fs.shell_path("-/x"))
    assert.are.equal("'a'\\''b'", fs.shell_quote("a'b"))
    os.execute("rm -rf " .. fs.shell_quote(base))
  end)

  it("refuses what cannot be a folder, with a clear message", function()
    assert_error_matches(function() fs.mkdir_p("") end, "mkdir_p expects a directory name")
    assert_error_matches(function() fs.mkdir_p(5) end, "got number")
    assert_error_matches(function() fs.mkdir_p("/etc/passwd/sub") end, "cannot create directory '/etc/passwd/sub'", "Not a directory")
  end)
end)

describe("script arguments (zprime.cli)", function()
  local fig6 = ZP_SOURCE .. "/scripts/figures/fig6_relic_gchi.lua"
  local paper = ZP_SOURCE .. "/scripts/paper.lua"

  it("--help prints usage and exits 0", function()
    for _, s in ipairs({ paper, fig6, ZP_SOURCE .. "/scripts/gen_reference.lua", ZP_SOURCE .. "/scripts/bench/core.lua" }) do
      local out, rc = run_zprime(s .. " --help")
      assert.are.equal(0, rc, out)
      assert.truthy(out:find("Usage:", 1, true), out)
    end
    local out = run_zprime(paper .. " --help")
    assert.truthy(out:find("-o DIR", 1, true) and out:find("--jobs", 1, true) and out:find("OUTDIR", 1, true), out)
  end)

  it("refuses an unknown option with the usage and exit status 2", function()
    local base = tmpdir()
    for _, a in ipairs({ "--bogus", "-x", "--out", "-j 0", "a b c" }) do
      local out, rc = run_zprime(paper .. " " .. a)
      assert.are.equal(2, rc, a .. ": " .. out)
      assert.truthy(out:find("Usage: scripts/paper.lua", 1, true), out)
    end
    local out, rc = run_zprime(paper .. " " .. base .. "/a -o " .. base .. "/b")
    assert.are.equal(2, rc, out)
    assert.truthy(out:find("give the output folder once", 1, true), out)
    out, rc = run_zprime(ZP_SOURCE .. "/scripts/figures/heavy_benchmarks.lua " .. base .. " sideways")
    assert.are.equal(2, rc, out)
    assert.truthy(out:find("argument 'propagator' must be one of 'full', 'contact'", 1, true), out)
    out, rc = run_zprime(ZP_SOURCE .. "/scripts/bench/core.lua 1.5")
    assert.are.equal(2, rc, out)
    assert.truthy(out:find("expected a whole number >= 1, got '1.5'", 1, true), out)
    os.execute("rm -rf " .. fs.shell_quote(base))
  end)

  it("OUTDIR, -o DIR and --out=DIR all name the output folder", function()
    local base = tmpdir()
    for i, form in ipairs({ "%s", "-o %s", "--out=%s" }) do
      local d = base .. "/f" .. i
      local out, rc = run_zprime(fig6 .. " " .. string.format(form, d))
      assert.are.equal(0, rc, out)
      assert.is_true(exists(d .. "/fig6_relic_gchi.csv"), form)
    end
    os.execute("rm -rf " .. fs.shell_quote(base))
  end)

  it("parses in-process, with the exit replaced", function()
    local cli = require "zprime.cli"
    local codes = {}
    local saved = cli.exit
    cli.exit = function(c) codes[#codes + 1] = c end
    local p = cli.parser("t.lua", "test")
    p:option("-n", "count", "3", cli.count)
    assert.are.equal(3, cli.parse(p, {}).n)
    assert.are.equal(7, cli.parse(p, { "-n", "7" }).n)
    local olderr = io.stderr
    io.stderr = io.open("/dev/null", "w")
    local ok = pcall(cli.parse, p, { "-q" })
    io.stderr:close(); io.stderr = olderr
    cli.exit = saved
    assert.is_false(ok)
    assert.are.same({ 2 }, codes)
    assert.is_nil(cli.count("0")); assert.is_nil(cli.count("x")); assert.are.equal(4, cli.count("4"))
    assert.is_nil(cli.number("nan")); assert.is_nil(cli.number("inf")); assert.are.equal(-2.5, cli.number("-2.5"))
  end)
end)

describe("one parser, no shell for folders", function()
  it("every script in scripts/ reads its arguments through zprime.cli and makes folders without a shell", function()
    local p = io.popen("cd " .. fs.shell_quote(ZP_SOURCE) .. " && find scripts examples -name '*.lua' | sort")
    local bad = {}
    for file in p:lines() do
      local text = slurp(ZP_SOURCE .. "/" .. file)
      local code = text:gsub("%-%-[^\n]*", "") -- comments may show usage lines
      local function flag(why) bad[#bad + 1] = file .. ": " .. why end
      if file:find("^scripts/") then
        if code:find("arg%s*%[%s*[1-9]") or code:find("tonumber%s*%(%s*%(%.%.%.%)") or code:find("select%s*%(%s*1%s*,%s*%.%.%.") then
          flag("reads its arguments by hand; use require('zprime.cli')")
        end
        if code:find("require%s*%(?%s*[\"']argparse[\"']") then flag("uses argparse directly; use require('zprime.cli')") end
      end
      if code:find("mkdir %-p") then flag("creates a folder through the shell; use require('zprime.fs').mkdir_p") end
    end
    p:close()
    assert.are.same({}, bad)
  end)
end)

describe("zprime --help", function()
  it("names the main job, the examples, the docs and the environment variables", function()
    local out, rc = run_zprime("--help")
    assert.are.equal(0, rc)
    for _, w in ipairs({ "scripts/paper.lua out", "examples/01_first_steps.lua", "docs/guide.md", "docs/reference.md",
                         "README.md", "ZPRIME_DATA", "ZPRIME_HISTORY", "ZPRIME_JOBS", "ZPRIME_GNUPLOT" }) do
      assert.truthy(out:find(w, 1, true), "--help does not mention " .. w)
    end
  end)
end)

describe("parallel lanes (zprime.lanes)", function()
  it("runs every step, logs each, reports in list order with exit codes", function()
    local base = tmpdir()
    local steps = {
      { argv = { "sh", "-c", "sleep 0.2; echo slow" }, log = base .. "/1.txt" },
      { argv = { "sh", "-c", "echo fast; echo oops >&2; exit 3" }, log = base .. "/2.txt" },
      { argv = { "/nonexistent/zprime-program" }, log = base .. "/3.txt" },
      { argv = { "sh", "-c", "echo ${ZPRIME_TEST-unset}" }, log = base .. "/4.txt" },
    }
    local done = {}
    local res = lanes.run(steps, { jobs = 2, unset = { "ZPRIME_TEST" }, on_done = function(i) done[#done + 1] = i end })
    assert.are.equal(0, res[1].code)
    assert.are.equal(3, res[2].code)
    assert.are.equal(127, res[3].code)
    assert.truthy(res[3].error:find("cannot start '/nonexistent/zprime-program'", 1, true))
    assert.are.equal(0, res[4].code)
    assert.are.equal("slow\n", slurp(base .. "/1.txt"))
    assert.are.equal("fast\noops\n", slurp(base .. "/2.txt"))
    assert.are.equal("unset\n", slurp(base .. "/4.txt"))
    assert.are.equal(4, #done)
    assert.is_true(res[1].seconds >= 0.15)
    assert.are_not.equal(1, done[1]) -- the slow first step finished after a later one: lanes overlap
    assert_error_matches(function() lanes.run(steps, { jobs = 0 }) end, "jobs must be a whole number >= 1")
    local bad = lanes.run({ { argv = { "true" }, log = base .. "/no/such/dir/log.txt" } })
    assert.are.equal(127, bad[1].code)
    assert.truthy(bad[1].error:find("cannot write the log '" .. base .. "/no/such/dir/log.txt'", 1, true), bad[1].error)
    -- work in this process while the lanes run; its error is returned, the lanes still finish
    local polled = 0
    local res2, ok, err = lanes.run({ steps[1], steps[2] }, { jobs = 1, meanwhile = function(poll)
      for _ = 1, 40 do poll(); polled = polled + 1; require("zprime.core").sleep(0.01) end
      error("in-process failure")
    end })
    assert.is_false(ok)
    assert.truthy(tostring(err):find("in-process failure", 1, true))
    assert.are.equal(40, polled)
    assert.are.equal(0, res2[1].code)
    assert.are.equal(3, res2[2].code)
    os.execute("rm -rf " .. fs.shell_quote(base))
  end)
end)

describe("paper report classification", function()
  it("counts significant digits as printed", function()
    assert.are.equal(2, validate.sig_digits("0.00028"))
    assert.are.equal(2, validate.sig_digits("1.9e-26"))
    assert.are.equal(6, validate.sig_digits("4.81193"))
    assert.are.equal(1, validate.sig_digits("10000"))
    assert.are.equal(1, validate.sig_digits("0.05"))
    assert.are.equal(3, validate.sig_digits("12.8"))
  end)

  it("a tolerance wider than the printed digits reads 'differs (explained)', never 'ok'", function()
    local fig1 = { paper = 0.05, factor = 2, note = "width" }
    assert.are.equal("differs (explained)", (validate.classify(fig1, 0.027)))
    local vmin = { paper = 1e3, factor = 3, note = "order of magnitude" }
    assert.are.equal("differs (explained)", (validate.classify(vmin, 1537)))
    local br = { paper = 1e-3, rel = 0.5, note = "estimate" }
    assert.are.equal("differs (explained)", (validate.classify(br, 8.67e-4)))
    assert.are.equal("ok", (validate.classify(br, 1.04e-3)))
    assert.are.equal("differs (no reason)", (validate.classify({ paper = 1e-3, rel = 0.5 }, 8.67e-4)))
    assert.are.equal("ok", (validate.classify({ paper = 0.00028, abs = 5e-6 }, 0.000284)))
    assert.are.equal("DRIFT", (validate.classify({ paper = 0.00028, abs = 5e-6 }, 0.000286)))
    assert.are.equal("DRIFT", (validate.classify(fig1, 0.02)))
    assert.are.equal("differs (newer data)", (validate.classify({ paper = 390, rel = 0.05, differs = "newer data",
      note = "139 fb^-1" }, 1100)))
    assert.are.equal("DRIFT", (validate.classify({ paper = 390, rel = 0.05, differs = "newer data" }, 1100)))
    assert.are.equal("ERROR", (validate.classify(fig1, nil)))
    assert.are.equal("ERROR", (validate.classify(fig1, 0 / 0)))
    assert.are.equal("differs (explained)", (validate.classify({ paper = 0.25, rel = 0.02, formula = true, note = "n" }, 0.2501)))
  end)

  it("says every printed number was reproduced only when it was", function()
    local rows, c = validate.run({
      { paper = 2, abs = 0.5, zprime = function() return 2.2 end },
      { paper = 0.05, factor = 2, note = "why", zprime = function() return 0.03 end },
    })
    assert.are.equal(2, #rows)
    assert.is_true(validate.passed(c))
    assert.truthy(validate.summary(c)[1]:find("^Every printed number was reproduced: 2 of 2 recomputed in this run, 1 to the printed digits and 1"))
    rows, c = validate.run({
      { paper = 2, abs = 0.5, zprime = function() return 2.2 end },
      { paper = 3, abs = 0.5, zprime = function() error("no table") end },
    })
    assert.are.equal("ERROR", rows[2].status)
    assert.truthy(rows[2].err:find("no table", 1, true))
    assert.is_false(validate.passed(c))
    assert.truthy(validate.summary(c)[1]:find("^NOT every printed number was reproduced: of 2, 1 could not be computed; of the 1 recomputed"))
  end)
end)
