/* flavour.c -- section 3 observables of arXiv:1702.00395. */
#include "flavour.h"

#include <math.h>
#include <stddef.h>

#include "zp_registry.h"
#include "zp_units.h"

int zp_flavour_bsll_coupling(const zp_params *p, double *out, zp_status *st)
{
    double m = p->v[ZP_MZP];
    if (!(m > 0))
        return zp_fail(st, ZP_EDOM, "mZp = %g GeV must be positive", m);
    double th = p->v[ZP_THETAD];
    /* eq. (8): g_q g_l s_theta c_theta / m_Z'^2 */
    *out = p->v[ZP_GQ] * p->v[ZP_GL] * sin(th) * cos(th) / (m * m);
    return ZP_OK;
}

/* pi / (sqrt(2) alpha G_F V_tb V_ts^*), the normalisation of eqs. (15) and (22), in GeV^2. */
static double bs_norm(const zp_params *p)
{
    return ZP_PI / (ZP_SQRT2 * p->v[ZP_ALPHA_EM] * p->v[ZP_GF] * p->v[ZP_VTBVTS]);
}

int zp_flavour_C9(const zp_params *p, double *out, zp_status *st)
{
    double x;
    int rc = zp_flavour_bsll_coupling(p, &x, st);
    if (rc != ZP_OK)
        return rc;
    *out = bs_norm(p) * x; /* eq. (15) */
    return ZP_OK;
}

int zp_flavour_CVLL(const zp_params *p, double *out, zp_status *st)
{
    double m = p->v[ZP_MZP];
    if (!(m > 0))
        return zp_fail(st, ZP_EDOM, "mZp = %g GeV must be positive", m);
    double sc = sin(p->v[ZP_THETAD]) * cos(p->v[ZP_THETAD]);
    double g = p->v[ZP_GQ];
    /* eq. (9): L = -(g_q^2 / 2 m_Z'^2) s^2 c^2 (sbar gamma P_L b)^2 */
    *out = -g * g * sc * sc / (2.0 * m * m);
    return ZP_OK;
}

double zp_flavour_NCVLL_SM(const zp_params *p)
{
    double gf = p->v[ZP_GF], mw = p->v[ZP_M_W], v = p->v[ZP_VTBVTS];
    /* eq. (16): N = G_F^2 m_W^2 (V_tb V_ts^*)^2 / (16 pi^2) */
    return gf * gf * mw * mw * v * v / (16.0 * ZP_PI * ZP_PI) * p->v[ZP_CVLL_SM];
}

int zp_flavour_DeltaM_s_GeV(const zp_params *p, double *out, zp_status *st)
{
    double c;
    int rc = zp_flavour_CVLL(p, &c, st);
    if (rc != ZP_OK)
        return rc;
    double fb = p->v[ZP_FBS_SQRTB];
    /* eq. (17); the Z' term enters H with the opposite sign of the Lagrangian C_VLL */
    *out = 2.0 / 3.0 * p->v[ZP_M_BS] * fb * fb * fabs(zp_flavour_NCVLL_SM(p) - c);
    return ZP_OK;
}

/* ---- registry adaptors ---- */

static int obs_C9(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return zp_flavour_C9(p, out, st);
}

static int obs_C10(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    int rc = zp_flavour_C9(p, out, st);
    *out = -*out;
    return rc;
}

static int obs_CVLL(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return zp_flavour_CVLL(p, out, st);
}

static int obs_DeltaM_s(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    int rc = zp_flavour_DeltaM_s_GeV(p, out, st);
    *out = zp_gev_to_inv_ps(*out);
    return rc;
}

const zp_obs_def zp_obs_flavour[] = {
    {"C9_bsmumu", "1", "new-physics Wilson coefficient C9 of b -> s mu mu (WCxf flavio basis)",
     "eq. (15)", "gq gl thetaD mZp alpha_em GF VtbVts", 0, NULL, obs_C9},
    {"C10_bsmumu", "1", "new-physics Wilson coefficient C10 = -C9 of b -> s mu mu (WCxf flavio basis)",
     "eq. (15)", "gq gl thetaD mZp alpha_em GF VtbVts", 0, NULL, obs_C10},
    {"CVLL_bsbs", "GeV^-2",
     "new-physics B_s mixing coefficient of (sbar_L gamma b_L)^2, L = +C O (WCxf flavio basis, unrun, at m_Z')",
     "eq. (9)", "gq thetaD mZp", 0, NULL, obs_CVLL},
    {"DeltaM_s", "ps^-1",
     "B_s mass difference, SM (N C_VLL^SM) plus unrun Z' term, the paper's convention",
     "eq. (17)", "gq thetaD mZp GF m_W VtbVts CVLL_SM fBs_sqrtB m_Bs", 0, NULL, obs_DeltaM_s},
    {0},
};
