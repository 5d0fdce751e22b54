/* sommerfeld.c -- Hulthen (eq. 47) and exact Yukawa Sommerfeld factors, section 4.2.4 of
 * arXiv:1702.00395.  See sommerfeld.h for the conventions and docs/sommerfeld.md for the
 * physics (coupling normalisation, Hulthen vs exact).
 */
#include "dm/sommerfeld.h"

#include <math.h>
#include <stddef.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_odeiv2.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_sf_gamma.h>

#include "base/zp_interrupt.h"
#include "base/zp_units.h"

/* Tail criterion (see tail_reached): the relative accuracy of S is a few times this. */
#ifndef SOMM_TAIL_TOL
#define SOMM_TAIL_TOL 1e-7
#endif
/* ... and the potential itself is below this, so that k = sqrt(1 + U) is close to 1. */
#define SOMM_TAIL_U 0.05
/* Absolute tolerance of the Pruefer variables theta and ln R per step (S to ~1e-8). */
#ifndef SOMM_ODE_TOL
#define SOMM_ODE_TOL 1e-7
#endif
#define SOMM_MAX_STEPS 2000000

double zp_sommerfeld_coulomb(double x)
{
    if (x == 0.0)
        return 1.0;
    double px = ZP_PI * x;
    return px / -expm1(-px); /* Sommerfeld's Coulomb factor, x = alpha/beta */
}

static int check_inputs(double alpha, double beta, double mchi, double mphi, zp_status *st)
{
    if (!(alpha >= 0.0) || !isfinite(alpha))
        return zp_fail(st, ZP_EDOM, "Sommerfeld coupling alpha = %g must be finite and >= 0", alpha);
    if (!(beta > 0.0 && beta < 1.0))
        return zp_fail(st, ZP_EDOM, "dark-matter velocity beta = %g c must lie in (0, 1)", beta);
    if (!(mchi > 0.0) || !isfinite(mchi))
        return zp_fail(st, ZP_EDOM, "mchi = %g GeV must be positive and finite", mchi);
    if (!(mphi >= 0.0) || !isfinite(mphi))
        return zp_fail(st, ZP_EDOM, "mphi = %g GeV must be finite and >= 0", mphi);
    if (!isfinite(alpha / beta) || !isfinite(mphi / (mchi * beta)))
        return zp_fail(st, ZP_EDOM,
                       "Sommerfeld inputs out of range: x = alpha/beta = %g and b = mphi/(mchi beta) = %g "
                       "must be finite (alpha = %g, beta = %g c, mchi = %g GeV, mphi = %g GeV)",
                       alpha / beta, mphi / (mchi * beta), alpha, beta, mchi, mphi);
    return ZP_OK;
}

/* A factor that overflowed or lost all precision is an error, not a silent inf/NaN. */
static int check_result(double S, double alpha, double beta, double mchi, double mphi, zp_status *st)
{
    if (isfinite(S))
        return ZP_OK;
    return zp_fail(st, ZP_ENUM,
                   "Sommerfeld factor S = %g is not finite at alpha = %g, beta = %g c, mchi = %g GeV, "
                   "mphi = %g GeV (outside the numerically representable range)", S, alpha, beta, mchi, mphi);
}

/* ln sinh(z) for z > 0 without overflow. */
static double ln_sinh(double z)
{
    if (z > 20.0)
        return z - 0.69314718055994530942 + log1p(-exp(-2.0 * z));
    return log(sinh(z));
}

/* eq. (47) in closed form.  With y+- = u (1 +- sqrt(1 - x/u)), y+ y- = x u and
 * |Gamma(1+iy)|^2 = pi y / sinh(pi y):  S = (pi x/2) sinh(2 pi u) / (sinh(pi y+) sinh(pi y-)),
 * continued to x > u as pi x sinh(pi u) cosh(pi u) / (sinh^2(pi u) + sin^2(pi sqrt(xu - u^2))). */
static double hulthen_xu(double x, double u)
{
    if (x == 0.0)
        return 1.0;
    if (isinf(u))
        return zp_sommerfeld_coulomb(x);
    double pu = ZP_PI * u;
    if (x < u) {
        double s = sqrt(1.0 - x / u);
        double yp = u * (1.0 + s), ym = x / (1.0 + s); /* ym = u (1 - s) without cancellation */
        /* pi x/2 inside the exponent: for tiny x it cancels ln sinh(pi y-) without underflow */
        return exp(log(0.5 * ZP_PI * x) + ln_sinh(2.0 * pu) - ln_sinh(ZP_PI * yp) - ln_sinh(ZP_PI * ym));
    }
    double sn = sin(ZP_PI * sqrt(u * x - u * u));
    if (pu > 300.0)
        return ZP_PI * x; /* coth(pi u) = 1 and sin^2 / sinh^2 = 0 to double precision */
    double sh = sinh(pu), ch = cosh(pu);
    return ZP_PI * x * sh * ch / (sh * sh + sn * sn);
}

/* u of eq. (47) = 6 beta mchi / (pi^2 m_phi); infinite for m_phi = 0. */
static double hulthen_u(double beta, double mchi, double mphi)
{
    return mphi > 0.0 ? 6.0 * beta * mchi / (ZP_PI * ZP_PI * mphi) : INFINITY;
}

int zp_sommerfeld_hulthen(double alpha, double beta, double mchi, double mphi, double *S,
                          zp_status *st)
{
    int rc = check_inputs(alpha, beta, mchi, mphi, st);
    if (rc != ZP_OK)
        return rc;
    *S = hulthen_xu(alpha / beta, hulthen_u(beta, mchi, mphi));
    return check_result(*S, alpha, beta, mchi, mphi, st);
}

int zp_sommerfeld_hulthen_gamma(double alpha, double beta, double mchi, double mphi, double *S,
                                zp_status *st)
{
    int rc = check_inputs(alpha, beta, mchi, mphi, st);
    if (rc != ZP_OK)
        return rc;
    double x = alpha / beta, u = hulthen_u(beta, mchi, mphi);
    if (isinf(u) || x == 0.0) {
        *S = hulthen_xu(x, u);
        return check_result(*S, alpha, beta, mchi, mphi, st);
    }
    /* eq. (47): a+- = 1 + i u (1 +- sqrt(1 - x/u)); for x > u the root is imaginary */
    double d = 1.0 - x / u, re_p = 1.0, re_m = 1.0, im_p = u, im_m = u;
    if (d >= 0.0) {
        im_p += u * sqrt(d), im_m -= u * sqrt(d);
    } else {
        re_p -= u * sqrt(-d), re_m += u * sqrt(-d);
    }
    gsl_sf_result lp, lm, l0, arg;
    int g1 = gsl_sf_lngamma_complex_e(re_p, im_p, &lp, &arg);
    int g2 = gsl_sf_lngamma_complex_e(re_m, im_m, &lm, &arg);
    int g3 = gsl_sf_lngamma_complex_e(1.0, 2.0 * u, &l0, &arg);
    if (g1 || g2 || g3)
        return zp_fail(st, ZP_ENUM, "complex log-Gamma of eq. (47) failed at x = %g, u = %g (%s)",
                       x, u, gsl_strerror(g1 ? g1 : g2 ? g2 : g3));
    *S = exp(2.0 * (lp.val + lm.val - l0.val));
    return check_result(*S, alpha, beta, mchi, mphi, st);
}

/* ---- exact Yukawa: scaled Pruefer form of u'' + Q(s) u = 0, Q = 1 + U, U = x exp(-b s)/s ----
 *
 * u = R k^(-1/2) sin(theta), u' = R k^(1/2) cos(theta) with the reference wavenumber
 * k(s) = sqrt(1 + x exp(-b s)/(s + c)), c = 1/(1 + x + b): k^2 = Q away from the origin (so theta
 * advances smoothly by the local WKB phase and R is the WKB amplitude), regular at s = 0.  Then
 *   theta'  = k cos^2 + (Q/k) sin^2 + (k'/k) sin cos,
 *   (ln R)' = -(k'/2k) cos(2 theta) + (k - Q/k) sin cos,
 * and once U has died away R is the free amplitude: S = 1/R_inf^2 (u'(0) = 1, u_free = sin s). */

typedef struct {
    double x, b, c;
    double tail_tol; /* see tail_reached */
} yukawa;

static double pot(const yukawa *p, double s) { return p->x * exp(-p->b * s) / s; }

/* k^2 - 1 of the reference wavenumber and its derivative. */
static double pot_reg(const yukawa *p, double s, double *dv)
{
    double v = p->x * exp(-p->b * s) / (s + p->c);
    *dv = -v * (p->b + 1.0 / (s + p->c));
    return v;
}

static int pruefer_rhs(double s, const double y[], double dy[], void *params)
{
    const yukawa *p = params;
    double dv, k = sqrt(1.0 + pot_reg(p, s, &dv)), dk_k = 0.5 * dv / (k * k);
    double Q = 1.0 + pot(p, s), sn = sin(y[0]), cs = cos(y[0]);
    dy[0] = k * cs * cs + (Q / k) * sn * sn + dk_k * sn * cs;
    dy[1] = -0.5 * dk_k * (cs * cs - sn * sn) + (k - Q / k) * sn * cs;
    return GSL_SUCCESS;
}

/* The potential is spent when either U itself is negligible (what is left changes ln R by at most
 * ~U/2), or it is small and slowly varying, so that the WKB ripple of R, ~U'/4, averages out over
 * a quarter period leaving ~U'' = U (b + 1/s)^2. */
static int tail_reached(const yukawa *p, double s)
{
    double U = pot(p, s), g = p->b + 1.0 / s;
    return s > 100.0 * p->c && (U < p->tail_tol || (U < SOMM_TAIL_U && U * g * g < p->tail_tol));
}

/* Integrate from s to s_stop (or, when s_stop < 0, until the tail is reached). */
static int integrate(gsl_odeiv2_evolve *e, gsl_odeiv2_control *c, gsl_odeiv2_step *stp,
                     gsl_odeiv2_system *sys, double *s, double *h, double y[2], double s_stop,
                     long *nsteps)
{
    const yukawa *p = sys->params;
    double target = s_stop > 0.0 ? s_stop : 1e300;
    while (s_stop > 0.0 ? *s < s_stop : !tail_reached(p, *s)) {
        if (++*nsteps > SOMM_MAX_STEPS)
            return GSL_EMAXITER;
        int g = gsl_odeiv2_evolve_apply(e, c, stp, sys, s, target, h, y);
        if (g != GSL_SUCCESS)
            return g;
    }
    return GSL_SUCCESS;
}

static int exact_xb(double x, double b, double ode_tol, double tail_tol, double *S, zp_status *st)
{
    yukawa p = {x, b, 1.0 / (1.0 + x + b), tail_tol};
    gsl_odeiv2_system sys = {pruefer_rhs, NULL, 2, &p};
    gsl_odeiv2_step *stp = gsl_odeiv2_step_alloc(gsl_odeiv2_step_rk8pd, 2);
    gsl_odeiv2_control *c = gsl_odeiv2_control_standard_new(ode_tol, 0.0, 1.0, 0.0);
    gsl_odeiv2_evolve *e = gsl_odeiv2_evolve_alloc(2);
    if (stp == NULL || c == NULL || e == NULL) {
        gsl_odeiv2_step_free(stp), gsl_odeiv2_control_free(c), gsl_odeiv2_evolve_free(e);
        return zp_fail(st, ZP_ENOMEM, "out of memory allocating the Sommerfeld ODE solver");
    }
    /* series start: u = s - x s^2/2, u' = 1 - x s */
    double s = 1e-5 * p.c, h = s, dv, k = sqrt(1.0 + pot_reg(&p, s, &dv));
    double u = s * (1.0 - 0.5 * x * s), du = 1.0 - x * s;
    double y[2] = {atan2(k * u, du), 0.5 * log(k * u * u + du * du / k)};
    long n = 0;
    int g = integrate(e, c, stp, &sys, &s, &h, y, -1.0, &n);
    double a1 = y[1];
    if (g == GSL_SUCCESS) /* a quarter period further: the first-order WKB ripple cancels */
        g = integrate(e, c, stp, &sys, &s, &h, y, s + 0.5 * ZP_PI / sqrt(1.0 + pot(&p, s)), &n);
    double a2 = y[1];
    gsl_odeiv2_step_free(stp), gsl_odeiv2_control_free(c), gsl_odeiv2_evolve_free(e);
    if (g != GSL_SUCCESS)
        return zp_fail(st, ZP_ENUM,
                       "Sommerfeld ODE failed at x = alpha/beta = %g, b = mphi/(mchi beta) = %g "
                       "after %ld steps (%s)", x, b, n, gsl_strerror(g));
    *S = exp(-(a1 + a2)); /* S = 1 / R_inf^2, ln R_inf = (a1 + a2)/2 */
    return ZP_OK;
}

int zp_sommerfeld_exact_tol(double alpha, double beta, double mchi, double mphi, double ode_tol,
                            double tail_tol, double *S, zp_status *st)
{
    int rc = check_inputs(alpha, beta, mchi, mphi, st);
    if (rc != ZP_OK)
        return rc;
    if (!(ode_tol > 0.0 && ode_tol <= 1e-2) || !(tail_tol > 0.0 && tail_tol <= 1e-2))
        return zp_fail(st, ZP_EDOM, "Sommerfeld tolerances ode_tol = %g and tail_tol = %g must lie "
                       "in (0, 1e-2]", ode_tol, tail_tol);
    if (alpha == 0.0) {
        *S = 1.0;
        return ZP_OK;
    }
    rc = exact_xb(alpha / beta, mphi / (mchi * beta), ode_tol, tail_tol, S, st);
    return rc != ZP_OK ? rc : check_result(*S, alpha, beta, mchi, mphi, st);
}

int zp_sommerfeld_exact(double alpha, double beta, double mchi, double mphi, double *S,
                        zp_status *st)
{
    return zp_sommerfeld_exact_tol(alpha, beta, mchi, mphi, SOMM_ODE_TOL, SOMM_TAIL_TOL, S, st);
}

int zp_sommerfeld(int method, double alpha, double beta, double mchi, double mphi, double *S,
                  zp_status *st)
{
    if (method == ZP_S_HULTHEN)
        return zp_sommerfeld_hulthen(alpha, beta, mchi, mphi, S, st);
    if (method == ZP_S_EXACT)
        return zp_sommerfeld_exact(alpha, beta, mchi, mphi, S, st);
    return zp_fail(st, ZP_EINVAL, "Sommerfeld method %d is unknown (0 = Hulthen eq. (47), 1 = exact)",
                   method);
}

/* ---- roots in m_phi ---- */

typedef struct {
    int method;
    double lnS0, alpha, beta, mchi;
    zp_status *st;
    int rc;
} root_ctx;

static double root_fn(double lnm, void *params)
{
    root_ctx *r = params;
    double S;
    int rc = zp_sommerfeld(r->method, r->alpha, r->beta, r->mchi, exp(lnm), &S, r->st);
    if (rc != ZP_OK) {
        r->rc = rc;
        return GSL_NAN;
    }
    return log(S) - r->lnS0;
}

static int refine_root(root_ctx *r, double lo, double hi, double *root)
{
    gsl_function F = {root_fn, r};
    gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
    if (s == NULL)
        return zp_fail(r->st, ZP_ENOMEM, "out of memory allocating a root solver");
    int g = gsl_root_fsolver_set(s, &F, lo, hi);
    for (int it = 0; g == GSL_SUCCESS && it < 100; it++) {
        g = gsl_root_fsolver_iterate(s);
        lo = gsl_root_fsolver_x_lower(s), hi = gsl_root_fsolver_x_upper(s);
        if (g == GSL_SUCCESS && gsl_root_test_interval(lo, hi, 1e-7, 0.0) == GSL_SUCCESS)
            break;
    }
    *root = exp(gsl_root_fsolver_root(s));
    gsl_root_fsolver_free(s);
    if (r->rc != ZP_OK)
        return r->rc;
    if (g != GSL_SUCCESS)
        return zp_fail(r->st, ZP_ENUM, "root of S(mphi) = %g not converged near mphi = %g GeV (%s)",
                       exp(r->lnS0), *root, gsl_strerror(g));
    return ZP_OK;
}

int zp_sommerfeld_mphi_roots(int method, double S_target, double alpha, double beta, double mchi,
                             double mphi_lo, double mphi_hi, int ngrid, double *roots,
                             int maxroots, int *nroots, zp_status *st)
{
    *nroots = 0;
    if (!(S_target > 0.0) || !isfinite(S_target))
        return zp_fail(st, ZP_EDOM, "target Sommerfeld factor S = %g must be positive and finite", S_target);
    if (!(mphi_lo > 0.0 && mphi_hi > mphi_lo && isfinite(mphi_hi)))
        return zp_fail(st, ZP_EDOM, "mphi range [%g, %g] GeV must satisfy 0 < lo < hi", mphi_lo, mphi_hi);
    if (ngrid < 2 || ngrid > ZP_SOMM_NGRID_MAX)
        return zp_fail(st, ZP_EDOM, "ngrid = %d must be from 2 to %d", ngrid, ZP_SOMM_NGRID_MAX);
    root_ctx r = {method, log(S_target), alpha, beta, mchi, st, ZP_OK};
    double l0 = log(mphi_lo), dl = (log(mphi_hi) - l0) / (ngrid - 1);
    double lprev = l0, gprev = root_fn(l0, &r);
    for (int i = 1; i < ngrid && r.rc == ZP_OK; i++) {
        if (zp_interrupt_check("S_mphi_roots", st) != ZP_OK) /* a fine exact-S grid takes minutes */
            return ZP_EINTR;
        double l = (i == ngrid - 1) ? log(mphi_hi) : l0 + i * dl, g = root_fn(l, &r);
        if (r.rc != ZP_OK)
            break;
        if ((gprev < 0.0) != (g < 0.0) && *nroots < maxroots) {
            int rc = refine_root(&r, lprev, l, &roots[*nroots]);
            if (rc != ZP_OK)
                return rc;
            ++*nroots;
        }
        lprev = l, gprev = g;
    }
    return r.rc;
}
