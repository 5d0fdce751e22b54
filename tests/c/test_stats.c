/* test_stats.c -- fits (src/core/stats/fit.c) and error propagation (predict.c).
 *
 * Independent numbers: the analytic weighted least-squares solution of a straight-line toy
 * (normal equations, covariance (X^T W X)^-1), the analytic profile of a correlated quadratic
 * chi^2 (Delta chi^2 = 1 at x0 +- sqrt(C_xx)), and the analytic propagation through
 * Delta M_s = (2/3) m_Bs (f_Bs sqrt(B))^2 |...| of eq. (17) (relative error of f sqrt(B) doubles;
 * m_Bs enters linearly).
 */
#include <math.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "base/zp_registry.h"
#include "stats/fit.h"
#include "stats/predict.h"
#include "zp_test.h"

/* ---- straight-line toy: y_i = a + b t_i + noise ---- */
#define NPT 20
typedef struct {
    double t[NPT], y[NPT], s[NPT];
    int fail_after; /* callback error after this many calls (0: never) */
    int calls;
} toy;

static int toy_resid(const double *x, void *ctx, double *r, zp_status *st)
{
    toy *d = ctx;
    if (d->fail_after && ++d->calls > d->fail_after)
        return zp_fail(st, ZP_EDOM, "toy observable undefined at a = %g", x[0]);
    for (int i = 0; i < NPT; i++)
        r[i] = (d->y[i] - x[0] - x[1] * d->t[i]) / d->s[i];
    return ZP_OK;
}

static int toy_chi2(const double *x, void *ctx, double *chi2, zp_status *st)
{
    double r[NPT];
    int rc = toy_resid(x, ctx, r, st);
    *chi2 = 0;
    for (int i = 0; i < NPT; i++)
        *chi2 += r[i] * r[i];
    return rc;
}

static void make_toy(toy *d, double a, double b)
{
    gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(g, 7);
    memset(d, 0, sizeof *d);
    for (int i = 0; i < NPT; i++) {
        d->t[i] = -1.0 + 2.0 * i / (NPT - 1);
        d->s[i] = 0.05 + 0.01 * i;
        d->y[i] = a + b * d->t[i] + gsl_ran_gaussian(g, d->s[i]);
    }
    gsl_rng_free(g);
}

/* Normal equations of the weighted straight-line fit. */
static void toy_exact(const toy *d, double *a, double *b, double cov[4])
{
    double S = 0, St = 0, Stt = 0, Sy = 0, Sty = 0;
    for (int i = 0; i < NPT; i++) {
        double w = 1.0 / (d->s[i] * d->s[i]);
        S += w, St += w * d->t[i], Stt += w * d->t[i] * d->t[i], Sy += w * d->y[i], Sty += w * d->t[i] * d->y[i];
    }
    double D = S * Stt - St * St;
    *a = (Stt * Sy - St * Sty) / D;
    *b = (S * Sty - St * Sy) / D;
    cov[0] = Stt / D, cov[1] = cov[2] = -St / D, cov[3] = S / D;
}

static zp_fit_problem toy_problem(toy *d, int method)
{
    zp_fit_problem pb;
    memset(&pb, 0, sizeof pb);
    pb.n = 2;
    pb.lo[0] = -5, pb.hi[0] = 5, pb.lo[1] = -5, pb.hi[1] = 5;
    pb.start[0] = 0.3, pb.start[1] = -0.7;
    pb.method = method;
    pb.nres = NPT;
    pb.max_iter = method == ZP_FIT_LM ? 200 : 5000;
    pb.tol = method == ZP_FIT_BFGS ? 1e-6 : 1e-9;
    pb.chi2 = toy_chi2;
    pb.resid = toy_resid;
    pb.ctx = d;
    return pb;
}

static void test_toy_recovery(void)
{
    toy d;
    const double a0 = 1.25, b0 = -0.6;
    make_toy(&d, a0, b0);
    double a, b, cov[4];
    toy_exact(&d, &a, &b, cov);
    static const char *names[3] = {"simplex", "bfgs", "lm"};
    for (int m = 0; m < 3; m++) {
        zp_fit_problem pb = toy_problem(&d, m);
        zp_fit_result r;
        zp_status st = {ZP_OK, ""};
        int rc = zp_fit_minimize(&pb, &r, &st);
        char what[480];
        snprintf(what, sizeof what, "%s: converges (%.400s)", names[m], st.msg);
        ZT_TRUE(rc == ZP_OK, what);
        snprintf(what, sizeof what, "%s: a equals the normal-equation solution", names[m]);
        ZT_ABS(r.x[0], a, 1e-3 * sqrt(cov[0]), what);
        snprintf(what, sizeof what, "%s: b equals the normal-equation solution", names[m]);
        ZT_ABS(r.x[1], b, 1e-3 * sqrt(cov[3]), what);
        snprintf(what, sizeof what, "%s: injected a within 3 sigma", names[m]);
        ZT_TRUE(fabs(r.x[0] - a0) < 3 * sqrt(cov[0]), what);
        snprintf(what, sizeof what, "%s: injected b within 3 sigma", names[m]);
        ZT_TRUE(fabs(r.x[1] - b0) < 3 * sqrt(cov[3]), what);
        ZT_TRUE(r.cov_ok, "covariance exists");
        for (int k = 0; k < 4; k++) {
            snprintf(what, sizeof what, "%s: Hessian covariance[%d] = (X^T W X)^-1 to 1e-4", names[m], k);
            ZT_NEAR(r.cov[k], cov[k], 1e-4, what);
        }
    }
}

/* ---- correlated quadratic chi^2 ---- */
typedef struct {
    double x0, y0, C[4]; /* covariance */
    double fixed_x;      /* for the profile: x is fixed, y free */
} quad;

static double quad_value(const quad *q, double x, double y)
{
    double det = q->C[0] * q->C[3] - q->C[1] * q->C[2];
    double dx = x - q->x0, dy = y - q->y0;
    return (q->C[3] * dx * dx - 2 * q->C[1] * dx * dy + q->C[0] * dy * dy) / det;
}

static int quad_chi2(const double *x, void *ctx, double *chi2, zp_status *st)
{
    (void)st;
    *chi2 = quad_value(ctx, x[0], x[1]);
    return ZP_OK;
}

static int quad_profile_chi2(const double *y, void *ctx, double *chi2, zp_status *st)
{
    (void)st;
    const quad *q = ctx;
    *chi2 = quad_value(q, q->fixed_x, y[0]);
    return ZP_OK;
}

static double profile_at(quad *q, double x)
{
    zp_fit_problem pb;
    memset(&pb, 0, sizeof pb);
    pb.n = 1, pb.lo[0] = -10, pb.hi[0] = 10, pb.start[0] = 0.0;
    pb.method = ZP_FIT_SIMPLEX, pb.max_iter = 5000, pb.tol = 1e-10, pb.chi2 = quad_profile_chi2, pb.ctx = q;
    q->fixed_x = x;
    zp_fit_result r;
    zp_status st;
    if (zp_fit_minimize(&pb, &r, &st) != ZP_OK)
        return NAN;
    return r.chi2;
}

static void test_quadratic_profile(void)
{
    quad q = {0.7, -1.3, {0.04, -0.018, -0.018, 0.09}, 0};
    zp_fit_problem pb;
    memset(&pb, 0, sizeof pb);
    pb.n = 2, pb.lo[0] = pb.lo[1] = -10, pb.hi[0] = pb.hi[1] = 10;
    pb.method = ZP_FIT_SIMPLEX, pb.max_iter = 5000, pb.tol = 1e-10, pb.chi2 = quad_chi2, pb.ctx = &q;
    zp_fit_result r;
    zp_status st;
    ZT_TRUE(zp_fit_minimize(&pb, &r, &st) == ZP_OK, "quadratic: converges");
    double sx = sqrt(r.cov[0]);
    ZT_NEAR(sx, 0.2, 1e-4, "quadratic: sigma_x from the Hessian = sqrt(C_xx)");
    /* the Delta chi^2 = 1 crossing of the profile, by bisection on [x0, x0 + 5 sigma] */
    double lo = r.x[0], hi = r.x[0] + 1.0;
    for (int k = 0; k < 50; k++) {
        double mid = 0.5 * (lo + hi);
        if (profile_at(&q, mid) - r.chi2 < 1.0) lo = mid; else hi = mid;
    }
    ZT_NEAR(0.5 * (lo + hi) - r.x[0], sx, 1e-2, "quadratic: profile Delta chi^2 = 1 interval = covariance sigma (1 %)");
    ZT_NEAR(zp_stats_dchi2(0.6826894921370859, 2), 2.295748928898636, 1e-9, "Delta chi^2 of 68.27 % for 2 parameters");
    ZT_NEAR(zp_stats_pvalue(3.841458820694124, 1), 0.05, 1e-9, "p-value of chi^2 = 3.84 for 1 dof");
    ZT_NEAR(zp_stats_z_one_sided(0.9), 1.2815515655446004, 1e-12, "one-sided z of 90 %");
    ZT_NEAR(zp_stats_z_two_sided(0.95), 1.959963984540054, 1e-12, "two-sided z of 95 %");
    ZT_TRUE(isnan(zp_stats_pvalue(1.0, 0)) && isnan(zp_stats_dchi2(1.5, 1)), "bad p-value / CL inputs give NaN");
}

static void test_fit_errors(void)
{
    toy d;
    make_toy(&d, 1.0, 0.5);
    zp_fit_result r;
    zp_status st;
    for (int m = 0; m < 3; m++) {
        zp_fit_problem pb = toy_problem(&d, m);
        pb.max_iter = 1;
        pb.start[0] = 4.0, pb.start[1] = 4.0;
        int rc = zp_fit_minimize(&pb, &r, &st);
        ZT_STATUS(rc, ZP_ENUM, st, "did not converge after 1 iteration", "max_iter = 1: non-convergence is reported");
    }
    zp_fit_problem pb = toy_problem(&d, ZP_FIT_SIMPLEX);
    d.fail_after = 30;
    ZT_STATUS(zp_fit_minimize(&pb, &r, &st), ZP_EDOM, st, "fit: toy observable undefined", "a callback error ends the fit");
    d.fail_after = 0;
    pb.lo[1] = 6;
    ZT_STATUS(zp_fit_minimize(&pb, &r, &st), ZP_EINVAL, st, "expected finite lo < hi", "lo > hi is rejected");
    pb = toy_problem(&d, ZP_FIT_SIMPLEX);
    pb.start[0] = 7;
    ZT_STATUS(zp_fit_minimize(&pb, &r, &st), ZP_EINVAL, st, "outside [-5, 5]", "a start outside the box is rejected");
    pb = toy_problem(&d, ZP_FIT_LM);
    pb.nres = 1;
    ZT_STATUS(zp_fit_minimize(&pb, &r, &st), ZP_EINVAL, st, "lm needs residuals", "lm with too few residuals");
    pb = toy_problem(&d, ZP_FIT_SIMPLEX);
    pb.n = 0;
    ZT_STATUS(zp_fit_minimize(&pb, &r, &st), ZP_EINVAL, st, "0 free parameters", "no free parameter");
}

static int inf_chi2(const double *x, void *ctx, double *chi2, zp_status *st)
{
    (void)ctx, (void)st;
    *chi2 = x[0] > 0 ? HUGE_VAL : x[0] * x[0];
    return ZP_OK;
}

static int wall_chi2(const double *x, void *ctx, double *chi2, zp_status *st)
{
    (void)ctx, (void)st;
    *chi2 = x[0] > 0.1 ? HUGE_VAL : (x[0] + 0.3) * (x[0] + 0.3);
    return ZP_OK;
}

/* A start next to an excluded region: the first simplex must shrink until its vertices are valid. */
static void test_fit_near_wall(void)
{
    zp_fit_problem pb;
    memset(&pb, 0, sizeof pb);
    pb.n = 1, pb.lo[0] = -1, pb.hi[0] = 1, pb.start[0] = 0.09;
    pb.method = ZP_FIT_SIMPLEX, pb.max_iter = 2000, pb.tol = 1e-9, pb.chi2 = wall_chi2;
    zp_fit_result r;
    zp_status st = {ZP_OK, ""};
    ZT_TRUE(zp_fit_minimize(&pb, &r, &st) == ZP_OK, "start next to an excluded region: converges");
    ZT_ABS(r.x[0], -0.3, 1e-4, "start next to an excluded region: minimum at -0.3");
}

static void test_fit_start_excluded(void)
{
    zp_fit_problem pb;
    memset(&pb, 0, sizeof pb);
    pb.n = 1, pb.lo[0] = -1, pb.hi[0] = 1, pb.start[0] = 0.5;
    pb.method = ZP_FIT_SIMPLEX, pb.max_iter = 100, pb.tol = 1e-6, pb.chi2 = inf_chi2;
    zp_fit_result r;
    zp_status st;
    ZT_STATUS(zp_fit_minimize(&pb, &r, &st), ZP_EDOM, st, "not finite at the start point", "infinite chi^2 at the start");
}

/* ---- propagation ---- */
static void test_predict(void)
{
    zp_params p;
    zp_params_default(&p);
    int obs = zp_obs_find("DeltaM_s");
    int id_f = zp_param_find("fBs_sqrtB"), id_m = zp_param_find("m_Bs");
    zp_status st;
    zp_predict_result lin, mc, mc2;
    double sf = p.v[ZP_FBS_SQRTB_ERR];
    zp_predict_spec s = {obs, NULL, 0, 1, &id_f, &sf, NULL};
    ZT_TRUE(zp_predict_linear(&p, &s, &lin, &st) == ZP_OK, "linear propagation runs");
    ZT_NEAR(lin.sd / lin.central, 2 * sf / p.v[ZP_FBS_SQRTB], 1e-6,
            "Delta M_s ~ (f sqrt B)^2: relative error doubles (linear)");
    ZT_TRUE(zp_predict_mc(&p, &s, 20000, 1, NULL, &mc, &st) == ZP_OK, "MC propagation runs");
    /* (f + d)^2: sd/central = 2 s/f sqrt(1 + s^2/(2 f^2)) to first order; MC precision 1/sqrt(2n) = 0.5 % */
    ZT_NEAR(mc.sd / mc.central, 2 * sf / p.v[ZP_FBS_SQRTB], 0.02, "relative error doubles (MC, 2 %)");
    ZT_TRUE(zp_predict_mc(&p, &s, 20000, 1, NULL, &mc2, &st) == ZP_OK && mc2.sd == mc.sd && mc2.q[2] == mc.q[2],
            "MC is reproducible with the same seed");
    ZT_TRUE(zp_predict_mc(&p, &s, 20000, 2, NULL, &mc2, &st) == ZP_OK && mc2.sd != mc.sd,
            "another seed gives other samples");
    ZT_TRUE(mc.q[0] < mc.q[1] && mc.q[1] < mc.q[2] && mc.q[2] < mc.q[3] && mc.q[3] < mc.q[4], "quantiles ordered");

    /* linear in m_Bs: linear and MC agree to MC precision; a large error keeps the test sharp */
    double sm = 0.5;
    zp_predict_spec sl = {obs, NULL, 0, 1, &id_m, &sm, NULL};
    zp_predict_linear(&p, &sl, &lin, &st);
    zp_predict_mc(&p, &sl, 20000, 3, NULL, &mc, &st);
    ZT_NEAR(lin.sd, lin.central * sm / p.v[ZP_M_BS], 1e-8, "linear in m_Bs: sd = O sigma/m_Bs");
    ZT_NEAR(mc.sd, lin.sd, 0.03, "linear quantity: MC sd = linear sd (3 %, 6 MC sigma)");
    ZT_ABS(mc.mean, lin.central, 4 * lin.sd / sqrt(20000.0), "linear quantity: MC mean = central (4 sigma)");
    ZT_NEAR(mc.q[3] - mc.q[1], 2 * lin.sd, 0.04, "linear quantity: 68 % interval = 2 sigma (4 %)");

    /* correlated: O ~ m f^2, rel var = (sm/m)^2 + 4 (sf/f)^2 + 4 rho (sm/m)(sf/f) */
    int ids[2] = {id_m, id_f};
    double sig[2] = {0.5, sf}, corr[4] = {1, 0.5, 0.5, 1};
    zp_predict_spec sc = {obs, NULL, 0, 2, ids, sig, corr};
    zp_predict_linear(&p, &sc, &lin, &st);
    double rm = 0.5 / p.v[ZP_M_BS], rf = sf / p.v[ZP_FBS_SQRTB];
    ZT_NEAR(lin.sd / lin.central, sqrt(rm * rm + 4 * rf * rf + 4 * 0.5 * rm * rf), 1e-6, "correlated linear propagation");
    ZT_TRUE(zp_predict_mc(&p, &sc, 20000, 4, NULL, &mc, &st) == ZP_OK, "correlated MC runs");
    ZT_NEAR(mc.sd / mc.central, lin.sd / lin.central, 0.03, "correlated MC = linear (3 %)");

    /* errors */
    double bad[4] = {1, 2, 2, 1};
    sc.corr = bad;
    ZT_STATUS(zp_predict_mc(&p, &sc, 100, 1, NULL, &mc, &st), ZP_EDOM, st, "|rho| <= 1", "|rho| > 1 rejected");
    double npd[4] = {1, 1, 1, 1};
    sc.corr = npd;
    ZT_STATUS(zp_predict_mc(&p, &sc, 100, 1, NULL, &mc, &st), ZP_EDOM, st, "not positive definite", "singular correlation");
    double neg = -1;
    zp_predict_spec sn = {obs, NULL, 0, 1, &id_f, &neg, NULL};
    ZT_STATUS(zp_predict_linear(&p, &sn, &lin, &st), ZP_EDOM, st, "error of 'fBs_sqrtB' is -1", "negative error");
    ZT_STATUS(zp_predict_mc(&p, &s, 1, 1, NULL, &mc, &st), ZP_EINVAL, st, "expected 2 to", "n = 1 sample");
    double huge = 100.0; /* most samples leave fBs_sqrtB's range [0.01, 10] */
    zp_predict_spec sh = {obs, NULL, 0, 1, &id_f, &huge, NULL};
    ZT_STATUS(zp_predict_mc(&p, &sh, 1000, 1, NULL, &mc, &st), ZP_ENUM, st, "too large for a Gaussian", "errors too large");
}

int main(void)
{
    zp_core_init();
    test_toy_recovery();
    test_quadratic_profile();
    test_fit_errors();
    test_fit_start_excluded();
    test_fit_near_wall();
    test_predict();
    return ZT_DONE();
}
