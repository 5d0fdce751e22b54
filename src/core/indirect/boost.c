/* boost.c -- eq. (40) of arXiv:1702.00395 (the boost of a mediator's decay spectrum) and the
 * PPPC 4 DM ID antiproton spectra of chi chi -> Z'Z' -> (f fbar)(f fbar).  See boost.h. */
#include "indirect/boost.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>

#include "indirect/pppc.h"

#define BOOST_EPSREL 1e-7 /* relative accuracy of the eq. (40) integral */
#define BOOST_LIMIT 200   /* subintervals of the QAG workspace */
#define LN10 2.30258509299404568402

static int check_kin(const zp_boost_kin *k, zp_status *st)
{
    if (!(isfinite(k->mchi) && k->mchi > 0))
        return zp_fail(st, ZP_EDOM, "mchi = %g GeV must be positive", k->mchi);
    if (!(isfinite(k->mZp) && k->mZp > 0 && k->mZp <= k->mchi))
        return zp_fail(st, ZP_EDOM,
                       "mZp = %g GeV must lie in (0, mchi = %g GeV]: chi chi -> Z'Z' is closed otherwise",
                       k->mZp, k->mchi);
    if (!(isfinite(k->m) && k->m >= 0 && 2 * k->m < k->mZp))
        return zp_fail(st, ZP_EDOM,
                       "daughter mass m = %g GeV must lie in [0, mZp/2 = %g GeV) for Z' decays to produce it",
                       k->m, k->mZp / 2);
    return ZP_OK;
}

int zp_boost_limits(const zp_boost_kin *k, double x, double *xm, double *xp, zp_status *st)
{
    if (check_kin(k, st) != ZP_OK)
        return st->code;
    double E1 = k->mZp / k->mchi, E0 = 2 * k->m / k->mZp;
    double b2 = (1 - E1) * (1 + E1); /* beta^2 = 1 - E1^2 of the Z' */
    double arg = x * x - E1 * E1 * E0 * E0 / 4;
    if (!(isfinite(x) && arg >= 0))
        return zp_fail(st, ZP_EDOM,
                       "x = E/mchi = %g is below m/mchi = %g: the total energy cannot be below the daughter mass",
                       x, E1 * E0 / 2);
    /* eq. (40): x_pm = 2 (x pm sqrt((1 - E1^2)(x^2 - E1^2 E0^2 / 4))) / E1^2; x_- from the
     * product of the roots, x_+ x_- = (4 x^2 + (1 - E1^2) E0^2) / E1^2, to avoid cancellation */
    double r = sqrt(b2 * arg);
    *xp = 2 * (x + r) / (E1 * E1);
    *xm = (4 * x * x + b2 * E0 * E0) / (2 * (x + r));
    return ZP_OK;
}

int zp_boost_xrange(const zp_boost_kin *k, double xp_lo, double xp_hi, double *xlo, double *xhi,
                    zp_status *st)
{
    if (check_kin(k, st) != ZP_OK)
        return st->code;
    double E1 = k->mZp / k->mchi, E0 = 2 * k->m / k->mZp;
    double beta = sqrt((1 - E1) * (1 + E1)), gamma = 1 / E1;
    if (!(xp_lo >= E0 && xp_lo < xp_hi && xp_hi <= 1))
        return zp_fail(st, ZP_EDOM, "the support [%g, %g] of dN/dx' must lie inside [E0 = %g, 1]",
                       xp_lo, xp_hi, E0);
    /* 2x = x' pm beta sqrt(x'^2 - E0^2): forward emission at x' = xp_hi is the largest x;
     * backward emission is smallest at x' = gamma E0 (daughter at rest in the galaxy) */
    *xhi = (xp_hi + beta * sqrt(xp_hi * xp_hi - E0 * E0)) / 2;
    double c = gamma * E0;
    if (c < xp_lo)
        c = xp_lo;
    if (c > xp_hi)
        c = xp_hi;
    *xlo = (c - beta * sqrt(c * c - E0 * E0)) / 2;
    if (*xlo < E1 * E0 / 2)
        *xlo = E1 * E0 / 2;
    return ZP_OK;
}

/* The eq. (40) integrand after x' = E0 cosh u (or x' = e^u for E0 = 0): dN/dx'(x'(u)). */
typedef struct {
    const zp_boost_source *src;
    double E0;
} u_ctx;

static double u_integrand(double u, void *p)
{
    const u_ctx *c = p;
    double xp = c->E0 > 0 ? c->E0 * cosh(u) : exp(u);
    return c->src->dNdxp(xp, c->src->ctx);
}

static double u_of(double xp, double E0)
{
    return E0 > 0 ? acosh(xp / E0) : log(xp);
}

/* One point of eq. (40) with a given workspace. */
static int boost_point(const zp_boost_kin *k, const zp_boost_source *src, double x,
                       gsl_integration_workspace *w, double *out, zp_status *st)
{
    double E1 = k->mZp / k->mchi, E0 = 2 * k->m / k->mZp;
    *out = 0;
    if (!(x >= E1 * E0 / 2))
        return ZP_OK; /* below the daughter's rest energy */
    if (k->mZp == k->mchi) { /* no boost: E = E', dN/dx = 2 x 2 dN/dx'(2x) */
        double xp = 2 * x;
        *out = (xp >= src->xp_lo && xp <= src->xp_hi) ? 4 * src->dNdxp(xp, src->ctx) : 0;
        return ZP_OK;
    }
    double xm, xpl;
    if (zp_boost_limits(k, x, &xm, &xpl, st) != ZP_OK)
        return st->code;
    double a = xm > src->xp_lo ? xm : src->xp_lo;
    double b = xpl < src->xp_hi ? xpl : src->xp_hi; /* b(x) = min(1, x_+), 1 >= xp_hi */
    if (!(b > a))
        return ZP_OK;
    u_ctx c = { src, E0 };
    gsl_function F = { u_integrand, &c };
    double res, err;
    int rc = gsl_integration_qag(&F, u_of(a, E0), u_of(b, E0), 0.0, BOOST_EPSREL, BOOST_LIMIT,
                                 GSL_INTEG_GAUSS21, w, &res, &err);
    if (rc != GSL_SUCCESS && !(rc == GSL_EROUND && err <= 1e-5 * fabs(res)))
        return zp_fail(st, ZP_ENUM,
                       "eq. (40) integral at x = E/mchi = %g (mchi = %g GeV, mZp = %g GeV) failed: %s",
                       x, k->mchi, k->mZp, gsl_strerror(rc));
    /* eq. (40): 2 / sqrt(1 - E1^2) times int du dN/dx' */
    *out = 2 * res / sqrt((1 - E1) * (1 + E1));
    return ZP_OK;
}

int zp_boost_dNdx(const zp_boost_kin *k, const zp_boost_source *src, int n, const double *x,
                  double *out, zp_status *st)
{
    if (check_kin(k, st) != ZP_OK)
        return st->code;
    double E0 = 2 * k->m / k->mZp;
    if (src == NULL || src->dNdxp == NULL || !(src->xp_lo >= E0 && src->xp_lo < src->xp_hi &&
                                               src->xp_hi <= 1))
        return zp_fail(st, ZP_EDOM, "the rest-frame spectrum needs a callback and a support inside [E0 = %g, 1]",
                       E0);
    gsl_integration_workspace *w = gsl_integration_workspace_alloc(BOOST_LIMIT);
    if (w == NULL)
        return zp_fail(st, ZP_ENOMEM, "out of memory for the eq. (40) integration");
    int rc = ZP_OK;
    for (int i = 0; i < n && rc == ZP_OK; i++)
        rc = boost_point(k, src, x[i], w, &out[i], st);
    gsl_integration_workspace_free(w);
    return rc;
}

/* ---- tabulated rest-frame spectra (PPPC slices) ---- */

#define GL_ORDER 4 /* Gauss-Legendre points per node interval */

/* int dlx g(lx) / sqrt(x_P (x_P + 2 E0)) over [la, lb], x_P = 10^lx: eq. (40) after
 * x' = E0 + 10^lx (dN/dx' dx' = g dlx).  g is one cubic on every node interval, the weight is
 * analytic there (its nearest singularity is > 1 decade away), so a 4-point rule per interval
 * is exact to rounding; the 1/sqrt endpoint singularity has moved to lx = -infinity where the
 * integrand vanishes. */
static double tab_integral(const zp_pppc_slice *s, const gsl_integration_glfixed_table *gl,
                           double E0, double la, double lb)
{
    double sum = 0;
    int j0 = (int)floor((la - s->lx0) / s->dlx);
    if (j0 < 0)
        j0 = 0;
    for (int j = j0; j < s->nx - 1; j++) {
        double n0 = s->lx0 + j * s->dlx, a = fmax(la, n0), b = fmin(lb, n0 + s->dlx);
        if (a >= lb)
            break;
        if (!(b > a))
            continue;
        double part = 0;
        for (size_t i = 0; i < gl->n; i++) {
            double t, wi;
            gsl_integration_glfixed_point(a, b, i, &t, &wi, gl);
            double u = (t - n0) / s->dlx, u2 = u * u, u3 = u2 * u;
            double g = (2 * u3 - 3 * u2 + 1) * s->y[j] + (u3 - 2 * u2 + u) * s->dlx * s->d[j] +
                       (-2 * u3 + 3 * u2) * s->y[j + 1] + (u3 - u2) * s->dlx * s->d[j + 1];
            double xk = exp(LN10 * t);
            part += wi * g / sqrt(xk * (xk + 2 * E0));
        }
        sum += part;
    }
    return sum;
}

int zp_boost_dNdx_tab(const zp_boost_kin *k, const zp_pppc_slice *rest, int n, const double *x,
                      double *out, zp_status *st)
{
    if (check_kin(k, st) != ZP_OK)
        return st->code;
    if (rest == NULL || rest->nx < 2 || rest->nx > ZP_PPPC_MAXNX || !(rest->dlx > 0))
        return zp_fail(st, ZP_EINVAL, "the tabulated rest-frame spectrum is missing or has no grid");
    gsl_integration_glfixed_table *gl = gsl_integration_glfixed_table_alloc(GL_ORDER);
    if (gl == NULL)
        return zp_fail(st, ZP_ENOMEM, "out of memory for the eq. (40) integration");
    double E1 = k->mZp / k->mchi, E0 = 2 * k->m / k->mZp, beta = sqrt((1 - E1) * (1 + E1));
    double lxtop = fmin(rest->lx0 + (rest->nx - 1) * rest->dlx, log10(1 - E0)); /* x' <= 1 */
    for (int i = 0; i < n; i++) {
        out[i] = 0;
        if (!(x[i] >= E1 * E0 / 2))
            continue; /* below the daughter's rest energy */
        if (beta == 0) { /* m_chi = m_Z': E = E', dN/dx = 2 x 2 dN/dx'(2x) */
            double xk = 2 * x[i] - E0;
            if (xk > 0 && log10(xk) <= lxtop)
                out[i] = 4 * zp_pppc_slice_eval(rest, log10(xk)) / (xk * LN10);
            continue;
        }
        double xm, xpl;
        zp_boost_limits(k, x[i], &xm, &xpl, st); /* cannot fail: kinematics checked above */
        double la = xm > E0 ? fmax(log10(xm - E0), rest->lx0) : rest->lx0;
        double lb = xpl < 1 ? fmin(log10(xpl - E0), lxtop) : lxtop; /* b(x) = min(1, x_+) */
        if (lb > la)
            out[i] = 2 * tab_integral(rest, gl, E0, la, lb) / beta; /* eq. (40) */
    }
    gsl_integration_glfixed_table_free(gl);
    return ZP_OK;
}

/* ---- antiprotons from PPPC 4 DM ID ---- */

/* Table, channel and the slice of the spectrum that o needs (m_DM = m_Z'/2 or m_chi). */
static int pbar_setup(const zp_pbar_opts *o, zp_pppc_slice *s, zp_status *st)
{
    const char *name = o->table ? o->table : zp_pppc_default_pbar();
    const zp_pppc *t = zp_pppc_get(name, st);
    int ch;
    if (t == NULL || zp_pppc_channel(t, o->channel ? o->channel : "b", &ch, st) != ZP_OK)
        return st->code;
    if (!(isfinite(o->m_p) && o->m_p > 0))
        return zp_fail(st, ZP_EDOM, "m_p = %g GeV must be positive", o->m_p);
    if (o->boost) {
        zp_boost_kin k = { o->mchi, o->mZp, o->m_p };
        if (check_kin(&k, st) != ZP_OK)
            return st->code;
        if (zp_pppc_slice_at(t, ch, o->mZp / 2, s, st) != ZP_OK)
            return zp_prefix(st, "the Z' decay spectrum is the PPPC spectrum at mDM = mZp/2");
        return ZP_OK;
    }
    if (!(isfinite(o->mchi) && o->mchi > 0))
        return zp_fail(st, ZP_EDOM, "mchi = %g GeV must be positive", o->mchi);
    return zp_pppc_slice_at(t, ch, o->mchi, s, st);
}

/* Kinematics of the boosted case and the support of the rest-frame slice in x'. */
static void pbar_kin(const zp_pbar_opts *o, const zp_pppc_slice *s, zp_boost_kin *k,
                     double *xp_lo, double *xp_hi)
{
    double E0 = 2 * o->m_p / o->mZp; /* x' = x_P + E0 */
    k->mchi = o->mchi;
    k->mZp = o->mZp;
    k->m = o->m_p;
    *xp_lo = E0 + pow(10, s->lx0);
    *xp_hi = fmin(1.0, E0 + pow(10, s->lx0 + (s->nx - 1) * s->dlx));
}

int zp_pbar_Krange(const zp_pbar_opts *o, double *Kmin, double *Kmax, zp_status *st)
{
    zp_pppc_slice *s = malloc(sizeof *s);
    if (s == NULL)
        return zp_fail(st, ZP_ENOMEM, "out of memory for a PPPC spectrum");
    int rc = pbar_setup(o, s, st);
    if (rc == ZP_OK && o->boost) {
        zp_boost_kin k;
        double xlo, xhi, xp_lo, xp_hi;
        pbar_kin(o, s, &k, &xp_lo, &xp_hi);
        rc = zp_boost_xrange(&k, xp_lo, xp_hi, &xlo, &xhi, st);
        *Kmin = fmax(0.0, xlo * o->mchi - o->m_p);
        *Kmax = xhi * o->mchi - o->m_p;
    } else if (rc == ZP_OK) {
        *Kmin = o->mchi * pow(10, s->lx0);
        *Kmax = o->mchi * pow(10, s->lx0 + (s->nx - 1) * s->dlx);
    }
    free(s);
    return rc;
}

int zp_pbar_dNdE(const zp_pbar_opts *o, int n, const double *K, double *dNdE, zp_status *st)
{
    zp_pppc_slice *s = malloc(sizeof *s);
    double *x = calloc((size_t)(n > 0 ? n : 1), sizeof *x);
    int rc = (s && x) ? pbar_setup(o, s, st) : zp_fail(st, ZP_ENOMEM, "out of memory for a PPPC spectrum");
    for (int i = 0; rc == ZP_OK && i < n; i++)
        if (!(K[i] >= 0 && isfinite(K[i])))
            rc = zp_fail(st, ZP_EDOM, "antiproton kinetic energy K = %g GeV must be non-negative", K[i]);
    if (rc == ZP_OK && o->boost) {
        zp_boost_kin k = { o->mchi, o->mZp, o->m_p };
        for (int i = 0; i < n; i++)
            x[i] = (K[i] + o->m_p) / o->mchi; /* eq. (40): x = E/m_chi, E total */
        rc = zp_boost_dNdx_tab(&k, s, n, x, dNdE, st);
        for (int i = 0; rc == ZP_OK && i < n; i++)
            dNdE[i] /= o->mchi; /* dN/dK = dN/dE = dN/dx / m_chi */
    } else if (rc == ZP_OK) {
        for (int i = 0; rc == ZP_OK && i < n; i++) {
            double xk = K[i] / o->mchi, lx = log10(xk); /* PPPC: x = K/m_DM, m_DM = m_chi */
            if (lx < s->lx0 - 1e-9 * s->dlx)
                rc = zp_fail(st, ZP_EDOM,
                             "K = %g GeV is below the PPPC table's lowest x = K/mchi = %g (K = %g GeV)",
                             K[i], pow(10, s->lx0), o->mchi * pow(10, s->lx0));
            else
                dNdE[i] = zp_pppc_slice_eval(s, lx) / (xk * LN10 * o->mchi);
        }
    }
    free(x);
    free(s);
    return rc;
}

/* int_{lx0}^{hi} dlog10x g and int dlog10x g (10^lx + shift) for a slice: Gauss-Legendre on
 * every node interval, where the Steffen interpolant is one cubic (exact for the first). */
static void slice_moments(const zp_pppc_slice *s, const gsl_integration_glfixed_table *gl,
                          double hi, double shift, double *m0, double *m1)
{
    *m0 = *m1 = 0;
    for (int j = 0; j < s->nx - 1; j++) {
        double a = s->lx0 + j * s->dlx, b = fmin(a + s->dlx, hi);
        for (size_t i = 0; b > a && i < gl->n; i++) {
            double lx, wi;
            gsl_integration_glfixed_point(a, b, i, &lx, &wi, gl);
            double g = wi * zp_pppc_slice_eval(s, lx);
            *m0 += g;
            *m1 += g * (exp(LN10 * lx) + shift);
        }
    }
}

int zp_pbar_moments(const zp_pbar_opts *o, double *N, double *xmean, zp_status *st)
{
    zp_pppc_slice *s = malloc(sizeof *s);
    gsl_integration_glfixed_table *gl = gsl_integration_glfixed_table_alloc(GL_ORDER);
    int rc = (s && gl) ? pbar_setup(o, s, st) : zp_fail(st, ZP_ENOMEM, "out of memory for a PPPC spectrum");
    if (rc == ZP_OK) {
        double hi = s->lx0 + (s->nx - 1) * s->dlx, shift = 0, m0, m1;
        if (o->boost) { /* one Z' at rest, cut at x' = 1 as b(x) in eq. (40) */
            shift = 2 * o->m_p / o->mZp;
            hi = fmin(hi, log10(1 - shift));
        }
        slice_moments(s, gl, hi, shift, &m0, &m1);
        /* boosted: N counts both Z'; int x dN/dx dx = int x' dN/dx' dx' (x = E/m_chi, energy
         * conservation: the two Z' carry 2 m_chi).  direct: x = K/m_chi as in PPPC */
        *N = (o->boost ? 2 : 1) * m0;
        *xmean = m1;
    }
    if (gl)
        gsl_integration_glfixed_table_free(gl);
    free(s);
    return rc;
}
