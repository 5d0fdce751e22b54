-- The paper's benchmarks and the Figure-2 plane against today's b -> s mu mu data: R_K and R_K*
-- in [1.1, 6] GeV^2 (LHCb 2022, arXiv:2212.09152/09153) and BR(B_s -> mu mu) (2022 average,
-- arXiv:2212.10497), read from flavio 2.7.0's measurements.yml (data/flavio/).
-- Usage: zprime scripts/today.lua [OUTDIR | -o DIR]
--   writes <outdir>/today_benchmarks.csv, today_c9_scan.csv and today_fig2.png/.pdf/.dat/.gp/.csv
--
-- Pulls are (prediction - measurement)/sigma with sigma the measurement's error on the side of
-- the prediction, the form-factor error (R_K, R_K*) or the parametric error (B_s -> mu mu) added in
-- quadrature.  The plane uses C9 = -C10 = -K x sin(theta_D) cos(theta_D) (eq. 15, m_Z' >> m_b,
-- x = g_q g_l / m_Z'^2 in TeV^-2) and the C9 interval allowed by R_K and R_K* together
-- (chi^2 of the constraint "R_K, R_K* (LHCb 2022)": both ratios in [0.1, 1.1] and [1.1, 6] GeV^2
-- with their correlation; chi^2 <= chi^2_min + 4, 95% CL for one parameter).
local zp = zp or require "zprime"
local cli = require "zprime.cli"
local fs = require "zprime.fs"
local outdir = cli.parse(cli.outdir(cli.parser("scripts/today.lua",
  "The paper's benchmarks and the Figure-2 plane against the 2022 R_K, R_K* and B_s -> mu mu data. " ..
  "Writes today_benchmarks.csv, today_c9_scan.csv and today_fig2.png/.pdf/.dat/.gp/.csv into OUTDIR."))).outdir

local BIN = { 1.1, 6 }
local RK = "LHCb RK RK* 2022"
local CBS = zp.constraint("B_s→μμ (2022 average)")
if not CBS then error("today.lua: the constraint 'B_s→μμ (2022 average)' is missing from zp.constraints") end
local CRK = zp.constraint("R_K, R_K* (LHCb 2022)")
if not CRK then error("today.lua: the constraint 'R_K, R_K* (LHCb 2022)' is missing from zp.constraints") end
local MK = zp.flavio.value(RK, "<Rmue>(B+->Kll)", 1.1, 6.0)
local MKS = zp.flavio.value(RK, "<Rmue>(B0->K*ll)", 1.1, 6.0)

--- pull of a prediction with its form-factor error against a measured value (error on its side)
local function pull(pred, ff, v)
  local s = (pred < v.central) and v.sigma_down or v.sigma_up
  return (pred - v.central) / math.sqrt(s * s + ff * ff)
end

--- predictions, errors and pulls of one model
local function confront(m)
  local r = { C9 = m.C9_bsmumu }
  r.RK, r.RK_ff = m:R_K(BIN[1], BIN[2]), m:R_K_err(BIN[1], BIN[2])
  r.RKs, r.RKs_ff = m:R_Kstar(BIN[1], BIN[2]), m:R_Kstar_err(BIN[1], BIN[2])
  r.Bs = m.BR_Bs_mumu
  r.pull_RK, r.pull_RKs = pull(r.RK, r.RK_ff, MK), pull(r.RKs, r.RKs_ff, MKS)
  r.pull_Bs = (r.Bs - CBS.central()) / CBS.sigma(m)
  -- all four LHCb 2022 ratios (both bins) with their correlation, as the constraint computes it
  r.chi2_R = CRK.observable(m) ^ 2
  return r
end

-- a contact-limit model with a given C9 (heavy Z', m_Z' = 1 TeV)
local base = zp.model{ mZp = 1000, gl = 0.5, thetaD = 0.01 }
local function with_c9(c9) return base:with{ gq = base.gq * c9 / base.C9_bsmumu } end

local heavy = zp.variants.heavy_dirac{ mZp = 600, mchi = 70, nq = 2, nchi = 5 }
-- the benchmark points of the paper report (scripts/paper.lua) and the variant's default theta_D
local BENCH = {
  { "SM", zp.model{ gq = 0 } },
  { "heavy: mZp = 600, nq = 2, nchi = 5, thetaD = 0.004", heavy },
  { "heavy: same, thetaD = 0.006 (report benchmark)", heavy:with{ thetaD = 0.006 } },
  { "heavy: same, thetaD = 0.008 (section 4.1.3)", heavy:with{ thetaD = 0.008 } },
  { "light: mZp = 12, mchi = 1950, MED", zp.variants.light_inelastic{ mchi = 1950, mZp = 12, prop = "MED" } },
  { "2016 window edge C9 = -0.18", with_c9(-0.18) },
  { "2016 window edge C9 = -1.12", with_c9(-1.12) },
}

print(string.format("Measurements: R_K[1.1,6] = %.3f, R_K*[1.1,6] = %.3f (LHCb 2022); BR(B_s->mumu) = %.2fe-9 (2022 average)",
  MK.central, MKS.central, CBS.central() * 1e9))
print("C9: C9_bsmumu of eq. (15) at q2 = 0; the rates use the Z' propagator at each q2 (light Z': +2.5% in [1.1, 6])")
print(string.format("%-52s %7s %15s %6s %15s %6s %10s %6s %7s", "benchmark", "C9", "R_K", "pull", "R_K*", "pull",
  "BR_Bs/1e-9", "pull", "chi2_R"))
local rows = { columns = { "benchmark", "C9_bsmumu", "R_K", "R_K_fferr", "pull_R_K", "R_Kstar", "R_Kstar_fferr",
                           "pull_R_Kstar", "BR_Bs_mumu", "pull_BR_Bs_mumu", "chi2_RK_RKstar" } }
for _, c in ipairs(rows.columns) do rows[c] = {} end
local res = {}
for i, b in ipairs(BENCH) do
  local r = confront(b[2])
  res[i] = r
  print(string.format("%-52s %7.3f %8.3f+-%.4f %+6.2f %8.3f+-%.4f %+6.2f %10.3f %+6.2f %7.2f", b[1], r.C9, r.RK, r.RK_ff,
    r.pull_RK, r.RKs, r.RKs_ff, r.pull_RKs, r.Bs * 1e9, r.pull_Bs, r.chi2_R))
  local vals = { b[1], r.C9, r.RK, r.RK_ff, r.pull_RK, r.RKs, r.RKs_ff, r.pull_RKs, r.Bs, r.pull_Bs, r.chi2_R }
  for k, c in ipairs(rows.columns) do rows[c][i] = vals[k] end
end
zp.write_csv(fs.join(outdir, "today_benchmarks.csv"), rows, { header = {
  "paper benchmarks vs LHCb 2022 R_K, R_K* [1.1,6] GeV^2 and the 2022 BR(B_s->mumu) average; pulls in sigma" } })

-- C9 = -C10 scan: the interval allowed by R_K and R_K* (and, separately, by B_s -> mu mu)
local c9s = zp.range(-1.5, 0.5, 201)
local scan = { columns = { "C9", "R_K", "R_Kstar", "BR_Bs_mumu", "chi2_R", "pull_BR_Bs_mumu" } }
for _, c in ipairs(scan.columns) do scan[c] = {} end
local chimin, c9_best = math.huge, nil
for i, c9 in ipairs(c9s) do
  local r = confront(with_c9(c9))
  scan.C9[i], scan.R_K[i], scan.R_Kstar[i], scan.BR_Bs_mumu[i] = c9, r.RK, r.RKs, r.Bs
  scan.chi2_R[i], scan.pull_BR_Bs_mumu[i] = r.chi2_R, r.pull_Bs
  if r.chi2_R < chimin then chimin, c9_best = r.chi2_R, c9 end
end
zp.write_csv(fs.join(outdir, "today_c9_scan.csv"), scan, { header = { "C9 = -C10 (eq. 15 normalisation) vs R_K, R_K*, BR(B_s->mumu)" } })

--- the C9 interval where pred(i) holds, edges by linear interpolation
local function interval(ok_value)
  local lo, hi
  for i = 1, #c9s do
    local v = ok_value(i)
    if v <= 0 then
      if not lo then
        lo = c9s[i]
        if i > 1 then local a = ok_value(i - 1); lo = c9s[i - 1] + (c9s[i] - c9s[i - 1]) * a / (a - v) end
      end
      hi = c9s[i]
      if i < #c9s then
        local a = ok_value(i + 1)
        if a > 0 then hi = c9s[i] + (c9s[i + 1] - c9s[i]) * (-v) / (a - v) end
      end
    end
  end
  return lo, hi
end
local r_lo, r_hi = interval(function(i) return scan.chi2_R[i] - chimin - 4 end)
local b_lo, b_hi = interval(function(i) return math.abs(scan.pull_BR_Bs_mumu[i]) - 2 end)
print(string.format("C9 = -C10 allowed at 95%% CL: R_K + R_K* (LHCb 2022) [%.3f, %.3f]; BR(B_s->mumu) (2022, |pull| <= 2) [%.3f, %.3f]; paper (2016, 3 sigma) [-1.12, -0.18]",
  r_lo, r_hi, b_lo, b_hi))

-- Figure 2 plane: theta_D(x) for the band edges (s c = -C9 / (K x))
local t1 = zp.table1_coefficients(zp.model{})
local x = zp.logrange(0.01, 100, 300)
local function theta_of(v)
  if v <= 0 then return 0 / 0 end
  if v > 0.5 then return math.pi / 4 end
  return 0.5 * math.asin(2 * v)
end
-- band between C9 = c9a and c9b (< 0 below the x axis: C9 >= 0 reaches theta_D = 0, drawn at 1e-6)
local function band(c9a, c9b)
  local lo, hi = {}, {}
  for i, xi in ipairs(x) do
    lo[i] = (c9b >= 0) and 1e-6 or theta_of(-c9b / (t1.K * xi))
    hi[i] = theta_of(-c9a / (t1.K * xi))
  end
  return lo, hi
end
local p_lo, p_hi = band(-1.12, -0.18)
local n_lo, n_hi = band(r_lo, r_hi)
local s_lo, s_hi = band(b_lo, b_hi)
local fig = { columns = { "x", "theta_paper_lo", "theta_paper_hi", "theta_RK2022_lo", "theta_RK2022_hi",
                          "theta_Bs2022_lo", "theta_Bs2022_hi" } }
fig.x, fig.theta_paper_lo, fig.theta_paper_hi = x, p_lo, p_hi
fig.theta_RK2022_lo, fig.theta_RK2022_hi, fig.theta_Bs2022_lo, fig.theta_Bs2022_hi = n_lo, n_hi, s_lo, s_hi
local fig_units = { x = "TeV^-2" }
for _, c in ipairs(fig.columns) do if c ~= "x" then fig_units[c] = "rad" end end
zp.write_csv(fs.join(outdir, "today_fig2.csv"), fig, { units = fig_units, header = {
  "Figure 2 plane, x = g_q g_l mhat^-2 [TeV^-2] vs theta_D [rad]: paper 2016 b->s mu mu band and the 2022 R_K/R_K* and B_s->mu mu bands",
  string.format("C9 intervals: paper [-1.12, -0.18], R_K+R_K* 2022 [%.4f, %.4f], B_s->mumu 2022 [%.4f, %.4f]; K = %.2f TeV^2",
    r_lo, r_hi, b_lo, b_hi, t1.K) } })
local xh = heavy.gq * heavy.gl / (heavy.mZp / 1000) ^ 2  -- the heavy benchmark's x in TeV^-2
local theta_bs = {}
for i, xi in ipairs(x) do theta_bs[i] = theta_of(math.sqrt(t1.Bs_max / (2 * xi))) end
local plot = zp.plot{
  out = fs.join(outdir, "today_fig2.png"), pdf = true,
  title = "Figure-2 plane with the 2022 b → sμμ data (C_9 = −C_{10}, m_{Z′} ≫ m_b)",
  xlabel = "g_q g_l / m_{Z′}^2 [TeV^{−2}]", ylabel = "θ_D [rad]",
  logx = true, logy = true, xrange = { 0.01, 100 }, yrange = { 1e-5, 0.5 }, key = "top right",
  size = { 950, 700 },
  series = {
    { x = x, ylow = p_lo, yhigh = p_hi, style = "band", color = "#4a78c8", label = "paper: b → sμμ 2016 (3σ)" },
    { x = x, ylow = n_lo, yhigh = n_hi, style = "band", color = "#2ca02c", label = "R_K, R_{K*} LHCb 2022 (95% CL)" },
    { x = x, y = s_hi, style = "dashed", color = "#9467bd", label = "B_s → μμ 2022: upper edge (95% CL)" },
    { x = x, y = theta_bs, style = "lines", color = "#ff7f0e", label = "B_s mixing, n_q = 2" },
    { vline = 0.12, style = "dashed", color = "#d62728", label = "heavy Z′ + Dirac χ: 0.12 TeV^{−2}" },
    { x = { xh, xh, xh }, y = { heavy.thetaD, 0.006, 0.008 }, style = "points", color = "#000000",
      label = "heavy benchmarks (θ_D = 0.004, 0.006, 0.008)" },
  },
}

-- the verdict, in numbers: R_K and R_K* by Delta chi^2 against the best C9 = -C10, B_s -> mu mu by its pull
local h, h6, h8, l = res[2], res[3], res[4], res[5]
print(string.format("best fit of R_K, R_K* (4 values): C9 = -C10 = %.3f, chi^2_min = %.2f", c9_best, chimin))
local function verdict(name, r)
  local d = r.chi2_R - chimin
  local ok = d <= 4 and math.abs(r.pull_Bs) <= 2
  return string.format("%s: C9 = %.3f, R_K pull %+.1f, R_K* pull %+.1f, Delta chi^2(R_K, R_K*) = %.1f, B_s->mumu pull %+.1f -> %s",
    name, r.C9, r.pull_RK, r.pull_RKs, d, r.pull_Bs, ok and "survives at 95% CL" or "excluded at 95% CL")
end
print(verdict("heavy benchmark (thetaD = 0.004)", h))
print(verdict("heavy benchmark (thetaD = 0.006)", h6))
print(verdict("heavy benchmark (thetaD = 0.008)", h8))
print(verdict("light benchmark", l))
print(string.format("The 2022 R_K/R_K* data allow C9 = -C10 in [%.2f, %.2f]: %.0f%% of the paper's 2016 window [-1.12, -0.18] (only its edge near -0.18) survives.",
  r_lo, r_hi, 100 * math.max(0, math.min(r_hi, -0.18) - math.max(r_lo, -1.12)) / 0.94))
-- the heavy variant's line x = xh: which theta_D explained the 2016 window and which survive now
local function th(c9) return theta_of(-c9 / (t1.K * xh)) end
print(string.format("Heavy variant (x = g_q g_l/mhat^2 = %.3f /TeV^2): the 2016 window needs theta_D in [%.4f, %.4f] " ..
  "(B_s mixing allows <= %.4f); the 2022 R_K, R_K* allow theta_D <= %.4f, so only [%.4f, %.4f] does both.",
  xh, th(-0.18), th(-1.12), theta_of(math.sqrt(t1.Bs_max / (2 * xh))), th(r_lo), th(-0.18), th(r_lo)))
print("wrote " .. plot.png .. ", " .. outdir .. "/today_benchmarks.csv, today_c9_scan.csv, today_fig2.csv")
