/* bsll.h -- b -> s l l observables at leading order in the weak effective theory:
 * BR(B_s -> mu mu) (time-integrated), dBR/dq^2 and binned BR of B+ -> K+ l l and B0 -> K*0 l l,
 * and the ratios R_K, R_K* (mu over e, lepton masses kept).
 *
 * Normalisation (flavio / WCxf WET basis): H = -(4 G_F/sqrt2) V_tb V_ts^* (e^2/16 pi^2) sum C_i O_i,
 * O_9 = (sbar gamma P_L b)(lbar gamma l), O_10 = (sbar gamma P_L b)(lbar gamma gamma5 l), primes with
 * P_R; e^2 = 4 pi alpha_em_mub.  C_9 in the rate is C_9 + Y(q^2) with the perturbative four-quark
 * part Y (Beneke, Feldmann, Seidel hep-ph/0106067; CMM basis as written in arXiv:0811.1214, sec. 2); no
 * non-factorisable, QCD-factorisation or power corrections.  Form factors: formfactors.h.
 * The Z' enters C_9 = -C_10 of the muon channel with its propagator, C(q^2) = C(0) m_Z'^2/(m_Z'^2 - q^2),
 * so the light Z' of section 3.7 is treated bin by bin.
 */
#ifndef ZP_BSLL_H
#define ZP_BSLL_H

#include <complex.h>

#include "base/zp_params.h"
#include "base/zp_status.h"

/* Wilson coefficients at mu_b for one lepton flavour.  C9 excludes Y(q^2); C9_zp and C10_zp are
 * the Z' coefficients at q^2 = 0 that are multiplied by mZp2/(mZp2 - q^2) (constant if mZp2 = 0). */
typedef struct {
    double complex C7, C7p, C9, C9p, C10, C10p;
    double complex C9_zp, C10_zp;
    double mZp2; /* GeV^2 */
} zp_bsll_wc;

enum { ZP_LEPTON_E = 0, ZP_LEPTON_MU = 1 };

/* SM coefficients from params.def (C7eff_bs_SM, C9_bsll_SM, C10_bsll_SM; primes zero). */
void zp_bsll_wc_sm(const zp_params *p, zp_bsll_wc *wc);

/* SM plus the model's Z' for lepton ZP_LEPTON_E (no Z' coupling) or ZP_LEPTON_MU:
 * C9_zp = -C10_zp = C9_bsmumu (eq. 15) x alpha_em/alpha_em_mub, plus the extra WET parameters
 * C7_bs, C7p_bs (both), C9p_bsmumu, C10p_bsmumu (mu), C9_bsee, C10_bsee (e), all 0 by default.
 * Errors: those of eq. (15). */
int zp_bsll_wc_model(const zp_params *p, int lepton, zp_bsll_wc *wc, zp_status *st);

/* Y(q^2) of the four-quark operators (q2 > 0 GeV^2, scale mu_b, masses m_c, m_b). */
double complex zp_bsll_Y(const zp_params *p, double q2);

/* dGamma/dq^2 [GeV^-1] of B+ -> K+ l l and B0 -> K*0 l l at q2 [GeV^2] for lepton mass ml [GeV];
 * zero outside the physical range.  Errors: form-factor errors only. */
int zp_bsll_dGamma_BK(const zp_params *p, const zp_bsll_wc *wc, double ml, double q2, double *out,
                      zp_status *st);
int zp_bsll_dGamma_BKstar(const zp_params *p, const zp_bsll_wc *wc, double ml, double q2, double *out,
                          zp_status *st);

/* Longitudinal fraction F_L = (3 J1c - J2c)/(4 dGamma/dq2) and forward-backward asymmetry
 * A_FB = 3 J6s/(4 dGamma/dq2) of B0 -> K*0 l l at q2 (arXiv:0811.1214, sec. 3), with A_FB in the
 * sign convention of flavio and LHCb (negative below its zero crossing).  Errors: q2 outside the
 * physical region, form-factor errors. */
int zp_bsll_angular_BKstar(const zp_params *p, const zp_bsll_wc *wc, double ml, double q2, double *FL,
                           double *AFB, zp_status *st);

/* Branching ratio of B+ -> K+ l l (kstar = 0) or B0 -> K*0 l l (kstar = 1) in [q2min, q2max] GeV^2:
 * tau_B times the integral of dGamma/dq^2 (GSL QAG, relative accuracy 1e-8).  Errors: bin outside
 * [4 ml^2, (m_B - m_M)^2], empty bin, Z' pole inside the bin, integration failure. */
int zp_bsll_BR_bin(const zp_params *p, const zp_bsll_wc *wc, int kstar, double ml, double q2min,
                   double q2max, double *out, zp_status *st);

/* The model's BR(B -> K(*) l l) in a bin, lepton ZP_LEPTON_E or ZP_LEPTON_MU, and the ratio
 * R = BR(mu mu)/BR(e e) in the same bin. */
int zp_bsll_BR_model(const zp_params *p, int kstar, int lepton, double q2min, double q2max, double *out,
                     zp_status *st);
int zp_bsll_R(const zp_params *p, int kstar, double q2min, double q2max, double *out, zp_status *st);

/* Time-integrated BR(B_s -> mu mu) for coefficients wc (C10 at q^2 = m_Bs^2):
 * BR = tau_Bs G_F^2 alpha^2/(16 pi^3) |V_tb V_ts^*|^2 f_Bs^2 m_Bs m_mu^2 beta |C10 - C10'|^2
 *      x (1 + A_DeltaGamma y_s)/(1 - y_s^2),  A_DeltaGamma = Re(P^2)/|P|^2, P = (C10 - C10')/C10_SM
 * (De Bruyn et al. arXiv:1204.1737; Bobeth et al. arXiv:1311.0903).  Errors: Z' pole at m_Bs. */
int zp_bsll_BR_Bs_mumu_wc(const zp_params *p, const zp_bsll_wc *wc, double *out, zp_status *st);

/* The model's BR(B_s -> mu mu) and its ratio to the SM with the same inputs. */
int zp_bsll_BR_Bs_mumu(const zp_params *p, double *out, zp_status *st);
int zp_bsll_BR_Bs_mumu_over_SM(const zp_params *p, double *out, zp_status *st);

#endif
