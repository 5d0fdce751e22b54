/* zp_scan_run.c -- the rows of a scan on several threads, their text in row order (see
 * zp_scan.h, zp_scan_run).
 *
 * The rows are cut into pieces as they are claimed: a quarter of the rows left over the threads
 * (at most 2048), so the pieces shrink towards the end and no thread waits long for the last
 * one.  Piece i is evaluated into slot i % nslots by whichever thread claims it; a piece is
 * claimed only when the piece nslots before it has been handed to the sink, so at most nslots
 * pieces of text are held at once.  The pieces go to the sink in piece order, each handed over
 * by the thread that finds it next in line when it publishes a piece of its own (one thread
 * writes at a time): the text mostly leaves from the cache of the core that made it, and no
 * thread stands by to write.  The calling thread evaluates pieces like the others and writes
 * what is left at the end.  One mutex and one condition variable guard the counters; the
 * evaluation and the writing run outside the lock.
 */
#define _POSIX_C_SOURCE 200809L /* pthreads under -std=c11 */
#include "scan/zp_scan.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/zp_interrupt.h"
#include "base/zp_registry.h"

#define ERR_LEN (ZP_MSG_LEN + 64) /* a row's error message, as zp_scan.c keeps it */

#define PIECE_MAX 2048 /* rows of a piece at most: ~100 kB of text */

/* One slot a cache line: threads filling neighbouring slots must not share one. */
typedef struct {
    _Alignas(64) char *text;
    size_t len, cap;
    long long a, b; /* the rows of its piece, a..b-1 */
    int ready;      /* 1: holds its piece's text, not yet handed to the sink */
} slot;

typedef struct {
    const zp_scan_plan *p;
    zp_scan_sink sink;
    void *ctx;
    long long hi, done; /* done: rows handed to the sink */
    int nthreads, nslots;
    slot *slots;
    pthread_mutex_t mu;
    pthread_cond_t cv;  /* broadcast when a piece is ready, a slot is free, or stop is set */
    long long next_row; /* first row not claimed */
    long long next;     /* pieces claimed */
    long long written;  /* pieces handed to the sink */
    int stop, nomem, writing, rc; /* rc: ZP_EINTR or ZP_EINVAL (the sink failed) once stopped */
} run;

/* Evaluate piece i into its slot with the thread's number cache fc and row scratch row (the
 * loop keeps the buffer in locals: nothing another thread reads is written per row).
 * 0, or -1 when its buffer cannot grow. */
static int render(run *R, long long i, zp_fmt_cache *fc, double *row, zp_params *m)
{
    slot *s = &R->slots[i % R->nslots];
    const zp_scan_plan *p = R->p;
    long long a = s->a, b = s->b;
    size_t bound = zp_scan_row_bound(p), len = 0, cap = s->cap;
    char *text = s->text, err[ERR_LEN];
    int rc = 0;
    for (long long r = a; r < b; r++) {
        if (cap - len < bound) {
            size_t grown = cap ? 2 * cap : 16 * bound;
            char *t = realloc(text, grown);
            if (!t) {
                rc = -1;
                break;
            }
            text = t;
            cap = grown;
        }
        zp_scan_eval_row_m(p, r, m, row, err, sizeof err);
        len += zp_scan_row_text_fc(p, fc, r, row, err, text + len);
    }
    s->text = text;
    s->len = len;
    s->cap = cap;
    return rc;
}

/* Under the lock: claim the next piece when rows are left and its slot is free, else -1. */
static long long claim(run *R)
{
    if (R->stop || R->next_row >= R->hi || R->next - R->written >= R->nslots)
        return -1;
    long long n = (R->hi - R->next_row) / (4LL * R->nthreads);
    n = n < 1 ? 1 : n > PIECE_MAX ? PIECE_MAX : n;
    slot *s = &R->slots[R->next % R->nslots];
    s->a = R->next_row;
    s->b = R->next_row += n;
    return R->next++;
}

/* Under the lock: hand the ready pieces next in line to the sink, unless another thread is at
 * it (the sink runs outside the lock, one thread at a time, in piece order). */
static void hand_over(run *R)
{
    while (!R->writing && !R->stop && R->slots[R->written % R->nslots].ready) {
        slot *s = &R->slots[R->written % R->nslots];
        R->writing = 1;
        pthread_mutex_unlock(&R->mu);
        int bad = R->sink(R->ctx, s->text, s->len);
        pthread_mutex_lock(&R->mu);
        R->writing = 0;
        if (bad) {
            R->rc = ZP_EINVAL;
            R->stop = 1;
        } else {
            s->ready = 0;
            R->written++;
            R->done += s->b - s->a;
            if (R->next_row < R->hi && zp_interrupt_pending()) {
                R->rc = ZP_EINTR;
                R->stop = 1;
            }
        }
        pthread_cond_broadcast(&R->cv);
    }
}

/* Evaluate a claimed piece outside the lock, publish it (or stop on failure) and hand over
 * what is next in line. */
static void evaluate(run *R, long long i, zp_fmt_cache *fc, double *row, zp_params *m)
{
    pthread_mutex_unlock(&R->mu);
    int rc = render(R, i, fc, row, m);
    pthread_mutex_lock(&R->mu);
    if (rc != 0)
        R->nomem = R->stop = 1;
    else
        R->slots[i % R->nslots].ready = 1;
    pthread_cond_broadcast(&R->cv);
    hand_over(R);
}

static void *worker(void *arg)
{
    run *R = arg;
    zp_fmt_cache *fc = calloc(1, sizeof *fc);
    double *row = malloc((size_t)zp_scan_ncols(R->p) * sizeof *row);
    zp_params *m = malloc(sizeof *m); /* this thread's parameters: the plan's, axes set per row */
    pthread_mutex_lock(&R->mu);
    if (!fc || !row || !m)
        R->nomem = R->stop = 1;
    else
        *m = R->p->base;
    while (!R->stop && R->next_row < R->hi) {
        long long i = claim(R);
        if (i < 0)
            pthread_cond_wait(&R->cv, &R->mu);
        else
            evaluate(R, i, fc, row, m);
    }
    pthread_cond_broadcast(&R->cv);
    pthread_mutex_unlock(&R->mu);
    free(fc);
    free(row);
    free(m);
    return NULL;
}

/* The calling thread: evaluate pieces like the workers, then hand over the pieces left (a
 * worker may be writing: wait for it).  Returns ZP_OK, ZP_EINTR or ZP_EINVAL (the sink failed). */
static int drive(run *R, zp_scan_plan *p, double *row)
{
    zp_params m = p->base; /* the calling thread's parameters (see worker) */
    pthread_mutex_lock(&R->mu);
    while (!R->stop && (R->next_row < R->hi || R->written < R->next)) {
        hand_over(R);
        if (R->stop)
            break;
        long long i = claim(R);
        if (i >= 0)
            evaluate(R, i, &p->fmt, row, &m);
        else if (R->writing || !R->slots[R->written % R->nslots].ready)
            pthread_cond_wait(&R->cv, &R->mu);
    }
    R->stop = 1;
    int rc = R->rc;
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
    long long rows = hi - lo;
    run R = { .p = p, .sink = sink, .ctx = ctx, .hi = hi, .nthreads = nthreads,
              .nslots = 2 * nthreads, .next_row = lo };
    R.slots = aligned_alloc(_Alignof(slot), (size_t)R.nslots * sizeof *R.slots);
    if (R.slots)
        memset(R.slots, 0, (size_t)R.nslots * sizeof *R.slots);
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
        while (started < nthreads - 1 && rows > 1 &&
               pthread_create(&tid[started], NULL, worker, &R) == 0)
            started++;
        rc = drive(&R, p, row);
        for (int t = 0; t < started; t++)
            pthread_join(tid[t], NULL);
        *done = R.done;
        pthread_cond_destroy(&R.cv);
        pthread_mutex_destroy(&R.mu);
        if (rc == ZP_EINTR)
            zp_fail(st, ZP_EINTR, "scan: interrupted after %lld of %lld rows", *done, rows);
        else if (rc != ZP_OK)
            zp_fail(st, rc, "scan: writing the rows failed after %lld of %lld rows", *done, rows);
        else if (R.nomem)
            rc = zp_fail(st, ZP_ENOMEM, "scan: out of memory for the text of %d rows", PIECE_MAX);
    }
    for (int k = 0; R.slots && k < R.nslots; k++)
        free(R.slots[k].text);
    free(R.slots);
    free(row);
    return rc;
}
