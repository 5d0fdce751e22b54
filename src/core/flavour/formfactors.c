/* formfactors.c -- BSZ form factors of B -> K and B -> K* (arXiv:1503.05534, arXiv:2305.06301). */
#include "flavour/formfactors.h"

#include <math.h>

double zp_ff_z(double mB, double mM, double q2)
{
    double tp = (mB + mM) * (mB + mM), tm = (mB - mM) * (mB - mM);
    double t0 = tp * (1.0 - sqrt(1.0 - tm / tp)); /* arXiv:1503.05534, after eq. (3.2) */
    double a = sqrt(tp - q2), b = sqrt(tp - t0);
    return (a - b) / (a + b);
}

/* The B -> K* coefficients are read as arrays a_0, a_1, a_2: params.def lists them in that order. */
#define ZP_FF_CONSECUTIVE(F) _Static_assert(ZP_FFKST_##F##_A2 == ZP_FFKST_##F##_A0 + 2, "ffKst_" #F "_a0..a2 must be consecutive in params.def")
ZP_FF_CONSECUTIVE(A0);
ZP_FF_CONSECUTIVE(A1);
ZP_FF_CONSECUTIVE(A12);
ZP_FF_CONSECUTIVE(V);
ZP_FF_CONSECUTIVE(T1);
ZP_FF_CONSECUTIVE(T2);
ZP_FF_CONSECUTIVE(T23);

/* P(q^2) sum_k a_k dz^k with a simple pole at mres. */
static double bsz(double mres, const double *a, double dz, double q2)
{
    return (a[0] + dz * (a[1] + dz * a[2])) / (1.0 - q2 / (mres * mres));
}

static int check_q2(double q2, double mB, double mM, const char *what, zp_status *st)
{
    double qmax = (mB - mM) * (mB - mM);
    if (!(mB > mM))
        return zp_fail(st, ZP_EDOM, "%s form factors need m_B = %g GeV > m_M = %g GeV", what, mB, mM);
    if (!(q2 >= 0.0 && q2 <= qmax))
        return zp_fail(st, ZP_EDOM, "%s form factors: q2 = %g GeV^2 is outside the physical range [0, (m_B - m_M)^2 = %g] GeV^2",
                       what, q2, qmax);
    return ZP_OK;
}

/* Check q2 and return dz = z(q2) - z(0) for masses mB, mM. */
static int prepare(double q2, double mB, double mM, const char *what, double *dz, zp_status *st)
{
    int rc = check_q2(q2, mB, mM, what, st);
    if (rc == ZP_OK)
        *dz = zp_ff_z(mB, mM, q2) - zp_ff_z(mB, mM, 0.0);
    return rc;
}

int zp_ff_bk_eval(const zp_params *p, double q2, zp_ff_bk *ff, zp_status *st)
{
    const double *v = p->v;
    double dz;
    int rc = prepare(q2, v[ZP_M_BP], v[ZP_M_KP], "B -> K", &dz, st);
    if (rc != ZP_OK)
        return rc;
    double ap[3] = {v[ZP_FFK_FP_A0], v[ZP_FFK_FP_A1], v[ZP_FFK_FP_A2]};
    double a0[3] = {v[ZP_FFK_FP_A0], v[ZP_FFK_F0_A1], v[ZP_FFK_F0_A2]}; /* f0(0) = f+(0) */
    double aT[3] = {v[ZP_FFK_FT_A0], v[ZP_FFK_FT_A1], v[ZP_FFK_FT_A2]};
    ff->fp = bsz(v[ZP_BK_MPOLE_P], ap, dz, q2);
    ff->f0 = bsz(v[ZP_BK_MPOLE_0], a0, dz, q2);
    ff->fT = bsz(v[ZP_BK_MPOLE_P], aT, dz, q2);
    return ZP_OK;
}

int zp_ff_bkstar_eval(const zp_params *p, double q2, zp_ff_bkstar *ff, zp_status *st)
{
    const double *v = p->v;
    double dz;
    int rc = prepare(q2, v[ZP_M_B0], v[ZP_M_KST0], "B -> K*", &dz, st);
    if (rc != ZP_OK)
        return rc;
    double m0 = v[ZP_BKST_MRES_0M], m1m = v[ZP_BKST_MRES_1M], m1p = v[ZP_BKST_MRES_1P];
    /* pole assignment of arXiv:1503.05534, Table 3: A0 (0-), V and T1 (1-), the rest (1+) */
    ff->A0 = bsz(m0, &v[ZP_FFKST_A0_A0], dz, q2);
    ff->A1 = bsz(m1p, &v[ZP_FFKST_A1_A0], dz, q2);
    ff->A12 = bsz(m1p, &v[ZP_FFKST_A12_A0], dz, q2);
    ff->V = bsz(m1m, &v[ZP_FFKST_V_A0], dz, q2);
    ff->T1 = bsz(m1m, &v[ZP_FFKST_T1_A0], dz, q2);
    ff->T2 = bsz(m1p, &v[ZP_FFKST_T2_A0], dz, q2);
    ff->T23 = bsz(m1p, &v[ZP_FFKST_T23_A0], dz, q2);
    return ZP_OK;
}
