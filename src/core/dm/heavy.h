/* heavy.h -- heavy Z' + Dirac dark matter (section 4.1 of arXiv:1702.00395): annihilation
 * <sigma v> (eq. 32 and footnote 3), couplings from the relic target (eq. 33, solved
 * numerically), running of g_chi above m_Z' and the perturbativity scale Lambda_UV (Fig. 3).
 *
 * Couplings: left-handed g_q to (t, b), left-handed g_l to (nu_mu, mu), vector g_chi to a Dirac
 * chi (eqs. 4 and 31).  As in widths.h, the "b" channel is the whole down-type doublet component
 * (the theta_D rotation only shares g_q^2 between b b, s s and b s; the sum is unchanged).
 */
#ifndef ZP_HEAVY_H
#define ZP_HEAVY_H

#include "base/zp_params.h"
#include "base/zp_status.h"

typedef enum {
    ZP_HV_BB = 0, /* chi chibar -> b bbar */
    ZP_HV_TT,     /* chi chibar -> t tbar (open for m_chi > m_t) */
    ZP_HV_MUMU,   /* chi chibar -> mu+ mu- */
    ZP_HV_NUNU,   /* chi chibar -> nu_mu nubar_mu (left-handed only) */
    ZP_HV_NCHANNEL
} zp_hv_channel;

/* s-wave (v -> 0) <sigma v> of a Dirac chi (vector coupling gchi, mass mchi) into f fbar with
 * chiral couplings gL, gR, colour factor nc and mass mf, divided by the propagator factor:
 *   sigma v * D = nc gchi^2 beta_f [ g_V^2 (2 mchi^2 + mf^2) + 2 g_A^2 (mchi^2 - mf^2) ] / (2 pi)
 * with g_V = (gL + gR)/2, g_A = (gL - gR)/2, beta_f = sqrt(1 - mf^2/mchi^2); 0 below threshold.
 * Units: GeV^2 (divide by D in GeV^4 to get GeV^-2).  For gR = 0 and mf = 0 this is eq. (32)'s
 * nc g_f^2 gchi^2 mchi^2 / (2 pi); for the top (gR = 0) the mass factor is
 * beta_t (1 - m_t^2/(4 mchi^2)): footnote 3's beta_t (1 + m_t^2/(2 mchi^2)) on the vector half
 * of the current and beta_t^3 on the axial half.  [derived from the tree-level amplitude] */
double zp_heavy_sv_numerator(double mchi, double mf, double nc, double gL, double gR, double gchi);

/* The propagator factor D in GeV^4: (4 mchi^2 - m_Z'^2)^2 + m_Z'^2 Gamma_Z'^2 with the total width
 * of widths.h, or m_Z'^4 when sigmav_contact = 1 (eq. 32's limit m_chi << m_Z').
 * Errors: ZP_EDOM unless mchi < m_Z' (the heavy variant omits chi chibar -> Z' Z'). */
int zp_heavy_propagator(const zp_params *p, double *D, zp_status *st);

/* <sigma v> per channel and in total, GeV^-2 (eq. 32 and footnote 3). */
int zp_heavy_sigmav(const zp_params *p, double sv[ZP_HV_NCHANNEL], double *total, zp_status *st);

/* Couplings from the relic target. */
typedef struct {
    double gq, gl, gchi; /* g_q, g_l = g_q/n_q, g_chi = n_chi g_q */
    double sigmav;       /* <sigma v> at the solution, GeV^-2 (equals the target) */
} zp_heavy_couplings;

/* Solve <sigma v>(g_q; g_l = g_q/nq, g_chi = nchi g_q) = target (GeV^-2) for g_q > 0 by Brent's
 * method on ln g_q, with every other input from p (m_Z', m_chi, masses, sigmav_contact).  The
 * full-propagator <sigma v> grows monotonically with g_q and saturates (Gamma ~ g^2), so the
 * root is unique when it exists.  Errors: ZP_EDOM for nq, nchi <= 0 or a non-positive target;
 * ZP_ENOSOL when the target needs g_chi > 4 pi, g_q > 10 or g_l > 10 (the parameter ranges);
 * ZP_ENUM if the root finder fails.  Eq. (33) is the contact-limit special case. */
int zp_heavy_relic_couplings(const zp_params *p, double nq, double nchi, double target,
                             zp_heavy_couplings *out, zp_status *st);

/* The closed-form coefficient C of eq. (33), g_q sqrt(n_chi) m70^(1/2) = C m_Z'/TeV, in the
 * contact limit below the top threshold with massless final states:
 *   C = [ 2 pi target / ((3 + 2/nq^2) (70 GeV)^2) ]^(1/4) * 1000 GeV;  target in GeV^-2.
 * (1.084 for 4.4e-26 cm^3/s and n_q = 2; the paper prints 1.09.) */
double zp_heavy_eq33_coefficient(double target, double nq);

/* g_chi(mu) from dg/d ln mu = g^3/(12 pi^2) between m_Z' and mu (section 4.1.1): g_chi for
 * mu <= m_Z' (the Z' is integrated out), g_chi / sqrt(1 - g_chi^2 ln(mu/m_Z')/(6 pi^2)) above.
 * Errors: ZP_EDOM for mu <= 0 or mu at or beyond the Landau pole. */
int zp_heavy_gchi_run(const zp_params *p, double mu, double *out, zp_status *st);

/* Lambda_UV in GeV: the scale where alpha_chi = g_chi^2/(4 pi) reaches alpha_chi_max when g_chi(m_Z')
 * = gchi (Fig. 3): m_Z' exp[6 pi^2 (1/g_chi^2 - 1/(4 pi alpha_chi_max))].  m_Z' when alpha_chi
 * already exceeds alpha_chi_max at m_Z'; +infinity when gchi = 0 or the scale overflows. */
int zp_heavy_Lambda_UV(const zp_params *p, double *out, zp_status *st);

#endif
