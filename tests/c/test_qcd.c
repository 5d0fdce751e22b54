/* test_qcd.c -- two-loop alpha_s running and the LO Delta F = 2 evolution factor. */
#include <math.h>

#include "flavour/qcd.h"
#include "zp_test.h"
#include "base/zp_units.h"

/* Exact two-loop relation between alpha(mu) and alpha(mu0) at fixed nf (the integral of the
 * beta function in closed form):  (b0/4pi) ln(mu^2/mu0^2) = 1/a - 1/a0 + c ln(a (1 + c a0) /
 * (a0 (1 + c a))),  c = b1/(4 pi b0).  A second method for the Runge-Kutta solution. */
static double implicit_residual(double a, double a0, double mu, double mu0, int nf)
{
    double b0 = 11.0 - 2.0 * nf / 3.0, b1 = 102.0 - 38.0 * nf / 3.0, c = b1 / (4 * ZP_PI * b0);
    return b0 / (4 * ZP_PI) * 2 * log(mu / mu0) -
           (1 / a - 1 / a0 + c * log(a * (1 + c * a0) / (a0 * (1 + c * a))));
}

int main(void)
{
    zp_core_init();
    zp_params p;
    zp_params_default(&p);
    zp_status st = {0, ""};
    double a0 = p.v[ZP_ALPHA_S_MZ], mz = p.v[ZP_M_Z], a, ab, at, eta;
    zp_qcd_alpha_s(&p, mz, &a, &st);
    ZT_NEAR(a, a0, 1e-14, "alpha_s(m_Z) is the input");
    zp_qcd_alpha_s(&p, p.v[ZP_M_B], &ab, &st);
    ZT_ABS(implicit_residual(ab, a0, p.v[ZP_M_B], mz, 5), 0, 1e-9, "alpha_s(m_b): RK4 vs closed form");
    /* PDG 2016 QCD review: alpha_s(m_b) ~ 0.22-0.23 for alpha_s(m_Z) = 0.118 */
    ZT_ABS(ab, 0.225, 0.006, "alpha_s(m_b) magnitude");
    zp_qcd_alpha_s(&p, p.v[ZP_M_T], &at, &st);
    double a1;
    zp_qcd_alpha_s(&p, 1000.0, &a1, &st);
    ZT_ABS(implicit_residual(a1, at, 1000.0, p.v[ZP_M_T], 6), 0, 1e-9, "nf = 6 segment above m_t");
    /* one nf = 5 segment: eta = (alpha(mu_hi)/alpha(mu_lo))^(6/23) */
    double a2;
    zp_qcd_alpha_s(&p, 50.0, &a2, &st);
    zp_qcd_eta_VLL(&p, 50.0, p.v[ZP_M_B], &eta, &st);
    ZT_NEAR(eta, pow(a2 / ab, 6.0 / 23.0), 1e-12, "eta over one nf = 5 segment");
    /* two segments multiply */
    zp_qcd_eta_VLL(&p, 1000.0, p.v[ZP_M_B], &eta, &st);
    ZT_NEAR(eta, pow(a1 / at, 6.0 / 21.0) * pow(at / ab, 6.0 / 23.0), 1e-12, "eta across m_t");
    zp_qcd_eta_VLL(&p, 10.0, 10.0, &eta, &st);
    ZT_NEAR(eta, 1.0, 1e-15, "eta = 1 without running");
    ZT_STATUS(zp_qcd_alpha_s(&p, 0.5, &a, &st), ZP_EDOM, st, "mu", "alpha_s below 1 GeV");
    ZT_STATUS(zp_qcd_eta_VLL(&p, 4.0, 10.0, &eta, &st), ZP_EDOM, st, "mu_lo", "eta upwards");
    p.v[ZP_M_T] = 50.0;
    ZT_STATUS(zp_qcd_alpha_s(&p, 10.0, &a, &st), ZP_EDOM, st, "m_t", "thresholds out of order");
    return ZT_DONE();
}
