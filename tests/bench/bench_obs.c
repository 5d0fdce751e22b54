/* bench_obs.c -- observable evaluations per second straight from C (no Lua). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <time.h>

#include "base/zp_params.h"
#include "base/zp_registry.h"

int main(void)
{
    zp_core_init();
    zp_params p;
    zp_params_default(&p);
    int i9 = zp_obs_find("C9_bsmumu"), idm = zp_obs_find("DeltaM_s");
    const long n = 20000000;
    double acc = 0, v;
    zp_status st = {0, ""};
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (long i = 0; i < n; i++) {
        p.v[ZP_MZP] = 200.0 + (double)(i % 1000);
        zp_obs_eval(i9, &p, NULL, 0, &v, &st);
        acc += v;
        zp_obs_eval(idm, &p, NULL, 0, &v, &st);
        acc += v;
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    double dt = (double)(b.tv_sec - a.tv_sec) + 1e-9 * (double)(b.tv_nsec - a.tv_nsec);
    printf("c_obs_evals_per_s %.4g\n", 2.0 * (double)n / dt);
    return acc == acc ? 0 : 1;
}
