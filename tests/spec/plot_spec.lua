-- zp.plot: PNG/SVG/PDF through gnuplot with the .dat and .gp beside the image; the shorthand for
-- scan results; 2-D regions; the error when gnuplot is missing.

--- Width and height from the IHDR chunk of a PNG file.
local function png_size(path)
  local t = slurp(path)
  assert.are.equal("\137PNG\r\n\26\n", t:sub(1, 8))
  assert.are.equal("IHDR", t:sub(13, 16))
  local w, h = string.unpack(">I4I4", t, 17)
  return w, h
end

--- Blocks of a gnuplot data file: blocks[i] = list of rows (each a list of numbers).
local function dat_blocks(path)
  local blocks, cur, blank = {}, nil, 0
  for line in (slurp(path) .. "\n"):gmatch("([^\n]*)\n") do
    if line:match("^#") then
      -- comment
    elseif line == "" then
      blank = blank + 1
      if blank == 2 and cur then blocks[#blocks + 1] = cur; cur = nil end
    else
      blank = 0
      cur = cur or {}
      local row = {}
      for f in line:gmatch("%S+") do row[#row + 1] = tonumber(f) end
      cur[#cur + 1] = row
    end
  end
  if cur then blocks[#blocks + 1] = cur end
  return blocks
end

local dir = tmpdir()
local have_gnuplot = os.execute("command -v gnuplot >/dev/null 2>&1") == true

describe("zp.plot", function()
  it("draws lines, points, a band, hline and vline into a PNG of the requested size", function()
    if not have_gnuplot then pending("gnuplot is not installed") return end
    local xs, ys, lo, hi = {}, {}, {}, {}
    for i = 1, 30 do xs[i] = 10 ^ (-2 + i / 10); ys[i] = xs[i] ^ 2; lo[i] = 0.8 * ys[i]; hi[i] = 1.2 * ys[i] end
    local r = zp.plot{ out = dir .. "/lines.png", title = "BR(Z {/Symbol \\256} 4{/Symbol m})", xlabel = "g_l",
      ylabel = "y [GeV]", logx = true, logy = true, xrange = { 0.01, 10 }, yrange = { 1e-4, 1e2 },
      size = { 640, 480 }, key = "top left",
      series = { { x = xs, y = ys, label = "zprime" }, { x = xs, y = hi, style = "points", label = "pts" },
                 { x = xs, y = lo, style = "dashed" }, { x = xs, y = lo, style = "dotted", color = "#000000" },
                 { x = xs, y = ys, style = "linespoints" },
                 { x = xs, ylow = lo, yhigh = hi, style = "band", label = "1 sigma", color = "#88aaff" },
                 { hline = 3.3e-2, label = "SM", style = "dashed" }, { vline = 0.05, label = "trident" } } }
    assert.are.equal(dir .. "/lines.png", r.png)
    assert.are.equal(dir .. "/lines.dat", r.dat)
    assert.are.equal(dir .. "/lines.gp", r.gp)
    local w, h = png_size(r.png)
    assert.are.equal(640, w); assert.are.equal(480, h)
    local blocks = dat_blocks(r.dat)
    -- the hline and vline are data (drawn beneath the key) because both axis ranges are given
    assert.are.equal(8, #blocks)
    assert.are.same({ { 0.01, 3.3e-2 }, { 10, 3.3e-2 } }, blocks[7])
    assert.are.same({ { 0.05, 1e-4 }, { 0.05, 1e2 } }, blocks[8])
    for i = 1, 30 do
      assert.are.equal(xs[i], blocks[1][i][1]); assert.are.equal(ys[i], blocks[1][i][2])
      assert.are.equal(lo[i], blocks[6][i][2]); assert.are.equal(hi[i], blocks[6][i][3])
    end
    local gp = slurp(r.gp)
    assert.truthy(gp:find("set logscale x", 1, true))
    assert.truthy(gp:find("set output 'lines.png'", 1, true))
    assert.truthy(gp:find("'lines.dat' index 5 using 1:2:3 with filledcurves", 1, true))
    assert.truthy(gp:find("title 'trident'", 1, true))
    assert.falsy(gp:find("set arrow", 1, true))
    -- the .gp re-renders the figure by itself
    os.remove(r.png)
    assert.is_true(os.execute("cd '" .. dir .. "' && gnuplot lines.gp"))
    assert.are.equal(640, (png_size(r.png)))
  end)

  it("plots a scan result in one call and the .dat holds the scan's numbers", function()
    if not have_gnuplot then pending("gnuplot is not installed") return end
    local res = zp.scan{ model = zp.model{ mZp = 1000 }, over = { gq = zp.range(0.1, 1, 15) },
      observe = { "C9_bsmumu", "CVLL_bsbs" }, quiet = true }
    local r = zp.plot{ data = res, x = "gq", y = "C9_bsmumu", out = dir .. "/c9.png" }
    assert.are.equal(900, (png_size(r.png)))
    local b = dat_blocks(r.dat)
    assert.are.equal(1, #b)
    assert.are.equal(res.n, #b[1])
    for i = 1, res.n do
      assert.are.equal(res.gq[i], b[1][i][1]); assert.are.equal(res.C9_bsmumu[i], b[1][i][2])
    end
    assert.truthy(slurp(r.gp):find("set ylabel 'C9\\_bsmumu'", 1, true))
    -- zp.plot(res, x, y) and zp.plot(res): several observables, one series each
    local r2 = zp.plot(res, "gq", "C9_bsmumu")
    assert.are.equal("plot.png", r2.png)
    local r3 = zp.plot{ data = res, out = dir .. "/both.svg" }
    assert.are.equal(2, #dat_blocks(r3.dat))
    assert.truthy(slurp(r3.svg):find("<svg", 1, true))
    os.remove("plot.png"); os.remove("plot.dat"); os.remove("plot.gp")
  end)

  it("fills a 2-D allowed region of a grid scan and draws its contour", function()
    if not have_gnuplot then pending("gnuplot is not installed") return end
    local res = zp.scan{ model = zp.model{ mZp = 1000, gl = 0.5 },
      over = { thetaD = zp.range(0, 0.02, 21), gq = zp.logrange(0.01, 2, 25) },
      constraints = { "b->s mu mu" }, quiet = true }
    local r = zp.plot{ data = res, x = "thetaD", y = "gq", z = "pass", out = dir .. "/region.pdf", logy = true }
    assert.truthy(slurp(r.pdf):sub(1, 5) == "%PDF-")
    local b = dat_blocks(r.dat)
    assert.are.equal(2, #b)            -- fill polygons, contour segments
    -- every fill vertex lies inside the grid; every contour point between an allowed and a
    -- forbidden node
    for _, row in ipairs(b[1]) do
      assert.is_true(row[1] >= 0 and row[1] <= 0.02 and row[2] >= 0.01 * (1 - 1e-12) and row[2] <= 2 * (1 + 1e-12))
    end
    assert.is_true(#b[2] > 10)
    -- zp.plot(res) of a 2-D scan with constraints draws the allowed region (x = first axis)
    local r0 = zp.plot{ data = res, out = dir .. "/region0.png" }
    local gp = slurp(r0.gp)
    assert.truthy(gp:find("filledcurves closed", 1, true))
    assert.truthy(gp:find("set xlabel 'gq'", 1, true))
    assert.truthy(gp:find("title 'allowed'", 1, true))
    -- an explicit region series: z >= level is filled
    local z = { { 1, 1 }, { 0, 0 } }
    local r2 = zp.plot{ out = dir .. "/tiny.png", size = { 200, 150 },
      series = { { region = { x = { 0, 1 }, y = { 0, 1 }, z = z }, level = 0.5, label = "half" } } }
    local bb = dat_blocks(r2.dat)
    local maxx = 0
    for _, row in ipairs(bb[1]) do maxx = math.max(maxx, row[1]) end
    assert.are.equal(0.5, maxx)
    assert.are.same({ 200, 150 }, { png_size(r2.png) })
  end)

  it("writes the data and script and names the package when gnuplot is missing", function()
    local saved = zp.gnuplot_program
    zp.gnuplot_program = "/nonexistent/gnuplot"
    local err = assert_error_matches(function()
      zp.plot{ out = dir .. "/nognu.png", series = { { x = { 1, 2 }, y = { 3, 4 } } } }
    end, "gnuplot is not installed", "gnuplot-nox", "nognu.dat")
    zp.gnuplot_program = saved
    assert.truthy(err)
    assert.are.same({ { 1, 3 }, { 2, 4 } }, dat_blocks(dir .. "/nognu.dat")[1])
    assert.truthy(slurp(dir .. "/nognu.gp"):find("plot 'nognu.dat'", 1, true))
  end)

  it("rejects malformed input with a clear message", function()
    assert_error_matches(function() zp.plot{ series = { { x = { 1 }, y = { 1 } } }, xlable = "x" } end,
      "unknown option 'xlable'", "did you mean 'xlabel'")
    assert_error_matches(function() zp.plot{ series = { { x = { 1 }, y = { 1 }, style = "wiggly" } } } end,
      "unknown style 'wiggly'")
    assert_error_matches(function() zp.plot{ out = dir .. "/e.png", series = { { x = { 1, 2 }, y = { 1 } } } } end,
      "y has 1 values but x has 2")
    assert_error_matches(function() zp.plot{ series = { { y = { 1 } } } } end, "needs x")
    assert_error_matches(function() zp.plot{ series = {} } end, "nothing to plot")
    assert_error_matches(function() zp.plot{ series = { { x = { 1 }, y = { 1 } } }, size = { 10, 10 } } end, "size must be")
    assert_error_matches(function() zp.plot{ data = { columns = { "a" }, a = { 1 } }, x = "a", y = "b" } end,
      "no column 'b'")
    assert_error_matches(function() zp.plot(42) end, "zp.plot expects a table")
    assert_error_matches(function() zp.plot{ series = { { region = { x = { 1 }, y = { 1 } } } } } end,
      "region must be { x = xs, y = ys, z = grid }")
  end)
end)

describe("zprime.plot.region.contour_lines", function()
  local region = require "zprime.plot.region"

  it("chains the z = level crossings of a circle into one closed line", function()
    local xs, ys, z = zp.range(-2, 2, 81), zp.range(-2, 2, 81), {}
    for i, x in ipairs(xs) do
      z[i] = {}
      for j, y in ipairs(ys) do z[i][j] = x * x + y * y end
    end
    local lines = region.contour_lines(xs, ys, z, 1)
    assert.are.equal(1, #lines)
    local l = lines[1]
    assert.is_true(#l.x > 100)
    assert.are.equal(l.x[1], l.x[#l.x]) -- closed: back to its start
    assert.are.equal(l.y[1], l.y[#l.y])
    for k = 1, #l.x do -- linear interpolation of r^2 on a 0.05 grid: |r - 1| <= h^2/8
      assert.is_true(math.abs(math.sqrt(l.x[k] ^ 2 + l.y[k] ^ 2) - 1) < 4e-4)
    end
  end)

  it("interpolates in the logarithm on a log-spaced axis, and skips cells with NaN", function()
    local xs, ys, z = zp.range(0, 1, 5), zp.logrange(1, 100, 9), {}
    for i = 1, #xs do
      z[i] = {}
      for j, y in ipairs(ys) do z[i][j] = (i == 5 and j == 1) and 0 / 0 or math.log(y) - math.log(7) end
    end
    local lines = region.contour_lines(xs, ys, z, 0)
    assert.are.equal(1, #lines)
    for k = 1, #lines[1].y do rel_near(lines[1].y[k], 7, 1e-12, "ln y linear: exact at y = 7") end
    assert.are.equal(5, #lines[1].x) -- an open line across the five columns (the NaN cell is below it)
  end)
end)
