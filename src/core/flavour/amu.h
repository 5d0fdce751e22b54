/* amu.h -- one-loop Z' contribution to the muon anomalous magnetic moment (section 3.6 of
 * arXiv:1702.00395), full Z' mass dependence.
 *
 * For L = mubar gamma^mu (C_V - C_A gamma5) mu X_mu with a neutral vector X of mass M:
 *   Delta a = C_V^2/(4 pi^2) int_0^1 dx x^2 (1-x) / (x^2 + (1-x) r)
 *           + C_A^2/(4 pi^2) int_0^1 dx [-x (1-x)(4-x) - 2 x^3 / r] / (x^2 + (1-x) r),  r = M^2/m^2.
 * [Leveille, Nucl. Phys. B137 (1978) 63; Jegerlehner & Nyffeler, Phys. Rept. 477 (2009) 1,
 * eq. (258)]  Limits: M >> m gives (C_V^2 - 5 C_A^2) m^2/(12 pi^2 M^2); M -> 0 gives
 * C_V^2/(8 pi^2) for the vector part (Schwinger).  The model's left-handed coupling g_l
 * (eq. 4) has C_V = C_A = g_l/2, so Delta a -> -g_l^2 m_mu^2/(12 pi^2 m_Z'^2) for a heavy Z'.
 */
#ifndef ZP_AMU_H
#define ZP_AMU_H

#include "base/zp_params.h"
#include "base/zp_status.h"

/* Delta a for couplings (cv, ca), fermion mass m and vector mass M (GeV).  Errors: M or m <= 0,
 * quadrature failure. */
int zp_amu_vector(double cv, double ca, double m, double M, double *out, zp_status *st);

/* The Z' contribution to a_mu in the model (C_V = C_A = g_l / 2). */
int zp_amu_Zp(const zp_params *p, double *out, zp_status *st);

#endif
