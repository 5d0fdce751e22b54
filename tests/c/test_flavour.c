/* test_flavour.c -- section 3 observables and every Table I coefficient of arXiv:1702.00395.
 *
 * Table I prints five-decimal coefficients.  They follow from the inputs as below; where the
 * printed digits need a particular input choice, the choice is recorded next to the test.
 *   K = pi / (sqrt2 alpha G_F |V_tb V_ts^*|) in TeV^2, so C9 = -K x with x = g_q g_l s c mhat^-2.
 *   b -> s mu mu: 0.18/K and 1.12/K;  b -> s nu nu: |C_L^SM|/K and sqrt(3 R - 2)|C_L^SM|/K;
 *   B_s: 2 N C_VLL^SM (Delta M_exp + sigma_th)/Delta M_SM(eq. 17) - 2 N C_VLL^SM, in TeV^-2;
 *   trident: R_trident - 1 = Y (1 + c Y) / P with Y = g_l^2 mhat^-2 (eq. 28 expanded).
 */
#include <complex.h>
#include <math.h>

#include "flavour/flavour.h"
#include "flavour/qcd.h"
#include "zp_test.h"
#include "base/zp_units.h"

/* Round to the five decimals Table I prints. */
static double r5(double x) { return round(x * 1e5) / 1e5; }

static double K_TeV2(const zp_params *p) { return fabs(zp_flavour_bs_norm(p)) / 1e6; }

static void test_bsmumu_window(void)
{
    zp_params p;
    zp_params_default(&p);
    double K = K_TeV2(&p);
    /* alpha = 1/134.8 (params.def default), G_F = 1.1663787e-5, V_tb V_ts^* = -0.0405: K = 633.9 */
    ZT_NEAR(K, 633.9, 2e-4, "K = pi/(sqrt2 alpha G_F |V|) in TeV^2");
    ZT_ABS(r5(0.18 / K), 0.00028, 1e-12, "Table I b->s mu mu lower coefficient 0.00028");
    ZT_ABS(r5(1.12 / K), 0.00177, 1e-12, "Table I b->s mu mu upper coefficient 0.00177");
    /* The full observable at x = 0.18/K and 1.12/K gives exactly the window ends of eq. (13). */
    zp_status st = {0, ""};
    double th = 0.01, c9;
    p.v[ZP_THETAD] = th;
    p.v[ZP_MZP] = 1000.0;
    p.v[ZP_GL] = 0.1;
    p.v[ZP_GQ] = 0.18 / K / (0.1 * sin(th) * cos(th));
    zp_flavour_C9(&p, &c9, &st);
    ZT_NEAR(c9, -0.18, 1e-12, "C9 at the lower Table I edge");
    p.v[ZP_GQ] = 1.12 / K / (0.1 * sin(th) * cos(th));
    zp_flavour_C9(&p, &c9, &st);
    ZT_NEAR(c9, -1.12, 1e-12, "C9 at the upper Table I edge");
    /* Sign: positive couplings and V_tb V_ts^* < 0 give C9 < 0 (eq. 15 has no minus sign). */
    ZT_TRUE(c9 < 0, "C9 < 0 for positive g_q g_l theta_D");
    /* alpha = 1/134.5 would give K = 632.5 and 6.60/K = 0.01043, not the printed 0.01041. */
    zp_params q = p;
    q.v[ZP_ALPHA_EM] = 1.0 / 134.5;
    ZT_ABS(r5(6.60 / K_TeV2(&q)), 0.01043, 1e-12, "alpha = 1/134.5 misses 0.01041 by one digit");
}

static void test_bsnunu(void)
{
    zp_params p;
    zp_params_default(&p);
    double K = K_TeV2(&p), cl = fabs(p.v[ZP_CL_SM]);
    ZT_ABS(r5(cl / K), 0.01041, 1e-12, "Table I b->s nu nu offset 0.01041 = |C_L^SM|/K");
    /* With the printed R <~ 5 of eq. (21) the right side is sqrt(13)|C_L^SM|/K = 0.03754, not
     * 0.03711.  No single K reproduces both 0.01041 and 0.03711 with sqrt(13): their ratio,
     * 3.565 +- 0.002 from the rounding, needs 3 R - 2 = 12.71, i.e. R <= 4.90 (or |C_L^SM| =
     * 6.525 in the bound alone).  zprime keeps eq. (21) with R <= 5 (editable in
     * constraints/flavour.lua); the 1% difference moves the bound on x by 1%. */
    ZT_ABS(r5(sqrt(13.0) * cl / K), 0.03754, 1e-12, "eq. (21) with R = 5 gives 0.03754");
    double ratio = 0.03711 / 0.01041, R = (ratio * ratio + 2.0) / 3.0;
    ZT_ABS(R, 4.90, 0.01, "the printed 0.03711 corresponds to R <= 4.90");
    /* Both forms agree: R_bsnunu = 5 exactly where |0.01041 + x| = sqrt(13) 0.01041. */
    zp_status st = {0, ""};
    double th = 0.02, x = (sqrt(13.0) - 1.0) * cl / K, r;
    p.v[ZP_MZP] = 1000.0;
    p.v[ZP_THETAD] = th;
    p.v[ZP_GL] = 1.0;
    p.v[ZP_GQ] = x / (sin(th) * cos(th));
    zp_flavour_R_bsnunu(&p, &r, &st);
    ZT_NEAR(r, 5.0, 1e-12, "R_bsnunu = 5 on the Table I boundary");
    p.v[ZP_GQ] = 0;
    zp_flavour_R_bsnunu(&p, &r, &st);
    ZT_NEAR(r, 1.0, 1e-15, "R_bsnunu = 1 without new physics");
    p.v[ZP_CL_SM] = 0;
    ZT_STATUS(zp_flavour_R_bsnunu(&p, &r, &st), ZP_EDOM, st, "CL_SM", "R_bsnunu with CL_SM = 0");
}

static void test_Bs(void)
{
    zp_params p;
    zp_params_default(&p);
    zp_status st = {0, ""};
    p.v[ZP_GQ] = 0;
    double dm;
    zp_flavour_DeltaM_s_GeV(&p, &dm, &st);
    dm = zp_gev_to_inv_ps(dm);
    /* eq. (17) with f_Bs sqrt(B) = 266 MeV reproduces eq. (18)'s 17.4 ps^-1 */
    ZT_ABS(dm, 17.4, 0.05, "Delta M_s^SM from eq. (17)");
    /* Table I: the Z' term may raise eq. (17) up to Delta M_exp + 1 sigma_th (eqs. 18, 19). */
    double n = zp_flavour_NCVLL_SM(&p);
    double wmax = 2.0 * n * ((p.v[ZP_DMS_EXP] + p.v[ZP_DMS_SM_ERR]) / dm - 1.0) * 1e6;
    ZT_ABS(r5(wmax), 0.00002, 1e-12, "Table I B_s coefficient 0.00002");
    ZT_NEAR(wmax, 1.548e-5, 2e-3, "unrounded B_s bound");
    /* The other reading, shift <= sigma_th/Delta M_SM, would print 0.00001. */
    ZT_ABS(r5(2.0 * n * p.v[ZP_DMS_SM_ERR] / p.v[ZP_DMS_SM] * 1e6), 0.00001, 1e-12,
           "shift <= 2.6/17.4 would print 0.00001");
    /* The heavy-variant point n_q = 2 at g_q g_l/m^2 = 0.12/TeV^2 gives the paper's
     * theta_D,max = 0.008 (text before eq. 35). */
    ZT_ABS(sqrt(wmax / 0.24), 0.008, 0.0001, "theta_D max = 0.008 for n_q = 2 at 0.12/TeV^2");
    /* Z' shift is positive (adds to the SM box) */
    double dz, dq;
    p.v[ZP_GQ] = 0.5;
    p.v[ZP_THETAD] = 0.01;
    zp_flavour_DeltaM_s_GeV(&p, &dz, &st);
    ZT_TRUE(zp_gev_to_inv_ps(dz) > dm, "Z' raises Delta M_s");
    /* DeltaM_s_qcd: the Z' shift is eta B(m_b)/B_hat of the unrun one. */
    double ratio, eta;
    zp_flavour_DeltaM_s_qcd_GeV(&p, &dq, &st);
    zp_flavour_Bs_qcd_ratio(&p, &ratio, &st);
    ZT_NEAR(zp_gev_to_inv_ps(dq) - dm, ratio * (zp_gev_to_inv_ps(dz) - dm), 1e-9,
            "DeltaM_s_qcd shift = ratio x DeltaM_s shift");
    zp_qcd_eta_VLL(&p, p.v[ZP_MZP], p.v[ZP_M_B], &eta, &st);
    ZT_NEAR(ratio, eta / 1.5173, 1e-4, "ratio = eta / 1.5173 with the default bags");
    ZT_ABS(ratio, 0.52, 0.01, "Z' shift ratio at mZp = 600 GeV (documented 0.52)");
    p.v[ZP_MZP] = 12.0;
    zp_flavour_Bs_qcd_ratio(&p, &ratio, &st);
    ZT_ABS(ratio, 0.61, 0.01, "Z' shift ratio at mZp = 12 GeV (documented 0.61)");
    /* mZp = m_b: no running, only the bag conversion */
    p.v[ZP_MZP] = p.v[ZP_M_B] * (1 + 1e-12);
    zp_flavour_Bs_qcd_ratio(&p, &ratio, &st);
    ZT_NEAR(ratio, p.v[ZP_B_BS_MB] / p.v[ZP_BHAT_BS], 1e-9, "no running at mZp = m_b");
    p.v[ZP_MZP] = 3.0;
    ZT_STATUS(zp_flavour_DeltaM_s_qcd_GeV(&p, &dq, &st), ZP_EDOM, st, "m_b", "DeltaM_s_qcd below m_b");
    p.v[ZP_MZP] = -1;
    ZT_STATUS(zp_flavour_DeltaM_s_GeV(&p, &dq, &st), ZP_EDOM, st, "mZp", "DeltaM_s with mZp < 0");
    p.v[ZP_MZP] = 600;
    p.v[ZP_THETAD] = 2.0;
    ZT_STATUS(zp_flavour_CVLL(&p, &dq, &st), ZP_EDOM, st, "thetaD", "thetaD outside its range");
}

static void test_trident(void)
{
    zp_params p;
    zp_params_default(&p);
    zp_status st = {0, ""};
    double cv, ca, cn, r;
    zp_flavour_trident_coeffs(&p, &cv, &ca, &cn, &st);
    /* Expand eq. (28): R - 1 = Y (2v+1)/(4 a (v^2 + 1/4)) [1 + Y/(2 a (2v+1))] (Y in GeV^-2)
     * with a = G_F/sqrt2, v = 1/2 + 2 sin^2 theta_W. */
    double a = -ca * 2.0, v = cv / ca * 0.5;
    double c2 = 1e-6 / (2.0 * a * (2.0 * v + 1.0));
    double P = 4.0 * a * (v * v + 0.25) / (2.0 * v + 1.0) * 1e6;
    /* On-shell sin^2 theta_W = 1 - m_W^2/m_Z^2 = 0.2229 reproduces 0.02097 (MS-bar 0.2313 would
     * give 0.02073). */
    ZT_ABS(r5(c2), 0.02097, 1e-12, "Table I trident coefficient 0.02097");
    /* 95% CL two-sided (1.96 sigma) on eq. (27): R <= 0.82 + 1.96 x 0.28.  The printed 4.81193
     * is reproduced to 0.08% (4.8158); no natural sin^2 theta_W reproduces all six digits
     * together with 0.02097 (s^2 = 0.2218 and a 0.1% larger G_F would).  1.64 sigma would give
     * 3.646, far off, so the CL multiplier is 1.96. */
    ZT_NEAR((0.82 + 1.96 * 0.28 - 1.0) * P, 4.81193, 1e-3, "Table I trident bound 4.81193");
    ZT_TRUE(fabs((0.82 + 1.645 * 0.28 - 1.0) * P - 4.81193) > 1.0, "1.645 sigma is excluded");
    /* Full observable vs the expanded Table I form at Y = 3 TeV^-2. */
    double Y = 3.0;
    p.v[ZP_MZP] = 1000.0;
    p.v[ZP_GL] = sqrt(Y);
    zp_flavour_R_trident(&p, &r, &st);
    ZT_NEAR(r - 1.0, Y * (1.0 + c2 * Y) / P, 1e-12, "R_trident - 1 = Y(1 + 0.02097 Y)/P");
    /* g_l -> 0: ratio -> 1 */
    p.v[ZP_GL] = 1e-6;
    zp_flavour_R_trident(&p, &r, &st);
    ZT_NEAR(r, 1.0, 1e-12, "R_trident -> 1 as g_l -> 0");
    /* flavio's trident formula with CVLL_numunumumumu gives the same ratio. */
    double cvll, s2 = 1.0 - p.v[ZP_M_W] * p.v[ZP_M_W] / (p.v[ZP_M_Z] * p.v[ZP_M_Z]);
    p.v[ZP_GL] = 0.7;
    p.v[ZP_MZP] = 300.0;
    zp_flavour_CVLL_nunumumu(&p, &cvll, &st);
    zp_flavour_R_trident(&p, &r, &st);
    double fv = 0.5 + 2 * s2 - cvll, fa = 0.5 - cvll;
    ZT_NEAR(r, (fv * fv + fa * fa) / ((0.5 + 2 * s2) * (0.5 + 2 * s2) + 0.25), 1e-12,
            "R_trident = flavio's formula with CVLL_numunumumumu");
    p.v[ZP_M_W] = 100.0;
    ZT_STATUS(zp_flavour_R_trident(&p, &r, &st), ZP_EDOM, st, "m_W", "m_W > m_Z");
}

static void test_q2(void)
{
    zp_params p;
    zp_params_default(&p);
    zp_status st = {0, ""};
    double c9, c, b, l;
    zp_flavour_C9(&p, &c9, &st);
    zp_flavour_C9_q2(&p, 0.0, &c, &st);
    ZT_NEAR(c, c9, 1e-14, "C9(q2 = 0) = C9");
    /* heavy Z': the bin average is C9 up to O(q2/m^2) */
    p.v[ZP_MZP] = 1e4;
    zp_flavour_C9(&p, &c9, &st);
    zp_flavour_C9_bin(&p, 1.1, 6.0, &b, &st);
    ZT_NEAR(b, c9 * (1 + 3.55e-8), 1e-9, "heavy-Z' bin average -> C9 (1 + <q2>/m^2)");
    /* light Z': closed-form bin average vs a Simpson sum of C9_bsmumu_q2 */
    p.v[ZP_MZP] = 12.0;
    zp_flavour_C9_bin(&p, 1.1, 6.0, &b, &st);
    double s = 0, h = (6.0 - 1.1) / 200;
    for (int i = 0; i <= 200; i++) {
        zp_flavour_C9_q2(&p, 1.1 + i * h, &c, &st);
        s += c * ((i == 0 || i == 200) ? 1 : (i % 2 ? 4 : 2));
    }
    ZT_NEAR(b, s * h / 3 / 4.9, 1e-10, "bin average: closed form vs Simpson");
    /* the paper's shortcut: m^2 - m_b^2 gives a 12% smaller g_q g_l (section 4.2.1) */
    zp_flavour_C9(&p, &c9, &st);
    zp_flavour_C9_light(&p, &l, &st);
    ZT_ABS(1.0 - c9 / l, 0.12, 0.005, "12% reduction of g_q g_l from m_Z'^2 -> m_Z'^2 - m_b^2");
    ZT_NEAR(l / b, 1.11, 0.01, "shortcut overshoots the [1.1, 6] bin average by 11% at 12 GeV");
    ZT_STATUS(zp_flavour_C9_q2(&p, -1.0, &c, &st), ZP_EDOM, st, "q2", "negative q2");
    ZT_STATUS(zp_flavour_C9_bin(&p, 6.0, 1.1, &c, &st), ZP_EDOM, st, "q2 bin", "reversed bin");
    p.v[ZP_MZP] = 2.0;
    ZT_STATUS(zp_flavour_C9_bin(&p, 1.1, 6.0, &c, &st), ZP_EDOM, st, "pole", "pole in bin");
    ZT_STATUS(zp_flavour_C9_q2(&p, 4.0, &c, &st), ZP_EDOM, st, "pole", "q2 on the pole");
    ZT_STATUS(zp_flavour_C9_light(&p, &c, &st), ZP_EDOM, st, "m_b", "shortcut below m_b");
}

static void test_gu(void)
{
    zp_params p;
    zp_params_default(&p);
    zp_status st = {0, ""};
    double m11, th = 0.008;
    p.v[ZP_THETAD] = th;
    zp_flavour_M11(&p, &m11, &st);
    /* second method: M = V D^dagger P3 D V^dagger (eq. 10) with the CKM first row */
    double complex v[3] = {sqrt(1 - 0.2248 * 0.2248 - 0.00409 * 0.00409), 0.2248, 0.00409};
    double d[3][3] = {{1, 0, 0}, {0, cos(th), sin(th)}, {0, -sin(th), cos(th)}};
    double complex m = 0;
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            m += v[i] * d[2][i] * d[2][j] * conj(v[j]); /* (D^T P3 D)_ij = D_3i D_3j */
    ZT_NEAR(m11, creal(m), 1e-12, "M11: eq. (11) vs the matrix product of eq. (10)");
    /* eq. (35): g_u ~ |theta V_us - V_ub|^2 g_q ~ 6e-6 g_q at theta_D = 0.008; with PDG 2016
     * |V_ub| = 4.09e-3 the estimate is 5.3e-6 (the paper's "~6" needs |V_ub| ~ 4.25e-3). */
    ZT_NEAR(m11, 5.3e-6, 0.02, "M11 at theta_D = 0.008");
    ZT_NEAR(m11, 6e-6, 0.15, "eq. (35) order of magnitude");
    /* the CKM phase (gamma = 1.28 rad) triples it: the paper's neglect matters */
    p.v[ZP_GAMMA_CKM] = 1.28;
    double m11g;
    zp_flavour_M11(&p, &m11g, &st);
    ZT_TRUE(m11g > 2.5 * m11, "gamma_ckm = 1.28 rad raises M11 by > 2.5x");
}

static void test_cvll_signs(void)
{
    zp_params p;
    zp_params_default(&p);
    zp_status st = {0, ""};
    double c, cv, ca, cn;
    zp_flavour_CVLL(&p, &c, &st);
    double th = p.v[ZP_THETAD], m = p.v[ZP_MZP], g = p.v[ZP_GQ];
    ZT_NEAR(c, -g * g * pow(sin(th) * cos(th), 2) / (2 * m * m), 1e-14, "CVLL_bsbs = eq. (9)");
    zp_flavour_CVLL_nunumumu(&p, &c, &st);
    zp_flavour_trident_coeffs(&p, &cv, &ca, &cn, &st);
    /* C (4 G_F/sqrt2) (nubar_L nu_L)(mubar_L mu_L) = 4 C^NP of eq. (25) */
    ZT_NEAR(c * 4 * p.v[ZP_GF] / ZP_SQRT2, 4 * cn, 1e-14, "CVLL_numunumumumu vs eq. (25)");
}

int main(void)
{
    zp_core_init();
    test_bsmumu_window();
    test_bsnunu();
    test_Bs();
    test_trident();
    test_q2();
    test_gu();
    test_cvll_signs();
    return ZT_DONE();
}
