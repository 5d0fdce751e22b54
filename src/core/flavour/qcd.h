/* qcd.h -- strong coupling and leading-order running of Delta F = 2 Wilson coefficients.
 *
 * alpha_s(mu) is the two-loop MS-bar coupling run from alpha_s(m_Z) (parameter alpha_s) with
 * nf = 5 between m_b and m_t, nf = 6 above m_t and nf = 4 below m_b; the coupling is taken
 * continuous at the thresholds mu = m_b, m_t (the MS-bar matching is continuous up to
 * O(alpha_s^3) there).  [PDG 2016 "Quantum chromodynamics", eqs. 9.3-9.5]
 */
#ifndef ZP_QCD_H
#define ZP_QCD_H

#include "base/zp_params.h"
#include "base/zp_status.h"

/* alpha_s(mu) for mu in [1, 1e6] GeV.  Errors: ZP_EDOM outside that range. */
int zp_qcd_alpha_s(const zp_params *p, double mu, double *out, zp_status *st);

/* Leading-order evolution factor eta of the (sbar_L gamma b_L)^2 coefficient from mu_hi down to
 * mu_lo: C(mu_lo) = eta C(mu_hi), eta = prod over flavour segments of
 * [alpha_s(mu_upper)/alpha_s(mu_lower)]^(gamma0 / (2 beta0)), gamma0 = 4, beta0 = 11 - 2 nf / 3
 * (so 6/23 for nf = 5, 6/21 for nf = 6).  [Buras, hep-ph/9806471, eq. (XII.7); Buras, Jamin,
 * Weisz, Nucl. Phys. B347 (1990) 491]  Requires mu_lo <= mu_hi, both in [1, 1e6] GeV. */
int zp_qcd_eta_VLL(const zp_params *p, double mu_hi, double mu_lo, double *out, zp_status *st);

#endif
