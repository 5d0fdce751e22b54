/* test_zdecay.c -- Gamma(Z -> mu mu Z') from the exact matrix element (section 3.5). */
#include <math.h>

#include "base/widths.h"
#include "flavour/zdecay.h"
#include "zp_test.h"
#include "base/zp_units.h"

int main(void)
{
    zp_core_init();
    zp_status st = {0, ""};
    zp_params p;
    zp_params_default(&p);
    double mz = p.v[ZP_M_Z], s2 = p.v[ZP_SW2];
    double gz = sqrt(4 * ZP_SQRT2 * p.v[ZP_GF]) * mz, zl = gz * (-0.5 + s2), zr = gz * s2;
    /* Independent limit: a vector of mass mv << m_Z radiated with vector coupling g off a
     * massless pair.  The massive-gluon result for e+e- -> q qbar g(m) gives
     * Gamma/Gamma_0 = g^2/(8 pi^2) [ln^2 eps + 3 ln eps + 5 - pi^2/3] + O(eps),  eps = mv^2/m_Z^2
     * (the real-emission part of the C_F alpha_s/pi total; e.g. Ellis, Stirling & Webber,
     * "QCD and collider physics", massive-gluon regularisation). */
    double g0 = zp_width_vff(mz, 0.0, 1.0, zl, zr), w, wl;
    double mv = 1.0, eps = mv * mv / (mz * mz), L = log(eps);
    double pred = g0 / (8 * ZP_PI * ZP_PI) * (L * L + 3 * L + 5 - ZP_PI * ZP_PI / 3);
    int rc = zp_zdecay_width(mz, 1e-4, mv, zl, zr, 1.0, 1.0, &w, &st);
    ZT_TRUE(rc == ZP_OK, "width converges");
    ZT_NEAR(w, pred, 1e-3, "vector radiation vs the massive-gluon formula");
    /* Left-handed Z' coupling, massless muons: only Z -> mu_L mu_L radiates (helicity), so the
     * width is the same formula times g_L^2/(g_L^2 + g_R^2). */
    zp_zdecay_width(mz, 1e-4, mv, zl, zr, 1.0, 0.0, &wl, &st);
    ZT_NEAR(wl, pred * zl * zl / (zl * zl + zr * zr), 1e-3, "chiral radiation = left-handed part");
    /* C symmetry: for vector couplings |M|^2(s13, s23) = |M|^2(s23, s13) */
    double a = zp_zdecay_msq(mz, 0.1, 12.0, zl, zr, 1.0, 1.0, 1500.0, 2500.0);
    double b = zp_zdecay_msq(mz, 0.1, 12.0, zl, zr, 1.0, 1.0, 2500.0, 1500.0);
    ZT_NEAR(a, b, 1e-10, "mu+ <-> mu- symmetry of |M|^2");
    ZT_TRUE(a > 0, "|M|^2 > 0 inside the Dalitz region");
    /* Gamma scales as g_l^2; eq. (29) divides by Gamma_Z and multiplies BR(Z' -> mu mu) */
    p.v[ZP_MZP] = 12.0;
    p.v[ZP_GL] = 0.03;
    p.v[ZP_GQ] = 0.03;
    double g1, g2, br, brz;
    zp_zdecay_Gamma_Zpmumu(&p, &g1, &st);
    p.v[ZP_GL] = 0.06;
    zp_zdecay_Gamma_Zpmumu(&p, &g2, &st);
    ZT_NEAR(g2, 4 * g1, 1e-12, "Gamma ~ g_l^2");
    /* 12 GeV with the muon mass: the O(eps) terms raise it 9% above the leading formula */
    double eps12 = 144.0 / (mz * mz), L12 = log(eps12);
    double lead = zp_width_vff(mz, 0, 1, zl, 0) * 0.0036 / (8 * ZP_PI * ZP_PI) *
                  (L12 * L12 + 3 * L12 + 5 - ZP_PI * ZP_PI / 3);
    ZT_NEAR(g2, 1.089 * lead, 0.01, "12 GeV: leading formula plus 9%");
    zp_widths_BR(&p, ZP_ZP_MUMU, &br, &st);
    zp_zdecay_BR_4mu_NP(&p, &brz, &st);
    ZT_NEAR(brz, g2 * br / p.v[ZP_GAMMA_Z], 1e-12, "eq. (29)");
    /* eq. (30): BR(Z' -> mu mu) = g_l^2/(2 g_l^2 + 1.9 g_q^2) at 12 GeV with g_q = 2 g_l */
    p.v[ZP_GQ] = 0.12;
    zp_widths_BR(&p, ZP_ZP_MUMU, &br, &st);
    ZT_NEAR(br, 1.0 / (2.0 + 1.9 * 4.0), 0.02, "eq. (30)");
    /* closed kinematics: no on-shell Z' */
    p.v[ZP_MZP] = 95.0;
    zp_zdecay_Gamma_Zpmumu(&p, &g1, &st);
    ZT_ABS(g1, 0.0, 0.0, "Gamma = 0 for mZp > m_Z");
    zp_zdecay_BR_4mu_NP(&p, &g1, &st);
    ZT_ABS(g1, 0.0, 0.0, "BR_Z_4mu_NP = 0 for mZp > m_Z");
    ZT_STATUS(zp_zdecay_width(mz, 0.1, -1.0, zl, zr, 1, 0, &w, &st), ZP_EDOM, st, "m_V",
              "negative vector mass");
    p.v[ZP_MZP] = -3.0;
    ZT_STATUS(zp_zdecay_Gamma_Zpmumu(&p, &w, &st), ZP_EDOM, st, "mZp", "negative mZp");
    return ZT_DONE();
}
