/* zp_table.c -- data search path, table parser and cache. */
#define _POSIX_C_SOURCE 200809L
#include "base/zp_table.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char search_path[4096] = "";
static unsigned path_generation = 1; /* bumped when the search path is set or a table read: names resolve anew */

void zp_data_set_path(const char *path)
{
    path_generation++; /* even the same path: a file may have appeared in an earlier directory */
    snprintf(search_path, sizeof search_path, "%s", path ? path : "");
}

const char *zp_data_get_path(void) { return search_path; }

/* A candidate for a table: anything that exists and is not a directory (a directory of the
 * same name must not mask a file later in the path).  Whether it can be read, and is a regular
 * file, is checked by zp_table_read, whose message then names the real cause. */
static int readable(const char *p)
{
    struct stat sb;
    return stat(p, &sb) == 0 && !S_ISDIR(sb.st_mode);
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

/* The largest table accepted, in bytes.  The largest shipped table is about 1 MB; the cap stops
 * a runaway or special file from exhausting memory. */
#define ZP_TABLE_MAX_BYTES (256LL * 1024 * 1024)
#define ZP_TABLE_LINE_MAX (1 << 16)

static const char *file_kind(mode_t m)
{
    return S_ISDIR(m)    ? "a directory"
           : S_ISFIFO(m) ? "a FIFO (named pipe)"
           : S_ISCHR(m)  ? "a character device"
           : S_ISBLK(m)  ? "a block device"
           : S_ISSOCK(m) ? "a socket"
                         : "not a regular file";
}

/* Open path for reading if it is a regular file of at most ZP_TABLE_MAX_BYTES; the size goes to
 * *size.  O_NONBLOCK keeps a FIFO from blocking the open. */
static FILE *open_regular(const char *path, long long *size, zp_status *st)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    if (fd < 0)
        return zp_fail(st, ZP_EDATA, "data table '%s' cannot be read: %s", path, strerror(errno)), NULL;
    struct stat sb;
    if (fstat(fd, &sb) != 0) {
        zp_fail(st, ZP_EDATA, "data table '%s' cannot be read: %s", path, strerror(errno));
        close(fd);
        return NULL;
    }
    if (!S_ISREG(sb.st_mode)) {
        close(fd);
        return zp_fail(st, ZP_EDATA, "data table '%s' is %s; only regular files are read", path,
                       file_kind(sb.st_mode)), NULL;
    }
    if ((long long)sb.st_size > ZP_TABLE_MAX_BYTES) {
        close(fd);
        return zp_fail(st, ZP_EDATA, "data table '%s' has %lld bytes, more than the limit of %lld", path,
                       (long long)sb.st_size, ZP_TABLE_MAX_BYTES), NULL;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    FILE *f = fdopen(fd, "r");
    if (f == NULL) {
        zp_fail(st, ZP_EDATA, "data table '%s' cannot be read: %s", path, strerror(errno));
        close(fd);
        return NULL;
    }
    *size = (long long)sb.st_size;
    return f;
}

/* The size <dir>/MANIFEST lists for rel ("<bytes> <relative path>" lines, '#' comments), or -1
 * when there is no manifest or it does not list rel.  Shipped tables are checked against it: a
 * copy cut short or altered is refused even where its last line looks complete. */
static long long manifest_size(const char *dir, const char *rel)
{
    char mpath[4200];
    if (dir == NULL || rel == NULL || snprintf(mpath, sizeof mpath, "%s/MANIFEST", dir) >= (int)sizeof mpath)
        return -1;
    FILE *m = fopen(mpath, "r");
    if (m == NULL)
        return -1;
    char line[1200];
    long long found = -1;
    while (found < 0 && fgets(line, sizeof line, m)) {
        char *end;
        long long n = strtoll(line, &end, 10);
        if (line[0] == '#' || end == line || *end != ' ')
            continue;
        size_t len = strcspn(end + 1, "\n");
        if (len == strlen(rel) && strncmp(end + 1, rel, len) == 0)
            found = n;
    }
    fclose(m);
    return found;
}

/* Check a data line of n numbers: at least one, all finite or NaN. */
static int check_row(const char *path, int lineno, const double *row, int n, zp_status *st)
{
    if (n == 0)
        return zp_fail(st, ZP_EDATA, "data table '%s' line %d holds separators but no numbers (a table needs columns of numbers)",
                       path, lineno);
    for (int c = 0; c < n && c < 256; c++)
        if (isinf(row[c]))
            return zp_fail(st, ZP_EDATA, "data table '%s' line %d column %d: %g is not a finite number", path, lineno,
                           c + 1, row[c]);
    return ZP_OK;
}

/* Append a data line of n numbers to t (checked: 1 to 256 finite-or-NaN numbers, as many as
 * the earlier rows); *cap is the allocated number of values. */
static int add_row(zp_table *t, const double *row, int n, int *cap, const char *path, int lineno, zp_status *st)
{
    if (n > 256)
        return zp_fail(st, ZP_EDATA, "data table '%s' line %d: more than 256 columns", path, lineno);
    if (check_row(path, lineno, row, n, st) != ZP_OK)
        return st->code;
    if (t->nrow == 0)
        t->ncol = n;
    else if (n != t->ncol)
        return zp_fail(st, ZP_EDATA, "data table '%s' line %d: %d columns where earlier rows have %d", path, lineno,
                       n, t->ncol);
    if ((t->nrow + 1) * t->ncol > *cap) {
        int c = *cap ? 2 * *cap : 1024 * t->ncol;
        double *nd = realloc(t->data, (size_t)c * sizeof *nd);
        if (nd == NULL)
            return zp_fail(st, ZP_ENOMEM, "out of memory reading data table '%s'", path);
        t->data = nd, *cap = c;
    }
    memcpy(t->data + (size_t)t->nrow * (size_t)t->ncol, row, (size_t)n * sizeof *row);
    t->nrow++;
    return ZP_OK;
}

/* Checks on the whole file: rows present; the size MANIFEST lists, or else a final newline. */
static int check_whole(const zp_table *t, const char *path, long long size, const char *dir, const char *rel,
                       int unterminated, zp_status *st)
{
    if (t->nrow == 0)
        return zp_fail(st, ZP_EDATA, "data table '%s' has no rows of numbers", path);
    long long want = manifest_size(dir, rel);
    if (want >= 0 && want != size)
        return zp_fail(st, ZP_EDATA, "data table '%s' has %lld bytes but %s/MANIFEST lists %lld: the copy is cut short or altered",
                       path, size, dir, want);
    if (want < 0 && unterminated)
        return zp_fail(st, ZP_EDATA, "data table '%s' line %d is cut short: the file does not end with a newline",
                       path, unterminated);
    return ZP_OK;
}

/* Parse path; dir and rel (both or neither) locate the data directory's MANIFEST. */
static zp_table *read_table(const char *path, const char *dir, const char *rel, zp_status *st)
{
    long long size = 0;
    FILE *f = open_regular(path, &size, st);
    if (f == NULL)
        return NULL;
    zp_table *t = calloc(1, sizeof *t);
    char *line = malloc(ZP_TABLE_LINE_MAX);
    char **names = NULL;
    int nnames = 0, cap = 0, lineno = 0, unterminated = 0;
    double row[256];
    if (t == NULL || line == NULL) {
        zp_fail(st, ZP_ENOMEM, "out of memory reading data table '%s'", path);
        goto fail;
    }
    while (fgets(line, ZP_TABLE_LINE_MAX, f)) {
        lineno++;
        size_t len = strlen(line);
        if (len == 0 || line[len - 1] != '\n') {
            if (!feof(f) || len + 1 >= (size_t)ZP_TABLE_LINE_MAX) {
                zp_fail(st, ZP_EDATA, "data table '%s' line %d is longer than %d characters or holds a NUL byte",
                        path, lineno, ZP_TABLE_LINE_MAX - 2);
                goto fail;
            }
            unterminated = lineno;
        }
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
        if (add_row(t, row, n, &cap, path, lineno, st) != ZP_OK)
            goto fail;
    }
    if (ferror(f)) {
        zp_fail(st, ZP_EDATA, "data table '%s' cannot be read after line %d: %s", path, lineno, strerror(errno));
        goto fail;
    }
    if (check_whole(t, path, size, dir, rel, unterminated, st) != ZP_OK)
        goto fail;
    if (names != NULL && nnames == t->ncol) {
        t->colnames = names;
        names = NULL;
    }
    free_names(names, nnames);
    t->path = malloc(strlen(path) + 1);
    if (t->path == NULL) {
        zp_fail(st, ZP_ENOMEM, "out of memory reading data table '%s'", path);
        goto fail;
    }
    strcpy(t->path, path);
    free(line);
    fclose(f);
    return t;
fail:
    free_names(names, nnames);
    free(line);
    fclose(f);
    zp_table_free(t);
    return NULL;
}

zp_table *zp_table_read(const char *path, zp_status *st)
{
    return read_table(path, NULL, NULL, st);
}

/* The cache.  Tables are never freed while the process lives: module caches (PPPC grids, g*
 * interpolants, limit curves) keep pointers into them.  Tables are stored by resolved path and
 * file identity, so an edited file or a new search path gives a new table, and a name resolves
 * anew whenever the search path changes (path_generation). */
typedef struct {
    char *path;
    zp_table *t;
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
} stored_table;
typedef struct {
    char *name;
    unsigned gen;
    zp_table *t;
} named_table;
static stored_table *store = NULL;
static named_table *named = NULL;
static int nstore = 0, capstore = 0, nnamed = 0, capnamed = 0;

static int same_file(const stored_table *e, const struct stat *sb)
{
    return e->dev == sb->st_dev && e->ino == sb->st_ino && e->size == sb->st_size &&
           e->mtime.tv_sec == sb->st_mtim.tv_sec && e->mtime.tv_nsec == sb->st_mtim.tv_nsec;
}

static char *dup_string(const char *s)
{
    char *d = malloc(strlen(s) + 1);
    if (d != NULL)
        strcpy(d, s);
    return d;
}

/* The stored table for path (parsed now unless an identical file was parsed before). */
static zp_table *stored_get(const char *path, const char *name, zp_status *st)
{
    struct stat sb;
    int have = stat(path, &sb) == 0;
    for (int i = nstore - 1; have && i >= 0; i--)
        if (strcmp(store[i].path, path) == 0 && same_file(&store[i], &sb))
            return store[i].t;
    char dir[4096] = "";
    size_t lp = strlen(path), ln = strlen(name);
    int relative = name[0] != '/' && lp > ln + 1 && path[lp - ln - 1] == '/' && strcmp(path + lp - ln, name) == 0;
    if (relative)
        snprintf(dir, sizeof dir, "%.*s", (int)(lp - ln - 1), path);
    zp_table *t = read_table(path, relative ? dir : NULL, relative ? name : NULL, st);
    if (t == NULL)
        return NULL;
    if (nstore == capstore) {
        int c = capstore ? 2 * capstore : 16;
        stored_table *ns = realloc(store, (size_t)c * sizeof *ns);
        if (ns == NULL) {
            zp_table_free(t);
            return zp_fail(st, ZP_ENOMEM, "out of memory caching data table '%s'", path), NULL;
        }
        store = ns, capstore = c;
    }
    stored_table *e = &store[nstore++];
    memset(e, 0, sizeof *e);
    e->path = t->path, e->t = t;
    path_generation++; /* a name may now mean a new table: module caches must look again */
    if (have)
        e->dev = sb.st_dev, e->ino = sb.st_ino, e->size = sb.st_size, e->mtime = sb.st_mtim;
    return t;
}

const zp_table *zp_table_get(const char *name, zp_status *st)
{
    if (name == NULL)
        return zp_fail(st, ZP_EINVAL, "data table name is empty"), NULL;
    int slot = -1;
    for (int i = 0; i < nnamed; i++)
        if (strcmp(named[i].name, name) == 0) {
            if (named[i].gen == path_generation)
                return named[i].t;
            slot = i;
        }
    char path[4096];
    if (zp_data_find(name, path, sizeof path, st) != ZP_OK)
        return NULL;
    zp_table *t = stored_get(path, name, st);
    if (t == NULL)
        return NULL;
    if (slot < 0) {
        if (nnamed == capnamed) {
            int c = capnamed ? 2 * capnamed : 16;
            named_table *nn = realloc(named, (size_t)c * sizeof *nn);
            if (nn == NULL)
                return t; /* not remembered: resolved again next time */
            named = nn, capnamed = c;
        }
        char *copy = dup_string(name);
        if (copy == NULL)
            return t;
        slot = nnamed++;
        named[slot].name = copy;
    }
    named[slot].gen = path_generation;
    named[slot].t = t;
    return t;
}

unsigned zp_table_generation(void) { return path_generation; }

/* Forget every name's resolution: the next zp_table_get resolves and checks its file again (an
 * unchanged file keeps its table).  Tables stay valid: module caches may point at them. */
void zp_table_cache_clear(void)
{
    for (int i = 0; i < nnamed; i++)
        free(named[i].name);
    nnamed = 0;
    path_generation++;
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
    for (int i = 1; i < n; i++) {
        double xp = x[(size_t)(i - 1) * xs], xi = x[(size_t)i * xs];
        if (!(asc ? xi > xp : xi < xp))
            return zp_fail(st, ZP_EDATA, "%s: rows %d and %d are not strictly %s (%g, then %g): the table must be sorted", what,
                           i, i + 1, asc ? "ascending" : "descending", xp, xi);
    }
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
