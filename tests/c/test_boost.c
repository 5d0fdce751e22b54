/* test_boost.c -- eq. (40) of arXiv:1702.00395: kinematic limits, analytic boosts of synthetic
 * rest-frame spectra (constant, linear, a narrow line), the tabulated path against the
 * adaptive one, antiproton number and energy conservation, the m_chi -> m_Z' limit, and every
 * error path of the PPPC antiproton spectra. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_integration.h>

#include "indirect/boost.h"
#include "indirect/pppc.h"
#include "base/zp_table.h"
#include "zp_test.h"

#define NOEW "pppc4dmid/AtProductionNoEW_antiprotons.dat"
#define MP 0.9382720813 /* proton mass, CODATA 2014 (the parameter m_p) */

/* ---- synthetic rest-frame spectra with closed-form boosts ---- */

typedef struct {
    int kind;      /* 0: constant c, 1: c x', 2: top-hat 1/w on [lo, hi] */
    double c, lo, hi;
} synth;

static double nan_fn(double xp, void *p)
{
    (void)xp;
    (void)p;
    return NAN;
}

static double synth_fn(double xp, void *p)
{
    const synth *s = p;
    if (s->kind == 0)
        return s->c;
    if (s->kind == 1)
        return s->c * xp;
    return (xp >= s->lo && xp <= s->hi) ? 1.0 / (s->hi - s->lo) : 0.0;
}

/* Closed form of eq. (40) for the synthetic spectra on [lo, hi] within [a, b]. */
static double synth_exact(const synth *s, double E0, double beta, double a, double b)
{
    a = fmax(a, s->lo);
    b = fmin(b, s->hi);
    if (!(b > a))
        return 0;
    if (s->kind == 0) /* int dx'/sqrt(x'^2 - E0^2) = acosh(x'/E0) */
        return 2 * s->c / beta * (acosh(b / E0) - acosh(a / E0));
    if (s->kind == 1) /* int x' dx'/sqrt(x'^2 - E0^2) = sqrt(x'^2 - E0^2) */
        return 2 * s->c / beta * (sqrt(b * b - E0 * E0) - sqrt(a * a - E0 * E0));
    return 2 / (beta * (s->hi - s->lo)) * (acosh(b / E0) - acosh(a / E0));
}

static void test_limits(void)
{
    zp_status st = {0, ""};
    zp_boost_kin k = {100, 50, MP};
    double E1 = 0.5, E0 = 2 * MP / 50, beta = sqrt(1 - E1 * E1), xm, xp;
    double x = 0.3;
    ZT_TRUE(zp_boost_limits(&k, x, &xm, &xp, &st) == ZP_OK, "limits");
    /* eq. (40) as printed, no cancellation at E1 = 0.5 */
    double r = sqrt((1 - E1 * E1) * (x * x - E1 * E1 * E0 * E0 / 4));
    ZT_NEAR(xp, 2 * (x + r) / (E1 * E1), 1e-14, "x_+ as printed in eq. (40)");
    ZT_NEAR(xm, 2 * (x - r) / (E1 * E1), 1e-12, "x_- as printed in eq. (40)");
    /* kinematics: 2x = x' -+ beta sqrt(x'^2 - E0^2) at the two ends (backward/forward) */
    ZT_NEAR(2 * x, xp - beta * sqrt(xp * xp - E0 * E0), 1e-12, "x_+ is backward emission");
    ZT_NEAR(2 * x, xm + beta * sqrt(xm * xm - E0 * E0), 1e-12, "x_- is forward emission");
    /* a huge boost: the cancellation-free x_- still satisfies the kinematics */
    zp_boost_kin kb = {1950, 12, MP};
    double b2 = sqrt(1 - pow(12.0 / 1950, 2)), e0 = 2 * MP / 12;
    zp_boost_limits(&kb, 0.2, &xm, &xp, &st);
    ZT_NEAR(0.4, xm + b2 * sqrt(xm * xm - e0 * e0), 1e-12, "x_- at gamma = 162");
    ZT_STATUS(zp_boost_limits(&kb, 1e-5, &xm, &xp, &st), ZP_EDOM, st, "below m/mchi",
              "total energy below the antiproton mass");
}

static void check_synth(synth *s, zp_boost_kin *k, const char *what)
{
    zp_status st = {0, ""};
    double E0 = 2 * k->m / k->mZp, E1 = k->mZp / k->mchi, beta = sqrt(1 - E1 * E1);
    zp_boost_source src = {synth_fn, s, s->lo, s->hi};
    double xlo, xhi;
    zp_boost_xrange(k, s->lo, s->hi, &xlo, &xhi, &st);
    double worst = 0;
    int n = 0;
    for (int i = 0; i <= 60; i++) {
        double x = xlo + (xhi - xlo) * (i + 0.5) / 61, out, xm, xp;
        if (i == 60)
            x = E0 / 2; /* lower limit exactly at the 1/sqrt singularity x' = E0 */
        if (zp_boost_dNdx(k, &src, 1, &x, &out, &st) != ZP_OK)
            break;
        zp_boost_limits(k, x, &xm, &xp, &st);
        double want = synth_exact(s, E0, beta, xm, fmin(xp, 1.0));
        if (want > 0) {
            worst = fmax(worst, fabs(out / want - 1));
            n++;
        }
    }
    char msg[200];
    snprintf(msg, sizeof msg, "%s: analytic boost (%d points, worst %.2g)", what, n, worst);
    ZT_TRUE(n > 40 && worst < 1e-7, msg);
}

static void test_synthetic(void)
{
    zp_boost_kin k = {1950, 12, MP};
    double E0 = 2 * MP / 12;
    synth flat = {0, 0.7, E0, 1}, lin = {1, 2.0, E0, 1};
    check_synth(&flat, &k, "constant dN/dx' down to the x' = E0 singularity");
    check_synth(&lin, &k, "linear dN/dx'");
    zp_boost_kin slow = {30, 12, MP}; /* gamma = 2.5: the cut b = min(1, x_+) matters */
    check_synth(&flat, &slow, "constant dN/dx' at gamma = 2.5");

    /* a line at x0: a narrow top-hat boosts into a box of height 2 / (beta sqrt(x0^2 - E0^2))
     * between 2x = x0 -+ beta sqrt(x0^2 - E0^2) (the two Z' give area 2) */
    double x0 = 0.5, w = 1e-7, beta = sqrt(1 - pow(12.0 / 1950, 2));
    synth line = {2, 0, x0 - w / 2, x0 + w / 2};
    check_synth(&line, &k, "narrow top-hat");
    zp_status st = {0, ""};
    zp_boost_source src = {synth_fn, &line, line.lo, line.hi};
    double p0 = sqrt(x0 * x0 - E0 * E0), lo = (x0 - beta * p0) / 2, hi = (x0 + beta * p0) / 2;
    double xs[3] = {lo + 0.1 * (hi - lo), 0.5 * (lo + hi), lo + 0.9 * (hi - lo)}, out[3];
    zp_boost_dNdx(&k, &src, 3, xs, out, &st);
    for (int i = 0; i < 3; i++)
        ZT_NEAR(out[i], 2 / (beta * p0), 1e-6, "line spectrum: flat box of the analytic height");
    double outside[2] = {lo * 0.99, hi * 1.01}, o2[2];
    zp_boost_dNdx(&k, &src, 2, outside, o2, &st);
    ZT_TRUE(o2[0] == 0 && o2[1] == 0, "line spectrum: zero outside the box");
}

/* ---- PPPC antiprotons ---- */

typedef struct {
    const zp_pppc_slice *s;
    double E0;
} slice_cb;

static double slice_fn(double xp, void *p)
{
    const slice_cb *c = p;
    double xk = xp - c->E0;
    return xk > 0 ? zp_pppc_slice_eval(c->s, log10(xk)) / (xk * log(10.0)) : 0;
}

static void test_tab_vs_adaptive(void)
{
    zp_status st = {0, ""};
    const zp_pppc *t = zp_pppc_get(NOEW, &st);
    zp_pppc_slice s;
    if (t == NULL || zp_pppc_slice_at(t, 5, 6, &s, &st) != ZP_OK)
        return;
    zp_boost_kin k = {1950, 12, MP};
    double E0 = 2 * MP / 12;
    slice_cb c = {&s, E0};
    zp_boost_source src = {slice_fn, &c, E0 + pow(10, s.lx0), 1};
    double worst = 0;
    int n = 0;
    for (double lx = -2.5; lx < -0.05; lx += 0.1) {
        double x = pow(10, lx), a, b;
        if (zp_boost_dNdx(&k, &src, 1, &x, &a, &st) != ZP_OK)
            continue; /* the adaptive rule may give up on the kinks; the tabulated one never */
        zp_boost_dNdx_tab(&k, &s, 1, &x, &b, &st);
        if (a > 1e-12) {
            worst = fmax(worst, fabs(b / a - 1));
            n++;
        }
    }
    ZT_TRUE(n > 15 && worst < 1e-5, "tabulated (Gauss-Legendre per node) = adaptive QAG in u");
}

typedef struct {
    const zp_pbar_opts *o;
    int weight; /* 0: dN/dlnK K, 1: times x = E/m_chi */
} kint;

static double k_integrand(double lnK, void *p)
{
    const kint *c = p;
    double K = exp(lnK), d;
    zp_status st = {0, ""};
    if (zp_pbar_dNdE(c->o, 1, &K, &d, &st) != ZP_OK)
        return NAN;
    return K * d * (c->weight ? (K + c->o->m_p) / c->o->mchi : 1);
}

/* int over K of the boosted spectrum, and of x dN/dx, by QAG in ln K (breakpoints help the
 * kinematic edges). */
static double integrate_K(const zp_pbar_opts *o, int weight)
{
    zp_status st = {0, ""};
    double Kmin, Kmax, res = NAN, err;
    zp_pbar_Krange(o, &Kmin, &Kmax, &st);
    kint c = {o, weight};
    gsl_function F = {k_integrand, &c};
    gsl_integration_workspace *w = gsl_integration_workspace_alloc(1000);
    double lo = log(fmax(Kmin, 1e-7 * Kmax)), hi = log(Kmax);
    gsl_integration_qag(&F, lo, hi, 0, 1e-8, 1000, GSL_INTEG_GAUSS31, w, &res, &err);
    gsl_integration_workspace_free(w);
    return res;
}

static double rest_integrand(double lx, void *p)
{
    const double *a = p; /* {mDM, E0, weight} */
    double v = 0;
    zp_status st = {0, ""};
    const zp_pppc *t = zp_pppc_get(NOEW, &st);
    zp_pppc_dNdlog10x(t, 5, a[0], lx, &v, &st);
    return a[2] ? v * (pow(10, lx) + a[1]) : v;
}

/* One Z' decay at rest: int dN/dlog10 x_P up to x' = 1, by QAG over point look-ups. */
static double rest_moment(double mZp, int weight)
{
    double a[3] = {mZp / 2, 2 * MP / mZp, weight}, res, err;
    gsl_function F = {rest_integrand, a};
    gsl_integration_workspace *w = gsl_integration_workspace_alloc(1000);
    gsl_integration_qag(&F, -8.95, log10(1 - a[1]), 0, 1e-10, 1000, GSL_INTEG_GAUSS31, w, &res, &err);
    gsl_integration_workspace_free(w);
    return res;
}

static void test_conservation(void)
{
    zp_status st = {0, ""};
    double masses[][2] = {{1950, 12}, {1800, 12}, {300, 40}, {20, 12}};
    for (int i = 0; i < 4; i++) {
        zp_pbar_opts o = {masses[i][0], masses[i][1], MP, "b", NOEW, 1};
        double N, xmean;
        if (zp_pbar_moments(&o, &N, &xmean, &st) != ZP_OK)
            continue;
        double n1 = rest_moment(o.mZp, 0), e1 = rest_moment(o.mZp, 1);
        char msg[160];
        snprintf(msg, sizeof msg, "mchi = %g, mZp = %g: N = 2 x one Z' at rest (%.6g)", o.mchi, o.mZp, 2 * n1);
        ZT_NEAR(integrate_K(&o, 0), 2 * n1, 1e-5, msg);
        ZT_NEAR(N, 2 * n1, 1e-7, "moments: N (Gauss-Legendre per node vs QAG)");
        snprintf(msg, sizeof msg, "mchi = %g, mZp = %g: int x dN/dx = int x' dN/dx' (%.6g)", o.mchi, o.mZp, e1);
        ZT_NEAR(integrate_K(&o, 1), e1, 1e-5, msg);
        ZT_NEAR(xmean, e1, 1e-7, "moments: energy fraction");
    }
    /* the direct spectrum: its multiplicity is the table's integral at mDM = mchi */
    zp_pbar_opts d = {1950, 0, MP, "b", NOEW, 0};
    double N, xm;
    zp_pbar_moments(&d, &N, &xm, &st);
    ZT_NEAR(integrate_K(&d, 0), N, 1e-5, "direct chi chi -> b b: int dN/dK = table integral");
}

static void test_rest_limit(void)
{
    zp_status st = {0, ""};
    /* m_chi -> m_Z': the boosted spectrum becomes two Z' at rest, i.e. twice the PPPC spectrum
     * at mDM = m_Z'/2 (the direct spectrum of that mass) */
    double K[] = {0.05, 0.3, 1.0, 2.2, 3.5};
    double rest[5], b0[5], b1[5];
    zp_pbar_opts direct = {20, 0, MP, "b", NOEW, 0};
    zp_pbar_opts exact = {40, 40, MP, "b", NOEW, 1};
    zp_pbar_opts near = {40 * (1 + 1e-6), 40, MP, "b", NOEW, 1};
    zp_pbar_dNdE(&direct, 5, K, rest, &st);
    zp_pbar_dNdE(&exact, 5, K, b0, &st);
    zp_pbar_dNdE(&near, 5, K, b1, &st);
    for (int i = 0; i < 5; i++) {
        ZT_NEAR(b0[i], 2 * rest[i], 1e-12, "m_chi = m_Z': exactly 2 x the rest-frame spectrum");
        ZT_NEAR(b1[i], 2 * rest[i], 2e-3, "m_chi = m_Z' (1 + 1e-6): eq. (40) tends to it");
    }
}

static void test_range_and_shape(void)
{
    zp_status st = {0, ""};
    zp_pbar_opts o = {1950, 12, MP, "b", NOEW, 1};
    double Kmin, Kmax;
    ZT_TRUE(zp_pbar_Krange(&o, &Kmin, &Kmax, &st) == ZP_OK, "kinematic range");
    double E1 = 12.0 / 1950, E0 = 2 * MP / 12, beta = sqrt(1 - E1 * E1);
    ZT_NEAR(Kmax, 1950 * (1 + beta * sqrt(1 - E0 * E0)) / 2 - MP, 1e-12,
            "K_max: x' = 1 emitted forward");
    ZT_NEAR(Kmin, 1950 * (1 - beta * sqrt(1 - E0 * E0)) / 2 - MP, 1e-10,
            "K_min: x' = 1 emitted backward (gamma E0 > 1)");
    double K[3] = {Kmax * 0.999, Kmax * 1.001, Kmin * 0.999}, d[3];
    zp_pbar_dNdE(&o, 3, K, d, &st);
    ZT_TRUE(d[0] > 0 && d[1] == 0 && d[2] == 0, "zero outside the kinematic range");
}

static void test_errors(void)
{
    zp_status st = {0, ""};
    double K = 100, d;
    zp_pbar_opts o = {1950, 12, MP, "b", NOEW, 1};
    o.mchi = 10;
    ZT_STATUS(zp_pbar_dNdE(&o, 1, &K, &d, &st), ZP_EDOM, st, "chi chi -> Z'Z' is closed", "mchi < mZp");
    o.mchi = 1950;
    o.mZp = 5;
    ZT_STATUS(zp_pbar_dNdE(&o, 1, &K, &d, &st), ZP_EDOM, st,
              "mDM = mZp/2: mDM = 2.5 GeV is outside the range [5, 100000] GeV",
              "Z' lighter than 10 GeV: below the PPPC masses");
    o.mZp = 12;
    o.channel = "bbar";
    ZT_STATUS(zp_pbar_dNdE(&o, 1, &K, &d, &st), ZP_EINVAL, st, "channel 'bbar'", "unknown channel");
    o.channel = "b";
    o.table = "pppc4dmid/AtProduction_none.dat";
    ZT_STATUS(zp_pbar_dNdE(&o, 1, &K, &d, &st), ZP_EDATA, st, "not found", "missing table");
    o.table = NOEW;
    K = -1;
    ZT_STATUS(zp_pbar_dNdE(&o, 1, &K, &d, &st), ZP_EDOM, st, "K = -1 GeV", "negative energy");
    zp_pbar_opts dir = {3, 0, MP, "b", NOEW, 0};
    K = 1;
    ZT_STATUS(zp_pbar_dNdE(&dir, 1, &K, &d, &st), ZP_EDOM, st, "mDM = 3 GeV", "direct: mchi below table");
    dir.mchi = 1000;
    K = 1e-7;
    ZT_STATUS(zp_pbar_dNdE(&dir, 1, &K, &d, &st), ZP_EDOM, st, "below the PPPC table", "direct: K below table");
    o.m_p = 7;
    ZT_STATUS(zp_pbar_dNdE(&o, 1, &K, &d, &st), ZP_EDOM, st, "daughter mass", "pbar heavier than mZp/2");
    zp_boost_kin k = {1950, 12, MP};
    synth s = {0, 1, 0.01, 1};
    zp_boost_source src = {synth_fn, &s, 0.01, 1};
    double x = 0.1;
    ZT_STATUS(zp_boost_dNdx(&k, &src, 1, &x, &d, &st), ZP_EDOM, st, "support", "support below E0");
    double xlo, xhi;
    ZT_STATUS(zp_boost_xrange(&k, 0.5, 0.4, &xlo, &xhi, &st), ZP_EDOM, st, "support [0.5, 0.4]",
              "empty support");
    /* a rest-frame spectrum the integrator cannot handle: a named numerical failure */
    src.dNdxp = nan_fn;
    src.xp_lo = 2 * MP / 12;
    ZT_STATUS(zp_boost_dNdx(&k, &src, 1, &x, &d, &st), ZP_ENUM, st, "eq. (40) integral at x = E/mchi = 0.1",
              "integration failure");
    ZT_STATUS(zp_boost_dNdx_tab(&k, NULL, 1, &x, &d, &st), ZP_EINVAL, st, "missing", "no table");
    k.mchi = NAN;
    ZT_STATUS(zp_boost_dNdx(&k, &src, 1, &x, &d, &st), ZP_EDOM, st, "mchi = nan", "NaN mass");
    ZT_STATUS(zp_boost_dNdx_tab(&k, NULL, 1, &x, &d, &st), ZP_EDOM, st, "mchi = nan", "NaN mass (table)");
}

/* Every channel of the table, light to heavy mediators, mild to extreme boosts: the tabulated
 * eq. (40) always succeeds and gives finite, non-negative spectra. */
static void test_all_channels(void)
{
    zp_status st = {0, ""};
    const zp_pppc *t = zp_pppc_get(NOEW, &st);
    if (t == NULL)
        return;
    double mz[] = {10, 12, 100, 3000, 2e5}, ratio[] = {1, 1.001, 3, 162.5, 1e4};
    int bad = 0, runs = 0;
    for (int c = 0; c < zp_pppc_nchannel(t); c++)
        for (int i = 0; i < 5; i++)
            for (int r = 0; r < 5; r++) {
                zp_pbar_opts o = {mz[i] * ratio[r], mz[i], MP, zp_pppc_channel_name(t, c), NOEW, 1};
                double Kmin, Kmax, K[50], d[50];
                if (zp_pbar_Krange(&o, &Kmin, &Kmax, &st) != ZP_OK) {
                    bad++;
                    continue;
                }
                for (int j = 0; j < 50; j++)
                    K[j] = fmax(Kmin, 1e-6 * Kmax) * pow(Kmax / fmax(Kmin, 1e-6 * Kmax), j / 49.0);
                bad += zp_pbar_dNdE(&o, 50, K, d, &st) != ZP_OK;
                for (int j = 0; j < 50; j++)
                    bad += !(d[j] >= 0 && isfinite(d[j]));
                runs++;
            }
    ZT_TRUE(bad == 0 && runs == 300, "all channels, mZp 10 GeV - 200 TeV, gamma 1 - 1e4: no failure");
}

int main(void)
{
    zp_core_init();
    test_limits();
    test_synthetic();
    static const char *const tables[] = {"pppc4dmid/AtProductionNoEW_antiprotons.dat", NULL};
    if (zt_need_tables(tables)) {
        test_tab_vs_adaptive();
        test_conservation();
        test_rest_limit();
        test_range_and_shape();
        test_errors();
        test_all_channels();
    }
    zp_table_cache_clear();
    return ZT_DONE();
}
