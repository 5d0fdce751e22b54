/* zp_scan_run.c -- the rows of a scan on several threads, their text in row order (see
 * zp_scan.h, zp_scan_run).
 *
 * The rows are cut into pieces.  Piece i is evaluated into slot i % nslots by whichever thread
 * claims it; a piece is claimed only when the piece nslots before it has been handed to the
 * sink, so at most nslots pieces of text are held at once.  The calling thread hands the slots
 * to the sink in piece order and evaluates pieces itself while the next one is not ready.  One
 * mutex and one condition variable guard the counters; the evaluation runs outside the lock.
 */
#define _POSIX_C_SOURCE 200809L /* pthreads under -std=c11 */
#include "scan/zp_scan.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/zp_interrupt.h"
#include "base/zp_registry.h"

#define ERR_LEN (ZP_MSG_LEN + 64) /* a row's error message, as zp_scan.c keeps it */

typedef struct {
    char *text;
    size_t len, cap;
    int ready; /* 1: holds its piece's text, not yet handed to the sink */
} slot;

typedef struct {
    const zp_scan_plan *p;
    long long lo, hi, piece_rows, npieces;
    int nslots;
    slot *slots;
    pthread_mutex_t mu;
    pthread_cond_t cv;  /* broadcast when a piece is ready, a slot is free, or stop is set */
    long long next;     /* first piece not claimed */
    long long written;  /* pieces handed to the sink */
    int stop, nomem;
} run;

/* Evaluate piece i into its slot with the thread's number cache fc and row scratch row.
 * 0, or -1 when its buffer cannot grow. */
static int render(run *R, long long i, zp_fmt_cache *fc, double *row)
{
    slot *s = &R->slots[i % R->nslots];
    long long a = R->lo + i * R->piece_rows;
    long long b = a + R->piece_rows < R->hi ? a + R->piece_rows : R->hi;
    size_t bound = zp_scan_row_bound(R->p);
    char err[ERR_LEN];
    s->len = 0;
    for (long long r = a; r < b; r++) {
        if (s->cap - s->len < bound) {
            size_t cap = s->cap ? 2 * s->cap : 16 * bound;
            char *t = realloc(s->text, cap);
            if (!t)
                return -1;
            s->text = t;
            s->cap = cap;
        }
        zp_scan_eval_row(R->p, r, row, err, sizeof err);
        s->len += zp_scan_row_text_fc(R->p, fc, r, row, err, s->text + s->len);
    }
    return 0;
}

/* Under the lock: claim the next piece when there is one and its slot is free, else -1. */
static long long claim(run *R)
{
    if (R->stop || R->next >= R->npieces || R->next - R->written >= R->nslots)
        return -1;
    return R->next++;
}

/* Evaluate a claimed piece outside the lock, then publish it (or stop on failure). */
static void evaluate(run *R, long long i, zp_fmt_cache *fc, double *row)
{
    pthread_mutex_unlock(&R->mu);
    int rc = render(R, i, fc, row);
    pthread_mutex_lock(&R->mu);
    if (rc != 0)
        R->nomem = R->stop = 1;
    else
        R->slots[i % R->nslots].ready = 1;
    pthread_cond_broadcast(&R->cv);
}

static void *worker(void *arg)
{
    run *R = arg;
    zp_fmt_cache *fc = calloc(1, sizeof *fc);
    double *row = malloc((size_t)zp_scan_ncols(R->p) * sizeof *row);
    pthread_mutex_lock(&R->mu);
    if (!fc || !row)
        R->nomem = R->stop = 1;
    while (!R->stop && R->next < R->npieces) {
        long long i = claim(R);
        if (i < 0)
            pthread_cond_wait(&R->cv, &R->mu);
        else
            evaluate(R, i, fc, row);
    }
    pthread_cond_broadcast(&R->cv);
    pthread_mutex_unlock(&R->mu);
    free(fc);
    free(row);
    return NULL;
}

/* The calling thread: hand ready pieces to the sink in order, evaluate pieces while the next
 * one is not ready.  Returns ZP_OK, ZP_EINTR or ZP_EINVAL (the sink failed); *done rows out. */
static int drive(run *R, zp_scan_plan *p, double *row, zp_scan_sink sink, void *ctx, long long *done)
{
    int rc = ZP_OK;
    pthread_mutex_lock(&R->mu);
    while (R->written < R->npieces && !R->stop) {
        slot *s = &R->slots[R->written % R->nslots];
        if (s->ready) {
            pthread_mutex_unlock(&R->mu);
            int bad = sink(ctx, s->text, s->len);
            long long a = R->lo + R->written * R->piece_rows;
            long long b = a + R->piece_rows < R->hi ? a + R->piece_rows : R->hi;
            pthread_mutex_lock(&R->mu);
            if (bad) {
                rc = ZP_EINVAL;
                R->stop = 1;
            } else {
                s->ready = 0;
                R->written++;
                *done += b - a;
                if (R->written < R->npieces && zp_interrupt_pending()) {
                    rc = ZP_EINTR;
                    R->stop = 1;
                }
            }
            pthread_cond_broadcast(&R->cv);
            continue;
        }
        long long i = claim(R);
        if (i >= 0)
            evaluate(R, i, &p->fmt, row);
        else
            pthread_cond_wait(&R->cv, &R->mu);
    }
    R->stop = 1;
    pthread_cond_broadcast(&R->cv);
    pthread_mutex_unlock(&R->mu);
    return rc;
}

int zp_scan_run(zp_scan_plan *p, long long lo, long long hi, int nthreads, zp_scan_sink sink,
                void *ctx, long long *done, zp_status *st)
{
    *done = 0;
    if (lo < 0 || hi < lo || hi > p->npoints)
        return zp_fail(st, ZP_EINVAL, "scan rows %lld..%lld are outside 0..%lld", lo, hi, p->npoints);
    if (nthreads > ZP_SCAN_MAX_THREADS)
        nthreads = ZP_SCAN_MAX_THREADS;
    if (nthreads < 1 || !p->threadsafe)
        nthreads = 1;
    /* about 8 pieces a thread: a thread that runs slower than the others holds back little at
     * the end; at most 2048 rows (~100 kB of text), so a slow observable still spreads */
    long long rows = hi - lo, per = rows / (8LL * nthreads);
    run R = { .p = p, .lo = lo, .hi = hi, .piece_rows = per < 1 ? 1 : per > 2048 ? 2048 : per };
    R.npieces = (rows + R.piece_rows - 1) / R.piece_rows;
    R.nslots = 2 * nthreads;
    R.slots = calloc((size_t)R.nslots, sizeof *R.slots);
    double *row = malloc((size_t)zp_scan_ncols(p) * sizeof *row);
    pthread_t tid[ZP_SCAN_MAX_THREADS];
    int started = 0, rc = ZP_OK;
    if (!R.slots || !row) {
        rc = zp_fail(st, ZP_ENOMEM, "scan rows: out of memory");
    } else {
        pthread_mutex_init(&R.mu, NULL);
        pthread_cond_init(&R.cv, NULL);
        zp_core_init(); /* GSL's handler is process-global: set before any thread starts */
        (void)zp_obs_count();
        /* a thread that cannot be started leaves its share to the others */
        while (started < nthreads - 1 && R.npieces > 1 &&
               pthread_create(&tid[started], NULL, worker, &R) == 0)
            started++;
        rc = drive(&R, p, row, sink, ctx, done);
        for (int t = 0; t < started; t++)
            pthread_join(tid[t], NULL);
        pthread_cond_destroy(&R.cv);
        pthread_mutex_destroy(&R.mu);
        if (rc == ZP_EINTR)
            zp_fail(st, ZP_EINTR, "scan: interrupted after %lld of %lld rows", *done, rows);
        else if (rc != ZP_OK)
            zp_fail(st, rc, "scan: writing the rows failed after %lld of %lld rows", *done, rows);
        else if (R.nomem)
            rc = zp_fail(st, ZP_ENOMEM, "scan: out of memory for the text of %lld rows", R.piece_rows);
    }
    for (int k = 0; R.slots && k < R.nslots; k++)
        free(R.slots[k].text);
    free(R.slots);
    free(row);
    return rc;
}
