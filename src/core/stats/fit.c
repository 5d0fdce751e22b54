/* fit.c -- chi^2 minimisation with GSL (see fit.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_multimin.h>

#include "stats/fit.h"

/* State shared by the GSL callbacks: the problem, the first callback error, the count. */
typedef struct {
    const zp_fit_problem *pb;
    zp_status err;
    int failed;
    int nfev;
} fit_ctx;

static const char *method_name(int m)
{
    return m == ZP_FIT_SIMPLEX ? "simplex" : m == ZP_FIT_BFGS ? "bfgs" : "lm";
}

/* x = lo + (hi - lo)(1 + sin u)/2 and its inverse (MINUIT's bounded-parameter transform). */
static double u_to_x(const zp_fit_problem *pb, int i, double u)
{
    return pb->lo[i] + (pb->hi[i] - pb->lo[i]) * 0.5 * (1.0 + sin(u));
}

static double x_to_u(const zp_fit_problem *pb, int i, double x)
{
    double t = 2.0 * (x - pb->lo[i]) / (pb->hi[i] - pb->lo[i]) - 1.0;
    if (t > 1.0) t = 1.0;
    if (t < -1.0) t = -1.0;
    return asin(t);
}

static double eval_x(fit_ctx *c, const double *x)
{
    double v = NAN;
    if (c->failed)
        return NAN;
    c->nfev++;
    zp_status st = {ZP_OK, ""};
    if (c->pb->chi2(x, c->pb->ctx, &v, &st) != ZP_OK) {
        c->err = st;
        c->failed = 1;
        return NAN;
    }
    if (isnan(v))
        return GSL_POSINF; /* a point where the likelihood is undefined counts as excluded */
    return v;
}

static double eval_u(fit_ctx *c, const gsl_vector *u)
{
    double x[ZP_FIT_MAXPAR];
    for (int i = 0; i < c->pb->n; i++)
        x[i] = u_to_x(c->pb, i, gsl_vector_get(u, i));
    return eval_x(c, x);
}

static double mm_f(const gsl_vector *u, void *p) { return eval_u(p, u); }

/* Central-difference gradient in u (step 1e-6 rad). */
static void mm_df(const gsl_vector *u, void *p, gsl_vector *g)
{
    fit_ctx *c = p;
    gsl_vector *w = gsl_vector_alloc(u->size);
    if (!w) {
        c->failed = 1;
        zp_fail(&c->err, ZP_ENOMEM, "out of memory for the gradient");
        gsl_vector_set_all(g, NAN);
        return;
    }
    const double h = 1e-6;
    for (size_t i = 0; i < u->size; i++) {
        gsl_vector_memcpy(w, u);
        gsl_vector_set(w, i, gsl_vector_get(u, i) + h);
        double fp = eval_u(c, w);
        gsl_vector_set(w, i, gsl_vector_get(u, i) - h);
        double fm = eval_u(c, w);
        gsl_vector_set(g, i, (fp - fm) / (2.0 * h));
    }
    gsl_vector_free(w);
}

static void mm_fdf(const gsl_vector *u, void *p, double *f, gsl_vector *g)
{
    *f = mm_f(u, p);
    mm_df(u, p, g);
}

static int nl_f(const gsl_vector *u, void *p, gsl_vector *r)
{
    fit_ctx *c = p;
    double x[ZP_FIT_MAXPAR];
    for (int i = 0; i < c->pb->n; i++)
        x[i] = u_to_x(c->pb, i, gsl_vector_get(u, i));
    if (c->failed)
        return GSL_EBADFUNC;
    c->nfev++;
    zp_status st = {ZP_OK, ""};
    /* r may be a strided column view (finite-difference Jacobian): fill a contiguous copy */
    double *buf = malloc(sizeof(double) * r->size);
    if (!buf) {
        zp_fail(&c->err, ZP_ENOMEM, "out of memory for %zu residuals", r->size);
        c->failed = 1;
        return GSL_ENOMEM;
    }
    int rc = c->pb->resid(x, c->pb->ctx, buf, &st);
    for (size_t i = 0; i < r->size; i++)
        gsl_vector_set(r, i, buf[i]);
    free(buf);
    if (rc != ZP_OK) {
        c->err = st;
        c->failed = 1;
        return GSL_EBADFUNC;
    }
    for (size_t i = 0; i < r->size; i++)
        if (!isfinite(gsl_vector_get(r, i))) {
            zp_fail(&c->err, ZP_ENUM, "residual %zu is not finite at the trial point", i + 1);
            c->failed = 1;
            return GSL_EBADFUNC;
        }
    return GSL_SUCCESS;
}

static int check_problem(const zp_fit_problem *pb, zp_status *st)
{
    if (pb->n < 1 || pb->n > ZP_FIT_MAXPAR)
        return zp_fail(st, ZP_EINVAL, "fit: %d free parameters; expected 1 to %d", pb->n, ZP_FIT_MAXPAR);
    if (!pb->chi2)
        return zp_fail(st, ZP_EINVAL, "fit: no chi^2 function");
    if (pb->method < ZP_FIT_SIMPLEX || pb->method > ZP_FIT_LM)
        return zp_fail(st, ZP_EINVAL, "fit: unknown method %d (expected simplex, bfgs or lm)", pb->method);
    if (pb->method == ZP_FIT_LM && (!pb->resid || pb->nres < pb->n))
        return zp_fail(st, ZP_EINVAL, "fit: lm needs residuals, at least as many (%d) as free parameters (%d)",
                       pb->nres, pb->n);
    if (pb->max_iter < 1 || !(pb->tol > 0.0))
        return zp_fail(st, ZP_EINVAL, "fit: max_iter = %d and tol = %g must be positive", pb->max_iter, pb->tol);
    for (int i = 0; i < pb->n; i++) {
        if (!isfinite(pb->lo[i]) || !isfinite(pb->hi[i]) || !(pb->lo[i] < pb->hi[i]))
            return zp_fail(st, ZP_EINVAL, "fit: bounds of parameter %d are [%g, %g]; expected finite lo < hi",
                           i + 1, pb->lo[i], pb->hi[i]);
        if (!(pb->start[i] >= pb->lo[i] && pb->start[i] <= pb->hi[i]))
            return zp_fail(st, ZP_EINVAL, "fit: start value %g of parameter %d is outside [%g, %g]",
                           pb->start[i], i + 1, pb->lo[i], pb->hi[i]);
    }
    return ZP_OK;
}

static int run_multimin(const zp_fit_problem *pb, fit_ctx *c, gsl_vector *u, int *iter, zp_status *st)
{
    int n = pb->n, status = GSL_CONTINUE, it = 0;
    double size = NAN;
    if (pb->method == ZP_FIT_SIMPLEX) {
        gsl_multimin_function f = {mm_f, (size_t)n, c};
        gsl_multimin_fminimizer *s = gsl_multimin_fminimizer_alloc(gsl_multimin_fminimizer_nmsimplex2, n);
        gsl_vector *step = gsl_vector_alloc(n);
        if (!s || !step) {
            gsl_vector_free(step);
            gsl_multimin_fminimizer_free(s);
            return zp_fail(st, ZP_ENOMEM, "fit: out of memory for the simplex");
        }
        /* ~15 % of each box in the sin transform; a vertex in an excluded region (chi^2 = inf)
         * makes GSL refuse the simplex, so shrink it until every vertex is valid */
        double h = 0.3;
        gsl_vector_set_all(step, h);
        int rc = gsl_multimin_fminimizer_set(s, &f, u, step), stall = 0;
        for (int shrink = 0; rc == GSL_EBADFUNC && !c->failed && shrink < 20; shrink++) {
            h *= 0.5;
            gsl_vector_set_all(step, h);
            rc = gsl_multimin_fminimizer_set(s, &f, u, step);
        }
        double fbest = s->fval;
        while (rc == GSL_SUCCESS && status == GSL_CONTINUE && it < pb->max_iter && !c->failed) {
            it++;
            rc = gsl_multimin_fminimizer_iterate(s);
            size = gsl_multimin_fminimizer_size(s);
            status = gsl_multimin_test_size(size, pb->tol);
            /* a flat valley (e.g. inside a flat-top window): the best chi^2 stops improving */
            stall = (fbest - s->fval <= 1e-10 * (1.0 + fabs(s->fval))) ? stall + 1 : 0;
            if (s->fval < fbest)
                fbest = s->fval;
            if (stall >= 40 * n)
                status = GSL_SUCCESS;
        }
        if (rc == GSL_SUCCESS)
            gsl_vector_memcpy(u, s->x);
        gsl_multimin_fminimizer_free(s);
        gsl_vector_free(step);
        if (c->failed)
            return ZP_ENUM;
        if (rc != GSL_SUCCESS)
            return zp_fail(st, ZP_ENUM, "fit: the simplex stopped (%s) after %d iterations", gsl_strerror(rc), it);
    } else {
        gsl_multimin_function_fdf f = {mm_f, mm_df, mm_fdf, (size_t)n, c};
        gsl_multimin_fdfminimizer *s = gsl_multimin_fdfminimizer_alloc(gsl_multimin_fdfminimizer_vector_bfgs2, n);
        if (!s)
            return zp_fail(st, ZP_ENOMEM, "fit: out of memory for BFGS");
        int rc = gsl_multimin_fdfminimizer_set(s, &f, u, 0.05, 0.1);
        while (rc == GSL_SUCCESS && status == GSL_CONTINUE && it < pb->max_iter && !c->failed) {
            it++;
            rc = gsl_multimin_fdfminimizer_iterate(s);
            size = gsl_blas_dnrm2(s->gradient);
            status = gsl_multimin_test_gradient(s->gradient, pb->tol);
        }
        gsl_vector_memcpy(u, s->x);
        gsl_multimin_fdfminimizer_free(s);
        if (c->failed)
            return ZP_ENUM;
        /* BFGS reports "no progress" (GSL_ENOPROG) at a minimum it cannot refine further */
        if (rc != GSL_SUCCESS && rc != GSL_ENOPROG)
            return zp_fail(st, ZP_ENUM, "fit: BFGS stopped (%s) after %d iterations", gsl_strerror(rc), it);
        if (rc == GSL_ENOPROG)
            status = GSL_SUCCESS;
    }
    *iter = it;
    if (status != GSL_SUCCESS)
        return zp_fail(st, ZP_ENUM, "fit: %s did not converge after %d iterations (%s %.3g > tol %.3g); "
                       "raise max_iter or tol, or give a better start",
                       method_name(pb->method), it, pb->method == ZP_FIT_SIMPLEX ? "simplex size" : "|gradient|",
                       size, pb->tol);
    return ZP_OK;
}

static int run_lm(const zp_fit_problem *pb, fit_ctx *c, gsl_vector *u, int *iter, zp_status *st)
{
    gsl_multifit_nlinear_parameters par = gsl_multifit_nlinear_default_parameters();
    gsl_multifit_nlinear_workspace *w =
        gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &par, (size_t)pb->nres, (size_t)pb->n);
    if (!w)
        return zp_fail(st, ZP_ENOMEM, "fit: out of memory for Levenberg-Marquardt");
    gsl_multifit_nlinear_fdf fdf;
    memset(&fdf, 0, sizeof fdf);
    fdf.f = nl_f;
    fdf.df = NULL; /* finite-difference Jacobian */
    fdf.n = (size_t)pb->nres;
    fdf.p = (size_t)pb->n;
    fdf.params = c;
    int info = 0, rc = gsl_multifit_nlinear_init(u, &fdf, w);
    if (rc == GSL_SUCCESS)
        rc = gsl_multifit_nlinear_driver((size_t)pb->max_iter, pb->tol, pb->tol, 0.0, NULL, NULL, &info, w);
    *iter = (int)gsl_multifit_nlinear_niter(w);
    if (rc == GSL_SUCCESS)
        gsl_vector_memcpy(u, gsl_multifit_nlinear_position(w));
    gsl_multifit_nlinear_free(w);
    if (c->failed)
        return ZP_ENUM;
    if (rc == GSL_EMAXITER)
        return zp_fail(st, ZP_ENUM, "fit: lm did not converge after %d iterations (tol %.3g); raise max_iter or tol, "
                       "or give a better start", *iter, pb->tol);
    if (rc != GSL_SUCCESS)
        return zp_fail(st, ZP_ENUM, "fit: lm stopped (%s) after %d iterations", gsl_strerror(rc), *iter);
    return ZP_OK;
}

int zp_fit_minimize(const zp_fit_problem *pb, zp_fit_result *res, zp_status *st)
{
    int rc = check_problem(pb, st);
    if (rc != ZP_OK)
        return rc;
    memset(res, 0, sizeof *res);
    fit_ctx c = {pb, {ZP_OK, ""}, 0, 0};
    double f0 = eval_x(&c, pb->start);
    if (c.failed) {
        *st = c.err;
        return zp_prefix(st, "fit");
    }
    if (!isfinite(f0))
        return zp_fail(st, ZP_EDOM, "fit: chi^2 is not finite at the start point (a hard cut fails there); "
                       "choose a start inside the allowed region");
    gsl_vector *u = gsl_vector_alloc(pb->n);
    if (!u)
        return zp_fail(st, ZP_ENOMEM, "fit: out of memory");
    for (int i = 0; i < pb->n; i++)
        gsl_vector_set(u, i, x_to_u(pb, i, pb->start[i]));
    rc = pb->method == ZP_FIT_LM ? run_lm(pb, &c, u, &res->iter, st) : run_multimin(pb, &c, u, &res->iter, st);
    for (int i = 0; i < pb->n; i++) {
        res->x[i] = u_to_x(pb, i, gsl_vector_get(u, i));
        double w = pb->hi[i] - pb->lo[i];
        res->at_bound[i] = (res->x[i] - pb->lo[i] < 1e-6 * w) || (pb->hi[i] - res->x[i] < 1e-6 * w);
    }
    gsl_vector_free(u);
    if (c.failed) {
        *st = c.err;
        return zp_prefix(st, "fit");
    }
    if (rc != ZP_OK)
        return rc;
    res->chi2 = eval_x(&c, res->x);
    res->nfev = c.nfev;
    if (c.failed) {
        *st = c.err;
        return zp_prefix(st, "fit");
    }
    return zp_fit_covariance(pb, res->x, res, st);
}

/* Hessian of chi^2 at x with steps h[i] (stencils shifted to stay inside the box). */
static int hessian(fit_ctx *c, const double *x, const double *h, gsl_matrix *H)
{
    const zp_fit_problem *pb = c->pb;
    int n = pb->n;
    double xc[ZP_FIT_MAXPAR], y[ZP_FIT_MAXPAR];
    for (int i = 0; i < n; i++) {
        xc[i] = x[i];
        if (xc[i] - 2 * h[i] < pb->lo[i]) xc[i] = pb->lo[i] + 2 * h[i];
        if (xc[i] + 2 * h[i] > pb->hi[i]) xc[i] = pb->hi[i] - 2 * h[i];
    }
    double f0 = eval_x(c, xc);
    for (int i = 0; i < n; i++) {
        for (int j = i; j < n; j++) {
            double v;
            memcpy(y, xc, sizeof(double) * (size_t)n);
            if (i == j) {
                y[i] = xc[i] + h[i];
                double fp = eval_x(c, y);
                y[i] = xc[i] - h[i];
                double fm = eval_x(c, y);
                v = (fp - 2 * f0 + fm) / (h[i] * h[i]);
            } else {
                double s[4], si[4] = {1, 1, -1, -1}, sj[4] = {1, -1, 1, -1};
                for (int k = 0; k < 4; k++) {
                    y[i] = xc[i] + si[k] * h[i];
                    y[j] = xc[j] + sj[k] * h[j];
                    s[k] = eval_x(c, y);
                }
                v = (s[0] - s[1] - s[2] + s[3]) / (4 * h[i] * h[j]);
            }
            gsl_matrix_set(H, i, j, v);
            gsl_matrix_set(H, j, i, v);
        }
    }
    return c->failed ? ZP_ENUM : ZP_OK;
}

int zp_fit_covariance(const zp_fit_problem *pb, const double *x, zp_fit_result *res, zp_status *st)
{
    int n = pb->n;
    fit_ctx c = {pb, {ZP_OK, ""}, 0, 0};
    double h[ZP_FIT_MAXPAR];
    gsl_matrix *H = gsl_matrix_alloc(n, n);
    if (!H)
        return zp_fail(st, ZP_ENOMEM, "fit: out of memory for the Hessian");
    res->cov_ok = 0;
    for (int i = 0; i < n * n; i++)
        res->cov[i] = NAN;
    /* pass 1: steps of 1e-3 of the box; pass 2: 0.1 sigma from pass 1 (capped to the box) */
    for (int i = 0; i < n; i++)
        h[i] = 1e-3 * (pb->hi[i] - pb->lo[i]);
    for (int pass = 0; pass < 2; pass++) {
        if (hessian(&c, x, h, H) != ZP_OK) {
            gsl_matrix_free(H);
            *st = c.err;
            return zp_prefix(st, "fit: covariance");
        }
        int ok = 1;
        for (int i = 0; i < n; i++) {
            double hii = gsl_matrix_get(H, i, i);
            if (!(hii > 0.0) || !isfinite(hii)) { ok = 0; break; }
            double sig = sqrt(2.0 / hii), hmax = 0.2 * (pb->hi[i] - pb->lo[i]);
            h[i] = fmin(0.1 * sig, hmax);
            if (h[i] < 1e-12 * (pb->hi[i] - pb->lo[i])) h[i] = 1e-12 * (pb->hi[i] - pb->lo[i]);
        }
        if (!ok)
            break;
    }
    res->nfev += c.nfev;
    gsl_matrix *L = gsl_matrix_alloc(n, n);
    if (!L) {
        gsl_matrix_free(H);
        return zp_fail(st, ZP_ENOMEM, "fit: out of memory for the covariance");
    }
    gsl_matrix_memcpy(L, H);
    if (gsl_linalg_cholesky_decomp1(L) == GSL_SUCCESS && gsl_linalg_cholesky_invert(L) == GSL_SUCCESS) {
        res->cov_ok = 1;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                res->cov[i * n + j] = 2.0 * gsl_matrix_get(L, i, j);
    }
    gsl_matrix_free(L);
    gsl_matrix_free(H);
    return ZP_OK;
}

double zp_stats_pvalue(double chi2, int ndof)
{
    if (ndof < 1 || !(chi2 >= 0.0))
        return NAN;
    return gsl_cdf_chisq_Q(chi2, ndof);
}

double zp_stats_dchi2(double cl, int k)
{
    if (!(cl > 0.0 && cl < 1.0) || k < 1)
        return NAN;
    return gsl_cdf_chisq_Pinv(cl, k);
}

double zp_stats_z_two_sided(double cl)
{
    if (!(cl > 0.0 && cl < 1.0))
        return NAN;
    return gsl_cdf_ugaussian_Pinv(0.5 + 0.5 * cl);
}

double zp_stats_z_one_sided(double cl)
{
    if (!(cl > 0.0 && cl < 1.0))
        return NAN;
    return gsl_cdf_ugaussian_Pinv(cl);
}
