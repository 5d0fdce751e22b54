/* bench_sommerfeld_tol.c -- accuracy against cost of the exact Sommerfeld solver's tolerances.
 *
 * Over the Figure 7 plane (f = 0.05-1.1, m_phi = 0.5-200 GeV, m_chi = 1950 GeV, alpha = f^2/(16 pi))
 * at v = 1e-3 c and at v = 1e-5 c, S_exact is computed with ode_tol = tail_tol = t for
 * t = 1e-4 ... 1e-10 and compared with t = 1e-13 (the reference).  Prints one Markdown row per t:
 * the largest and the median relative deviation from the reference and the CPU time per call.
 * (scripts/bench/sommerfeld_tol.sh runs it; docs/sommerfeld.md shows the curve.)
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "base/zp_status.h"
#include "dm/sommerfeld.h"

#define NF 22
#define NM 30
#define NV 2
#define NP (NF * NM * NV)

static double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* S at every point with tolerance t into S[]; returns CPU seconds per call, or -1 on a failure. */
static double run(double t, double *S)
{
    static const double beta[NV] = { 1e-3, 1e-5 };
    zp_status st = { ZP_OK, "" };
    double t0 = cpu_now();
    int k = 0;
    for (int v = 0; v < NV; v++)
        for (int i = 0; i < NF; i++)
            for (int j = 0; j < NM; j++, k++) {
                double f = 0.05 + 0.05 * i, alpha = f * f / (16.0 * 3.14159265358979323846);
                double mphi = 0.5 * pow(400.0, j / (NM - 1.0));
                if (zp_sommerfeld_exact_tol(alpha, beta[v], 1950.0, mphi, t, t, &S[k], &st) != ZP_OK) {
                    fprintf(stderr, "t = %g: %s\n", t, st.msg);
                    return -1;
                }
            }
    return (cpu_now() - t0) / NP;
}

int main(void)
{
    zp_core_init();
    static double ref[NP], S[NP], dev[NP];
    if (run(1e-13, ref) < 0)
        return 1;
    printf("| tolerance | max rel. deviation | median rel. deviation | CPU per call (us) |\n");
    printf("|---|---|---|---|\n");
    for (int e = 4; e <= 11; e++) {
        double t = pow(10.0, -e), cost = run(t, S);
        if (cost < 0)
            return 1;
        double worst = 0;
        for (int k = 0; k < NP; k++) {
            dev[k] = fabs(S[k] / ref[k] - 1.0);
            worst = fmax(worst, dev[k]);
        }
        qsort(dev, NP, sizeof dev[0], cmp_double);
        printf("| 1e-%d | %.2e | %.2e | %.1f |\n", e, worst, dev[NP / 2], 1e6 * cost);
    }
    return 0;
}
