/* zdecay.h -- Z -> mu+ mu- Z' and the Z -> 4 mu constraint (section 3.5 of arXiv:1702.00395).
 *
 * Gamma(Z -> mu+ mu- Z') is computed at tree level from the exact matrix element: the Z' (left-
 * handed coupling g_l, eq. 4) is radiated off either muon line of Z -> mu+ mu- (SM couplings
 * g_Z (g_L P_L + g_R P_R), g_Z^2 = 4 sqrt2 G_F m_Z^2, g_L = -1/2 + sin^2 theta_W, g_R = sin^2
 * theta_W), with the full muon and Z' masses and the complete polarisation sums of both vector
 * bosons (-g + k k / m^2).  The spin-summed |M|^2 is evaluated as a numerical Dirac trace and
 * integrated over the three-body Dalitz region with nested GSL adaptive quadrature in
 * logarithmic invariant-mass variables.  [PDG 2016 "Kinematics", eq. (47.22): dGamma =
 * |M|^2 dm12^2 dm23^2 / ((2 pi)^3 32 M^3)]
 */
#ifndef ZP_ZDECAY_H
#define ZP_ZDECAY_H

#include "base/zp_params.h"
#include "base/zp_status.h"

/* Spin-summed |M|^2 (not averaged over the 3 Z polarisations) of Z -> mu-(p1) mu+(p2) V(k) at the
 * Dalitz point s13 = (p1 + k)^2, s23 = (p2 + k)^2, for a vector V of mass mv with couplings
 * (vl P_L + vr P_R) to the muon of mass mf and a Z of mass mz with couplings (zl P_L + zr P_R).
 * Exposed for tests. */
double zp_zdecay_msq(double mz, double mf, double mv, double zl, double zr, double vl, double vr,
                     double s13, double s23);

/* Gamma(Z -> f fbar V) in GeV for the couplings above, integrated over phase space; 0 when
 * mv >= mz - 2 mf.  Errors: ZP_ENUM if the quadrature fails. */
int zp_zdecay_width(double mz, double mf, double mv, double zl, double zr, double vl, double vr,
                    double *out, zp_status *st);

/* Gamma(Z -> mu+ mu- Z') in GeV for the model (zero when m_Z' >= m_Z - 2 m_mu: no on-shell Z'). */
int zp_zdecay_Gamma_Zpmumu(const zp_params *p, double *out, zp_status *st);

/* BR(Z -> 4 mu)_NP = Gamma(Z -> mu mu Z') BR(Z' -> mu mu) / Gamma_Z, eq. (29). */
int zp_zdecay_BR_4mu_NP(const zp_params *p, double *out, zp_status *st);

#endif
