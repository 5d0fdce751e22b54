/* formfactors.h -- B -> K and B -> K* form factors in the BSZ parametrisation.
 *
 * F(q^2) = P(q^2) sum_k a_k [z(q^2) - z(0)]^k,  P(q^2) = 1/(1 - q^2/m_R^2),
 * z(t) = (sqrt(t_+ - t) - sqrt(t_+ - t_0))/(sqrt(t_+ - t) + sqrt(t_+ - t_0)),
 * t_+- = (m_B +- m_M)^2, t_0 = t_+ (1 - sqrt(1 - t_-/t_+))
 * (Bharucha, Straub, Zwicky, arXiv:1503.05534, eqs. (3.1)-(3.3); conventions as in flavio 2.7.0).
 * The coefficients and pole masses are parameters of params.def (ffK_*, ffKst_*, BK_mpole_*,
 * BKst_mres_*); their defaults are the central values of the files in data/flavio/.
 */
#ifndef ZP_FORMFACTORS_H
#define ZP_FORMFACTORS_H

#include "base/zp_params.h"
#include "base/zp_status.h"

/* B -> K: vector f+, scalar f0, tensor fT (dimensionless). */
typedef struct {
    double fp, f0, fT;
} zp_ff_bk;

/* B -> K*: V, A0, A1, A12, T1, T2, T23 (dimensionless, lattice convention of arXiv:1503.05534). */
typedef struct {
    double V, A0, A1, A12, T1, T2, T23;
} zp_ff_bkstar;

/* The expansion variable z(q^2) for masses mB, mM [GeV] and q2 [GeV^2] < (mB + mM)^2. */
double zp_ff_z(double mB, double mM, double q2);

/* B+ -> K+ form factors at q2 [GeV^2] (masses m_Bp, m_Kp).  f0 uses a_0(f0) = a_0(f+), the
 * kinematic constraint f0(0) = f+(0).  Errors: q2 outside [0, (m_B - m_K)^2]. */
int zp_ff_bk_eval(const zp_params *p, double q2, zp_ff_bk *ff, zp_status *st);

/* B0 -> K*0 form factors at q2 [GeV^2] (masses m_B0, m_Kstar0).  Errors: q2 outside
 * [0, (m_B - m_K*)^2]. */
int zp_ff_bkstar_eval(const zp_params *p, double q2, zp_ff_bkstar *ff, zp_status *st);

#endif
