-- zp.scan{ max_rows = n }: at most n new rows, a valid file, and resume = true finishes it with the
-- same bytes as one uninterrupted run (the block path in C and the point-by-point path).
describe("zp.scan max_rows", function()
  local function spec(out, extra)
    local s = { model = zp.model{ gq = 0.29, gl = 0.145 }, over = { mZp = zp.range(200, 1500, 14), thetaD = zp.logrange(1e-4, 0.1, 9) },
                observe = { "C9_bsmumu", "DeltaM_s" }, constraints = { "b->s mu mu", "B_s mixing" }, out = out, quiet = true }
    for k, v in pairs(extra or {}) do s[k] = v end
    return s
  end

  for _, path in ipairs({ "block", "point" }) do
    it("stops after n rows and resumes to the uninterrupted file (" .. path .. " path)", function()
      local dir = tmpdir()
      local extra = path == "point" and { observe = { "C9_bsmumu", { "twice", function(m) return 2 * m.DeltaM_s end } } } or {}
      local whole = zp.scan(spec(dir .. "/whole.csv", extra))
      local s = spec(dir .. "/part.csv", extra)
      s.max_rows = 40
      local part = zp.scan(s)
      assert.are.equal(40, part.n)
      assert.is_false(part.complete)
      s.resume = true -- another 40, then the rest
      assert.are.equal(80, zp.scan(s).n)
      s.max_rows = nil
      local rest = zp.scan(s)
      assert.is_true(rest.complete)
      assert.are.equal(whole.n, rest.n)
      assert.are.equal(slurp(dir .. "/whole.csv"), slurp(dir .. "/part.csv"))
    end)
  end

  it("refuses a bad count, a JSON output and worker processes", function()
    local dir = tmpdir()
    assert_error_matches(function() zp.scan(spec(dir .. "/a.csv", { max_rows = 0 })) end, "max_rows must be a whole number")
    assert_error_matches(function() zp.scan(spec(dir .. "/a.csv", { max_rows = 2.5 })) end, "max_rows must be a whole number")
    assert_error_matches(function() zp.scan(spec(dir .. "/a.json", { max_rows = 3 })) end, "max_rows needs a CSV output")
    assert_error_matches(function() zp.scan(spec(dir .. "/a.csv", { max_rows = 3, jobs = 2 })) end, "max_rows runs in one process")
  end)
end)
