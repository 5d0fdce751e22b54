/* light.c -- section 4.2 of arXiv:1702.00395: light Z' + inelastic Majorana dark matter.
 * See light.h; the registry entries are in light_obs.c. */
#include "dm/light.h"

#include <math.h>
#include <stddef.h>

#include "dm/sommerfeld.h"
#include "base/zp_units.h"

int zp_light_w_from_mZp(const zp_params *p, double *w, zp_status *st)
{
    double g = p->v[ZP_GCHI], m = p->v[ZP_MZP];
    if (!(g > 0.0))
        return zp_fail(st, ZP_EDOM, "gchi = %g must be positive to derive w from mZp (eq. (42))", g);
    double fq = p->v[ZP_GQ] * p->v[ZP_PHI_Q], fl = p->v[ZP_GL] * p->v[ZP_PHI_L];
    double d = m * m - fq * fq - fl * fl; /* eq. (42): (2 g_chi w)^2 */
    if (!(d > 0.0))
        return zp_fail(st, ZP_ENOSOL,
                       "mZp = %g GeV is below the flavon contribution sqrt((gq Phi_q)^2 + (gl Phi_l)^2) = %g GeV, so eq. (42) has no w > 0",
                       m, sqrt(fq * fq + fl * fl));
    *w = sqrt(d) / (2.0 * g);
    return ZP_OK;
}

double zp_light_mZp_from_w(const zp_params *p)
{
    double a = 2.0 * p->v[ZP_GCHI] * p->v[ZP_W];
    double fq = p->v[ZP_GQ] * p->v[ZP_PHI_Q], fl = p->v[ZP_GL] * p->v[ZP_PHI_L];
    return sqrt(a * a + fq * fq + fl * fl); /* eq. (42) */
}

double zp_light_delta_m(const zp_params *p) { return 2.0 * p->v[ZP_F] * p->v[ZP_W]; }

/* 1/(16 pi m_chi-^2) and the threshold factor (1 - c f m_Z'/(g_chi m_chi-)) of eqs. (43)-(44). */
static int threshold(const zp_params *p, double c, double *norm, double *factor, zp_status *st)
{
    double g = p->v[ZP_GCHI], m = p->v[ZP_MCHI];
    if (!(g > 0.0))
        return zp_fail(st, ZP_EDOM, "gchi = %g must be positive in eqs. (43)-(44)", g);
    *factor = 1.0 - c * p->v[ZP_F] * p->v[ZP_MZP] / (g * m);
    if (*factor < 0.0)
        return zp_fail(st, ZP_EDOM,
                       "the threshold expansion of eqs. (43)-(44) fails: %g f mZp/(gchi mchi) = %g must be below 1 (gchi = %g, f = %g)",
                       c, 1.0 - *factor, g, p->v[ZP_F]);
    *norm = 1.0 / (16.0 * ZP_PI * m * m);
    return ZP_OK;
}

int zp_light_sigmav_ZpZp(const zp_params *p, double *sv, zp_status *st)
{
    double norm = 0.0, fac = 0.0, g = p->v[ZP_GCHI];
    int rc = threshold(p, 2.0, &norm, &fac, st);
    if (rc != ZP_OK)
        return rc;
    *sv = g * g * g * g * norm * fac; /* eq. (43) */
    return ZP_OK;
}

int zp_light_sigmav_Zpphi(const zp_params *p, double *sv, zp_status *st)
{
    double norm = 0.0, fac = 0.0, g2 = p->v[ZP_GCHI] * p->v[ZP_GCHI], f2 = p->v[ZP_F] * p->v[ZP_F];
    int rc = threshold(p, 1.0, &norm, &fac, st);
    if (rc != ZP_OK)
        return rc;
    *sv = (g2 - f2) * (g2 - f2) * norm * fac; /* eq. (44) */
    return ZP_OK;
}

int zp_light_sigmav_eff(const zp_params *p, double *sv, zp_status *st)
{
    double zz = 0.0, zphi = 0.0;
    int rc = zp_light_sigmav_ZpZp(p, &zz, st);
    if (rc == ZP_OK)
        rc = zp_light_sigmav_Zpphi(p, &zphi, st);
    if (rc != ZP_OK)
        return rc;
    /* eq. (45) with m_chi+ = m_chi-: 1/4 (++ -> Z'Z') + 1/2 (+- -> Z'phi) + 1/4 (-- -> Z'Z') */
    *sv = 0.5 * zz + 0.5 * zphi;
    return ZP_OK;
}

double zp_light_relic_rhs(double mchi, double sigmav)
{
    return 32.0 * ZP_PI * mchi * mchi * sigmav; /* eqs. (43)-(46) at leading order */
}

int zp_light_gchi_relic(double f, double R, double g[2], int *n, zp_status *st)
{
    *n = 0;
    if (!(R > 0.0) || !isfinite(2.0 * R))
        return zp_fail(st, ZP_EDOM, "the right-hand side of eq. (46) R = %g must be positive and finite", R);
    double fmax = pow(2.0 * R, 0.25), f2 = f * f;
    if (!(f >= 0.0) || !isfinite(f))
        return zp_fail(st, ZP_EDOM, "f = %g must be finite and >= 0 in eq. (46)", f);
    if (f > fmax)
        return zp_fail(st, ZP_ENOSOL,
                       "eq. (46) g_chi^4 + (g_chi^2 - f^2)^2 = %.4g has no solution for f = %g: it needs 0 <= f <= (2R)^(1/4) = %.4g (two branches for f > R^(1/4) = %.4g)",
                       R, f, fmax, pow(R, 0.25));
    double d = 2.0 * R - f2 * f2, disc = sqrt(d > 0.0 ? d : 0.0);
    g[0] = sqrt(0.5 * (f2 + disc)); /* G = (f^2 + sqrt(2R - f^4))/2 */
    *n = 1;
    if (f2 * f2 > R) { /* the lower root G = (f^2 - sqrt(2R - f^4))/2 is positive */
        g[1] = sqrt(0.5 * (f2 - disc));
        *n = 2;
    }
    return ZP_OK;
}

double zp_light_alpha_phi(const zp_params *p)
{
    return p->v[ZP_F] * p->v[ZP_F] / (p->v[ZP_ALPHA_PHI_DEN] * ZP_PI); /* eq. (47): f^2/(16 pi) */
}

int zp_light_method(const zp_params *p, int *method, zp_status *st)
{
    double m = p->v[ZP_S_METHOD];
    if (m != 0.0 && m != 1.0)
        return zp_fail(st, ZP_EINVAL, "S_method = %g must be 0 (Hulthen, eq. (47)) or 1 (exact Yukawa)", m);
    *method = m == 0.0 ? ZP_S_HULTHEN : ZP_S_EXACT;
    return ZP_OK;
}

int zp_light_S(const zp_params *p, int method, double beta, double *S, zp_status *st)
{
    /* a small last-inputs cache: m:check() asks for S at v_dm, v_cmb and v_bbn repeatedly */
    enum { NC = 6 };
    static double key[NC][5], val[NC];
    static int used = 0, next = 0;
    double k[5] = {method, zp_light_alpha_phi(p), beta, p->v[ZP_MCHI], p->v[ZP_MPHI]};
    for (int i = 0; i < used; i++)
        if (key[i][0] == k[0] && key[i][1] == k[1] && key[i][2] == k[2] && key[i][3] == k[3] &&
            key[i][4] == k[4]) {
            *S = val[i];
            return ZP_OK;
        }
    int rc = zp_sommerfeld(method, k[1], beta, k[3], k[4], S, st);
    if (rc != ZP_OK)
        return rc;
    for (int j = 0; j < 5; j++)
        key[next][j] = k[j];
    val[next] = *S;
    next = (next + 1) % NC;
    if (used < NC)
        used++;
    return ZP_OK;
}

double zp_light_v0_kd(const zp_params *p, double z)
{
    double mzp_mev = p->v[ZP_MZP] * 1e3, mchi = p->v[ZP_MCHI];
    return 1e-8 * ((1.0 + z) / 600.0) * sqrt(1.0 / (mzp_mev * mchi)); /* eq. (48) */
}

int zp_light_mphi_fit(const zp_params *p, double S_target, double *mphi, zp_status *st)
{
    int method = 0, n = 0;
    int rc = zp_light_method(p, &method, st);
    if (rc != ZP_OK)
        return rc;
    double a = zp_light_alpha_phi(p), m = p->v[ZP_MCHI], roots[64];
    if (!(a > 0.0))
        return zp_fail(st, ZP_ENOSOL, "no m_phi gives S = %g with f = %g: phi exchange needs f > 0",
                       S_target, p->v[ZP_F]);
    rc = zp_sommerfeld_mphi_roots(method, S_target, a, p->v[ZP_V_DM], m, 1e-4 * a * m, 1e3 * a * m,
                                  600, roots, 64, &n, st);
    if (rc != ZP_OK)
        return rc;
    if (n == 0)
        return zp_fail(st, ZP_ENOSOL,
                       "no m_phi in [%.3g, %.3g] GeV gives S = %.4g at v = %g c with f = %g (alpha_phi = %.3g): f is too small",
                       1e-4 * a * m, 1e3 * a * m, S_target, p->v[ZP_V_DM], p->v[ZP_F], a);
    *mphi = roots[n - 1];
    return ZP_OK;
}

double zp_light_delta_max_dd(const zp_params *p)
{
    double mN = p->v[ZP_A_XE] * p->v[ZP_M_AMU], m = p->v[ZP_MCHI], mu = mN * m / (mN + m);
    double v = (p->v[ZP_V_ESC] + p->v[ZP_V_EARTH]) / ZP_C_KM_S;
    return 0.5 * mu * v * v; /* inelastic kinematics: delta <= mu v^2 / 2 [76] */
}

double zp_light_sigma_N_higgs(const zp_params *p)
{
    double mh = p->v[ZP_M_H], mphi = p->v[ZP_MPHI];
    double theta = p->v[ZP_KAPPA] * p->v[ZP_V_H] * p->v[ZP_W] / (mh * mh); /* after eq. (50) */
    double a = p->v[ZP_Y_HN] * p->v[ZP_F] * theta * p->v[ZP_M_N];
    return a * a / (ZP_PI * mphi * mphi * mphi * mphi); /* eq. (50) */
}
