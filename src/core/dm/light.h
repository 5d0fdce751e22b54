/* light.h -- light Z' + inelastic Majorana dark matter, section 4.2 of arXiv:1702.00395
 * (eqs. 41-50): dark-sector spectrum, threshold annihilation, the relic relation, the
 * Sommerfeld factor of phi exchange with its required size, cosmological and direct-detection
 * quantities.
 *
 * Parameters read (params.def): mchi = m_chi- (the light state, the dark matter today), mZp,
 * gchi, f, w, mphi, gq, gl, Phi_q, Phi_l, v_dm, alpha_phi_den, S_method, kappa and the inputs
 * of the section "light Z' variant" of params.def.  Masses in GeV, <sigma v> in GeV^-2 here
 * (the registry converts to cm^3/s).
 */
#ifndef ZP_LIGHT_H
#define ZP_LIGHT_H

#include "base/zp_params.h"
#include "base/zp_status.h"

/* eq. (42): the dark Higgs vev w from m_Z'^2 = (2 g_chi w)^2 + (g_q <Phi_q>)^2 + (g_l <Phi_l>)^2.
 * Errors: ZP_EDOM for g_chi <= 0; ZP_ENOSOL when the flavon terms alone exceed m_Z'. */
int zp_light_w_from_mZp(const zp_params *p, double *w, zp_status *st);

/* eq. (42): m_Z' from w, g_chi and the flavon terms. */
double zp_light_mZp_from_w(const zp_params *p);

/* Spectrum after symmetry breaking (eqs. 41-42): M = m_chi- + f w (the Dirac mass),
 * m_chi+ = m_chi- + 2 f w, delta m = 2 f w, lambda' = m_phi^2 / (2 w^2). */
double zp_light_delta_m(const zp_params *p);

/* eq. (43): <sigma v>(chi- chi- -> Z'Z') at threshold, GeV^-2, with the factor
 * (1 - 2 f m_Z'/(g_chi m_chi-)).  ZP_EDOM when g_chi <= 0 or the factor is negative (the
 * threshold expansion fails). */
int zp_light_sigmav_ZpZp(const zp_params *p, double *sv, zp_status *st);

/* eq. (44): <sigma v>(chi+ chi- -> Z' phi) at threshold, GeV^-2. */
int zp_light_sigmav_Zpphi(const zp_params *p, double *sv, zp_status *st);

/* eq. (45) with m_chi+ = m_chi-: (1/2) <sigma v>_Z'Z' + (1/2) <sigma v>_Z'phi, GeV^-2. */
int zp_light_sigmav_eff(const zp_params *p, double *sv, zp_status *st);

/* eq. (46): the right-hand side R = 32 pi m_chi^2 <sigma v>_eff (sigmav in GeV^-2) of
 * g_chi^4 + (g_chi^2 - f^2)^2 = R, i.e. eq. (45) without the m_Z'/m_chi corrections. */
double zp_light_relic_rhs(double mchi, double sigmav);

/* Solve eq. (46) for g_chi at given f >= 0 and R > 0.  With G = g_chi^2,
 * 2 G^2 - 2 f^2 G + f^4 - R = 0, G = (f^2 +- sqrt(2R - f^4))/2:
 *   f <= R^(1/4):               one root (the upper branch), *n = 1, g[0] = upper;
 *   R^(1/4) < f <= (2R)^(1/4):  two roots, *n = 2, g[0] = upper, g[1] = lower;
 *   f > (2R)^(1/4):             ZP_ENOSOL naming the range 0 <= f <= (2R)^(1/4). */
int zp_light_gchi_relic(double f, double R, double g[2], int *n, zp_status *st);

/* The Yukawa strength of the phi-exchange potential V = -alpha_phi e^(-m_phi r)/r:
 * alpha_phi = f^2 / (alpha_phi_den pi); alpha_phi_den = 16 is eq. (47). */
double zp_light_alpha_phi(const zp_params *p);

/* S_method as ZP_S_HULTHEN / ZP_S_EXACT; ZP_EINVAL unless it is 0 or 1. */
int zp_light_method(const zp_params *p, int *method, zp_status *st);

/* Sommerfeld factor of phi exchange for chi- chi- at velocity beta (c, each particle in the CM
 * frame), method ZP_S_HULTHEN (eq. 47) or ZP_S_EXACT.  Memoised on its inputs. */
int zp_light_S(const zp_params *p, int method, double beta, double *S, zp_status *st);

/* eq. (48): most probable DM velocity (in units of c) at redshift z after kinetic decoupling
 * at T ~ m_Z'/3: 1e-8 ((1+z)/600) sqrt((MeV/m_Z')(GeV/m_chi)). */
double zp_light_v0_kd(const zp_params *p, double z);

/* The m_phi on the main branch of Fig. 7: the largest m_phi with S(m_phi) = S_target at v_dm
 * (method of S_method), searched on [1e-4, 1e3] alpha_phi m_chi.  ZP_ENOSOL when S never
 * reaches S_target there. */
int zp_light_mphi_fit(const zp_params *p, double S_target, double *mphi, zp_status *st);

/* Largest inelastic splitting a nucleus of mass number A_Xe can excite: the whole kinetic
 * energy of relative motion, mu_N v_max^2 / 2 with v_max = v_esc + v_earth (GeV). */
double zp_light_delta_max_dd(const zp_params *p);

/* eq. (50): sigma_N = (y_h f theta m_N)^2 / (pi m_phi^4), theta = kappa v w / m_h^2; GeV^-2. */
double zp_light_sigma_N_higgs(const zp_params *p);

#endif
