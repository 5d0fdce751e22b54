/* zp_table.c -- data search path, table parser and cache. */
#include "base/zp_table.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char search_path[4096] = "";

void zp_data_set_path(const char *path)
{
    snprintf(search_path, sizeof search_path, "%s", path ? path : "");
}

const char *zp_data_get_path(void) { return search_path; }

static int readable(const char *p)
{
    FILE *f = fopen(p, "r");
    if (f == NULL)
        return 0;
    fclose(f);
    return 1;
}

#define ZP_DATA_HINT "point zprime at the directory that holds it: export ZPRIME_DATA=DIR (colon-separated list) or call zp.data_path(\"DIR\")"

int zp_data_find(const char *name, char *out, size_t n, zp_status *st)
{
    if (name == NULL || *name == '\0')
        return zp_fail(st, ZP_EINVAL, "data table name is empty");
    if (name[0] == '/') {
        if (readable(name)) {
            snprintf(out, n, "%s", name);
            return ZP_OK;
        }
        return zp_fail(st, ZP_EDATA, "data table '%s' cannot be read (%s)", name, strerror(errno));
    }
    const char *p = search_path;
    const char *unreadable = NULL; /* first directory holding the file without read access */
    size_t unreadable_len = 0;
    int unreadable_errno = 0;
    while (*p) {
        const char *e = strchr(p, ':');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len > 0) {
            int w = snprintf(out, n, "%.*s/%s", (int)len, p, name);
            if (w > 0 && (size_t)w < n) {
                if (readable(out))
                    return ZP_OK;
                if (errno != ENOENT && errno != ENOTDIR && unreadable == NULL) {
                    unreadable = p, unreadable_len = len, unreadable_errno = errno;
                }
            }
        }
        p += len + (e ? 1 : 0);
    }
    if (unreadable)
        return zp_fail(st, ZP_EDATA, "data table '%s' exists in '%.*s' but cannot be read (%s); fix its permissions or " ZP_DATA_HINT,
                       name, (int)unreadable_len, unreadable, strerror(unreadable_errno));
    if (search_path[0] == '\0')
        return zp_fail(st, ZP_EDATA,
                       "data table '%s' not found in the data search path '' (it is empty: no ZPRIME_DATA, no source tree data/, "
                       "no installed share/zprime/data); " ZP_DATA_HINT, name);
    return zp_fail(st, ZP_EDATA, "data table '%s' not found in any directory of the data search path '%s'; " ZP_DATA_HINT,
                   name, search_path);
}

void zp_table_free(zp_table *t)
{
    if (t == NULL)
        return;
    if (t->colnames)
        for (int i = 0; i < t->ncol; i++)
            free(t->colnames[i]);
    free(t->colnames);
    free(t->data);
    free(t->path);
    free(t);
}

/* Split a header line into names; returns the count (names malloc'ed into out).  Names are
 * separated by white space ("Log[10,x]" keeps its comma); a line without white space between
 * names is split at commas (CSV headers). */
static int split_names(const char *line, char ***out)
{
    const char *t = line;
    while (*t && isspace((unsigned char)*t))
        t++;
    int csv = 1;
    for (const char *q = t; *q; q++)
        if (isspace((unsigned char)*q) && q[1] && !isspace((unsigned char)q[1]))
            csv = 0;
    int cap = 16, n = 0;
    char **v = malloc((size_t)cap * sizeof *v);
    if (v == NULL)
        return -1;
    const char *s = line;
    while (*s) {
        while (*s && (isspace((unsigned char)*s) || (csv && *s == ',')))
            s++;
        if (!*s)
            break;
        const char *b = s;
        while (*s && !isspace((unsigned char)*s) && !(csv && *s == ','))
            s++;
        if (n == cap) {
            cap *= 2;
            char **nv = realloc(v, (size_t)cap * sizeof *v);
            if (nv == NULL)
                break;
            v = nv;
        }
        v[n] = malloc((size_t)(s - b) + 1);
        if (v[n] == NULL)
            break;
        memcpy(v[n], b, (size_t)(s - b));
        v[n][s - b] = '\0';
        n++;
    }
    *out = v;
    return n;
}

/* Parse numbers of a data line into buf; returns the count, or -1 if a token is not numeric. */
static int parse_numbers(char *line, double *buf, int cap)
{
    int n = 0;
    char *s = line;
    for (;;) {
        while (*s && (isspace((unsigned char)*s) || *s == ','))
            s++;
        if (!*s)
            break;
        char *end;
        errno = 0;
        double x = strtod(s, &end);
        if (end == s)
            return -1;
        if (n < cap)
            buf[n] = x;
        n++;
        s = end;
        if (*s && !isspace((unsigned char)*s) && *s != ',')
            return -1;
    }
    return n;
}

static void free_names(char **names, int n)
{
    if (names == NULL)
        return;
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

zp_table *zp_table_read(const char *path, zp_status *st)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return zp_fail(st, ZP_EDATA, "data table '%s' cannot be opened", path), NULL;
    zp_table *t = calloc(1, sizeof *t);
    char *line = malloc(1 << 16);
    char **names = NULL;
    int nnames = 0, cap = 0, lineno = 0;
    double row[256];
    if (t == NULL || line == NULL)
        goto nomem;
    while (fgets(line, 1 << 16, f)) {
        lineno++;
        char *s = line;
        while (isspace((unsigned char)*s))
            s++;
        if (*s == '\0' || *s == '#')
            continue;
        int n = parse_numbers(s, row, 256);
        if (n < 0) {
            if (t->nrow > 0) {
                zp_fail(st, ZP_EDATA, "data table '%s' line %d: not a row of numbers", path, lineno);
                goto fail;
            }
            free_names(names, nnames);
            nnames = split_names(s, &names);
            continue;
        }
        if (n > 256) {
            zp_fail(st, ZP_EDATA, "data table '%s' line %d: more than 256 columns", path, lineno);
            goto fail;
        }
        if (t->nrow == 0)
            t->ncol = n;
        else if (n != t->ncol) {
            zp_fail(st, ZP_EDATA, "data table '%s' line %d: %d columns where earlier rows have %d",
                    path, lineno, n, t->ncol);
            goto fail;
        }
        if ((t->nrow + 1) * t->ncol > cap) {
            cap = cap ? 2 * cap : 1024 * t->ncol;
            double *nd = realloc(t->data, (size_t)cap * sizeof *nd);
            if (nd == NULL)
                goto nomem;
            t->data = nd;
        }
        memcpy(t->data + (size_t)t->nrow * (size_t)t->ncol, row, (size_t)n * sizeof *row);
        t->nrow++;
    }
    if (t->nrow == 0) {
        zp_fail(st, ZP_EDATA, "data table '%s' has no rows of numbers", path);
        goto fail;
    }
    if (names != NULL && nnames == t->ncol) {
        t->colnames = names;
        names = NULL;
    }
    free_names(names, nnames);
    t->path = malloc(strlen(path) + 1);
    if (t->path == NULL)
        goto nomem;
    strcpy(t->path, path);
    free(line);
    fclose(f);
    return t;
nomem:
    zp_fail(st, ZP_ENOMEM, "out of memory reading data table '%s'", path);
fail:
    free_names(names, nnames);
    free(line);
    fclose(f);
    zp_table_free(t);
    return NULL;
}

/* The cache: a short list of (name, table); tables are few and large. */
#define CACHE_MAX 64
static struct {
    char name[512];
    zp_table *t;
} cache[CACHE_MAX];
static int ncache = 0;

const zp_table *zp_table_get(const char *name, zp_status *st)
{
    for (int i = 0; i < ncache; i++)
        if (strcmp(cache[i].name, name) == 0)
            return cache[i].t;
    char path[4096];
    if (zp_data_find(name, path, sizeof path, st) != ZP_OK)
        return NULL;
    zp_table *t = zp_table_read(path, st);
    if (t == NULL)
        return NULL;
    if (ncache == CACHE_MAX) { /* evict the oldest */
        zp_table_free(cache[0].t);
        memmove(cache, cache + 1, (CACHE_MAX - 1) * sizeof cache[0]);
        ncache--;
    }
    snprintf(cache[ncache].name, sizeof cache[ncache].name, "%s", name);
    cache[ncache].t = t;
    ncache++;
    return t;
}

void zp_table_cache_clear(void)
{
    for (int i = 0; i < ncache; i++)
        zp_table_free(cache[i].t);
    ncache = 0;
}

int zp_table_col(const zp_table *t, const char *name)
{
    if (t == NULL || t->colnames == NULL)
        return -1;
    for (int i = 0; i < t->ncol; i++)
        if (strcmp(t->colnames[i], name) == 0)
            return i;
    return -1;
}

int zp_interp(const double *x, size_t xs, const double *y, size_t ys, int n, double x0,
              int loglog, const char *what, double *out, zp_status *st)
{
    if (n < 2)
        return zp_fail(st, ZP_EDATA, "%s: interpolation needs at least two points", what);
    double first = x[0], last = x[(size_t)(n - 1) * xs];
    double lo = first < last ? first : last, hi = first < last ? last : first;
    if (!isfinite(x0) || x0 < lo || x0 > hi)
        return zp_fail(st, ZP_EDOM, "%s: %g is outside the tabulated range [%g, %g]", what, x0, lo, hi);
    int asc = last > first;
    /* Binary search for the bracketing interval [k, k+1]. */
    int a = 0, b = n - 1;
    while (b - a > 1) {
        int mid = (a + b) / 2;
        double xm = x[(size_t)mid * xs];
        if ((xm <= x0) == asc)
            a = mid;
        else
            b = mid;
    }
    double xa = x[(size_t)a * xs], xb = x[(size_t)b * xs];
    double ya = y[(size_t)a * ys], yb = y[(size_t)b * ys];
    if (x0 == xa) {
        *out = ya;
        return ZP_OK;
    }
    if (x0 == xb) {
        *out = yb;
        return ZP_OK;
    }
    if (loglog) {
        if (xa <= 0 || xb <= 0 || ya <= 0 || yb <= 0)
            return zp_fail(st, ZP_EDATA, "%s: log-log interpolation needs positive values near %g", what, x0);
        double t = log(x0 / xa) / log(xb / xa);
        *out = exp(log(ya) + t * log(yb / ya));
    } else {
        double t = (x0 - xa) / (xb - xa);
        *out = ya + t * (yb - ya);
    }
    return ZP_OK;
}
