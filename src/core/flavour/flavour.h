/* flavour.h -- b -> s transitions, B_s mixing, neutrino trident and the Z'uu coupling from Z'
 * exchange (section 3 of arXiv:1702.00395).
 *
 * Conventions.  Wilson coefficients are new physics only, in the WCxf WET `flavio` basis with
 * L = +sum C O.  The D rotation of eq. (7) gives the Z' sbar b coupling -g_q s c (s = sin theta_D,
 * c = cos theta_D), so integrating out the Z' (eq. 5) gives L = +g_q g_l s c / m_Z'^2
 * (sbar_L gamma b_L)(mubar_L gamma mu_L): with H = -(alpha G_F / (sqrt2 pi)) V_tb V_ts^* C9 O9
 * (eq. 12) this is eq. (15) without a minus sign, and C9 < 0 for positive couplings because
 * V_tb V_ts^* < 0.  For B_s mixing L = -g_q^2 s^2 c^2 / (2 m_Z'^2) (sbar_L gamma b_L)^2 (eq. 9).
 */
#ifndef ZP_FLAVOUR_H
#define ZP_FLAVOUR_H

#include "base/zp_params.h"
#include "base/zp_status.h"

/* g_q g_l sin(theta_D) cos(theta_D) / m_Z'^2 in GeV^-2: the b s mu mu / b s nu nu coupling of
 * eq. (8).  Errors: m_Z' <= 0 or |theta_D| > pi/2. */
int zp_flavour_bsll_coupling(const zp_params *p, double *out, zp_status *st);

/* pi / (sqrt2 alpha G_F V_tb V_ts^*) in GeV^2, the normalisation of eqs. (15) and (22). */
double zp_flavour_bs_norm(const zp_params *p);

/* C9^NP = -C10^NP of eq. (15) (dimensionless, flavio normalisation). */
int zp_flavour_C9(const zp_params *p, double *out, zp_status *st);

/* C9^NP at dilepton mass q2 [GeV^2] with the full propagator 1/(m_Z'^2 - q2) (reduces to eq. 15
 * for q2 -> 0).  Errors: q2 outside [0, m_Bs^2] or at the Z' pole. */
int zp_flavour_C9_q2(const zp_params *p, double q2, double *out, zp_status *st);

/* Flat average of zp_flavour_C9_q2 over q2 in [q2min, q2max] GeV^2 (closed form:
 * ln((m^2 - q2min)/(m^2 - q2max)) / (q2max - q2min)).  Errors: empty/out-of-range bin, pole inside. */
int zp_flavour_C9_bin(const zp_params *p, double q2min, double q2max, double *out, zp_status *st);

/* The paper's light-Z' shortcut m_Z'^2 -> m_Z'^2 - m_b^2 in eq. (15) (section 3.7, 4.2.1).
 * Errors: m_Z' <= m_b. */
int zp_flavour_C9_light(const zp_params *p, double *out, zp_status *st);

/* C_VLL for B_s mixing, eq. (9), Lagrangian convention L = C (sbar gamma P_L b)^2, GeV^-2,
 * at the scale m_Z' (unrun). */
int zp_flavour_CVLL(const zp_params *p, double *out, zp_status *st);

/* N C_VLL^SM of eq. (16) in GeV^-2 (Hamiltonian convention, positive). */
double zp_flavour_NCVLL_SM(const zp_params *p);

/* Delta M_s of eq. (17) in GeV: SM with B_hat, Z' coefficient unrun (the paper's convention). */
int zp_flavour_DeltaM_s_GeV(const zp_params *p, double *out, zp_status *st);

/* Delta M_s in GeV with the Z' coefficient run at LO QCD from m_Z' to mu_b = m_b and the matrix
 * element (2/3) m_Bs^2 f_Bs^2 B_Bs(m_b); SM part as in eq. (17).  Errors: m_Z' <= m_b. */
int zp_flavour_DeltaM_s_qcd_GeV(const zp_params *p, double *out, zp_status *st);

/* Ratio of the Z' shifts (DeltaM_s_qcd - SM) / (DeltaM_s - SM) at small coupling:
 * eta(m_Z' -> m_b) B_Bs(m_b) / B_hat_Bs. */
int zp_flavour_Bs_qcd_ratio(const zp_params *p, double *out, zp_status *st);

/* C_L^NP of b -> s nu_mu nu_mu, eq. (22) (flavio basis CL_bsnumunumu). */
int zp_flavour_CL(const zp_params *p, double *out, zp_status *st);

/* The left side of eq. (21): (2|C_L^SM|^2 + |C_L^SM + C_L^NP|^2) / (3|C_L^SM|^2). */
int zp_flavour_R_bsnunu(const zp_params *p, double *out, zp_status *st);

/* Trident coefficients of eq. (23) in GeV^-2: C_V^SM, C_A^SM (eq. 24, with g^2/(8 m_W^2) =
 * G_F/sqrt2 and on-shell sin^2 theta_W = 1 - m_W^2/m_Z^2) and C_V^NP = C_A^NP (eq. 25). */
int zp_flavour_trident_coeffs(const zp_params *p, double *cv_sm, double *ca_sm, double *c_np,
                              zp_status *st);

/* sigma_(SM+NP)/sigma_SM of eq. (28). */
int zp_flavour_R_trident(const zp_params *p, double *out, zp_status *st);

/* CVLL_numunumumumu of the flavio basis, L = C (4 G_F/sqrt2)(nubar_muL gamma nu_muL)(mubar_L gamma mu_L):
 * -g_l^2 / (2 sqrt2 G_F m_Z'^2) from eq. (5). */
int zp_flavour_CVLL_nunumumu(const zp_params *p, double *out, zp_status *st);

/* M_11 of eqs. (10)-(11): |V_us s - V_ub c|^2 with V_ub = |V_ub| e^(-i gamma_ckm). */
int zp_flavour_M11(const zp_params *p, double *out, zp_status *st);

#endif
