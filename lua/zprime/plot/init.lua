--- zp.plot: figures through gnuplot.  Every plot writes three files side by side: the image
--- (.png, .svg or .pdf), the numbers (.dat, one gnuplot data block per series) and the gnuplot
--- script (.gp, paths relative to its own directory) so a figure can be edited and re-rendered
--- with `cd dir && gnuplot name.gp`.  Text is gnuplot "enhanced" text (x_1, 10^{-3}, {/Symbol q}).
return function(zp)
  local region = require "zprime.plot.region"
  local pscan = require "zprime.plot.scan"
  local pdata = require "zprime.plot.data"
  local gp_text = require "zprime.plot.gp"
  local did_you_mean, esc, series_from_data = pdata.did_you_mean, pdata.esc, pdata.series_from_data

  local PALETTE = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#17becf",
                    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22" }
  local STYLES = { lines = true, points = true, linespoints = true, dashed = true,
                   dotted = true, band = true }
  local SPEC_KEYS = { "out", "title", "xlabel", "ylabel", "logx", "logy", "xrange", "yrange",
                      "size", "key", "series", "data", "x", "y", "z", "by", "level", "style",
                      "label", "color", "grid", "pdf", "labels", "levels" }
  local SERIES_KEYS = { "x", "y", "ylow", "yhigh", "label", "style", "color", "width",
                        "hline", "vline", "region", "level", "fill", "heatmap", "levels" }

  zp.gnuplot_program = os.getenv("ZPRIME_GNUPLOT") or "gnuplot"

  local function check_keys(t, allowed, what)
    local ok = {}
    for _, a in ipairs(allowed) do ok[a] = true end
    for k in pairs(t) do
      if type(k) ~= "number" and not ok[k] then
        error("zp.plot: unknown " .. what .. " '" .. tostring(k) .. "'" ..
          did_you_mean(tostring(k), allowed), 3)
      end
    end
  end

  --- Quote a string for gnuplot (control characters replaced; see zprime.plot.gp).
  local q = gp_text.str


  local function num(x)
    if x ~= x then return "NaN" end
    if x == math.huge then return "Inf" elseif x == -math.huge then return "-Inf" end
    return string.format("%.17g", x)
  end

  local function check_array(a, what, n)
    if type(a) ~= "table" then
      error("zp.plot: series " .. what .. " must be an array of numbers, got " .. type(a), 4)
    end
    if n and #a ~= n then
      error("zp.plot: series " .. what .. " has " .. #a .. " values but x has " .. n, 4)
    end
    for i = 1, #a do
      if type(a[i]) ~= "number" then
        error("zp.plot: series " .. what .. "[" .. i .. "] is " .. type(a[i]) .. ", not a number", 4)
      end
    end
  end

  local function write_block(f, idx, s, rows)
    f:write(string.format("# block %d: %s\n", idx, gp_text.clean(s.label or s.style or "series")))
    for _, r in ipairs(rows) do f:write(r, "\n") end
    f:write("\n\n")
  end

  --- Data lines and gnuplot plot clauses for one series.
  --- The fill style of a band or region: opacity (0..1) or "pattern N" (hatched); a region also
  --- takes "none" (its outline only, handled by the caller).
  local function fill_style(s, default)
    local f = s.fill
    if f == nil then return "fs transparent solid " .. default .. " noborder" end
    if type(f) == "number" and f >= 0 and f <= 1 then return "fs transparent solid " .. num(f) .. " noborder" end
    local n = type(f) == "string" and tonumber(f:match("^pattern (%d)$"))
    if n then return "fs transparent pattern " .. n .. " noborder" end
    error("zp.plot: series fill must be an opacity from 0 to 1, 'none' or 'pattern N' (N = 0..9), got " .. tostring(f), 0)
  end

  --- Is v inside the axis range r (or no range given)?
  local function in_range(v, r)
    if type(r) ~= "table" or type(r[1]) ~= "number" or type(r[2]) ~= "number" then return true end
    return v >= math.min(r[1], r[2]) and v <= math.max(r[1], r[2])
  end

  local function series_clauses(s, i, nblock, color, datname, prologue, spec)
    local style = s.style or "lines"
    local title = s.label and ("title " .. q(s.label)) or "notitle"
    local lw = s.width or 2
    local lc = "lc rgb " .. assert(gp_text.color(color))
    if s.hline or s.vline then
      local dt = (style == "dotted") and "dt 3" or (style == "dashed" or s.style == nil) and "dt 2" or "dt 1"
      -- a line outside the axis range is not drawn (gnuplot does not clip arrows)
      if s.hline and not in_range(s.hline, spec.yrange) or s.vline and not in_range(s.vline, spec.xrange) then
        return nil, {}
      end
      -- with the other axis's range known the line is data, drawn beneath the (opaque) key like
      -- any curve; otherwise an arrow across the graph, which gnuplot draws in front of the key
      local across = s.vline and spec.yrange or s.hline and spec.xrange
      if type(across) == "table" and type(across[1]) == "number" and type(across[2]) == "number" then
        local rows = s.vline and { num(s.vline) .. " " .. num(across[1]), num(s.vline) .. " " .. num(across[2]) }
          or { num(across[1]) .. " " .. num(s.hline), num(across[2]) .. " " .. num(s.hline) }
        return { rows }, { string.format("%s index %d using 1:2 with lines %s lw %g %s %s", q(datname), nblock, lc, lw, dt, title) }
      elseif s.hline then
        prologue[#prologue + 1] = string.format("set arrow from graph 0, first %s to graph 1, first %s nohead %s lw %g %s front",
          num(s.hline), num(s.hline), lc, lw, dt)
      else
        prologue[#prologue + 1] = string.format("set arrow from first %s, graph 0 to first %s, graph 1 nohead %s lw %g %s front",
          num(s.vline), num(s.vline), lc, lw, dt)
      end
      if s.label then
        return nil, { string.format("keyentry with lines %s lw %g %s %s", lc, lw, dt, title) }
      end
      return nil, {}
    end
    if s.heatmap then return pscan.clauses(s, nblock, datname, prologue, q, num) end
    if s.region then
      local rows, lines = region.polygons(s.region, s.level or 0)
      local src = q(datname)
      if s.fill == "none" then -- outline only
        return { rows, lines }, { string.format("%s index %d using 1:2 with lines %s lw %g %s", src, nblock + 1, lc, lw, title) }
      end
      return { rows, lines }, {
        string.format("%s index %d using 1:2 with filledcurves closed %s %s %s",
          src, nblock, fill_style(s, "0.35"), lc, title),
        string.format("%s index %d using 1:2 with lines %s lw %g notitle", src, nblock + 1, lc, lw),
      }
    end
    local rows = {}
    local clause
    if style == "band" then
      check_array(s.x, "x"); check_array(s.ylow, "ylow", #s.x); check_array(s.yhigh, "yhigh", #s.x)
      for k = 1, #s.x do rows[k] = num(s.x[k]) .. " " .. num(s.ylow[k]) .. " " .. num(s.yhigh[k]) end
      clause = string.format("using 1:2:3 with filledcurves %s %s %s", fill_style(s, "0.3"), lc, title)
    else
      check_array(s.x, "x"); check_array(s.y, "y", #s.x)
      for k = 1, #s.x do rows[k] = num(s.x[k]) .. " " .. num(s.y[k]) end
      local w = ({ lines = "lines", dashed = "lines dt 2", dotted = "lines dt 3",
                   points = "points pt 7 ps 0.7", linespoints = "linespoints pt 7 ps 0.7" })[style]
      if style == "points" then
        clause = string.format("using 1:2 with %s %s %s", w, lc, title)
      else
        clause = string.format("using 1:2 with %s %s lw %g %s", w, lc, lw, title)
      end
    end
    return { rows }, { string.format("%s index %d %s", q(datname), nblock, clause) }
  end

  local function check_series(s, i)
    if type(s) ~= "table" then error("zp.plot: series[" .. i .. "] must be a table, got " .. type(s), 3) end
    check_keys(s, SERIES_KEYS, "series option")
    if s.color ~= nil then
      local ok, why = gp_text.color(s.color)
      if not ok then error("zp.plot: series[" .. i .. "].color " .. why, 3) end
    end
    if s.label ~= nil and type(s.label) ~= "string" and type(s.label) ~= "number" then
      error("zp.plot: series[" .. i .. "].label must be a string, got " .. type(s.label), 3)
    end
    if s.style ~= nil and not STYLES[s.style] then
      error("zp.plot: series[" .. i .. "] has unknown style '" .. tostring(s.style) ..
        "' (lines, points, linespoints, dashed, dotted or band)", 3)
    end
    for _, k in ipairs({ "width", "hline", "vline", "level" }) do
      if s[k] ~= nil and type(s[k]) ~= "number" then
        error("zp.plot: series[" .. i .. "]." .. k .. " must be a number, got " .. type(s[k]), 3)
      end
    end
    if s.region then
      local r = s.region
      if type(r) ~= "table" or type(r.x) ~= "table" or type(r.y) ~= "table" or type(r.z) ~= "table" then
        error("zp.plot: series[" .. i .. "].region must be { x = xs, y = ys, z = grid } with z[i][j] at x[i], y[j]", 3)
      end
      for _, k in ipairs({ "x", "y" }) do
        for j = 1, #r[k] do
          if type(r[k][j]) ~= "number" then
            error("zp.plot: series[" .. i .. "].region." .. k .. "[" .. j .. "] is " .. type(r[k][j]) .. ", not a number", 3)
          end
        end
      end
    elseif s.hline == nil and s.vline == nil and s.x == nil and s.heatmap == nil then
      error("zp.plot: series[" .. i .. "] needs x (with y, or ylow/yhigh for a band), hline, vline or region", 3)
    end
  end

  local function split_out(out)
    local dir, base = out:match("^(.*)/([^/]*)$")
    if not dir then dir, base = ".", out end
    if dir == "" then dir = "/" end
    local stem, ext = base:match("^(.*)%.([%w]+)$")
    if not stem or not (ext == "png" or ext == "svg" or ext == "pdf") then
      stem, ext = base, "png"
    end
    return dir, stem, ext
  end

  local shell_quote = gp_text.shell

  local function terminal(ext, w, h)
    if ext == "svg" then
      return string.format("set terminal svg size %d,%d enhanced font 'Helvetica,14' background rgb 'white'", w, h)
    elseif ext == "pdf" then
      return string.format("set terminal pdfcairo size %gin,%gin enhanced font 'DejaVu Sans,10'", w / 100, h / 100)
    end
    return string.format("set terminal pngcairo size %d,%d enhanced font 'DejaVu Sans,11' background rgb 'white'", w, h)
  end

  local function range(r, what)
    if r == nil then return nil end
    if type(r) ~= "table" or type(r[1]) ~= "number" or type(r[2]) ~= "number" or r[1] == r[2]
        or not (math.abs(r[1]) < math.huge and math.abs(r[2]) < math.huge) then
      error("zp.plot: " .. what .. " must be { min, max } with two different finite numbers", 4)
    end
    return "[" .. num(r[1]) .. ":" .. num(r[2]) .. "]"
  end

  local LABEL_KEYS = { "text", "x", "y", "coords", "color", "align", "rotate", "font" }
  --- One text label: { text =, x =, y =, coords = "first" | "graph", color =, align =, rotate = }.
  local function text_label(lab, i)
    if type(lab) ~= "table" then error("zp.plot: labels[" .. i .. "] must be a table, got " .. type(lab), 4) end
    check_keys(lab, LABEL_KEYS, "label option")
    if type(lab.text) ~= "string" or type(lab.x) ~= "number" or type(lab.y) ~= "number" then
      error("zp.plot: labels[" .. i .. "] needs text (string), x and y (numbers)", 4)
    end
    local coords = lab.coords or "first"
    if coords ~= "first" and coords ~= "graph" then
      error("zp.plot: labels[" .. i .. "].coords must be 'first' or 'graph', got " .. tostring(coords), 4)
    end
    local align = lab.align or "left"
    if align ~= "left" and align ~= "center" and align ~= "right" then
      error("zp.plot: labels[" .. i .. "].align must be 'left', 'center' or 'right', got " .. tostring(align), 4)
    end
    if lab.rotate ~= nil and type(lab.rotate) ~= "number" then
      error("zp.plot: labels[" .. i .. "].rotate must be a number (degrees)", 4)
    end
    local parts = { "set label " .. q(lab.text), "at", coords, num(lab.x) .. ",", coords, num(lab.y), align }
    if lab.rotate then parts[#parts + 1] = "rotate by " .. num(lab.rotate) end
    if lab.color then
      local c, why = gp_text.color(lab.color)
      if not c then error("zp.plot: labels[" .. i .. "].color " .. why, 4) end
      parts[#parts + 1] = "tc rgb " .. c
    end
    if lab.font then parts[#parts + 1] = "font " .. q(lab.font) end
    parts[#parts + 1] = "front"
    return table.concat(parts, " ")
  end

  local function gnuplot_available(prog)
    return os.execute("command -v " .. shell_quote(prog) .. " >/dev/null 2>&1") == true
  end

  local result_mt = {
    __tostring = function(r)
      return "plot written to " .. r.image .. " (data " .. r.dat .. ", gnuplot script " .. r.gp .. ")"
    end,
  }

  local function plot(spec, xname, yname)
    if type(spec) == "table" and spec.series == nil and spec.data == nil and (spec.columns or xname) then
      spec = { data = spec, x = xname, y = yname }   -- zp.plot(res [, "x", "y"])
    end
    if type(spec) ~= "table" then
      error("zp.plot expects a table { out = ..., series = {...} } or a scan result, got " .. type(spec), 2)
    end
    check_keys(spec, SPEC_KEYS, "option")
    if spec.key ~= nil then
      local ok, why = gp_text.key(spec.key)
      if not ok then error("zp.plot: key " .. why, 2) end
    end
    for _, k in ipairs({ "title", "xlabel", "ylabel" }) do
      local v = spec[k]
      if v ~= nil and type(v) ~= "string" and type(v) ~= "number" then
        error("zp.plot: " .. k .. " must be a string, got " .. type(v), 2)
      end
    end
    local series, xl, yl = spec.series, nil, nil
    if spec.data ~= nil then
      local extra
      extra, xl, yl = series_from_data(spec)
      series = series or {}
      local all = {}
      for _, s in ipairs(extra) do all[#all + 1] = s end
      for _, s in ipairs(series) do all[#all + 1] = s end
      series = all
    end
    if type(series) ~= "table" or #series == 0 then
      error("zp.plot: nothing to plot (give series = { {x = ..., y = ...}, ... } or data = result)", 2)
    end
    for i, s in ipairs(series) do check_series(s, i) end
    local size = spec.size or { 900, 650 }
    if type(size) ~= "table" or math.type(size[1]) ~= "integer" or math.type(size[2]) ~= "integer"
        or size[1] < 50 or size[2] < 50 then
      error("zp.plot: size must be { width, height } in pixels (whole numbers >= 50)", 2)
    end
    local out = spec.out or "plot.png"
    if type(out) ~= "string" or out == "" then error("zp.plot: out must be a file name such as 'fig.png'", 2) end
    do
      local ok, why = gp_text.check_path(out, "out")
      if not ok then error("zp.plot: " .. why, 2) end
    end
    local dir, stem, ext = split_out(out)
    if dir ~= "." then require("zprime.fs").mkdir_p(dir) end
    local image = dir .. "/" .. stem .. "." .. ext
    local datname, gpname = stem .. ".dat", stem .. ".gp"
    local dat, gp = dir .. "/" .. datname, dir .. "/" .. gpname
    if dir == "." then image, dat, gp = stem .. "." .. ext, datname, gpname end

    local f, err = io.open(dat, "w")
    if not f then error("zp.plot: cannot write " .. dat .. ": " .. tostring(err), 2) end
    f:write("# zprime ", zp.version, " plot data for ", stem, ".", ext, " (gnuplot blocks, see ", gpname, ")\n\n")
    local prologue, clauses, nblock = {}, {}, 0
    for i, s in ipairs(series) do
      local color = s.color or PALETTE[(i - 1) % #PALETTE + 1]
      local ok, blocks, cl = pcall(series_clauses, s, i, nblock, color, datname, prologue, spec)
      if not ok then f:close(); error(blocks, 2) end
      for _, rows in ipairs(blocks or {}) do write_block(f, nblock, s, rows); nblock = nblock + 1 end
      for _, c in ipairs(cl) do clauses[#clauses + 1] = c end
    end
    f:close()

    local L = { "# zprime " .. zp.version .. ": render with `gnuplot " .. gpname .. "` in this directory",
                terminal(ext, size[1], size[2]), "set output " .. q(stem .. "." .. ext),
                "set encoding utf8", "set border lw 1.2", "set tics nomirror out", "set mxtics", "set mytics" }
    if spec.grid ~= false then L[#L + 1] = "set grid lc rgb '#dddddd' lw 1" end
    if spec.title then L[#L + 1] = "set title " .. q(spec.title) end
    L[#L + 1] = "set xlabel " .. q(spec.xlabel or xl or "")
    L[#L + 1] = "set ylabel " .. q(spec.ylabel or yl or "")
    if spec.logx then L[#L + 1] = "set logscale x"; L[#L + 1] = "set format x '10^{%L}'" end
    if spec.logy then L[#L + 1] = "set logscale y"; L[#L + 1] = "set format y '10^{%L}'" end
    local xr, yr = range(spec.xrange, "xrange"), range(spec.yrange, "yrange")
    if xr then L[#L + 1] = "set xrange " .. xr end
    if yr then L[#L + 1] = "set yrange " .. yr end
    L[#L + 1] = "set key " .. (spec.key or "top right") .. " box opaque samplen 3 width 1"
    for _, p in ipairs(prologue) do L[#L + 1] = p end
    for i, lab in ipairs(spec.labels or {}) do L[#L + 1] = text_label(lab, i) end
    if #clauses == 0 then clauses[1] = "NaN notitle" end
    L[#L + 1] = "plot " .. table.concat(clauses, ", \\\n     ")
    L[#L + 1] = "unset output"
    local pdf = spec.pdf and ext ~= "pdf" and (dir == "." and stem .. ".pdf" or dir .. "/" .. stem .. ".pdf")
    if pdf then
      -- the same figure for a paper: vector PDF from the same script
      L[#L + 1] = terminal("pdf", size[1], size[2])
      L[#L + 1] = "set output " .. q(stem .. ".pdf")
      L[#L + 1] = "replot"
      L[#L + 1] = "unset output"
    end
    local g, gerr = io.open(gp, "w")
    if not g then error("zp.plot: cannot write " .. gp .. ": " .. tostring(gerr), 2) end
    g:write(table.concat(L, "\n"), "\n")
    g:close()

    local prog = zp.gnuplot_program
    if not gnuplot_available(prog) then
      error("zp.plot: gnuplot is not installed ('" .. prog .. "' not found; on Debian/Ubuntu: apt install gnuplot-nox). " ..
        "The data and script were written: " .. dat .. " and " .. gp ..
        "; render later with `cd " .. dir .. " && gnuplot " .. gpname .. "`", 2)
    end
    local errfile = os.tmpname()
    local ok = os.execute("cd -- " .. require("zprime.fs").shell_path(dir) .. " && " .. shell_quote(prog) .. " " ..
      shell_quote("./" .. gpname) .. " 2>" .. shell_quote(errfile))
    local ef = io.open(errfile, "r")
    local msg = ef and ef:read("a") or ""
    if ef then ef:close() end
    os.remove(errfile)
    if not ok then
      error("zp.plot: gnuplot failed on " .. gp .. ": " .. msg:gsub("%s+$", ""), 2)
    end
    local r = { image = image, dat = dat, gp = gp }
    r[ext] = image
    if pdf then r.pdf = pdf end
    return setmetatable(r, result_mt)
  end

  --- Errors carry the caller's line, not a line of the plotting code.
  function zp.plot(...)
    local ok, r = pcall(plot, ...)
    if not ok then error((tostring(r):gsub("^[^\n]-:%d+: ", "")), 2) end
    return r
  end

  zp.document("zp.plot", [[zp.plot{ out = "out/fig.png", title =, xlabel =, ylabel =, logx =, logy =,
          xrange = {a, b}, yrange = {a, b}, size = {900, 650}, key = "top left", series = {...} }
  Draws a figure with gnuplot and writes out/fig.png (or .svg/.pdf), out/fig.dat (the numbers)
  and out/fig.gp (the script; re-render with `gnuplot fig.gp` in out/).  pdf = true also writes
  out/fig.pdf (pdfcairo) from the same script.  labels = { { text =, x =, y =, coords = "first" |
  "graph", align =, rotate =, color = }, ... } writes text on the plot.  Returns
  { png = path, image = path, dat = path, gp = path [, pdf = path] }.  Series:
    { x = xs, y = ys, label = "...", style = "lines"|"points"|"linespoints"|"dashed"|"dotted", color = "#rrggbb" }
    { x = xs, ylow = lo, yhigh = hi, style = "band", label = "1 sigma" }
    { hline = y0, label = "SM" }   { vline = x0, label = "trident", style = "dotted" }
    { region = { x = xs, y = ys, z = grid }, level = 0, label = "allowed" }  (filled where z[i][j] >= level)
  Shorthand for tables from zp.scan / zp.read_csv:
    zp.plot(res)   zp.plot(res, "mZp", "C9_bsmumu")
    zp.plot{ data = res, x = "mZp", y = {"C9_bsmumu", "C10_bsmumu"}, by = "thetaD", out = "c9.png" }
    zp.plot{ data = res, x = "thetaD", y = "gq", z = "pass", out = "allowed.png" }  (2-D region)
    zp.plot{ data = res, x = "mZp", y = "thetaD", z = "C9_bsmumu", levels = { -1.12, -0.18 } }
      (2-D scan of a continuous column: heat map with colour bar and contour lines at levels;
       zp.plot(res) on a 2-D scan draws the allowed region, or a heat map of the first observable;
       by = "thetaD" with more than 8 values draws 6 of them, evenly spaced)
  Labels are gnuplot enhanced text: g_q, 10^{-3}, {/Symbol q}_D.  No text can run a command: control
  characters become spaces, colours must be "#rrggbb" or a colour name, key takes only gnuplot's key
  words and numbers, out may not hold control characters.  Needs gnuplot (Debian: gnuplot-nox);
  without it the .dat and .gp files are still written and the error says what to install.]])
end
