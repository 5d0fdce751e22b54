/* test_bsll.c -- B_s -> mu mu, B -> K(*) l l, R_K, R_K* (flavour/bsll.h, flavour/formfactors.h).
 *
 * Independent numbers: the published SM BR(B_s -> mu mu); R_K^SM = 1.00 +- 0.01; exact analytic
 * limits (massless electrons without C7 and Y: the rate is proportional to |C9|^2 + |C10|^2 for
 * both modes; B -> K sees only C9 + C9'); the BSZ kinematic constraints at q^2 = 0; the
 * y_s correction 1/(1 - y_s); the light-Z' rate against a constant C9 equal to its bin average.
 */
#include <complex.h>
#include <math.h>

#include "base/zp_registry.h"
#include "base/zp_units.h"
#include "flavour/bsll.h"
#include "flavour/flavour.h"
#include "flavour/formfactors.h"
#include "zp_test.h"

static double br_bin(const zp_params *p, const zp_bsll_wc *wc, int kstar, double ml, double a, double b)
{
    zp_status st = {0, ""};
    double out = NAN;
    if (zp_bsll_BR_bin(p, wc, kstar, ml, a, b, &out, &st) != ZP_OK)
        fprintf(stderr, "BR_bin: %s\n", st.msg);
    return out;
}

static void test_formfactors(void)
{
    zp_params p;
    zp_params_default(&p);
    zp_status st = {0, ""};
    zp_ff_bk k;
    zp_ff_bkstar v;
    ZT_TRUE(zp_ff_bk_eval(&p, 0.0, &k, &st) == ZP_OK, "B -> K form factors at q2 = 0");
    ZT_NEAR(k.f0, k.fp, 1e-14, "f0(0) = f+(0) (kinematic constraint)");
    ZT_NEAR(k.fp, 0.33196382, 1e-12, "f+(0) = alpha_0 (z(0) - z(0) = 0, no pole at 0)");
    ZT_TRUE(zp_ff_bkstar_eval(&p, 0.0, &v, &st) == ZP_OK, "B -> K* form factors at q2 = 0");
    ZT_NEAR(v.T2, v.T1, 1e-14, "T1(0) = T2(0)");
    double mB = p.v[ZP_M_B0], mV = p.v[ZP_M_KST0];
    /* A0(0) = 8 mB mV A12(0) / (mB^2 - mV^2) (arXiv:1503.05534, eq. (2.8)); the fit imposes it with
     * its own masses, so it holds here to the 0.5% of the meson-mass choice */
    ZT_NEAR(v.A0, 8 * mB * mV * v.A12 / (mB * mB - mV * mV), 0.01, "A0(0) from A12(0)");
    /* form factors rise towards the pole: f+(6) > f+(0); z is 0 at t0 and decreases with q2 */
    zp_ff_bk k6;
    zp_ff_bk_eval(&p, 6.0, &k6, &st);
    ZT_TRUE(k6.fp > k.fp && k6.fT > k.fT, "f+ and fT rise with q2");
    ZT_TRUE(zp_ff_z(5.28, 0.494, 0.0) > zp_ff_z(5.28, 0.494, 10.0), "z decreases with q2");
    ZT_STATUS(zp_ff_bk_eval(&p, 30.0, &k, &st), ZP_EDOM, st, "q2 = 30", "B -> K beyond (mB - mK)^2");
    ZT_STATUS(zp_ff_bkstar_eval(&p, -1.0, &v, &st), ZP_EDOM, st, "outside the physical range", "B -> K* at q2 < 0");
}

/* The binned rate against a plain midpoint sum of the differential rate (second method), and
 * z(t_0) = 0 for the BSZ expansion point t_0 = t_+ (1 - sqrt(1 - t_-/t_+)). */
static void test_integration(void)
{
    zp_params p;
    zp_params_default(&p);
    zp_status st = {0, ""};
    zp_bsll_wc wc;
    zp_bsll_wc_model(&p, ZP_LEPTON_MU, &wc, &st);
    for (int k = 0; k < 2; k++) {
        const double a = 1.1, b = 6.0;
        const int n = 4000;
        double sum = 0.0, g;
        for (int i = 0; i < n; i++) {
            double q2 = a + (b - a) * (i + 0.5) / n;
            if (k)
                zp_bsll_dGamma_BKstar(&p, &wc, p.v[ZP_M_MU], q2, &g, &st);
            else
                zp_bsll_dGamma_BK(&p, &wc, p.v[ZP_M_MU], q2, &g, &st);
            sum += g;
        }
        double tau = (k ? p.v[ZP_TAU_B0] : p.v[ZP_TAU_BP]) * 1e-12 / ZP_HBAR_GEV_S;
        ZT_NEAR(br_bin(&p, &wc, k, p.v[ZP_M_MU], a, b), tau * sum * (b - a) / n, 1e-6,
                k ? "BR(B -> K* mu mu) bin = midpoint sum" : "BR(B -> K mu mu) bin = midpoint sum");
    }
    double mB = p.v[ZP_M_B0], mV = p.v[ZP_M_KST0], tp = (mB + mV) * (mB + mV), tm = (mB - mV) * (mB - mV);
    ZT_ABS(zp_ff_z(mB, mV, tp * (1 - sqrt(1 - tm / tp))), 0.0, 1e-15, "z(t_0) = 0");
}

static void test_bs_mumu(void)
{
    zp_params p;
    zp_params_default(&p);
    zp_status st = {0, ""};
    zp_bsll_wc wc;
    double br, br0, r;
    /* Beneke, Bobeth, Szafron, arXiv:1908.07011: BR(B_s -> mu mu)_SM = (3.66 +- 0.14) x 10^-9 with
     * f_Bs = 230.3 MeV (FLAG 2019), C10 incl. NLO EW + NNLO QCD, 1/Gamma_H; we use the defaults
     * (f_Bs = 230.3 MeV, tau_Bs = 1.520 ps, y_s = 0.0645) and |V_tb V_ts| = 0.0410 (|V_cb| = 0.0418) */
    p.v[ZP_VTBVTS] = -0.0410;
    zp_bsll_wc_sm(&p, &wc);
    ZT_TRUE(zp_bsll_BR_Bs_mumu_wc(&p, &wc, &br, &st) == ZP_OK, "BR(B_s -> mu mu)_SM evaluates");
    ZT_NEAR(br, 3.66e-9, 0.14 / 3.66, "BR(B_s -> mu mu)_SM = (3.66 +- 0.14) x 10^-9 (arXiv:1908.07011)");
    /* the time-integrated rate is the t = 0 rate over (1 - y_s) for A_DeltaGamma = 1 */
    zp_params q = p;
    q.v[ZP_Y_S] = 0.0;
    zp_bsll_BR_Bs_mumu_wc(&q, &wc, &br0, &st);
    ZT_NEAR(br / br0, 1.0 / (1.0 - p.v[ZP_Y_S]), 1e-13, "y_s correction 1/(1 - y_s)");
    /* BR scales as f_Bs^2 tau |V|^2 |C10|^2 */
    q = p;
    q.v[ZP_F_BS] *= 1.1;
    zp_bsll_BR_Bs_mumu_wc(&q, &wc, &br0, &st);
    ZT_NEAR(br0 / br, 1.21, 1e-13, "BR proportional to f_Bs^2");
    /* a flipped-sign C10 (P = -1) keeps A_DeltaGamma = 1 and the rate */
    zp_bsll_wc w2 = wc;
    w2.C10 = -wc.C10;
    zp_bsll_BR_Bs_mumu_wc(&p, &w2, &br0, &st);
    ZT_NEAR(br0, br, 1e-13, "C10 -> -C10 leaves BR unchanged");
    /* a purely imaginary C10 has A_DeltaGamma = -1: factor (1 - y)/(1 + y) */
    w2.C10 = I * cabs(wc.C10);
    zp_bsll_BR_Bs_mumu_wc(&p, &w2, &br0, &st);
    ZT_NEAR(br0 / br, (1 - p.v[ZP_Y_S]) / (1 + p.v[ZP_Y_S]), 1e-12, "A_DeltaGamma = -1 for imaginary C10");
    /* the model with g_q = 0 is the SM; otherwise the ratio is |C10^SM + C10^NP|^2 / |C10^SM|^2 */
    zp_params_default(&p);
    p.v[ZP_GQ] = 0.0;
    zp_bsll_BR_Bs_mumu_over_SM(&p, &r, &st);
    ZT_NEAR(r, 1.0, 1e-15, "g_q = 0: BR_Bs_mumu_over_SM = 1");
    zp_params_default(&p);
    double c9;
    zp_flavour_C9(&p, &c9, &st);
    double m2 = p.v[ZP_MZP] * p.v[ZP_MZP], mbs2 = p.v[ZP_M_BS] * p.v[ZP_M_BS];
    double c10 = -c9 * p.v[ZP_ALPHA_EM] / p.v[ZP_ALPHA_EM_MUB] * m2 / (m2 - mbs2);
    double sm = p.v[ZP_C10_BSLL_SM];
    zp_bsll_BR_Bs_mumu_over_SM(&p, &r, &st);
    ZT_NEAR(r, (sm + c10) * (sm + c10) / (sm * sm), 1e-12, "BR_Bs_mumu_over_SM = (1 + C10^NP/C10^SM)^2");
    ZT_TRUE(r < 1, "C9 = -C10 < 0 lowers BR(B_s -> mu mu)");
    /* errors: Z' on the B_s mass */
    p.v[ZP_MZP] = p.v[ZP_M_BS];
    ZT_STATUS(zp_bsll_BR_Bs_mumu(&p, &br, &st), ZP_EDOM, st, "B_s mass", "Z' pole at m_Bs");
}

static void test_R_sm(void)
{
    zp_params p;
    zp_params_default(&p);
    p.v[ZP_GQ] = 0.0;
    zp_status st = {0, ""};
    double rk, rks;
    /* Bordone, Isidori, Pattori, arXiv:1605.07633: R_K = R_K* = 1.00 +- 0.01 in [1.1, 6] GeV^2 */
    ZT_TRUE(zp_bsll_R(&p, 0, 1.1, 6.0, &rk, &st) == ZP_OK, "R_K^SM evaluates");
    ZT_ABS(rk, 1.00, 0.01, "R_K^SM[1.1, 6] = 1.00 +- 0.01");
    ZT_TRUE(zp_bsll_R(&p, 1, 1.1, 6.0, &rks, &st) == ZP_OK, "R_K*^SM evaluates");
    ZT_ABS(rks, 1.00, 0.01, "R_K*^SM[1.1, 6] = 1.00 +- 0.01");
    /* lepton masses matter near threshold: R_K*^SM[0.045, 1.1] = 0.906 +- 0.028 (same reference,
     * with QED corrections that lower it; zprime's LO value with m_mu and m_e is 0.933) */
    double rlow;
    ZT_TRUE(zp_bsll_R(&p, 1, 0.045, 1.1, &rlow, &st) == ZP_OK, "R_K*^SM in the low bin evaluates");
    ZT_ABS(rlow, 0.906, 0.028, "R_K*^SM[0.045, 1.1] = 0.906 +- 0.028 (lepton-mass effect)");
    /* the model with no NP is the SM exactly */
    zp_bsll_wc wc;
    zp_bsll_wc_sm(&p, &wc);
    double mu = br_bin(&p, &wc, 0, p.v[ZP_M_MU], 1.1, 6.0), e = br_bin(&p, &wc, 0, p.v[ZP_M_E], 1.1, 6.0);
    ZT_NEAR(rk, mu / e, 1e-14, "g_q = 0: R_K equals the SM ratio");
    /* lepton universality with equal masses: R = 1 exactly */
    zp_params q = p;
    q.v[ZP_M_E] = q.v[ZP_M_MU];
    zp_bsll_R(&q, 1, 1.1, 6.0, &rks, &st);
    ZT_NEAR(rks, 1.0, 1e-12, "m_e = m_mu and no NP: R_K* = 1");
}

/* Massless-lepton, no C7 and no Y: the rate is proportional to |C9|^2 + |C10|^2 (both modes). */
static void test_analytic_limits(void)
{
    zp_params p;
    zp_params_default(&p);
    for (int i = ZP_C1_BS_SM; i <= ZP_C7EFF_BS_SM; i++)
        p.v[i] = 0.0; /* C1..C6 -> Y = 0; C7eff = 0 */
    zp_bsll_wc sm, np;
    zp_bsll_wc_sm(&p, &sm);
    double C9 = p.v[ZP_C9_BSLL_SM], C10 = p.v[ZP_C10_BSLL_SM], me = p.v[ZP_M_E];
    const double xs[] = {-1.0, -0.3, 0.5};
    for (int k = 0; k < 2; k++) {
        double b0 = br_bin(&p, &sm, k, me, 1.1, 6.0);
        for (int i = 0; i < 3; i++) {
            double x = xs[i];
            np = sm;
            np.C9 += x;
            np.C10 -= x;
            double want = ((C9 + x) * (C9 + x) + (C10 - x) * (C10 - x)) / (C9 * C9 + C10 * C10);
            ZT_NEAR(br_bin(&p, &np, k, me, 1.1, 6.0) / b0, want, 2e-6,
                    k ? "B -> K* e e: C9 = -C10 = x scales the rate by |C9+x|^2+|C10-x|^2"
                      : "B -> K e e: C9 = -C10 = x scales the rate by |C9+x|^2+|C10-x|^2");
        }
    }
    /* B -> K sees C9 + C9' and C10 + C10' only (parity) */
    np = sm;
    np.C9p = 0.7;
    np.C10p = -0.2;
    zp_bsll_wc np2 = sm;
    np2.C9 += 0.7;
    np2.C10 -= 0.2;
    zp_params_default(&p);
    ZT_NEAR(br_bin(&p, &np, 0, p.v[ZP_M_MU], 1.1, 6.0), br_bin(&p, &np2, 0, p.v[ZP_M_MU], 1.1, 6.0), 1e-10,
            "B -> K: C9' and C10' add to C9 and C10");
    /* B -> K*: right-handed currents do not simply add */
    ZT_TRUE(fabs(br_bin(&p, &np, 1, p.v[ZP_M_MU], 1.1, 6.0) / br_bin(&p, &np2, 1, p.v[ZP_M_MU], 1.1, 6.0) - 1) > 0.05,
            "B -> K*: C9' differs from C9");
    /* massless limit of the massive B -> K formula: dGamma/dq2 = G^2 a^2 |V|^2 lam^(3/2) (|F_V|^2 + |F_A|^2) / (1536 pi^5 mB^3) */
    zp_status st = {0, ""};
    double q2 = 3.0, g, mB = p.v[ZP_M_BP], mK = p.v[ZP_M_KP];
    zp_bsll_wc_sm(&p, &sm);
    zp_bsll_dGamma_BK(&p, &sm, 1e-9, q2, &g, &st);
    zp_ff_bk ff;
    zp_ff_bk_eval(&p, q2, &ff, &st);
    double complex FV = (sm.C9 + zp_bsll_Y(&p, q2)) * ff.fp + 2 * p.v[ZP_M_B] / (mB + mK) * sm.C7 * ff.fT;
    double complex FA = sm.C10 * ff.fp;
    double lam = pow(mB * mB - mK * mK - q2, 2) - 4 * mK * mK * q2, a = p.v[ZP_ALPHA_EM_MUB];
    double want = p.v[ZP_GF] * p.v[ZP_GF] * a * a * p.v[ZP_VTBVTS] * p.v[ZP_VTBVTS] * pow(lam, 1.5)
                  * (cabs(FV) * cabs(FV) + cabs(FA) * cabs(FA)) / (1536 * pow(ZP_PI, 5) * pow(mB, 3));
    ZT_NEAR(g, want, 1e-10, "B -> K l l massless limit");
}

/* C9 = -C10 in the model: R_K - R_K^SM = 0.472 x + 0.055 x^2 with x the Z' C9 in the rate
 * normalisation (docs/flavour.md); the quadratic term 2/(|C9eff|^2 + |C10|^2) ~ 0.05. */
static void test_c9_c10_dependence(void)
{
    zp_params p;
    zp_params_default(&p);
    zp_status st = {0, ""};
    double rsm, r, c9;
    p.v[ZP_GQ] = 0.0;
    zp_bsll_R(&p, 0, 1.1, 6.0, &rsm, &st);
    zp_params_default(&p);
    double g0 = p.v[ZP_GQ];
    zp_flavour_C9(&p, &c9, &st);
    const double xs[] = {-1.0, -0.5, -0.1, 0.5};
    for (int i = 0; i < 4; i++) {
        double x = xs[i];
        p.v[ZP_GQ] = g0 * x / (c9 * p.v[ZP_ALPHA_EM] / p.v[ZP_ALPHA_EM_MUB]);
        zp_bsll_R(&p, 0, 1.1, 6.0, &r, &st);
        ZT_NEAR(r - rsm, 0.472 * x + 0.055 * x * x, 0.02, "R_K - R_K^SM = 0.472 x + 0.055 x^2 (C9 = -C10 = x)");
    }
}

/* Light Z': the propagator C9(q^2) against a constant equal to its flat bin average. */
static void test_light(void)
{
    zp_params p;
    zp_params_default(&p);
    p.v[ZP_MZP] = 12.0;
    p.v[ZP_GQ] = 0.0048;
    p.v[ZP_GL] = 0.0024;
    zp_status st = {0, ""};
    double r, cbin, c0;
    zp_bsll_R(&p, 0, 1.1, 6.0, &r, &st);
    zp_flavour_C9_bin(&p, 1.1, 6.0, &cbin, &st);
    zp_flavour_C9(&p, &c0, &st);
    zp_bsll_wc wc, we;
    zp_bsll_wc_model(&p, ZP_LEPTON_MU, &wc, &st);
    wc.mZp2 = 0.0; /* constant coefficient */
    wc.C9_zp *= cbin / c0;
    wc.C10_zp *= cbin / c0;
    zp_bsll_wc_sm(&p, &we);
    double rc = br_bin(&p, &wc, 0, p.v[ZP_M_MU], 1.1, 6.0) / br_bin(&p, &we, 0, p.v[ZP_M_E], 1.1, 6.0);
    ZT_NEAR(r, rc, 2e-3, "light Z': R_K with C9(q2) ~ R_K with its bin-averaged C9");
    /* and differs from the contact value by the 2.5% of C9_bin/C9 (docs/flavour.md) */
    wc.C9_zp *= c0 / cbin;
    wc.C10_zp *= c0 / cbin;
    double rcontact = br_bin(&p, &wc, 0, p.v[ZP_M_MU], 1.1, 6.0) / br_bin(&p, &we, 0, p.v[ZP_M_E], 1.1, 6.0);
    ZT_TRUE(r < rcontact, "light Z': the propagator enhances the effect over the contact C9");
    /* errors */
    p.v[ZP_MZP] = 2.0;
    ZT_STATUS(zp_bsll_R(&p, 0, 1.1, 6.0, &r, &st), ZP_EDOM, st, "Z' pole", "Z' pole inside the bin");
    zp_params_default(&p);
    ZT_STATUS(zp_bsll_R(&p, 0, 1.1, 30.0, &r, &st), ZP_EDOM, st, "q2 bin [1.1, 30]", "bin beyond the endpoint");
    ZT_STATUS(zp_bsll_R(&p, 1, 6.0, 1.1, &r, &st), ZP_EDOM, st, "q2min < q2max", "reversed bin");
    ZT_STATUS(zp_bsll_BR_model(&p, 0, ZP_LEPTON_MU, 0.001, 1.0, &r, &st), ZP_EDOM, st, "4 m_l^2", "below threshold");
    p.v[ZP_MZP] = 0.0;
    ZT_STATUS(zp_bsll_R(&p, 0, 1.1, 6.0, &r, &st), ZP_EDOM, st, "mZp", "mZp = 0");
}

/* SM differential rates against flavio's own SM predictions, as recorded in flavio's test suite
 * (flav-io/flavio, flavio/physics/bdecays/bvll/test_bvll.py: dBR/dq2(B0 -> K*0 mu mu) at q2 = 1, 6,
 * 15 GeV^2 = 5.713, 5.524, 7.412 x 10^-8 GeV^-2, which flavio reproduces to 3% and tests at 15%) and
 * Fermilab/MILC arXiv:1510.02349 (dBR/dq2(B+ -> K+ mu mu) at 16 GeV^2 = 2.31 x 10^-8 GeV^-2, flavio's
 * test_bpll.py at 5% with those lattice form factors).  zprime is LO (no QCDF corrections) with
 * other form-factor fits; it lies at -11%, +9%, +12% (B -> K*; its form-factor errors there are 13%,
 * 11%, 9%) and +9% (B -> K; form-factor error 2.6%, the lattice set differs), so the tolerances are
 * flavio's own 15% and 12%. */
static void test_vs_flavio(void)
{
    zp_params p;
    zp_params_default(&p);
    p.v[ZP_GQ] = 0.0;
    zp_status st = {0, ""};
    int j = zp_obs_find("dBR_BKstarmumu_dq2");
    const double q2s[] = {1.0, 6.0, 15.0}, flav[] = {5.7131974656129313e-8, 5.524478678779278e-8, 7.412258847550239e-8};
    for (int i = 0; i < 3; i++) {
        double v = NAN, q2 = q2s[i];
        zp_obs_eval(j, &p, &q2, 1, &v, &st);
        ZT_NEAR(v, flav[i], 0.15, "dBR/dq2(B0 -> K*0 mu mu) vs flavio's SM prediction (15%)");
    }
    double v = NAN, q2 = 16.0;
    zp_obs_eval(zp_obs_find("dBR_BKmumu_dq2"), &p, &q2, 1, &v, &st);
    ZT_NEAR(v, 4.615e-8 / 2, 0.12, "dBR/dq2(B+ -> K+ mu mu) at 16 GeV^2 vs arXiv:1510.02349 (12%)");
}

/* The extra WET parameters: electrons with the muons' Z' coefficients restore universality;
 * C10' enters B_s -> mu mu as C10 - C10'; B -> K sees C9 + C9'. */
/* SM binned branching ratios in [1.1, 6] GeV^2 against flavio's SM predictions as published with
 * smelli (smelli.github.io, obs/current/fast_likelihood_quarks.yaml: <dBR/dq2> in sub-bins, summed
 * here with their widths): B+ -> K+ mu mu 1.7085e-7 ([1.1,2] 3.5256, [2,3] 3.5095, [3,4] 3.4908,
 * [4,5] 3.4689, [5,6] 3.4429 x 10^-8 GeV^-2), B0 -> K*0 mu mu 2.3231e-7 ([1.1,2.5] 4.6497,
 * [2.5,4] 4.4780, [4,6] 5.0024 x 10^-8).  flavio uses its own CKM fit (|V_tb V_ts| ~ 0.041 instead
 * of the paper's 0.0405) and QCDF corrections.  zprime: +9% (B -> K, form-factor error 5%) and +6%
 * (B -> K*, 13%); tolerances: twice the form-factor error for B -> K, once for B -> K*. */
static void test_binned_vs_flavio(void)
{
    zp_params p;
    zp_params_default(&p);
    p.v[ZP_GQ] = 0.0;
    zp_status st = {0, ""};
    double bk, bks;
    zp_bsll_BR_model(&p, 0, ZP_LEPTON_MU, 1.1, 6.0, &bk, &st);
    zp_bsll_BR_model(&p, 1, ZP_LEPTON_MU, 1.1, 6.0, &bks, &st);
    double flav_k = (0.9 * 3.5255788247413956 + 3.509527157810387 + 3.490846814670739 + 3.468941796090319
                     + 3.4428921725000085) * 1e-8;
    double flav_ks = (1.4 * 4.649683561540263 + 1.5 * 4.477957674029772 + 2.0 * 5.0024246765850203) * 1e-8;
    ZT_NEAR(bk, flav_k, 0.10, "BR(B+ -> K+ mu mu)[1.1, 6] vs flavio's SM prediction (2 x 5% form-factor error)");
    ZT_NEAR(bks, flav_ks, 0.126, "BR(B0 -> K*0 mu mu)[1.1, 6] vs flavio's SM prediction (12.6% form-factor error)");
}

/* Photon pole: for 4 m_l^2 << q2 << m_B^2 the K* rate is the real-photon rate times
 * alpha/(3 pi q2) (Kroll-Wada conversion), with
 * Gamma(B -> K* gamma) = G_F^2 alpha |V_tb V_ts|^2 m_b^2 m_B^3 (1 - m_K*^2/m_B^2)^3 |C7|^2 T1(0)^2 / (32 pi^4)
 * (e.g. arXiv:1503.05534, sec. 5) -- a check of the transverse normalisation and of the 2 m_b/q^2 term. */
static void test_photon_pole(void)
{
    zp_params p;
    zp_params_default(&p);
    zp_status st = {0, ""};
    zp_bsll_wc wc;
    zp_bsll_wc_sm(&p, &wc);
    double q2 = 1e-4, g;
    zp_bsll_dGamma_BKstar(&p, &wc, 1e-9, q2, &g, &st);
    zp_ff_bkstar ff;
    zp_ff_bkstar_eval(&p, 0.0, &ff, &st);
    double mB = p.v[ZP_M_B0], mV = p.v[ZP_M_KST0], mb = p.v[ZP_M_B], a = p.v[ZP_ALPHA_EM_MUB];
    double c7 = creal(wc.C7), v = p.v[ZP_VTBVTS];
    double gam = p.v[ZP_GF] * p.v[ZP_GF] * a * v * v * mb * mb * pow(mB, 3) * pow(1 - mV * mV / (mB * mB), 3) * c7 * c7
                 * ff.T1 * ff.T1 / (32 * pow(ZP_PI, 4));
    ZT_NEAR(q2 * g, a / (3 * ZP_PI) * gam, 2e-3, "B -> K* l l at q2 -> 0: alpha/(3 pi q2) Gamma(B -> K* gamma)");
}

/* F_L and A_FB of B0 -> K*0 mu mu against flavio's SM values (test_bvll.py, see test_vs_flavio):
 * F_L(6) = 0.675, F_L(15) = 0.368, A_FB(15) = 0.406 agree within 3%.  Below 4 GeV^2 the LO rate
 * differs from flavio's QCD-factorisation result (F_L(1): 0.79 against 0.64; A_FB crosses zero at
 * 2.7 GeV^2 instead of about 4), so those points are not compared. */
static void test_angular_vs_flavio(void)
{
    zp_params p;
    zp_params_default(&p);
    p.v[ZP_GQ] = 0.0;
    zp_status st = {0, ""};
    int fl = zp_obs_find("FL_BKstarmumu"), afb = zp_obs_find("AFB_BKstarmumu");
    double q2 = 6.0, v = NAN;
    zp_obs_eval(fl, &p, &q2, 1, &v, &st);
    ZT_NEAR(v, 0.6746725598733865, 0.05, "F_L(B0 -> K*0 mu mu) at 6 GeV^2 vs flavio");
    q2 = 15.0;
    zp_obs_eval(fl, &p, &q2, 1, &v, &st);
    ZT_NEAR(v, 0.36807161547568185, 0.05, "F_L at 15 GeV^2 vs flavio");
    zp_obs_eval(afb, &p, &q2, 1, &v, &st);
    ZT_NEAR(v, 0.406194755197377, 0.05, "A_FB at 15 GeV^2 vs flavio (same sign convention)");
    q2 = 1.0;
    zp_obs_eval(afb, &p, &q2, 1, &v, &st);
    ZT_TRUE(v < 0, "A_FB < 0 at 1 GeV^2 (flavio: -0.153)");
    q2 = 30.0;
    ZT_STATUS(zp_obs_eval(fl, &p, &q2, 1, &v, &st), ZP_EDOM, st, "outside", "F_L beyond the endpoint");
}

static void test_extra_wet(void)
{
    zp_params p;
    zp_params_default(&p);
    zp_status st = {0, ""};
    double c9, rsm, r;
    zp_flavour_C9(&p, &c9, &st);
    c9 *= p.v[ZP_ALPHA_EM] / p.v[ZP_ALPHA_EM_MUB];
    p.v[ZP_C9_BSEE_NP] = c9;
    p.v[ZP_C10_BSEE_NP] = -c9;
    zp_bsll_R(&p, 0, 1.1, 6.0, &r, &st);
    zp_params q;
    zp_params_default(&q);
    q.v[ZP_GQ] = 0.0;
    zp_bsll_R(&q, 0, 1.1, 6.0, &rsm, &st);
    ZT_NEAR(r, rsm, 1e-4, "the same C9 = -C10 for e and mu gives the SM R_K (600 GeV propagator: 2e-5)");
    q.v[ZP_C10P_BSMUMU_NP] = 0.5;
    zp_bsll_BR_Bs_mumu_over_SM(&q, &r, &st);
    double c10 = q.v[ZP_C10_BSLL_SM];
    ZT_NEAR(r, (c10 - 0.5) * (c10 - 0.5) / (c10 * c10), 1e-13, "BR_Bs_mumu_over_SM with C10' = 0.5");
    double a, b;
    q.v[ZP_C10P_BSMUMU_NP] = 0.0;
    q.v[ZP_C9P_BSMUMU_NP] = -0.4;
    zp_bsll_BR_model(&q, 0, ZP_LEPTON_MU, 1.1, 6.0, &a, &st);
    q.v[ZP_C9P_BSMUMU_NP] = 0.0;
    q.v[ZP_C9_BSLL_SM] -= 0.4;
    zp_bsll_BR_model(&q, 0, ZP_LEPTON_MU, 1.1, 6.0, &b, &st);
    ZT_NEAR(a, b, 1e-12, "B -> K mu mu: C9p_bsmumu acts like a shift of C9");
}

static void test_registry(void)
{
    zp_params p;
    zp_params_default(&p);
    zp_status st = {0, ""};
    double a[2] = {1.1, 6.0}, v, direct;
    int i = zp_obs_find("R_K");
    ZT_TRUE(i >= 0 && zp_obs_eval(i, &p, a, 2, &v, &st) == ZP_OK, "R_K is registered with two arguments");
    zp_bsll_R(&p, 0, 1.1, 6.0, &direct, &st);
    ZT_NEAR(v, direct, 1e-15, "registry R_K = zp_bsll_R");
    double ratio = zt_obs("BR_Bs_mumu_over_SM", &p);
    ZT_TRUE(isfinite(ratio) && ratio > 0.5 && ratio < 1, "BR_Bs_mumu_over_SM is registered (0.87 at the default heavy point)");
    const char *names[] = {"BR_BKmumu", "BR_BKee", "BR_BKstarmumu", "BR_BKstaree", "R_Kstar"};
    for (int k = 0; k < 5; k++) {
        int j = zp_obs_find(names[k]);
        ZT_TRUE(j >= 0 && zp_obs_eval(j, &p, a, 2, &v, &st) == ZP_OK && v > 0, names[k]);
    }
    double q2 = 3.0;
    int j = zp_obs_find("dBR_BKmumu_dq2");
    ZT_TRUE(j >= 0 && zp_obs_eval(j, &p, &q2, 1, &v, &st) == ZP_OK && v > 0, "dBR_BKmumu_dq2");
    q2 = 50.0;
    ZT_STATUS(zp_obs_eval(j, &p, &q2, 1, &v, &st), ZP_EDOM, st, "q2 = 50", "dBR_BKmumu_dq2 beyond the endpoint");
}

int main(void)
{
    zp_core_init();
    test_formfactors();
    test_integration();
    test_bs_mumu();
    test_R_sm();
    test_analytic_limits();
    test_c9_c10_dependence();
    test_light();
    test_vs_flavio();
    test_binned_vs_flavio();
    test_photon_pole();
    test_angular_vs_flavio();
    test_extra_wet();
    test_registry();
    return ZT_DONE();
}
