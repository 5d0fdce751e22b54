--- zp.lhc_limit, zp.lhc_limits, zp.lhc_limit_curve, zp.zpeed, zp.pdf: LHC resonance-search limits
--- read from the data search path (section 4d of data/README.md), the ZPEED dimuon bins and the
--- parton distributions behind sigma(pp -> Z') (section 4.1.2 and Figure 4 of arXiv:1702.00395).
--- JSON (HEPData) files are parsed with lua-cjson.
return function(zp)
  local core = zp.core
  local cjson = require "cjson"
  local json = cjson.new()

  -- ATLAS publishes this HEPData table with a "[pb]" header, but its numbers are fb: at
  -- m = 6 TeV, where the background is zero, the limit 0.0141 would mean 1960 signal events in
  -- 139 fb^-1 if it were pb, while a zero-background 95% CL limit is ~3 events / (L x efficiency
  -- x 2 channels) = 3/(139 x ~0.8 x 2) = 0.013 fb; and at 1 TeV it gives 0.283 fb against 0.39 fb
  -- for CMS's single-channel mu mu (arXiv:2103.02708).  Published Fig. 3 of arXiv:1903.06248 is in fb.
  local ATLAS_FB_TO_PB = 1e-3

  local LIMITS = {
    { name = "cms_mumu", file = "lhc/dimuon/cms140_mumu_exp_card_5.dat", unit = "pb",
      label = "CMS 13 TeV 140 fb^-1 mu mu", quantity = "sigma x BR(Z' -> mu mu), narrow width",
      cl = "95% CL observed", ref = "CMS, arXiv:2103.02708 (digitised by Z'-explorer)" },
    { name = "atlas_ll", file = "lhc/dimuon/hepdata_observed_xseclimits_atlas139ifb.json", unit = "pb",
      label = "ATLAS 13 TeV 139 fb^-1 ee + mu mu", quantity = "fiducial sigma x BR(Z' -> l l) per lepton flavour, Gamma/m = 0-10%",
      cl = "95% CL observed", ref = "ATLAS, arXiv:1903.06248, HEPData 10.17182/hepdata.88425.v1/t4 (numbers in fb, see docs/collider.md)" },
    { name = "cms_dijet", file = "lhc/dijet/hepdata_crosssectionlimit_cms36ifb.json", unit = "pb",
      label = "CMS 13 TeV 36 fb^-1 dijet (qq)", quantity = "sigma x BR(Z' -> jj) = (sigma x B x A) / A",
      cl = "95% CL observed", ref = "CMS, arXiv:1806.00843, HEPData 10.17182/hepdata.80166.v1/t3; A as Fig. 4 of [67]" },
    { name = "dijet_j95", file = "lhc/dijet/micromegas_dijetgrid.dat", unit = "1",
      label = "ATLAS + CMS 8 and 13 TeV dijet recast", quantity = "j = sum_q (g_qV^2 + g_qA^2) BR(Z' -> q qbar), in (m, Gamma/m)",
      cl = "95% CL", ref = "Fairbairn, Heal, Kahlhoefer, Tunney, arXiv:1605.07940 (micrOMEGAs dijetgrid.dat)" },
  }
  local BY_NAME = {}
  for _, l in ipairs(LIMITS) do BY_NAME[l.name] = l end

  local function names()
    local t = {}
    for _, l in ipairs(LIMITS) do t[#t + 1] = l.name end
    return table.concat(t, ", ")
  end

  local function read_json(file)
    local path = core.data_find(file)
    local f, err = io.open(path, "rb")
    if not f then error("cannot open '" .. path .. "': " .. tostring(err), 0) end
    local text = f:read("a")
    f:close()
    local ok, j = pcall(json.decode, text)
    if not ok then error("'" .. path .. "' is not valid JSON: " .. tostring(j), 0) end
    if type(j) ~= "table" or type(j.values) ~= "table" then
      error("'" .. path .. "' is not a HEPData table (no 'values' array)", 0)
    end
    return j, path
  end

  local function num(s, path, what)
    local v = tonumber(s)
    if v == nil or v ~= v then error("'" .. path .. "': " .. what .. " '" .. tostring(s) .. "' is not a number", 0) end
    return v
  end

  -- Loaders: each returns { m = {GeV...}, y = {...} } or, for grids, a loader-specific table.
  local LOAD = {}
  function LOAD.cms_mumu(l)
    local t = core.read_table(l.file)
    local m, y, last = {}, {}, -math.huge
    local idx = {}
    for i = 1, t.nrow do idx[i] = i end
    table.sort(idx, function(a, b) return t.columns[1][a] < t.columns[1][b] end)
    for _, i in ipairs(idx) do
      local x = 1000 * t.columns[1][i] -- TeV -> GeV
      if x > last then m[#m + 1], y[#y + 1], last = x, t.columns[2][i], x end
    end
    return { m = m, y = y }
  end
  function LOAD.atlas_ll(l)
    local j, path = read_json(l.file)
    local widths = {}
    for g, q in ipairs(j.qualifiers and j.qualifiers["RELATIVE WIDTH"] or {}) do
      widths[g] = num(tostring(q.value):match("^%s*([%d.]+)"), path, "relative width") / 100
    end
    if #widths == 0 then error("'" .. path .. "' has no RELATIVE WIDTH qualifiers", 0) end
    local m, cols = {}, {}
    for g = 1, #widths do cols[g] = {} end
    for i, v in ipairs(j.values) do
      m[i] = num(v.x[1].value, path, "mass")
      for g = 1, #widths do cols[g][i] = num(v.y[g].value, path, "limit") * ATLAS_FB_TO_PB end
    end
    return { m = m, widths = widths, cols = cols }
  end
  function LOAD.cms_dijet(l)
    local j, path = read_json(l.file)
    local m, y = {}, {}
    for i, v in ipairs(j.values) do
      m[i] = num(v.x[1].value, path, "mass")
      y[i] = num(v.y[3].value, path, "qq limit") -- group 2: the qq column
    end
    return { m = m, y = y }
  end
  function LOAD.dijet_j95(l)
    local t = core.read_table(l.file)
    local ms, rs, grid, seen_m, seen_r = {}, {}, {}, {}, {}
    for i = 1, t.nrow do
      local m, r, j = t.columns[1][i], t.columns[2][i], t.columns[3][i]
      if not seen_m[m] then seen_m[m] = true; ms[#ms + 1] = m end
      if not seen_r[r] then seen_r[r] = true; rs[#rs + 1] = r end
      grid[m] = grid[m] or {}
      grid[m][r] = j
    end
    table.sort(ms); table.sort(rs)
    return { ms = ms, rs = rs, grid = grid }
  end

  local cache = {}
  local function data(name)
    local l = BY_NAME[name]
    if not l then
      local s = core.suggest and core.suggest(name, (function() local t = {} for _, x in ipairs(LIMITS) do t[#t + 1] = x.name end return t end)())
      error("unknown LHC limit '" .. tostring(name) .. "'" .. (s and (" (did you mean '" .. s .. "'?)") or "") ..
        "; known: " .. names(), 0)
    end
    if not cache[name] then cache[name] = LOAD[name](l) end
    return cache[name], l
  end

  -- Segment i with x[i] <= x0 <= x[i+1] and x[i] < x[i+1], by bisection on the non-decreasing x
  -- (a repeated mass starts a new segment: at the repeated value the later one is used).
  local function segment(x, x0)
    local n = #x
    if n < 2 or not (x0 >= x[1] and x0 <= x[n]) then return nil end
    local lo, hi = 1, n
    while hi - lo > 1 do
      local mid = (lo + hi) // 2
      if x[mid] <= x0 then lo = mid else hi = mid end
    end
    if x[lo] == x[lo + 1] then lo = lo + 1 end
    if lo >= n then return nil end
    return lo
  end
  local function loglog(x, y, x0)
    local i = segment(x, x0)
    if not i then return nil end
    local t = (math.log(x0) - math.log(x[i])) / (math.log(x[i + 1]) - math.log(x[i]))
    return math.exp(math.log(y[i]) + t * (math.log(y[i + 1]) - math.log(y[i])))
  end
  local function bracket(v, x0)
    for i = 1, #v - 1 do
      if v[i] <= x0 and x0 <= v[i + 1] then return i, (x0 - v[i]) / (v[i + 1] - v[i]) end
    end
  end

  --- The limit called name at Z' mass m (GeV); w = Gamma/m where the limit depends on it;
  --- A = acceptance for cms_dijet.  Returns the limit, or nil and the reason outside its range.
  function zp.lhc_limit(name, m, w, A)
    if type(name) ~= "string" then
      error("zp.lhc_limit: the first argument is a limit name (" .. names() .. "), got " .. type(name), 2)
    end
    if type(m) ~= "number" or m ~= m then
      error("zp.lhc_limit: the second argument is the Z' mass in GeV, got " .. tostring(m), 2)
    end
    if w ~= nil and (type(w) ~= "number" or w ~= w or w < 0) then
      error("zp.lhc_limit: Gamma/m must be a non-negative number, got " .. tostring(w), 2)
    end
    if A ~= nil and (type(A) ~= "number" or not (A > 0 and A <= 1)) then
      error("zp.lhc_limit: the acceptance A must be in (0, 1], got " .. tostring(A), 2)
    end
    local ok, d, l = pcall(data, name)
    if not ok then error("zp.lhc_limit: " .. tostring(d), 2) end
    local function outside() return nil, string.format("m_Z' = %g GeV is outside the %s range", m, l.label) end
    if name == "cms_mumu" then
      local v = loglog(d.m, d.y, m)
      if v then return v end
      return outside()
    elseif name == "cms_dijet" then
      local v = loglog(d.m, d.y, m)
      if v then return v / (A or 0.6) end
      return outside()
    elseif name == "atlas_ll" then
      w = w or 0
      local g, t = bracket(d.widths, w)
      if not g then return nil, string.format("Gamma/m = %.3g is outside the tabulated 0-%g%%", w, 100 * d.widths[#d.widths]) end
      local a, b = loglog(d.m, d.cols[g], m), loglog(d.m, d.cols[g + 1], m)
      if not a then return outside() end
      return a + t * (b - a)
    else -- dijet_j95: bilinear in (m, Gamma/m) as micrOMEGAs' Zprime_dijet
      w = math.max(w or d.rs[1], d.rs[1])
      local i, tm = bracket(d.ms, m)
      local k, tr = bracket(d.rs, w)
      if not i then return outside() end
      if not k then return nil, string.format("Gamma/m = %.3g is above the grid's %g", w, d.rs[#d.rs]) end
      local g = d.grid
      local lo = g[d.ms[i]][d.rs[k]] + tr * (g[d.ms[i]][d.rs[k + 1]] - g[d.ms[i]][d.rs[k]])
      local hi = g[d.ms[i + 1]][d.rs[k]] + tr * (g[d.ms[i + 1]][d.rs[k + 1]] - g[d.ms[i + 1]][d.rs[k]])
      return lo + tm * (hi - lo)
    end
  end
  zp.document("zp.lhc_limit", [=[zp.lhc_limit(name, mZp [, Gamma_over_m [, A]]) -> limit | nil, reason
  An LHC resonance-search limit at the Z' mass mZp (GeV), read from the data search path:
    "cms_mumu"   sigma x BR(mu mu) [pb], CMS 140 fb^-1, narrow width (log-log in m)
    "atlas_ll"   fiducial sigma x BR(l l) [pb], ATLAS 139 fb^-1 ee+mu mu, Gamma/m = 0-0.10 (linear in Gamma/m)
    "cms_dijet"  sigma x BR(jj) [pb] = the CMS 36 fb^-1 qq limit on sigma x B x A divided by A (default 0.6)
    "dijet_j95"  j_95 (dimensionless), micrOMEGAs' dijet recast grid in (m, Gamma/m), bilinear
  Outside a curve's range: nil and the reason (the check table shows "none here").]=])

  function zp.lhc_limits()
    local t = {}
    for i, l in ipairs(LIMITS) do
      t[i] = { name = l.name, file = l.file, unit = l.unit, label = l.label, quantity = l.quantity, cl = l.cl, ref = l.ref }
    end
    return t
  end
  zp.document("zp.lhc_limits", "zp.lhc_limits() -> { { name =, file =, unit =, label =, quantity =, cl =, ref = }, ... }")

  --- The tabulated points of a curve (for plots): { m = {GeV}, limit = {...} }.
  function zp.lhc_limit_curve(name, w, A)
    local ok, d = pcall(data, name)
    if not ok then error("zp.lhc_limit_curve: " .. tostring(d), 2) end
    local out = { m = {}, limit = {} }
    local ms = d.m or d.ms
    for _, m in ipairs(ms) do
      local v = zp.lhc_limit(name, m, w, A)
      if v then out.m[#out.m + 1] = m; out.limit[#out.limit + 1] = v end
    end
    return out
  end
  zp.document("zp.lhc_limit_curve", [=[zp.lhc_limit_curve(name [, Gamma_over_m [, A]]) -> { m = {...}, limit = {...} }
  The points of a limit curve at its tabulated masses (GeV), for plots.]=])

  function zp.zpeed(m)
    if not core.is_model(m) then error("zp.zpeed: the argument is a model, got " .. type(m), 2) end
    local ok, r = pcall(core.zpeed_bins, m)
    if not ok then error("zp.zpeed: " .. tostring(r):gsub("^.-:%d+: ", ""), 2) end
    return r
  end
  zp.document("zp.zpeed", [[zp.zpeed(m) -> { chi2 =, dchi2 =, mu_hat =, sigma_fid_fb =, lo =, hi =, signal =,
                 background =, observed = }
  The ATLAS 139 fb^-1 dimuon bins of the likelihood window of m.LHC_dimuon_chi2 (edges in GeV,
  expected signal and background events, observed events), chi2 = -2 Delta ln L against background
  only (= m.LHC_dimuon_chi2), and ZPEED's one-sided statistic dchi2 = chi2(mu = 1) - chi2(mu_hat)
  with the best-fit signal strength mu_hat in [0, 1] (95% CL exclusion: dchi2 > 2.71).]])

  function zp.pdf(id, x, Q)
    if math.type(id) ~= "integer" then error("zp.pdf: the parton id is a PDG integer (21 gluon, 1-5 quarks, negative antiquarks), got " .. tostring(id), 2) end
    if type(x) ~= "number" or type(Q) ~= "number" then error("zp.pdf: x and Q (GeV) must be numbers", 2) end
    local ok, v = pcall(core.pdf_xfx, id, x, Q)
    if not ok then error("zp.pdf: " .. tostring(v):gsub("^.-:%d+: ", ""), 2) end
    return v
  end
  zp.document("zp.pdf", [[zp.pdf(id, x, Q) -> x f(x, Q)
  Parton distribution (NNPDF2.3 LO, alpha_s = 0.130; the grid behind sigma_pp_Zp) of PDG parton id
  at momentum fraction x and scale Q (GeV), log-bicubic as LHAPDF 6.  Outside the grid: an error.]])
end
