/* direct.h -- direct detection of the heavy-Z' Dirac dark matter (section 4.1.3 of
 * arXiv:1702.00395): the tree-level Z' u u coupling from quark mixing (eqs. 11, 35), the
 * tree-level nucleon cross section (eq. 36), one-loop kinetic mixing (eq. 37) and the
 * kinetic-mixing proton cross section (eqs. 38-39).  Cross sections are returned in GeV^-2.
 *
 * The printed eqs. (36) and (39) use the nucleon (proton) mass where the chi-nucleon reduced
 * mass mu_N = m_chi m_N / (m_chi + m_N) belongs; the functions below use mu_N, which tends to
 * the printed form for m_chi >> m_N (a 2.6% difference in the cross sections at m_chi = 70 GeV).
 */
#ifndef ZP_DIRECT_H
#define ZP_DIRECT_H

#include "base/zp_params.h"
#include "base/zp_status.h"

/* g_u = M_11 g_q, eqs. (11) and (35), with M_11 from the flavour module (zp_flavour_M11, which
 * keeps the CKM phase gamma_ckm; gamma_ckm = 0 is the paper's neglect of it). */
int zp_direct_g_u(const zp_params *p, double *out, zp_status *st);

/* Eq. (36): sigma_N = (g_chi g_u mu_n)^2 (1 + Z/A)^2 / (4 pi m_Z'^4), GeV^-2 -- the per-nucleon
 * cross section on a target (Z, A) = (Z_Xe, A_Xe) from the left-handed u coupling (vector part
 * g_u/2: 2 x g_u/2 on the proton, g_u/2 on the neutron), with the paper's corrected factor 4. */
int zp_direct_sigma_N_tree(const zp_params *p, double *out, zp_status *st);

/* Kinetic mixing epsilon (dimensionless, includes e = sqrt(4 pi alpha_0)) from the t, b, mu loops
 * cut off at mF (eq. 37, generalised to any g_l):
 *   epsilon = e / (12 pi^2) sum_f N_c Q_f g_f ln(m_f / mF),  f = t, b (g_q), mu (g_l).
 * For g_l = g_q/2 this is e g_q ln(m_t^4 / (m_b^2 m_mu mF)) / (24 pi^2) = 0.036 g_q e: the m_h
 * printed in eq. (37) is a misprint for m_b (with m_h the estimate would be 0.0071 g_q e).
 * Sign convention: positive for the paper's benchmark; only epsilon^2 enters sigma_p.
 * Errors: mF must exceed m_t. */
int zp_direct_epsilon(const zp_params *p, double *out, zp_status *st);

/* Eq. (39): sigma_p = (epsilon e g_chi mu_p)^2 / (pi m_Z'^4), GeV^-2. */
int zp_direct_sigma_p(const zp_params *p, double *out, zp_status *st);

/* The per-nucleon spin-independent cross section seen by a xenon experiment, GeV^-2:
 * sigma_N_tree + (Z/A)^2 sigma_p (the kinetic-mixing amplitude couples to protons only).  The two
 * amplitudes are added incoherently; their interference is below 1e-3 of the total in this
 * model (the tree term is ~1e-6 of the loop term). */
int zp_direct_sigma_SI(const zp_params *p, double *out, zp_status *st);

#endif
