/* qcd.c -- two-loop alpha_s and LO running of the Delta F = 2 VLL coefficient. */
#include "flavour/qcd.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "base/zp_units.h"

#define MU_MIN 1.0
#define MU_MAX 1e6
#define RK_STEPS 128 /* RK4: residual of the exact two-loop relation < 2e-10 */

/* d alpha / d ln mu^2 = -alpha^2 (beta0 + beta1 alpha / (4 pi)) / (4 pi), two loops.
 * [PDG 2016, QCD review, eq. (9.3): beta0 = 11 - 2 nf / 3, beta1 = 102 - 38 nf / 3] */
static double beta_fn(double a, int nf)
{
    double b0 = 11.0 - 2.0 * nf / 3.0, b1 = 102.0 - 38.0 * nf / 3.0;
    return -a * a * (b0 + b1 * a / (4.0 * ZP_PI)) / (4.0 * ZP_PI);
}

/* Runge-Kutta (4th order) in t = ln mu^2 from mu0 to mu1 at fixed nf. */
static double run_segment(double a, double mu0, double mu1, int nf)
{
    double h = 2.0 * log(mu1 / mu0) / RK_STEPS;
    for (int i = 0; i < RK_STEPS; i++) {
        double k1 = beta_fn(a, nf), k2 = beta_fn(a + 0.5 * h * k1, nf);
        double k3 = beta_fn(a + 0.5 * h * k2, nf), k4 = beta_fn(a + h * k3, nf);
        a += h * (k1 + 2.0 * k2 + 2.0 * k3 + k4) / 6.0;
    }
    return a;
}

static int check_mu(const char *name, double mu, zp_status *st)
{
    if (!(mu >= MU_MIN && mu <= MU_MAX))
        return zp_fail(st, ZP_EDOM, "%s = %g GeV is outside the alpha_s running range [%g, %g] GeV",
                       name, mu, MU_MIN, MU_MAX);
    return ZP_OK;
}

int zp_qcd_alpha_s(const zp_params *p, double mu, double *out, zp_status *st)
{
    int rc = check_mu("mu", mu, st);
    if (rc != ZP_OK)
        return rc;
    double mz = p->v[ZP_M_Z], mb = p->v[ZP_M_B], mt = p->v[ZP_M_T];
    double a = p->v[ZP_ALPHA_S_MZ];
    if (!(mb < mz && mz < mt))
        return zp_fail(st, ZP_EDOM, "alpha_s running needs m_b < m_Z < m_t, got m_b = %g, m_Z = %g, m_t = %g GeV",
                       mb, mz, mt);
    if (mu >= mz) {
        if (mu <= mt) {
            a = run_segment(a, mz, mu, 5);
        } else {
            a = run_segment(a, mz, mt, 5);
            a = run_segment(a, mt, mu, 6);
        }
    } else if (mu >= mb) {
        a = run_segment(a, mz, mu, 5);
    } else {
        a = run_segment(a, mz, mb, 5);
        a = run_segment(a, mb, mu, 4);
    }
    if (!(a > 0 && isfinite(a)))
        return zp_fail(st, ZP_ENUM, "alpha_s(%g GeV) is not perturbative (running gave %g)", mu, a);
    *out = a;
    return ZP_OK;
}

/* Number of active flavours on the segment just below mu (thresholds m_b, m_t). */
static int nf_below(const zp_params *p, double mu)
{
    if (mu > p->v[ZP_M_T])
        return 6;
    return mu > p->v[ZP_M_B] ? 5 : 4;
}

/* Scans vary theta_D or couplings at fixed masses: remember the last evolution factor (one
 * cache per thread: a scan's threads evaluate DeltaM_s at once). */
static _Thread_local struct {
    int valid;
    double key[6];
    double eta;
} eta_cache;

static int eta_compute(const zp_params *p, double mu_hi, double mu_lo, double *out, zp_status *st);

int zp_qcd_eta_VLL(const zp_params *p, double mu_hi, double mu_lo, double *out, zp_status *st)
{
    double key[6] = {mu_hi, mu_lo, p->v[ZP_ALPHA_S_MZ], p->v[ZP_M_Z], p->v[ZP_M_B], p->v[ZP_M_T]};
    if (eta_cache.valid && memcmp(key, eta_cache.key, sizeof key) == 0) {
        *out = eta_cache.eta;
        return ZP_OK;
    }
    int rc = eta_compute(p, mu_hi, mu_lo, out, st);
    if (rc == ZP_OK) {
        memcpy(eta_cache.key, key, sizeof key);
        eta_cache.eta = *out;
        eta_cache.valid = 1;
    }
    return rc;
}

static int eta_compute(const zp_params *p, double mu_hi, double mu_lo, double *out, zp_status *st)
{
    int rc = check_mu("mu_hi", mu_hi, st);
    if (rc == ZP_OK)
        rc = check_mu("mu_lo", mu_lo, st);
    if (rc != ZP_OK)
        return rc;
    if (!(mu_lo <= mu_hi))
        return zp_fail(st, ZP_EDOM, "running down needs mu_lo = %g GeV <= mu_hi = %g GeV", mu_lo, mu_hi);
    double th[2] = {p->v[ZP_M_T], p->v[ZP_M_B]};
    double eta = 1.0, mu = mu_hi, a_hi;
    rc = zp_qcd_alpha_s(p, mu, &a_hi, st);
    for (int i = 0; i <= 2 && rc == ZP_OK; i++) {
        double next = (i < 2 && th[i] < mu && th[i] > mu_lo) ? th[i] : (i == 2 ? mu_lo : mu);
        if (next == mu && i < 2)
            continue;
        int nf = nf_below(p, mu);
        double a_lo;
        rc = zp_qcd_alpha_s(p, next, &a_lo, st);
        if (rc != ZP_OK)
            break;
        /* [Buras hep-ph/9806471, eq. (XII.7)]: exponent gamma0/(2 beta0) = 6/(33 - 2 nf) */
        eta *= pow(a_hi / a_lo, 6.0 / (33.0 - 2.0 * nf));
        a_hi = a_lo;
        mu = next;
    }
    if (rc != ZP_OK)
        return rc;
    *out = eta;
    return ZP_OK;
}
