/* test_scan.c -- the scan core (src/core/scan): shortest round-trip numbers, points of grid and
 * random plans, the text of a row (tests against check.lua's rules and fixed bytes), the row
 * checker's verdicts on damaged and foreign rows, and rows on several threads (zp_scan_run: the
 * same bytes as row by row, interrupts, failed writes). */
#include <stdint.h>

#include "zp_test.h"
#include "base/zp_interrupt.h"
#include "base/zp_params.h"
#include "scan/zp_fmt.h"
#include "scan/zp_scan.h"

static void test_fmt(void)
{
    char b[ZP_FMT_MAX];
    const double xs[] = { 0.1, 1.0 / 3.0, 1e-5, 123456789012345.0, 1e300, -2.5e-310, 0.30000000000000004,
                          5e-324, 1.7976931348623157e308, -0.019899749373433584 };
    for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        zp_fmt_num(b, sizeof b, xs[i]);
        ZT_TRUE(strtod(b, NULL) == xs[i], "shortest text reads back as the same double");
    }
    zp_fmt_num(b, sizeof b, 0.1);
    ZT_TRUE(strcmp(b, "0.1") == 0, "0.1 is written '0.1'");
    zp_fmt_num(b, sizeof b, 1e-5);
    ZT_TRUE(strcmp(b, "1e-05") == 0, "1e-5 is written '1e-05' (printf %g style)");
    zp_fmt_num(b, sizeof b, 42.0);
    ZT_TRUE(strcmp(b, "42") == 0, "integers have no decimal point");
    zp_fmt_num(b, sizeof b, NAN);
    ZT_TRUE(strcmp(b, "nan") == 0, "NaN is 'nan'");
    zp_fmt_num(b, sizeof b, -INFINITY);
    ZT_TRUE(strcmp(b, "-inf") == 0, "-inf");
    zp_fmt_num(b, sizeof b, -0.0);
    ZT_TRUE(strcmp(b, "-0") == 0, "-0 keeps its sign");
    /* the decisions made without strtod against strtod deciding every candidate: random bit
     * patterns, decimal-looking values over 40 decades, and log-spaced values */
    unsigned long long st = 88172645463325252ULL;
    long differ = 0, n = 0;
    char s1[ZP_FMT_MAX], s2[ZP_FMT_MAX];
    for (long i = 0; i < 300000; i++) {
        st ^= st << 13, st ^= st >> 7, st ^= st << 17;
        double x;
        if (i % 3 == 0) {
            memcpy(&x, &st, sizeof x);
            if (!isfinite(x))
                continue;
        } else if (i % 3 == 1) {
            x = ((double)(st % 2000001) / 1000.0 - 1000) * pow(10, (int)(st >> 40) % 40 - 20);
        } else {
            x = pow(10, (double)(st % 1000000) / 1e5 - 5);
        }
        zp_fmt_num(s1, sizeof s1, x);
        zp_fmt_num_strict(s2, sizeof s2, x, 1);
        n++;
        differ += strcmp(s1, s2) != 0;
    }
    ZT_TRUE(n > 250000 && differ == 0, "shortest text decided without strtod equals the strtod-checked text");
    /* the edges of the exact-digit path: k 10^j and their neighbouring doubles over the decades
     * where 10^(16 - exp) is exact and beyond, powers of two and their neighbours, and values
     * whose 18th digit is an exact tie (2^50 + f/256: printf rounds those to even) */
    differ = n = 0;
    for (int j = -8; j <= 18; j++)
        for (int k = 1; k < 200; k++) {
            double x = k * pow(10, j), y = x, z = x;
            for (int u = 0; u < 4; u++, y = nextafter(y, INFINITY), z = nextafter(z, 0))
                for (int sg = -1; sg <= 1; sg += 2) {
                    zp_fmt_num(s1, sizeof s1, sg * y), zp_fmt_num_strict(s2, sizeof s2, sg * y, 1);
                    differ += strcmp(s1, s2) != 0;
                    zp_fmt_num(s1, sizeof s1, sg * z), zp_fmt_num_strict(s2, sizeof s2, sg * z, 1);
                    differ += strcmp(s1, s2) != 0;
                    n += 2;
                }
        }
    for (int j = -30; j <= 60; j++)
        for (int f = 0; f < 64; f++) {
            const double xs2[] = { ldexp(1, j) + ldexp(f, j - 6), nextafter(ldexp(1, j), 0),
                                   ldexp(1, 50) + ldexp(f, -8) };
            for (int i = 0; i < 3; i++, n++) {
                zp_fmt_num(s1, sizeof s1, xs2[i]), zp_fmt_num_strict(s2, sizeof s2, xs2[i], 1);
                differ += strcmp(s1, s2) != 0;
            }
        }
    ZT_TRUE(n > 40000 && differ == 0, "exact digits equal printf's at decade edges, powers of two and ties");
    zp_fmt_num(s1, sizeof s1, 1125899906842624.25); /* 18 digits ...2624.25: a tie, to even */
    ZT_TRUE(strcmp(s1, "1125899906842624.2") == 0, "a tie in the 17th digit rounds to even, as printf");
    static zp_fmt_cache c;
    char b2[ZP_FMT_MAX];
    for (int i = 0; i < 5000; i++) { /* through the cache: same text as without it */
        double x = 1.0 / (1 + i % 1300);
        zp_fmt_cached(&c, b2, sizeof b2, x);
        zp_fmt_num(b, sizeof b, x);
        if (strcmp(b, b2) != 0) {
            ZT_TRUE(0, "cached text equals the direct text");
            break;
        }
    }
}

static zp_scan_plan *grid_plan(void)
{
    zp_params base;
    zp_params_default(&base);
    zp_status st = { ZP_OK, "" };
    zp_scan_plan *p = zp_scan_plan_alloc(&base, 2, 1, 1, 1, &st);
    const double mz[] = { -5, 500, 1000 }, gq[] = { 0.1, 0.2 };
    zp_scan_set_list(p, 0, ZP_MZP, mz, 3, &st);
    zp_scan_set_list(p, 1, ZP_GQ, gq, 2, &st);
    p->codes[0] = ZP_NPARAM + zp_obs_find("C9_bsmumu");
    p->obs_slot[0] = 0;
    p->tests[0] = (zp_scan_test){ 0, ZP_TEST_WINDOW, -1.12, -0.18 };
    ZT_TRUE(zp_scan_finish(p, 0, 0, 0, &st) == ZP_OK, "grid plan finishes");
    return p;
}

static void test_points_and_rows(void)
{
    zp_scan_plan *p = grid_plan();
    ZT_TRUE(p->npoints == 6 && zp_scan_ncols(p) == 5, "3 x 2 grid, columns mZp gq C9 pass_ pass");
    double v[2];
    zp_scan_point(p, 3, v); /* the first axis varies slowest: point 3 = (500, 0.2) */
    ZT_TRUE(v[0] == 500 && v[1] == 0.2, "odometer order of the grid");
    double row[5];
    char err[400], text[2048];
    zp_scan_eval_row(p, 0, row, err, sizeof err);
    ZT_TRUE(isnan(row[2]) && isnan(row[3]) && row[4] == 0, "a failing point has NaN values and pass 0");
    ZT_TRUE(strstr(err, "mZp") && strstr(err, "outside"), "its message names the parameter");
    size_t n = zp_scan_row_text(p, 0, row, err, text);
    text[n] = '\0';
    ZT_TRUE(strncmp(text, "-5,0.1,nan,nan,0,\"parameter 'mZp' = -5 GeV", 41) == 0 && text[n - 1] == '\n',
            "row text: fields, quoted message with commas, newline");
    zp_params m;
    zp_params_default(&m);
    m.v[ZP_MZP] = 1000, m.v[ZP_GQ] = 0.2;
    zp_scan_eval_row(p, 5, row, err, sizeof err);
    double c9 = zt_obs("C9_bsmumu", &m);
    ZT_TRUE(row[2] == c9 && err[0] == '\0', "C9 at the point equals the registry's value");
    ZT_TRUE(row[3] == (c9 >= -1.12 && c9 <= -0.18) && row[4] == row[3], "window test and pass");

    /* the checker: the row itself passes, damage and other points' rows do not */
    n = zp_scan_row_text(p, 5, row, err, text);
    zp_row_issue iss;
    ZT_TRUE(zp_scan_check_row(p, 5, text, n - 1, NULL, &iss) == ZP_ROW_OK, "a written row checks");
    ZT_TRUE(zp_scan_check_row(p, 4, text, n - 1, NULL, &iss) == ZP_ROW_MISMATCH && iss.col == 1,
            "the same row at another index is a mismatch in column gq");
    char bad[2048];
    memcpy(bad, text, n);
    bad[2] = '\0';
    ZT_TRUE(zp_scan_check_row(p, 5, bad, n - 1, NULL, &iss) == ZP_ROW_DAMAGED && strstr(iss.msg, "NUL"),
            "NUL bytes are damage");
    ZT_TRUE(zp_scan_check_row(p, 5, "1000,0.2,abc,1,1,", 17, NULL, &iss) == ZP_ROW_DAMAGED && iss.col == 2,
            "text in a number field is damage in that column");
    ZT_TRUE(zp_scan_check_row(p, 5, "1000,0.2,1", 10, NULL, &iss) == ZP_ROW_DAMAGED && iss.col == 3,
            "a short row names the first missing column");
    ZT_TRUE(zp_scan_check_row(p, 5, "", 0, NULL, &iss) == ZP_ROW_DAMAGED, "an empty line is damage");
    ZT_TRUE(zp_scan_check_row(p, 5, "1000,0.2,1,1,1,x,y", 18, NULL, &iss) == ZP_ROW_DAMAGED,
            "an extra field is damage");
    double vals[5];
    const char *e;
    size_t el;
    ZT_TRUE(zp_scan_parse_row("1,2,-inf,nan,3e-05,\"a, \"\"b\"\"\"", 29, 5, vals, &e, &el, &iss) == ZP_ROW_OK &&
                vals[4] == 3e-05 && isinf(vals[2]) && el == 10,
            "numbers, nan, inf and a quoted message parse");
    char msg[64];
    zp_scan_unquote(e, el, msg, sizeof msg);
    ZT_TRUE(strcmp(msg, "a, \"b\"") == 0, "the message is unquoted");
    zp_scan_plan_free(p);
}

static void test_random_and_errors(void)
{
    /* splitmix64 of lua/zprime/scan/plan.lua: mix(mix(seed*G + t) + k*G) >> 11, times 2^-53 */
    double u = zp_scan_uniform01(7, 0, 1);
    ZT_TRUE(u >= 0 && u < 1, "uniform01 in [0, 1)");
    ZT_TRUE(zp_scan_uniform01(7, 0, 1) == u && zp_scan_uniform01(7, 1, 1) != u, "a counter-based hash");
    zp_params base;
    zp_params_default(&base);
    zp_status st = { ZP_OK, "" };
    zp_scan_plan *p = zp_scan_plan_alloc(&base, 1, 1, 1, 0, &st);
    zp_scan_set_random(p, 0, ZP_MZP, 100, 2000, 1, &st);
    p->codes[0] = ZP_MZP;
    ZT_TRUE(zp_scan_finish(p, 1, 7, 50, &st) == ZP_OK && p->npoints == 50, "random plan of 50 samples");
    double v;
    zp_scan_point(p, 3, &v);
    double want = exp(log(100) + (log(2000) - log(100)) * zp_scan_uniform01(7, 3, 1));
    ZT_TRUE(v == want && v >= 100 && v < 2000, "log-uniform draw of point 3");
    ZT_STATUS(zp_scan_set_random(p, 0, ZP_MZP, -1, 5, 1, &st), ZP_EINVAL, st, "0 < a", "log axis needs a > 0");
    ZT_STATUS(zp_scan_set_list(p, 0, ZP_NPARAM, &v, 1, &st), ZP_EINVAL, st, "not a parameter index",
              "an index beyond the parameters is refused");
    const long long kept[] = { 3, 2 };
    ZT_STATUS(zp_scan_set_kept(p, kept, 2, &st), ZP_EINVAL, st, "not after", "kept points must increase");
    p->codes[0] = -4;
    ZT_STATUS(zp_scan_finish(p, 1, 7, 50, &st), ZP_EINVAL, st, "neither a parameter", "bad codes are refused");
    zp_scan_plan_free(p);
    ZT_TRUE(zp_scan_plan_alloc(&base, 0, 0, 0, 0, &st) == NULL && st.code == ZP_EINVAL, "0 axes is refused");
}

/* A growing buffer as the sink of zp_scan_run; fail_after > 0: refuse the call after that many. */
typedef struct {
    char *text;
    size_t len, cap;
    int calls, fail_after;
} text_sink;

static int sink_add(void *ctx, const char *t, size_t n)
{
    text_sink *b = ctx;
    if (b->fail_after > 0 && ++b->calls > b->fail_after)
        return 1;
    if (b->len + n + 1 > b->cap) {
        b->cap = 2 * (b->len + n + 1);
        b->text = realloc(b->text, b->cap);
    }
    memcpy(b->text + b->len, t, n);
    b->len += n;
    b->text[b->len] = '\0';
    return 0;
}

/* The text of rows lo..hi-1 written row by row (the reference for zp_scan_run). */
static char *rows_one_by_one(zp_scan_plan *p, long long lo, long long hi, size_t *len)
{
    size_t bound = zp_scan_row_bound(p);
    char *t = malloc((size_t)(hi - lo) * bound + 1), err[ZP_MSG_LEN + 64];
    double row[16];
    *len = 0;
    for (long long r = lo; r < hi; r++) {
        zp_scan_eval_row(p, r, row, err, sizeof err);
        *len += zp_scan_row_text(p, r, row, err, t + *len);
    }
    return t;
}

/* A 61 x 47 grid of flavour observables with tests, failing points among them (mZp <= 0). */
static zp_scan_plan *flavour_plan(const char *obs3)
{
    zp_params base;
    zp_params_default(&base);
    zp_status st = { ZP_OK, "" };
    zp_scan_plan *p = zp_scan_plan_alloc(&base, 2, 3, 3, 2, &st);
    double mz[61], th[47];
    for (int i = 0; i < 61; i++)
        mz[i] = -100 + 37.3 * i;
    for (int i = 0; i < 47; i++)
        th[i] = -0.02 + 0.04 * i / 46.0;
    zp_scan_set_list(p, 0, ZP_MZP, mz, 61, &st);
    zp_scan_set_list(p, 1, ZP_THETAD, th, 47, &st);
    p->codes[0] = ZP_NPARAM + zp_obs_find("C9_bsmumu");
    p->codes[1] = ZP_NPARAM + zp_obs_find("DeltaM_s");
    p->codes[2] = ZP_NPARAM + zp_obs_find(obs3);
    for (int j = 0; j < 3; j++)
        p->obs_slot[j] = j;
    p->tests[0] = (zp_scan_test){ 0, ZP_TEST_WINDOW, -1.12, -0.18 };
    p->tests[1] = (zp_scan_test){ 1, ZP_TEST_BAND, 17.757, 2.1 };
    ZT_TRUE(zp_scan_finish(p, 0, 0, 0, &st) == ZP_OK, "flavour plan finishes");
    return p;
}

static void test_threads(void)
{
    zp_scan_plan *p = flavour_plan("R_trident");
    ZT_TRUE(p->threadsafe == 1, "flavour observables may run on several threads");
    size_t n1;
    char *one = rows_one_by_one(p, 0, p->npoints, &n1);
    zp_status st = { ZP_OK, "" };
    const int threads[] = { 1, 2, 3, 8, 1000 };
    for (size_t k = 0; k < sizeof threads / sizeof threads[0]; k++) {
        text_sink b = { 0 };
        long long done = -1;
        int rc = zp_scan_run(p, 0, p->npoints, threads[k], sink_add, &b, &done, &st);
        ZT_REPORT(rc == ZP_OK && done == p->npoints, "all rows on %d threads", threads[k]);
        ZT_REPORT(b.len == n1 && memcmp(b.text, one, n1) == 0,
                  "the text on %d threads is byte for byte the row-by-row text", threads[k]);
        free(b.text);
    }
    size_t n2;
    char *mid = rows_one_by_one(p, 100, 2001, &n2);
    text_sink b = { 0 };
    long long done = -1;
    ZT_TRUE(zp_scan_run(p, 100, 2001, 2, sink_add, &b, &done, &st) == ZP_OK && done == 1901 &&
                b.len == n2 && memcmp(b.text, mid, n2) == 0,
            "rows 100..2000 on 2 threads: the same bytes");
    free(b.text);
    b = (text_sink){ 0 };
    ZT_TRUE(zp_scan_run(p, 7, 7, 2, sink_add, &b, &done, &st) == ZP_OK && done == 0 && b.len == 0,
            "an empty range writes nothing");
    ZT_STATUS(zp_scan_run(p, 5, p->npoints + 1, 2, sink_add, &b, &done, &st), ZP_EINVAL, st, "outside",
              "a range beyond the rows is refused");

    /* a failed write stops the run: the rows handed over before it are counted */
    b = (text_sink){ .fail_after = 2 };
    ZT_STATUS(zp_scan_run(p, 0, p->npoints, 2, sink_add, &b, &done, &st), ZP_EINVAL, st,
              "writing the rows failed", "a sink failure is an error");
    ZT_TRUE(done > 0 && done < p->npoints && b.len > 0 && memcmp(b.text, one, b.len) == 0,
            "the rows written before the failure are the first rows, complete");
    free(b.text);

    /* an interrupt request stops it after whole pieces, in order */
    zp_interrupt_request();
    b = (text_sink){ 0 };
    ZT_STATUS(zp_scan_run(p, 0, p->npoints, 2, sink_add, &b, &done, &st), ZP_EINTR, st, "interrupted",
              "an interrupt request stops the run");
    zp_interrupt_clear();
    ZT_TRUE(done > 0 && done < p->npoints && b.len > 0 && b.text[b.len - 1] == '\n' &&
                memcmp(b.text, one, b.len) == 0,
            "an interrupted run leaves complete leading rows");
    free(b.text);
    free(one);
    free(mid);
    zp_scan_plan_free(p);

    /* a dark-matter observable keeps the run on the calling thread, with the same text */
    p = flavour_plan("sigma_SI_Xe");
    ZT_TRUE(p->threadsafe == 0, "a module not listed for threads makes the plan single-threaded");
    one = rows_one_by_one(p, 0, 500, &n1);
    b = (text_sink){ 0 };
    ZT_TRUE(zp_scan_run(p, 0, 500, 4, sink_add, &b, &done, &st) == ZP_OK && b.len == n1 &&
                memcmp(b.text, one, n1) == 0,
            "jobs on a plan that is not threadsafe: the same bytes on one thread");
    free(b.text);
    free(one);
    zp_scan_plan_free(p);
}

int main(void)
{
    zp_core_init();
    test_fmt();
    test_points_and_rows();
    test_random_and_errors();
    test_threads();
    return ZT_DONE();
}
