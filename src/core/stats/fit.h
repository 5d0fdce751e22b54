/* fit.h -- minimise a chi^2 inside box bounds (GSL multimin / multifit_nlinear).
 *
 * The chi^2 is a callback, so the core stays pure C: the Lua binding passes a function that
 * evaluates the likelihood of a model.  Free parameters x_i live in [lo_i, hi_i]; internally
 * the minimisers work in u_i with x_i = lo_i + (hi_i - lo_i)(1 + sin u_i)/2 (the MINUIT
 * transformation, F. James, MINUIT reference manual, sec. 1.3), so no step leaves the box.
 * The covariance is 2 H^-1, H the Hessian of chi^2 = -2 ln L in the physical x (Fisher
 * information H/2), from central differences at the minimum.
 */
#ifndef ZP_STATS_FIT_H
#define ZP_STATS_FIT_H
#include "base/zp_status.h"

#define ZP_FIT_MAXPAR 16

enum { ZP_FIT_SIMPLEX = 0, ZP_FIT_BFGS = 1, ZP_FIT_LM = 2 };

/* chi^2 at x[n] (physical units).  Returns ZP_OK, or an error code with st set. */
typedef int (*zp_fit_chi2_fn)(const double *x, void *ctx, double *chi2, zp_status *st);
/* Residuals r[nres] at x[n], chi^2 = sum r_i^2 (Levenberg-Marquardt only). */
typedef int (*zp_fit_resid_fn)(const double *x, void *ctx, double *r, zp_status *st);

typedef struct {
    int n;                      /* number of free parameters, 1 .. ZP_FIT_MAXPAR */
    double lo[ZP_FIT_MAXPAR];   /* lower bounds (finite) */
    double hi[ZP_FIT_MAXPAR];   /* upper bounds (finite, > lo) */
    double start[ZP_FIT_MAXPAR];/* start point, inside [lo, hi] */
    int method;                 /* ZP_FIT_SIMPLEX, ZP_FIT_BFGS or ZP_FIT_LM */
    int nres;                   /* number of residuals (LM), >= n */
    int max_iter;               /* iteration limit (> 0) */
    double tol;                 /* convergence: simplex size / |grad| / LM step, in u units */
    zp_fit_chi2_fn chi2;        /* objective (required) */
    zp_fit_resid_fn resid;      /* residuals (required for LM) */
    void *ctx;                  /* passed to the callbacks */
} zp_fit_problem;

typedef struct {
    double x[ZP_FIT_MAXPAR];                 /* best fit (physical units) */
    double chi2;                             /* chi^2 at x */
    double cov[ZP_FIT_MAXPAR * ZP_FIT_MAXPAR];/* covariance 2 H^-1, row-major n x n */
    int cov_ok;                              /* 1 when H was positive definite */
    int at_bound[ZP_FIT_MAXPAR];             /* 1 when x_i is within 1e-6 of a bound */
    int iter;                                /* iterations used */
    int nfev;                                /* chi^2 (or residual) evaluations */
} zp_fit_result;

/* Minimise pb->chi2.  Returns ZP_OK; ZP_EINVAL for a malformed problem; ZP_ENUM when the
 * minimiser fails or does not converge within max_iter ("... did not converge after N
 * iterations"); the callback's code and message when it fails (prefixed "fit: "). */
int zp_fit_minimize(const zp_fit_problem *pb, zp_fit_result *res, zp_status *st);

/* Covariance 2 H^-1 at x (H from central differences with steps ~0.1 sigma, shifted inside
 * the box).  Sets res->cov, res->cov_ok; counts evaluations in res->nfev. */
int zp_fit_covariance(const zp_fit_problem *pb, const double *x, zp_fit_result *res, zp_status *st);

/* P(chi^2_ndof > chi2) (GSL gsl_cdf_chisq_Q); NaN for ndof < 1 or chi2 < 0. */
double zp_stats_pvalue(double chi2, int ndof);
/* Delta chi^2 threshold of a confidence level cl (0 < cl < 1) for k parameters (gsl_cdf_chisq_Pinv). */
double zp_stats_dchi2(double cl, int k);
/* Two-sided Gaussian z of a confidence level (0.6827 -> 1, 0.95 -> 1.96). */
double zp_stats_z_two_sided(double cl);
/* One-sided Gaussian z of a confidence level (0.90 -> 1.2816, 0.95 -> 1.6449). */
double zp_stats_z_one_sided(double cl);

#endif
