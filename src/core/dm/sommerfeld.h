/* sommerfeld.h -- s-wave Sommerfeld enhancement for an attractive Yukawa potential
 * (section 4.2.4 of arXiv:1702.00395).
 *
 * Conventions shared by every function below:
 *   V(r) = -alpha exp(-m_phi r) / r   between the two annihilating particles, each of mass mchi
 *                                     (reduced mass mchi/2);
 *   beta                              velocity of EACH particle in the centre-of-mass frame in
 *                                     units of c (relative velocity 2 beta), as in eq. (47);
 *   x = alpha / beta                  the Coulomb parameter (eq. 47 writes x = f^2/(16 pi beta),
 *                                     i.e. alpha = f^2/(16 pi); see docs/sommerfeld.md);
 *   b = m_phi / (mchi beta)           the screening parameter, m_phi over the momentum k = mchi beta;
 *   u = 6 / (pi^2 b)                  = 6 beta mchi / (pi^2 m_phi), eq. (47).
 * S = 1 for alpha = 0; S -> pi x / (1 - exp(-pi x)) for m_phi -> 0 (Coulomb).
 * Masses in GeV.  Errors: ZP_EDOM for alpha < 0, beta outside (0, 1), mchi <= 0, m_phi < 0 or
 * any non-finite input; ZP_ENUM when the ODE integration fails.
 */
#ifndef ZP_SOMMERFELD_H
#define ZP_SOMMERFELD_H

#include "base/zp_status.h"

enum { ZP_S_HULTHEN = 0, ZP_S_EXACT = 1 };

/* Coulomb limit pi x / (1 - exp(-pi x)), x = alpha/beta [Sommerfeld 1931]. */
double zp_sommerfeld_coulomb(double x);

/* eq. (47) (Cassel, arXiv:0903.5307), Hulthen approximation to the Yukawa potential, evaluated
 * through the exact identity |Gamma(1+iy)|^2 = pi y / sinh(pi y):
 *   S = pi x sinh(2 pi u) / (cosh(2 pi u) - cos(2 pi sqrt(x u - u^2)))   (x > u; cosh for x < u).
 * A few elementary functions: ~1e7 evaluations per second. */
int zp_sommerfeld_hulthen(double alpha, double beta, double mchi, double mphi, double *S,
                          zp_status *st);

/* eq. (47) literally: |Gamma(a+) Gamma(a-) / Gamma(1 + 2 i u)|^2 with GSL's complex log-Gamma.
 * Same result as zp_sommerfeld_hulthen (a test checks it); slower. */
int zp_sommerfeld_hulthen_gamma(double alpha, double beta, double mchi, double mphi, double *S,
                                zp_status *st);

/* Exact s-wave enhancement of the Yukawa potential: the radial equation
 *   u'' + [1 + x exp(-b s)/s] u = 0,  s = mchi beta r,  u(0) = 0, u'(0) = 1,
 * integrated with GSL's adaptive rk8pd in Pruefer variables (u = R sin theta, u' = R cos theta),
 * out to where the potential is negligible; S = 1 / R_inf^2, with R_inf from the WKB invariant
 * k u^2 + u'^2/k averaged over a quarter period.  Relative accuracy ~1e-6.  m_phi = 0 is the
 * Coulomb potential (integrated, not the closed form). */
int zp_sommerfeld_exact(double alpha, double beta, double mchi, double mphi, double *S,
                        zp_status *st);

/* zp_sommerfeld_exact with the tolerances given: ode_tol, the absolute error of the Pruefer
 * variables per step, and tail_tol, where the potential counts as spent (both in (0, 1e-2]).
 * zp_sommerfeld_exact uses SOMM_ODE_TOL and SOMM_TAIL_TOL, chosen from the measured
 * accuracy-vs-cost curve in docs/sommerfeld.md (scripts/bench/sommerfeld_tol.sh). */
int zp_sommerfeld_exact_tol(double alpha, double beta, double mchi, double mphi, double ode_tol,
                            double tail_tol, double *S, zp_status *st);

/* Dispatch on method (ZP_S_HULTHEN or ZP_S_EXACT); ZP_EINVAL for any other method. */
int zp_sommerfeld(int method, double alpha, double beta, double mchi, double mphi, double *S,
                  zp_status *st);

/* Roots in m_phi of S(m_phi) = S_target on [mphi_lo, mphi_hi] (GeV, 0 < lo < hi): S is sampled
 * on ngrid (>= 2) log-spaced points, every sign change of ln S - ln S_target is refined with
 * Brent's method to 1e-7 in ln m_phi.  Roots are returned in ascending order in roots[0..*nroots-1]
 * (at most maxroots; further ones are dropped).  Features narrower than the grid spacing can be
 * missed: choose ngrid accordingly (resonances at low beta are narrow). */
/* Largest grid of zp_sommerfeld_mphi_roots (the exact S costs ~ms a point). */
#define ZP_SOMM_NGRID_MAX 1000000

int zp_sommerfeld_mphi_roots(int method, double S_target, double alpha, double beta, double mchi,
                             double mphi_lo, double mphi_hi, int ngrid, double *roots,
                             int maxroots, int *nroots, zp_status *st);

#endif
