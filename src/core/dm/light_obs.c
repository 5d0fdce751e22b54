/* light_obs.c -- registry entries of section 4.2 of arXiv:1702.00395 (light Z' + inelastic
 * Majorana dark matter).  The physics is in light.c, sommerfeld.c and cmb.c. */
#include <math.h>
#include <stddef.h>

#include "dm/cmb.h"
#include "dm/light.h"
#include "dm/sommerfeld.h"
#include "base/zp_registry.h"
#include "base/zp_units.h"

/* Adaptor for a function that fills a value in GeV^-2 and reports a status: converted to cm^3/s. */
#define SV_CM3S(name, fn)                                                                      \
    static int name(const zp_params *p, const double *a, double *out, zp_status *st)           \
    {                                                                                          \
        (void)a;                                                                               \
        int rc = fn(p, out, st);                                                               \
        *out = zp_gevm2_to_cm3s(*out);                                                         \
        return rc;                                                                             \
    }
SV_CM3S(obs_sv_zz, zp_light_sigmav_ZpZp)
SV_CM3S(obs_sv_zphi, zp_light_sigmav_Zpphi)
SV_CM3S(obs_sv_eff, zp_light_sigmav_eff)

/* Adaptor for a closed-form expression of p that cannot fail. */
#define PLAIN(name, expr)                                                                      \
    static int name(const zp_params *p, const double *a, double *out, zp_status *st)           \
    {                                                                                          \
        (void)a, (void)st;                                                                     \
        *out = (expr);                                                                         \
        return ZP_OK;                                                                          \
    }
#define V(id) (p->v[ZP_##id])
PLAIN(obs_mZp_from_w, zp_light_mZp_from_w(p))
PLAIN(obs_M_chi, V(MCHI) + V(F) * V(W))
PLAIN(obs_mchi_plus, V(MCHI) + zp_light_delta_m(p))
PLAIN(obs_delta_m, zp_light_delta_m(p))
PLAIN(obs_relic_lhs, pow(V(GCHI), 4) + pow(V(GCHI) * V(GCHI) - V(F) * V(F), 2))
PLAIN(obs_relic_rhs, zp_light_relic_rhs(V(MCHI), zp_cm3s_to_gevm2(V(SIGMAV_MAJ))))
PLAIN(obs_alpha_phi, zp_light_alpha_phi(p))
PLAIN(obs_S_sat_v, V(MPHI) / V(MCHI))
/* section 4.2.4, [79]: Z' exchange negligible for delta m > alpha'^2 M/2, alpha' = g_chi^2/(4 pi) */
PLAIN(obs_dm_zp_min, pow(V(GCHI) * V(GCHI) / (4.0 * ZP_PI), 2) * V(MCHI) / 2.0)
PLAIN(obs_v0_kd, zp_light_v0_kd(p, V(Z_CMB)))
PLAIN(obs_delta_max_dd, zp_light_delta_max_dd(p))
PLAIN(obs_theta, V(KAPPA) * V(V_H) * V(W) / (V(M_H) * V(M_H)))
PLAIN(obs_ftheta, V(F) * V(KAPPA) * V(V_H) * V(W) / (V(M_H) * V(M_H)))
PLAIN(obs_sigma_N, zp_gevm2_to_cm2(zp_light_sigma_N_higgs(p)))
/* f theta <= ftheta_max with theta = kappa v w / m_h^2 (text after eq. 50) */
PLAIN(obs_kappa_max, V(FTHETA_MAX) * V(M_H) * V(M_H) / (V(V_H) * V(W) * V(F)))
/* section 4.2.5: BR(h -> phi phi) ~ (kappa v / m_b)^2 */
PLAIN(obs_br_h_est, pow(V(KAPPA) * V(V_H) / V(M_B), 2))
PLAIN(obs_gchi_over_mZp, V(GCHI) / (V(MZP) / 1000.0))
PLAIN(obs_gqgl_over_mZp, sqrt(fabs(V(GQ) * V(GL))) / (V(MZP) / 1000.0))
/* chi+ -> chi- nu_mu nubar_mu through a virtual Z' is open for any delta m > 0 (section 4.2.2) */
PLAIN(obs_chi_plus_open, zp_light_delta_m(p) > 0.0 ? 1.0 : 0.0)

/* eq. (42): m_phi = sqrt(2 lambda') w */
static int obs_lambda_phi(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    if (!(V(W) > 0.0))
        return zp_fail(st, ZP_EDOM, "lambda_phi = m_phi^2 / (2 w^2) needs w > 0, got w = %g GeV (eq. (42))", V(W));
    *out = V(MPHI) * V(MPHI) / (2.0 * V(W) * V(W));
    return ZP_OK;
}

/* section 4.2.4, [79]: smallest f with 2 f w > alpha'^2 M/2 */
static int obs_f_min_zp(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    if (!(V(W) > 0.0))
        return zp_fail(st, ZP_ENOSOL, "f_min_zp_exchange: no f gives 2 f w > alpha'^2 M/2 for w = %g GeV (needs w > 0)",
                       V(W));
    *out = pow(V(GCHI) * V(GCHI) / (4.0 * ZP_PI), 2) * V(MCHI) / (4.0 * V(W));
    return ZP_OK;
}

static int obs_w_from_mZp(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return zp_light_w_from_mZp(p, out, st);
}

/* Gamma(h -> phi phi) = (kappa v)^2 beta_phi / (32 pi m_h) from -(kappa v/2) h phi^2. */
static double gamma_h_phiphi(const zp_params *p)
{
    double r = 4.0 * V(MPHI) * V(MPHI) / (V(M_H) * V(M_H));
    if (r >= 1.0)
        return 0.0;
    double kv = V(KAPPA) * V(V_H);
    return kv * kv * sqrt(1.0 - r) / (32.0 * ZP_PI * V(M_H));
}
PLAIN(obs_gamma_h, gamma_h_phiphi(p))
PLAIN(obs_br_h, gamma_h_phiphi(p) / (V(GAMMA_H) + gamma_h_phiphi(p)))

static int S_with(const zp_params *p, int method, double beta, double *out, zp_status *st)
{
    int rc = method < 0 ? zp_light_method(p, &method, st) : ZP_OK;
    if (rc != ZP_OK)
        return rc;
    return zp_light_S(p, method, beta, out, st);
}

static int obs_S_hulthen(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return S_with(p, ZP_S_HULTHEN, V(V_DM), out, st);
}

static int obs_S_exact(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return S_with(p, ZP_S_EXACT, V(V_DM), out, st);
}

static int obs_S(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return S_with(p, -1, V(V_DM), out, st);
}

static int obs_S_cmb(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return S_with(p, -1, zp_light_v0_kd(p, V(Z_CMB)), out, st);
}

static int obs_S_bbn(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return S_with(p, -1, zp_light_v0_kd(p, V(Z_BBN)), out, st);
}

static int obs_S_required(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    double sv = 0.0;
    int rc = zp_light_sigmav_ZpZp(p, &sv, st);
    if (rc != ZP_OK)
        return rc;
    *out = zp_cm3s_to_gevm2(V(SIGMAV_PBAR)) / sv; /* Table II (right) over eq. (43) */
    return ZP_OK;
}

/* S(beta) <sigma v>(chi- chi- -> Z'Z') in cm^3/s, S at the velocity of v_dm, z_cmb or z_bbn. */
static int late_sigmav(const zp_params *p, double beta, double *out, zp_status *st)
{
    double sv = 0.0, S = 0.0;
    int rc = zp_light_sigmav_ZpZp(p, &sv, st);
    if (rc == ZP_OK)
        rc = S_with(p, -1, beta, &S, st);
    if (rc != ZP_OK)
        return rc;
    *out = zp_gevm2_to_cm3s(S * sv);
    return ZP_OK;
}

static int obs_sv_late(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return late_sigmav(p, V(V_DM), out, st);
}

static int obs_sv_bbn(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return late_sigmav(p, zp_light_v0_kd(p, V(Z_BBN)), out, st);
}

static int obs_sv_feff_cmb(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    double feff = 0.0;
    int rc = late_sigmav(p, zp_light_v0_kd(p, V(Z_CMB)), out, st);
    if (rc == ZP_OK)
        rc = zp_cmb_feff("b", V(MCHI), &feff, st);
    if (rc != ZP_OK)
        return rc;
    *out *= feff; /* left-hand side of eq. (49) */
    return ZP_OK;
}

static int obs_pann_cmb(const zp_params *p, const double *a, double *out, zp_status *st)
{
    int rc = obs_sv_feff_cmb(p, a, out, st);
    *out /= V(MCHI); /* eq. (49) divided by m_chi/GeV */
    return rc;
}

static int obs_mphi_fit(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    double S = 0.0;
    int rc = obs_S_required(p, NULL, &S, st);
    if (rc != ZP_OK)
        return rc;
    return zp_light_mphi_fit(p, S, out, st);
}

#define TH_IN "gchi f mZp mchi"
#define SOM_IN "f alpha_phi_den mchi mphi v_dm"
const zp_obs_def zp_obs_light[] = {
    {"w_from_mZp", "GeV", "dark Higgs vev w that gives m_Z' through (2 g_chi w)^2 + (g_q Phi_q)^2 + (g_l Phi_l)^2",
     "eq. (42)", "mZp gchi gq gl Phi_q Phi_l", 0, NULL, obs_w_from_mZp},
    {"mZp_from_w", "GeV", "m_Z' = sqrt((2 g_chi w)^2 + (g_q Phi_q)^2 + (g_l Phi_l)^2) from the model's w", "eq. (42)",
     "gchi w gq gl Phi_q Phi_l", 0, NULL, obs_mZp_from_w},
    {"M_dirac", "GeV", "Dirac mass M of chi before symmetry breaking, M = m_chi- + f w", "eq. (41)", "mchi f w", 0,
     NULL, obs_M_chi},
    {"mchi_plus", "GeV", "mass of the heavier Majorana state chi+, m_chi- + 2 f w", "eqs. (41)-(42)", "mchi f w", 0,
     NULL, obs_mchi_plus},
    {"delta_m", "GeV", "mass splitting m_chi+ - m_chi- = 2 f w", "section 4.2.2", "f w", 0, NULL, obs_delta_m},
    {"lambda_phi", "1", "dark Higgs quartic lambda' = m_phi^2 / (2 w^2)", "eq. (42)", "mphi w", 0, NULL, obs_lambda_phi},
    {"sigmav_ZpZp", "cm^3/s", "<sigma v>(chi- chi- -> Z'Z') at threshold, with the (1 - 2 f mZp/(gchi mchi)) factor",
     "eq. (43)", TH_IN, 0, NULL, obs_sv_zz},
    {"sigmav_Zpphi", "cm^3/s", "<sigma v>(chi+ chi- -> Z' phi) at threshold", "eq. (44)", TH_IN, 0, NULL, obs_sv_zphi},
    {"sigmav_eff", "cm^3/s", "effective freeze-out <sigma v> for m_chi+ = m_chi-: Z'Z'/2 + Z'phi/2", "eq. (45)",
     TH_IN, 0, NULL, obs_sv_eff},
    {"relic_eq46_lhs", "1", "g_chi^4 + (g_chi^2 - f^2)^2, the left-hand side of the relic relation", "eq. (46)",
     "gchi f", 0, NULL, obs_relic_lhs},
    {"relic_eq46_rhs", "1", "32 pi m_chi^2 <sigma v>_relic (0.75 at 1950 GeV, 0.64 at 1800 GeV for 2.3e-26 cm^3/s)",
     "eq. (46)", "mchi sigmav_relic_majorana", 0, NULL, obs_relic_rhs},
    {"alpha_phi", "1", "strength of the phi-exchange Yukawa potential, f^2/(alpha_phi_den pi)", "eq. (47)",
     "f alpha_phi_den", 0, NULL, obs_alpha_phi},
    {"S_hulthen", "1", "Sommerfeld factor of phi exchange at v_dm, Hulthen approximation (Cassel's formula)",
     "eq. (47)", SOM_IN, 0, NULL, obs_S_hulthen},
    {"S_exact", "1", "Sommerfeld factor of phi exchange at v_dm from the radial Schroedinger equation (Yukawa)",
     "section 4.2.4", SOM_IN, 0, NULL, obs_S_exact},
    {"S", "1", "Sommerfeld factor at v_dm with the method of S_method (0 Hulthen, 1 exact)", "eq. (47)",
     SOM_IN " S_method", 0, NULL, obs_S},
    {"S_required", "1", "Sommerfeld factor needed for the antiproton signal: sigmav_pbar_fit / sigmav_ZpZp (S ~ 3, 8, 45 for MAX, MED, MIN)",
     "section 4.2.4; Table II", TH_IN " sigmav_pbar_fit", 0, NULL, obs_S_required},
    {"sigmav_late", "cm^3/s", "galactic <sigma v> today, S(v_dm) sigmav_ZpZp, compared with the antiproton fit",
     "eqs. (43), (47); Table II", TH_IN " " SOM_IN " S_method", 0, NULL, obs_sv_late},
    {"mphi_fit", "GeV", "the m_phi of Fig. 7: largest m_phi with S(v_dm) = S_required", "Fig. 7",
     TH_IN " " SOM_IN " S_method sigmav_pbar_fit", 0, NULL, obs_mphi_fit},
    {"S_saturation_v", "c", "velocity below which S saturates, v_min ~ m_phi/m_chi", "section 4.2.4", "mphi mchi", 0,
     NULL, obs_S_sat_v},
    {"dm_zp_exchange_min", "GeV", "alpha'^2 M/2 with alpha' = g_chi^2/4pi: Z' exchange is negligible in S for delta m above it",
     "section 4.2.4; [79]", "gchi mchi", 0, NULL, obs_dm_zp_min},
    {"f_min_zp_exchange", "1", "smallest f with 2 f w > alpha'^2 M/2 (f >~ 0.14-0.3 in the paper)", "section 4.2.4",
     "gchi mchi w", 0, NULL, obs_f_min_zp},
    {"v0_kd", "c", "most probable DM velocity at z_cmb after kinetic decoupling at T ~ m_Z'/3 (units of c)",
     "eq. (48)", "mZp mchi z_cmb", 0, NULL, obs_v0_kd},
    {"S_cmb", "1", "Sommerfeld factor at the velocity v0_kd of z_cmb", "eqs. (47)-(48)", SOM_IN " mZp z_cmb S_method",
     0, NULL, obs_S_cmb},
    {"S_bbn", "1", "Sommerfeld factor at the velocity of eq. (48) at z_bbn", "eqs. (47)-(48)",
     SOM_IN " mZp z_bbn S_method", 0, NULL, obs_S_bbn},
    {"sigmav_feff_cmb", "cm^3/s", "S_cmb sigmav_ZpZp f_eff_bb, the left-hand side of the Planck bound",
     "eq. (49)", TH_IN " " SOM_IN " z_cmb S_method", 0, NULL, obs_sv_feff_cmb},
    {"pann_cmb", "cm^3/s/GeV", "S_cmb sigmav_ZpZp f_eff_bb / m_chi, compared with pann_max", "eq. (49)",
     TH_IN " " SOM_IN " z_cmb S_method", 0, NULL, obs_pann_cmb},
    {"sigmav_bbn", "cm^3/s", "S_bbn sigmav_ZpZp, compared with the D/H bound sigmav_bbn_max", "section 4.2.4; [87]",
     TH_IN " " SOM_IN " z_bbn S_method", 0, NULL, obs_sv_bbn},
    {"delta_max_dd", "GeV", "largest splitting a xenon nucleus can excite, mu_N (v_esc + v_earth)^2/2 (the paper: f w >~ 50 keV)",
     "section 4.2.2; [76]", "mchi A_Xe m_amu v_esc v_earth", 0, NULL, obs_delta_max_dd},
    {"theta_h_phi", "1", "Higgs - dark Higgs mixing angle kappa v w / m_h^2", "after eq. (50)", "kappa v_h w m_h", 0,
     NULL, obs_theta},
    {"ftheta", "1", "f theta, kept below ftheta_max = 1e-3 by direct detection", "after eq. (50)",
     "f kappa v_h w m_h", 0, NULL, obs_ftheta},
    {"sigma_N_higgs", "cm^2", "chi-nucleon cross section through Higgs - dark Higgs mixing", "eq. (50)",
     "y_hN f kappa v_h w m_h m_n mphi", 0, NULL, obs_sigma_N},
    {"kappa_max_dd", "1", "largest kappa with f theta <= ftheta_max (0.025 in the paper)", "after eq. (50)",
     "ftheta_max m_h v_h w f", 0, NULL, obs_kappa_max},
    {"BR_h_phiphi_est", "1", "the paper's estimate BR(h -> phi phi) ~ (kappa v/m_b)^2 (~1e-3 for kappa = 5e-4)",
     "section 4.2.5", "kappa v_h m_b", 0, NULL, obs_br_h_est},
    {"Gamma_h_phiphi", "GeV", "width h -> phi phi = (kappa v)^2 beta_phi / (32 pi m_h) from kappa |H|^2 |phi|^2",
     "section 4.2.5", "kappa v_h m_h mphi", 0, NULL, obs_gamma_h},
    {"BR_h_phiphi", "1", "BR(h -> phi phi) from Gamma_h_phiphi and the SM width Gamma_h", "section 4.2.5",
     "kappa v_h m_h mphi Gamma_h", 0, NULL, obs_br_h},
    {"gchi_over_mZp", "TeV^-1", "g_chi / m_Z' (~75/TeV in the light variant)", "section 4.2.3", "gchi mZp", 0, NULL,
     obs_gchi_over_mZp},
    {"gqgl_sqrt_over_mZp", "TeV^-1", "(g_q g_l)^(1/2) / m_Z' (<~ 1/TeV)", "section 4.2.3", "gq gl mZp", 0, NULL,
     obs_gqgl_over_mZp},
    {"chi_plus_decay_open", "1", "1 when chi+ -> chi- nu_mu nubar_mu is kinematically open (delta m > 0)",
     "section 4.2.2", "f w", 0, NULL, obs_chi_plus_open},
    {0},
};
