/* thermal.h -- the thermally averaged annihilation cross section <sigma v>(x) of the heavy
 * Z' + Dirac chi model from its full sigma(s), for the relic abundance.
 *
 * Channels (section 4.1 of arXiv:1702.00395): chi chibar -> Z'* -> b bbar, t tbar (above its
 * threshold), mu+ mu-, nu_mu nubar_mu through the s-channel Z', and chi chibar -> Z' Z' (t- and
 * u-channel chi exchange) when m_chi > m_Z'.  The s-channel cross section of a vector resonance
 * coupled to the vector current of chi and to a fermion pair is
 *
 *   sigma(s) = 12 pi Gamma_chi(sqrt s) Gamma_f(sqrt s) / (beta_chi^2 D(s)),
 *   D(s) = (s - m_Z'^2)^2 + (sqrt(s) Gamma(sqrt s))^2        (running width, default)
 *        = (s - m_Z'^2)^2 + m_Z'^2 Gamma(m_Z')^2              (fixed width, relic_width = 1)
 *        = m_Z'^4                                             (contact limit, sigmav_contact = 1)
 *
 * where Gamma_chi(M), Gamma_f(M) are the partial widths of widths.h evaluated at the mass
 * M = sqrt(s) (the spin-averaged Breit-Wigner formula, PDG "Cross-section formulae for specific
 * processes", eq. (51.59)), beta_chi^2 = 1 - 4 m_chi^2/s.  At s = 4 m_chi^2 this is eq. (32) with
 * footnote 3's top factor, i.e. zp_heavy_sigmav.  chi chibar -> Z' Z' (t- and u-channel chi) has
 * its full sigma(s), open for sqrt(s) > 2 m_Z' (thermal.c); at threshold it is the s-wave
 * g_chi^4 (1 - r)^(3/2) / (16 pi m_chi^2 (1 - r/2)^2), r = m_Z'^2/m_chi^2 (Pospelov, Ritz &
 * Voloshin, arXiv:0711.4866, eq. (5)).
 *
 * The thermal average is the Gondolo-Gelmini single integral (Nucl. Phys. B360 (1991) 145,
 * eq. (3.8)), written with the kinetic energy per mass eps = sqrt(s)/m_chi - 2 and x = m_chi/T:
 *
 *   <sigma v>(x) = x/8 int_0^inf deps sigma v_rel(eps) (2 + eps)^4 beta_chi K_1(x (2 + eps)) / K_2(x)^2,
 *
 * with v_rel = 2 beta_chi the relative velocity in the centre-of-mass frame (so that
 * sigma v_rel -> a at threshold).  The s-integrand sigma v_rel (2 + eps)^4 beta_chi is evaluated
 * once per model on fixed Gauss-Legendre nodes (panels in ln eps, refined at the t tbar
 * threshold and across the Z' resonance), and reused for every x of a fixed grid in ln x.
 *
 * Units: GeV inside; sigma v in GeV^-2.  Dirac counting: <sigma v> is that of chi chibar.
 */
#ifndef ZP_THERMAL_H
#define ZP_THERMAL_H

#include "base/zp_params.h"
#include "base/zp_status.h"

typedef enum {
    ZP_TH_BB = 0, /* chi chibar -> b bbar */
    ZP_TH_TT,     /* chi chibar -> t tbar */
    ZP_TH_MUMU,   /* chi chibar -> mu+ mu- */
    ZP_TH_NUNU,   /* chi chibar -> nu_mu nubar_mu */
    ZP_TH_ZPZP,   /* chi chibar -> Z' Z' (sqrt(s) > 2 m_Z') */
    ZP_TH_NCHANNEL
} zp_th_channel;

/* The model constants sigma(s) needs (filled from the parameters). */
typedef struct {
    double m;       /* m_chi [GeV] */
    double mZp;     /* m_Z' [GeV] */
    double gchi;    /* vector coupling of chi */
    double gq, gl;  /* left-handed couplings to (t, b) and (nu_mu, mu) */
    double mb, mt, mmu; /* final-state masses [GeV] */
    int contact;    /* 1: D = m_Z'^4 (eq. 32's limit) */
    int running;    /* 1: running width sqrt(s) Gamma(sqrt s); 0: fixed m_Z' Gamma(m_Z') */
    double Gamma;   /* total Z' width at m_Z' [GeV] */
    double sv_zz;   /* s-wave <sigma v>(chi chibar -> Z' Z') [GeV^-2], 0 when closed */
} zp_thermal_model;

/* The model of the parameters p (mchi, mZp, gq, gl, gchi, m_b, m_t, m_mu, sigmav_contact,
 * relic_width).  Errors: ZP_EDOM for a non-positive mass, sigmav_contact or relic_width not
 * 0 or 1, or a contact limit with m_chi >= m_Z'. */
int zp_thermal_model_from_params(const zp_params *p, zp_thermal_model *mod, zp_status *st);

/* sigma v_rel at s [GeV^2] per channel and in total [GeV^-2], v_rel = 2 beta_chi; 0 below
 * s = 4 m_chi^2.  sv may be NULL. */
double zp_thermal_sigmav_s(const zp_thermal_model *mod, double s, double sv[ZP_TH_NCHANNEL]);

/* The expansion sigma v_lab = a + b v^2 at threshold [GeV^-2], v the relative velocity in the
 * rest frame of one particle, v_lab = sqrt(s (s - 4 m^2)) / (s - 2 m^2) (b by a Richardson-
 * extrapolated difference).  Its thermal average is <sigma v> = a + 6 b / x + O(x^-2) (Gondolo &
 * Gelmini 1991, section 4; Kolb & Turner 5.2).  In terms of v_rel = 2 beta_chi (centre-of-mass
 * frame), sigma v_rel = a + (b + a/4) v_rel^2 + ... */
void zp_thermal_ab(const zp_thermal_model *mod, double *a, double *b);

/* b of sigma v_lab = a + b v^2 from sigma v_rel at v_rel^2 = 0, h, 2h (f0, f1, f2): a Richardson-
 * extrapolated forward difference, minus a/4 for sigma v_lab = sigma v_rel/(1 + beta^2). */
double zp_thermal_pwave(double f0, double f1, double f2, double h);

/* sum_k g_k r_k^2 K_2(x r_k) e^x over nst states of dof g[k] and mass ratio r[k] = m_k/m (r >= 1):
 * the equilibrium density that normalises a (coannihilation) thermal average. */
double zp_thermal_neq_scaled(double x, int nst, const double *g, const double *r);

/* <sigma v>(x) by adaptive quadrature of the Gondolo-Gelmini integral directly in s (GSL QAG,
 * split at the resonance and the t tbar threshold): the slow reference method.
 * Errors: ZP_EDOM for x outside [0.1, 1e9], ZP_ENUM when the quadrature fails. */
int zp_thermal_sigmav_direct(const zp_thermal_model *mod, double x, double *out, zp_status *st);

/* Tabulated ln <sigma v> on a uniform grid in ln x, x in [ZP_TH_XMIN, ZP_TH_XMAX] (spacing 0.167);
 * below ZP_TH_XDIRECT the table evaluates its quadrature at x itself. */
#define ZP_TH_XMIN 1.0
#define ZP_TH_XMAX 5.0e3
#define ZP_TH_NX 52
#define ZP_TH_XDIRECT 10.0
#define ZP_TH_MAXNODES 640

typedef struct {
    zp_thermal_model mod;
    int nnode;                      /* quadrature nodes in eps */
    double eps[ZP_TH_MAXNODES];     /* nodes */
    double w[ZP_TH_MAXNODES];       /* weight times the s-integrand at the node [GeV^-2] */
    double lnsv[ZP_TH_NX];          /* ln <sigma v>(x_j) [ln GeV^-2]; NAN until computed */
    int overflow;                   /* more than ZP_TH_MAXNODES nodes were needed */
    /* Coannihilation (inelastic.h): nst > 0 states of dof gst and mass ratio rst = m_k/m; the
     * weights then carry g_i g_j and the average divides by (sum_k g_k r_k^2 K_2(x r_k))^2
     * instead of K_2(x)^2 (Edsjo-Gondolo).  nst = 0: one state, the heavy model. */
    int nst;
    double gst[2], rst[2];
} zp_thermal_table;

/* Prepare the table of mod: the s-integrand at the nodes (the x grid is filled on demand).
 * Errors: ZP_EDOM when sigma v vanishes at every node (no annihilation). */
int zp_thermal_table_init(zp_thermal_table *t, const zp_thermal_model *mod, zp_status *st);

/* <sigma v>(x) [GeV^-2] from the table: for x < ZP_TH_XDIRECT its quadrature at x; above, 4-point
 * Lagrange interpolation of ln <sigma v> in ln x, constant beyond ZP_TH_XMAX.  Fills grid points
 * on first use. */
double zp_thermal_table_eval(zp_thermal_table *t, double x);

/* K_nu(z) e^z for nu = 0, 1 and z > 0: GSL below z = 10, the asymptotic series above (relative error
 * < 3e-7) [Abramowitz & Stegun 9.7.2].  NAN for other nu or z <= 0. */
double zp_thermal_k_scaled(int nu, double z);

/* <sigma v>(x) [GeV^-2] by the table's fixed-node quadrature at any x (no interpolation). */
double zp_thermal_table_quad(const zp_thermal_table *t, double x);

#endif
