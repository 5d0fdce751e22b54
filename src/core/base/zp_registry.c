/* zp_registry.c -- observable registry assembled from the module tables of obs_modules.def. */
#include "base/zp_registry.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define ZP_OBS_MODULE(suffix) extern const zp_obs_def zp_obs_##suffix[];
#include "base/obs_modules.def"

static const zp_obs_def *const modules[] = {
#define ZP_OBS_MODULE(suffix) zp_obs_##suffix,
#include "base/obs_modules.def"
};

/* The modules whose observables are safe on several threads at once (obs_modules.def). */
static const zp_obs_def *const threaded_modules[] = {
#define ZP_OBS_THREADS(suffix) zp_obs_##suffix,
#include "base/obs_modules.def"
    NULL
};

#define NMODULES ((int)(sizeof modules / sizeof modules[0]))
#define MAXOBS 1024

static const zp_obs_def *table[MAXOBS];
static unsigned char threaded[MAXOBS];
static int count = -1;

/* Flatten the module tables once; the result is immutable afterwards. */
static void build(void)
{
    int n = 0;
    for (int m = 0; m < NMODULES; m++) {
        int safe = 0;
        for (int t = 0; threaded_modules[t] != NULL; t++)
            safe = safe || threaded_modules[t] == modules[m];
        for (const zp_obs_def *d = modules[m]; d->name != NULL && n < MAXOBS; d++) {
            threaded[n] = (unsigned char)safe;
            table[n++] = d;
        }
    }
    count = n;
}

int zp_obs_count(void)
{
    if (count < 0)
        build();
    return count;
}

const zp_obs_def *zp_obs_get(int i)
{
    if (i < 0 || i >= zp_obs_count())
        return NULL;
    return table[i];
}

int zp_obs_threadsafe(int i)
{
    return i >= 0 && i < zp_obs_count() && threaded[i];
}

int zp_obs_find(const char *name)
{
    int n = zp_obs_count();
    for (int i = 0; i < n; i++)
        if (strcmp(table[i]->name, name) == 0)
            return i;
    return -1;
}

/* An in-range input must not give a silent +-inf or NaN: fail naming the observable and the
 * values of the parameters (and arguments) it reads, so the one at 0, a denormal or an extreme
 * can be seen. */
static int not_finite(const zp_obs_def *d, const zp_params *p, const double *args, int nargs, double v,
                      zp_status *st)
{
    char in[ZP_MSG_LEN] = "";
    size_t k = 0;
    const char *s = d->inputs ? d->inputs : "";
    while (*s && k + 40 < sizeof in) {
        size_t len = strcspn(s, " ");
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)(len < 63 ? len : 63), s);
        int id = zp_param_find(name);
        if (id >= 0)
            k += (size_t)snprintf(in + k, sizeof in - k, "%s%s = %g", k ? ", " : "", name, p->v[id]);
        s += len;
        while (*s == ' ')
            s++;
    }
    for (int a = 0; a < nargs && k + 40 < sizeof in; a++)
        k += (size_t)snprintf(in + k, sizeof in - k, "%sargument %d = %g", k ? ", " : "", a + 1, args[a]);
    return zp_fail(st, ZP_EDOM, "observable '%s' is %s at %s: an input is zero, denormal or beyond the formula's range",
                   d->name, isnan(v) ? "not a number" : v > 0 ? "+infinite" : "-infinite", k ? in : "these inputs");
}

int zp_obs_eval(int i, const zp_params *p, const double *args, int nargs, double *out,
                zp_status *st)
{
    const zp_obs_def *d = zp_obs_get(i);
    if (d == NULL)
        return zp_fail(st, ZP_EINVAL, "observable index %d is not registered", i);
    if (nargs != d->nargs)
        return zp_fail(st, ZP_EINVAL, "observable '%s' takes %d argument%s (%s), got %d", d->name,
                       d->nargs, d->nargs == 1 ? "" : "s", d->args ? d->args : "none", nargs);
    int rc = d->fn(p, args, out, st);
    if (rc != ZP_OK && st != NULL && st->code == ZP_OK)
        zp_fail(st, rc, "observable '%s' failed", d->name);
    if (rc == ZP_OK && !isfinite(*out))
        return not_finite(d, p, args, nargs, *out, st);
    return rc;
}

int zp_name_distance(const char *a, const char *b)
{
    /* Levenshtein distance with one row; names are short (< 64 characters). */
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63)
        return 99;
    int row[64];
    for (size_t j = 0; j <= lb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int up = row[j];
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int best = diag + cost;
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}
