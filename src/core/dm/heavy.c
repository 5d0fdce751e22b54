/* heavy.c -- section 4.1.1 of arXiv:1702.00395: <sigma v>, relic couplings, running g_chi. */
#include "dm/heavy.h"

#include <float.h>
#include <math.h>
#include <stddef.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

#include "base/widths.h"
#include "base/zp_registry.h"
#include "base/zp_units.h"

double zp_heavy_sv_numerator(double mchi, double mf, double nc, double gL, double gR, double gchi)
{
    if (!(mchi > mf))
        return 0.0;
    double gV = 0.5 * (gL + gR), gA = 0.5 * (gL - gR);
    double m2 = mchi * mchi, f2 = mf * mf;
    double beta = sqrt(1.0 - f2 / m2);
    /* s-wave limit of chi chibar -> Z'* -> f fbar; eq. (32) for mf = 0, footnote 3 for the top */
    return nc * gchi * gchi * beta * (gV * gV * (2.0 * m2 + f2) + 2.0 * gA * gA * (m2 - f2)) /
           (2.0 * ZP_PI);
}

int zp_heavy_propagator(const zp_params *p, double *D, zp_status *st)
{
    double m = p->v[ZP_MZP], mx = p->v[ZP_MCHI], c = p->v[ZP_SIGMAV_CONTACT];
    if (!(mx < m))
        return zp_fail(st, ZP_EDOM,
                       "mchi = %g GeV must be below mZp = %g GeV for the heavy-Z' annihilation "
                       "(chi chibar -> Z' Z' is not included)", mx, m);
    if (c != 0.0 && c != 1.0)
        return zp_fail(st, ZP_EDOM,
                       "sigmav_contact = %g must be 0 (full propagator) or 1 (contact limit of eq. 32)", c);
    if (c == 1.0) {
        *D = m * m * m * m; /* eq. (32): m_chi << m_Z' */
        return ZP_OK;
    }
    double g[ZP_ZP_NCHANNEL], tot;
    int rc = zp_widths_all(p, g, &tot, st);
    if (rc != ZP_OK)
        return rc;
    double s = 4.0 * mx * mx; /* s at threshold, v -> 0 */
    *D = (s - m * m) * (s - m * m) + m * m * tot * tot;
    return ZP_OK;
}

int zp_heavy_sigmav(const zp_params *p, double sv[ZP_HV_NCHANNEL], double *total, zp_status *st)
{
    double D;
    int rc = zp_heavy_propagator(p, &D, st);
    if (rc != ZP_OK)
        return rc;
    double mx = p->v[ZP_MCHI], gx = p->v[ZP_GCHI], gq = p->v[ZP_GQ], gl = p->v[ZP_GL];
    /* eq. (32): b_L (3 colours), mu_L, nu_mu; footnote 3: t_L above threshold */
    sv[ZP_HV_BB] = zp_heavy_sv_numerator(mx, p->v[ZP_M_B], 3.0, gq, 0.0, gx) / D;
    sv[ZP_HV_TT] = zp_heavy_sv_numerator(mx, p->v[ZP_M_T], 3.0, gq, 0.0, gx) / D;
    sv[ZP_HV_MUMU] = zp_heavy_sv_numerator(mx, p->v[ZP_M_MU], 1.0, gl, 0.0, gx) / D;
    sv[ZP_HV_NUNU] = zp_heavy_sv_numerator(mx, 0.0, 1.0, gl, 0.0, gx) / D;
    double sum = 0.0;
    for (int c = 0; c < ZP_HV_NCHANNEL; c++)
        sum += sv[c];
    *total = sum;
    return ZP_OK;
}

/* ---- relic couplings (eq. 33 generalised) ---- */

typedef struct {
    zp_params q;     /* working copy of the model */
    double nq, nchi; /* coupling ratios */
    double target;   /* GeV^-2 */
    int rc;          /* first failure inside the root function */
    zp_status *st;
} relic_ctx;

/* ln(<sigma v>(g_q) / target) at lng = ln g_q. */
static double relic_fn(double lng, void *vctx)
{
    relic_ctx *c = vctx;
    double g = exp(lng), sv[ZP_HV_NCHANNEL], tot;
    c->q.v[ZP_GQ] = g;
    c->q.v[ZP_GL] = g / c->nq;
    c->q.v[ZP_GCHI] = g * c->nchi;
    int rc = zp_heavy_sigmav(&c->q, sv, &tot, c->st);
    if (rc != ZP_OK) {
        if (c->rc == ZP_OK)
            c->rc = rc;
        return GSL_NAN;
    }
    return log(tot / c->target);
}

static int brent(relic_ctx *c, double lo, double hi, double *root)
{
    gsl_function F = {relic_fn, c};
    gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
    if (s == NULL)
        return zp_fail(c->st, ZP_ENOMEM, "relic couplings: cannot allocate the root finder");
    int status = gsl_root_fsolver_set(s, &F, lo, hi), converged = 0;
    for (int it = 0; status == GSL_SUCCESS && it < 200 && !converged; it++) {
        status = gsl_root_fsolver_iterate(s);
        if (status == GSL_SUCCESS)
            converged = gsl_root_test_interval(gsl_root_fsolver_x_lower(s), gsl_root_fsolver_x_upper(s),
                                               1e-12, 0.0) == GSL_SUCCESS;
    }
    *root = gsl_root_fsolver_root(s);
    gsl_root_fsolver_free(s);
    if (c->rc != ZP_OK)
        return c->rc;
    if (!converged)
        return zp_fail(c->st, ZP_ENUM, "relic couplings: Brent's method did not converge (%s)",
                       status == GSL_SUCCESS ? "200 iterations" : gsl_strerror(status));
    return ZP_OK;
}

int zp_heavy_relic_couplings(const zp_params *p, double nq, double nchi, double target,
                             zp_heavy_couplings *out, zp_status *st)
{
    if (!(nq > 0 && isfinite(nq)) || !(nchi > 0 && isfinite(nchi)))
        return zp_fail(st, ZP_EDOM, "nq = %g and nchi = %g must both be positive (g_l = g_q/nq, g_chi = nchi g_q)",
                       nq, nchi);
    if (!(target > 0 && isfinite(target)))
        return zp_fail(st, ZP_EDOM, "the relic target <sigma v> = %g GeV^-2 must be positive", target);
    relic_ctx c = {*p, nq, nchi, target, ZP_OK, st};
    /* the largest g_q allowed by the ranges of gq, gl and gchi in params.def */
    double gmax = zp_param_defs[ZP_GQ].max;
    gmax = fmin(gmax, zp_param_defs[ZP_GL].max * nq);
    gmax = fmin(gmax, zp_param_defs[ZP_GCHI].max / nchi);
    double hi = log(gmax), lo = hi - 30.0;
    double fhi = relic_fn(hi, &c);
    if (c.rc != ZP_OK)
        return zp_prefix(st, "relic couplings");
    if (fhi < 0)
        return zp_fail(st, ZP_ENOSOL,
                       "the relic target <sigma v> = %.3g cm^3/s cannot be reached at mZp = %g GeV, mchi = %g GeV "
                       "with nq = %g, nchi = %g: the largest <sigma v> within g_q <= %g, g_l <= %g, g_chi <= %g is %.3g cm^3/s",
                       zp_gevm2_to_cm3s(target), p->v[ZP_MZP], p->v[ZP_MCHI], nq, nchi, gmax, gmax / nq,
                       gmax * nchi, zp_gevm2_to_cm3s(target * exp(fhi)));
    if (relic_fn(lo, &c) > 0)
        return zp_fail(st, ZP_ENOSOL, "the relic target <sigma v> = %.3g cm^3/s is too small: it needs g_q < %.3g",
                       zp_gevm2_to_cm3s(target), exp(lo));
    double root = 0.0;
    int rc = brent(&c, lo, hi, &root);
    if (rc != ZP_OK)
        return rc;
    out->gq = exp(root);
    out->gl = out->gq / nq;
    out->gchi = out->gq * nchi;
    out->sigmav = target * exp(relic_fn(root, &c));
    return ZP_OK;
}

double zp_heavy_eq33_coefficient(double target, double nq)
{
    const double m70 = 70.0, tev = 1000.0;
    /* eq. (32) with g_l = g_q/nq, g_chi = nchi g_q, solved for g_q (eq. 33) */
    return pow(2.0 * ZP_PI * target / ((3.0 + 2.0 / (nq * nq)) * m70 * m70), 0.25) * tev;
}

/* ---- running of g_chi above m_Z' (section 4.1.1, Fig. 3) ---- */

int zp_heavy_gchi_run(const zp_params *p, double mu, double *out, zp_status *st)
{
    double g = p->v[ZP_GCHI], m = p->v[ZP_MZP];
    if (!(mu > 0 && isfinite(mu)))
        return zp_fail(st, ZP_EDOM, "renormalisation scale mu = %g GeV must be positive", mu);
    if (mu <= m) {
        *out = g; /* the Z' is integrated out: no running below m_Z' */
        return ZP_OK;
    }
    /* dg/d ln mu = g^3 / (12 pi^2)  =>  1/g^2(mu) = 1/g^2(m_Z') - ln(mu/m_Z') / (6 pi^2) */
    double den = 1.0 - g * g * log(mu / m) / (6.0 * ZP_PI * ZP_PI);
    if (!(den > 0))
        return zp_fail(st, ZP_EDOM, "mu = %g GeV is at or beyond the Landau pole %g GeV of g_chi(mZp = %g GeV) = %g",
                       mu, m * exp(6.0 * ZP_PI * ZP_PI / (g * g)), m, g);
    *out = g / sqrt(den);
    return ZP_OK;
}

int zp_heavy_Lambda_UV(const zp_params *p, double *out, zp_status *st)
{
    double g = p->v[ZP_GCHI], m = p->v[ZP_MZP];
    double g2max = 4.0 * ZP_PI * p->v[ZP_ALPHA_CHI_MAX]; /* alpha_chi = g^2/(4 pi) */
    if (g == 0.0)
        return zp_fail(st, ZP_EDOM, "Lambda_UV: gchi = 0 never runs to alpha_chi_max = %g: no finite scale "
                       "(perturbative at every scale)", p->v[ZP_ALPHA_CHI_MAX]);
    if (g * g >= g2max) {
        *out = m;
        return ZP_OK;
    }
    double lnratio = 6.0 * ZP_PI * ZP_PI * (1.0 / (g * g) - 1.0 / g2max);
    double lnL = log(m) + lnratio;
    if (!(lnL < log(DBL_MAX)))
        return zp_fail(st, ZP_EDOM, "Lambda_UV: gchi = %g at mZp = %g GeV reaches alpha_chi_max = %g only at "
                       "10^%.4g GeV, beyond any finite scale (perturbative at every scale)",
                       g, m, p->v[ZP_ALPHA_CHI_MAX], lnL / log(10.0));
    *out = exp(lnL);
    return ZP_OK;
}

/* ---- registry adaptors ---- */

static int obs_sigmav_gev(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    double sv[ZP_HV_NCHANNEL];
    return zp_heavy_sigmav(p, sv, out, st);
}

static int obs_sigmav(const zp_params *p, const double *a, double *out, zp_status *st)
{
    int rc = obs_sigmav_gev(p, a, out, st);
    *out = zp_gevm2_to_cm3s(*out);
    return rc;
}

static int channel(const zp_params *p, zp_hv_channel c, int frac, double *out, zp_status *st)
{
    double sv[ZP_HV_NCHANNEL], tot;
    int rc = zp_heavy_sigmav(p, sv, &tot, st);
    if (rc != ZP_OK)
        return rc;
    if (!frac) {
        *out = zp_gevm2_to_cm3s(sv[c]);
        return ZP_OK;
    }
    if (!(tot > 0))
        return zp_fail(st, ZP_EDOM, "<sigma v> vanishes (g_chi = %g, g_q = %g, g_l = %g): no channel fractions",
                       p->v[ZP_GCHI], p->v[ZP_GQ], p->v[ZP_GL]);
    *out = sv[c] / tot;
    return ZP_OK;
}

#define CHANNEL(fname, ch, frac)                                                        \
    static int fname(const zp_params *p, const double *a, double *out, zp_status *st)  \
    {                                                                                   \
        (void)a;                                                                        \
        return channel(p, ch, frac, out, st);                                           \
    }
CHANNEL(obs_sigmav_bb, ZP_HV_BB, 0)
CHANNEL(obs_sigmav_tt, ZP_HV_TT, 0)
CHANNEL(obs_frac_bb, ZP_HV_BB, 1)
CHANNEL(obs_frac_tt, ZP_HV_TT, 1)
CHANNEL(obs_frac_mumu, ZP_HV_MUMU, 1)
CHANNEL(obs_frac_nunu, ZP_HV_NUNU, 1)

static int obs_gqgl(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    (void)st;
    double m = p->v[ZP_MZP] / 1000.0; /* TeV */
    *out = p->v[ZP_GQ] * p->v[ZP_GL] / (m * m);
    return ZP_OK;
}

static int obs_alpha_chi(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    (void)st;
    *out = p->v[ZP_GCHI] * p->v[ZP_GCHI] / (4.0 * ZP_PI);
    return ZP_OK;
}

static int obs_gchi_run(const zp_params *p, const double *a, double *out, zp_status *st)
{
    return zp_heavy_gchi_run(p, a[0], out, st);
}

static int obs_Lambda_UV(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return zp_heavy_Lambda_UV(p, out, st);
}

static int obs_delta_gchi(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    (void)st;
    double g = p->v[ZP_GCHI];
    *out = p->v[ZP_DGCHI_VERTEX] * g * g * g; /* section 4.1.1: Delta g_chi ~ 3e-3 g_chi^3 */
    return ZP_OK;
}

#define SV_IN "gq gl gchi mZp mchi m_b m_t m_mu sigmav_contact"
const zp_obs_def zp_obs_heavy[] = {
    {"sigmav", "cm^3/s",
     "s-wave <sigma v> of Dirac chi chibar -> Z'* -> b b, t t (above threshold), mu mu, nu_mu nu_mu; full propagator unless sigmav_contact = 1",
     "eq. (32), footnote 3", SV_IN, 0, NULL, obs_sigmav},
    {"sigmav_GeVm2", "GeV^-2", "the same <sigma v> as sigmav, in natural units", "eq. (32), footnote 3",
     SV_IN, 0, NULL, obs_sigmav_gev},
    {"sigmav_bb", "cm^3/s", "<sigma v> into b bbar (compared with the Fermi-LAT dwarf b bbar limit)",
     "eq. (32); [56]", SV_IN, 0, NULL, obs_sigmav_bb},
    {"sigmav_tt", "cm^3/s", "<sigma v> into t tbar, beta_t (1 - m_t^2/(4 m_chi^2)) for left-handed tops",
     "footnote 3", SV_IN, 0, NULL, obs_sigmav_tt},
    {"frac_bb", "1", "fraction of <sigma v> into b bbar (86% for n_q = 2 below the top threshold)",
     "section 4.1.1", SV_IN, 0, NULL, obs_frac_bb},
    {"frac_tt", "1", "fraction of <sigma v> into t tbar", "footnote 3", SV_IN, 0, NULL, obs_frac_tt},
    {"frac_mumu", "1", "fraction of <sigma v> into mu+ mu-", "eq. (32)", SV_IN, 0, NULL, obs_frac_mumu},
    {"frac_nunu", "1", "fraction of <sigma v> into nu_mu nubar_mu", "eq. (32)", SV_IN, 0, NULL, obs_frac_nunu},
    {"gqgl_over_mZp2", "TeV^-2", "g_q g_l / m_Z'^2 (0.12/TeV^2 for the relic couplings with n_chi = 5, m_chi = 70 GeV)",
     "section 4.1.2, Fig. 2", "gq gl mZp", 0, NULL, obs_gqgl},
    {"alpha_chi", "1", "dark fine-structure constant g_chi^2/(4 pi) at m_Z'", "section 4.1.1", "gchi", 0, NULL,
     obs_alpha_chi},
    {"gchi_run", "1", "g_chi at the scale mu from dg/d ln mu = g^3/(12 pi^2) above m_Z' (no running below)",
     "section 4.1.1", "gchi mZp", 1, "mu[GeV]", obs_gchi_run},
    {"Lambda_UV", "GeV", "scale where alpha_chi reaches alpha_chi_max running up from g_chi(m_Z') = gchi (an error naming gchi when it is beyond any finite scale)",
     "section 4.1.1, Fig. 3", "gchi mZp alpha_chi_max", 0, NULL, obs_Lambda_UV},
    {"delta_gchi", "1", "vertex-correction estimate Delta g_chi = dgchi_vertex g_chi^3 between m_chi and m_Z'",
     "section 4.1.1", "gchi dgchi_vertex", 0, NULL, obs_delta_gchi},
    {0},
};
