/* zdecay.c -- Gamma(Z -> mu+ mu- Z') from the exact tree-level matrix element. */
#include "flavour/zdecay.h"

#include <complex.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>

#include "base/widths.h"
#include "base/zp_registry.h"
#include "base/zp_units.h"

typedef double complex mat4[4][4];

/* Dirac matrices (Dirac representation), gamma^mu with upper index, and gamma^5. */
static void gammas(mat4 g[4], mat4 g5)
{
    memset(g, 0, 4 * sizeof(mat4));
    memset(g5, 0, sizeof(mat4));
    g[0][0][0] = g[0][1][1] = 1;
    g[0][2][2] = g[0][3][3] = -1;
    /* gamma^i = [[0, sigma_i], [-sigma_i, 0]] */
    g[1][0][3] = g[1][1][2] = 1;
    g[1][2][1] = g[1][3][0] = -1;
    g[2][0][3] = -I;
    g[2][1][2] = I;
    g[2][2][1] = I;
    g[2][3][0] = -I;
    g[3][0][2] = 1;
    g[3][1][3] = -1;
    g[3][2][0] = -1;
    g[3][3][1] = 1;
    g5[0][2] = g5[1][3] = g5[2][0] = g5[3][1] = 1;
}

static void mmul(mat4 r, mat4 a, mat4 b)
{
    mat4 t;
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) {
            double complex s = 0;
            for (int k = 0; k < 4; k++)
                s += a[i][k] * b[k][j];
            t[i][j] = s;
        }
    memcpy(r, t, sizeof(mat4));
}

/* r = pslash + c (pslash = gamma^0 p^0 - gamma^i p^i), times f. */
static void slash(mat4 r, mat4 g[4], const double p[4], double c, double f)
{
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
            r[i][j] = f * (g[0][i][j] * p[0] - g[1][i][j] * p[1] - g[2][i][j] * p[2] -
                           g[3][i][j] * p[3] + (i == j ? c : 0));
}

/* gamma^mu (a P_L + b P_R) for mu = 0..3. */
static void vertices(mat4 out[4], mat4 g[4], mat4 g5, double a, double b)
{
    mat4 c;
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
            c[i][j] = 0.5 * (a + b) * (i == j) - 0.5 * (a - b) * g5[i][j];
    for (int mu = 0; mu < 4; mu++)
        mmul(out[mu], g[mu], c);
}

static double mdot(const double a[4], const double b[4])
{
    return a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3];
}

/* Momenta in the Z rest frame from the Dalitz point; returns 0 outside the physical region. */
static int momenta(double mz, double mf, double mv, double s13, double s23, double p1[4],
                   double p2[4], double k[4])
{
    double s12 = mz * mz + 2 * mf * mf + mv * mv - s13 - s23;
    double ek = (mz * mz + mv * mv - s12) / (2 * mz);
    double e1 = (mz * mz + mf * mf - s23) / (2 * mz);
    double kk = sqrt(fmax(ek * ek - mv * mv, 0)), pp = sqrt(fmax(e1 * e1 - mf * mf, 0));
    if (kk == 0 || pp == 0)
        return 0;
    double c = (mf * mf + mv * mv + 2 * e1 * ek - s13) / (2 * pp * kk);
    if (c > 1)
        c = 1;
    if (c < -1)
        c = -1;
    double s = sqrt(1 - c * c);
    double a1[4] = {e1, pp * s, 0, pp * c}, ak[4] = {ek, 0, 0, kk};
    memcpy(p1, a1, sizeof a1);
    memcpy(k, ak, sizeof ak);
    p2[0] = mz - e1 - ek;
    for (int i = 1; i < 4; i++)
        p2[i] = -a1[i] - ak[i];
    return 1;
}

double zp_zdecay_msq(double mz, double mf, double mv, double zl, double zr, double vl, double vr,
                     double s13, double s23)
{
    static const double metric[4] = {1, -1, -1, -1};
    mat4 g[4], g5, vz[4], vv[4], s1, s2, x[4][4], y[4][4], t;
    double p1[4], p2[4], k[4], q[4];
    if (!momenta(mz, mf, mv, s13, s23, p1, p2, k))
        return 0;
    gammas(g, g5);
    vertices(vz, g, g5, zl, zr);
    vertices(vv, g, g5, vl, vr);
    double a[4], b[4];
    for (int i = 0; i < 4; i++) {
        a[i] = p1[i] + k[i];
        b[i] = -p2[i] - k[i];
        q[i] = p1[i] + p2[i] + k[i];
    }
    slash(s1, g, a, mf, 1.0 / (mdot(a, a) - mf * mf)); /* propagator after emission off mu- */
    slash(s2, g, b, mf, 1.0 / (mdot(b, b) - mf * mf)); /* ... and off mu+ */
    mat4 u1, v2;
    slash(u1, g, p1, mf, 1.0);  /* p1slash + m */
    slash(v2, g, p2, -mf, 1.0); /* p2slash - m */
    for (int mu = 0; mu < 4; mu++)
        for (int al = 0; al < 4; al++) {
            mat4 gm, tmp;
            mmul(tmp, s1, vz[mu]);
            mmul(gm, vv[al], tmp);
            mmul(tmp, s2, vv[al]);
            mmul(tmp, vz[mu], tmp);
            for (int i = 0; i < 4; i++)
                for (int j = 0; j < 4; j++)
                    gm[i][j] += tmp[i][j];
            mmul(x[mu][al], u1, gm);
            /* gamma-bar = gamma^0 Gamma^dagger gamma^0 */
            for (int i = 0; i < 4; i++)
                for (int j = 0; j < 4; j++)
                    t[i][j] = conj(gm[j][i]) * g[0][i][i] * g[0][j][j];
            mmul(y[mu][al], v2, t);
        }
    double sum = 0;
    for (int mu = 0; mu < 4; mu++)
        for (int nu = 0; nu < 4; nu++) {
            /* Z polarisation sum -g_{mu nu} + q_mu q_nu / m_Z^2 (lower indices) */
            double pz = -(mu == nu ? metric[mu] : 0) + metric[mu] * q[mu] * metric[nu] * q[nu] / (mz * mz);
            if (pz == 0)
                continue;
            for (int al = 0; al < 4; al++)
                for (int be = 0; be < 4; be++) {
                    double pv = -(al == be ? metric[al] : 0) +
                                metric[al] * k[al] * metric[be] * k[be] / (mv * mv);
                    if (pv == 0)
                        continue;
                    double complex tr = 0;
                    for (int i = 0; i < 4; i++)
                        for (int j = 0; j < 4; j++)
                            tr += x[mu][al][i][j] * y[nu][be][j][i];
                    sum += pz * pv * creal(tr);
                }
        }
    return sum;
}

/* ---- phase-space integration ---- */

typedef struct {
    double mz, mf, mv, zl, zr, vl, vr;
    double s23;                       /* outer variable, fixed during the inner integral */
    gsl_integration_workspace *w_in;
    int fail;
} zd_ctx;

#define ZD_LIMIT 200

/* Dalitz limits of s13 at fixed s23 [PDG 2016 "Kinematics", eq. (47.23)]. */
static void s13_limits(const zd_ctx *c, double s23, double *lo, double *hi)
{
    double r = sqrt(s23);
    double e3 = (s23 - c->mf * c->mf + c->mv * c->mv) / (2 * r); /* Z' */
    double e1 = (c->mz * c->mz - s23 - c->mf * c->mf) / (2 * r); /* mu- */
    double p1 = sqrt(fmax(e1 * e1 - c->mf * c->mf, 0)), p3 = sqrt(fmax(e3 * e3 - c->mv * c->mv, 0));
    double e13 = e1 + e3;
    *lo = e13 * e13 - (p1 + p3) * (p1 + p3);
    *hi = e13 * e13 - (p1 - p3) * (p1 - p3);
}

/* Inner integrand in u = ln(s13 - mf^2). */
static double inner_fn(double u, void *vp)
{
    zd_ctx *c = vp;
    double s13 = c->mf * c->mf + exp(u);
    return zp_zdecay_msq(c->mz, c->mf, c->mv, c->zl, c->zr, c->vl, c->vr, s13, c->s23) * exp(u);
}

/* Outer integrand in v = ln(s23 - mf^2): the inner integral over s13. */
static double outer_fn(double v, void *vp)
{
    zd_ctx *c = vp;
    double lo, hi, res, err;
    if (c->fail)
        return 0; /* an inner integral already failed: the width is an error, stop spending time */
    c->s23 = c->mf * c->mf + exp(v);
    s13_limits(c, c->s23, &lo, &hi);
    double m2 = c->mf * c->mf;
    if (!(hi - m2 > 0) || !(hi > lo))
        return 0;
    gsl_function f = {inner_fn, c};
    int rc = gsl_integration_qag(&f, log(fmax(lo - m2, 1e-300)), log(hi - m2), 0, 1e-7, ZD_LIMIT,
                                 GSL_INTEG_GAUSS21, c->w_in, &res, &err);
    if (rc != GSL_SUCCESS && rc != GSL_EROUND)
        c->fail = rc;
    return res * exp(v);
}

int zp_zdecay_width(double mz, double mf, double mv, double zl, double zr, double vl, double vr,
                    double *out, zp_status *st)
{
    if (!(mz > 0 && mf >= 0 && mv > 0))
        return zp_fail(st, ZP_EDOM, "Z -> f f V needs positive masses, got m_Z = %g, m_f = %g, m_V = %g GeV",
                       mz, mf, mv);
    if (!(mv < mz - 2 * mf)) {
        *out = 0; /* no on-shell V */
        return ZP_OK;
    }
    zd_ctx c = {mz, mf, mv, zl, zr, vl, vr, 0, NULL, 0};
    gsl_integration_workspace *w_out = gsl_integration_workspace_alloc(ZD_LIMIT);
    c.w_in = gsl_integration_workspace_alloc(ZD_LIMIT);
    if (!w_out || !c.w_in) {
        gsl_integration_workspace_free(w_out);
        gsl_integration_workspace_free(c.w_in);
        return zp_fail(st, ZP_ENOMEM, "out of memory for the Z -> mu mu Z' phase-space integral");
    }
    double lo = (mf + mv) * (mf + mv) - mf * mf, hi = (mz - mf) * (mz - mf) - mf * mf;
    double res = 0, err = 0;
    gsl_function f = {outer_fn, &c};
    int rc = gsl_integration_qag(&f, log(lo), log(hi), 0, 1e-6, ZD_LIMIT, GSL_INTEG_GAUSS21, w_out,
                                 &res, &err);
    gsl_integration_workspace_free(w_out);
    gsl_integration_workspace_free(c.w_in);
    if ((rc != GSL_SUCCESS && rc != GSL_EROUND) || c.fail)
        return zp_fail(st, ZP_ENUM, "the Z -> mu mu Z' phase-space integral did not converge (m_Z' = %g GeV, GSL code %d)",
                       mv, rc ? rc : c.fail);
    /* average over the 3 Z polarisations; dGamma = |M|^2 ds13 ds23 / ((2 pi)^3 32 m_Z^3) */
    *out = res / 3.0 / (pow(2 * ZP_PI, 3) * 32.0 * mz * mz * mz);
    return ZP_OK;
}

/* Z couplings to muons: g_Z (g_L, g_R), g_Z^2 = 4 sqrt2 G_F m_Z^2 (tree level). */
static void z_couplings(const zp_params *p, double *zl, double *zr)
{
    double gz = sqrt(4.0 * ZP_SQRT2 * p->v[ZP_GF]) * p->v[ZP_M_Z], s2 = p->v[ZP_SW2];
    *zl = gz * (-0.5 + s2);
    *zr = gz * s2;
}

int zp_zdecay_Gamma_Zpmumu(const zp_params *p, double *out, zp_status *st)
{
    /* last-input cache of the width for g_l = 1 (Gamma scales as g_l^2), one per thread */
    static _Thread_local double key[5] = {-1, -1, -1, -1, -1}, val = 0;
    double mv = p->v[ZP_MZP], mz = p->v[ZP_M_Z], mf = p->v[ZP_M_MU];
    if (!(mv > 0))
        return zp_fail(st, ZP_EDOM, "mZp = %g GeV must be positive", mv);
    double k[5] = {mv, mz, mf, p->v[ZP_SW2], p->v[ZP_GF]};
    if (memcmp(k, key, sizeof k) != 0) {
        double zl, zr, w;
        z_couplings(p, &zl, &zr);
        int rc = zp_zdecay_width(mz, mf, mv, zl, zr, 1.0, 0.0, &w, st);
        if (rc != ZP_OK)
            return rc;
        memcpy(key, k, sizeof k);
        val = w;
    }
    *out = val * p->v[ZP_GL] * p->v[ZP_GL];
    return ZP_OK;
}

int zp_zdecay_BR_4mu_NP(const zp_params *p, double *out, zp_status *st)
{
    double g, br;
    int rc = zp_zdecay_Gamma_Zpmumu(p, &g, st);
    if (rc != ZP_OK)
        return rc;
    if (g == 0) {
        *out = 0;
        return ZP_OK;
    }
    rc = zp_widths_BR(p, ZP_ZP_MUMU, &br, st);
    if (rc != ZP_OK)
        return zp_prefix(st, "BR_Z_4mu_NP");
    *out = g * br / p->v[ZP_GAMMA_Z]; /* eq. (29) */
    return ZP_OK;
}

/* ---- registry adaptors ---- */

static int obs_Gamma(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return zp_zdecay_Gamma_Zpmumu(p, out, st);
}

static int obs_BR4mu(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    return zp_zdecay_BR_4mu_NP(p, out, st);
}

const zp_obs_def zp_obs_zdecay[] = {
    {"Gamma_Z_Zpmumu", "GeV",
     "width Z -> mu+ mu- Z' at tree level (Z' radiated off either muon, exact matrix element over 3-body phase space; 0 for mZp >= m_Z - 2 m_mu)",
     "section 3.5, eq. (29)", "gl mZp m_Z m_mu sw2 GF", 0, NULL, obs_Gamma},
    {"BR_Z_4mu_NP", "1",
     "new-physics BR(Z -> 4 mu) = Gamma(Z -> mu mu Z') BR(Z' -> mu mu) / Gamma_Z (on-shell Z', no interference)",
     "eqs. (29), (30)", "gq gl gchi mZp mchi m_Z m_mu m_b m_t sw2 GF Gamma_Z", 0, NULL, obs_BR4mu},
    {0},
};
