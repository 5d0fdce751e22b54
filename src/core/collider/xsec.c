/* xsec.c -- sigma(pp -> Z') at LO in the narrow-width approximation and sigma x BR (see xsec.h). */
#include "collider/xsec.h"

#include <math.h>
#include <stddef.h>

#include <gsl/gsl_integration.h>

#include "base/widths.h"
#include "base/zp_registry.h"
#include "base/zp_units.h"
#include "flavour/flavour.h"

/* Gauss-Legendre nodes on the half range [ln(tau)/2, 0]; checked against QAGS to 1e-4 in
 * tests/c/test_collider.c. */
#define LUMI_NODES 64

/* G(u) of every channel from x f at x1 = e^u (q1) and x2 = tau e^-u (q2), index id + 5. */
static void channel_products(const double q1[11], const double q2[11], double g[ZP_LHC_NCH])
{
#define PAIR(a, b) (q1[(a) + 5] * q2[(b) + 5] + q1[(b) + 5] * q2[(a) + 5])
    g[ZP_LHC_BB] = PAIR(5, -5);
    g[ZP_LHC_SS] = PAIR(3, -3);
    g[ZP_LHC_BS] = PAIR(5, -3) + PAIR(3, -5);
    g[ZP_LHC_UU] = PAIR(2, -2);
    g[ZP_LHC_DD] = PAIR(1, -1);
    g[ZP_LHC_CC] = PAIR(4, -4);
#undef PAIR
}

static int check_kinematics(const zp_pdf *pdf, double m, double sqrt_s, double muF, zp_status *st)
{
    double xmin, qmin, qmax;
    zp_pdf_range(pdf, &xmin, NULL, &qmin, &qmax);
    if (!(sqrt_s > 0) || !isfinite(sqrt_s))
        return zp_fail(st, ZP_EDOM, "sqrt_s = %g GeV must be positive", sqrt_s);
    if (!(m > 0 && m < sqrt_s))
        return zp_fail(st, ZP_EDOM, "the Z' mass %g GeV must lie in (0, sqrt_s = %g GeV) for pp -> Z'", m, sqrt_s);
    if (!(m * m / (sqrt_s * sqrt_s) >= xmin))
        return zp_fail(st, ZP_EDOM, "tau = m_Z'^2/s = %g is below the PDF grid's smallest x = %g", m * m / (sqrt_s * sqrt_s),
                       xmin);
    if (!(muF >= qmin && muF <= qmax))
        return zp_fail(st, ZP_EDOM, "factorisation scale mu_F = %g GeV is outside the PDF grid [%g, %g] GeV", muF, qmin,
                       qmax);
    return ZP_OK;
}

int zp_lhc_lumis(const zp_pdf *pdf, double m, double sqrt_s, double muF, double J[ZP_LHC_NCH], zp_status *st)
{
    static gsl_integration_glfixed_table *gl = NULL; /* read-only once built */
    if (pdf == NULL || J == NULL)
        return zp_fail(st, ZP_EINVAL, "zp_lhc_lumis: no PDF grid or no output");
    int rc = check_kinematics(pdf, m, sqrt_s, muF, st);
    if (rc != ZP_OK)
        return rc;
    if (gl == NULL && (gl = gsl_integration_glfixed_table_alloc(LUMI_NODES)) == NULL)
        return zp_fail(st, ZP_ENOMEM, "out of memory for the Gauss-Legendre table");
    double ltau = 2.0 * log(m / sqrt_s);
    double a = 0.5 * ltau, b = 0.0;
    for (int c = 0; c < ZP_LHC_NCH; c++)
        J[c] = 0.0;
    for (size_t i = 0; i < LUMI_NODES; i++) {
        double u, w, q1[11], q2[11], g[ZP_LHC_NCH];
        gsl_integration_glfixed_point(a, b, i, &u, &w, gl);
        double x1 = fmin(exp(u), 1.0), x2 = exp(ltau - u);
        if ((rc = zp_pdf_xfx_quarks(pdf, x1, muF, q1, st)) != ZP_OK ||
            (rc = zp_pdf_xfx_quarks(pdf, x2, muF, q2, st)) != ZP_OK)
            return rc;
        channel_products(q1, q2, g);
        for (int c = 0; c < ZP_LHC_NCH; c++)
            J[c] += 2.0 * w * g[c]; /* G(u) = G(ln tau - u): twice the half range */
    }
    return ZP_OK;
}

typedef struct {
    const zp_pdf *pdf;
    zp_lhc_channel ch;
    double ltau, muF;
    zp_status *st;
} lumi_ctx;

static double lumi_integrand(double u, void *vp)
{
    lumi_ctx *c = vp;
    double q1[11], q2[11], g[ZP_LHC_NCH];
    if (zp_pdf_xfx_quarks(c->pdf, fmin(exp(u), 1.0), c->muF, q1, c->st) != ZP_OK ||
        zp_pdf_xfx_quarks(c->pdf, exp(c->ltau - u), c->muF, q2, c->st) != ZP_OK)
        return 0.0;
    channel_products(q1, q2, g);
    return g[c->ch];
}

int zp_lhc_lumi_adaptive(const zp_pdf *pdf, zp_lhc_channel ch, double m, double sqrt_s, double muF, double *J,
                         zp_status *st)
{
    if (pdf == NULL || J == NULL || (int)ch < 0 || ch >= ZP_LHC_NCH)
        return zp_fail(st, ZP_EINVAL, "zp_lhc_lumi_adaptive: no PDF grid, no output or an unknown channel");
    int rc = check_kinematics(pdf, m, sqrt_s, muF, st);
    if (rc != ZP_OK)
        return rc;
    zp_status inner = {0, ""};
    lumi_ctx c = {pdf, ch, 2.0 * log(m / sqrt_s), muF, &inner};
    gsl_function F = {lumi_integrand, &c};
    gsl_integration_workspace *w = gsl_integration_workspace_alloc(200);
    if (w == NULL)
        return zp_fail(st, ZP_ENOMEM, "out of memory for the QAGS workspace");
    double err;
    int g = gsl_integration_qags(&F, c.ltau, 0.0, 0.0, 1e-7, 200, w, J, &err);
    gsl_integration_workspace_free(w);
    if (inner.code != ZP_OK) {
        *st = inner;
        return inner.code;
    }
    if (g != 0)
        return zp_fail(st, ZP_ENUM, "QAGS parton luminosity at m = %g GeV failed (GSL error %d)", m, g);
    return ZP_OK;
}

int zp_lhc_couplings(const zp_params *p, double c2[ZP_LHC_NCH], zp_status *st)
{
    double gq = p->v[ZP_GQ], th = p->v[ZP_THETAD], m11;
    int rc = zp_flavour_M11(p, &m11, st); /* eq. (11) */
    if (rc != ZP_OK)
        return rc;
    double s = sin(th), c = cos(th);
    /* purely left-handed couplings, eqs. (4)-(7): g_R = 0 */
    c2[ZP_LHC_BB] = pow(gq * c * c, 2);
    c2[ZP_LHC_SS] = pow(gq * s * s, 2);
    c2[ZP_LHC_BS] = pow(gq * s * c, 2);
    c2[ZP_LHC_UU] = pow(gq * m11, 2);
    c2[ZP_LHC_DD] = 0.0; /* the D rotation of eq. (7) leaves d uncoupled */
    c2[ZP_LHC_CC] = 0.0; /* not included (see xsec.h) */
    return ZP_OK;
}

int zp_lhc_sigma(const zp_params *p, double sigma[ZP_LHC_NCH], double *total, zp_status *st)
{
    const zp_pdf *pdf = zp_pdf_get(ZP_LHC_PDF, st);
    if (pdf == NULL)
        return st ? st->code : ZP_EDATA;
    double m = p->v[ZP_MZP], J[ZP_LHC_NCH], c2[ZP_LHC_NCH];
    int rc = zp_lhc_lumis(pdf, m, p->v[ZP_SQRT_S], p->v[ZP_MUF_OVER_MZP] * m, J, st);
    if (rc == ZP_OK)
        rc = zp_lhc_couplings(p, c2, st);
    if (rc != ZP_OK)
        return zp_prefix(st, "sigma(pp -> Z')");
    double sum = 0.0;
    for (int c = 0; c < ZP_LHC_NCH; c++) {
        sigma[c] = p->v[ZP_K_LHC] * (ZP_PI / 6.0) * c2[c] / (m * m) * J[c] * ZP_GEVM2_TO_PB;
        sum += sigma[c];
    }
    if (total)
        *total = sum;
    return ZP_OK;
}

/* ---- registered observables ---------------------------------------------------------------- */

static int sigma_channel(const zp_params *p, int ch, double *out, zp_status *st)
{
    double s[ZP_LHC_NCH], tot;
    int rc = zp_lhc_sigma(p, s, &tot, st);
    if (rc == ZP_OK)
        *out = ch < 0 ? tot : s[ch];
    return rc;
}

static int obs_sigma(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return sigma_channel(p, -1, out, st);
}
static int obs_sigma_bb(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return sigma_channel(p, ZP_LHC_BB, out, st);
}
static int obs_sigma_ss(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return sigma_channel(p, ZP_LHC_SS, out, st);
}
static int obs_sigma_bs(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return sigma_channel(p, ZP_LHC_BS, out, st);
}
static int obs_sigma_uu(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return sigma_channel(p, ZP_LHC_UU, out, st);
}

/* sigma(pp -> Z') times the branching ratio of width channel wc, times extra. */
static int sigma_br(const zp_params *p, zp_zp_channel wc, double extra, double *out, zp_status *st)
{
    double sig, br;
    int rc = sigma_channel(p, -1, &sig, st);
    if (rc == ZP_OK)
        rc = zp_widths_BR(p, wc, &br, st);
    if (rc == ZP_OK)
        *out = sig * br * extra;
    return rc;
}

static int obs_sbr_mumu(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return sigma_br(p, ZP_ZP_MUMU, 1.0, out, st);
}
static int obs_sbr_bb(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    /* the widths module's "b" channel is the whole down-type doublet; b bbar is cos^4 of it */
    return sigma_br(p, ZP_ZP_BB, pow(cos(p->v[ZP_THETAD]), 4), out, st);
}
static int obs_sbr_tt(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return sigma_br(p, ZP_ZP_TT, 1.0, out, st);
}
static int obs_sbr_jj(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return sigma_br(p, ZP_ZP_BB, 1.0, out, st);
}

#define XIN "mZp gq thetaD Vus Vub gamma_ckm sqrt_s muF_over_mZp K_lhc"
#define WIN " gl gchi mchi m_b m_t m_mu"

const zp_obs_def zp_obs_xsec[] = {
    {"sigma_pp_Zp", "pb", "sigma(pp -> Z') at LO, narrow width, NNPDF2.3 LO at mu_F = muF_over_mZp m_Z': sum of the b b, s s, b s + s b and u u channels, times K_lhc",
     "section 4.1.2; eqs. (5), (7), (11)", XIN, 0, NULL, obs_sigma},
    {"sigma_pp_Zp_bb", "pb", "sigma(pp -> Z') from b bbar: coupling g_q cos^2(theta_D), left-handed", "eqs. (5), (7)", XIN, 0, NULL,
     obs_sigma_bb},
    {"sigma_pp_Zp_ss", "pb", "sigma(pp -> Z') from s sbar: coupling g_q sin^2(theta_D), left-handed", "eqs. (5), (7)", XIN, 0, NULL,
     obs_sigma_ss},
    {"sigma_pp_Zp_bs", "pb", "sigma(pp -> Z') from b sbar + s bbar: coupling g_q sin(theta_D) cos(theta_D), left-handed",
     "eqs. (5), (7), (8)", XIN, 0, NULL, obs_sigma_bs},
    {"sigma_pp_Zp_uu", "pb", "sigma(pp -> Z') from u ubar: CKM-induced coupling g_q M_11, left-handed", "eqs. (10), (11)", XIN, 0,
     NULL, obs_sigma_uu},
    {"sigmaBR_pp_Zp_mumu", "pb", "sigma(pp -> Z') x BR(Z' -> mu+ mu-) (Figure 4 left)", "eq. (34); Fig. 4", XIN WIN, 0, NULL,
     obs_sbr_mumu},
    {"sigmaBR_pp_Zp_bb", "pb", "sigma(pp -> Z') x BR(Z' -> b bbar): the down-type width times cos^4(theta_D) (Figure 4 right)",
     "eq. (34) and text after it; Fig. 4", XIN WIN, 0, NULL, obs_sbr_bb},
    {"sigmaBR_pp_Zp_tt", "pb", "sigma(pp -> Z') x BR(Z' -> t tbar) (Figure 4 right)", "eq. (34); Fig. 4", XIN WIN, 0, NULL,
     obs_sbr_tt},
    {"sigmaBR_pp_Zp_jj", "pb", "sigma(pp -> Z') x BR(Z' -> light-quark jets): b bbar + s sbar + b sbar + s bbar (all down-type pairs)",
     "Fig. 4 right; CMS dijet [67]", XIN WIN, 0, NULL, obs_sbr_jj},
    {0},
};
