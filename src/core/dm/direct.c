/* direct.c -- section 4.1.3 of arXiv:1702.00395: direct detection of the heavy-Z' Dirac DM. */
#include "dm/direct.h"

#include <math.h>
#include <stddef.h>

#include "flavour/flavour.h"
#include "base/zp_registry.h"
#include "base/zp_units.h"

int zp_direct_g_u(const zp_params *p, double *out, zp_status *st)
{
    double m11;
    int rc = zp_flavour_M11(p, &m11, st); /* eq. (11) */
    if (rc != ZP_OK)
        return rc;
    *out = m11 * p->v[ZP_GQ]; /* eq. (35) */
    return ZP_OK;
}

static double reduced_mass(double a, double b) { return a * b / (a + b); }

int zp_direct_sigma_N_tree(const zp_params *p, double *out, zp_status *st)
{
    double gu;
    int rc = zp_direct_g_u(p, &gu, st);
    if (rc != ZP_OK)
        return rc;
    double m = p->v[ZP_MZP], mu = reduced_mass(p->v[ZP_MCHI], p->v[ZP_M_N]);
    double za = p->v[ZP_Z_XE] / p->v[ZP_A_XE];
    double x = p->v[ZP_GCHI] * gu * mu;
    /* eq. (36), with m_n -> mu_n */
    *out = x * x * (1.0 + za) * (1.0 + za) / (4.0 * ZP_PI * m * m * m * m);
    return ZP_OK;
}

int zp_direct_epsilon(const zp_params *p, double *out, zp_status *st)
{
    double mF = p->v[ZP_MF], mt = p->v[ZP_M_T];
    if (!(mF > mt))
        return zp_fail(st, ZP_EDOM, "mF = %g GeV must exceed m_t = %g GeV (the heavy fermion cuts off the t, b, mu loops)",
                       mF, mt);
    double e = sqrt(4.0 * ZP_PI * p->v[ZP_ALPHA_0]);
    double gq = p->v[ZP_GQ], gl = p->v[ZP_GL];
    /* N_c Q_f g_f ln(m_f/mF): t (3 x 2/3), b (3 x -1/3), mu (-1); eq. (37) for g_l = g_q/2 */
    double sum = 2.0 * gq * log(mt / mF) - gq * log(p->v[ZP_M_B] / mF) - gl * log(p->v[ZP_M_MU] / mF);
    *out = e * sum / (12.0 * ZP_PI * ZP_PI);
    return ZP_OK;
}

int zp_direct_sigma_p(const zp_params *p, double *out, zp_status *st)
{
    double eps;
    int rc = zp_direct_epsilon(p, &eps, st);
    if (rc != ZP_OK)
        return rc;
    double e = sqrt(4.0 * ZP_PI * p->v[ZP_ALPHA_0]);
    double m = p->v[ZP_MZP], mu = reduced_mass(p->v[ZP_MCHI], p->v[ZP_M_P]);
    double x = eps * e * p->v[ZP_GCHI] * mu;
    *out = x * x / (ZP_PI * m * m * m * m); /* eq. (39), with m_p -> mu_p */
    return ZP_OK;
}

int zp_direct_sigma_SI(const zp_params *p, double *out, zp_status *st)
{
    double tree, sp;
    int rc = zp_direct_sigma_N_tree(p, &tree, st);
    if (rc == ZP_OK)
        rc = zp_direct_sigma_p(p, &sp, st);
    if (rc != ZP_OK)
        return rc;
    double za = p->v[ZP_Z_XE] / p->v[ZP_A_XE];
    *out = tree + za * za * sp;
    return ZP_OK;
}

/* ---- registry adaptors ---- */

static int obs_sigma_N_tree(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    double x = 0.0;
    int rc = zp_direct_sigma_N_tree(p, &x, st);
    *out = zp_gevm2_to_cm2(x);
    return rc;
}

static int obs_epsilon(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return zp_direct_epsilon(p, out, st);
}

static int obs_sigma_p(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    double x = 0.0;
    int rc = zp_direct_sigma_p(p, &x, st);
    *out = zp_gevm2_to_cm2(x);
    return rc;
}

static int obs_sigma_SI(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    double x = 0.0;
    int rc = zp_direct_sigma_SI(p, &x, st);
    *out = zp_gevm2_to_cm2(x);
    return rc;
}

#define EPS_IN "gq gl mF m_t m_b m_mu alpha_0"
const zp_obs_def zp_obs_direct[] = {
    {"sigma_N_tree", "cm^2",
     "tree-level per-nucleon chi-xenon cross section from the mixing-induced Z' u u coupling (reduced mass, corrected factor 4)",
     "eqs. (35), (36)", "gq gchi thetaD mZp mchi Vus Vub gamma_ckm m_n Z_Xe A_Xe", 0, NULL, obs_sigma_N_tree},
    {"epsilon", "1",
     "kinetic mixing epsilon (includes e) from t, b, mu loops cut off at mF; eq. (37) with its m_h read as m_b",
     "eq. (37)", EPS_IN, 0, NULL, obs_epsilon},
    {"sigma_p", "cm^2", "chi-proton cross section through kinetic mixing (reduced mass)", "eqs. (38), (39)",
     EPS_IN " gchi mZp mchi m_p", 0, NULL, obs_sigma_p},
    {"sigma_SI_Xe", "cm^2",
     "per-nucleon spin-independent cross section for xenon: sigma_N_tree + (Z/A)^2 sigma_p (compare with SI limits)",
     "eqs. (36), (39); section 4.1.3",
     EPS_IN " gchi mZp mchi m_p m_n thetaD Vus Vub gamma_ckm Z_Xe A_Xe", 0, NULL, obs_sigma_SI},
    {0},
};
