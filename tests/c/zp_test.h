/* zp_test.h -- a tiny test harness for the C unit tests (one executable per core module).
 *
 * ZT_NEAR(got, want, rtol, what)  relative closeness; ZT_ABS(got, want, atol, what);
 * zt_obs(name, p) evaluates a registered observable (NaN on failure); ZT_TRUE(cond, what); ZT_STATUS(rc, code, st, substring, what) checks an error path and that
 * the message mentions substring.  ZT_DONE() prints "N passed, N failed" and returns the exit code.
 */
#ifndef ZP_TEST_H
#define ZP_TEST_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/zp_registry.h"
#include "base/zp_status.h"

/* Value of the registered observable name at p (no arguments), or NaN when it is unknown or fails. */
static inline double zt_obs(const char *name, const zp_params *p)
{
    zp_status st = {0, ""};
    double v = NAN;
    int i = zp_obs_find(name);
    if (i < 0 || zp_obs_eval(i, p, NULL, 0, &v, &st) != ZP_OK)
        return NAN;
    return v;
}

/* The data directory for tests: $ZPRIME_DATA when set, else the source tree's data/. */
#ifndef ZPRIME_TEST_DATA
#define ZPRIME_TEST_DATA "data"
#endif
static inline const char *zt_data_dir(void)
{
    const char *env = getenv("ZPRIME_DATA");
    return env && *env ? env : ZPRIME_TEST_DATA;
}

static int zt_pass = 0, zt_fail = 0;

#define ZT_REPORT(ok, ...)                                                                  \
    do {                                                                                    \
        if (ok) {                                                                           \
            zt_pass++;                                                                      \
        } else {                                                                            \
            zt_fail++;                                                                      \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                            \
            fprintf(stderr, __VA_ARGS__);                                                   \
            fputc('\n', stderr);                                                            \
        }                                                                                   \
    } while (0)

#define ZT_NEAR(got, want, rtol, what)                                                      \
    do {                                                                                    \
        double g_ = (got), w_ = (want);                                                     \
        int ok_ = isfinite(g_) && fabs(g_ - w_) <= (rtol) * fabs(w_);                       \
        ZT_REPORT(ok_, "%s: got %.10g, want %.10g (rtol %g)", what, g_, w_, (double)(rtol)); \
    } while (0)

#define ZT_ABS(got, want, atol, what)                                                       \
    do {                                                                                    \
        double g_ = (got), w_ = (want);                                                     \
        int ok_ = isfinite(g_) && fabs(g_ - w_) <= (atol);                                  \
        ZT_REPORT(ok_, "%s: got %.10g, want %.10g (atol %g)", what, g_, w_, (double)(atol)); \
    } while (0)

#define ZT_TRUE(cond, what) ZT_REPORT((cond), "%s", what)

#define ZT_STATUS(rc, want_, st, substr, what)                                               \
    do {                                                                                    \
        int rc_ = (rc);                                                                     \
        int ok_ = rc_ == (want_) && (st).code == (want_) && strstr((st).msg, (substr)) != NULL; \
        ZT_REPORT(ok_, "%s: rc %d (want %d), message '%s' (want it to mention '%s')", what,  \
                  rc_, (int)(want_), (st).msg, substr);                                      \
    } while (0)

#define ZT_DONE()                                                                           \
    (printf("%d passed, %d failed\n", zt_pass, zt_fail), zt_fail == 0 ? 0 : 1)

#endif
