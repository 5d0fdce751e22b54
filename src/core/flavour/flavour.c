/* flavour.c -- section 3 observables of arXiv:1702.00395. */
#include "flavour/flavour.h"

#include <complex.h>
#include <math.h>
#include <stddef.h>

#include "flavour/qcd.h"
#include "base/zp_registry.h"
#include "base/zp_units.h"

/* The Z' mass and the mixing angle every observable here reads. */
static int check_model(const zp_params *p, zp_status *st)
{
    double m = p->v[ZP_MZP], th = p->v[ZP_THETAD];
    if (!(m > 0))
        return zp_fail(st, ZP_EDOM, "mZp = %g GeV must be positive", m);
    if (!(fabs(th) <= 0.5 * ZP_PI))
        return zp_fail(st, ZP_EDOM, "thetaD = %g rad is outside [-pi/2, pi/2] (eq. 7)", th);
    return ZP_OK;
}

int zp_flavour_bsll_coupling(const zp_params *p, double *out, zp_status *st)
{
    int rc = check_model(p, st);
    if (rc != ZP_OK)
        return rc;
    double m = p->v[ZP_MZP], th = p->v[ZP_THETAD];
    /* eq. (8): g_q g_l s_theta c_theta / m_Z'^2 */
    *out = p->v[ZP_GQ] * p->v[ZP_GL] * sin(th) * cos(th) / (m * m);
    return ZP_OK;
}

double zp_flavour_bs_norm(const zp_params *p)
{
    /* eqs. (15), (22): pi / (sqrt2 alpha G_F V_tb V_ts^*) */
    return ZP_PI / (ZP_SQRT2 * p->v[ZP_ALPHA_EM] * p->v[ZP_GF] * p->v[ZP_VTBVTS]);
}

int zp_flavour_C9(const zp_params *p, double *out, zp_status *st)
{
    double x;
    int rc = zp_flavour_bsll_coupling(p, &x, st);
    if (rc != ZP_OK)
        return rc;
    if (p->v[ZP_VTBVTS] == 0.0)
        return zp_fail(st, ZP_EDOM, "VtbVts = 0: the b -> s normalisation of eqs. (15), (22) divides by V_tb V_ts^*");
    *out = zp_flavour_bs_norm(p) * x; /* eq. (15) */
    return ZP_OK;
}

/* g_q g_l s c times K, the numerator of C9 without the propagator. */
static int c9_numerator(const zp_params *p, double *out, zp_status *st)
{
    int rc = zp_flavour_C9(p, out, st);
    if (rc != ZP_OK)
        return rc;
    *out *= p->v[ZP_MZP] * p->v[ZP_MZP];
    return rc;
}

int zp_flavour_C9_q2(const zp_params *p, double q2, double *out, zp_status *st)
{
    double num, m2 = p->v[ZP_MZP] * p->v[ZP_MZP], mbs2 = p->v[ZP_M_BS] * p->v[ZP_M_BS];
    int rc = c9_numerator(p, &num, st);
    if (rc != ZP_OK)
        return rc;
    if (!(q2 >= 0 && q2 <= mbs2))
        return zp_fail(st, ZP_EDOM, "q2 = %g GeV^2 is outside the b -> s mu mu range [0, m_Bs^2 = %g] GeV^2",
                       q2, mbs2);
    if (fabs(m2 - q2) <= 1e-6 * m2)
        return zp_fail(st, ZP_EDOM, "q2 = %g GeV^2 sits on the Z' pole mZp^2 = %g GeV^2, where a real contact coefficient does not exist",
                       q2, m2);
    /* eq. (15) with the full propagator: 1/m_Z'^2 -> 1/(m_Z'^2 - q^2) */
    *out = num / (m2 - q2);
    return ZP_OK;
}

int zp_flavour_C9_bin(const zp_params *p, double q2min, double q2max, double *out, zp_status *st)
{
    double num, m2 = p->v[ZP_MZP] * p->v[ZP_MZP], mbs2 = p->v[ZP_M_BS] * p->v[ZP_M_BS];
    int rc = c9_numerator(p, &num, st);
    if (rc != ZP_OK)
        return rc;
    if (!(q2min >= 0 && q2max <= mbs2 && q2max > q2min))
        return zp_fail(st, ZP_EDOM, "q2 bin [%g, %g] GeV^2 must satisfy 0 <= q2min < q2max <= m_Bs^2 = %g GeV^2",
                       q2min, q2max, mbs2);
    if (m2 >= q2min && m2 <= q2max)
        return zp_fail(st, ZP_EDOM, "q2 bin [%g, %g] GeV^2 contains the Z' pole mZp^2 = %g GeV^2; split the bin or use C9_bsmumu_q2",
                       q2min, q2max, m2);
    /* (1/(b-a)) int_a^b dq2 / (m^2 - q2) = ln((m^2 - a)/(m^2 - b)) / (b - a) */
    *out = num * log((m2 - q2min) / (m2 - q2max)) / (q2max - q2min);
    return ZP_OK;
}

int zp_flavour_C9_light(const zp_params *p, double *out, zp_status *st)
{
    double num, m = p->v[ZP_MZP], mb = p->v[ZP_M_B];
    int rc = c9_numerator(p, &num, st);
    if (rc != ZP_OK)
        return rc;
    if (!(m > mb))
        return zp_fail(st, ZP_EDOM, "the light-Z' replacement m_Z'^2 -> m_Z'^2 - m_b^2 needs mZp = %g GeV > m_b = %g GeV",
                       m, mb);
    *out = num / (m * m - mb * mb); /* section 3.7: g_q g_l/(m_Z'^2 - m_b^2) */
    return ZP_OK;
}

int zp_flavour_CVLL(const zp_params *p, double *out, zp_status *st)
{
    int rc = check_model(p, st);
    if (rc != ZP_OK)
        return rc;
    double m = p->v[ZP_MZP];
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

int zp_flavour_Bs_qcd_ratio(const zp_params *p, double *out, zp_status *st)
{
    int rc = check_model(p, st);
    if (rc != ZP_OK)
        return rc;
    double m = p->v[ZP_MZP], mb = p->v[ZP_M_B], eta;
    if (!(m > mb))
        return zp_fail(st, ZP_EDOM, "DeltaM_s_qcd runs C_VLL from mZp down to m_b and needs mZp = %g GeV > m_b = %g GeV",
                       m, mb);
    rc = zp_qcd_eta_VLL(p, m, mb, &eta, st);
    if (rc != ZP_OK)
        return zp_prefix(st, "DeltaM_s_qcd");
    /* C(m_b) <O>(m_b) / (C(m_Z') <O>_Bhat) = eta B(m_b) / B_hat */
    *out = eta * p->v[ZP_B_BS_MB] / p->v[ZP_BHAT_BS];
    return ZP_OK;
}

int zp_flavour_DeltaM_s_qcd_GeV(const zp_params *p, double *out, zp_status *st)
{
    double c, r;
    int rc = zp_flavour_CVLL(p, &c, st);
    if (rc == ZP_OK)
        rc = zp_flavour_Bs_qcd_ratio(p, &r, st);
    if (rc != ZP_OK)
        return rc;
    double fb = p->v[ZP_FBS_SQRTB];
    /* eq. (17) with <O>(m_b) = (2/3) m_Bs^2 f_Bs^2 B(m_b) for the run-down Z' coefficient:
     * f_Bs^2 B(m_b) C(m_b) = (f_Bs sqrt(B_hat))^2 (B(m_b)/B_hat) eta C(m_Z') */
    *out = 2.0 / 3.0 * p->v[ZP_M_BS] * fb * fb * fabs(zp_flavour_NCVLL_SM(p) - r * c);
    return ZP_OK;
}

int zp_flavour_CL(const zp_params *p, double *out, zp_status *st)
{
    return zp_flavour_C9(p, out, st); /* eq. (22) has the form of eq. (15) */
}

int zp_flavour_R_bsnunu(const zp_params *p, double *out, zp_status *st)
{
    double cl;
    int rc = zp_flavour_CL(p, &cl, st);
    if (rc != ZP_OK)
        return rc;
    double sm = p->v[ZP_CL_SM];
    if (!(sm != 0))
        return zp_fail(st, ZP_EDOM, "CL_SM = 0 leaves the ratio of eq. (21) undefined");
    /* eq. (21): nu_e and nu_tau keep the SM value, nu_mu gets C_L^SM + C_L^NP */
    *out = (2.0 * sm * sm + (sm + cl) * (sm + cl)) / (3.0 * sm * sm);
    return ZP_OK;
}

int zp_flavour_trident_coeffs(const zp_params *p, double *cv_sm, double *ca_sm, double *c_np,
                              zp_status *st)
{
    int rc = check_model(p, st);
    if (rc != ZP_OK)
        return rc;
    double mw = p->v[ZP_M_W], mz = p->v[ZP_M_Z], m = p->v[ZP_MZP], gl = p->v[ZP_GL];
    if (!(mw < mz))
        return zp_fail(st, ZP_EDOM, "on-shell sin^2 theta_W = 1 - m_W^2/m_Z^2 needs m_W = %g GeV < m_Z = %g GeV",
                       mw, mz);
    double sw2 = 1.0 - mw * mw / (mz * mz);
    double a = p->v[ZP_GF] / ZP_SQRT2; /* g^2 / (8 m_W^2) */
    *cv_sm = -a * (0.5 + 2.0 * sw2);   /* eq. (24) */
    *ca_sm = -a * 0.5;
    *c_np = -gl * gl / (4.0 * m * m);  /* eq. (25) */
    return ZP_OK;
}

int zp_flavour_R_trident(const zp_params *p, double *out, zp_status *st)
{
    double cv, ca, cn;
    int rc = zp_flavour_trident_coeffs(p, &cv, &ca, &cn, st);
    if (rc != ZP_OK)
        return rc;
    /* eq. (28) */
    *out = ((cv + cn) * (cv + cn) + (ca + cn) * (ca + cn)) / (cv * cv + ca * ca);
    return ZP_OK;
}

int zp_flavour_CVLL_nunumumu(const zp_params *p, double *out, zp_status *st)
{
    int rc = check_model(p, st);
    if (rc != ZP_OK)
        return rc;
    double m = p->v[ZP_MZP], gl = p->v[ZP_GL];
    /* eq. (5): L = -(g_l^2/m_Z'^2)(nubar_L gamma nu_L)(mubar_L gamma mu_L) = C (4 G_F/sqrt2) O */
    *out = -gl * gl / (m * m) * ZP_SQRT2 / (4.0 * p->v[ZP_GF]);
    return ZP_OK;
}

int zp_flavour_M11(const zp_params *p, double *out, zp_status *st)
{
    int rc = check_model(p, st);
    if (rc != ZP_OK)
        return rc;
    double th = p->v[ZP_THETAD];
    double complex vub = p->v[ZP_VUB] * cexp(-I * p->v[ZP_GAMMA_CKM]);
    /* eq. (11): M_11 = |V_us|^2 s^2 - 2 Re(V_us V_ub^*) s c + |V_ub|^2 c^2 = |V_us s - V_ub c|^2 */
    double complex z = p->v[ZP_VUS] * sin(th) - vub * cos(th);
    *out = creal(z) * creal(z) + cimag(z) * cimag(z);
    return ZP_OK;
}

/* ---- registry adaptors ---- */

#define OBS0(fname, call)                                                              \
    static int fname(const zp_params *p, const double *a, double *out, zp_status *st) \
    {                                                                                  \
        (void)a;                                                                       \
        return call(p, out, st);                                                       \
    }
OBS0(obs_C9, zp_flavour_C9)
OBS0(obs_CVLL, zp_flavour_CVLL)
OBS0(obs_CL, zp_flavour_CL)
OBS0(obs_R_bsnunu, zp_flavour_R_bsnunu)
OBS0(obs_R_trident, zp_flavour_R_trident)
OBS0(obs_CVLL_nn, zp_flavour_CVLL_nunumumu)
OBS0(obs_C9_light, zp_flavour_C9_light)
OBS0(obs_Bs_ratio, zp_flavour_Bs_qcd_ratio)

static int obs_C10(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    int rc = zp_flavour_C9(p, out, st);
    *out = -*out; /* eq. (15): C10 = -C9 */
    return rc;
}

static int obs_DeltaM_s(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    int rc = zp_flavour_DeltaM_s_GeV(p, out, st);
    *out = zp_gev_to_inv_ps(*out);
    return rc;
}

static int obs_DeltaM_s_qcd(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    int rc = zp_flavour_DeltaM_s_qcd_GeV(p, out, st);
    *out = zp_gev_to_inv_ps(*out);
    return rc;
}

static int obs_g_u(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    int rc = zp_flavour_M11(p, out, st);
    *out *= p->v[ZP_GQ]; /* eq. (35): g_u = g_q M_11 */
    return rc;
}

static int obs_C9_q2(const zp_params *p, const double *a, double *out, zp_status *st)
{
    return zp_flavour_C9_q2(p, a[0], out, st);
}

static int obs_C9_bin(const zp_params *p, const double *a, double *out, zp_status *st)
{
    return zp_flavour_C9_bin(p, a[0], a[1], out, st);
}

#define IN_C9 "gq gl thetaD mZp alpha_em GF VtbVts"
#define IN_DMS "gq thetaD mZp GF m_W VtbVts CVLL_SM fBs_sqrtB m_Bs"
const zp_obs_def zp_obs_flavour[] = {
    {"C9_bsmumu", "1", "new-physics Wilson coefficient C9 of b -> s mu mu (WCxf flavio basis, at mZp, contact limit q2 << mZp^2)",
     "eq. (15)", IN_C9, 0, NULL, obs_C9},
    {"C10_bsmumu", "1", "new-physics Wilson coefficient C10 = -C9 of b -> s mu mu (WCxf flavio basis)",
     "eq. (15)", IN_C9, 0, NULL, obs_C10},
    {"C9_bsmumu_q2", "1",
     "C9 at dilepton mass q2 with the full Z' propagator 1/(mZp^2 - q2): what a light Z' gives in each q2 bin",
     "eq. (15); section 3.7", IN_C9 " m_Bs", 1, "q2[GeV^2]", obs_C9_q2},
    {"C9_bsmumu_bin", "1",
     "flat average of C9_bsmumu_q2 over a q2 bin, e.g. m:C9_bsmumu_bin(1.1, 6) (closed form; not rate-weighted)",
     "eq. (15); section 3.7", IN_C9 " m_Bs", 2, "q2min[GeV^2] q2max[GeV^2]", obs_C9_bin},
    {"C9_bsmumu_light", "1",
     "C9 with the paper's light-Z' shortcut mZp^2 -> mZp^2 - m_b^2 (error for mZp <= m_b); compare with C9_bsmumu_bin",
     "section 3.7, section 4.2.1", IN_C9 " m_b", 0, NULL, obs_C9_light},
    {"CL_bsnumunumu", "1", "new-physics Wilson coefficient C_L of b -> s nu_mu nu_mu (WCxf flavio basis)",
     "eq. (22)", IN_C9, 0, NULL, obs_CL},
    {"R_bsnunu", "1",
     "B -> K(*) nu nu rate over the SM, (2|C_L^SM|^2 + |C_L^SM + C_L^NP|^2)/(3|C_L^SM|^2); bound <~ 5 at 90% CL",
     "eq. (21)", IN_C9 " CL_SM", 0, NULL, obs_R_bsnunu},
    {"CVLL_bsbs", "GeV^-2",
     "new-physics B_s mixing coefficient of (sbar_L gamma b_L)^2, L = +C O (WCxf flavio basis, unrun, at mZp)",
     "eq. (9)", "gq thetaD mZp", 0, NULL, obs_CVLL},
    {"DeltaM_s", "ps^-1",
     "B_s mass difference, SM (N C_VLL^SM B_hat) plus the unrun Z' term times B_hat: the paper's convention",
     "eq. (17)", IN_DMS, 0, NULL, obs_DeltaM_s},
    {"DeltaM_s_qcd", "ps^-1",
     "B_s mass difference with the Z' coefficient run at LO QCD from mZp to m_b and the bag B_Bs(m_b): the Z' shift is "
     "about 0.52 (mZp = 600 GeV) and 0.61 (mZp = 12 GeV) of DeltaM_s's (see Bs_mixing_qcd_ratio)",
     "eq. (17); Buras hep-ph/9806471", IN_DMS " alpha_s m_Z m_b m_t Bhat_Bs B_Bs_mb", 0, NULL, obs_DeltaM_s_qcd},
    {"Bs_mixing_qcd_ratio", "1",
     "Z' shift of DeltaM_s_qcd over that of DeltaM_s, eta(mZp -> m_b) B_Bs(m_b)/B_hat_Bs (1 would mean no QCD effect)",
     "eq. (17); Buras hep-ph/9806471", "mZp alpha_s m_Z m_b m_t Bhat_Bs B_Bs_mb", 0, NULL, obs_Bs_ratio},
    {"CVLL_numunumumumu", "1",
     "new-physics coefficient of (4 G_F/sqrt2)(nubar_muL gamma nu_muL)(mubar_L gamma mu_L) (WCxf flavio basis)",
     "eqs. (5), (25)", "gl mZp GF", 0, NULL, obs_CVLL_nn},
    {"R_trident", "1",
     "neutrino trident cross section over the SM, sigma(SM+NP)/sigma(SM) (contact Z'; on-shell sin^2 theta_W)",
     "eqs. (24), (25), (28)", "gl mZp GF m_W m_Z", 0, NULL, obs_R_trident},
    {"g_u", "1",
     "Z' coupling to left-handed up quarks, g_q M_11 with M_11 = |V_us s_theta - V_ub c_theta|^2 (gamma_ckm = 0: the paper's neglect of the phase)",
     "eqs. (10), (11), (35)", "gq thetaD Vus Vub gamma_ckm", 0, NULL, obs_g_u},
    {0},
};
