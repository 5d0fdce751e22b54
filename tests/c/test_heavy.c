/* test_heavy.c -- heavy Z' + Dirac DM: <sigma v> (eq. 32, footnote 3), relic couplings (eq. 33),
 * running g_chi and Lambda_UV (section 4.1.1, Fig. 3) of arXiv:1702.00395. */
#include <math.h>
#include <string.h>

#include "dm/heavy.h"
#include "base/widths.h"
#include "base/zp_params.h"
#include "base/zp_registry.h"
#include "zp_test.h"
#include "base/zp_units.h"

#define TARGET_CM3S 4.4e-26 /* eq. (32) */

static zp_params model(double mZp, double mchi, int contact)
{
    zp_params p;
    zp_params_default(&p);
    p.v[ZP_MZP] = mZp;
    p.v[ZP_MCHI] = mchi;
    p.v[ZP_SIGMAV_CONTACT] = contact;
    return p;
}

/* Apply the relic couplings for (nq, nchi) to p; returns the status. */
static int relic(zp_params *p, double nq, double nchi, double target_cm3s, zp_status *st)
{
    zp_heavy_couplings c;
    int rc = zp_heavy_relic_couplings(p, nq, nchi, zp_cm3s_to_gevm2(target_cm3s), &c, st);
    if (rc == ZP_OK) {
        p->v[ZP_GQ] = c.gq;
        p->v[ZP_GL] = c.gl;
        p->v[ZP_GCHI] = c.gchi;
    }
    return rc;
}

/* The s-wave amplitude formula against its limits. */
static void test_numerator(void)
{
    double m = 70.0, g = 0.4, gx = 1.3;
    ZT_NEAR(zp_heavy_sv_numerator(m, 0.0, 3.0, g, 0.0, gx), 3.0 * g * g * gx * gx * m * m / (2.0 * ZP_PI), 1e-14,
            "eq. (32) per massless left-handed channel: N_c g^2 g_chi^2 m_chi^2 / (2 pi)");
    double mx = 200.0, mt = 173.1, r = mt * mt / (mx * mx), beta = sqrt(1.0 - r);
    double base = zp_heavy_sv_numerator(mx, 0.0, 3.0, g, 0.0, gx);
    ZT_NEAR(zp_heavy_sv_numerator(mx, mt, 3.0, g, 0.0, gx) / base, beta * (1.0 - r / 4.0), 1e-13,
            "left-handed top: beta (1 - m_t^2/4m_chi^2)");
    /* footnote 3's factors are those of a vector coupling: beta (1 + m_t^2 / 2 m_chi^2) */
    ZT_NEAR(zp_heavy_sv_numerator(mx, mt, 3.0, g, g, gx) / zp_heavy_sv_numerator(mx, 0.0, 3.0, g, g, gx),
            beta * (1.0 + r / 2.0), 1e-13, "vector coupling: footnote 3's beta (1 + r/2)");
    ZT_NEAR(zp_heavy_sv_numerator(mx, mt, 3.0, g, -g, gx) / zp_heavy_sv_numerator(mx, 0.0, 3.0, g, -g, gx),
            beta * beta * beta, 1e-13, "axial coupling: beta^3");
    ZT_TRUE(zp_heavy_sv_numerator(150.0, mt, 3.0, g, 0.0, gx) == 0.0, "top closed below threshold");
}

/* Eq. (32) in the contact limit; channel fractions (86% into b for n_q = 2). */
static void test_eq32(void)
{
    zp_params p = model(600.0, 70.0, 1);
    p.v[ZP_M_B] = 0.0;
    p.v[ZP_M_MU] = 0.0;
    double gq = 0.29, gl = 0.145, gx = 1.45, m = 600.0, mx = 70.0;
    p.v[ZP_GQ] = gq, p.v[ZP_GL] = gl, p.v[ZP_GCHI] = gx;
    double want = (3 * gq * gq + 2 * gl * gl) * mx * mx / (2 * ZP_PI) * pow(gx / (m * m), 2);
    ZT_NEAR(zt_obs("sigmav_GeVm2", &p), want, 1e-12, "eq. (32) with sigmav_contact = 1");
    ZT_NEAR(zt_obs("sigmav", &p), zp_gevm2_to_cm3s(want), 1e-12, "sigmav in cm^3/s");
    ZT_NEAR(zt_obs("frac_bb", &p), 3.0 / 3.5, 1e-12, "3 g_q^2/(3 g_q^2 + 2 g_l^2) = 6/7 for n_q = 2");
    ZT_ABS(zt_obs("frac_bb", &p), 0.86, 0.005, "86% into b for n_q = 2 (section 4.1.1)");
    p = model(600.0, 70.0, 1);
    ZT_ABS(zt_obs("frac_bb", &p), 0.86, 0.005, "86% with the b and mu masses");
    ZT_NEAR(zt_obs("frac_bb", &p) + zt_obs("frac_tt", &p) + zt_obs("frac_mumu", &p) + zt_obs("frac_nunu", &p), 1.0, 1e-12,
            "fractions add to one");
    ZT_TRUE(zt_obs("frac_tt", &p) == 0.0, "no top below threshold");
    /* full propagator: the contact value times m_Z'^4 / ((4 m_chi^2 - m_Z'^2)^2 + m_Z'^2 Gamma^2) */
    zp_params q = model(600.0, 70.0, 0);
    double G = zt_obs("Gamma_Zp", &q), s = 4 * 70.0 * 70.0;
    ZT_NEAR(zt_obs("sigmav", &q) / zt_obs("sigmav", &p), pow(600.0, 4) / ((s - 360000.0) * (s - 360000.0) + 360000.0 * G * G),
            1e-12, "full Breit-Wigner propagator");
}

/* Eq. (33): g_q = 1.09 m_Z'/TeV / (sqrt(n_chi) m70^(1/2)). */
static void test_eq33(void)
{
    double c44 = zp_heavy_eq33_coefficient(zp_cm3s_to_gevm2(TARGET_CM3S), 2.0);
    ZT_NEAR(c44, 1.0840, 1e-4, "eq. (33) coefficient for 4.4e-26 cm^3/s");
    /* The paper prints 1.09; 1.084 rounds to 1.08.  The printed value follows from a target of
     * 4.5e-26 cm^3/s (the coefficient scales as target^(1/4)): */
    ZT_ABS(zp_heavy_eq33_coefficient(zp_cm3s_to_gevm2(4.5e-26), 2.0), 1.09, 0.005,
           "1.09 of eq. (33) is reproduced with <sigma v> = 4.5e-26 cm^3/s");
    ZT_ABS(c44, 1.09, 0.0065, "1.084 vs the printed 1.09 (0.6%, see above)");

    /* The numerical solver in the contact limit with massless b, mu reproduces the closed form. */
    const double mzs[] = {250.0, 600.0, 1200.0}, mxs[] = {30.0, 70.0}, nxs[] = {1.0, 5.0};
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 2; j++)
            for (int k = 0; k < 2; k++) {
                zp_params p = model(mzs[i], mxs[j], 1);
                p.v[ZP_M_B] = 0.0;
                p.v[ZP_M_MU] = 0.0;
                zp_status st = {0, ""};
                int rc = relic(&p, 2.0, nxs[k], TARGET_CM3S, &st);
                double want = c44 / sqrt(nxs[k] * mxs[j] / 70.0) * mzs[i] / 1000.0;
                char what[160];
                snprintf(what, sizeof what, "solver = eq. (33) at mZp = %g, mchi = %g, nchi = %g", mzs[i], mxs[j], nxs[k]);
                ZT_TRUE(rc == ZP_OK, what);
                ZT_NEAR(p.v[ZP_GQ], want, 1e-9, what);
                ZT_NEAR(p.v[ZP_GCHI], nxs[k] * want, 1e-9, what);
                ZT_NEAR(p.v[ZP_GL], want / 2.0, 1e-9, what);
                ZT_NEAR(zt_obs("sigmav", &p), TARGET_CM3S, 1e-9, "sigmav at the solution = target");
            }

    /* g_chi = 0.6 at mZp = 250 GeV needs n_chi = 5, m_chi = 70 GeV (and the contact limit). */
    zp_params p = model(250.0, 70.0, 1);
    zp_status st = {0, ""};
    relic(&p, 2.0, 5.0, TARGET_CM3S, &st);
    ZT_ABS(p.v[ZP_GCHI], 0.6, 0.05, "g_chi = 0.6 at mZp = 250 GeV (n_chi = 5, m_chi = 70 GeV)");
    ZT_NEAR(p.v[ZP_GCHI], 0.606, 2e-3, "g_chi = 1.084 sqrt(5) 0.25 = 0.606");
    /* g_q g_l / m_Z'^2 = 0.12 / TeV^2 (n_chi = 5, m_chi = 70 GeV), independent of m_Z' */
    ZT_ABS(zt_obs("gqgl_over_mZp2", &p), 0.12, 0.005, "g_q g_l / m_Z'^2 = 0.12/TeV^2");
    ZT_NEAR(zt_obs("gqgl_over_mZp2", &p), c44 * c44 / 10.0, 2e-3, "= 1.084^2/(2 n_chi) (0.1% from m_b)");

    /* With the full propagator the resonance enhancement (m_Z'^2 - 4 m_chi^2)^2 < m_Z'^4 lowers the
     * couplings: at 250 GeV g_chi = 0.606 [(1 - 4 m_chi^2/m_Z'^2)]^(1/2) = 0.50 (Gamma is tiny there);
     * this is a 17% effect the paper's m_chi << m_Z' form of eq. (32) does not have. */
    zp_params q = model(250.0, 70.0, 0);
    relic(&q, 2.0, 5.0, TARGET_CM3S, &st);
    ZT_NEAR(q.v[ZP_GCHI], p.v[ZP_GCHI] * sqrt(1.0 - 4.0 * 70.0 * 70.0 / (250.0 * 250.0)), 5e-3,
            "full propagator at 250 GeV: g_chi = 0.50");
    ZT_NEAR(zt_obs("sigmav", &q), TARGET_CM3S, 1e-9, "full-propagator solution hits the target");
    /* near resonance the solver still works and the couplings are small */
    q = model(300.0, 147.0, 0);
    ZT_TRUE(relic(&q, 2.0, 5.0, TARGET_CM3S, &st) == ZP_OK && q.v[ZP_GCHI] < 0.1, "solution near resonance");
    ZT_NEAR(zt_obs("sigmav", &q), TARGET_CM3S, 1e-9, "near resonance: target reached");
}

/* Footnote 3: above the top threshold (m_chi = 200 GeV). */
static void test_footnote3(void)
{
    zp_params p = model(1000.0, 200.0, 1);
    p.v[ZP_M_B] = 0.0;
    p.v[ZP_M_MU] = 0.0;
    p.v[ZP_GQ] = 1.0, p.v[ZP_GL] = 0.0, p.v[ZP_GCHI] = 1.0;
    double unit = 200.0 * 200.0 / (2 * ZP_PI) / pow(1000.0, 4); /* eq. (32) per unit g_q^2 */
    double r = pow(p.v[ZP_M_T] / 200.0, 2), beta = sqrt(1 - r);
    double coef = zt_obs("sigmav_GeVm2", &p) / unit;
    ZT_NEAR(coef, 3.0 + 3.0 * beta * (1.0 - r / 4.0), 1e-12, "quark coefficient 3 + 3 beta (1 - r/4) = 4.22");
    ZT_NEAR(coef, 4.22, 2e-3, "4.22 at m_chi = 200 GeV");
    /* The footnote's own factors beta (1 + r/2) would give 3 + 3 x 0.690 = 5.07 (a vector coupling);
     * its printed 10.1 is reproduced by neither and is recorded here as unexplained.  The
     * left-handed top has g_V = g_A, hence beta (1 - r/4). */
    ZT_NEAR(3.0 + 3.0 * beta * (1.0 + r / 2.0), 5.07, 2e-3, "footnote 3 factors on a vector coupling");
    ZT_TRUE(fabs(coef - 10.1) > 5.0, "footnote 3's 10.1 g_q^2 is not reproduced (see comment)");
    /* the numerical solver works above the top threshold */
    zp_params q = model(1000.0, 200.0, 0);
    zp_status st = {0, ""};
    ZT_TRUE(relic(&q, 2.0, 5.0, TARGET_CM3S, &st) == ZP_OK, "relic couplings above the top threshold");
    ZT_TRUE(zt_obs("frac_tt", &q) > 0.2 && zt_obs("frac_tt", &q) < 0.4, "top fraction at m_chi = 200 GeV");
}

/* Running and Lambda_UV (Fig. 3). */
static void test_running(void)
{
    zp_params p = model(1200.0, 70.0, 1);
    zp_status st = {0, ""};
    relic(&p, 2.0, 5.0, TARGET_CM3S, &st);
    double L = zt_obs("Lambda_UV", &p);
    /* the paper: alpha_chi >~ 1 already at Lambda = 10 TeV for m_Z' = 1.2 TeV (one digit) */
    ZT_ABS(L / 1000.0, 10.0, 5.0, "Lambda_UV ~ 10 TeV at mZp = 1.2 TeV");
    ZT_NEAR(L / 1000.0, 11.7, 0.01, "Lambda_UV = 11.7 TeV with the 1.084 coefficient (10.9 TeV with 1.09)");
    double g;
    int i = zp_obs_find("gchi_run");
    ZT_TRUE(zp_obs_eval(i, &p, (double[]){L * (1 - 1e-12)}, 1, &g, &st) == ZP_OK, "g_chi at Lambda_UV");
    ZT_NEAR(g * g / (4 * ZP_PI), 1.0, 1e-9, "alpha_chi(Lambda_UV) = alpha_chi_max = 1");

    /* second method: RK4 integration of dg/d ln mu = g^3 / (12 pi^2) from m_Z' to 5 m_Z' */
    double y = p.v[ZP_GCHI], h = log(5.0) / 2000.0;
    for (int k = 0; k < 2000; k++) {
        double k1 = pow(y, 3) / (12 * ZP_PI * ZP_PI), k2 = pow(y + h * k1 / 2, 3) / (12 * ZP_PI * ZP_PI);
        double k3 = pow(y + h * k2 / 2, 3) / (12 * ZP_PI * ZP_PI), k4 = pow(y + h * k3, 3) / (12 * ZP_PI * ZP_PI);
        y += h * (k1 + 2 * k2 + 2 * k3 + k4) / 6;
    }
    zp_obs_eval(i, &p, (double[]){5 * 1200.0}, 1, &g, &st);
    ZT_NEAR(g, y, 1e-10, "closed-form running = RK4 integration");
    zp_obs_eval(i, &p, (double[]){100.0}, 1, &g, &st);
    ZT_TRUE(g == p.v[ZP_GCHI], "no running below m_Z'");

    /* lighter Z': the scale rises quickly (> 100 TeV below ~1 TeV) */
    zp_params q = model(1000.0, 70.0, 1);
    relic(&q, 2.0, 5.0, TARGET_CM3S, &st);
    ZT_TRUE(zt_obs("Lambda_UV", &q) > 1e5, "Lambda_UV > 100 TeV at mZp = 1 TeV");
    q.v[ZP_GCHI] = 0.0;
    ZT_TRUE(isnan(zt_obs("Lambda_UV", &q)), "no Landau pole without a coupling: an error, not +inf");
    {
        zp_status s0 = {0, ""};
        double v0;
        ZT_STATUS(zp_heavy_Lambda_UV(&q, &v0, &s0), ZP_EDOM, s0, "gchi = 0 never runs", "Lambda_UV at gchi = 0 names gchi");
    }
    q.v[ZP_GCHI] = 4.0; /* alpha_chi = 1.27 > 1 already at m_Z' */
    ZT_TRUE(zt_obs("Lambda_UV", &q) == 1000.0, "Lambda_UV = m_Z' when alpha_chi > 1 there");
    q.v[ZP_GCHI] = 0.05;
    ZT_TRUE(isnan(zt_obs("Lambda_UV", &q)), "a scale beyond DBL_MAX is an error, not +inf");
    {
        zp_status s0 = {0, ""};
        double v0;
        ZT_STATUS(zp_heavy_Lambda_UV(&q, &v0, &s0), ZP_EDOM, s0, "gchi = 0.05 at mZp = 1000 GeV", "overflow names gchi");
    }
    q.v[ZP_GCHI] = 2.0;
    ZT_NEAR(zt_obs("delta_gchi", &q), 3e-3 * 8.0, 1e-12, "Delta g_chi = 3e-3 g_chi^3");
    ZT_NEAR(zt_obs("alpha_chi", &q), 4.0 / (4 * ZP_PI), 1e-12, "alpha_chi");
}

static void test_errors(void)
{
    zp_status st = {0, ""};
    zp_heavy_couplings c;
    double t = zp_cm3s_to_gevm2(TARGET_CM3S), v;
    zp_params p = model(100.0, 120.0, 0);
    ZT_STATUS(zp_heavy_relic_couplings(&p, 2, 5, t, &c, &st), ZP_EDOM, st, "must be below mZp",
              "mchi above mZp");
    st.code = 0;
    ZT_STATUS(zp_obs_eval(zp_obs_find("sigmav"), &p, NULL, 0, &v, &st), ZP_EDOM, st, "mchi = 120 GeV",
              "sigmav with mchi above mZp");
    p = model(600.0, 70.0, 0);
    p.v[ZP_SIGMAV_CONTACT] = 0.5;
    st.code = 0;
    ZT_STATUS(zp_obs_eval(zp_obs_find("sigmav"), &p, NULL, 0, &v, &st), ZP_EDOM, st, "sigmav_contact = 0.5",
              "sigmav_contact must be 0 or 1");
    p = model(600.0, 70.0, 0);
    st.code = 0;
    ZT_STATUS(zp_heavy_relic_couplings(&p, 0, 5, t, &c, &st), ZP_EDOM, st, "nq = 0", "nq = 0");
    st.code = 0;
    ZT_STATUS(zp_heavy_relic_couplings(&p, 2, -1, t, &c, &st), ZP_EDOM, st, "must both be positive", "nchi < 0");
    st.code = 0;
    ZT_STATUS(zp_heavy_relic_couplings(&p, 2, 5, -t, &c, &st), ZP_EDOM, st, "must be positive", "negative target");
    st.code = 0;
    ZT_STATUS(zp_heavy_relic_couplings(&p, 2, 5, 1e5 * t, &c, &st), ZP_ENOSOL, st, "cannot be reached",
              "an unreachable target");
    st.code = 0;
    ZT_STATUS(zp_heavy_relic_couplings(&p, 2, 5, 1e-60, &c, &st), ZP_ENOSOL, st, "too small", "a tiny target");
    p.v[ZP_GQ] = p.v[ZP_GL] = p.v[ZP_GCHI] = 0.0;
    st.code = 0;
    ZT_STATUS(zp_obs_eval(zp_obs_find("frac_bb"), &p, NULL, 0, &v, &st), ZP_EDOM, st, "vanishes",
              "fractions without couplings");
    p = model(600.0, 70.0, 0);
    st.code = 0;
    ZT_STATUS(zp_heavy_gchi_run(&p, -5.0, &v, &st), ZP_EDOM, st, "mu = -5 GeV", "negative scale");
    st.code = 0;
    ZT_STATUS(zp_heavy_gchi_run(&p, 1e30, &v, &st), ZP_EDOM, st, "Landau pole", "beyond the Landau pole");
}

int main(void)
{
    zp_core_init();
    test_numerator();
    test_eq32();
    test_eq33();
    test_footnote3();
    test_running();
    test_errors();
    return ZT_DONE();
}
