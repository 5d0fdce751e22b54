-- 05 Scans, CSV files and plots.
-- Run: build/zprime examples/05_scans_and_plots.lua [outdir]     (files go to outdir, default
-- out/examples; or paste the lines at the zprime> prompt).  Plots need gnuplot (gnuplot-nox).
zp = zp or require "zprime"
outdir = (arg and arg[1]) or "out/examples"

-- A line: C9 and DeltaM_s along m_Z' at fixed couplings.  zp.scan evaluates the observables at
-- every point and writes the rows to a CSV file as it goes (with a progress bar on a terminal).
base = zp.model{ gq = 0.29, gl = 0.145, thetaD = 0.004 }
line = zp.scan{ model = base, over = { mZp = zp.range(200, 2000, 73) },
                observe = { "C9_bsmumu", "DeltaM_s" }, out = outdir .. "/05_line.csv" }
print(line.n .. " rows in " .. line.file .. ": " .. table.concat(line.columns, ", "))
print(string.format("first row: mZp = %g GeV, C9 = %.4f, DeltaM_s = %.3f ps^-1",
  line.mZp[1], line.C9_bsmumu[1], line.DeltaM_s[1]))

-- Plot a column against another; extra series (here the 3 sigma window of eq. 13) go in `series`.
-- zp.plot writes the PNG, the numbers (.dat) and a gnuplot script (.gp) to re-render it.
if not line.chunk then
  print(zp.plot{ data = line, x = "mZp", y = "C9_bsmumu", label = "C_9^{NP}, eq. (15)", key = "bottom right",
    out = outdir .. "/05_c9_vs_mzp.png", title = "g_q = 0.29, g_l = 0.145, {/Symbol q}_D = 0.004",
    xlabel = "m_{Z'} [GeV]", ylabel = "C_9^{NP}", series = {
      { hline = -0.18, label = "3{/Symbol s} window, eq. (13)", style = "dashed", color = "#d62728" },
      { hline = -1.12, style = "dashed", color = "#d62728" } } })
end

-- A 2-D grid with constraints: every point gets pass_<constraint> columns (1/0) and `pass`.
region_spec = { model = base, over = { mZp = zp.range(200, 1500, 66), thetaD = zp.logrange(1e-4, 0.1, 91) },
  observe = { "C9_bsmumu" }, constraints = { "b->s mu mu", "b->s nu nu", "B_s mixing", "nu trident" },
  out = outdir .. "/05_region.csv" }
region = zp.scan(region_spec)
npass = 0
for i = 1, region.n do npass = npass + region.pass[i] end
print(string.format("%d of %d grid points pass all four constraints", npass, region.n))

-- Compare with Table I by hand: at m_Z' = 600 GeV, b->s mu mu needs x = g_q g_l s c mhat^-2 in
-- [0.00028, 0.00177] and B_s mixing needs g_q^2 (s c)^2 mhat^-2 <~ 1.5e-5.
t1 = zp.table1_coefficients(base)
r = (0.6 ^ 2) / (base.gq * base.gl)
print(string.format("Table I at 600 GeV: %.4f <= theta_D <= %.4f (s c ~ theta_D)",
  t1.bsmumu_lo * r, math.sqrt(t1.Bs_max) * 0.6 / base.gq))
lo, hi = math.huge, -math.huge
for i = 1, region.n do
  if region.mZp[i] == 600 and region.pass[i] == 1 then
    lo, hi = math.min(lo, region.thetaD[i]), math.max(hi, region.thetaD[i])
  end
end
if lo <= hi then print(string.format("scan grid at 600 GeV: allowed points from %.4f to %.4f", lo, hi)) end

-- The allowed region, filled.  z = "pass" draws where the column is 1.
if not region.chunk then
  print(zp.plot{ data = region, x = "mZp", y = "thetaD", z = "pass", logy = true, xrange = { 200, 1500 },
    out = outdir .. "/05_allowed.png", title = "Flavour constraints, g_q = 0.29, g_l = 0.145",
    xlabel = "m_{Z'} [GeV]", ylabel = "{/Symbol q}_D" })
end

-- The same grid as a heat map of C9 (a continuous column), with the 3 sigma window of eq. (13)
-- as contour lines; zp.plot(res) alone picks the region or the heat map from the columns.
if not region.chunk then
  print(zp.plot{ data = region, x = "mZp", y = "thetaD", z = "C9_bsmumu", levels = { -1.12, -0.18 },
    logy = true, out = outdir .. "/05_c9_map.png", title = "C_9^{NP}, g_q = 0.29, g_l = 0.145",
    xlabel = "m_{Z'} [GeV]", ylabel = "{/Symbol q}_D", label = "C_9^{NP}" })
end

-- Reading a CSV back gives the same columns, with units, errors and the header lines.
t = zp.read_csv(region.file)
print(t.n .. " rows read back; unit of mZp: " .. t.units.mZp ..
  "; same pass column: " .. tostring(t.pass[100] == region.pass[100]))

-- Resume: a scan stopped part way (Ctrl-C, a cluster time limit) leaves the complete rows in its
-- file, and resume = true computes only the rest.  max_rows = 300 stops this one after 300 rows
-- as a time limit would; the second call, with resume = true, finishes it.
resume_spec = { model = base, over = region_spec.over, observe = region_spec.observe,
  constraints = region_spec.constraints, out = outdir .. "/05_resume.csv", quiet = true, max_rows = 300 }
part = zp.scan(resume_spec)
print(part.n .. " rows so far, complete: " .. tostring(part.complete))
resume_spec.max_rows, resume_spec.resume = nil, true
again = zp.scan(resume_spec)
same = again.n == region.n
for i = 1, region.n do same = same and again.pass[i] == region.pass[i] end
print("resumed: " .. again.n .. " rows, the same pass column as the uninterrupted scan: " .. tostring(same))

-- Big scans on many cores or a cluster: the same script runs as deterministic slices,
--   build/zprime examples/05_scans_and_plots.lua out/ex --chunk 1/4     (and 2/4, 3/4, 4/4)
-- each writing out/ex/05_region-KofN.csv (res.chunk = "K/N" there, so the plots above are
-- skipped); then join the slices into exactly the file one run would write:
--   build/zprime merge out/ex/05_region-*of4.csv -o out/ex/05_region.csv
-- `--jobs 4` forks 4 local workers and merges for you.  docs/cluster.md: Slurm, HTCondor, GNU parallel.
