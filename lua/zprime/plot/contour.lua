--- zp.plot_contours: 1/2/3 sigma Delta chi^2 regions of a profile (zp.profile) or of any 2-D
--- grid with a dchi2 column, drawn through zp.plot (filled regions plus their contour lines).
--- The levels are the chi^2 quantiles for the number of profiled parameters (2: 2.30, 6.18, 11.83).
return function(zp)
  local pdata = require "zprime.plot.data"
  local KEYS = { data = true, x = true, y = true, z = true, out = true, sigmas = true, ndim = true, title = true,
                 xlabel = true, ylabel = true, logx = true, logy = true, series = true, size = true, key = true,
                 xrange = true, yrange = true, pdf = true, labels = true }
  local CL = { 0.682689492137, 0.954499736104, 0.997300203937, 0.999936657516, 0.999999426697 }
  local COLORS = { "#08306b", "#2171b5", "#6baed6", "#c6dbef", "#deebf7" }

  function zp.plot_contours(spec)
    if type(spec) ~= "table" then error("zp.plot_contours: expects a table of options, got " .. type(spec), 2) end
    for k in pairs(spec) do
      if not KEYS[k] then
        local list = {}
        for a in pairs(KEYS) do list[#list + 1] = a end
        table.sort(list)
        error("zp.plot_contours: unknown option '" .. tostring(k) .. "'" .. pdata.did_you_mean(tostring(k), list), 2)
      end
    end
    local res = spec.data
    if type(res) ~= "table" then error("zp.plot_contours: data must be a profile (zp.profile) or a table with columns", 2) end
    local axes = res.axes or {}
    local zn = spec.z or (type(res.dchi2) == "table" and "dchi2" or "chi2")
    local xn, yn = spec.x or axes[1], spec.y or axes[2]
    if type(xn) ~= "string" or type(yn) ~= "string" then
      error("zp.plot_contours: needs x and y column names (a 2-D profile gives them)", 2)
    end
    for _, c in ipairs({ xn, yn, zn }) do
      if type(res[c]) ~= "table" then
        error("zp.plot_contours: the data has no column '" .. c .. "' (columns: " .. table.concat(res.columns or {}, ", ") .. ")", 2)
      end
    end
    local sigmas = spec.sigmas or { 1, 2, 3 }
    local ndim = spec.ndim or 2
    if ndim ~= 1 and ndim ~= 2 then error("zp.plot_contours: ndim must be 1 or 2, got " .. tostring(ndim), 2) end
    -- grid of -dchi2, so that "z >= level" is the inside of each region
    local neg = { columns = { xn, yn, "neg" }, [xn] = res[xn], [yn] = res[yn], neg = {} }
    local zmin = 0 -- a dchi2 column is used as it is; any other column is taken from its minimum
    if zn ~= "dchi2" then
      zmin = math.huge
      for _, v in ipairs(res[zn]) do if type(v) == "number" and v < zmin then zmin = v end end
    end
    for i, v in ipairs(res[zn]) do neg.neg[i] = (type(v) == "number" and v == v) and (zmin - v) or -math.huge end
    local grid = pdata.grid_of(neg, xn, yn, "neg")
    local series = {}
    for k = #sigmas, 1, -1 do
      local s = sigmas[k]
      if not CL[s] then error("zp.plot_contours: sigmas must be whole numbers from 1 to 5, got " .. tostring(s), 2) end
      local level = zp.core.stats_dchi2(CL[s], ndim)
      series[#series + 1] = { region = grid, level = -level, color = COLORS[s],
                              label = string.format("%dσ (Δχ^2 < %.2f)", s, level) }
    end
    for _, s in ipairs(spec.series or {}) do series[#series + 1] = s end
    return zp.plot{ out = spec.out, title = spec.title, series = series, xlabel = spec.xlabel or pdata.esc(xn),
                    ylabel = spec.ylabel or pdata.esc(yn), logx = spec.logx, logy = spec.logy, size = spec.size,
                    key = spec.key, xrange = spec.xrange, yrange = spec.yrange, pdf = spec.pdf, labels = spec.labels }
  end
  zp.document("zp.plot_contours", [[zp.plot_contours{ data = profile, x =, y =, z = "dchi2" | "chi2", sigmas = { 1, 2, 3 },
                    ndim = 2, out = "c.png", series = { extra zp.plot series }, title, xlabel, ... }
  Draws the 1/2/3 sigma regions of a Delta chi^2 grid (zp.profile over two parameters, or any
  table with x and y columns and a dchi2 column, or a chi2 column such as zp.scan{ chi2 = true }
  gives, taken from its minimum): filled where dchi2 < the chi^2 quantile of ndim parameters
  (2.30, 6.18, 11.83 for ndim = 2), with the contour lines; extra series are drawn on top.]])
end
