/* xsec.h -- sigma(pp -> Z') at leading order in the narrow-width approximation (section 4.1.2
 * of arXiv:1702.00395) and the sigma x BR observables of Figure 4.
 *
 * For a Z' coupled as Zbar'_mu qbar_a gamma^mu (g_L P_L + g_R P_R) q_b + h.c. the partonic cross
 * section is sigma_hat = (pi/6) (g_L^2 + g_R^2) delta(s_hat - m^2) [e.g. Z'-explorer's sigmatot;
 * 16 pi^2 (2J+1)/(4 N_c^2) N_c Gamma(Z' -> q qbar)/m], so with tau = m^2/s and F = x f(x, mu_F)
 *   sigma = K (pi/6) (g_L^2 + g_R^2) / m^2 * J,
 *   J = int_{ln tau}^0 du [F_a(e^u) F_bbar(tau e^-u) + F_bbar(e^u) F_a(tau e^-u)]   (+ a <-> b).
 * Couplings of the model (purely left-handed, eqs. 4-7 and 11): in the mass basis the third-
 * generation down-type coupling g_q is shared as g_q cos^2(theta_D) (b b), g_q sin^2(theta_D)
 * (s s), -g_q sin(theta_D) cos(theta_D) (b s + s b), and the up quark couples with g_q M_11
 * (eq. 11).  The charm coupling g_q M_22 ~ g_q |V_cb|^2 is not included (sigma_cc/sigma_bb
 * ~ 3e-6 for theta_D = 0.004).
 */
#ifndef ZP_XSEC_H
#define ZP_XSEC_H

#include "base/zp_params.h"
#include "base/zp_status.h"
#include "collider/pdf.h"

/* The PDF grid every LHC observable reads (NNPDF2.3 LO, alpha_s = 0.130; MadGraph5's LO default). */
#define ZP_LHC_PDF "lhc/pdf/NNPDF23_lo_as_0130_qed_0000.dat"

/* 1 GeV^-2 in pb: (hbar c)^2 = 0.3893793656 GeV^2 mbarn (CODATA 2014, PDG 2016). */
#define ZP_GEVM2_TO_PB 0.3893793656e9

typedef enum {
    ZP_LHC_BB = 0, /* b bbar */
    ZP_LHC_SS,     /* s sbar */
    ZP_LHC_BS,     /* b sbar + s bbar */
    ZP_LHC_UU,     /* u ubar */
    ZP_LHC_DD,     /* d dbar (no coupling in the model; for cross-checks) */
    ZP_LHC_CC,     /* c cbar (not coupled here, see above; for cross-checks) */
    ZP_LHC_NCH
} zp_lhc_channel;

/* Parton luminosity integrals J of every channel (dimensionless, see above) for a resonance of
 * mass m [GeV] at centre-of-mass energy sqrt_s [GeV] with factorisation scale muF [GeV].
 * ZP_EDOM when m >= sqrt_s, or when x or mu_F leaves the PDF grid. */
int zp_lhc_lumis(const zp_pdf *pdf, double m, double sqrt_s, double muF, double J[ZP_LHC_NCH], zp_status *st);

/* The same J for one channel with GSL's adaptive integrator (QAGS): a second method for tests. */
int zp_lhc_lumi_adaptive(const zp_pdf *pdf, zp_lhc_channel ch, double m, double sqrt_s, double muF, double *J,
                         zp_status *st);

/* g_L^2 + g_R^2 of each channel for the model p (eqs. 4-7, 11). */
int zp_lhc_couplings(const zp_params *p, double c2[ZP_LHC_NCH], zp_status *st);

/* sigma(pp -> Z') of each channel in pb (K_lhc included) for the model p, reading the shared
 * grid ZP_LHC_PDF.  sigma[ZP_LHC_DD] and sigma[ZP_LHC_CC] are zero (no coupling). */
int zp_lhc_sigma(const zp_params *p, double sigma[ZP_LHC_NCH], double *total, zp_status *st);

#endif
