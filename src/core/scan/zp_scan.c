/* zp_scan.c -- the inner loop of a parameter scan (see zp_scan.h). */
#include "scan/zp_scan.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/zp_registry.h"

#define ERR_LEN (ZP_MSG_LEN + 64) /* a row's error message, as the Lua scan kept it */

zp_scan_plan *zp_scan_plan_alloc(const zp_params *base, int nd, int ncodes, int nobs, int ntest,
                                 zp_status *st)
{
    if (nd < 1 || nd > ZP_SCAN_MAX_AXES || ncodes < 0 || ncodes > 100000 || nobs < 0 ||
        nobs > 100000 || ntest < 0 || ntest > 100000) {
        zp_fail(st, ZP_EINVAL, "scan plan: %d axes (1 to %d), %d codes, %d observables, %d tests "
                "(0 to 100000 each) are out of range", nd, ZP_SCAN_MAX_AXES, ncodes, nobs, ntest);
        return NULL;
    }
    zp_scan_plan *p = calloc(1, sizeof *p);
    if (p) {
        p->axes = calloc((size_t)nd, sizeof *p->axes);
        p->codes = calloc((size_t)ncodes + 1, sizeof *p->codes);
        p->obs_slot = calloc((size_t)nobs + 1, sizeof *p->obs_slot);
        p->tests = calloc((size_t)ntest + 1, sizeof *p->tests);
    }
    if (!p || !p->axes || !p->codes || !p->obs_slot || !p->tests) {
        zp_scan_plan_free(p);
        zp_fail(st, ZP_ENOMEM, "scan plan: out of memory");
        return NULL;
    }
    p->base = *base;
    p->nd = nd;
    p->ncodes = ncodes;
    p->nobs = nobs;
    p->ntest = ntest;
    for (int k = 0; k < nd; k++)
        p->axes[k].param = -1;
    return p;
}

void zp_scan_plan_free(zp_scan_plan *p)
{
    if (!p)
        return;
    for (int k = 0; p->axes && k < p->nd; k++) {
        free(p->axes[k].values);
        free(p->axes[k].text);
    }
    free(p->axes);
    free(p->codes);
    free(p->obs_slot);
    free(p->tests);
    free(p->kept);
    free(p);
}

static int check_axis(const zp_scan_plan *p, int k, int param, zp_status *st)
{
    if (k < 0 || k >= p->nd)
        return zp_fail(st, ZP_EINVAL, "scan plan: axis %d is not one of 1..%d", k + 1, p->nd);
    if (param < 0 || param >= ZP_NPARAM)
        return zp_fail(st, ZP_EINVAL, "scan plan: axis %d: %d is not a parameter index (0 to %d)",
                       k + 1, param, ZP_NPARAM - 1);
    return ZP_OK;
}

int zp_scan_set_list(zp_scan_plan *p, int k, int param, const double *v, long long n, zp_status *st)
{
    if (check_axis(p, k, param, st) != ZP_OK)
        return st->code;
    if (n < 1 || n > (1LL << 40))
        return zp_fail(st, ZP_EINVAL, "scan plan: axis %d has %lld values (1 to 2^40)", k + 1, n);
    double *c = malloc((size_t)n * sizeof *c);
    if (!c)
        return zp_fail(st, ZP_ENOMEM, "scan plan: out of memory for %lld values of axis %d", n, k + 1);
    memcpy(c, v, (size_t)n * sizeof *c);
    zp_scan_axis *a = &p->axes[k];
    free(a->values);
    free(a->text);
    *a = (zp_scan_axis){ .param = param, .kind = ZP_AXIS_LIST, .n = n, .values = c };
    if (n <= ZP_SCAN_TEXT_MAX) { /* grid axes repeat their values on every row: format once */
        a->text = malloc((size_t)n * ZP_FMT_MAX);
        for (long long i = 0; a->text && i < n; i++)
            zp_fmt_num(a->text + i * ZP_FMT_MAX, ZP_FMT_MAX, c[i]);
    }
    return ZP_OK;
}

int zp_scan_set_random(zp_scan_plan *p, int k, int param, double a, double b, int log,
                       zp_status *st)
{
    if (check_axis(p, k, param, st) != ZP_OK)
        return st->code;
    if (!(isfinite(a) && isfinite(b) && a < b && (!log || a > 0)))
        return zp_fail(st, ZP_EINVAL, "scan plan: axis %d: the interval [%g, %g) must be finite "
                       "and increasing%s", k + 1, a, b, log ? ", with 0 < a" : "");
    zp_scan_axis *ax = &p->axes[k];
    free(ax->values);
    free(ax->text);
    *ax = (zp_scan_axis){ .param = param, .kind = log ? ZP_AXIS_LOGUNIFORM : ZP_AXIS_UNIFORM,
                          .a = a, .b = b };
    return ZP_OK;
}

int zp_scan_set_kept(zp_scan_plan *p, const long long *kept, long long n, zp_status *st)
{
    if (n < 0 || n > (1LL << 40))
        return zp_fail(st, ZP_EINVAL, "scan plan: %lld kept points (0 to 2^40)", n);
    long long *c = malloc(((size_t)n + 1) * sizeof *c);
    if (!c)
        return zp_fail(st, ZP_ENOMEM, "scan plan: out of memory for %lld kept points", n);
    for (long long i = 0; i < n; i++) {
        if (kept[i] < 0 || (i > 0 && kept[i] <= kept[i - 1])) {
            free(c);
            return zp_fail(st, ZP_EINVAL, "scan plan: kept point %lld (%lld) is negative or not "
                           "after the one before", i + 1, kept[i]);
        }
        c[i] = kept[i];
    }
    free(p->kept);
    p->kept = c;
    p->npoints = n;
    return ZP_OK;
}

int zp_scan_finish(zp_scan_plan *p, int random, long long seed, long long samples, zp_status *st)
{
    long long total = 1;
    for (int k = 0; k < p->nd; k++) {
        const zp_scan_axis *a = &p->axes[k];
        if (a->param < 0)
            return zp_fail(st, ZP_EINVAL, "scan plan: axis %d is not set", k + 1);
        if (!random && a->kind != ZP_AXIS_LIST)
            return zp_fail(st, ZP_EINVAL, "scan plan: axis %d is random in a grid scan", k + 1);
        if (random && a->kind == ZP_AXIS_LIST && a->n != 1)
            return zp_fail(st, ZP_EINVAL, "scan plan: axis %d is a list in a random scan", k + 1);
        if (!random) {
            if (total > (1LL << 50) / a->n)
                return zp_fail(st, ZP_EINVAL, "scan plan: the grid has more than 2^50 points");
            total *= a->n;
        }
    }
    for (int i = 0; i < p->ncodes; i++)
        if (p->codes[i] < 0 || p->codes[i] >= ZP_NPARAM + zp_obs_count())
            return zp_fail(st, ZP_EINVAL, "scan plan: code %d is neither a parameter nor an "
                           "observable (0 to %d)", p->codes[i], ZP_NPARAM + zp_obs_count() - 1);
    for (int j = 0; j < p->nobs; j++)
        if (p->obs_slot[j] < 0 || p->obs_slot[j] >= p->ncodes)
            return zp_fail(st, ZP_EINVAL, "scan plan: observable column %d reads slot %d (0 to %d)",
                           j + 1, p->obs_slot[j], p->ncodes - 1);
    for (int i = 0; i < p->ntest; i++) {
        const zp_scan_test *t = &p->tests[i];
        if (t->slot < 0 || t->slot >= p->ncodes || t->kind < ZP_TEST_UPPER || t->kind > ZP_TEST_BAND)
            return zp_fail(st, ZP_EINVAL, "scan plan: test %d (slot %d, kind %d) is not valid",
                           i + 1, t->slot, t->kind);
    }
    if (random && (samples < 1 || samples > (1LL << 50)))
        return zp_fail(st, ZP_EINVAL, "scan plan: a random scan needs 1 to 2^50 samples, got %lld",
                       samples);
    p->random = random;
    p->seed = seed;
    p->ntotal = random ? samples : total;
    if (!p->kept)
        p->npoints = p->ntotal;
    if (p->kept && p->npoints > 0 && p->kept[p->npoints - 1] >= p->ntotal)
        return zp_fail(st, ZP_EINVAL, "scan plan: kept point %lld is beyond the %lld points",
                       p->kept[p->npoints - 1], p->ntotal);
    p->threadsafe = 1;
    for (int i = 0; i < p->ncodes; i++)
        if (p->codes[i] >= ZP_NPARAM && !zp_obs_threadsafe(p->codes[i] - ZP_NPARAM))
            p->threadsafe = 0;
    return ZP_OK;
}

int zp_scan_ncols(const zp_scan_plan *p)
{
    return p->nd + p->nobs + p->ntest + (p->ntest > 0);
}

static uint64_t mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

double zp_scan_uniform01(long long seed, long long t, long long k)
{
    const uint64_t golden = 0x9e3779b97f4a7c15ULL;
    uint64_t z = mix64(mix64((uint64_t)seed * golden + (uint64_t)t) + (uint64_t)k * golden);
    return (double)(z >> 11) * 0x1p-53;
}

void zp_scan_point(const zp_scan_plan *p, long long r, double *vals)
{
    long long t = p->kept ? p->kept[r] : r;
    if (p->random) {
        for (int k = 0; k < p->nd; k++) {
            const zp_scan_axis *a = &p->axes[k];
            if (a->kind == ZP_AXIS_LIST) {
                vals[k] = a->values[0];
            } else if (a->kind == ZP_AXIS_UNIFORM) {
                vals[k] = a->a + (a->b - a->a) * zp_scan_uniform01(p->seed, t, k + 1);
            } else {
                double lo = log(a->a), hi = log(a->b);
                vals[k] = exp(lo + (hi - lo) * zp_scan_uniform01(p->seed, t, k + 1));
            }
        }
        return;
    }
    for (int k = p->nd - 1; k >= 0; k--) {
        long long n = p->axes[k].n;
        vals[k] = p->axes[k].values[t % n];
        t /= n;
    }
}

/* The pass value of test t for v: NaN when v is NaN, else 1 or 0 (check.lua's testers). */
static double pass_of(const zp_scan_test *t, double v)
{
    if (isnan(v))
        return NAN;
    switch (t->kind) {
    case ZP_TEST_UPPER: return v <= t->b;
    case ZP_TEST_LOWER: return v >= t->a;
    case ZP_TEST_WINDOW: return v >= t->a && v <= t->b;
    default: return fabs(v - t->a) <= t->b;
    }
}

void zp_scan_eval_row(const zp_scan_plan *p, long long r, double *row, char *err, size_t errlen)
{
    zp_params m = p->base;
    zp_scan_eval_row_m(p, r, &m, row, err, errlen);
}

void zp_scan_eval_row_m(const zp_scan_plan *p, long long r, zp_params *mp, double *row, char *err, size_t errlen)
{
    int nd = p->nd, nc = p->ncodes;
    double out_small[64], *out = out_small, *heap = NULL;
    zp_params *m = mp;
    zp_status st = { ZP_OK, "" };
    int failed = 0;
    err[0] = '\0';
    zp_scan_point(p, r, row);
    for (int k = 0; k < nd && !failed; k++) {
        if (zp_param_set(m, p->axes[k].param, row[k], &st) != ZP_OK) {
            failed = 1;
            snprintf(err, errlen, "%s", st.msg);
        }
    }
    if (nc > 64) {
        heap = malloc((size_t)nc * sizeof *heap);
        out = heap;
    }
    for (int k = 0; k < nc; k++) {
        int code = p->codes[k];
        double v = NAN;
        if (failed || !out) {
            v = NAN;
        } else if (code < ZP_NPARAM) {
            v = m->v[code];
        } else {
            st.code = ZP_OK;
            if (zp_obs_eval(code - ZP_NPARAM, m, NULL, 0, &v, &st) != ZP_OK) {
                v = NAN;
                if (err[0] == '\0')
                    snprintf(err, errlen, "%s: %s", zp_obs_get(code - ZP_NPARAM)->name, st.msg);
            }
        }
        if (out)
            out[k] = v;
    }
    for (int j = 0; j < p->nobs; j++)
        row[nd + j] = out ? out[p->obs_slot[j]] : NAN;
    double all = 1;
    for (int i = 0; i < p->ntest; i++) {
        double v = out ? out[p->tests[i].slot] : NAN;
        double pass = pass_of(&p->tests[i], v);
        if (pass != 1)
            all = 0;
        row[nd + p->nobs + i] = pass;
    }
    if (p->ntest > 0)
        row[nd + p->nobs + p->ntest] = all;
    if (!out && err[0] == '\0')
        snprintf(err, errlen, "out of memory for %d values", nc);
    free(heap);
}

size_t zp_scan_row_bound(const zp_scan_plan *p)
{
    return (size_t)zp_scan_ncols(p) * (ZP_FMT_MAX + 1) + 2 * ERR_LEN + 8;
}

static int is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* csv.lua's quote(): quoted when it holds , " CR LF or starts/ends with white space; runs of
 * CR/LF become one space, quotes are doubled. */
static size_t quote_field(const char *s, char *o)
{
    size_t n = strlen(s);
    if (n == 0)
        return 0;
    int need = is_space((unsigned char)s[0]) || is_space((unsigned char)s[n - 1]) ||
               strpbrk(s, ",\"\r\n") != NULL;
    if (!need) {
        memcpy(o, s, n);
        return n;
    }
    char *w = o;
    *w++ = '"';
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r' || s[i] == '\n') {
            *w++ = ' ';
            while (i + 1 < n && (s[i + 1] == '\r' || s[i + 1] == '\n'))
                i++;
        } else if (s[i] == '"') {
            *w++ = '"';
            *w++ = '"';
        } else {
            *w++ = s[i];
        }
    }
    *w++ = '"';
    return (size_t)(w - o);
}

/* The text of axis k at row r when it is precomputed, else NULL. */
static const char *axis_text(const zp_scan_plan *p, long long r, int k)
{
    if (p->random)
        return NULL;
    long long t = p->kept ? p->kept[r] : r;
    for (int j = p->nd - 1; j > k; j--)
        t /= p->axes[j].n;
    const zp_scan_axis *a = &p->axes[k];
    return a->text ? a->text + (t % a->n) * ZP_FMT_MAX : NULL;
}

size_t zp_scan_row_text(zp_scan_plan *p, long long r, const double *row, const char *err, char *out)
{
    return zp_scan_row_text_fc(p, &p->fmt, r, row, err, out);
}

size_t zp_scan_row_text_fc(const zp_scan_plan *p, zp_fmt_cache *fc, long long r, const double *row,
                           const char *err, char *out)
{
    int nc = zp_scan_ncols(p), first_pass = p->nd + p->nobs;
    char *o = out;
    for (int j = 0; j < p->nd; j++) {
        const char *t = axis_text(p, r, j);
        size_t n = t ? strlen(t) : 0;
        if (t)
            memcpy(o, t, n);
        o += t ? (int)n : zp_fmt_cached(fc, o, ZP_FMT_MAX, row[j]);
        *o++ = ',';
    }
    for (int j = p->nd; j < nc; j++) {
        double x = row[j];
        if (j >= first_pass && (x == 0 || x == 1)) {
            *o++ = x == 1 ? '1' : '0';
        } else {
            o += zp_fmt_cached(fc, o, ZP_FMT_MAX, x);
        }
        *o++ = ',';
    }
    o += quote_field(err, o);
    *o++ = '\n';
    return (size_t)(o - out);
}

/* ---- reading rows back ---- */

static int damaged(zp_row_issue *iss, int col, const char *fmt, const char *s, size_t n)
{
    iss->kind = ZP_ROW_DAMAGED;
    iss->col = col;
    char shown[48];
    size_t k = 0;
    for (size_t i = 0; i < n && k + 4 < sizeof shown; i++)
        shown[k++] = (s[i] >= 32 && s[i] < 127) ? s[i] : '?';
    if (n > k)
        shown[k++] = '.', shown[k++] = '.', shown[k++] = '.';
    shown[k] = '\0';
    snprintf(iss->msg, sizeof iss->msg, fmt, shown);
    return ZP_ROW_DAMAGED;
}

/* A number as zp_fmt_num writes it: -?D+(.D+)?(e[+-]D+)?, nan, -nan, inf, -inf. */
static int number_syntax(const char *s, size_t n)
{
    size_t i = 0;
    if (i < n && s[i] == '-')
        i++;
    if ((n - i == 3 && memcmp(s + i, "nan", 3) == 0) || (n - i == 3 && memcmp(s + i, "inf", 3) == 0))
        return 1;
    size_t d = i;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == d)
        return 0;
    if (i < n && s[i] == '.') {
        d = ++i;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == d)
            return 0;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        d = i;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == d)
            return 0;
    }
    return i == n;
}

int zp_scan_parse_row(const char *line, size_t len, int ncols, double *vals, const char **err,
                      size_t *errlen, zp_row_issue *iss)
{
    iss->kind = ZP_ROW_OK;
    iss->col = -1;
    iss->msg[0] = '\0';
    if (len == 0)
        return damaged(iss, -1, "is an empty line%s", "", 0);
    if (memchr(line, '\0', len))
        return damaged(iss, -1, "holds NUL bytes (a zeroed block?): '%s'", line, len);
    if (line[0] == '#')
        return damaged(iss, -1, "is a comment line inside the rows: '%s'", line, len);
    const char *s = line, *end = line + len;
    for (int j = 0; j < ncols; j++) {
        if (s < end && *s == '"' && !memchr(s + 1, '"', (size_t)(end - s - 1)))
            return damaged(iss, j, "starts an unterminated quoted field: '%s'", s, (size_t)(end - s));
        const char *c = memchr(s, ',', (size_t)(end - s));
        if (!c) /* the row ends inside field j: the next one is the first missing */
            return damaged(iss, j + 1, "is missing (the row ends early: '%s')", line, len);
        size_t n = (size_t)(c - s);
        if (n == 0)
            return damaged(iss, j, "is empty, not a number%s", "", 0);
        if (n >= ZP_FMT_MAX || !number_syntax(s, n))
            return damaged(iss, j, "is '%s', not a number", s, n);
        if (vals) {
            char num[ZP_FMT_MAX];
            memcpy(num, s, n);
            num[n] = '\0';
            vals[j] = strtod(num, NULL);
        }
        s = c + 1;
    }
    size_t n = (size_t)(end - s);
    if (n > 0 && s[0] == '"') {
        size_t i = 1;
        for (;;) {
            const char *q = memchr(s + i, '"', n - i);
            if (!q)
                return damaged(iss, ncols, "is an unterminated quoted message: '%s'", s, n);
            i = (size_t)(q - s) + 1;
            if (i < n && s[i] == '"') {
                i++;
                continue;
            }
            break;
        }
        if (i != n)
            return damaged(iss, ncols, "has text after its quoted message (an extra field?): '%s'", s, n);
    } else if (memchr(s, ',', n) || memchr(s, '"', n) || memchr(s, '\r', n)) {
        return damaged(iss, ncols, "is '%s': more fields than the header names", s, n);
    }
    *err = s;
    *errlen = n;
    return ZP_ROW_OK;
}

int zp_scan_check_row(zp_scan_plan *p, long long r, const char *line, size_t len, double *vals,
                      zp_row_issue *iss)
{
    const char *e;
    size_t el;
    if (zp_scan_parse_row(line, len, zp_scan_ncols(p), vals, &e, &el, iss) != ZP_ROW_OK)
        return iss->kind;
    double want[ZP_SCAN_MAX_AXES];
    zp_scan_point(p, r, want);
    const char *s = line;
    for (int k = 0; k < p->nd; k++) {
        const char *c = memchr(s, ',', (size_t)(line + len - s));
        size_t n = (size_t)(c - s);
        char buf[ZP_FMT_MAX];
        const char *txt = axis_text(p, r, k);
        size_t w = txt ? strlen(txt) : (size_t)zp_fmt_cached(&p->fmt, buf, sizeof buf, want[k]);
        if (!txt)
            txt = buf;
        if (w != n || memcmp(txt, s, n) != 0) {
            iss->kind = ZP_ROW_MISMATCH;
            iss->col = k;
            snprintf(iss->msg, sizeof iss->msg, "is '%.*s' but this row's point has %s (rows "
                     "duplicated or out of place)", (int)(n < 40 ? n : 40), s, txt);
            return ZP_ROW_MISMATCH;
        }
        s = c + 1;
    }
    return ZP_ROW_OK;
}

size_t zp_scan_unquote(const char *f, size_t len, char *out, size_t cap)
{
    size_t k = 0;
    if (cap == 0)
        return 0;
    if (len >= 2 && f[0] == '"') {
        for (size_t i = 1; i + 1 < len && k + 1 < cap; i++) {
            out[k++] = f[i];
            if (f[i] == '"')
                i++;
        }
    } else {
        for (size_t i = 0; i < len && k + 1 < cap; i++)
            out[k++] = f[i];
    }
    out[k] = '\0';
    return k;
}
