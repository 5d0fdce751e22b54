/* inelastic.c -- tree-level sigma(s) of the inelastic Majorana dark sector and its coannihilation
 * thermal average (see inelastic.h for the Lagrangian, the channels and the references). */
#include "dm/inelastic.h"

#include <complex.h>
#include <math.h>
#include <string.h>

#include <gsl/gsl_chebyshev.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_bessel.h>

#include "base/zp_registry.h"
#include "base/zp_units.h"

#define IN_ANG ZP_IN_ANG
/* Chebyshev series of sigma v per pair in u = ln(1 + e/IN_ES), e in [0, IN_EMAX]. */
#define IN_ES 0.25
#define IN_EMAX 80.0
#define IN_CHEB 20
/* Quadrature nodes of the thermal table: Gauss-Legendre panels of IN_PANEL e-folds in
 * ln(eps - eps_ij) from IN_EMIN above each pair's threshold. */
#define IN_EMIN 1e-9
#define IN_PANEL 2.0
#define IN_GL 8

typedef double complex cx;

/* ---- Dirac algebra on spinors (Dirac representation, metric + - - -) ---- */

static double dot(const double a[4], const double b[4]) { return a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3]; }

/* out = (c aslash + d) in, aslash = a^0 gamma^0 - a^k gamma^k, gamma^k = ((0, sigma_k), (-sigma_k, 0)) */
static void slash_apply(const double a[4], cx c, cx d, const cx in[4], cx out[4])
{
    cx am = a[1] - I * a[2], ap = a[1] + I * a[2];
    /* a.sigma acting on a 2-spinor: (a3 x0 + am x1, ap x0 - a3 x1) */
    cx lo0 = a[3] * in[2] + am * in[3], lo1 = ap * in[2] - a[3] * in[3]; /* (a.sigma) lower */
    cx up0 = a[3] * in[0] + am * in[1], up1 = ap * in[0] - a[3] * in[1]; /* (a.sigma) upper */
    out[0] = c * (a[0] * in[0] - lo0) + d * in[0];
    out[1] = c * (a[0] * in[1] - lo1) + d * in[1];
    out[2] = c * (up0 - a[0] * in[2]) + d * in[2];
    out[3] = c * (up1 - a[0] * in[3]) + d * in[3];
}

/* out = i (qslash + m) / (q^2 - m^2) in: the fermion propagator */
static void prop_apply(const double q[4], double m, const cx in[4], cx out[4])
{
    cx c = I / (dot(q, q) - m * m);
    slash_apply(q, c, c * m, in, out);
}

/* u(p, s) of a fermion of mass m moving along +z (sign = 1) or -z (sign = -1), and vbar(p, s)
 * = v^dagger gamma^0, in the basis of sigma_3 eigenstates: sum_s u ubar = pslash + m,
 * sum_s v vbar = pslash - m. */
static void spinors(double E, double p, double m, double sign, cx u[2][4], cx vbar[2][4])
{
    double r = sqrt(E + m), q = sign * p / r;
    for (int s = 0; s < 2; s++) {
        double sg = s == 0 ? 1.0 : -1.0; /* sigma_3 eigenvalue */
        for (int i = 0; i < 4; i++)
            u[s][i] = vbar[s][i] = 0;
        u[s][s] = r, u[s][2 + s] = q * sg;
        /* v = ((sigma.p) eta / r, r eta); vbar = v^dagger gamma^0 = (q sg eta, -r eta) */
        vbar[s][s] = q * sg, vbar[s][2 + s] = -r;
    }
}

static double amp_row(const cx vb[2][4], const cx w[4])
{
    double sum = 0.0;
    for (int s2 = 0; s2 < 2; s2++) {
        cx a = vb[s2][0] * w[0] + vb[s2][1] * w[1] + vb[s2][2] * w[2] + vb[s2][3] * w[3];
        sum += creal(a) * creal(a) + cimag(a) * cimag(a);
    }
    return sum;
}

/* ---- kinematics ---- */

typedef struct {
    double m1, m2, Ma, Mb;       /* initial and final masses */
    double rs, E1, E2, p, wa, wb, k;
} kin2;

static double kallen_sqrt(double s, double a, double b)
{
    double l = (s - (a + b) * (a + b)) * (s - (a - b) * (a - b));
    return l > 0 ? sqrt(l) / (2.0 * sqrt(s)) : 0.0;
}

static int kin_init(kin2 *kn, double s, double m1, double m2, double Ma, double Mb)
{
    kn->m1 = m1, kn->m2 = m2, kn->Ma = Ma, kn->Mb = Mb;
    kn->rs = sqrt(s);
    if (!(kn->rs >= m1 + m2) || !(kn->rs > Ma + Mb))
        return 0;
    kn->E1 = (s + m1 * m1 - m2 * m2) / (2.0 * kn->rs), kn->E2 = kn->rs - kn->E1;
    kn->p = kallen_sqrt(s, m1, m2);
    kn->wa = (s + Ma * Ma - Mb * Mb) / (2.0 * kn->rs), kn->wb = kn->rs - kn->wa;
    kn->k = kallen_sqrt(s, Ma, Mb);
    return 1;
}

/* Momenta at cos theta (final a along +n, b along -n) and the linear polarisations of a massive
 * vector: two transverse, one longitudinal (ka, kb, ea[3], eb[3]). */
static void momenta(const kin2 *kn, double c, double p1[4], double p2[4], double ka[4], double kb[4],
                    double ea[3][4], double eb[3][4])
{
    double sn = sqrt(fmax(0.0, 1.0 - c * c)), k = kn->k;
    p1[0] = kn->E1, p1[1] = 0, p1[2] = 0, p1[3] = kn->p;
    p2[0] = kn->E2, p2[1] = 0, p2[2] = 0, p2[3] = -kn->p;
    ka[0] = kn->wa, ka[1] = k * sn, ka[2] = 0, ka[3] = k * c;
    kb[0] = kn->wb, kb[1] = -k * sn, kb[2] = 0, kb[3] = -k * c;
    double t1[4] = {0, c, 0, -sn}, t2[4] = {0, 0, 1, 0};
    for (int i = 0; i < 4; i++) {
        ea[0][i] = eb[0][i] = t1[i];
        ea[1][i] = eb[1][i] = t2[i];
    }
    if (kn->Ma > 0)
        ea[2][0] = k / kn->Ma, ea[2][1] = kn->wa * sn / kn->Ma, ea[2][2] = 0, ea[2][3] = kn->wa * c / kn->Ma;
    if (kn->Mb > 0)
        eb[2][0] = k / kn->Mb, eb[2][1] = -kn->wb * sn / kn->Mb, eb[2][2] = 0, eb[2][3] = -kn->wb * c / kn->Mb;
}

/* ---- spin- and polarisation-summed |M|^2 per channel at one angle ----
 * M = vbar(p2) G u(p1) with the fermion flow from particle 1 to particle 2 (Denner et al.); G is
 * applied to u(p1) factor by factor, right to left. */

static double amp2(const zp_inel_model *mod, int pair, int ch, const kin2 *kn, double s, double c)
{
    double p1[4], p2[4], ka[4], kb[4], ea[3][4], eb[3][4], qt[4], qu[4];
    momenta(kn, c, p1, p2, ka, kb, ea, eb);
    cx u[2][4], vb[2][4], ud[2][4], vd[2][4];
    spinors(kn->E1, kn->p, kn->m1, 1.0, u, vd);
    spinors(kn->E2, kn->p, kn->m2, -1.0, ud, vb);
    double g = mod->g, f = mod->f, w = mod->w, sum = 0.0;
    for (int i = 0; i < 4; i++)
        qt[i] = p1[i] - ka[i], qu[i] = p1[i] - kb[i];
    /* Yukawa vertex of the incoming state: +i f for chi-, -i f for chi+ (L = -(f/2) varphi
     * (chibar+ chi+ - chibar- chi-)); the exchanged state for Z' emission is the other one */
    cx y = pair == ZP_IN_MM ? I * f : -I * f;
    double mx = pair == ZP_IN_MM ? mod->m[1] : mod->m[0], ms = s - mod->mphi * mod->mphi;
    if (ch == ZP_IN_ZZ) {
        /* t: (-g eb) S(p1 - ka) (g ea); u: a <-> b (vertex flows - -> + then + -> -);
         * s-channel varphi: y i/(s - m_phi^2) (i c_ZZphi) (ea.eb) */
        cx cs = y * I / ms * I * mod->czz, T[3][2][4], U[3][2][4], tmp[4], w1[4], w2[4];
        for (int a = 0; a < 3; a++)
            for (int sp = 0; sp < 2; sp++) {
                slash_apply(ea[a], 1.0, 0.0, u[sp], tmp);
                prop_apply(qt, mx, tmp, T[a][sp]);
                slash_apply(eb[a], 1.0, 0.0, u[sp], tmp);
                prop_apply(qu, mx, tmp, U[a][sp]);
            }
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++) {
                cx d = cs * dot(ea[a], eb[b]);
                for (int sp = 0; sp < 2; sp++) {
                    slash_apply(eb[b], -g * g, 0.0, T[a][sp], w1);
                    slash_apply(ea[a], -g * g, 0.0, U[b][sp], w2);
                    for (int i = 0; i < 4; i++)
                        w1[i] += w2[i] + d * u[sp][i];
                    sum += amp_row(vb, w1);
                }
            }
    } else if (ch == ZP_IN_PHIPHI) {
        /* t and u: (y) S(p1 - k) (y); s-channel varphi with the cubic vertex -6 i lambda' w */
        cx d = y * I / ms * (-6.0 * I * mod->lam * w), w1[4], w2[4];
        double mi = kn->m1;
        for (int sp = 0; sp < 2; sp++) {
            prop_apply(qt, mi, u[sp], w1);
            prop_apply(qu, mi, u[sp], w2);
            for (int i = 0; i < 4; i++)
                w1[i] = y * y * (w1[i] + w2[i]) + d * u[sp][i];
            sum += amp_row(vb, w1);
        }
    } else if (ch == ZP_IN_ZPHI) { /* particle 1 = chi+, 2 = chi-; a = Z', b = varphi */
        double M2 = mod->mZp * mod->mZp, qs[4];
        for (int i = 0; i < 4; i++)
            qs[i] = p1[i] + p2[i];
        /* s-channel Z': (-g gamma^mu) (-i)(g - q q/M^2)/(s - M^2) (i c_ZZphi) ea; qslash between the
         * on-shell spinors is (m1 - m2): vbar(p2) (p1 + p2)slash u(p1) = (m+ - m-) vbar u (exact; it
         * removes a cancellation of order (E/m_Z')^3) */
        double cc = -g * mod->czz / (s - M2);
        cx SA[2][4], tmp[4], w1[4], w2[4];
        for (int sp = 0; sp < 2; sp++)
            prop_apply(qu, mod->m[1], u[sp], SA[sp]); /* varphi off chi+ first: S+(p1 - kb) */
        for (int a = 0; a < 3; a++) {
            cx d = -cc * dot(qs, ea[a]) / M2 * (kn->m1 - kn->m2);
            for (int sp = 0; sp < 2; sp++) {
                slash_apply(ea[a], I * f * g, 0.0, SA[sp], w1); /* (-g ea)(S+)(-i f) */
                slash_apply(ea[a], 1.0, 0.0, u[sp], tmp);
                prop_apply(qt, mod->m[0], tmp, w2);            /* Z' off chi+ first: S-(p1 - ka) */
                for (int i = 0; i < 4; i++)
                    w1[i] += -I * f * g * w2[i] + cc * tmp[i] + d * u[sp][i]; /* (i f)(S-)(-g ea) */
                sum += amp_row(vb, w1);
            }
        }
    }
    return sum;
}

/* int_{-1}^{1} dcos of |M|^2, Gauss-Legendre in ln(1 - B cos) towards each forward peak:
 * B = 2 p k / A of the exchange (q = p1 - k, mass mint) peaking at that end. */
static double peak_b(const kin2 *kn, double w, double Mf, double mint)
{
    double A = 2.0 * kn->E1 * w + mint * mint - kn->m1 * kn->m1 - Mf * Mf;
    double B = A > 0 ? 2.0 * kn->p * kn->k / A : 0.0;
    return B > 0 && B < 1.0 ? B : 0.0;
}

static double half(const zp_inel_model *mod, int pair, int ch, const kin2 *kn, double s, double B, double sign)
{
    double sum = 0.0;
    if (B < 1e-6) { /* flat: plain Gauss-Legendre on [0, 1] */
        for (int i = 0; i < IN_ANG; i++) {
            double c = 0.5 * (1.0 + mod->glx[i]);
            sum += 0.5 * mod->glw[i] * amp2(mod, pair, ch, kn, s, sign * c);
        }
        return sum;
    }
    double ymax = -log1p(-B);
    for (int i = 0; i < IN_ANG; i++) {
        double y = 0.5 * ymax * (1.0 + mod->glx[i]), c = -expm1(-y) / B;
        sum += 0.5 * ymax * mod->glw[i] * exp(-y) / B * amp2(mod, pair, ch, kn, s, sign * c);
    }
    return sum;
}

static double channel_sigmav(const zp_inel_model *mod, int pair, int ch, double s)
{
    double m1 = pair == ZP_IN_MM ? mod->m[0] : mod->m[1], m2 = pair == ZP_IN_PP ? mod->m[1] : mod->m[0];
    double Ma, Mb, mint_a, mint_b, sym = 1.0;
    switch (ch) {
    case ZP_IN_ZZ:
        Ma = Mb = mod->mZp, mint_a = mint_b = pair == ZP_IN_MM ? mod->m[1] : mod->m[0], sym = 0.5;
        break;
    case ZP_IN_PHIPHI:
        Ma = Mb = mod->mphi, mint_a = mint_b = m1, sym = 0.5;
        break;
    default: /* Z' varphi */
        Ma = mod->mZp, Mb = mod->mphi, mint_a = mod->m[0], mint_b = mod->m[1];
    }
    kin2 kn;
    if (!kin_init(&kn, s, m1, m2, Ma, Mb))
        return 0.0;
    double Bp = peak_b(&kn, kn.wa, Ma, mint_a), Bm = peak_b(&kn, kn.wb, Mb, mint_b), I2;
    if (sym == 0.5) /* identical final particles: |M|^2 is even in cos theta */
        I2 = 2.0 * half(mod, pair, ch, &kn, s, Bp, 1.0);
    else
        I2 = half(mod, pair, ch, &kn, s, Bp, 1.0) + half(mod, pair, ch, &kn, s, Bm, -1.0);
    /* sigma v = k / (128 pi sqrt(s) E1 E2) int dcos sum |M|^2, times 1/2 for identical finals */
    return sym * kn.k / (128.0 * ZP_PI * kn.rs * kn.E1 * kn.E2) * I2;
}

/* ---- public ---- */

int zp_inel_model_from_params(const zp_params *p, zp_inel_model *mod, zp_status *st)
{
    memset(mod, 0, sizeof *mod);
    double m = p->v[ZP_MCHI], f = p->v[ZP_F], w = p->v[ZP_W];
    mod->mphi = p->v[ZP_MPHI], mod->w = w;
    mod->g = p->v[ZP_GCHI], mod->f = f;
    if (!(m > 0 && mod->mphi > 0 && w > 0 && mod->g > 0))
        return zp_fail(st, ZP_EDOM, "the inelastic sector needs positive mchi = %g GeV, mphi = %g GeV, w = %g GeV and gchi = %g",
                       m, mod->mphi, w, mod->g);
    /* the dark-Higgs part of m_Z' (eq. 42): tree unitarity of the longitudinal Z' needs the
     * Z' mass and the varphi Z'Z' coupling from the same vev (inelastic.h) */
    mod->mZp = 2.0 * mod->g * w;
    double dm = 2.0 * f * w;
    if (!(dm < mod->mZp))
        return zp_fail(st, ZP_EDOM,
                       "delta m = 2 f w = %g GeV must be below 2 gchi w = %g GeV (f < gchi): otherwise chi+ -> chi- Z' is on shell and its exchange in chi+ chi+ -> Z'Z' diverges (f = %g, gchi = %g)",
                       dm, mod->mZp, f, mod->g);
    if (!(mod->mZp < m && mod->mphi < m))
        return zp_fail(st, ZP_EDOM,
                       "the inelastic sector's thermal sigma(s) needs 2 gchi w = %g GeV and mphi = %g GeV below mchi = %g GeV (every final state open at threshold, the s-channel poles below 2 mchi; section 4.2 has m_Z', m_phi << m_chi)",
                       mod->mZp, mod->mphi, m);
    mod->m[0] = m, mod->m[1] = m + dm;
    mod->lam = mod->mphi * mod->mphi / (2.0 * w * w);
    mod->czz = 8.0 * mod->g * mod->g * w; /* eq. (42): 4 g_chi^2 w varphi Z'.Z' */
    zp_params q = *p;
    q.v[ZP_MCHI] = m + 0.5 * dm; /* the s-channel SM pairs at the mean mass */
    int rc = zp_thermal_model_from_params(&q, &mod->sm, st);
    if (rc != ZP_OK)
        return rc;
    gsl_integration_glfixed_table *gl = gsl_integration_glfixed_table_alloc(IN_ANG);
    if (gl == NULL)
        return zp_fail(st, ZP_ENOMEM, "out of memory for the angular quadrature rule");
    for (int i = 0; i < IN_ANG; i++)
        gsl_integration_glfixed_point(-1.0, 1.0, (size_t)i, &mod->glx[i], &mod->glw[i], gl);
    gsl_integration_glfixed_table_free(gl);
    return ZP_OK;
}

double zp_inel_sigmav_s(const zp_inel_model *mod, int pair, double s, double ch[ZP_IN_NCHANNEL])
{
    double loc[ZP_IN_NCHANNEL];
    if (ch == NULL)
        ch = loc;
    memset(ch, 0, ZP_IN_NCHANNEL * sizeof *ch);
    if (pair == ZP_IN_PM) {
        ch[ZP_IN_ZPHI] = channel_sigmav(mod, pair, ZP_IN_ZPHI, s);
        double sm[ZP_TH_NCHANNEL], s0 = 4.0 * mod->sm.m * mod->sm.m; /* (m+ + m-)^2 up to rounding */
        zp_thermal_sigmav_s(&mod->sm, s > s0 * (1.0 - 1e-12) && s < s0 ? s0 : s, sm);
        ch[ZP_IN_SM] = sm[ZP_TH_BB] + sm[ZP_TH_TT] + sm[ZP_TH_MUMU] + sm[ZP_TH_NUNU];
    } else if (pair == ZP_IN_MM || pair == ZP_IN_PP) {
        ch[ZP_IN_ZZ] = channel_sigmav(mod, pair, ZP_IN_ZZ, s);
        ch[ZP_IN_PHIPHI] = channel_sigmav(mod, pair, ZP_IN_PHIPHI, s);
    }
    double tot = 0.0;
    for (int c = 0; c < ZP_IN_NCHANNEL; c++)
        tot += ch[c];
    return tot;
}

/* masses of the pair and its threshold eps_ij = (m_i + m_j)/m_chi- - 2 */
static void pair_masses(const zp_inel_model *mod, int pair, double *mi, double *mj)
{
    *mi = pair == ZP_IN_MM ? mod->m[0] : mod->m[1];
    *mj = pair == ZP_IN_PP ? mod->m[1] : mod->m[0];
}

double zp_inel_sigmav_e(const zp_inel_model *mod, int pair, double e, double ch[ZP_IN_NCHANNEL])
{
    double mi, mj;
    pair_masses(mod, pair, &mi, &mj);
    double rs = mi + mj + mod->m[0] * e;
    return zp_inel_sigmav_s(mod, pair, rs * rs, ch);
}

void zp_inel_ab(const zp_inel_model *mod, double a[ZP_IN_NPAIR], double b[ZP_IN_NPAIR])
{
    double h = 1e-4;
    for (int pr = 0; pr < ZP_IN_NPAIR; pr++) {
        double mi, mj;
        pair_masses(mod, pr, &mi, &mj);
        double s0 = (mi + mj) * (mi + mj);
        double f0 = zp_inel_sigmav_s(mod, pr, s0, NULL);
        double f1 = zp_inel_sigmav_s(mod, pr, s0 / (1.0 - h / 4.0), NULL);
        double f2 = zp_inel_sigmav_s(mod, pr, s0 / (1.0 - h / 2.0), NULL);
        a[pr] = f0;
        b[pr] = zp_thermal_pwave(f0, f1, f2, h); /* as zp_thermal_ab */
    }
}

/* ---- the coannihilation table ---- */

/* The weight factor of a node: g_i g_j (twice for i != j) sigma_ij 8 p^2 (2 + eps)^2 / m^2 written
 * with h = sigma v: 8 h p E_i E_j (2 + eps) / m^3. */
static double node_factor(const zp_inel_model *mod, int pair, double eps, double h)
{
    double mi, mj, m = mod->m[0];
    pair_masses(mod, pair, &mi, &mj);
    double rs = m * (2.0 + eps), s = rs * rs;
    double p = kallen_sqrt(s, mi, mj), Ei = (s + mi * mi - mj * mj) / (2.0 * rs), Ej = rs - Ei;
    double gg = 4.0 * (pair == ZP_IN_PM ? 2.0 : 1.0);
    return gg * 8.0 * h * p * Ei * Ej * (2.0 + eps) / (m * m * m);
}

typedef struct {
    const zp_inel_model *mod;
    int pair;
} cheb_ctx;

static double cheb_f(double u, void *vp)
{
    const cheb_ctx *c = vp;
    return zp_inel_sigmav_e(c->mod, c->pair, IN_ES * expm1(u), NULL);
}

int zp_inel_table_init(zp_thermal_table *t, const zp_inel_model *mod, zp_status *st)
{
    memset(t, 0, sizeof *t);
    t->mod = mod->sm;
    t->mod.m = mod->m[0];
    for (int j = 0; j < ZP_TH_NX; j++)
        t->lnsv[j] = NAN;
    t->nst = 2;
    t->gst[0] = t->gst[1] = 2.0;
    t->rst[0] = 1.0, t->rst[1] = mod->m[1] / mod->m[0];
    gsl_integration_glfixed_table *gl = gsl_integration_glfixed_table_alloc(IN_GL);
    gsl_cheb_series *cs = gsl_cheb_alloc(IN_CHEB);
    if (gl == NULL || cs == NULL) {
        gsl_integration_glfixed_table_free(gl);
        gsl_cheb_free(cs);
        return zp_fail(st, ZP_ENOMEM, "out of memory for the coannihilation <sigma v> table");
    }
    double umax = log1p(IN_EMAX / IN_ES);
    int nonzero = 0;
    for (int pr = 0; pr < ZP_IN_NPAIR; pr++) {
        cheb_ctx cc = {mod, pr};
        gsl_function F = {cheb_f, &cc};
        gsl_cheb_init(cs, &F, 0.0, umax);
        double mi, mj;
        pair_masses(mod, pr, &mi, &mj);
        double e0 = (mi + mj) / mod->m[0] - 2.0, v0 = log(IN_EMIN), v1 = log(IN_EMAX);
        int np = (int)ceil((v1 - v0) / IN_PANEL);
        for (int ip = 0; ip < np; ip++)
            for (size_t i = 0; i < IN_GL; i++) {
                double v, wt;
                gsl_integration_glfixed_point(v0 + (v1 - v0) * ip / np, v0 + (v1 - v0) * (ip + 1) / np, i, &v, &wt, gl);
                if (t->nnode >= ZP_TH_MAXNODES) {
                    t->overflow = 1;
                    break;
                }
                double d = exp(v), eps = e0 + d;
                double h = gsl_cheb_eval(cs, log1p(d / IN_ES));
                t->eps[t->nnode] = eps;
                t->w[t->nnode] = wt * d * node_factor(mod, pr, eps, h > 0 ? h : 0.0);
                nonzero += t->w[t->nnode] > 0;
                t->nnode++;
            }
    }
    gsl_integration_glfixed_table_free(gl);
    gsl_cheb_free(cs);
    if (t->overflow)
        return zp_fail(st, ZP_ENUM, "the coannihilation quadrature needs more than %d nodes", ZP_TH_MAXNODES);
    if (!nonzero)
        return zp_fail(st, ZP_EDOM, "<sigma v> = 0: chi+- do not annihilate (g_chi = %g, f = %g)", mod->g, mod->f);
    return ZP_OK;
}

/* ---- the reference: adaptive quadrature with the exact sigma v ---- */

typedef struct {
    const zp_inel_model *mod;
    int pair;
    double x, e0;
} direct_ctx;

static double direct_f(double d, void *vp)
{
    const direct_ctx *c = vp;
    double eps = c->e0 + d;
    double h = zp_inel_sigmav_e(c->mod, c->pair, d, NULL);
    return node_factor(c->mod, c->pair, eps, h) * zp_thermal_k_scaled(1, c->x * (2.0 + eps)) * exp(-c->x * eps);
}

int zp_inel_sigmav_direct(const zp_inel_model *mod, double x, double *out, zp_status *st)
{
    int rc = zp_check_range("x = m_chi/T", x, 1.0, 1e5, "", st);
    if (rc != ZP_OK)
        return rc;
    gsl_integration_workspace *ws = gsl_integration_workspace_alloc(200);
    if (ws == NULL)
        return zp_fail(st, ZP_ENOMEM, "out of memory in the <sigma v> quadrature");
    double sum = 0.0;
    int grc = GSL_SUCCESS;
    for (int pr = 0; pr < ZP_IN_NPAIR && grc == GSL_SUCCESS; pr++) {
        double mi, mj;
        pair_masses(mod, pr, &mi, &mj);
        direct_ctx c = {mod, pr, x, (mi + mj) / mod->m[0] - 2.0};
        gsl_function F = {direct_f, &c};
        double r = 0, err = 0, top = 60.0 / x;
        grc = gsl_integration_qag(&F, 0.0, top, 0.0, 1e-9, 200, GSL_INTEG_GAUSS21, ws, &r, &err);
        if ((grc == GSL_EROUND || grc == GSL_EMAXITER) && fabs(err) <= 1e-7 * fabs(r))
            grc = GSL_SUCCESS;
        sum += r;
    }
    gsl_integration_workspace_free(ws);
    if (grc != GSL_SUCCESS || !isfinite(sum))
        return zp_fail(st, ZP_ENUM, "the coannihilation average at x = %g did not converge (%s)", x, gsl_strerror(grc));
    const double g[2] = {2.0, 2.0}, r[2] = {1.0, mod->m[1] / mod->m[0]};
    double G = zp_thermal_neq_scaled(x, 2, g, r);
    *out = x / 8.0 * sum / (G * G);
    return ZP_OK;
}

/* ---- registry ---- */

/* sigma v [cm^3/s] of pair a[0] (0 chi-chi-, 1 chi+chi+, 2 chi+chi-) in channel a[1] (0 Z'Z',
 * 1 varphi varphi, 2 Z' varphi, 3 Z'* -> SM, -1 all) at eps = a[2] above the pair's threshold. */
static int sigmav_pair(const zp_params *p, const double *a, double *out, zp_status *st)
{
    int rc = zp_check_range("pair (0 chi-chi-, 1 chi+chi+, 2 chi+chi-)", a[0], 0, 2, "", st);
    if (rc == ZP_OK)
        rc = zp_check_range("channel (-1 all, 0 Z'Z', 1 phi phi, 2 Z' phi, 3 Z'* -> SM)", a[1], -1, 3, "", st);
    if (rc == ZP_OK)
        rc = zp_check_range("eps = (sqrt(s) - m_i - m_j)/m_chi", a[2], 0, 1e4, "", st);
    if (rc == ZP_OK && (a[0] != floor(a[0]) || a[1] != floor(a[1])))
        rc = zp_fail(st, ZP_EDOM, "pair = %g and channel = %g must be whole numbers", a[0], a[1]);
    zp_inel_model mod;
    if (rc == ZP_OK)
        rc = zp_inel_model_from_params(p, &mod, st);
    if (rc != ZP_OK)
        return rc;
    double ch[ZP_IN_NCHANNEL], tot = zp_inel_sigmav_e(&mod, (int)a[0], a[2], ch);
    *out = zp_gevm2_to_cm3s(a[1] < 0 ? tot : ch[(int)a[1]]);
    return ZP_OK;
}

const zp_obs_def zp_obs_inelastic[] = {
    {"sigmav_pair", "cm^3/s",
     "tree-level sigma v (Moller velocity) of the inelastic sector at any energy: pair 0 chi-chi-, 1 chi+chi+, 2 chi+chi-; channel 0 Z'Z', 1 phi phi, 2 Z' phi, 3 Z'* -> SM, -1 all; eps = (sqrt(s) - m_i - m_j)/m_chi- (0: threshold, eqs. 43-44)",
     "eqs. (41)-(44); docs/relic.md", "mchi f w gchi mphi mZp gq gl m_b m_t m_mu relic_width", 3,
     "pair channel eps", sigmav_pair},
    {0},
};
