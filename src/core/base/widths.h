/* widths.h -- tree-level decay widths of the Z' (sections 3.5 and 4.1.2 of arXiv:1702.00395).
 *
 * Couplings: left-handed g_q to the third-generation quark doublet (b, t), left-handed g_l to
 * (nu_mu, mu), vector g_chi to a Dirac chi.  In the mass basis the down-type coupling is shared
 * between b and s by the theta_D rotation (c^4, s^4 and 2 s^2 c^2 for b b, s s and b s + s b);
 * the sum is g_q^2, so the "b" channel below is the whole down-type doublet component with the
 * b mass (exact for theta_D -> 0, and the mass effect of the s-quark part is negligible).
 */
#ifndef ZP_WIDTHS_H
#define ZP_WIDTHS_H

#include "base/zp_params.h"
#include "base/zp_status.h"

typedef enum {
    ZP_ZP_BB = 0, /* b bbar (down-type component of the quark doublet) */
    ZP_ZP_TT,     /* t tbar */
    ZP_ZP_MUMU,   /* mu+ mu- */
    ZP_ZP_NUNU,   /* nu_mu nubar_mu (left-handed only) */
    ZP_ZP_CHICHI, /* chi chibar (Dirac, vector coupling) */
    ZP_ZP_NCHANNEL
} zp_zp_channel;

/* Width for a vector boson of mass m into a fermion pair of mass mf, colour nc, with chiral
 * couplings L = Zbar' fbar gamma (gL P_L + gR P_R) f:
 *   Gamma = nc m beta [ (gL^2 + gR^2)(1 - r) + 6 gL gR r ] / (24 pi),  r = mf^2/m^2, beta = sqrt(1-4r).
 * Zero below threshold.  [standard result; e.g. PDG "Z boson" decay formula with gV, gA] */
double zp_width_vff(double m, double mf, double nc, double gL, double gR);

/* Top factor f of eq. (34), f = Gamma(Z' -> t tbar) / Gamma(Z' -> b bbar)|_{m_b = 0}, for the
 * purely left-handed coupling g_q of this model (g_V = g_A = g_q/2):
 *   f = (1 - x) sqrt(1 - 4x),  x = m_t^2 / m_Z'^2;  0 below threshold (x >= 1/4).
 * This is the f used by Gamma_Zp_tt and hence by BR_Zp_mumu. */
double zp_widths_f_top(double x);

/* The factor quoted in eq. (34) from Ref. [62] (Cline, Dupuis, Liu & Xue, arXiv:1405.7691),
 *   f = (1 + 7x/17) sqrt(1 - 4x),
 * which is the top factor of a kinetically mixed Z' with hypercharge-like couplings
 * (g_V/g_A = 5/3 for the top: g_V^2 (1 + 2x) + g_A^2 (1 - 4x) is proportional to 1 + 7x/17).
 * The printed sqrt(1 - 4x^2) is read as a misprint for sqrt(1 - 4x): with x = (m_t/m_Z')^2
 * only sqrt(1 - 4x) puts the threshold at m_Z' = 2 m_t.  Kept for comparison only; it is not
 * the right factor for the left-handed couplings of eq. (4). */
double zp_widths_f_top_ref62(double x);

/* Partial width of channel c in GeV. */
int zp_widths_partial(const zp_params *p, zp_zp_channel c, double *out, zp_status *st);

/* All partial widths (GeV) and the total. */
int zp_widths_all(const zp_params *p, double gamma[ZP_ZP_NCHANNEL], double *total, zp_status *st);

/* Branching ratio of channel c. ZP_EDOM when every channel vanishes (all couplings zero). */
int zp_widths_BR(const zp_params *p, zp_zp_channel c, double *out, zp_status *st);

#endif
