/* amu.c -- the Z' loop contribution to a_mu with full mass dependence. */
#include "flavour/amu.h"

#include <math.h>
#include <stddef.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>

#include "base/zp_registry.h"
#include "base/zp_units.h"

typedef struct {
    double r; /* M^2 / m^2 */
    int axial;
} amu_ctx;

/* Feynman-parameter integrands of amu.h (Jegerlehner & Nyffeler eq. 258). */
static double integrand(double x, void *vp)
{
    const amu_ctx *c = vp;
    double d = x * x + (1.0 - x) * c->r;
    if (c->axial)
        return (-x * (1.0 - x) * (4.0 - x) - 2.0 * x * x * x / c->r) / d;
    return x * x * (1.0 - x) / d;
}

static int feynman_integral(double r, int axial, double *out, zp_status *st)
{
    amu_ctx c = {r, axial};
    gsl_function f = {integrand, &c};
    double err;
    size_t neval;
    int rc = gsl_integration_qng(&f, 0.0, 1.0, 0.0, 1e-10, out, &err, &neval);
    if (rc != GSL_SUCCESS) {
        gsl_integration_workspace *w = gsl_integration_workspace_alloc(200);
        if (!w)
            return zp_fail(st, ZP_ENOMEM, "out of memory for the a_mu Feynman-parameter integral");
        rc = gsl_integration_qags(&f, 0.0, 1.0, 0.0, 1e-10, 200, w, out, &err);
        gsl_integration_workspace_free(w);
    }
    if (rc != GSL_SUCCESS && rc != GSL_EROUND)
        return zp_fail(st, ZP_ENUM, "the a_mu Feynman-parameter integral failed for M^2/m^2 = %g (GSL code %d)", r, rc);
    return ZP_OK;
}

int zp_amu_vector(double cv, double ca, double m, double M, double *out, zp_status *st)
{
    if (!(m > 0 && M > 0))
        return zp_fail(st, ZP_EDOM, "a_mu needs positive masses, got m = %g GeV and M = %g GeV", m, M);
    double r = M * M / (m * m), iv = 0, ia = 0;
    int rc = feynman_integral(r, 0, &iv, st);
    if (rc == ZP_OK)
        rc = feynman_integral(r, 1, &ia, st);
    if (rc != ZP_OK)
        return rc;
    *out = (cv * cv * iv + ca * ca * ia) / (4.0 * ZP_PI * ZP_PI);
    return ZP_OK;
}

int zp_amu_Zp(const zp_params *p, double *out, zp_status *st)
{
    double gl = p->v[ZP_GL];
    /* eq. (4): g_l mubar gamma P_L mu = mubar gamma (g_l/2 - g_l/2 gamma5) mu */
    return zp_amu_vector(0.5 * gl, 0.5 * gl, p->v[ZP_M_MU], p->v[ZP_MZP], out, st);
}

static int obs_amu(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return zp_amu_Zp(p, out, st);
}

const zp_obs_def zp_obs_amu[] = {
    {"a_mu_Zp", "1",
     "one-loop Z' contribution to the muon anomalous moment (left-handed coupling g_l, full mZp dependence; "
     "negative: it increases the discrepancy)",
     "section 3.6; Jegerlehner & Nyffeler (2009) eq. (258)", "gl mZp m_mu", 0, NULL, obs_amu},
    {0},
};
