/* predict.h -- propagate parameter uncertainties into a registered observable.
 *
 * Inputs: a model p, the observable (registry index and extra arguments), k parameters with
 * their 1-sigma errors sigma[k] (the X_err companions of params.def) and an optional k x k
 * correlation matrix (row-major; NULL = uncorrelated).
 *   linear: sigma_O^2 = J C J^T with J from central differences (step 1e-2 sigma_i).
 *   mc:     n Gaussian samples delta = diag(sigma) L z, L L^T = corr (Cholesky), z ~ N(0, 1),
 *           GSL's MT19937 seeded with seed; samples outside a parameter's allowed range, or
 *           where the observable fails, are counted (n_fail) and left out.
 * Reference: any statistics text, e.g. PDG Review "Statistics" (2016), sec. 39.1.
 */
#ifndef ZP_STATS_PREDICT_H
#define ZP_STATS_PREDICT_H
#include "base/zp_params.h"
#include "base/zp_status.h"

#define ZP_PREDICT_MAXIN 64
#define ZP_PREDICT_MAXN 10000000L

typedef struct {
    double central;   /* observable at the central parameters */
    double mean;      /* linear: = central; mc: sample mean */
    double sd;        /* standard deviation */
    double q[5];      /* mc: 2.5, 16, 50, 84, 97.5 % quantiles (NaN for linear) */
    double grad[ZP_PREDICT_MAXIN]; /* linear: dO/dx_i */
    long n_ok, n_fail; /* mc: samples used / left out */
} zp_predict_result;

typedef struct {
    int obs;                  /* registry index of the observable */
    const double *args;       /* its extra arguments */
    int nargs;
    int k;                    /* number of varied parameters, 1 .. ZP_PREDICT_MAXIN */
    const int *ids;           /* their parameter ids */
    const double *sigma;      /* their 1-sigma errors (same unit as the parameter), >= 0 */
    const double *corr;       /* k x k correlation, or NULL */
} zp_predict_spec;

/* Linear propagation.  Returns ZP_OK or the observable's error / ZP_EINVAL / ZP_EDOM. */
int zp_predict_linear(const zp_params *p, const zp_predict_spec *s, zp_predict_result *r, zp_status *st);

/* Monte Carlo with n samples (1 .. ZP_PREDICT_MAXN) and the given seed.  samples (optional,
 * length n) receives the accepted values.  ZP_ENUM when more than half the samples fail. */
int zp_predict_mc(const zp_params *p, const zp_predict_spec *s, long n, unsigned long seed, double *samples,
                  zp_predict_result *r, zp_status *st);

#endif
