/* flavour.h -- b -> s transitions and B_s mixing from Z' exchange (section 3 of
 * arXiv:1702.00395).  Wilson coefficients are new physics only, in the WCxf WET `flavio` basis.
 */
#ifndef ZP_FLAVOUR_H
#define ZP_FLAVOUR_H

#include "zp_params.h"
#include "zp_status.h"

/* g_q g_l sin(theta_D) cos(theta_D) / m_Z'^2 in GeV^-2: the b s mu mu / b s nu nu coupling of
 * eq. (8).  Errors: m_Z' <= 0. */
int zp_flavour_bsll_coupling(const zp_params *p, double *out, zp_status *st);

/* C9^NP = -C10^NP of eq. (15) (dimensionless, flavio normalisation). */
int zp_flavour_C9(const zp_params *p, double *out, zp_status *st);

/* C_VLL for B_s mixing, eq. (9), Lagrangian convention L = C (sbar gamma P_L b)^2, GeV^-2. */
int zp_flavour_CVLL(const zp_params *p, double *out, zp_status *st);

/* N C_VLL^SM of eq. (16) in GeV^-2 (Hamiltonian convention, positive). */
double zp_flavour_NCVLL_SM(const zp_params *p);

/* Delta M_s of eq. (17) in GeV. */
int zp_flavour_DeltaM_s_GeV(const zp_params *p, double *out, zp_status *st);

#endif
