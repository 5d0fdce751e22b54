-- Scans and merge: nothing lost, nothing duplicated, nothing wrong accepted.  Each case
-- reproduces a way a scan file can go wrong (an interrupt during a slow write, a zeroed page,
-- malformed or foreign rows, over-full slices) and checks that resume and `zprime merge` refuse
-- it with a message naming slice, row and column, or repair it to the bytes of a clean run.
local merge = require "zprime.scan.merge"

local dir = tmpdir()
local m0 = zp.model{ mZp = 1000, gl = 0.05 }

local function spec(out, extra)
  local s = { model = m0, over = { thetaD = zp.range(-0.02, 0.02, 13), gq = zp.logrange(1e-3, 1, 11) },
              observe = { "C9_bsmumu" }, constraints = { "b->s mu mu", "B_s mixing" }, out = out, quiet = true }
  for k, v in pairs(extra or {}) do s[k] = v end
  return s
end

local function write(path, text)
  local f = assert(io.open(path, "wb")); f:write(text); f:close()
end

--- header, rows (array of lines with their "\n") of a CSV file
local function split_rows(text)
  local pos, head = 1, {}
  while text:sub(pos, pos) == "#" do
    local e = text:find("\n", pos, true); head[#head + 1] = text:sub(pos, e); pos = e + 1
  end
  local e = text:find("\n", pos, true); head[#head + 1] = text:sub(pos, e); pos = e + 1
  local rows = {}
  for l in text:sub(pos):gmatch("[^\n]*\n") do rows[#rows + 1] = l end
  return table.concat(head), rows
end

local single, slices = nil, {}
setup(function()
  zp.scan(spec(dir .. "/full.csv"))
  single = slurp(dir .. "/full.csv")
  for k = 1, 3 do
    zp.scan(spec(dir .. "/s.csv", { chunk = k .. "/3" }))
    slices[k] = slurp(dir .. "/s-" .. k .. "of3.csv")
  end
end)

--- Write slices (texts) as files of a fresh set; returns their paths.
local set = 0
local function slice_files(texts)
  set = set + 1
  local paths = {}
  for k, t in ipairs(texts) do
    paths[k] = dir .. "/set" .. set .. "-" .. k .. "of3.csv"
    write(paths[k], t)
  end
  return paths
end

local function merge_error(texts, ...)
  local paths = slice_files(texts)
  return assert_error_matches(function() merge.merge(paths, dir .. "/out" .. set .. ".csv") end, ...)
end

--- io.open that, for files matching pattern, raises "interrupted!" as its n-th write returns
--- (as the Lua hook does after a slow write interrupted by Ctrl-C).  Returns the restore function.
local function interrupting_open(pattern, n)
  local real_open = io.open
  io.open = function(path, mode)
    local f, e = real_open(path, mode)
    if not f or not tostring(path):match(pattern) or mode ~= "ab" and mode ~= "wb" then return f, e end
    local writes = 0
    return setmetatable({}, { __index = function(_, k)
      if k == "write" then
        return function(_, ...)
          f:write(...)
          writes = writes + 1
          if writes == n then error("interrupted!", 0) end
          return f
        end
      end
      return function(_, ...) return f[k](f, ...) end
    end })
  end
  return function() io.open = real_open end
end

describe("an interrupt during a slow batch write", function()
  it("never writes a row twice, and resume finishes the file to the same bytes", function()
    local restore = interrupting_open("slow%.csv$", 2)
    local out = dir .. "/slow.csv"
    local ok, err = pcall(zp.scan, spec(out))
    restore()
    assert.is_false(ok)
    assert.truthy(tostring(err):find("interrupted!", 1, true))
    local head, rows = split_rows(slurp(out))
    local _, want = split_rows(single)
    assert.is_true(#rows < #want)
    for i, r in ipairs(rows) do assert.are.equal(want[i], r, "row " .. i) end
    zp.scan(spec(out, { resume = true }))
    assert.are.equal(single, slurp(out))
    assert.truthy(head)
  end)

  it("the per-point path (a slow function observable) clears its batch before writing", function()
    -- rows are batched and written every 0.25 s; the interrupt lands in the first batch write
    local s = function(out, extra)
      local t = spec(out, extra)
      t.over = { thetaD = zp.range(-0.02, 0.02, 5), gq = zp.logrange(1e-3, 1, 4) }
      t.observe = { "C9_bsmumu", { "twice", function(m) zp.core.sleep(0.02); return 2 * m.C9_bsmumu end } }
      return t
    end
    zp.scan(s(dir .. "/fn-full.csv"))
    local restore = interrupting_open("fn%-slow%.csv$", 2)
    local ok = pcall(zp.scan, s(dir .. "/fn-slow.csv"))
    restore()
    assert.is_false(ok)
    local _, rows = split_rows(slurp(dir .. "/fn-slow.csv"))
    local _, want = split_rows(slurp(dir .. "/fn-full.csv"))
    assert.is_true(#rows > 0 and #rows < #want, #rows .. " rows")
    for i, r in ipairs(rows) do assert.are.equal(want[i], r, "row " .. i) end
    zp.scan(s(dir .. "/fn-slow.csv", { resume = true }))
    assert.are.equal(slurp(dir .. "/fn-full.csv"), slurp(dir .. "/fn-slow.csv"))
  end)
end)

describe("resume checks every row", function()
  it("drops rows written twice (axis values of other points) and computes them again", function()
    local head, rows = split_rows(single)
    local dup = { head }
    for i = 1, 40 do dup[#dup + 1] = rows[i] end
    for i = 31, 40 do dup[#dup + 1] = rows[i] end -- the batch written a second time
    for i = 41, 60 do dup[#dup + 1] = rows[i] end
    local out = dir .. "/dup.csv"
    write(out, table.concat(dup))
    local res = zp.scan(spec(out, { resume = true }))
    assert.are.equal(single, slurp(out))
    assert.are.equal(143, res.n)
  end)

  it("refuses a zeroed 4 KiB page in the middle of the file", function()
    local big = spec(dir .. "/zero.csv", { over = { thetaD = zp.range(-0.02, 0.02, 60), gq = zp.logrange(1e-3, 1, 40) } })
    zp.scan(big)
    local text = slurp(dir .. "/zero.csv")
    local at = 8192
    write(dir .. "/zero.csv", text:sub(1, at) .. string.rep("\0", 4096) .. text:sub(at + 4097))
    big.resume = true
    assert_error_matches(function() zp.scan(big) end, "cannot resume", "zero.csv line", "NUL bytes", "damaged")
  end)

  it("keeps the verified rows of an over-full slice and finishes it", function()
    local head, rows = split_rows(slices[2])
    local _, rows3 = split_rows(slices[3])
    local out = dir .. "/of.csv"
    local path = dir .. "/of-2of3.csv"
    write(path, head .. table.concat(rows) .. rows3[1] .. rows3[2])
    assert_error_matches(function() merge.merge({ dir .. "/x1", path }, dir .. "/o.csv") end)
    local res = zp.scan(spec(out, { chunk = "2/3", resume = true }))
    assert.are.equal(slices[2], slurp(path))
    assert.are.equal(#rows, res.n)
  end)
end)

describe("zprime merge refuses", function()
  local function with_rows(k, edit)
    local texts = { slices[1], slices[2], slices[3] }
    local head, rows = split_rows(texts[k])
    edit(rows)
    texts[k] = head .. table.concat(rows)
    return texts
  end

  it("accepts the intact slices (byte for byte the single run)", function()
    local paths = slice_files(slices)
    merge.merge(paths, dir .. "/ok.csv")
    assert.are.equal(single, slurp(dir .. "/ok.csv"))
  end)

  it("a row with a field missing", function()
    merge_error(with_rows(2, function(r) r[5] = r[5]:gsub("^[^,]*,", "") end), "slice 2/3", "row 5", "column")
  end)

  it("an empty line, a text row and a comment line", function()
    merge_error(with_rows(1, function(r) table.insert(r, 3, "\n"); table.remove(r) end), "slice 1/3", "row 3", "empty line")
    merge_error(with_rows(1, function(r) r[4] = r[4]:gsub("^[^,]*", "abc") end), "slice 1/3", "row 4", "column gq", "'abc', not a number")
    merge_error(with_rows(3, function(r) table.insert(r, 2, "# note\n"); table.remove(r) end), "slice 3/3", "row 2", "comment line")
  end)

  it("a slice whose body is another slice's rows", function()
    local h2 = split_rows(slices[2])
    local _, r1 = split_rows(slices[1])
    local _, r2 = split_rows(slices[2])
    local body = {}
    for i = 1, #r2 do body[i] = r1[i] end
    merge_error({ slices[1], h2 .. table.concat(body), slices[3] }, "slice 2/3", "row 1", "column", "duplicated or out of place")
  end)

  it("a zeroed page and a changed axis value", function()
    merge_error(with_rows(2, function(r) r[7] = string.rep("\0", #r[7] - 1) .. "\n" end), "slice 2/3", "row 7", "NUL bytes")
    merge_error(with_rows(3, function(r) r[3] = r[3]:gsub("^([^,]*),[^,]*", "%1,0.123") end), "slice 3/3", "row 3", "column thetaD")
  end)

  it("an over-full slice, naming slice, row and column", function()
    local _, r3 = split_rows(slices[3])
    local texts = with_rows(2, function(r) r[#r + 1] = r3[1] end)
    merge_error(texts, "slice 2/3", "over-full", "row " .. 48 + 1)
  end)

  it("extra slices 4/3 and 0/3", function()
    local t4 = slices[3]:gsub("# chunk: 3/3, rows (%d+)%-(%d+)", "# chunk: 4/3, rows %1-%2")
    merge_error({ slices[1], slices[2], slices[3], t4 }, "slice 4/3", "does not exist")
    local t0 = slices[1]:gsub("# chunk: 1/3", "# chunk: 0/3")
    merge_error({ t0, slices[1], slices[2], slices[3] }, "slice 0/3", "does not exist")
  end)

  it("units that differ", function()
    local t = slices[2]:gsub("C9_bsmumu %[1%]", "C9_bsmumu [GeV]")
    merge_error({ slices[1], t, slices[3] }, "different scans", "units")
  end)

  it("-o equal to an input, however it is spelled", function()
    local paths = slice_files(slices)
    local rel = paths[3]:gsub("^(.*)/([^/]*)$", "%1/./%2")
    assert_error_matches(function() merge.merge(paths, rel) end, "is also the input")
    assert.are.equal(slices[3], slurp(paths[3]))
    local out, rc = run_zprime("merge " .. paths[1] .. " " .. paths[2] .. " " .. paths[3] .. " -o " .. rel)
    assert.are_not.equal(0, rc)
    assert.truthy(out:find("is also the input", 1, true), out)
  end)

  it("JSON columns of the wrong length, non-numbers and error rows outside the slice", function()
    local js = {}
    for k = 1, 3 do
      zp.scan(spec(dir .. "/j.json", { chunk = k .. "/3" }))
      js[k] = slurp(dir .. "/j-" .. k .. "of3.json")
    end
    local function jerr(k, text, ...)
      local paths = {}
      for i = 1, 3 do
        paths[i] = dir .. "/jset-" .. i .. "of3.json"
        write(paths[i], i == k and text or js[i])
      end
      return assert_error_matches(function() merge.merge(paths, dir .. "/jout.json") end, ...)
    end
    local paths = {}
    for i = 1, 3 do paths[i] = dir .. "/jok-" .. i .. "of3.json"; write(paths[i], js[i]) end
    merge.merge(paths, dir .. "/jok.json")
    zp.scan(spec(dir .. "/jfull.json"))
    assert.are.equal(slurp(dir .. "/jfull.json"), slurp(dir .. "/jok.json"))
    jerr(2, (js[2]:gsub('"C9_bsmumu": %[([^,%]]*),', '"C9_bsmumu": [', 1)), "slice 2/3", "column C9_bsmumu", "values for")
    jerr(2, (js[2]:gsub('"C9_bsmumu": %[([^,%]]*),', '"C9_bsmumu": ["x",', 1)), "slice 2/3", "row 1", "column C9_bsmumu", "not a number")
    jerr(1, (js[1]:gsub('"errors": {}', '"errors": {"999": "boom"}')), "slice 1/3", "row 999", "outside")
    jerr(3, (js[3]:gsub('"C9_bsmumu": "1"', '"C9_bsmumu": "GeV"')), "different scans", "units")
    jerr(2, (js[2]:gsub('"thetaD": %[([^,%]]*),', '"thetaD": [0.5,', 1)), "slice 2/3", "column thetaD", "duplicated or out of place")
  end)
end)

describe("the Lua edge", function()
  it("range-checks 64-bit parameter indices before narrowing them", function()
    local out = {}
    assert_error_matches(function() zp.core.scan_eval(m0, { 2 ^ 32 | 0 }, { 5 }, {}, out) end, "pidx[1]", "not a parameter index")
    assert_error_matches(function() zp.core.scan_eval(m0, { -1 }, { 5 }, {}, out) end, "not a parameter index")
    assert_error_matches(function() zp.core.scan_plan{ model = m0, axes = { { param = 2 ^ 32 | 0, values = { 1 } } },
      codes = {}, obs_slot = {}, tests = {} } end, "param must be an integer from 0")
  end)

  it("generates the same points in C as the Lua plan (grid, random, where)", function()
    local setup = require "zprime.scan.setup"
    for _, s in ipairs({
      spec(nil),
      spec(nil, { over = { mZp = zp.uniform(100, 2000), thetaD = zp.loguniform(1e-5, 0.1) }, samples = 50, seed = -7 }),
      spec(nil, { where = function(p) return p.gq * 1e3 > p.thetaD * 1e4 end }),
    }) do
      local p = setup.make_plan(zp, s)
      local vals = {}
      for r = 1, p.npoints do
        p.fill(p.kept and p.kept[r] or r - 1, vals)
        local c = p.cplan:point(r - 1)
        for k = 1, #vals do assert.is_true(vals[k] == c[k], "row " .. r .. " axis " .. k) end
      end
    end
  end)
end)

describe("resume of a JSON scan", function()
  it("drops rows of other points and refuses non-numbers", function()
    local out = dir .. "/r.json"
    zp.scan(spec(out))
    local full = slurp(out)
    -- thetaD of row 3 replaced by row 1's: rows 3.. are computed again, same bytes
    local t, hits = full:gsub('"thetaD": %[([^,]*), ([^,]*), ([^,]*),', '"thetaD": [%1, %2, %1,', 1)
    assert.are.equal(1, hits)
    assert.are_not.equal(full, t)
    write(out, t)
    zp.scan(spec(out, { resume = true }))
    assert.are.equal(full, slurp(out))
    write(out, (full:gsub('"C9_bsmumu": %[([^,]*),', '"C9_bsmumu": ["x",', 1)))
    assert_error_matches(function() zp.scan(spec(out, { resume = true })) end, "cannot resume", "row 1, column C9_bsmumu", "not a number")
  end)
end)

describe("the block path in C", function()
  it("writes the same bytes as the point-by-point path (grid with failing points, random, where, chunks)", function()
    local setup = require "zprime.scan.setup"
    local function both(s, name)
      s.quiet = true
      s.out = dir .. "/blk-" .. name .. ".csv"
      local r1 = zp.scan(s)
      local make = setup.make_plan
      setup.make_plan = function(...)
        local p = make(...)
        assert.is_true(p.block, name .. " takes the block path")
        p.block = false
        return p
      end
      s.out = dir .. "/pt-" .. name .. ".csv"
      local ok, r2 = pcall(zp.scan, s)
      setup.make_plan = make
      assert.is_true(ok, tostring(r2))
      assert.are.equal(slurp(r2.file), (slurp(r1.file)))
      assert.are.equal(r1.n, r2.n)
      for _, c in ipairs(r1.columns) do
        for i = 1, r1.n do assert.is_true(r1[c][i] == r2[c][i] or r1[c][i] ~= r1[c][i], c .. i) end
      end
      assert.are.same(r1.errors, r2.errors)
    end
    local m = zp.model{ mZp = 600 }
    both({ model = m, over = { mZp = zp.range(-100, 1500, 17), gq = zp.logrange(1e-4, 2, 9) },
           observe = { "C9_bsmumu", "DeltaM_s", "mchi", "a_mu_Zp" }, constraints = { "b->s mu mu", "B_s mixing", "nu trident" } }, "grid")
    both({ model = m, over = { mZp = zp.uniform(100, 2000), thetaD = zp.loguniform(1e-5, 0.1) }, samples = 200, seed = 11,
           observe = { "C9_bsmumu" }, constraints = { "b->s nu nu" } }, "random")
    both({ model = m, over = { mZp = zp.range(200, 1500, 20), gq = zp.range(0.01, 0.1, 10) },
           where = function(p) return p.mZp * p.gq < 50 end, observe = { "CVLL_bsbs" } }, "where")
    both({ model = m, over = { gq = zp.logrange(1e-3, 1, 30) }, observe = { "R_trident" }, chunk = "2/3" }, "chunk")
  end)
end)

describe("the header's checksum", function()
  it("is the same from the C plan's axis text as from the values formatted in Lua", function()
    local setup, plan = require "zprime.scan.setup", require "zprime.scan.plan"
    local overs = {
      { { "thetaD", zp.range(-0.02, 0.02, 41) }, { "gq", zp.logrange(1e-3, 1, 37) }, { "mZp", { 500, 612.5, 1e3 } } },
      { { "gq", { 0.1, 1 / 3, 2 ^ -30, 7 } } },
      { { "gq", zp.range(0, 1, 70001) } }, -- beyond the axis length kept as text
    }
    for i, over in ipairs(overs) do
      local p = setup.make_plan(zp, { model = zp.model{}, over = over, observe = { "C9_bsmumu" }, quiet = true })
      assert.are.equal(plan.checksum(p.axes, p.seed), plan.checksum(p.axes, p.seed, p.cplan), "over " .. i)
      assert.truthy(p.header[#p.header]:find(plan.checksum(p.axes, p.seed), 1, true))
    end
    assert.is_nil(setup.make_plan(zp, { model = zp.model{}, over = { gq = zp.range(0, 1, 70001) },
      observe = { "C9_bsmumu" } }).cplan:axis_text(1))
    local r = setup.make_plan(zp, { model = zp.model{}, over = { mZp = zp.uniform(100, 2000), gq = 0.2 }, samples = 50,
      seed = 9, observe = { "C9_bsmumu" } })
    assert.is_nil(r.cplan:axis_text(1))
    assert.are.equal(plan.checksum(r.axes, r.seed), plan.checksum(r.axes, r.seed, r.cplan))
  end)
end)

describe("joining the slices of jobs = N", function()
  it("streams the bodies after one header and refuses empty or cut slices", function()
    local a, b = dir .. "/ja.csv", dir .. "/jb.csv"
    write(a, "# h\n1,2\n3,4\n")
    write(b, "# h\n5,6\n")
    assert.is_true(zp.core.join_files(dir .. "/j.csv", "H\n", { a, b }, { 4, 4 }, { 2, 1 }))
    assert.are.equal("H\n1,2\n3,4\n5,6\n", slurp(dir .. "/j.csv"))
    write(b, "# h\n5,6")
    local ok, err = zp.core.join_files(dir .. "/j.csv", "H\n", { a, b }, { 4, 4 }, { 2, 1 })
    assert.is_nil(ok); assert.truthy(err:find("jb.csv ends with a partial line", 1, true), err)
    write(b, "# h\n")
    ok, err = zp.core.join_files(dir .. "/j.csv", "H\n", { a, b }, { 4, 4 }, { 2, 1 })
    assert.is_nil(ok); assert.truthy(err:find("jb.csv holds 0 complete rows, expected 1", 1, true), err)
    ok, err = zp.core.join_files(dir .. "/j.csv", "H\n", { a, dir .. "/none.csv" }, { 4, 4 }, { 2, 1 })
    assert.is_nil(ok); assert.truthy(err:find("cannot copy " .. dir .. "/none.csv", 1, true), err)
  end)
end)

describe("a result whose rows stay in its file", function()
  it("reads them when first used, and refuses a file that another scan has overwritten", function()
    local out = dir .. "/lazy.csv"
    local r = zp.scan(spec(out))
    assert.is_nil(rawget(r, "C9_bsmumu"))
    local back = zp.read_csv(out)
    for i = 1, r.n do assert.are.equal(back.C9_bsmumu[i], r.C9_bsmumu[i]) end
    local r2 = zp.scan(spec(out))
    zp.scan(spec(out, { model = zp.model{ mZp = 700 } }))
    assert_error_matches(function() return r2.gq end, "no longer holds this scan")
    os.remove(out)
    local r3 = zp.scan(spec(out)); os.remove(out)
    assert_error_matches(function() return r3.errors end, "can no longer be read")
  end)
end)

describe("a scan kept in memory", function()
  it("holds the same values and number types on the block path as point by point", function()
    local setup = require "zprime.scan.setup"
    local s = { model = zp.model{}, over = { mchi = { 50, 100.5, 200 }, gq = zp.range(0.1, 0.2, 2), mZp = { -5, 600 } },
                observe = { "C9_bsmumu", "mZp_from_w" }, constraints = { "b->s mu mu", "B_s mixing" }, quiet = true }
    local r1 = zp.scan(s)
    local make = setup.make_plan
    setup.make_plan = function(...) local p = make(...); p.block = false; return p end
    local ok, r2 = pcall(zp.scan, s)
    setup.make_plan = make
    assert.is_true(ok, tostring(r2))
    for _, c in ipairs(r1.columns) do
      for i = 1, r1.n do
        local a, b = r1[c][i], r2[c][i]
        assert.are.equal(math.type(b), math.type(a), c .. "[" .. i .. "]")
        assert.is_true(a == b or (a ~= a and b ~= b), c .. "[" .. i .. "]")
      end
    end
    assert.are.same(r2.errors, r1.errors)
  end)
end)

describe("jobs = N with a JSON output", function()
  it("writes the single-run file and returns what zp.read_json reads", function()
    local one, two = dir .. "/j1.json", dir .. "/j2.json"
    zp.scan(spec(one))
    local r = zp.scan(spec(two, { jobs = 2 }))
    assert.are.equal(slurp(one), slurp(two))
    local back = zp.read_json(two)
    assert.are.equal(back.n, r.n)
    assert.are.same(back.columns, r.columns)
    assert.are.same(back.header, r.header)
    for _, c in ipairs(back.columns) do
      for i = 1, r.n do
        local a, b = back[c][i], r[c][i]
        assert.is_true(a == b or (a ~= a and b ~= b), c .. "[" .. i .. "]")
      end
    end
    assert.are.same(back.errors, r.errors)
    assert.are.same({ "gq", "thetaD" }, r.axes)
  end)
end)
