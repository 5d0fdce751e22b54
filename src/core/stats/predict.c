/* predict.c -- linear and Monte Carlo propagation of parameter errors (see predict.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "base/zp_interrupt.h"
#include "base/zp_registry.h"
#include "stats/predict.h"

static int check_spec(const zp_predict_spec *s, zp_status *st)
{
    if (s->obs < 0 || s->obs >= zp_obs_count())
        return zp_fail(st, ZP_EINVAL, "predict: unknown observable index %d", s->obs);
    if (s->k < 1 || s->k > ZP_PREDICT_MAXIN)
        return zp_fail(st, ZP_EINVAL, "predict: %d varied inputs; expected 1 to %d", s->k, ZP_PREDICT_MAXIN);
    for (int i = 0; i < s->k; i++) {
        if (s->ids[i] < 0 || s->ids[i] >= ZP_NPARAM)
            return zp_fail(st, ZP_EINVAL, "predict: unknown parameter id %d", s->ids[i]);
        if (!(s->sigma[i] >= 0.0) || !isfinite(s->sigma[i]))
            return zp_fail(st, ZP_EDOM, "predict: the error of '%s' is %g; expected a finite number >= 0",
                           zp_param_defs[s->ids[i]].name, s->sigma[i]);
    }
    if (s->corr)
        for (int i = 0; i < s->k; i++)
            for (int j = 0; j < s->k; j++) {
                double c = s->corr[i * s->k + j];
                if (!(fabs(c) <= 1.0) || (i == j && c != 1.0) || c != s->corr[j * s->k + i])
                    return zp_fail(st, ZP_EDOM, "predict: correlation[%d][%d] = %g; expected a symmetric matrix "
                                   "with 1 on the diagonal and |rho| <= 1", i + 1, j + 1, c);
            }
    return ZP_OK;
}

static int eval(const zp_params *p, const zp_predict_spec *s, double *out, zp_status *st)
{
    return zp_obs_eval(s->obs, p, s->args, s->nargs, out, st);
}

int zp_predict_linear(const zp_params *p, const zp_predict_spec *s, zp_predict_result *r, zp_status *st)
{
    int rc = check_spec(s, st);
    if (rc != ZP_OK)
        return rc;
    memset(r, 0, sizeof *r);
    for (int i = 0; i < 5; i++)
        r->q[i] = NAN;
    if ((rc = eval(p, s, &r->central, st)) != ZP_OK)
        return rc;
    r->mean = r->central;
    zp_params q = *p;
    for (int i = 0; i < s->k; i++) {
        int id = s->ids[i];
        double h = 1e-2 * s->sigma[i], fp, fm;
        if (h == 0.0)
            continue;
        q.v[id] = p->v[id] + h;
        if ((rc = eval(&q, s, &fp, st)) != ZP_OK)
            return zp_prefix(st, "predict (linear)");
        q.v[id] = p->v[id] - h;
        if ((rc = eval(&q, s, &fm, st)) != ZP_OK)
            return zp_prefix(st, "predict (linear)");
        q.v[id] = p->v[id];
        r->grad[i] = (fp - fm) / (2.0 * h);
    }
    double var = 0.0;
    for (int i = 0; i < s->k; i++)
        for (int j = 0; j < s->k; j++) {
            double rho = (i == j) ? 1.0 : (s->corr ? s->corr[i * s->k + j] : 0.0);
            var += r->grad[i] * r->grad[j] * rho * s->sigma[i] * s->sigma[j];
        }
    r->sd = sqrt(fmax(var, 0.0));
    return ZP_OK;
}

/* Cholesky factor of the correlation matrix in L (lower triangle), or the identity. */
static int corr_factor(const zp_predict_spec *s, gsl_matrix *L, zp_status *st)
{
    gsl_matrix_set_identity(L);
    if (!s->corr)
        return ZP_OK;
    for (int i = 0; i < s->k; i++)
        for (int j = 0; j < s->k; j++)
            gsl_matrix_set(L, i, j, s->corr[i * s->k + j]);
    if (gsl_linalg_cholesky_decomp1(L) != GSL_SUCCESS)
        return zp_fail(st, ZP_EDOM, "predict: the correlation matrix is not positive definite");
    return ZP_OK;
}

static int mc_loop(const zp_params *p, const zp_predict_spec *s, long n, gsl_rng *rng, const gsl_matrix *L,
                   double *buf, zp_predict_result *r, zp_status *st)
{
    zp_params q;
    double z[ZP_PREDICT_MAXIN];
    zp_status est;
    for (long t = 0; t < n; t++) {
        if ((t & 4095) == 0 && zp_interrupt_check("predict (mc)", st) != ZP_OK)
            return st->code; /* Ctrl-C in a long propagation */
        q = *p;
        for (int i = 0; i < s->k; i++)
            z[i] = gsl_ran_gaussian_ziggurat(rng, 1.0);
        int ok = 1;
        for (int i = 0; i < s->k && ok; i++) {
            double d = 0.0;
            for (int j = 0; j <= i; j++)
                d += gsl_matrix_get(L, i, j) * z[j];
            int id = s->ids[i];
            double x = p->v[id] + s->sigma[i] * d;
            ok = x >= zp_param_defs[id].min && x <= zp_param_defs[id].max;
            q.v[id] = x;
        }
        double v;
        if (ok && eval(&q, s, &v, &est) == ZP_OK && isfinite(v))
            buf[r->n_ok++] = v;
        else
            r->n_fail++;
    }
    if (r->n_ok < 2 || r->n_fail > n / 2)
        return zp_fail(st, ZP_ENUM, "predict (mc): %ld of %ld samples fell outside the parameters' ranges or "
                       "failed to evaluate; the errors are too large for a Gaussian propagation", r->n_fail, n);
    return ZP_OK;
}

int zp_predict_mc(const zp_params *p, const zp_predict_spec *s, long n, unsigned long seed, double *samples,
                  zp_predict_result *r, zp_status *st)
{
    int rc = check_spec(s, st);
    if (rc != ZP_OK)
        return rc;
    if (n < 2 || n > ZP_PREDICT_MAXN)
        return zp_fail(st, ZP_EINVAL, "predict (mc): n = %ld samples; expected 2 to %ld", n, ZP_PREDICT_MAXN);
    memset(r, 0, sizeof *r);
    if ((rc = eval(p, s, &r->central, st)) != ZP_OK)
        return rc;
    double *buf = samples ? samples : malloc(sizeof(double) * (size_t)n);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_matrix *L = gsl_matrix_alloc(s->k, s->k);
    if (!buf || !rng || !L) {
        rc = zp_fail(st, ZP_ENOMEM, "predict (mc): out of memory for %ld samples", n);
        goto done;
    }
    gsl_rng_set(rng, seed);
    if ((rc = corr_factor(s, L, st)) != ZP_OK || (rc = mc_loop(p, s, n, rng, L, buf, r, st)) != ZP_OK)
        goto done;
    r->mean = gsl_stats_mean(buf, 1, (size_t)r->n_ok);
    r->sd = gsl_stats_sd_m(buf, 1, (size_t)r->n_ok, r->mean);
    double *sorted = malloc(sizeof(double) * (size_t)r->n_ok);
    if (!sorted) {
        rc = zp_fail(st, ZP_ENOMEM, "predict (mc): out of memory for %ld samples", n);
        goto done;
    }
    memcpy(sorted, buf, sizeof(double) * (size_t)r->n_ok);
    gsl_sort(sorted, 1, (size_t)r->n_ok);
    static const double qs[5] = {0.025, 0.15865525393145707, 0.5, 0.8413447460685429, 0.975};
    for (int i = 0; i < 5; i++)
        r->q[i] = gsl_stats_quantile_from_sorted_data(sorted, 1, (size_t)r->n_ok, qs[i]);
    free(sorted);
done:
    if (buf != samples)
        free(buf);
    gsl_rng_free(rng);
    gsl_matrix_free(L);
    return rc;
}
