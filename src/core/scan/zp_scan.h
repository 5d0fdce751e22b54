/* zp_scan.h -- the inner loop of a parameter scan: points, observables, constraint tests and
 * the CSV rows they give, a block at a time; and the checker that reads rows back.
 *
 * A plan holds the base model, the axes (a list of values each, varied as an odometer with the
 * first axis slowest, or seeded random draws), the registry codes to evaluate, the observable
 * columns and the pass/fail tests with fixed bounds.  Row r (0-based) of the scan is point
 * kept[r] (or r when every point is kept).  The text of a row is exactly what the Lua library
 * wrote row by row before (lua/zprime/scan): axes, observables, pass_<constraint>, pass, error.
 */
#ifndef ZP_SCAN_H
#define ZP_SCAN_H

#include <stddef.h>

#include "base/zp_params.h"
#include "base/zp_status.h"
#include "scan/zp_fmt.h"

enum { ZP_AXIS_LIST = 0, ZP_AXIS_UNIFORM = 1, ZP_AXIS_LOGUNIFORM = 2 };

typedef struct {
    int param;      /* parameter id (params.def) set at each point */
    int kind;       /* ZP_AXIS_* */
    long long n;    /* LIST: number of values */
    double *values; /* LIST: the values (owned by the plan) */
    double a, b;    /* UNIFORM / LOGUNIFORM: the interval [a, b) of the draw, 0 < a for LOG */
    char *text;     /* LIST of at most ZP_SCAN_TEXT_MAX values: their text, ZP_FMT_MAX bytes each */
} zp_scan_axis;

#define ZP_SCAN_TEXT_MAX 65536

/* Pass/fail tests with fixed bounds (check.lua's constraint kinds). */
enum { ZP_TEST_UPPER = 0, ZP_TEST_LOWER = 1, ZP_TEST_WINDOW = 2, ZP_TEST_BAND = 3 };
typedef struct {
    int slot;   /* index into codes of the tested value */
    int kind;   /* ZP_TEST_*: v <= b; v >= a; a <= v <= b; |v - a| <= b */
    double a, b;
} zp_scan_test;

typedef struct {
    zp_params base;       /* the model every point starts from */
    int nd;               /* number of axes */
    zp_scan_axis *axes;
    int random;           /* 1: random axes drawn with seed */
    long long seed;
    int ncodes;           /* registry codes evaluated per point: parameters 0..ZP_NPARAM-1, */
    int *codes;           /* observable i as ZP_NPARAM + i */
    int nobs;             /* observable columns, each a slot of codes */
    int *obs_slot;
    int ntest;            /* pass_<constraint> columns (then a "pass" column when ntest > 0) */
    zp_scan_test *tests;
    long long npoints;    /* rows of the scan */
    long long *kept;      /* point of each row (where = ...), or NULL: row r is point r */
    long long ntotal;     /* points before where */
    int threadsafe;       /* 1: every code may be evaluated on several threads (zp_scan_run) */
    zp_fmt_cache fmt;     /* text of recently formatted numbers (the calling thread's) */
} zp_scan_plan;

#define ZP_SCAN_MAX_AXES 64

/* A plan with nd axes, ncodes codes, nobs observable columns and ntest tests, all zeroed
 * (fill axes with zp_scan_set_list / zp_scan_set_random, the arrays directly, then call
 * zp_scan_finish).  NULL with st set when the sizes are out of range or memory runs out. */
zp_scan_plan *zp_scan_plan_alloc(const zp_params *base, int nd, int ncodes, int nobs, int ntest,
                                 zp_status *st);
void zp_scan_plan_free(zp_scan_plan *p);

/* Axis k: parameter id param takes the n values v (copied). */
int zp_scan_set_list(zp_scan_plan *p, int k, int param, const double *v, long long n, zp_status *st);
/* Axis k: parameter id param drawn uniformly (log = 0) or log-uniformly in [a, b). */
int zp_scan_set_random(zp_scan_plan *p, int k, int param, double a, double b, int log,
                       zp_status *st);
/* Rows are the points kept[0..n-1] (copied, strictly increasing, each < the number of points). */
int zp_scan_set_kept(zp_scan_plan *p, const long long *kept, long long n, zp_status *st);
/* Check codes, slots and tests, count the points, and set threadsafe.  random: `samples` seeded draws (every
 * LIST axis then has one value).  Call zp_scan_set_kept first when a where filter applies.
 * Returns ZP_OK or ZP_EINVAL with a message. */
int zp_scan_finish(zp_scan_plan *p, int random, long long seed, long long samples, zp_status *st);

/* Number of columns of a row: axes, observables, tests, and "pass" when there are tests. */
int zp_scan_ncols(const zp_scan_plan *p);

/* u in [0, 1) for (seed, point t, axis k >= 1): splitmix64 counter hash, as lua/zprime/scan/plan.lua. */
double zp_scan_uniform01(long long seed, long long t, long long k);

/* The axis values of row r (0 <= r < npoints) into vals[0..nd-1]. */
void zp_scan_point(const zp_scan_plan *p, long long r, double *vals);

/* Evaluate row r into row[0..ncols-1] (NaN where a value fails, pass values 1/0/NaN);
 * err receives the first failure message ("" when none). */
void zp_scan_eval_row(const zp_scan_plan *p, long long r, double *row, char *err, size_t errlen);

/* The same with the caller's scratch parameters m, set to p->base once and passed to every row
 * of a run: only the axis parameters change from row to row, so they are set in place instead
 * of copying the whole parameter array per row (m then holds the last row's axis values). */
void zp_scan_eval_row_m(const zp_scan_plan *p, long long r, zp_params *m, double *row, char *err, size_t errlen);

/* Bytes a row's text needs at most (with its newline and a NUL). */
size_t zp_scan_row_bound(const zp_scan_plan *p);
/* The CSV text of row r with values row: fields, the (quoted) error field and '\n'.  out holds
 * at least zp_scan_row_bound(p) bytes.  Returns the length written. */
size_t zp_scan_row_text(zp_scan_plan *p, long long r, const double *row, const char *err, char *out);
/* The same text through the number cache fc (one per thread; p is only read). */
size_t zp_scan_row_text_fc(const zp_scan_plan *p, zp_fmt_cache *fc, long long r, const double *row,
                           const char *err, char *out);

/* ---- rows on several threads ---- */

#define ZP_SCAN_MAX_THREADS 64

/* Receives text of consecutive rows, in row order, on the thread that called zp_scan_run.
 * Returns 0, or nonzero to stop the run (a failed write). */
typedef int (*zp_scan_sink)(void *ctx, const char *text, size_t len);

/* Rows lo..hi-1 (0 <= lo <= hi <= npoints) evaluated on nthreads threads, the caller's among
 * them (nthreads - 1 are started; 1 starts none; more than ZP_SCAN_MAX_THREADS counts as that
 * many; a plan that is not threadsafe runs on the caller's alone).  The rows are cut into
 * pieces; each thread evaluates and formats a piece into a buffer of its own, and the caller
 * hands the buffers to sink in row order as they are ready (evaluating pieces itself while it
 * waits), so the text is byte for byte that of zp_scan_row_text row by row.  Starts no thread
 * before it has switched GSL's error handler off (process-global).  *done receives the rows
 * given to sink.  Returns ZP_OK; ZP_EINTR when an interrupt request (zp_interrupt) stopped it
 * after *done rows; ZP_EINVAL for a bad range, ZP_ENOMEM, or ZP_EDATA when sink failed, with a
 * message. */
int zp_scan_run(zp_scan_plan *p, long long lo, long long hi, int nthreads, zp_scan_sink sink,
                void *ctx, long long *done, zp_status *st);

/* ---- reading rows back ---- */

enum { ZP_ROW_OK = 0, ZP_ROW_DAMAGED = 1, ZP_ROW_MISMATCH = 2 };
typedef struct {
    int kind;     /* ZP_ROW_*: DAMAGED is not a row of numbers as zprime writes them, MISMATCH holds
                     the axis values of another point */
    int col;      /* 0-based column of the problem, -1: the whole row */
    char msg[240];
} zp_row_issue;

/* Parse one line (without '\n') of ncols number fields (shortest-form numbers, nan, inf, -inf)
 * and a last error field (empty, plain or quoted).  vals (may be NULL) receives the numbers;
 * *err and *errlen the error field as written (quotes included).  Returns ZP_ROW_OK or
 * ZP_ROW_DAMAGED with iss set (the column and what was found). */
int zp_scan_parse_row(const char *line, size_t len, int ncols, double *vals, const char **err,
                      size_t *errlen, zp_row_issue *iss);

/* zp_scan_parse_row, then the axis fields of the line must be the text of row r's values.
 * Returns ZP_ROW_OK, ZP_ROW_DAMAGED or ZP_ROW_MISMATCH (iss names the column, found, expected). */
int zp_scan_check_row(zp_scan_plan *p, long long r, const char *line, size_t len, double *vals,
                      zp_row_issue *iss);

/* The error field as a message: quotes removed and "" unescaped into out (cap bytes). */
size_t zp_scan_unquote(const char *f, size_t len, char *out, size_t cap);

#endif
