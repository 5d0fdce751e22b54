/* test_collider.c -- PDF grid, sigma(pp -> Z') and the ZPEED dimuon likelihood (src/core/collider). */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_integration.h>

#include "base/widths.h"
#include "base/zp_params.h"
#include "base/zp_table.h"
#include "base/zp_units.h"
#include "collider/pdf.h"
#include "collider/xsec.h"
#include "collider/zpeed.h"
#include "zp_test.h"

/* Tolerances named by the check they serve (issue 16 / data README section 4d). */
#define TOL_MOMENTUM 0.01 /* momentum sum rule */
#define TOL_VALENCE 0.02  /* valence sums */
#define TOL_CARD 0.03     /* MadGraph cards of Z'-explorer */
#define TOL_GL 1e-4       /* 64-node Gauss-Legendre vs QAGS */

typedef struct {
    const zp_pdf *pdf;
    double Q;
    int mode; /* 0: momentum (all partons), 1: u - ubar, 2: d - dbar */
} sr_ctx;

static double sr_integrand(double u, void *vp)
{
    const sr_ctx *c = vp;
    double x = exp(u), v = 0, f;
    static const int all[] = {-6, -5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6, 21, 22};
    if (c->mode == 0) {
        for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
            if (zp_pdf_xfx(c->pdf, all[i], x, c->Q, &f, NULL) == ZP_OK)
                v += f;
        return v * x; /* int x f dx = int (x f) x dln x */
    }
    int q = c->mode == 1 ? 2 : 1;
    double fq = 0, fqb = 0;
    zp_pdf_xfx(c->pdf, q, x, c->Q, &fq, NULL);
    zp_pdf_xfx(c->pdf, -q, x, c->Q, &fqb, NULL);
    return fq - fqb; /* int (q - qbar) dx = int x (q - qbar) dln x */
}

static double sum_rule(const zp_pdf *pdf, double Q, int mode)
{
    sr_ctx c = {pdf, Q, mode};
    gsl_function F = {sr_integrand, &c};
    gsl_integration_workspace *w = gsl_integration_workspace_alloc(500);
    double r = NAN, err;
    gsl_integration_qags(&F, log(1e-9), 0.0, 0.0, 1e-6, 500, w, &r, &err);
    gsl_integration_workspace_free(w);
    return r;
}

static void test_sum_rules(const zp_pdf *pdf)
{
    const double Qs[] = {10.0, 100.0, 1000.0};
    char what[96];
    for (int i = 0; i < 3; i++) {
        double mom = sum_rule(pdf, Qs[i], 0), uv = sum_rule(pdf, Qs[i], 1), dv = sum_rule(pdf, Qs[i], 2);
        printf("  Q = %6g GeV: momentum %.4f, u valence %.4f, d valence %.4f\n", Qs[i], mom, uv, dv);
        snprintf(what, sizeof what, "momentum sum rule at Q = %g GeV", Qs[i]);
        ZT_NEAR(mom, 1.0, TOL_MOMENTUM, what);
        snprintf(what, sizeof what, "valence int(u - ubar) at Q = %g GeV", Qs[i]);
        ZT_NEAR(uv, 2.0, TOL_VALENCE, what);
        snprintf(what, sizeof what, "valence int(d - dbar) at Q = %g GeV", Qs[i]);
        ZT_NEAR(dv, 1.0, TOL_VALENCE, what);
    }
}

/* The interpolation returns the knot values exactly at the knots, and is smooth between. */
static void test_knots(const zp_pdf *pdf)
{
    /* line 4 of the grid: x = 1e-9 ... ; first value row is x = 1e-9, Q = 1 GeV; the gluon is the
     * 13th column.  Read the same numbers straight from the file as the independent reference. */
    char path[4096];
    zp_status st = {0, ""};
    ZT_TRUE(zp_data_find(ZP_LHC_PDF, path, sizeof path, &st) == ZP_OK, "PDF grid found");
    FILE *fp = fopen(path, "r");
    char line[4096];
    double want[14] = {0};
    int ok = fp != NULL;
    for (int i = 0; ok && i < 7; i++) /* 3 header lines, x, Q, ids, first row */
        ok = fgets(line, sizeof line, fp) != NULL;
    if (fp)
        fclose(fp);
    char *p = line;
    for (int i = 0; ok && i < 14; i++)
        want[i] = strtod(p, &p);
    double g, ubar, b;
    zp_pdf_xfx(pdf, 21, 1e-9, 1.0, &g, NULL);
    zp_pdf_xfx(pdf, -2, 1e-9, 1.0, &ubar, NULL);
    zp_pdf_xfx(pdf, 5, 1e-9, 1.0, &b, NULL);
    ZT_NEAR(g, want[12], 1e-12, "x g at the first knot equals the file's value");
    ZT_NEAR(ubar, want[4], 1e-12, "x ubar at the first knot equals the file's value");
    ZT_ABS(b, want[10], 1e-300, "x b at the first knot equals the file's value");
}

static void test_pdf_errors(const zp_pdf *pdf)
{
    zp_status st = {0, ""};
    double v;
    ZT_STATUS(zp_pdf_xfx(pdf, 2, 1e-10, 100.0, &v, &st), ZP_EDOM, st, "x = 1e-10", "x below the grid");
    ZT_STATUS(zp_pdf_xfx(pdf, 2, 0.1, 2e4, &v, &st), ZP_EDOM, st, "Q = 20000 GeV", "Q above the grid");
    ZT_STATUS(zp_pdf_xfx(pdf, 2, NAN, 100.0, &v, &st), ZP_EDOM, st, "outside the PDF grid", "NaN x");
    ZT_STATUS(zp_pdf_xfx(pdf, 7, 0.1, 100.0, &v, &st), ZP_EINVAL, st, "parton id 7", "unknown flavour");
    ZT_TRUE(zp_pdf_read("/nonexistent/pdf.dat", &st) == NULL && st.code == ZP_EDATA &&
                strstr(st.msg, "/nonexistent/pdf.dat") != NULL,
            "missing grid file names the file");
    ZT_TRUE(zp_pdf_get("lhc/pdf/no_such_grid.dat", &st) == NULL && st.code == ZP_EDATA &&
                strstr(st.msg, "no_such_grid.dat") != NULL,
            "missing grid on the search path names the file");
    /* a malformed grid: a truncated copy */
    char tmp[] = "/tmp/zp_pdf_XXXXXX";
    int fd = mkstemp(tmp);
    if (fd >= 0) {
        FILE *fp = fdopen(fd, "w");
        fputs("PdfType: central\nFormat: lhagrid1\n---\n1e-3 1e-2 1e-1 1\n1 10 100 1000\n1 2 21\n1 2 3\n", fp);
        fclose(fp);
        ZT_TRUE(zp_pdf_read(tmp, &st) == NULL && st.code == ZP_EDATA && strstr(st.msg, "expected 16 value rows"),
                "truncated grid is a clear error");
        fp = fopen(tmp, "w");
        fputs("PdfType: central\nFormat: lhagrid2\n---\n", fp);
        fclose(fp);
        ZT_TRUE(zp_pdf_read(tmp, &st) == NULL && st.code == ZP_EDATA && strstr(st.msg, "lhagrid1"),
                "wrong format is a clear error");
        remove(tmp);
    }
}

/* sigma per unit (g_L^2 + g_R^2) of one diagonal channel in pb. */
static double sigma_unit(const zp_pdf *pdf, zp_lhc_channel ch, double m)
{
    double J[ZP_LHC_NCH];
    zp_status st = {0, ""};
    if (zp_lhc_lumis(pdf, m, 13000.0, m, J, &st) != ZP_OK)
        return NAN;
    return (ZP_PI / 6.0) / (m * m) * J[ch] * ZP_GEVM2_TO_PB;
}

/* Z'-explorer's MadGraph cards: sigma = card x (g_L^2 + g_R^2) (data README 4d). */
static void test_cards(const zp_pdf *pdf)
{
    const zp_lhc_channel ch[5] = {ZP_LHC_UU, ZP_LHC_DD, ZP_LHC_CC, ZP_LHC_SS, ZP_LHC_BB};
    const char *nm[5] = {"u ubar", "d dbar", "c cbar", "s sbar", "b bbar"};
    const double M[4] = {0.5, 1.0, 2.0, 4.0}; /* TeV */
    for (int k = 0; k < 5; k++) {
        char name[64], what[128];
        snprintf(name, sizeof name, "lhc/xsec/sim_card_%d.dat", k + 1);
        zp_status st = {0, ""};
        const zp_table *t = zp_table_get(name, &st);
        ZT_TRUE(t != NULL && t->ncol == 2, name);
        if (t == NULL)
            continue;
        for (int j = 0; j < 4; j++) {
            double card = NAN;
            for (int r = 0; r < t->nrow; r++)
                if (fabs(zp_table_at(t, r, 0) - M[j]) < 1e-6)
                    card = zp_table_at(t, r, 1);
            snprintf(what, sizeof what, "sigma(%s -> Z') at %g TeV vs MadGraph card %d", nm[k], M[j], k + 1);
            double mine = sigma_unit(pdf, ch[k], 1000.0 * M[j]);
            printf("  %-6s %g TeV: %.5g pb vs card %.5g pb (ratio %.4f)\n", nm[k], M[j], mine, card, mine / card);
            ZT_NEAR(mine, card, TOL_CARD, what);
        }
    }
}

static void test_quadrature(const zp_pdf *pdf)
{
    const double ms[3] = {250.0, 1000.0, 5000.0};
    for (int i = 0; i < 3; i++)
        for (int c = 0; c < ZP_LHC_NCH; c++) {
            double J[ZP_LHC_NCH], Ja = NAN;
            zp_status st = {0, ""};
            zp_lhc_lumis(pdf, ms[i], 13000.0, ms[i], J, &st);
            zp_lhc_lumi_adaptive(pdf, (zp_lhc_channel)c, ms[i], 13000.0, ms[i], &Ja, &st);
            char what[96];
            snprintf(what, sizeof what, "Gauss-Legendre vs QAGS luminosity, channel %d at %g GeV", c, ms[i]);
            ZT_NEAR(J[c], Ja, TOL_GL, what);
        }
}

/* The model's channels: couplings of eqs. (5), (7), (11), and the observables. */
static void test_model(const zp_pdf *pdf)
{
    zp_params p;
    zp_params_default(&p);
    p.v[ZP_MZP] = 1000.0;
    p.v[ZP_GQ] = 0.5;
    p.v[ZP_THETAD] = 0.1; /* large, so every channel matters */
    double s[ZP_LHC_NCH], tot, J[ZP_LHC_NCH];
    zp_status st = {0, ""};
    ZT_TRUE(zp_lhc_sigma(&p, s, &tot, &st) == ZP_OK, "zp_lhc_sigma succeeds");
    zp_lhc_lumis(pdf, 1000.0, 13000.0, 1000.0, J, &st);
    double c = cos(0.1), sn = sin(0.1), pre = (ZP_PI / 6.0) / 1e6 * ZP_GEVM2_TO_PB * 0.25;
    ZT_NEAR(s[ZP_LHC_BB], pre * pow(c, 4) * J[ZP_LHC_BB], 1e-12, "b b channel = g_q^2 cos^4 x unit");
    ZT_NEAR(s[ZP_LHC_SS], pre * pow(sn, 4) * J[ZP_LHC_SS], 1e-12, "s s channel = g_q^2 sin^4 x unit");
    ZT_NEAR(s[ZP_LHC_BS], pre * pow(sn * c, 2) * J[ZP_LHC_BS], 1e-12, "b s channel = g_q^2 sin^2 cos^2 x unit");
    ZT_NEAR(zt_obs("sigma_pp_Zp", &p), tot, 1e-12, "sigma_pp_Zp is the channel sum");
    ZT_NEAR(zt_obs("sigma_pp_Zp_bb", &p) + zt_obs("sigma_pp_Zp_ss", &p) + zt_obs("sigma_pp_Zp_bs", &p) +
                zt_obs("sigma_pp_Zp_uu", &p),
            tot, 1e-12, "per-channel observables add up");
    /* theta_D -> 0: b b only, and the s s + b s channels vanish as theta^2 */
    p.v[ZP_THETAD] = 0.0;
    ZT_NEAR(zt_obs("sigma_pp_Zp", &p), zt_obs("sigma_pp_Zp_bb", &p) + zt_obs("sigma_pp_Zp_uu", &p), 1e-12,
            "theta_D = 0: only b b (and the CKM u u)");
    ZT_ABS(zt_obs("sigma_pp_Zp_bs", &p), 0.0, 1e-300, "theta_D = 0: no b s channel");
    double sbb0 = zt_obs("sigma_pp_Zp_bb", &p);
    p.v[ZP_K_LHC] = 1.3;
    ZT_NEAR(zt_obs("sigma_pp_Zp_bb", &p), 1.3 * sbb0, 1e-12, "K_lhc multiplies sigma");
    p.v[ZP_K_LHC] = 1.0;
    /* sigma x BR */
    double br;
    zp_widths_BR(&p, ZP_ZP_MUMU, &br, &st);
    ZT_NEAR(zt_obs("sigmaBR_pp_Zp_mumu", &p), zt_obs("sigma_pp_Zp", &p) * br, 1e-12, "sigma x BR(mu mu)");
    ZT_NEAR(zt_obs("sigmaBR_pp_Zp_jj", &p) / zt_obs("sigmaBR_pp_Zp_mumu", &p),
            zt_obs("Gamma_Zp_bb", &p) / zt_obs("Gamma_Zp_mumu", &p), 1e-12, "jj / mu mu = width ratio");
    /* errors: m_Z' above sqrt(s), mu_F outside the grid */
    p.v[ZP_MZP] = 14000.0;
    double v;
    int i = zp_obs_find("sigma_pp_Zp");
    ZT_STATUS(zp_obs_eval(i, &p, NULL, 0, &v, &st), ZP_EDOM, st, "sqrt_s", "m_Z' above sqrt(s)");
    p.v[ZP_MZP] = 5000.0;
    p.v[ZP_MUF_OVER_MZP] = 3.0;
    ZT_STATUS(zp_obs_eval(i, &p, NULL, 0, &v, &st), ZP_EDOM, st, "mu_F = 15000 GeV", "mu_F above the grid");
}

/* ZPEED: the summed signal of a narrow Z' against the narrow-width integral derived here:
 * int dm (m/2) BW(m) g(m) -> g(M) pi/(4 M Gamma) for Gamma << M, so with Gamma_mumu = g_l^2 M/(24 pi)
 *   sigma_fid = C (pi/8) (g_L^2 + g_R^2) BR(mu mu) xi(M) T_d(M) J_bb/J_{d+s+b} / M^2,
 * and the fiducial acceptance implied by the tables, A = sigma_fid / (sigma_NW BR xi) =
 * (3/4) T_d / J_{d+s+b}, must be a probability of the size of the ATLAS selection (|eta| < 2.5). */
static void test_zpeed(const zp_pdf *pdf)
{
    zp_params p;
    zp_params_default(&p);
    const double Ms[3] = {400.0, 1000.0, 3000.0};
    for (int k = 0; k < 3; k++) {
        double M = Ms[k];
        p.v[ZP_MZP] = M;
        p.v[ZP_GQ] = 0.1;
        p.v[ZP_GL] = 0.05;
        p.v[ZP_GCHI] = 0.0;
        p.v[ZP_THETAD] = 0.0;
        p.v[ZP_LHC_WINDOW] = 20.0; /* the whole line inside the window */
        zp_zpeed_result r;
        zp_status st = {0, ""};
        ZT_TRUE(zp_zpeed_eval(&p, &r, &st) == ZP_OK, st.msg);
        double Tu, Td, xi, J[ZP_LHC_NCH], br;
        zp_zpeed_tables(M, &Tu, &Td, &xi, &st);
        zp_lhc_lumis(pdf, M, 13000.0, M, J, &st);
        zp_widths_BR(&p, ZP_ZP_MUMU, &br, &st);
        double jd = J[ZP_LHC_DD] + J[ZP_LHC_SS] + J[ZP_LHC_BB];
        double want = 1e12 / 2.56819 * (ZP_PI / 8.0) * 0.01 * br * xi * Td * J[ZP_LHC_BB] / jd / (M * M);
        char what[128];
        snprintf(what, sizeof what, "ZPEED fiducial sigma x BR at m_Z' = %g GeV vs narrow-width integral", M);
        ZT_NEAR(r.sigma_fid_fb, want, 0.03, what);
        double A = 0.75 * Td / jd;
        snprintf(what, sizeof what, "fiducial acceptance of the ZPEED tables at %g GeV is %.3f, in (0.5, 1)", M, A);
        ZT_TRUE(A > 0.5 && A < 1.0, what);
        printf("  m = %4g GeV: sigma_fid = %.4g fb (narrow width %.4g fb), acceptance %.3f, xi %.3f, %d bins\n", M,
               r.sigma_fid_fb, want, A, xi, r.ihi - r.ilo + 1);
    }
    /* the exclusion tightens as g_l grows (invisible width dominant, so Gamma barely moves) */
    p.v[ZP_MZP] = 1000.0;
    p.v[ZP_GQ] = 0.3;
    p.v[ZP_GCHI] = 1.5;
    p.v[ZP_LHC_WINDOW] = 3.0;
    double prev = -1e300;
    const double gls[5] = {0.1, 0.15, 0.2, 0.3, 0.4};
    for (int k = 0; k < 5; k++) {
        p.v[ZP_GL] = gls[k];
        double c = zt_obs("LHC_dimuon_chi2", &p);
        char what[96];
        snprintf(what, sizeof what, "LHC_dimuon_chi2 grows with g_l (g_l = %g: %g)", gls[k], c);
        ZT_TRUE(c > prev, what);
        prev = c;
    }
    ZT_TRUE(prev > 3.84, "g_l = 0.4, g_q = 0.3 at 1 TeV is excluded");
    /* no signal without a lepton coupling; outside the spectrum the statistic is 0 */
    p.v[ZP_GL] = 0.0;
    ZT_ABS(zt_obs("LHC_dimuon_chi2", &p), 0.0, 1e-300, "g_l = 0: no signal");
    p.v[ZP_GL] = 0.2;
    p.v[ZP_MZP] = 150.0;
    p.v[ZP_GCHI] = 0.1;
    ZT_ABS(zt_obs("LHC_dimuon_chi2", &p), 0.0, 1e-300, "m_Z' = 150 GeV: the window misses the spectrum");
    /* missing tables: a clear error naming the file */
    char saved[4096];
    snprintf(saved, sizeof saved, "%s", zp_data_get_path());
    zp_zpeed_cache_clear();
    zp_table_cache_clear();
    zp_data_set_path("/nonexistent/zprime-data");
    zp_status st = {0, ""};
    zp_zpeed_result r;
    p.v[ZP_MZP] = 1000.0;
    ZT_STATUS(zp_zpeed_eval(&p, &r, &st), ZP_EDATA, st, "mm_data.dat", "missing ZPEED table");
    zp_data_set_path(saved);
}

int main(void)
{
    zp_core_init();
    zp_data_set_path(zt_data_dir());
    zp_status st = {0, ""};
    const zp_pdf *pdf = zp_pdf_get(ZP_LHC_PDF, &st);
    ZT_TRUE(pdf != NULL, st.msg);
    if (pdf == NULL)
        return ZT_DONE();
    ZT_TRUE(zp_pdf_get(ZP_LHC_PDF, &st) == pdf, "the grid is loaded once and shared");
    test_knots(pdf);
    test_sum_rules(pdf);
    test_pdf_errors(pdf);
    test_quadrature(pdf);
    test_cards(pdf);
    test_model(pdf);
    test_zpeed(pdf);
    zp_pdf_cache_clear();
    zp_table_cache_clear();
    return ZT_DONE();
}
