/* test_pppc.c -- the PPPC 4 DM ID reader: layouts, channel names, exactness at grid nodes,
 * agreement with GSL's own Steffen spline between nodes, and every error path. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gsl/gsl_interp.h>

#include "indirect/pppc.h"
#include "base/zp_table.h"
#include "zp_test.h"

#define NOEW "pppc4dmid/AtProductionNoEW_antiprotons.dat"
#define GAMMAS "pppc4dmid/AtProduction_gammas.dat"

static char dir[256];

/* Raw table entry (row r, 1-based column c1) read through the plain table parser. */
static double raw(const char *name, int r, int c1)
{
    zp_status st = {0, ""};
    const zp_table *t = zp_table_get(name, &st);
    return t ? zp_table_at(t, r, c1 - 1) : NAN;
}

static void test_layouts(void)
{
    zp_status st = {0, ""};
    const zp_pppc *p = zp_pppc_get(NOEW, &st);
    ZT_TRUE(p != NULL, "NoEW antiproton table loads");
    if (p == NULL)
        return;
    ZT_TRUE(zp_pppc_nmass(p) == 62 && zp_pppc_nx(p) == 180 && zp_pppc_nchannel(p) == 12,
            "NoEW layout: 62 masses x 180 log10 x values, 12 channels (README section 1)");
    ZT_NEAR(zp_pppc_mmin(p), 5, 0, "lowest mass 5 GeV");
    ZT_NEAR(zp_pppc_mmax(p), 1e5, 0, "highest mass 100 TeV");
    ZT_ABS(zp_pppc_lxmin(p), -8.95, 1e-12, "NoEW log10 x starts at -8.95");
    ZT_ABS(zp_pppc_lxmax(p), 0, 1e-12, "log10 x ends at 0");
    const char *want[] = {"e", "mu", "tau", "q", "c", "b", "t", "W", "Z", "g", "gamma", "h"};
    int same = 1;
    for (int i = 0; i < 12; i++)
        same &= strcmp(zp_pppc_channel_name(p, i), want[i]) == 0;
    ZT_TRUE(same, "channel names from the header, Mathematica letters in plain form");
    int ch = -1;
    ZT_TRUE(zp_pppc_channel(p, "b", &ch, &st) == ZP_OK && ch == 5,
            "b is channel 6, i.e. column 8 (1-based) as the README says");
    ZT_TRUE(zp_pppc_channel(p, "\\[Mu]", &ch, &st) == ZP_OK && ch == 1, "header spelling accepted");
    ZT_TRUE(zp_pppc_get(NOEW, &st) == p, "loaded once and shared");

    const zp_pppc *g = zp_pppc_get(GAMMAS, &st);
    ZT_TRUE(g != NULL, "EW gamma table loads");
    if (g == NULL)
        return;
    ZT_TRUE(zp_pppc_nx(g) == 179 && zp_pppc_nchannel(g) == 28 && zp_pppc_nmass(g) == 62,
            "EW layout: 179 log10 x values, 28 channels");
    ZT_ABS(zp_pppc_lxmin(g), -8.9, 1e-12, "EW log10 x starts at -8.9");
    ZT_TRUE(zp_pppc_channel(g, "b", &ch, &st) == ZP_OK && ch == 11, "EW b is column 14 (1-based)");
    ZT_TRUE(zp_pppc_channel(g, "numu", &ch, &st) == ZP_OK &&
                strcmp(zp_pppc_channel_name(g, ch), "numu") == 0,
            "\\[Nu]\\[Mu] -> numu");
    ZT_TRUE(zp_pppc_channel(g, "V->tau", &ch, &st) == ZP_OK && ch == 27, "V->\\[Tau] -> V->tau");
    ZT_TRUE(zp_pppc_channel(g, "muL", &ch, &st) == ZP_OK && ch == 3, "\\[Mu]L -> muL");
    /* EW gammas, b channel, mDM = 1000 GeV (block 41), log10 x = -1 (node 158 of -8.9..0) */
    int row = 40 * 179 + 158;
    ZT_ABS(raw(GAMMAS, row, 2), -1.0, 1e-12, "EW row index of log10 x = -1");
    double v;
    zp_pppc_channel(g, "b", &ch, &st);
    ZT_TRUE(zp_pppc_dNdlog10x(g, ch, 1000, -1, &v, &st) == ZP_OK && v == raw(GAMMAS, row, 14),
            "EW gammas: exact table value at a node");
}

static void test_nodes(void)
{
    zp_status st = {0, ""};
    const zp_pppc *p = zp_pppc_get(NOEW, &st);
    if (p == NULL)
        return;
    double v;
    /* the file's own digits: mDM = 6 GeV, log10 x = -1.35, b column reads 0.22849578 */
    ZT_TRUE(zp_pppc_dNdlog10x(p, 5, 6, -1.35, &v, &st) == ZP_OK, "node lookup");
    ZT_NEAR(v, 0.22849578, 1e-15, "b at mDM = 6 GeV, log10 x = -1.35 (table line)");
    ZT_TRUE(zp_pppc_dNdlog10x(p, 3, 6, -1.35, &v, &st) == ZP_OK && fabs(v - 0.25120295) < 1e-15,
            "q at the same node: 0.25120295");
    /* every node of a few masses, both through the point look-up and through a slice */
    zp_pppc_slice s;
    int bad = 0;
    int masses[] = {0, 1, 17, 40, 61};
    for (int im = 0; im < 5; im++) {
        int b = masses[im];
        double m = raw(NOEW, b * 180, 1);
        zp_pppc_slice_at(p, 5, m, &s, &st);
        for (int j = 0; j < 180; j++) {
            double want = raw(NOEW, b * 180 + j, 8), lx = raw(NOEW, b * 180 + j, 2);
            zp_pppc_dNdlog10x(p, 5, m, lx, &v, &st);
            bad += (v != want) + (zp_pppc_slice_eval(&s, lx) != want);
        }
    }
    ZT_TRUE(bad == 0, "exact at all nodes of five masses (point look-up and slice)");
}

/* Between nodes: the same numbers as GSL's Steffen spline, in log10 x and in ln m. */
static void test_between_nodes(void)
{
    zp_status st = {0, ""};
    const zp_pppc *p = zp_pppc_get(NOEW, &st);
    if (p == NULL)
        return;
    double lx[180], y[180], v;
    int blk = 27; /* mDM = 300 GeV */
    double m = raw(NOEW, blk * 180, 1);
    for (int j = 0; j < 180; j++) {
        lx[j] = raw(NOEW, blk * 180 + j, 2);
        y[j] = raw(NOEW, blk * 180 + j, 8);
    }
    gsl_interp *gi = gsl_interp_alloc(gsl_interp_steffen, 180);
    gsl_interp_init(gi, lx, y, 180);
    double worst = 0;
    for (double t = -8.93; t < -0.01; t += 0.0377) {
        zp_pppc_dNdlog10x(p, 5, m, t, &v, &st);
        double w = gsl_interp_eval(gi, lx, y, t, NULL);
        worst = fmax(worst, fabs(v - w) / fmax(w, 1e-300));
    }
    gsl_interp_free(gi);
    ZT_TRUE(worst < 1e-12, "log10 x direction agrees with gsl_interp_steffen");

    double lnm[62], ym[62];
    int node = 150; /* log10 x = -1.45 */
    for (int i = 0; i < 62; i++) {
        lnm[i] = log(raw(NOEW, i * 180, 1));
        ym[i] = raw(NOEW, i * 180 + node, 8);
    }
    gsl_interp *gm = gsl_interp_alloc(gsl_interp_steffen, 62);
    gsl_interp_init(gm, lnm, ym, 62);
    worst = 0;
    double masses[] = {5.5, 7, 12, 33, 777, 1950, 2345, 41000, 99999};
    for (int i = 0; i < 9; i++) {
        zp_pppc_dNdlog10x(p, 5, masses[i], raw(NOEW, node, 2), &v, &st);
        double w = gsl_interp_eval(gm, lnm, ym, log(masses[i]), NULL);
        worst = fmax(worst, fabs(v - w) / fmax(w, 1e-300));
    }
    gsl_interp_free(gm);
    ZT_TRUE(worst < 1e-12, "ln m direction agrees with gsl_interp_steffen");

    /* no overshoot: between two nodes the value stays between them, never negative */
    int bad = 0;
    for (double t = -8.95; t <= 0; t += 0.0131) {
        zp_pppc_dNdlog10x(p, 5, 1950, t, &v, &st);
        int j = (int)floor((t + 8.95) / 0.05);
        if (j > 178)
            j = 178;
        double a, b;
        zp_pppc_dNdlog10x(p, 5, 1950, -8.95 + j * 0.05, &a, &st);
        zp_pppc_dNdlog10x(p, 5, 1950, -8.95 + (j + 1) * 0.05, &b, &st);
        bad += !(v >= fmin(a, b) - 1e-15 && v <= fmax(a, b) + 1e-15 && v >= 0);
    }
    ZT_TRUE(bad == 0, "Steffen: no overshoot between nodes, never negative");
    /* a closed channel stays zero: b b-bar at mDM = 5 GeV */
    ZT_TRUE(zp_pppc_dNdlog10x(p, 5, 5, -1, &v, &st) == ZP_OK && v == 0, "closed channel reads 0");
}

static void write_file(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* A small valid PPPC-like grid: 2 masses x 4 nodes; a tweak function can spoil it. */
static void grid_text(char *buf, size_t n, const char *header, int drop_last, double neg,
                      double step2)
{
    size_t k = (size_t)snprintf(buf, n, "%s\n", header);
    double masses[] = {5, 10};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 4; j++) {
            if (drop_last && i == 1 && j == 3)
                continue;
            double lx = -0.15 + 0.05 * j + (i == 1 && j == 2 ? step2 : 0);
            double v = (i == 1 && j == 1) ? neg : 0.1 * (j + 1);
            k += (size_t)snprintf(buf + k, n - k, "%g %g %g %g\n", masses[i], lx, v, 2 * v);
        }
}

static void test_errors(void)
{
    zp_status st = {0, ""};
    const zp_pppc *p = zp_pppc_get(NOEW, &st);
    double v;
    int ch;
    if (p != NULL) {
        ZT_STATUS(zp_pppc_dNdlog10x(p, 5, 2.5, -1, &v, &st), ZP_EDOM, st,
                  "mDM = 2.5 GeV is outside the range [5, 100000] GeV", "mass below the table");
        ZT_STATUS(zp_pppc_dNdlog10x(p, 5, 2e5, -1, &v, &st), ZP_EDOM, st, "outside the range",
                  "mass above the table");
        ZT_STATUS(zp_pppc_dNdlog10x(p, 5, 100, 0.3, &v, &st), ZP_EDOM, st,
                  "log10 x = 0.3 is outside the range [-8.95, 0]", "x above 1");
        ZT_STATUS(zp_pppc_dNdlog10x(p, 5, 100, -9.5, &v, &st), ZP_EDOM, st, "kinetic energy",
                  "x below the table");
        ZT_STATUS(zp_pppc_dNdlog10x(p, 5, NAN, -1, &v, &st), ZP_EDOM, st, "mDM = nan", "NaN mass");
        ZT_STATUS(zp_pppc_channel(p, "bb", &ch, &st), ZP_EINVAL, st, "(did you mean 'b'?)",
                  "misspelt channel");
        ZT_STATUS(zp_pppc_channel(p, "axion", &ch, &st), ZP_EINVAL, st,
                  "channels: e mu tau q c b t W Z g gamma h", "unknown channel lists the channels");
        zp_pppc_slice s;
        ZT_STATUS(zp_pppc_slice_at(p, 99, 100, &s, &st), ZP_EINVAL, st, "channel index 99",
                  "bad channel index");
        ZT_STATUS(zp_pppc_slice_at(p, 5, 3, &s, &st), ZP_EDOM, st, "mDM = 3 GeV", "slice below the table");
    }
    ZT_TRUE(zp_pppc_get("pppc4dmid/AtProduction_nothing.dat", &st) == NULL && st.code == ZP_EDATA &&
                strstr(st.msg, "not found in any directory of the data search path") != NULL,
            "missing file");

    char buf[2048], path[600];
    const char *hdr = "mDM Log[10,x] e b";
    grid_text(buf, sizeof buf, hdr, 0, 0.2, 0);
    write_file("ok.dat", buf);
    grid_text(buf, sizeof buf, "mDM x e b", 0, 0.2, 0);
    write_file("wrongcols.dat", buf);
    grid_text(buf, sizeof buf, "", 0, 0.2, 0);
    write_file("nohdr.dat", buf);
    grid_text(buf, sizeof buf, hdr, 1, 0.2, 0);
    write_file("short.dat", buf);
    grid_text(buf, sizeof buf, hdr, 0, -0.2, 0);
    write_file("neg.dat", buf);
    grid_text(buf, sizeof buf, hdr, 0, 0.2, 0.01);
    write_file("uneven.dat", buf);
    struct {
        const char *file, *msg, *what;
    } cases[] = {
        {"wrongcols.dat", "is not a PPPC 4 DM ID table", "first columns not mDM, Log[10,x]"},
        {"nohdr.dat", "has no header line", "no header"},
        {"short.dat", "is not a complete grid", "a row missing"},
        {"neg.dat", "must be finite and non-negative", "negative entry"},
        {"uneven.dat", "a uniform grid repeated for every mass", "log10 x grid differs between masses"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, cases[i].file);
        st.code = 0;
        ZT_TRUE(zp_pppc_get(path, &st) == NULL && st.code == ZP_EDATA && strstr(st.msg, cases[i].msg),
                cases[i].what);
    }
    snprintf(path, sizeof path, "%s/ok.dat", dir);
    const zp_pppc *q = zp_pppc_get(path, &st);
    ZT_TRUE(q != NULL && zp_pppc_nmass(q) == 2 && zp_pppc_nx(q) == 4, "a small valid grid by absolute path");
    if (q) {
        ZT_TRUE(zp_pppc_dNdlog10x(q, 1, 10, -0.05, &v, &st) == ZP_OK && fabs(v - 0.6) < 1e-15,
                "small grid node value");
        /* re-reading after a cache clear gives a fresh, valid table */
        zp_table_cache_clear();
        q = zp_pppc_get(path, &st);
        ZT_TRUE(q != NULL && zp_pppc_dNdlog10x(q, 1, 5, -0.1, &v, &st) == ZP_OK &&
                    fabs(v - 0.4) < 1e-15,
                "table re-read after zp_table_cache_clear");
    }
    double y[3] = {1, 2, 3};
    zp_pppc_slice s;
    ZT_STATUS(zp_pppc_slice_from(y, 3, 0, 0.1, 1, &s, &st), ZP_EINVAL, st, "4 to 512 nodes",
              "too few nodes for a slice");
    double yn[4] = {1, 2, NAN, 3};
    ZT_STATUS(zp_pppc_slice_from(yn, 4, 0, 0.1, 1, &s, &st), ZP_EINVAL, st, "dN/dlog10x[3] = nan",
              "NaN node value");
}

static void test_slopes(void)
{
    /* Steffen's limiter: equal secants keep the slope; opposite signs give a flat extremum */
    ZT_NEAR(zp_steffen_slope(1, 2, 1, 2), 2, 1e-15, "straight line keeps its slope");
    ZT_ABS(zp_steffen_slope(1, 1, 1, -1), 0, 0, "local maximum gets zero slope");
    ZT_NEAR(zp_steffen_slope(1, 1, 1, 9), 2, 1e-15, "slope limited to 2 min(|s0|, |s1|)");
}

int main(void)
{
    zp_core_init();
    snprintf(dir, sizeof dir, "/tmp/zprime-test-pppc-%d", (int)getpid());
    char cmd[300];
    snprintf(cmd, sizeof cmd, "mkdir -p %s", dir);
    if (system(cmd) != 0)
        return 1;
    static const char *const tables[] = {"pppc4dmid/AtProductionNoEW_antiprotons.dat",
                                         "pppc4dmid/AtProduction_gammas.dat",
                                         "pppc4dmid/AtProduction_positrons.dat", NULL};
    if (zt_need_tables(tables)) {
        test_layouts();
        test_nodes();
        test_between_nodes();
    }
    test_errors();
    test_slopes();
    zp_table_cache_clear();
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        return 1;
    return ZT_DONE();
}
