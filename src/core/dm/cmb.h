/* cmb.h -- CMB energy-deposition efficiency f_eff of dark-matter annihilation, built from the
 * PPPC 4 DM ID e+ and gamma spectra and Slatyer's single-particle curves (eq. 49 of
 * arXiv:1702.00395 takes f_eff for b bbar from Slatyer, arXiv:1506.03811 [85]).
 *
 *   f_eff(m) = [ int dE E ( 2 f_eff^e(E) dN_e+/dE + f_eff^gamma(E) dN_gamma/dE ) ] / (2 m)
 *            = 1/2 int dlog10x x [ 2 f_eff^e(m x) dN_e+/dlog10x + f_eff^gamma(m x) dN_gamma/dlog10x ]
 *
 * (Slatyer 2016, eq. 2 and Fig. 3), E the kinetic energy, x = E/m, the factor 2 counting the
 * electrons (the PPPC positron table counts positrons only; the e- spectrum is identical).
 * Tables, found through the data search path:
 *   pppc4dmid/AtProduction_positrons.dat, pppc4dmid/AtProduction_gammas.dat (EW-corrected),
 *   cmb_feff/f_eff_ep.dat, cmb_feff/f_eff_g.dat (Fig. 3 of 1506.03811 digitised by Hazma).
 * The f_eff^e, f_eff^gamma curves are interpolated linearly in ln E and held constant outside
 * their tabulated range (5 keV - 5.9 TeV); energy below 5 keV carries < 1e-6 of the total.
 */
#ifndef ZP_CMB_H
#define ZP_CMB_H

#include "base/zp_params.h"
#include "base/zp_status.h"

#define ZP_CMB_POSITRONS "pppc4dmid/AtProduction_positrons.dat"
#define ZP_CMB_GAMMAS "pppc4dmid/AtProduction_gammas.dat"
#define ZP_CMB_FEFF_E "cmb_feff/f_eff_ep.dat"
#define ZP_CMB_FEFF_G "cmb_feff/f_eff_g.dat"

/* f_eff for DM DM -> channel (a PPPC channel name: "b", "e", "mu", "tau", "W", ...) at the DM
 * mass mdm (GeV, inside the PPPC grid 5 GeV - 100 TeV).  Errors: ZP_EDATA for a missing or
 * malformed table, ZP_EINVAL for an unknown channel, ZP_EDOM for mdm outside the tables. */
int zp_cmb_feff(const char *channel, double mdm, double *feff, zp_status *st);

/* The same integral with f_eff^e = f_eff^gamma = 1: the fractions of the annihilation energy
 * 2 mdm carried by e+ e- (both) and by photons.  Used to check the normalisation. */
int zp_cmb_energy_fractions(const char *channel, double mdm, double *frac_e, double *frac_g,
                            zp_status *st);

#endif
