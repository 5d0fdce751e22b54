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

#include "zp_params.h"
#include "zp_status.h"

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

/* Partial width of channel c in GeV. */
int zp_widths_partial(const zp_params *p, zp_zp_channel c, double *out, zp_status *st);

/* All partial widths (GeV) and the total. */
int zp_widths_all(const zp_params *p, double gamma[ZP_ZP_NCHANNEL], double *total, zp_status *st);

/* Branching ratio of channel c. ZP_EDOM when every channel vanishes (all couplings zero). */
int zp_widths_BR(const zp_params *p, zp_zp_channel c, double *out, zp_status *st);

#endif
