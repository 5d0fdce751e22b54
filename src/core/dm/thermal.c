/* thermal.c -- <sigma v>(x) of the heavy Z' + Dirac chi model by the Gondolo-Gelmini integral
 * over its full sigma(s) (see thermal.h for the formulae and references). */
#include "dm/thermal.h"

#include <math.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_bessel.h>
#include <gsl/gsl_sort.h>

#include "base/widths.h"
#include "dm/inelastic.h"
#include "base/zp_registry.h"
#include "base/zp_units.h"

/* Quadrature of the tabulation: eps from TH_EPS_MIN (the part below contributes < 1e-8 of
 * <sigma v> at x = ZP_TH_XMAX) to TH_EPS_MAX (e^-80 at x = 1), Gauss-Legendre panels of at most
 * TH_PANEL in ln(eps - eps_0), eps_0 the threshold the segment starts at. */
#define TH_EPS_MIN 1e-9
#define TH_EPS_MAX 80.0
#define TH_PANEL 2.0
#define TH_THR_MIN 1e-6
#define TH_GL 8
/* Resonance core: m_Z' +- TH_RES_WIDTHS half-widths mapped by s = m_Z'^2 + m_Z' Gamma tan(theta). */
#define TH_RES_WIDTHS 4.0
#define TH_RES_PANELS 2
/* Above this argument K_0 e^z, K_1 e^z use their asymptotic series (relative error < 3e-7). */
#define TH_K_ASYMPTOTIC 10.0

int zp_thermal_model_from_params(const zp_params *p, zp_thermal_model *mod, zp_status *st)
{
    memset(mod, 0, sizeof *mod);
    mod->m = p->v[ZP_MCHI], mod->mZp = p->v[ZP_MZP];
    mod->gchi = p->v[ZP_GCHI], mod->gq = p->v[ZP_GQ], mod->gl = p->v[ZP_GL];
    mod->mb = p->v[ZP_M_B], mod->mt = p->v[ZP_M_T], mod->mmu = p->v[ZP_M_MU];
    double c = p->v[ZP_SIGMAV_CONTACT], w = p->v[ZP_RELIC_WIDTH];
    if (!(mod->m > 0 && mod->mZp > 0))
        return zp_fail(st, ZP_EDOM, "mchi = %g GeV and mZp = %g GeV must be positive", mod->m, mod->mZp);
    if (c != 0.0 && c != 1.0)
        return zp_fail(st, ZP_EDOM, "sigmav_contact = %g must be 0 (full propagator) or 1 (contact limit of eq. 32)", c);
    if (w != 0.0 && w != 1.0)
        return zp_fail(st, ZP_EDOM, "relic_width = %g must be 0 (running width) or 1 (fixed width)", w);
    mod->contact = c == 1.0;
    mod->running = w == 0.0;
    double g[ZP_ZP_NCHANNEL];
    int rc = zp_widths_all(p, g, &mod->Gamma, st);
    if (rc != ZP_OK)
        return rc;
    if (mod->m > mod->mZp) { /* arXiv:0711.4866 eq. (5), Dirac chi, vector coupling */
        double r = mod->mZp * mod->mZp / (mod->m * mod->m), g2 = mod->gchi * mod->gchi;
        mod->sv_zz = g2 * g2 * pow(1.0 - r, 1.5) / (16.0 * ZP_PI * mod->m * mod->m * (1.0 - 0.5 * r) * (1.0 - 0.5 * r));
    }
    return ZP_OK;
}

/* sigma v_rel(chi chibar -> Z' Z') at s [GeV^-2]: t- and u-channel chi exchange, vector coupling g,
 * spins averaged, identical final bosons.  The spin-summed |M|^2 / g^4 (from the Dirac trace with
 * -g polarisation sums, exact for the conserved current) is
 *   16 [ (8 E^4 + 8 E^2 m^2 + 3 M^4) / (T U) - 2 (2E^2 - M^2)^2 (M^2 + 2 m^2)^2 / (T U)^2 - 1 ],
 * E = sqrt(s)/2, T U = a^2 - b^2 cos^2, a = 2E^2 - M^2, b = 2 p k; integrated over the angle:
 *   sigma v_rel = g^4 k / (8 pi s E) [ (K - Q^2) L/(a b) - 2 Q^2 / (a^2 - b^2) - 2 ],
 * K = 8E^4 + 8E^2 m^2 + 3M^4, Q = M^2 + 2m^2, L = ln((a + b)/(a - b)).  At threshold this is
 * g^4 (1 - r)^(3/2) / (16 pi m^2 (1 - r/2)^2) (arXiv:0711.4866 eq. 5); for M -> 0 it is Dirac's
 * pair-annihilation cross section.  [derived here; both limits tested] */
static double sigmav_zz(const zp_thermal_model *mod, double s)
{
    double m2 = mod->m * mod->m, M2 = mod->mZp * mod->mZp, E2 = 0.25 * s;
    if (!(E2 > M2) || !(E2 >= m2))
        return 0.0;
    double E = sqrt(E2), p = sqrt(E2 - m2), k = sqrt(E2 - M2);
    double a = 2.0 * E2 - M2, b = 2.0 * p * k, y = b / a;
    double l_ab = y < 1e-4 ? 2.0 / (a * a) * (1.0 + y * y / 3.0) : 2.0 * atanh(y) / (a * b); /* L/(a b) */
    double K = 8.0 * E2 * E2 + 8.0 * E2 * m2 + 3.0 * M2 * M2, Q = M2 + 2.0 * m2;
    double g2 = mod->gchi * mod->gchi;
    double br = (K - Q * Q) * l_ab - 2.0 * Q * Q / (a * a - b * b) - 2.0;
    return g2 * g2 * k / (8.0 * ZP_PI * s * E) * br;
}

double zp_thermal_sigmav_s(const zp_thermal_model *mod, double s, double sv[ZP_TH_NCHANNEL])
{
    double m2 = mod->m * mod->m, M2 = mod->mZp * mod->mZp, rs = sqrt(s), tot = 0.0;
    double loc[ZP_TH_NCHANNEL];
    if (sv == NULL)
        sv = loc;
    memset(sv, 0, ZP_TH_NCHANNEL * sizeof *sv);
    if (!(s >= 4.0 * m2))
        return 0.0;
    /* partial widths of a Z' of mass sqrt(s) (widths.h) */
    double gf[4] = {zp_width_vff(rs, mod->mb, 3.0, mod->gq, 0.0), zp_width_vff(rs, mod->mt, 3.0, mod->gq, 0.0),
                    zp_width_vff(rs, mod->mmu, 1.0, mod->gl, 0.0), zp_width_vff(rs, 0.0, 1.0, mod->gl, 0.0)};
    double D;
    if (mod->contact)
        D = M2 * M2; /* eq. (32) */
    else if (mod->running) {
        double G = gf[0] + gf[1] + gf[2] + gf[3] + zp_width_vff(rs, mod->m, 1.0, mod->gchi, mod->gchi);
        D = (s - M2) * (s - M2) + s * G * G;
    } else
        D = (s - M2) * (s - M2) + M2 * mod->Gamma * mod->Gamma;
    /* sigma v_rel = 24 pi Gamma_chi Gamma_f / (beta D), Gamma_chi / beta = g^2 sqrt(s) (1 + 2 m^2/s) / (12 pi) */
    double pre = 2.0 * mod->gchi * mod->gchi * rs * (1.0 + 2.0 * m2 / s) / D;
    sv[ZP_TH_BB] = pre * gf[0];
    sv[ZP_TH_TT] = pre * gf[1];
    sv[ZP_TH_MUMU] = pre * gf[2];
    sv[ZP_TH_NUNU] = pre * gf[3];
    sv[ZP_TH_ZPZP] = sigmav_zz(mod, s);
    for (int c = 0; c < ZP_TH_NCHANNEL; c++)
        tot += sv[c];
    return tot;
}

void zp_thermal_ab(const zp_thermal_model *mod, double *a, double *b)
{
    double m2 = mod->m * mod->m, h = 1e-4;
    /* v_rel^2 = 4 beta^2 = 4 (1 - 4 m^2/s)  =>  s = 4 m^2 / (1 - v^2/4) */
    double f0 = zp_thermal_sigmav_s(mod, 4.0 * m2, NULL);
    double f1 = zp_thermal_sigmav_s(mod, 4.0 * m2 / (1.0 - h / 4.0), NULL);
    double f2 = zp_thermal_sigmav_s(mod, 4.0 * m2 / (1.0 - h / 2.0), NULL);
    *a = f0;
    *b = zp_thermal_pwave(f0, f1, f2, h);
}

double zp_thermal_pwave(double f0, double f1, double f2, double h)
{
    /* Richardson on forward differences gives b of sigma v_rel; sigma v_lab = sigma v_rel / (1 + beta^2) */
    return 2.0 * (f1 - f0) / h - (f2 - f0) / (2.0 * h) - 0.25 * f0;
}

double zp_thermal_neq_scaled(double x, int nst, const double *g, const double *r)
{
    double sum = 0.0;
    for (int k = 0; k < nst; k++) {
        double xr = x * r[k];
        sum += g[k] * r[k] * r[k] * (zp_thermal_k_scaled(0, xr) + 2.0 * zp_thermal_k_scaled(1, xr) / xr) *
               exp(-x * (r[k] - 1.0));
    }
    return sum;
}

/* ---- the reference: adaptive quadrature in s ---- */

typedef struct {
    const zp_thermal_model *mod;
    double x, T, k2;
} direct_ctx;

/* sigma(s) (s - 4 m^2) sqrt(s) K_1(sqrt s / T) e^{2x} / K_2(x)^2 e^{2x}: Gondolo-Gelmini eq. (3.8). */
static double direct_integrand(double s, void *vp)
{
    const direct_ctx *c = vp;
    double m2 = c->mod->m * c->mod->m;
    if (!(s > 4.0 * m2))
        return 0.0;
    double beta = sqrt(1.0 - 4.0 * m2 / s), z = sqrt(s) / c->T;
    double sigma = zp_thermal_sigmav_s(c->mod, s, NULL) / (2.0 * beta);
    gsl_sf_result k1;
    if (gsl_sf_bessel_K1_scaled_e(z, &k1) != GSL_SUCCESS)
        return GSL_NAN;
    return sigma * (s - 4.0 * m2) * sqrt(s) * k1.val * exp(-(z - 2.0 * c->x)) / c->k2;
}

int zp_thermal_sigmav_direct(const zp_thermal_model *mod, double x, double *out, zp_status *st)
{
    int rc = zp_check_range("x = m_chi/T", x, 0.1, 1e9, "", st);
    if (rc != ZP_OK)
        return rc;
    double m = mod->m, T = m / x, s0 = 4.0 * m * m;
    gsl_sf_result k2;
    if (gsl_sf_bessel_Kn_scaled_e(2, x, &k2) != GSL_SUCCESS)
        return zp_fail(st, ZP_ENUM, "K_2(x) failed at x = %g", x);
    direct_ctx c = {mod, x, T, k2.val * k2.val};
    /* up to sqrt(s) = 2m + 100 T; breakpoints at the resonance and the t tbar threshold */
    double smax = (2.0 * m + 100.0 * T) * (2.0 * m + 100.0 * T), pts[8];
    int n = 0;
    pts[n++] = s0;
    double M2 = mod->mZp * mod->mZp, mg = mod->mZp * mod->Gamma, st4 = 4.0 * mod->mt * mod->mt;
    double cand[4] = {M2 - 10.0 * mg, M2, M2 + 10.0 * mg, st4};
    gsl_sort(cand, 1, 4);
    for (int i = 0; i < 4; i++)
        if (cand[i] > pts[n - 1] && cand[i] < smax && !(mod->contact && i < 3))
            pts[n++] = cand[i];
    pts[n++] = smax;
    gsl_integration_workspace *w = gsl_integration_workspace_alloc(2000);
    if (w == NULL)
        return zp_fail(st, ZP_ENOMEM, "out of memory in the <sigma v> quadrature");
    gsl_function F = {direct_integrand, &c};
    double res = 0.0;
    int grc = GSL_SUCCESS;
    for (int i = 0; i + 1 < n && grc == GSL_SUCCESS; i++) { /* Gauss-Kronrod 61 on each piece */
        double r = 0.0, err = 0.0;
        grc = gsl_integration_qag(&F, pts[i], pts[i + 1], 0.0, 1e-10, 2000, GSL_INTEG_GAUSS61, w, &r, &err);
        if ((grc == GSL_EROUND || grc == GSL_EMAXITER) && fabs(err) <= 1e-7 * fabs(r))
            grc = GSL_SUCCESS; /* converged to far better than any use needs */
        res += r;
    }
    gsl_integration_workspace_free(w);
    if (grc != GSL_SUCCESS || !isfinite(res))
        return zp_fail(st, ZP_ENUM, "the thermal average at x = %g did not converge (%s)", x, gsl_strerror(grc));
    *out = res / (8.0 * m * m * m * m * T);
    return ZP_OK;
}

/* ---- the tabulation ---- */

/* The table being filled and the Gauss-Legendre rule of its panels. */
typedef struct {
    zp_thermal_table *t;
    const gsl_integration_glfixed_table *gl;
} builder;

/* Add a Gauss-Legendre panel in the variable v over [v0, v1]; map(v) gives eps and d eps/dv. */
typedef void (*th_map)(const void *ctx, double v, double *eps, double *jac);

static void add_panel(builder *bd, th_map map, const void *ctx, double v0, double v1)
{
    zp_thermal_table *t = bd->t;
    for (size_t i = 0; i < TH_GL; i++) {
        double v, wt, eps, jac;
        gsl_integration_glfixed_point(v0, v1, i, &v, &wt, bd->gl);
        map(ctx, v, &eps, &jac);
        if (t->nnode >= ZP_TH_MAXNODES) {
            t->overflow = 1;
            return;
        }
        t->eps[t->nnode] = eps;
        t->w[t->nnode] = wt * jac;
        t->nnode++;
    }
}

typedef struct {
    double e0; /* threshold the logarithmic variable starts at */
    double m, M2, mg;
} map_ctx;

static void map_log(const void *vp, double v, double *eps, double *jac)
{
    const map_ctx *c = vp;
    double d = exp(v);
    *eps = c->e0 + d, *jac = d;
}

static void map_logneg(const void *vp, double v, double *eps, double *jac)
{
    const map_ctx *c = vp;
    double d = exp(v);
    *eps = c->e0 - d, *jac = d;
}

/* s = M^2 + M Gamma tan(theta), eps = sqrt(s)/m - 2, d eps = ds / (2 m sqrt s) */
static void map_tan(const void *vp, double v, double *eps, double *jac)
{
    const map_ctx *c = vp;
    double tn = tan(v), s = c->M2 + c->mg * tn, rs = sqrt(s);
    *eps = rs / c->m - 2.0;
    *jac = c->mg * (1.0 + tn * tn) / (2.0 * c->m * rs);
}

/* Panels over [lo, hi] in ln(eps - e0). */
static void add_log_segment(builder *t, double e0, double lo, double hi)
{
    map_ctx c = {e0, 0, 0, 0};
    /* above a threshold e0 > 0 the channel grows as (eps - e0)^(1/2): start at 1e-6 e0 (< 1e-9 of it) */
    double v0 = log(lo - e0 > 0 ? lo - e0 : TH_THR_MIN * e0), v1 = log(hi - e0);
    int np = (int)ceil((v1 - v0) / TH_PANEL);
    for (int i = 0; i < np; i++)
        add_panel(t, map_log, &c, v0 + (v1 - v0) * i / np, v0 + (v1 - v0) * (i + 1) / np);
}

/* Panels over [lo, hi] in theta of the Breit-Wigner map. */
static void add_tan_segment(builder *t, const map_ctx *c, double lo, double hi)
{
    double m = c->m, slo = (m * (2 + lo)) * (m * (2 + lo)), shi = (m * (2 + hi)) * (m * (2 + hi));
    double v0 = atan((slo - c->M2) / c->mg), v1 = atan((shi - c->M2) / c->mg);
    for (int i = 0; i < TH_RES_PANELS; i++)
        add_panel(t, map_tan, c, v0 + (v1 - v0) * i / TH_RES_PANELS, v0 + (v1 - v0) * (i + 1) / TH_RES_PANELS);
}

/* Panels over [lo, hi] in ln(e0 - eps) (graded towards e0 from below). */
static void add_logneg_segment(builder *t, double e0, double lo, double hi)
{
    map_ctx c = {e0, 0, 0, 0};
    double v0 = log(e0 - hi), v1 = log(e0 - lo);
    int np = (int)ceil((v1 - v0) / TH_PANEL);
    for (int i = 0; i < np; i++)
        add_panel(t, map_logneg, &c, v0 + (v1 - v0) * i / np, v0 + (v1 - v0) * (i + 1) / np);
}

/* The nodes: panels in ln eps (graded towards threshold), in ln(eps - eps_t) above the t tbar
 * threshold, and for a Z' resonance at eps_R = m_Z'/m_chi - 2 the Breit-Wigner map over
 * eps_R +- TH_RES_WIDTHS half-widths (at most eps_R/4) with flanks graded towards eps_R out to
 * eps_R/2 and 3 eps_R/2. */
static void place_nodes(builder *t, const zp_thermal_model *mod)
{
    double m = mod->m, et = 2.0 * mod->mt / m - 2.0, eR = mod->mZp / m - 2.0, ez = 2.0 * eR + 2.0;
    int res = !mod->contact && mod->Gamma > 0 && eR > 4.0 * TH_EPS_MIN && eR < TH_EPS_MAX / 1.5;
    double cw = fmin(mod->Gamma / (2.0 * m) * TH_RES_WIDTHS, 0.25 * eR); /* core half-width in eps */
    double flo = 0.5 * eR, fhi = 1.5 * eR, clo = eR - cw, chi = eR + cw;
    double bp[9];
    int n = 0;
    bp[n++] = TH_EPS_MIN, bp[n++] = TH_EPS_MAX;
    if (et > TH_EPS_MIN && et < TH_EPS_MAX)
        bp[n++] = et;
    if (ez > TH_EPS_MIN && ez < TH_EPS_MAX) /* Z'Z' opens at sqrt(s) = 2 m_Z' > 2 m_chi */
        bp[n++] = ez;
    if (res)
        bp[n++] = flo, bp[n++] = clo, bp[n++] = chi, bp[n++] = fhi;
    gsl_sort(bp, 1, (size_t)n);
    map_ctx rc = {0, m, mod->mZp * mod->mZp, mod->mZp * mod->Gamma};
    for (int i = 0; i + 1 < n; i++) {
        double lo = bp[i], hi = bp[i + 1];
        if (!(hi > lo))
            continue;
        if (res && lo >= clo && hi <= chi)
            add_tan_segment(t, &rc, lo, hi);
        else if (res && lo >= flo && hi <= clo)
            add_logneg_segment(t, eR, lo, hi);
        else if (res && lo >= chi && hi <= fhi)
            add_log_segment(t, eR, lo, hi);
        else
            add_log_segment(t, lo == et || lo == ez ? lo : 0.0, lo, hi); /* graded above a threshold */
    }
}

int zp_thermal_table_init(zp_thermal_table *t, const zp_thermal_model *mod, zp_status *st)
{
    memset(t, 0, sizeof *t);
    t->mod = *mod;
    for (int j = 0; j < ZP_TH_NX; j++)
        t->lnsv[j] = NAN;
    gsl_integration_glfixed_table *gl = gsl_integration_glfixed_table_alloc(TH_GL);
    if (gl == NULL)
        return zp_fail(st, ZP_ENOMEM, "out of memory for the <sigma v> quadrature rule");
    builder bd = {t, gl};
    place_nodes(&bd, mod);
    gsl_integration_glfixed_table_free(gl);
    double m = mod->m;
    if (t->overflow)
        return zp_fail(st, ZP_ENUM, "the <sigma v> quadrature needs more than %d nodes (m_chi = %g GeV, m_Z' = %g GeV)",
                       ZP_TH_MAXNODES, m, mod->mZp);
    /* the s-integrand sigma v_rel (2 + eps)^4 beta_chi times the weight */
    int nonzero = 0;
    for (int k = 0; k < t->nnode; k++) {
        double e = t->eps[k], s = m * m * (2.0 + e) * (2.0 + e);
        double beta = sqrt(e * (4.0 + e)) / (2.0 + e), q = (2.0 + e) * (2.0 + e);
        t->w[k] *= zp_thermal_sigmav_s(mod, s, NULL) * q * q * beta;
        nonzero += t->w[k] > 0;
    }
    if (!nonzero)
        return zp_fail(st, ZP_EDOM, "<sigma v> = 0: chi does not annihilate (g_chi = %g, g_q = %g, g_l = %g, m_chi = %g GeV, m_Z' = %g GeV)",
                       mod->gchi, mod->gq, mod->gl, mod->m, mod->mZp);
    return ZP_OK;
}

double zp_thermal_k_scaled(int nu, double z)
{
    /* asymptotic coefficients prod_j (4 nu^2 - (2j - 1)^2) / (k! 8^k), k = 1..6 [A&S 9.7.2] */
    static const double c0[6] = {-0.125, 0.0703125, -0.0732421875, 0.112152099609375, -0.22710800170898438,
                                 0.5725014209747314};
    static const double c1[6] = {0.375, -0.1171875, 0.1025390625, -0.144195556640625, 0.2775764465332031,
                                 -0.6765925884246826};
    if (nu < 0 || nu > 1 || !(z > 0))
        return GSL_NAN;
    if (z < TH_K_ASYMPTOTIC) {
        gsl_sf_result r;
        int rc = nu == 0 ? gsl_sf_bessel_K0_scaled_e(z, &r) : gsl_sf_bessel_K1_scaled_e(z, &r);
        return rc == GSL_SUCCESS ? r.val : GSL_NAN;
    }
    const double *c = nu == 0 ? c0 : c1;
    double u = 1.0 / z, ser = 0.0;
    for (int k = 5; k >= 0; k--)
        ser = (ser + c[k]) * u;
    return sqrt(0.5 * ZP_PI * u) * (1.0 + ser);
}

double zp_thermal_table_quad(const zp_thermal_table *t, double x)
{
    static const double one = 1.0; /* one state: K_2(x) e^x (the weights carry no g) */
    double k2 = t->nst ? zp_thermal_neq_scaled(x, t->nst, t->gst, t->rst) : zp_thermal_neq_scaled(x, 1, &one, &one);
    double sum = 0.0, emax = 40.0 / x, emin = 1e-4 / x; /* outside: < 1e-6 of the integral */
    for (int k = 0; k < t->nnode; k++) {
        double e = t->eps[k];
        if (e < emin || e > emax || t->w[k] == 0.0)
            continue;
        sum += t->w[k] * zp_thermal_k_scaled(1, x * (2.0 + e)) * exp(-x * e);
    }
    return x / 8.0 * sum / (k2 * k2);
}

static double grid_lnsv(zp_thermal_table *t, int j)
{
    if (isnan(t->lnsv[j])) {
        double lx = log(ZP_TH_XMAX / ZP_TH_XMIN) * j / (ZP_TH_NX - 1);
        double v = zp_thermal_table_quad(t, ZP_TH_XMIN * exp(lx));
        t->lnsv[j] = v > 0 ? log(v) : -700.0; /* underflow: e^-700 GeV^-2 */
    }
    return t->lnsv[j];
}

double zp_thermal_table_eval(zp_thermal_table *t, double x)
{
    if (x < ZP_TH_XDIRECT) /* a few calls near equilibrium: the quadrature itself */
        return zp_thermal_table_quad(t, x > ZP_TH_XMIN ? x : ZP_TH_XMIN);
    double h = log(ZP_TH_XMAX / ZP_TH_XMIN) / (ZP_TH_NX - 1);
    double u = log(x / ZP_TH_XMIN) / h;
    if (!(u > 0))
        return exp(grid_lnsv(t, 0));
    if (u >= ZP_TH_NX - 1)
        return exp(grid_lnsv(t, ZP_TH_NX - 1));
    int j = (int)floor(u) - 1; /* stencil j .. j+3 around u */
    if (j < 0)
        j = 0;
    if (j > ZP_TH_NX - 4)
        j = ZP_TH_NX - 4;
    double f = 0.0;
    for (int a = 0; a < 4; a++) {
        double l = 1.0;
        for (int b = 0; b < 4; b++)
            if (b != a)
                l *= (u - (j + b)) / (double)(a - b);
        f += l * grid_lnsv(t, j + a);
    }
    return exp(f);
}

/* ---- registry adaptors ---- */

/* 0 or 1 for the dm_sector parameter; -1 with st set (ZP_EDOM) for another value. */
static int sector_of(const zp_params *p, zp_status *st)
{
    double d = p->v[ZP_DM_SECTOR];
    if (d == 0.0 || d == 1.0)
        return (int)d;
    zp_fail(st, ZP_EDOM, "dm_sector = %g must be 0 (Dirac chi, section 4.1) or 1 (inelastic Majorana chi-, chi+, eqs. 41-42)", d);
    return -1;
}

/* The table of the last model asked for (scans ask for many x at one model). */
static int memo_table(const zp_params *p, zp_thermal_table **out, zp_status *st)
{
    static zp_params last;
    static zp_thermal_table tab;
    static int valid = 0;
    if (valid && memcmp(&last, p, sizeof *p) == 0) {
        *out = &tab;
        return ZP_OK;
    }
    valid = 0;
    int sec = sector_of(p, st), rc = ZP_EDOM;
    if (sec == 1) {
        zp_inel_model im;
        rc = zp_inel_model_from_params(p, &im, st);
        if (rc == ZP_OK)
            rc = zp_inel_table_init(&tab, &im, st);
    } else if (sec == 0) {
        zp_thermal_model mod;
        rc = zp_thermal_model_from_params(p, &mod, st);
        if (rc == ZP_OK)
            rc = zp_thermal_table_init(&tab, &mod, st);
    }
    if (rc != ZP_OK)
        return rc;
    last = *p, valid = 1, *out = &tab;
    return ZP_OK;
}

static int obs_sigmav_thermal(const zp_params *p, const double *a, double *out, zp_status *st)
{
    zp_thermal_table *t;
    int rc = zp_check_range("x = m_chi/T", a[0], 1.0, 1e6, "", st);
    if (rc == ZP_OK)
        rc = memo_table(p, &t, st);
    if (rc != ZP_OK)
        return rc;
    *out = zp_gevm2_to_cm3s(zp_thermal_table_quad(t, a[0])); /* at x itself, not interpolated */
    return ZP_OK;
}

static int obs_sigmav_pwave(const zp_params *p, const double *args, double *out, zp_status *st)
{
    (void)args;
    zp_thermal_model mod;
    double a, b;
    int sec = sector_of(p, st), rc;
    if (sec < 0)
        return ZP_EDOM;
    if (sec == 1) { /* the degenerate-limit weights of eq. (45): (b_-- + b_++ + 2 b_+-)/4 */
        zp_inel_model im;
        double ai[ZP_IN_NPAIR], bi[ZP_IN_NPAIR];
        rc = zp_inel_model_from_params(p, &im, st);
        if (rc != ZP_OK)
            return rc;
        zp_inel_ab(&im, ai, bi);
        *out = zp_gevm2_to_cm3s(0.25 * (bi[ZP_IN_MM] + bi[ZP_IN_PP]) + 0.5 * bi[ZP_IN_PM]);
        return ZP_OK;
    }
    rc = zp_thermal_model_from_params(p, &mod, st);
    if (rc != ZP_OK)
        return rc;
    zp_thermal_ab(&mod, &a, &b);
    *out = zp_gevm2_to_cm3s(b);
    return ZP_OK;
}

#define TH_IN "mchi mZp gq gl gchi m_b m_t m_mu sigmav_contact relic_width dm_sector f w mphi"
const zp_obs_def zp_obs_thermal[] = {
    {"sigmav_thermal", "cm^3/s",
     "thermally averaged <sigma v>(x) of chi chibar (x = m_chi/T) from the full sigma(s) of b, t, mu, nu_mu (s-channel Z', running or fixed width by relic_width) and Z'Z' (t- and u-channel chi, sqrt(s) > 2 m_Z'), the fixed-node quadrature of the table Omega_h2 interpolates (ln x grid on [1, 5e3]); x in [1, 1e6]",
     "Gondolo & Gelmini NPB 360 (1991) 145, eq. (3.8); eqs. (31), (32)", TH_IN, 1, "x[1]", obs_sigmav_thermal},
    {"sigmav_pwave", "cm^3/s",
     "p-wave coefficient b of the model's sigma v_lab = a + b v^2 at threshold (v the relative velocity; <sigma v> = a + 6 b/x), a = the s-wave sigmav with relic_width's propagator",
     "Kolb & Turner, The Early Universe, 5.2; docs/relic.md", TH_IN, 0, NULL, obs_sigmav_pwave},
    {0},
};
