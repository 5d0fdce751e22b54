/* bsll.c -- B_s -> mu mu, B -> K l l and B -> K* l l at leading order in the WET (see bsll.h). */
#include "flavour/bsll.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <math.h>
#include <stddef.h>

#include "base/zp_registry.h"
#include "base/zp_units.h"
#include "flavour/flavour.h"
#include "flavour/formfactors.h"

void zp_bsll_wc_sm(const zp_params *p, zp_bsll_wc *wc)
{
    wc->C7 = p->v[ZP_C7EFF_BS_SM];
    wc->C9 = p->v[ZP_C9_BSLL_SM];
    wc->C10 = p->v[ZP_C10_BSLL_SM];
    wc->C7p = wc->C9p = wc->C10p = 0.0;
    wc->C9_zp = wc->C10_zp = 0.0;
    wc->mZp2 = 0.0;
}

int zp_bsll_wc_model(const zp_params *p, int lepton, zp_bsll_wc *wc, zp_status *st)
{
    const double *v = p->v;
    zp_bsll_wc_sm(p, wc);
    /* extra WET new physics at mu_b (parameters, 0 by default) */
    wc->C7 += v[ZP_C7_BS_NP];
    wc->C7p = v[ZP_C7P_BS_NP];
    if (lepton != ZP_LEPTON_MU) {
        wc->C9 += v[ZP_C9_BSEE_NP];
        wc->C10 += v[ZP_C10_BSEE_NP];
        return ZP_OK; /* the Z' couples to the second lepton generation only (eq. 4) */
    }
    wc->C9p = v[ZP_C9P_BSMUMU_NP];
    wc->C10p = v[ZP_C10P_BSMUMU_NP];
    double c9;
    int rc = zp_flavour_C9(p, &c9, st);
    if (rc != ZP_OK)
        return rc;
    /* same Lagrangian coupling, normalised with alpha_em_mub instead of alpha_em */
    c9 *= p->v[ZP_ALPHA_EM] / p->v[ZP_ALPHA_EM_MUB];
    wc->C9_zp = c9;
    wc->C10_zp = -c9; /* eq. (15): left-handed muons */
    wc->mZp2 = p->v[ZP_MZP] * p->v[ZP_MZP];
    return ZP_OK;
}

/* The Z' propagator factor m^2/(m^2 - q^2) (1 without a Z' mass). */
static double zp_prop(const zp_bsll_wc *wc, double q2)
{
    return wc->mZp2 > 0 ? wc->mZp2 / (wc->mZp2 - q2) : 1.0;
}

/* h(q^2, m) of the one-loop quark bubble (hep-ph/0106067, eq. (11)); m = 0 is the massless limit. */
static double complex h_loop(double q2, double m, double mu)
{
    if (m == 0.0)
        return 8.0 / 27.0 - 4.0 / 9.0 * log(q2 / (mu * mu)) + 4.0 / 9.0 * I * ZP_PI;
    double z = 4.0 * m * m / q2;
    double complex r;
    if (z > 1.0)
        r = atan(1.0 / sqrt(z - 1.0));
    else
        r = log((1.0 + sqrt(1.0 - z)) / sqrt(z)) - I * ZP_PI / 2.0;
    return -4.0 / 9.0 * (log(m * m / (mu * mu)) - 2.0 / 3.0 - z) - 4.0 / 9.0 * (2.0 + z) * sqrt(fabs(z - 1.0)) * r;
}

double complex zp_bsll_Y(const zp_params *p, double q2)
{
    const double *v = p->v;
    double C1 = v[ZP_C1_BS_SM], C2 = v[ZP_C2_BS_SM], C3 = v[ZP_C3_BS_SM];
    double C4 = v[ZP_C4_BS_SM], C5 = v[ZP_C5_BS_SM], C6 = v[ZP_C6_BS_SM], mu = v[ZP_MU_B];
    /* Y(q^2) in the CMM basis (Beneke, Feldmann, Seidel hep-ph/0106067; arXiv:0811.1214, sec. 2) */
    return h_loop(q2, v[ZP_M_C], mu) * (4.0 / 3.0 * C1 + C2 + 6.0 * C3 + 60.0 * C5)
           - 0.5 * h_loop(q2, v[ZP_M_B], mu) * (7.0 * C3 + 4.0 / 3.0 * C4 + 76.0 * C5 + 64.0 / 3.0 * C6)
           - 0.5 * h_loop(q2, 0.0, mu) * (C3 + 4.0 / 3.0 * C4 + 16.0 * C5 + 64.0 / 3.0 * C6)
           + 4.0 / 3.0 * C3 + 64.0 / 9.0 * C5 + 64.0 / 27.0 * C6;
}

static double kallen(double a, double b, double c)
{
    return a * a + b * b + c * c - 2.0 * (a * b + b * c + c * a);
}

static double abs2(double complex z) { return creal(z) * creal(z) + cimag(z) * cimag(z); }

/* Kinematics of B -> M l l at q2: lambda and beta^2; 0 outside the physical region. */
static int kinematics(double mB, double mM, double ml, double q2, double *lam, double *b2)
{
    *lam = kallen(mB * mB, mM * mM, q2);
    *b2 = 1.0 - 4.0 * ml * ml / q2;
    return q2 > 0 && *lam > 0 && *b2 > 0;
}

/* The q^2-dependent coefficients C9^eff and C10 (without primes). */
static void wc_at(const zp_params *p, const zp_bsll_wc *wc, double q2, double complex *c9, double complex *c10)
{
    double f = zp_prop(wc, q2);
    *c9 = wc->C9 + zp_bsll_Y(p, q2) + wc->C9_zp * f;
    *c10 = wc->C10 + wc->C10_zp * f;
}

int zp_bsll_dGamma_BK(const zp_params *p, const zp_bsll_wc *wc, double ml, double q2, double *out,
                      zp_status *st)
{
    const double *v = p->v;
    double mB = v[ZP_M_BP], mK = v[ZP_M_KP], mb = v[ZP_M_B], al = v[ZP_ALPHA_EM_MUB], lam, b2;
    zp_ff_bk ff;
    double complex c9, c10;
    *out = 0.0;
    if (!kinematics(mB, mK, ml, q2, &lam, &b2))
        return ZP_OK;
    int rc = zp_ff_bk_eval(p, q2, &ff, st);
    if (rc != ZP_OK)
        return rc;
    wc_at(p, wc, q2, &c9, &c10);
    /* Bobeth, Hiller, Piranishvili arXiv:0709.4174, eqs. (4.2)-(4.8) without scalar/tensor operators */
    double complex FV = (c9 + wc->C9p) * ff.fp + 2.0 * mb / (mB + mK) * (wc->C7 + wc->C7p) * ff.fT;
    double complex FA = (c10 + wc->C10p) * ff.fp;
    double complex FP = -ml * (c10 + wc->C10p) * (ff.fp - (mB * mB - mK * mK) / q2 * (ff.f0 - ff.fp));
    double g0 = v[ZP_GF] * v[ZP_GF] * al * al * v[ZP_VTBVTS] * v[ZP_VTBVTS] / (512.0 * pow(ZP_PI, 5) * mB * mB * mB);
    double sl = sqrt(lam), beta = sqrt(b2), fav = abs2(FA) + abs2(FV);
    double a = g0 * sl * beta
               * (q2 * abs2(FP) + lam / 4.0 * fav + 4.0 * ml * ml * mB * mB * abs2(FA)
                  + 2.0 * ml * (mB * mB - mK * mK + q2) * creal(FP * conj(FA)));
    double c = -g0 * sl * beta * b2 * lam / 4.0 * fav;
    *out = 2.0 * (a + c / 3.0);
    return ZP_OK;
}

/* Transversity amplitudes of B0 -> K*0 l l for chirality s = -1 (L) or +1 (R), arXiv:0811.1214
 * sec. 3 with A_2, T_3 traded for A_12, T_23 through their definitions in arXiv:1503.05534, sec. 2. */
typedef struct {
    double complex perp, par, zero;
} kst_amp;

static kst_amp kst_amplitude(double N, double mB, double mV, double mb, double q2, double lam,
                             const zp_ff_bkstar *ff, const zp_bsll_wc *wc, double complex c9,
                             double complex c10, double s)
{
    kst_amp a;
    double complex plus = (c9 + wc->C9p) + s * (c10 + wc->C10p);
    double complex minus = (c9 - wc->C9p) + s * (c10 - wc->C10p);
    a.perp = N * ZP_SQRT2 * sqrt(lam) * (plus * ff->V / (mB + mV) + 2.0 * mb / q2 * (wc->C7 + wc->C7p) * ff->T1);
    a.par = -N * ZP_SQRT2 * (mB * mB - mV * mV)
            * (minus * ff->A1 / (mB - mV) + 2.0 * mb / q2 * (wc->C7 - wc->C7p) * ff->T2);
    a.zero = -N * 8.0 * mB * mV / sqrt(q2) * (minus * ff->A12 + mb / (mB + mV) * (wc->C7 - wc->C7p) * ff->T23);
    return a;
}

/* Angular coefficients J_1s, J_1c, J_2s, J_2c, J_6s of B0 -> K*0 l l at q2 (arXiv:0811.1214,
 * sec. 3); all zero outside the physical region. */
typedef struct {
    double J1s, J1c, J2s, J2c, J6s;
} kst_J;

static int kstar_J(const zp_params *p, const zp_bsll_wc *wc, double ml, double q2, kst_J *J, zp_status *st)
{
    const double *v = p->v;
    double mB = v[ZP_M_B0], mV = v[ZP_M_KST0], mb = v[ZP_M_B], al = v[ZP_ALPHA_EM_MUB], lam, b2;
    zp_ff_bkstar ff;
    double complex c9, c10;
    *J = (kst_J){0.0, 0.0, 0.0, 0.0, 0.0};
    if (!kinematics(mB, mV, ml, q2, &lam, &b2))
        return ZP_OK;
    int rc = zp_ff_bkstar_eval(p, q2, &ff, st);
    if (rc != ZP_OK)
        return rc;
    wc_at(p, wc, q2, &c9, &c10);
    double beta = sqrt(b2);
    /* N of arXiv:0811.1214 (real; the CKM phase drops out of the rate) */
    double N = fabs(v[ZP_VTBVTS])
               * sqrt(v[ZP_GF] * v[ZP_GF] * al * al * q2 * sqrt(lam) * beta / (3.0 * 1024.0 * pow(ZP_PI, 5) * mB * mB * mB));
    kst_amp L = kst_amplitude(N, mB, mV, mb, q2, lam, &ff, wc, c9, c10, -1.0);
    kst_amp R = kst_amplitude(N, mB, mV, mb, q2, lam, &ff, wc, c9, c10, +1.0);
    double complex At = N * 2.0 * sqrt(lam) / sqrt(q2) * (c10 - wc->C10p) * ff.A0;
    double m2 = 4.0 * ml * ml / q2;
    double tr = abs2(L.perp) + abs2(L.par) + abs2(R.perp) + abs2(R.par);
    double lon = abs2(L.zero) + abs2(R.zero);
    J->J1s = (2.0 + b2) / 4.0 * tr + m2 * creal(L.perp * conj(R.perp) + L.par * conj(R.par));
    J->J1c = lon + m2 * (abs2(At) + 2.0 * creal(L.zero * conj(R.zero)));
    J->J2s = b2 / 4.0 * tr;
    J->J2c = -b2 * lon;
    J->J6s = 2.0 * beta * creal(L.par * conj(L.perp) - R.par * conj(R.perp));
    return ZP_OK;
}

/* dGamma/dq2 = 3/4 (2 J1s + J1c) - 1/4 (2 J2s + J2c) */
static double kstar_rate(const kst_J *J)
{
    return 0.75 * (2.0 * J->J1s + J->J1c) - 0.25 * (2.0 * J->J2s + J->J2c);
}

int zp_bsll_dGamma_BKstar(const zp_params *p, const zp_bsll_wc *wc, double ml, double q2, double *out,
                          zp_status *st)
{
    kst_J J;
    int rc = kstar_J(p, wc, ml, q2, &J, st);
    *out = kstar_rate(&J);
    return rc;
}

int zp_bsll_angular_BKstar(const zp_params *p, const zp_bsll_wc *wc, double ml, double q2, double *FL,
                           double *AFB, zp_status *st)
{
    kst_J J;
    int rc = kstar_J(p, wc, ml, q2, &J, st);
    if (rc != ZP_OK)
        return rc;
    double g = kstar_rate(&J);
    if (!(g > 0))
        return zp_fail(st, ZP_EDOM, "B0 -> K*0 l l: q2 = %g GeV^2 is outside the physical region, where F_L and A_FB are undefined", q2);
    *FL = (3.0 * J.J1c - J.J2c) / (4.0 * g);
    /* flavio/LHCb sign: A_FB < 0 below its zero, which is the opposite of 3 J6s/4 here */
    *AFB = -0.75 * J.J6s / g;
    return ZP_OK;
}

typedef struct {
    const zp_params *p;
    const zp_bsll_wc *wc;
    double ml;
    int kstar;
    int rc;
    zp_status *st;
} bin_ctx;

static double integrand(double q2, void *vp)
{
    bin_ctx *c = vp;
    double out = 0.0;
    if (c->rc != ZP_OK)
        return 0.0;
    c->rc = c->kstar ? zp_bsll_dGamma_BKstar(c->p, c->wc, c->ml, q2, &out, c->st)
                     : zp_bsll_dGamma_BK(c->p, c->wc, c->ml, q2, &out, c->st);
    return out;
}

/* tau in GeV^-1 from ps (hbar of zp_units.h). */
static double tau_gev(double tau_ps) { return tau_ps * 1e-12 / ZP_HBAR_GEV_S; }

int zp_bsll_BR_bin(const zp_params *p, const zp_bsll_wc *wc, int kstar, double ml, double q2min,
                   double q2max, double *out, zp_status *st)
{
    const double *v = p->v;
    double mB = kstar ? v[ZP_M_B0] : v[ZP_M_BP], mM = kstar ? v[ZP_M_KST0] : v[ZP_M_KP];
    double lo = 4.0 * ml * ml, hi = (mB - mM) * (mB - mM);
    const char *mode = kstar ? "B0 -> K*0 l l" : "B+ -> K+ l l";
    if (!(q2min >= lo && q2max <= hi && q2max > q2min))
        return zp_fail(st, ZP_EDOM, "%s: q2 bin [%g, %g] GeV^2 must satisfy 4 m_l^2 = %g <= q2min < q2max <= (m_B - m_M)^2 = %g GeV^2",
                       mode, q2min, q2max, lo, hi);
    if (wc->mZp2 > 0 && wc->mZp2 >= q2min && wc->mZp2 <= q2max)
        return zp_fail(st, ZP_EDOM, "%s: q2 bin [%g, %g] GeV^2 contains the Z' pole mZp^2 = %g GeV^2; split the bin",
                       mode, q2min, q2max, wc->mZp2);
    gsl_integration_workspace *w = gsl_integration_workspace_alloc(200);
    if (!w)
        return zp_fail(st, ZP_ENOMEM, "%s: no memory for the q2 integration workspace", mode);
    bin_ctx c = {p, wc, ml, kstar, ZP_OK, st};
    gsl_function F = {integrand, &c};
    double res = 0.0, err = 0.0;
    int gs = gsl_integration_qag(&F, q2min, q2max, 0.0, 1e-8, 200, GSL_INTEG_GAUSS21, w, &res, &err);
    gsl_integration_workspace_free(w);
    if (c.rc != ZP_OK)
        return zp_prefix(st, mode);
    if (gs != GSL_SUCCESS && !(fabs(err) <= 1e-5 * fabs(res)))
        return zp_fail(st, ZP_ENUM, "%s: q2 integration over [%g, %g] GeV^2 failed (%s)", mode, q2min, q2max,
                       gsl_strerror(gs));
    *out = tau_gev(kstar ? v[ZP_TAU_B0] : v[ZP_TAU_BP]) * res;
    return ZP_OK;
}

int zp_bsll_BR_model(const zp_params *p, int kstar, int lepton, double q2min, double q2max, double *out,
                     zp_status *st)
{
    zp_bsll_wc wc;
    int rc = zp_bsll_wc_model(p, lepton, &wc, st);
    if (rc != ZP_OK)
        return rc;
    double ml = lepton == ZP_LEPTON_MU ? p->v[ZP_M_MU] : p->v[ZP_M_E];
    return zp_bsll_BR_bin(p, &wc, kstar, ml, q2min, q2max, out, st);
}

int zp_bsll_R(const zp_params *p, int kstar, double q2min, double q2max, double *out, zp_status *st)
{
    double mu, e;
    int rc = zp_bsll_BR_model(p, kstar, ZP_LEPTON_MU, q2min, q2max, &mu, st);
    if (rc == ZP_OK)
        rc = zp_bsll_BR_model(p, kstar, ZP_LEPTON_E, q2min, q2max, &e, st);
    if (rc != ZP_OK)
        return rc;
    if (!(e > 0))
        return zp_fail(st, ZP_EDOM, "%s: BR(e e) = %g in [%g, %g] GeV^2 leaves the ratio undefined",
                       kstar ? "R_Kstar" : "R_K", e, q2min, q2max);
    *out = mu / e;
    return ZP_OK;
}

int zp_bsll_BR_Bs_mumu_wc(const zp_params *p, const zp_bsll_wc *wc, double *out, zp_status *st)
{
    const double *v = p->v;
    double m = v[ZP_M_BS], mmu = v[ZP_M_MU], al = v[ZP_ALPHA_EM_MUB], f = v[ZP_F_BS], y = v[ZP_Y_S];
    if (wc->mZp2 > 0 && fabs(wc->mZp2 - m * m) <= 1e-6 * m * m)
        return zp_fail(st, ZP_EDOM, "BR_Bs_mumu: mZp = %g GeV sits on the B_s mass, where the contact coefficient does not exist",
                       sqrt(wc->mZp2));
    double b2 = 1.0 - 4.0 * mmu * mmu / (m * m);
    if (!(b2 > 0))
        return zp_fail(st, ZP_EDOM, "BR_Bs_mumu: m_Bs = %g GeV is below the mu mu threshold", m);
    double complex c10 = wc->C10 + wc->C10_zp * zp_prop(wc, m * m) - wc->C10p;
    double sm = v[ZP_C10_BSLL_SM];
    if (!(sm != 0))
        return zp_fail(st, ZP_EDOM, "BR_Bs_mumu: C10_bsll_SM = 0 leaves A_DeltaGamma undefined");
    double complex P = c10 / sm;
    double adg = abs2(P) > 0 ? creal(P * P) / abs2(P) : 1.0;
    double g = v[ZP_GF] * v[ZP_GF] * al * al / (16.0 * ZP_PI * ZP_PI * ZP_PI) * v[ZP_VTBVTS] * v[ZP_VTBVTS] * f * f
               * m * mmu * mmu * sqrt(b2) * abs2(c10);
    /* time-integrated: arXiv:1204.1737, eq. (12) */
    *out = tau_gev(v[ZP_TAU_BS]) * g * (1.0 + adg * y) / (1.0 - y * y);
    return ZP_OK;
}

int zp_bsll_BR_Bs_mumu(const zp_params *p, double *out, zp_status *st)
{
    zp_bsll_wc wc;
    int rc = zp_bsll_wc_model(p, ZP_LEPTON_MU, &wc, st);
    if (rc != ZP_OK)
        return rc;
    return zp_bsll_BR_Bs_mumu_wc(p, &wc, out, st);
}

int zp_bsll_BR_Bs_mumu_over_SM(const zp_params *p, double *out, zp_status *st)
{
    zp_bsll_wc wc;
    double br, sm;
    int rc = zp_bsll_BR_Bs_mumu(p, &br, st);
    if (rc != ZP_OK)
        return rc;
    zp_bsll_wc_sm(p, &wc);
    rc = zp_bsll_BR_Bs_mumu_wc(p, &wc, &sm, st);
    if (rc != ZP_OK)
        return rc;
    *out = br / sm;
    return ZP_OK;
}

/* ---- registry adaptors ---- */

static int obs_Bs(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return zp_bsll_BR_Bs_mumu(p, out, st);
}

static int obs_Bs_ratio(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return zp_bsll_BR_Bs_mumu_over_SM(p, out, st);
}

#define OBS_BIN(fname, kstar, lepton)                                                  \
    static int fname(const zp_params *p, const double *a, double *out, zp_status *st) \
    {                                                                                  \
        return zp_bsll_BR_model(p, kstar, lepton, a[0], a[1], out, st);                \
    }
OBS_BIN(obs_BK_mumu, 0, ZP_LEPTON_MU)
OBS_BIN(obs_BK_ee, 0, ZP_LEPTON_E)
OBS_BIN(obs_BKst_mumu, 1, ZP_LEPTON_MU)
OBS_BIN(obs_BKst_ee, 1, ZP_LEPTON_E)

static int obs_R_K(const zp_params *p, const double *a, double *out, zp_status *st)
{
    return zp_bsll_R(p, 0, a[0], a[1], out, st);
}

static int obs_R_Kstar(const zp_params *p, const double *a, double *out, zp_status *st)
{
    return zp_bsll_R(p, 1, a[0], a[1], out, st);
}

/* dBR/dq^2 of the muon mode at one q^2, in GeV^-2. */
static int diff_br(const zp_params *p, int kstar, double q2, double *out, zp_status *st)
{
    const double *v = p->v;
    double mB = kstar ? v[ZP_M_B0] : v[ZP_M_BP], mM = kstar ? v[ZP_M_KST0] : v[ZP_M_KP];
    double lo = 4.0 * v[ZP_M_MU] * v[ZP_M_MU], hi = (mB - mM) * (mB - mM);
    if (!(q2 >= lo && q2 <= hi))
        return zp_fail(st, ZP_EDOM, "%s: q2 = %g GeV^2 is outside [4 m_mu^2 = %g, (m_B - m_M)^2 = %g] GeV^2",
                       kstar ? "dBR_BKstarmumu_dq2" : "dBR_BKmumu_dq2", q2, lo, hi);
    zp_bsll_wc wc;
    int rc = zp_bsll_wc_model(p, ZP_LEPTON_MU, &wc, st);
    if (rc != ZP_OK)
        return rc;
    if (wc.mZp2 > 0 && fabs(wc.mZp2 - q2) <= 1e-6 * wc.mZp2)
        return zp_fail(st, ZP_EDOM, "q2 = %g GeV^2 sits on the Z' pole mZp^2 = %g GeV^2", q2, wc.mZp2);
    double g;
    rc = kstar ? zp_bsll_dGamma_BKstar(p, &wc, v[ZP_M_MU], q2, &g, st)
               : zp_bsll_dGamma_BK(p, &wc, v[ZP_M_MU], q2, &g, st);
    if (rc != ZP_OK)
        return rc;
    *out = tau_gev(kstar ? v[ZP_TAU_B0] : v[ZP_TAU_BP]) * g;
    return ZP_OK;
}

/* F_L (which = 0) or A_FB (which = 1) of B0 -> K*0 mu mu at one q^2. */
static int angular_obs(const zp_params *p, int which, double q2, double *out, zp_status *st)
{
    zp_bsll_wc wc;
    double fl, afb;
    int rc = zp_bsll_wc_model(p, ZP_LEPTON_MU, &wc, st);
    if (rc == ZP_OK && wc.mZp2 > 0 && fabs(wc.mZp2 - q2) <= 1e-6 * wc.mZp2)
        return zp_fail(st, ZP_EDOM, "q2 = %g GeV^2 sits on the Z' pole mZp^2 = %g GeV^2", q2, wc.mZp2);
    if (rc == ZP_OK)
        rc = zp_bsll_angular_BKstar(p, &wc, p->v[ZP_M_MU], q2, &fl, &afb, st);
    if (rc != ZP_OK)
        return zp_prefix(st, which ? "AFB_BKstarmumu" : "FL_BKstarmumu");
    *out = which ? afb : fl;
    return ZP_OK;
}

static int obs_FL(const zp_params *p, const double *a, double *out, zp_status *st)
{
    return angular_obs(p, 0, a[0], out, st);
}

static int obs_AFB(const zp_params *p, const double *a, double *out, zp_status *st)
{
    return angular_obs(p, 1, a[0], out, st);
}

static int obs_dBK(const zp_params *p, const double *a, double *out, zp_status *st)
{
    return diff_br(p, 0, a[0], out, st);
}

static int obs_dBKst(const zp_params *p, const double *a, double *out, zp_status *st)
{
    return diff_br(p, 1, a[0], out, st);
}

#define IN_NP "gq gl thetaD mZp alpha_em GF VtbVts"
#define IN_WET " alpha_em_mub mu_b m_c m_b C1_bs_SM C2_bs_SM C3_bs_SM C4_bs_SM C5_bs_SM C6_bs_SM C7eff_bs_SM C9_bsll_SM C10_bsll_SM C7_bs C7p_bs C9p_bsmumu C10p_bsmumu C9_bsee C10_bsee"
#define IN_K " m_Bp m_Kp tau_Bp BK_mpole_plus BK_mpole_0 ffK_fp_a0 ffK_fp_a1 ffK_fp_a2 ffK_f0_a1 ffK_f0_a2 ffK_fT_a0 ffK_fT_a1 ffK_fT_a2"
#define IN_KST " m_B0 m_Kstar0 tau_B0 BKst_mres_0m BKst_mres_1m BKst_mres_1p ffKst_A0_a0 ffKst_A0_a1 ffKst_A0_a2 ffKst_A1_a0 ffKst_A1_a1 ffKst_A1_a2 ffKst_A12_a0 ffKst_A12_a1 ffKst_A12_a2 ffKst_V_a0 ffKst_V_a1 ffKst_V_a2 ffKst_T1_a0 ffKst_T1_a1 ffKst_T1_a2 ffKst_T2_a0 ffKst_T2_a1 ffKst_T2_a2 ffKst_T23_a0 ffKst_T23_a1 ffKst_T23_a2"
#define IN_BS IN_NP " alpha_em_mub C10_bsll_SM C10p_bsmumu f_Bs tau_Bs y_s m_Bs m_mu"
#define BINARGS "q2min[GeV^2] q2max[GeV^2]"
const zp_obs_def zp_obs_bsll[] = {
    {"BR_Bs_mumu", "1",
     "time-integrated BR(B_s -> mu mu) with the Z' shift of C10 (at q2 = m_Bs^2) and the y_s = DeltaGamma_s/2Gamma_s correction",
     "Bobeth et al. arXiv:1311.0903; De Bruyn et al. arXiv:1204.1737; eq. (15)", IN_BS, 0, NULL, obs_Bs},
    {"BR_Bs_mumu_over_SM", "1", "BR_Bs_mumu over its SM value with the same inputs, |C10^SM + C10^NP|^2/|C10^SM|^2",
     "eq. (15); arXiv:1311.0903", IN_BS, 0, NULL, obs_Bs_ratio},
    {"BR_BKmumu", "1",
     "BR(B+ -> K+ mu mu) in a q2 bin, e.g. m:BR_BKmumu(1.1, 6): LO WET with Y(q2), BSZ form factors, the Z' C9 = -C10 with its propagator",
     "arXiv:0709.4174; arXiv:2305.06301; eq. (15)", IN_NP IN_WET IN_K " m_mu", 2, BINARGS, obs_BK_mumu},
    {"BR_BKee", "1", "BR(B+ -> K+ e e) in a q2 bin (SM: the Z' does not couple to electrons)",
     "arXiv:0709.4174; arXiv:2305.06301", IN_WET IN_K " m_e GF VtbVts", 2, BINARGS, obs_BK_ee},
    {"BR_BKstarmumu", "1",
     "BR(B0 -> K*0 mu mu) in a q2 bin, e.g. m:BR_BKstarmumu(1.1, 6): LO WET with Y(q2), BSZ form factors, the Z' C9 = -C10 with its propagator",
     "arXiv:0811.1214; arXiv:1503.05534; eq. (15)", IN_NP IN_WET IN_KST " m_mu", 2, BINARGS, obs_BKst_mumu},
    {"BR_BKstaree", "1", "BR(B0 -> K*0 e e) in a q2 bin (SM: the Z' does not couple to electrons)",
     "arXiv:0811.1214; arXiv:1503.05534", IN_WET IN_KST " m_e GF VtbVts", 2, BINARGS, obs_BKst_ee},
    {"R_K", "1", "R_K = BR(B+ -> K+ mu mu)/BR(B+ -> K+ e e) in a q2 bin, e.g. m:R_K(1.1, 6) (lepton masses kept)",
     "arXiv:0709.4174; LHCb arXiv:2212.09152", IN_NP IN_WET IN_K " m_mu m_e", 2, BINARGS, obs_R_K},
    {"R_Kstar", "1", "R_K* = BR(B0 -> K*0 mu mu)/BR(B0 -> K*0 e e) in a q2 bin, e.g. m:R_Kstar(1.1, 6) (lepton masses kept)",
     "arXiv:0811.1214; LHCb arXiv:2212.09152", IN_NP IN_WET IN_KST " m_mu m_e", 2, BINARGS, obs_R_Kstar},
    {"dBR_BKmumu_dq2", "GeV^-2", "differential dBR(B+ -> K+ mu mu)/dq2 at one q2", "arXiv:0709.4174; eq. (15)",
     IN_NP IN_WET IN_K " m_mu", 1, "q2[GeV^2]", obs_dBK},
    {"dBR_BKstarmumu_dq2", "GeV^-2", "differential dBR(B0 -> K*0 mu mu)/dq2 at one q2", "arXiv:0811.1214; eq. (15)",
     IN_NP IN_WET IN_KST " m_mu", 1, "q2[GeV^2]", obs_dBKst},
    {"FL_BKstarmumu", "1", "longitudinal polarisation fraction F_L of B0 -> K*0 mu mu at one q2 (LO; no QCD-factorisation corrections)",
     "arXiv:0811.1214; eq. (15)", IN_NP IN_WET IN_KST " m_mu", 1, "q2[GeV^2]", obs_FL},
    {"AFB_BKstarmumu", "1", "forward-backward asymmetry A_FB of B0 -> K*0 mu mu at one q2, flavio/LHCb sign (negative below its zero; LO)",
     "arXiv:0811.1214; eq. (15)", IN_NP IN_WET IN_KST " m_mu", 1, "q2[GeV^2]", obs_AFB},
    {0},
};
