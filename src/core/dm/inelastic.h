/* inelastic.h -- tree-level annihilation of the inelastic Majorana dark sector of section 4.2 of
 * arXiv:1702.00395 (eqs. 41-42) at any energy, and its coannihilation thermal average.
 *
 * The Dirac chi of eq. (41) splits into the Majorana states chi- (mass m = mchi, the dark
 * matter) and chi+ (m + delta m, delta m = 2 f w).  In Majorana fields the interactions of
 * eq. (42) are
 *
 *   L = -i g_chi chibar+ gamma^mu chi- Z'_mu - (f/2) varphi (chibar+ chi+ - chibar- chi-)
 *       + 4 g_chi^2 w varphi Z'.Z' - lambda' w varphi^3 + (chi+ chi- -> Z'* -> f fbar),
 *
 * (chi = (chi+ + i chi-)/sqrt 2; the factor i makes the off-diagonal vector current of two
 * Majorana fields hermitian; m_phi^2 = 2 lambda' w^2).  The channels, all at tree level in
 * unitary gauge with the Feynman rules for Majorana fermions of Denner, Eck, Hahn & Kueblbeck,
 * Nucl. Phys. B387 (1992) 467:
 *
 *   chi- chi- -> Z'Z'       t/u-channel chi+, s-channel varphi       (eq. 43 at threshold)
 *   chi+ chi+ -> Z'Z'       t/u-channel chi-, s-channel varphi       (eq. 43)
 *   chi+- chi+- -> varphi varphi  t/u-channel chi+-, s-channel varphi (p-wave; neglected by the paper)
 *   chi+ chi- -> Z' varphi  t/u-channel chi+ and chi-, s-channel Z'  (eq. 44)
 *   chi+ chi- -> Z'* -> b bbar, t tbar, mu mu, nu nu (the heavy model's s-channel formula at the
 *                           mean mass; g_q, g_l ~ 0.005 make it ~1e-4 of the rest)
 *
 Each amplitude vbar(p2) G u(p1) is evaluated numerically for every spin and polarisation
 * (explicit Dirac spinors; linear polarisations of the massive Z', whose three states sum to
 * -g + k k/M^2), G applied to u(p1) factor by factor, and |M|^2 summed; the angle is integrated
 * by Gauss-Legendre in ln(1 - B cos theta) towards each forward peak.  sigma v uses the Moller
 * velocity v = p sqrt(s)/(E1 E2).
 *
 * The coannihilation thermal average is the Edsjo-Gondolo single integral (Phys. Rev. D56
 * (1997) 1879, eq. (3.8)) with sqrt(s) = m (2 + eps):
 *
 *   <sigma_eff v>(x) = x/8 sum_ij g_i g_j int deps sigma_ij 8 p_ij^2 (2 + eps)^2 / m^2 K_1(x (2 + eps))
 *                      / (sum_k g_k (m_k/m)^2 K_2(x m_k/m))^2,
 *
 * g = 2 for each state; for one state it is Gondolo-Gelmini's.  sigma_ij v_ij of each pair is a
 * Chebyshev series in ln(1 + (eps - eps_ij)/0.25) from 31 exact evaluations per model.
 *
 * The Z' mass in these amplitudes is its dark-Higgs part 2 g_chi w.  Eq. (42) also lets the
 * flavon give m_Z' a part g_q <Phi_q> (4.2 of 12 GeV in the paper); the longitudinal Z' is then
 * partly the flavon's Goldstone, which does not couple to chi, and its orthogonal partner is a
 * physical pseudoscalar the paper leaves out.  Tree unitarity holds only with both (with the
 * physical m_Z' and the couplings of eq. (42) alone, chi+ chi- -> Z' varphi grows like s/m_Z'^2);
 * by Goldstone equivalence their rates add up to those of the dark-Higgs-only Z', which is what is
 * computed.  The physical m_Z' enters sigma v only through O(m_Z'^2/m_chi^2) ~ 1e-5 kinematics;
 * the s-channel SM pairs use it.
 *
 * Units: GeV inside; sigma v in GeV^-2.  Requires 2 g_chi w and m_phi below m_chi (all final
 * states open at threshold, no s-channel pole above it), and delta m = 2 f w < 2 g_chi w, i.e. f < g_chi
 * (else chi+ -> chi- Z' is on shell and the t-channel exchange diverges).  The cancellations of
 * the longitudinal Z' stay accurate in double precision: s sigma v grows only logarithmically up
 * to s/m_Z'^2 ~ 1e16 (tested to 1e12).
 */
#ifndef ZP_INELASTIC_H
#define ZP_INELASTIC_H

#include "base/zp_params.h"
#include "base/zp_status.h"
#include "dm/thermal.h"

/* Gauss-Legendre nodes per half of cos theta (<sigma v>(x) with 16 agrees with 24 to 1e-9). */
#define ZP_IN_ANG 16

typedef enum { ZP_IN_MM = 0, ZP_IN_PP, ZP_IN_PM, ZP_IN_NPAIR } zp_in_pair; /* chi-chi-, chi+chi+, chi+chi- */

typedef enum {
    ZP_IN_ZZ = 0, /* Z'Z' (pairs MM, PP) */
    ZP_IN_PHIPHI, /* varphi varphi (MM, PP) */
    ZP_IN_ZPHI,   /* Z' varphi (PM) */
    ZP_IN_SM,     /* Z'* -> f fbar (PM) */
    ZP_IN_NCHANNEL
} zp_in_channel;

typedef struct {
    double m[2];   /* m_chi-, m_chi+ [GeV] */
    double mZp, mphi, w; /* GeV; mZp = 2 g_chi w, the dark-Higgs part of m_Z' (see above) */
    double g, f;   /* gchi, f */
    double lam;    /* lambda' = m_phi^2 / (2 w^2) */
    double czz;    /* varphi Z'Z' coupling 8 g_chi^2 w (eq. 42) */
    zp_thermal_model sm; /* the s-channel Z' -> SM channels at the mean mass (no Z'Z') */
    double glx[ZP_IN_ANG], glw[ZP_IN_ANG]; /* Gauss-Legendre rule on [-1, 1] for the angle */
} zp_inel_model;

/* The sector of p (mchi, f, w, gchi, mZp, mphi and the heavy model's SM inputs).
 * Errors: ZP_EDOM for non-positive masses or w, or delta m >= m_Z'. */
int zp_inel_model_from_params(const zp_params *p, zp_inel_model *mod, zp_status *st);

/* sigma v [GeV^-2] of pair at s [GeV^2], per channel (ch may be NULL) and in total; 0 below the
 * pair's threshold.  v is the Moller velocity p sqrt(s)/(E1 E2). */
double zp_inel_sigmav_s(const zp_inel_model *mod, int pair, double s, double ch[ZP_IN_NCHANNEL]);

/* The same at the pair's kinetic energy per m_chi-, e = (sqrt s - m_i - m_j)/m_chi- >= 0. */
double zp_inel_sigmav_e(const zp_inel_model *mod, int pair, double e, double ch[ZP_IN_NCHANNEL]);

/* Threshold expansion sigma v_lab = a + b v^2 of each pair [GeV^-2] (as zp_thermal_ab, with
 * s = (m_i + m_j)^2 / (1 - v_rel^2/4)). */
void zp_inel_ab(const zp_inel_model *mod, double a[ZP_IN_NPAIR], double b[ZP_IN_NPAIR]);

/* The coannihilation table: <sigma_eff v>(x) of chi- and chi+ (Edsjo-Gondolo), in the layout of
 * thermal.h so that zp_thermal_table_eval / zp_thermal_table_quad serve it.
 * Errors: those of the model, ZP_ENOMEM, ZP_ENUM. */
int zp_inel_table_init(zp_thermal_table *t, const zp_inel_model *mod, zp_status *st);

/* <sigma_eff v>(x) [GeV^-2] by adaptive quadrature of the exact sigma v (no Chebyshev series):
 * the slow reference.  Errors: ZP_EDOM for x outside [1, 1e5], ZP_ENUM. */
int zp_inel_sigmav_direct(const zp_inel_model *mod, double x, double *out, zp_status *st);

#endif
