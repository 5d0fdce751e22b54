/* zp_test.h -- a tiny test harness for the C unit tests (one executable per core module).
 *
 * ZT_NEAR(got, want, rtol, what)  relative closeness; ZT_ABS(got, want, atol, what);
 * zt_obs(name, p) evaluates a registered observable (NaN on failure); ZT_TRUE(cond, what); ZT_STATUS(rc, code, st, substring, what) checks an error path and that
 * the message mentions substring.  zt_need_tables(names) sets the data path and fails (with
 * the one-line message) when a table the test needs is missing.  ZT_DONE() prints "N passed, N failed" and returns the exit code.
 */
#ifndef ZP_TEST_H
#define ZP_TEST_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/zp_datapath.h"
#include "base/zp_registry.h"
#include "base/zp_status.h"
#include "base/zp_table.h"

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

/* The data search path for tests, composed as the executable composes it: the directories of
 * $ZPRIME_DATA, then the source tree's data/ (no installation). */
#ifndef ZPRIME_TEST_DATA
#define ZPRIME_TEST_DATA "data"
#endif
static inline const char *zt_data_dir(void)
{
    static char path[4096];
    zp_status st = {0, ""};
    if (zp_data_compose_path(getenv("ZPRIME_DATA"), ZPRIME_TEST_DATA, NULL, path, sizeof path, &st) != ZP_OK)
        fprintf(stderr, "%s\n", st.msg);
    return path;
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

/* Use the test data search path and check that every table in the NULL-terminated list is
 * found there.  A missing one is a test failure with the core's one-line message (file, every
 * directory searched, how to point zprime at it); returns 1 when all are present. */
static inline int zt_need_tables(const char *const names[])
{
    zp_data_set_path(zt_data_dir());
    int ok = 1;
    for (int i = 0; names[i]; i++) {
        char found[4096];
        zp_status st = {0, ""};
        if (zp_data_find(names[i], found, sizeof found, &st) != ZP_OK) {
            ZT_REPORT(0, "%s", st.msg);
            ok = 0;
        }
    }
    return ok;
}

#define ZT_DONE()                                                                           \
    (printf("%d passed, %d failed\n", zt_pass, zt_fail), zt_fail == 0 ? 0 : 1)

#endif
