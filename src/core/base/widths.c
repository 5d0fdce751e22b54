/* widths.c -- Z' partial widths with full fermion-mass dependence. */
#include "base/widths.h"

#include <math.h>
#include <stddef.h>

#include "base/zp_registry.h"
#include "base/zp_units.h"

double zp_width_vff(double m, double mf, double nc, double gL, double gR)
{
    if (!(m > 2.0 * mf))
        return 0.0;
    double r = mf * mf / (m * m);
    double beta = sqrt(1.0 - 4.0 * r);
    return nc * m * beta * ((gL * gL + gR * gR) * (1.0 - r) + 6.0 * gL * gR * r) / (24.0 * ZP_PI);
}

double zp_widths_f_top(double x)
{
    if (!(x < 0.25))
        return 0.0;
    /* zp_width_vff with gR = 0, normalised to the massless width: beta (1 - r) */
    return (1.0 - x) * sqrt(1.0 - 4.0 * x);
}

double zp_widths_f_top_ref62(double x)
{
    if (!(x < 0.25))
        return 0.0;
    /* eq. (34) as quoted from Ref. [62], with sqrt(1 - 4x) for the printed sqrt(1 - 4x^2) */
    return (1.0 + 7.0 * x / 17.0) * sqrt(1.0 - 4.0 * x);
}

int zp_widths_partial(const zp_params *p, zp_zp_channel c, double *out, zp_status *st)
{
    double m = p->v[ZP_MZP];
    if (!(m > 0))
        return zp_fail(st, ZP_EDOM, "mZp = %g GeV must be positive", m);
    double gq = p->v[ZP_GQ], gl = p->v[ZP_GL], gx = p->v[ZP_GCHI];
    switch (c) {
    case ZP_ZP_BB: /* eq. (4): left-handed g_q, three colours */
        *out = zp_width_vff(m, p->v[ZP_M_B], 3.0, gq, 0.0);
        break;
    case ZP_ZP_TT:
        *out = zp_width_vff(m, p->v[ZP_M_T], 3.0, gq, 0.0);
        break;
    case ZP_ZP_MUMU:
        *out = zp_width_vff(m, p->v[ZP_M_MU], 1.0, gl, 0.0);
        break;
    case ZP_ZP_NUNU:
        *out = zp_width_vff(m, 0.0, 1.0, gl, 0.0);
        break;
    case ZP_ZP_CHICHI: /* eq. (31): vector coupling g_chi to Dirac chi */
        *out = zp_width_vff(m, p->v[ZP_MCHI], 1.0, gx, gx);
        break;
    default:
        return zp_fail(st, ZP_EINVAL, "unknown Z' decay channel %d", (int)c);
    }
    return ZP_OK;
}

int zp_widths_all(const zp_params *p, double gamma[ZP_ZP_NCHANNEL], double *total, zp_status *st)
{
    double sum = 0.0;
    for (int c = 0; c < ZP_ZP_NCHANNEL; c++) {
        int rc = zp_widths_partial(p, (zp_zp_channel)c, &gamma[c], st);
        if (rc != ZP_OK)
            return rc;
        sum += gamma[c];
    }
    *total = sum;
    return ZP_OK;
}

int zp_widths_BR(const zp_params *p, zp_zp_channel c, double *out, zp_status *st)
{
    double g[ZP_ZP_NCHANNEL], tot;
    int rc = zp_widths_all(p, g, &tot, st);
    if (rc != ZP_OK)
        return rc;
    if (!(tot > 0))
        return zp_fail(st, ZP_EDOM, "the Z' has no open decay channel (all couplings vanish at mZp = %g GeV)",
                       p->v[ZP_MZP]);
    *out = g[c] / tot;
    return ZP_OK;
}

/* ---- registry adaptors ---- */

#define PARTIAL(fname, ch)                                                              \
    static int fname(const zp_params *p, const double *a, double *out, zp_status *st)  \
    {                                                                                   \
        (void)a;                                                                        \
        return zp_widths_partial(p, ch, out, st);                                       \
    }
PARTIAL(obs_G_bb, ZP_ZP_BB)
PARTIAL(obs_G_tt, ZP_ZP_TT)
PARTIAL(obs_G_mumu, ZP_ZP_MUMU)
PARTIAL(obs_G_nunu, ZP_ZP_NUNU)
PARTIAL(obs_G_chichi, ZP_ZP_CHICHI)

#define BRANCH(fname, ch)                                                               \
    static int fname(const zp_params *p, const double *a, double *out, zp_status *st)  \
    {                                                                                   \
        (void)a;                                                                        \
        return zp_widths_BR(p, ch, out, st);                                            \
    }
BRANCH(obs_BR_bb, ZP_ZP_BB)
BRANCH(obs_BR_tt, ZP_ZP_TT)
BRANCH(obs_BR_mumu, ZP_ZP_MUMU)

static int obs_Gamma(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    double g[ZP_ZP_NCHANNEL];
    return zp_widths_all(p, g, out, st);
}

static int obs_Gamma_ratio(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    double g[ZP_ZP_NCHANNEL], tot;
    int rc = zp_widths_all(p, g, &tot, st);
    if (rc != ZP_OK)
        return rc;
    *out = tot / p->v[ZP_MZP];
    return ZP_OK;
}

static int obs_BR_inv(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    double g[ZP_ZP_NCHANNEL], tot;
    int rc = zp_widths_all(p, g, &tot, st);
    if (rc != ZP_OK)
        return rc;
    if (!(tot > 0))
        return zp_fail(st, ZP_EDOM, "the Z' has no open decay channel (all couplings vanish)");
    *out = (g[ZP_ZP_NUNU] + g[ZP_ZP_CHICHI]) / tot;
    return ZP_OK;
}

#define WIN_B "gq mZp m_b"
#define WIN_T "gq mZp m_t"
const zp_obs_def zp_obs_widths[] = {
    {"Gamma_Zp_bb", "GeV", "partial width Z' -> b bbar (left-handed g_q, 3 colours, full m_b dependence)",
     "eqs. (4), (34)", WIN_B, 0, NULL, obs_G_bb},
    {"Gamma_Zp_tt", "GeV", "partial width Z' -> t tbar (left-handed g_q: 3 g_q^2 m_Z' f/(24 pi) with f = (1 - x) sqrt(1 - 4x), x = m_t^2/m_Z'^2; not Ref. [62]'s f)",
     "eqs. (4), (34)", WIN_T, 0, NULL, obs_G_tt},
    {"Gamma_Zp_mumu", "GeV", "partial width Z' -> mu+ mu- (left-handed g_l)", "eqs. (4), (30), (34)",
     "gl mZp m_mu", 0, NULL, obs_G_mumu},
    {"Gamma_Zp_nunu", "GeV", "partial width Z' -> nu_mu nubar_mu (left-handed g_l)", "eqs. (4), (34)",
     "gl mZp", 0, NULL, obs_G_nunu},
    {"Gamma_Zp_chichi", "GeV", "partial width Z' -> chi chibar (Dirac chi, vector coupling g_chi, full m_chi dependence)",
     "eqs. (31), (34)", "gchi mchi mZp", 0, NULL, obs_G_chichi},
    {"Gamma_Zp", "GeV", "total Z' width (b, t, mu, nu_mu, chi channels)", "eq. (34)",
     "gq gl gchi mZp mchi m_b m_t m_mu", 0, NULL, obs_Gamma},
    {"Gamma_Zp_over_mZp", "1", "Gamma_Z'/m_Z'; the narrow-width picture needs this << 1 (m:check() flags values above Gamma_Zp_over_mZp_max)",
     "eq. (34)", "gq gl gchi mZp mchi m_b m_t m_mu", 0, NULL, obs_Gamma_ratio},
    {"BR_Zp_mumu", "1", "branching ratio Z' -> mu+ mu- from the full widths (eq. 30 for g_chi = 0, eq. 34 in general)",
     "eqs. (30), (34)", "gq gl gchi mZp mchi m_b m_t m_mu", 0, NULL, obs_BR_mumu},
    {"BR_Zp_bb", "1", "branching ratio Z' -> b bbar", "eq. (34) and text after it",
     "gq gl gchi mZp mchi m_b m_t m_mu", 0, NULL, obs_BR_bb},
    {"BR_Zp_tt", "1", "branching ratio Z' -> t tbar", "eq. (34)",
     "gq gl gchi mZp mchi m_b m_t m_mu", 0, NULL, obs_BR_tt},
    {"BR_Zp_inv", "1", "invisible branching ratio Z' -> nu_mu nubar_mu + chi chibar", "section 4.1.2",
     "gq gl gchi mZp mchi m_b m_t m_mu", 0, NULL, obs_BR_inv},
    {0},
};
