-- zp.scan: grids, lists, random sampling, filters, failures, constraints, output files, resume
-- after a kill, chunk slices + merge (byte for byte), worker processes.
local core = zp.core

local dir = tmpdir()
local m0 = zp.model{ mZp = 1000, gl = 0.05 }
local OVER = { thetaD = zp.range(-0.01, 0.01, 7), gq = zp.logrange(0.01, 1, 5) }

--- Run `zprime script args` in the background, wait until out holds more than `lines` lines
--- (or `seconds` pass), send SIGTERM; returns the exit status.  stderr goes to errfile.
local function term_when(script, args, out, errfile, lines, seconds)
  local p = io.popen("sh -c '" .. ZP_BIN .. " " .. script .. " " .. args .. " 2>" .. errfile ..
    " & echo $!; wait $!; echo rc=$?'")
  local pid = p:read("l")
  local t0 = core.now()
  repeat
    core.sleep(0.01)
    local g = io.open(out, "rb")
    local n = 0
    if g then local t = g:read("a"); g:close(); _, n = t:gsub("\n", "") end
  until n > lines or core.now() - t0 > seconds
  os.execute("kill -TERM " .. pid)
  local rest = p:read("a")
  p:close()
  return tonumber(rest:match("rc=(%d+)"))
end

describe("zp.scan grids", function()
  it("enumerates the grid in registry order, the first axis slowest", function()
    local res = zp.scan{ model = m0, over = OVER, observe = { "C9_bsmumu" }, quiet = true }
    assert.are.same({ "gq", "thetaD", "C9_bsmumu" }, res.columns)
    assert.are.same({ "gq", "thetaD" }, res.axes)
    assert.are.equal(35, res.n)
    assert.are.equal(0.01, res.gq[1]); assert.are.equal(0.01, res.gq[7]); assert.are.equal(OVER.gq[2], res.gq[8])
    assert.are.equal(-0.01, res.thetaD[1]); assert.are.equal(0.01, res.thetaD[7])
    assert.are.equal("rad", res.units.thetaD)
    -- every value equals the model evaluated directly (a second method)
    for i = 1, res.n do
      local m = m0:with{ gq = res.gq[i], thetaD = res.thetaD[i] }
      assert.are.equal(m.C9_bsmumu, res.C9_bsmumu[i])
    end
  end)

  it("keeps the order of an ordered over and accepts lists and numbers", function()
    local res = zp.scan{ model = m0, over = { { "thetaD", { 0.001, 0.002 } }, { "mZp", { 500, 900, 1300 } } },
      observe = { "CVLL_bsbs", "gq" }, quiet = true }
    assert.are.same({ "thetaD", "mZp", "CVLL_bsbs", "gq" }, res.columns)
    assert.are.same({ 500, 900, 1300, 500, 900, 1300 }, res.mZp)
    assert.are.equal("GeV", res.units.mZp); assert.are.equal("GeV^-2", res.units.CVLL_bsbs)
    local one = zp.scan{ model = m0, over = { mZp = 700, thetaD = { 0.001, 0.003 } }, observe = { "C9_bsmumu" }, quiet = true }
    assert.are.equal(2, one.n); assert.are.same({ 700, 700 }, one.mZp)
  end)

  it("runs a 3-D grid and a where filter", function()
    local res = zp.scan{ model = m0, over = { mZp = { 500, 1000 }, gq = { 0.1, 0.2, 0.3 }, thetaD = { 0.001, 0.002 } },
      observe = { "C9_bsmumu" }, where = function(p) return p.gq * p.thetaD < 5e-4 end, quiet = true }
    assert.are.equal(2 * (2 + 2 + 1), res.n)
    for i = 1, res.n do assert.is_true(res.gq[i] * res.thetaD[i] < 5e-4) end
  end)

  it("samples seeded random points reproducibly inside their ranges", function()
    local spec = { model = m0, over = { thetaD = zp.uniform(-0.01, 0.01), gq = zp.loguniform(1e-3, 1), mZp = 800 },
      samples = 200, seed = 7, observe = { "C9_bsmumu" }, quiet = true }
    local a, b = zp.scan(spec), zp.scan(spec)
    assert.are.same(a.thetaD, b.thetaD)
    local spec2 = {}
    for k, v in pairs(spec) do spec2[k] = v end
    spec2.seed = 8
    local c = zp.scan(spec2)
    assert.are_not.same(a.thetaD, c.thetaD)
    local lo, hi, decades = 0, 0, {}
    for i = 1, a.n do
      assert.is_true(a.thetaD[i] >= -0.01 and a.thetaD[i] < 0.01)
      assert.is_true(a.gq[i] >= 1e-3 and a.gq[i] < 1)
      assert.are.equal(800, a.mZp[i])
      if a.thetaD[i] < 0 then lo = lo + 1 else hi = hi + 1 end
      decades[math.floor(math.log(a.gq[i], 10))] = true
    end
    assert.is_true(lo > 60 and hi > 60)          -- uniform: both halves well populated
    assert.is_true(decades[-3] and decades[-2] and decades[-1])  -- log-uniform: every decade
  end)

  it("records a failing point with its message and goes on", function()
    local res = zp.scan{ model = m0, over = { mZp = { 500, -5, 700 } }, observe = { "C9_bsmumu" }, quiet = true }
    assert.are.equal(3, res.n)
    assert.is_nil(res.errors[1]); assert.is_nil(res.errors[3])
    assert.truthy(res.errors[2]:find("mZp", 1, true))
    assert.truthy(res.errors[2]:find("allowed range", 1, true))
    assert.is_true(res.C9_bsmumu[2] ~= res.C9_bsmumu[2])
    assert.is_true(res.C9_bsmumu[3] == res.C9_bsmumu[3])
  end)

  it("evaluates function observables and variant functions", function()
    local res = zp.scan{ model = m0, over = { gq = { 0.1, 0.2 } },
      observe = { { "gqgl", function(m) return m.gq * m.gl end, unit = "1" },
                  { "boom", function(m) if m.gq > 0.15 then error("too big") end return 1 end } }, quiet = true }
    assert.are.same({ 0.1 * 0.05, 0.2 * 0.05 }, res.gqgl)
    assert.is_nil(res.errors[1]); assert.truthy(res.errors[2]:find("boom: too big", 1, true))
    local v = zp.scan{ variant = function(p) return zp.model{ mZp = p.mZp, gq = 0.1, gl = 0.1 } end,
      over = { mZp = { 500, 1000 }, nq = { 1 } }, observe = { "C9_bsmumu", "gq" }, quiet = true }
    assert.are.equal(2, v.n)
    assert.are.equal(zp.model{ mZp = 1000, gq = 0.1, gl = 0.1 }.C9_bsmumu, v.C9_bsmumu[2])
    local bad = zp.scan{ variant = function(p) if p.x > 1 then error("no solution for x = " .. p.x) end return zp.model() end,
      over = { x = { 1, 2 } }, observe = { "C9_bsmumu" }, quiet = true }
    assert.truthy(bad.errors[2]:find("no solution for x = 2", 1, true))
  end)

  it("scans variant inputs of a model with relations (m:with re-derives)", function()
    local base = zp.model{ gq = 0.2 }
    core.meta(base, { variant = "toy", tags = { "toy" }, values = { nq = 2 },
      rederive = function(m, t)
        local nq = t.nq or m.nq
        local p = m:params()
        for k, x in pairs(t) do if k ~= "nq" then p[k] = x end end
        p.gl = p.gq / nq
        local new = zp.model(p)
        core.meta(new, { variant = "toy", tags = { "toy" }, values = { nq = nq }, rederive = core.meta(m).rederive })
        return new
      end })
    local res = zp.scan{ model = base, over = { nq = { 1, 2, 4 } }, observe = { "gl", "gq" }, quiet = true }
    assert.are.same({ 0.2, 0.1, 0.05 }, res.gl)
    assert.are.same({ 1, 2, 4 }, res.nq)
    assert.are.same({ 0.2, 0.2, 0.2 }, res.gq)
  end)
end)

describe("zp.scan constraints", function()
  it("gives pass columns equal to m:check", function()
    local m1 = zp.model{ mZp = 1000, gl = 0.5 }
    local res = zp.scan{ model = m1, over = { thetaD = zp.range(-0.02, 0.02, 9), gq = zp.logrange(0.01, 1, 7) },
      observe = { "DeltaM_s" }, constraints = true, quiet = true }
    local names = {}
    for _, c in ipairs(zp.select_constraints(m1, true)) do names[#names + 1] = c.name end
    assert.are.equal(#names, #res.constraints)
    assert.are.equal("pass", res.columns[#res.columns])
    local seen = { [0] = 0, [1] = 0 }
    for i = 1, res.n do
      local rows = m1:with{ gq = res.gq[i], thetaD = res.thetaD[i] }:check{ quiet = true }
      for k, r in ipairs(rows) do
        assert.are.equal(r.pass and 1 or 0, res[res.constraints[k]][i], r.name .. " at row " .. i)
      end
      assert.are.equal(rows.all_pass and 1 or 0, res.pass[i])
      seen[res.pass[i]] = seen[res.pass[i]] + 1
    end
    assert.is_true(seen[0] > 0 and seen[1] > 0) -- the grid crosses the allowed region
  end)

  it("follows bounds that are functions of scanned parameters", function()
    local c = { name = "toy", observable = "C9_bsmumu", kind = "upper", max = function(m) return -m.gq end }
    local res = zp.scan{ model = m0, over = { gq = { 0.1, 0.5 }, thetaD = { 0.001, 0.02 } },
      observe = { "C9_bsmumu" }, constraints = { c }, quiet = true }
    for i = 1, res.n do
      assert.are.equal(res.C9_bsmumu[i] <= -res.gq[i] and 1 or 0, res.pass_toy[i])
    end
  end)

  it("selects constraints by name and rejects unknown ones", function()
    local res = zp.scan{ model = m0, over = { thetaD = { 0.001 } }, constraints = { "b->s mu mu" }, quiet = true }
    assert.are.same({ "thetaD", "pass_b_s_mu_mu", "pass" }, res.columns)
    assert_error_matches(function() zp.scan{ model = m0, over = { thetaD = { 0 } }, constraints = { "nope" } } end,
      "no constraint named 'nope'")
  end)
end)

describe("zp.scan errors", function()
  it("names the mistake", function()
    assert_error_matches(function() zp.scan{ model = m0, ovr = OVER, observe = { "C9_bsmumu" } } end,
      "unknown option 'ovr'", "did you mean 'over'")
    assert_error_matches(function() zp.scan{ model = m0, over = { thetaDD = { 1 } }, observe = { "C9_bsmumu" } } end,
      "'thetaDD' is not a parameter", "did you mean 'thetaD'")
    assert_error_matches(function() zp.scan{ model = m0, over = OVER, observe = { "C9_bsmumuu" } } end,
      "unknown observable 'C9_bsmumuu'", "did you mean 'C9_bsmumu'")
    assert_error_matches(function() zp.scan{ model = m0, over = OVER, observe = { "C9_bsmumu_q2" } } end,
      "'C9_bsmumu_q2' takes arguments", "m:C9_bsmumu_q2(x)")
    local vm = zp.model()
    core.meta(vm, { variant = "toy", values = { nq = 2 } })
    assert_error_matches(function() zp.scan{ model = vm, over = OVER, observe = { "nqq" } } end,
      "unknown parameter or observable 'nqq'")
    assert_error_matches(function() zp.scan{ model = m0, over = { gq = {} }, observe = { "C9_bsmumu" } } end,
      "axis 'gq' must be a list of numbers")
    assert_error_matches(function() zp.scan{ model = m0, over = OVER } end, "nothing to compute")
    assert_error_matches(function() zp.scan{ model = m0, over = { gq = zp.uniform(0, 1) }, observe = { "gl" } } end,
      "need samples")
    assert_error_matches(function() zp.scan{ model = m0, over = OVER, observe = { "C9_bsmumu" }, chunk = "4/3" } end,
      "chunk must be \"K/N\"")
    assert_error_matches(function() zp.scan{ model = 3, over = OVER, observe = { "C9_bsmumu" } } end,
      "model must be a zprime model")
    assert_error_matches(function() zp.scan("x") end, "zp.scan expects a table")
    assert_error_matches(function() zp.uniform(2, 1) end, "a < b")
    assert_error_matches(function() zp.loguniform(0, 1) end, "0 < a < b")
  end)
end)

describe("zp.scan files", function()
  local spec = function(out, extra)
    local s = { model = m0, over = { thetaD = zp.range(-0.02, 0.02, 13), gq = zp.logrange(1e-3, 1, 11) },
                observe = { "C9_bsmumu", "DeltaM_s" }, constraints = true, out = out, quiet = true }
    for k, v in pairs(extra or {}) do s[k] = v end
    return s
  end

  it("writes a CSV with a header of version, model and units that zp.read_csv reads back", function()
    local out = dir .. "/full.csv"
    local res = zp.scan(spec(out))
    assert.are.equal(out, res.file)
    local text = slurp(out)
    assert.truthy(text:find("^# zprime " .. zp.version:gsub("%.", "%%.") .. " scan"))
    assert.truthy(text:find("\n# model: mZp=1000 gq=0.29 gl=0.05 ", 1, true))
    assert.truthy(text:find("DeltaM_s [ps^-1]", 1, true))
    local back = zp.read_csv(out)
    assert.are.same(res.columns, back.columns)
    assert.are.equal(res.n, back.n)
    for _, c in ipairs(res.columns) do
      assert.are.equal(res.units[c], back.units[c])
      for i = 1, res.n do assert.is_true(res[c][i] == back[c][i], c .. "[" .. i .. "]") end
    end
  end)

  it("merges K/N slices into the single-run file byte for byte", function()
    local single = slurp(dir .. "/full.csv")
    local files = {}
    for k = 1, 3 do
      local r = zp.scan(spec(dir .. "/sl.csv", { chunk = k .. "/3" }))
      files[k] = dir .. "/sl-" .. k .. "of3.csv"
      assert.are.equal(files[k], r.file)
      assert.are.equal(k .. "/3", r.chunk)
    end
    require("zprime.scan.merge").merge({ files[3], files[1], files[2] }, dir .. "/merged.csv")
    assert.are.equal(single, slurp(dir .. "/merged.csv"))
    -- the command line does the same and checks the slices
    local out, rc = run_zprime("merge " .. files[1] .. " " .. files[2] .. " " .. files[3] .. " -o " .. dir .. "/m2.csv")
    assert.are.equal(0, rc, out)
    assert.are.equal(single, slurp(dir .. "/m2.csv"))
    out, rc = run_zprime("merge " .. files[1] .. " " .. files[3] .. " -o " .. dir .. "/m3.csv")
    assert.are_not.equal(0, rc); assert.truthy(out:find("missing slice 2/3", 1, true))
    out, rc = run_zprime("merge " .. files[1] .. " " .. files[1] .. " " .. files[2] .. " " .. files[3] .. " -o " .. dir .. "/m3.csv")
    assert.are_not.equal(0, rc); assert.truthy(out:find("given twice", 1, true))
    local other = zp.scan(spec(dir .. "/ot.csv", { chunk = "2/3", observe = { "C9_bsmumu" } }))
    assert_error_matches(function() require("zprime.scan.merge").merge({ files[1], other.file, files[3] }, dir .. "/m4.csv") end,
      "different scans")
    local f = io.open(files[2], "rb"); local t = f:read("a"); f:close()
    f = io.open(dir .. "/cut-2of3.csv", "wb"); f:write(t:sub(1, #t - 20)); f:close()
    assert_error_matches(function() require("zprime.scan.merge").merge({ files[1], dir .. "/cut-2of3.csv", files[3] }, dir .. "/m4.csv") end,
      "slice 2/3", "incomplete")
  end)

  it("runs jobs = N worker processes and merges them into the single-run file", function()
    local res = zp.scan(spec(dir .. "/jobs.csv", { jobs = 3 }))
    assert.are.equal(slurp(dir .. "/full.csv"), slurp(dir .. "/jobs.csv"))
    assert.are.equal(143, res.n)
    assert.is_nil(io.open(dir .. "/jobs-1of3.csv", "r"))
    -- resuming a finished run reads it back without starting workers
    local again = zp.scan(spec(dir .. "/jobs.csv", { jobs = 3, resume = true }))
    assert.are.equal(143, again.n); assert.are.same(res.columns, again.columns)
    assert.are.same({ "gq", "thetaD" }, again.axes)
    assert.is_nil(io.open(dir .. "/jobs-1of3.csv", "r"))
    local mem = zp.scan(spec(nil, { jobs = 2 }))
    assert.are.equal(143, mem.n)
    assert.is_nil(mem.file)
  end)

  it("runs jobs = N as threads of this process: the single-run file byte for byte", function()
    -- registry observables with fixed bounds: the Figure-2 kind of scan, failing points included
    local s = { model = m0, over = { mZp = { -50, 300, 1000 }, thetaD = zp.range(-0.02, 0.02, 41), gq = zp.logrange(1e-3, 1, 37) },
                observe = { "C9_bsmumu", "DeltaM_s", "R_bsnunu" },
                constraints = { "b->s mu mu", "B_s mixing", "nu trident", "b->s nu nu" }, quiet = true }
    local setup = require "zprime.scan.setup"
    assert.is_true(setup.make_plan(zp, s).cplan:threadsafe())
    local function run(out, extra)
      local t = {}
      for k, v in pairs(s) do t[k] = v end
      for k, v in pairs(extra) do t[k] = v end
      t.out = out
      return zp.scan(t)
    end
    local one = run(dir .. "/th1.csv", { jobs = 1 })
    for _, n in ipairs({ 2, 3, 8 }) do
      local r = run(dir .. "/th" .. n .. ".csv", { jobs = n })
      assert.are.equal(slurp(dir .. "/th1.csv"), slurp(dir .. "/th" .. n .. ".csv"))
      assert.are.equal(one.n, r.n)
      assert.is_nil(io.open(dir .. "/th" .. n .. "-1of" .. n .. ".csv", "r")) -- no slices: one process
    end
    assert.truthy(slurp(dir .. "/th2.csv"):find("parameter 'mZp' = -50 GeV", 1, true))
    local back = run(dir .. "/th2.csv", { jobs = 2 })
    for i = 1, one.n, 97 do
      local a, b = one.C9_bsmumu[i], back.C9_bsmumu[i]
      assert.is_true(a == b or (a ~= a and b ~= b), "C9_bsmumu[" .. i .. "]")
    end
    -- random points and a where filter
    local rs = { model = m0, over = { mZp = zp.uniform(100, 2000), thetaD = zp.loguniform(1e-5, 0.1) }, samples = 3001,
                 seed = 5, observe = { "C9_bsmumu" }, constraints = { "b->s nu nu" }, quiet = true }
    rs.out = dir .. "/tr1.csv"; zp.scan(rs)
    rs.out, rs.jobs = dir .. "/tr2.csv", 2; zp.scan(rs)
    assert.are.equal(slurp(dir .. "/tr1.csv"), slurp(dir .. "/tr2.csv"))
    local w = { model = m0, over = { thetaD = zp.range(-0.02, 0.02, 50), gq = zp.range(0.01, 1, 60) },
                where = function(p) return p.gq * math.abs(p.thetaD) < 4e-3 end, observe = { "CVLL_bsbs" }, quiet = true }
    w.out = dir .. "/tw1.csv"; zp.scan(w)
    w.out, w.jobs = dir .. "/tw2.csv", 2; zp.scan(w)
    assert.are.equal(slurp(dir .. "/tw1.csv"), slurp(dir .. "/tw2.csv"))
  end)

  it("replaces an earlier plain file, and writes through a symbolic or hard link", function()
    local want = slurp(dir .. "/full.csv")
    local out = dir .. "/again.csv"
    local f = assert(io.open(out, "w")); f:write("old text\n"); f:close()
    zp.scan(spec(out))
    assert.are.equal(want, slurp(out))
    local target, link, hard = dir .. "/target.csv", dir .. "/link.csv", dir .. "/hard.csv"
    f = assert(io.open(target, "w")); f:write("old text\n"); f:close()
    assert.is_true(os.execute("ln -s " .. target .. " " .. link .. " && ln " .. target .. " " .. hard))
    zp.scan(spec(link))
    assert.are.equal("symbolic link", (core.file_info(link, true)))
    assert.are.equal(want, slurp(target))
    assert.are.equal(want, slurp(hard)) -- the hard link is the same file, written in place
    local kind, size, links = core.file_info(hard, true)
    assert.are.equal("file", kind); assert.are.equal(#want, size); assert.are.equal(2, links)
  end)

  it("stops jobs = N threads on SIGTERM with complete rows, and resume finishes the same file", function()
    -- Gamma(Z -> mu mu Z') integrates over phase space at every new mZp: slow enough to stop
    local script = dir .. "/slow_threads.lua"
    local f = io.open(script, "w")
    f:write([[
local out, jobs = ...
zp.scan{ model = zp.model{}, over = { mZp = zp.range(2, 80, 30), gl = { 0.01, 0.02, 0.03 } },
  observe = { "BR_Z_4mu_NP" }, constraints = { "b->s mu mu" }, out = out, resume = true, jobs = tonumber(jobs) }
]])
    f:close()
    local out = dir .. "/killed_threads.csv"
    local rc = term_when(script, out .. " 2", out, dir .. "/killed_threads.err", 12, 60) -- header and rows
    local text = slurp(out)
    assert.are.equal("\n", text:sub(-1)) -- only complete lines
    local part = zp.read_csv(out)
    if rc ~= 0 then -- stopped before the end (a fast machine may finish first)
      assert.truthy(slurp(dir .. "/killed_threads.err"):find("interrupted!", 1, true))
      assert.is_true(part.n > 0 and part.n < 90)
    end
    local o2, rc2 = run_zprime(script .. " " .. out .. " 2")
    assert.are.equal(0, rc2, o2)
    local chunk = assert(loadfile(script))
    chunk(dir .. "/unbroken_threads.csv", "1")
    assert.are.equal(slurp(dir .. "/unbroken_threads.csv"), slurp(out))
  end)

  it("resumes a cut file (partial last line) to the same bytes", function()
    local single = slurp(dir .. "/full.csv")
    local cut = dir .. "/cut.csv"
    local f = io.open(cut, "wb"); f:write(single:sub(1, #single * 2 // 3)); f:close()
    local res = zp.scan(spec(cut, { resume = true }))
    assert.are.equal(single, slurp(cut))
    assert.are.equal(143, res.n)
    assert.are.equal(zp.read_csv(cut).C9_bsmumu[5], res.C9_bsmumu[5])
    -- a complete file: nothing to compute, same result
    local again = zp.scan(spec(cut, { resume = true }))
    assert.are.equal(single, slurp(cut)); assert.are.equal(143, again.n)
    -- a file of another scan is refused, not overwritten
    assert_error_matches(function() zp.scan(spec(cut, { resume = true, observe = { "C9_bsmumu" } })) end,
      "cannot resume", "different scan")
    assert.are.equal(single, slurp(cut))
  end)

  it("writes JSON that zp.read_json reads back, and resumes it", function()
    local out = dir .. "/s.json"
    local res = zp.scan(spec(out))
    local back = zp.read_json(out)
    assert.are.same(res.columns, back.columns)
    for i = 1, res.n do assert.are.equal(res.DeltaM_s[i], back.DeltaM_s[i]) end
    assert.are.equal("ps^-1", back.units.DeltaM_s)
    local text = slurp(out)
    local again = zp.scan(spec(out, { resume = true }))
    assert.are.equal(text, slurp(out)); assert.are.equal(res.n, again.n)
  end)

  it("reads --chunk and --jobs from the script arguments", function()
    local plan = require "zprime.scan.plan"
    local saved = rawget(_G, "arg")
    _G.arg = { [0] = "s.lua", "out", "--chunk", "2/5", "--jobs=3" }
    local chunk, jobs = plan.batch_args()
    _G.arg = saved
    assert.are.equal("2/5", chunk); assert.are.equal(3, jobs)
    assert.are.same({ 0, 2 }, { plan.slice(10, 1, 5) })
    assert.are.same({ 8, 10 }, { plan.slice(10, 5, 5) })
    assert.are.equal("a/b-2of5.csv", plan.slice_path("a/b.csv", 2, 5))
  end)
end)

describe("zp.scan interrupted by a signal", function()
  it("leaves complete rows on SIGTERM, exits non-zero, and resume finishes the same file", function()
    local script = dir .. "/slow.lua"
    local f = io.open(script, "w")
    f:write([[
local out, slow = ...
zp.scan{ model = zp.model{ mZp = 1000 }, over = { thetaD = zp.range(-0.01, 0.01, 150), gq = zp.range(0.1, 0.5, 200) },
  observe = { "C9_bsmumu", { "twice_gq", function(m)
    if slow == "slow" then local s = 0 for i = 1, 20000 do s = s + i end end
    return 2 * m.gq end } },
  constraints = { "b->s mu mu", "B_s mixing" }, out = out, resume = true }
]])
    f:close()
    local out = dir .. "/killed.csv"
    -- wait until some rows are on disk, then stop the scan
    local rc = term_when(script, out .. " slow", out, dir .. "/killed.err", 20, 20)
    assert.are_not.equal(0, rc)
    assert.truthy(slurp(dir .. "/killed.err"):find("interrupted!", 1, true))
    local text = slurp(out)
    assert.are.equal("\n", text:sub(-1))            -- only complete lines
    local part = zp.read_csv(out)
    assert.is_true(part.n > 0 and part.n < 30000)
    for i = 1, part.n do assert.are.equal(2 * part.gq[i], part.twice_gq[i]) end
    -- resume with the binary, compare with an uninterrupted run of the same scan
    local o2, rc2 = run_zprime(script .. " " .. out)
    assert.are.equal(0, rc2, o2)
    local chunk = assert(loadfile(script))
    chunk(dir .. "/unbroken.csv")
    assert.are.equal(slurp(dir .. "/unbroken.csv"), slurp(out))
  end)

  it("shows no progress bar when stderr is not a terminal", function()
    local out, rc = run_zprime("-e 'zp.scan{ over = { thetaD = zp.range(0, 0.01, 3000) }, observe = { \"C9_bsmumu\" }, out = \"" ..
      dir .. "/q.csv\" }'")
    assert.are.equal(0, rc)
    assert.are.equal("", out)
  end)
end)
