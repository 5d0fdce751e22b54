/* pppc.c -- PPPC 4 DM ID prompt-spectrum tables: grid checks, channel names and Steffen
 * interpolation in (ln mDM, log10 x).  See pppc.h for the conventions. */
#include "indirect/pppc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/zp_registry.h"
#include "base/zp_table.h"

struct zp_pppc {
    char *name;              /* name it was requested by (full length) */
    const zp_table *t;       /* the parsed file (owned by the zp_table cache) */
    int nrow, ncol;          /* copies, to notice a re-read table */
    int nm, nx, nch;         /* masses, log10 x nodes, channels */
    double *m, *lnm;         /* the mass grid (GeV) and its logarithm */
    double lx0, dlx;         /* uniform log10 x grid */
    char *chname[ZP_PPPC_MAXCH]; /* plain channel names; channel i is column 2 + i */
};

/* Grids are never freed: a caller may hold one while it asks for another (cmb.c holds the
 * positron grid while it gets the photon grid), so evicting one could free it under the caller.
 * A grid is built once per name and table (a new search path or file gives a new one). */
static zp_pppc **cache = NULL;
static int ncache = 0, capcache = 0;

static void pppc_free(zp_pppc *p)
{
    if (p == NULL)
        return;
    for (int i = 0; i < p->nch; i++)
        free(p->chname[i]);
    free(p->m);
    free(p->lnm);
    free(p->name);
    free(p);
}

/* "\[Mu]L" -> "muL", "V->\[Tau]" -> "V->tau": Mathematica letters become lower-case words. */
static char *plain_name(const char *h)
{
    size_t n = strlen(h);
    char *out = malloc(n + 1);
    if (out == NULL)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        if (h[i] == '\\' && i + 1 < n && h[i + 1] == '[') {
            const char *end = strchr(h + i + 2, ']');
            if (end != NULL) {
                for (const char *c = h + i + 2; c < end; c++)
                    out[k++] = (char)((*c >= 'A' && *c <= 'Z') ? *c - 'A' + 'a' : *c);
                i = (size_t)(end - h) + 1;
                continue;
            }
        }
        out[k++] = h[i++];
    }
    out[k] = '\0';
    return out;
}

static double at(const zp_pppc *p, int im, int jx, int col)
{
    return zp_table_at(p->t, im * p->nx + jx, col);
}

/* Check the block structure of the grid and fill nm, nx, m, lnm, lx0, dlx. */
static int check_grid(zp_pppc *p, const char *path, zp_status *st)
{
    const zp_table *t = p->t;
    int nx = 1;
    while (nx < t->nrow && zp_table_at(t, nx, 0) == zp_table_at(t, 0, 0))
        nx++;
    if (nx < 4 || nx > ZP_PPPC_MAXNX || t->nrow % nx != 0 || t->nrow / nx < 2)
        return zp_fail(st, ZP_EDATA,
                       "PPPC table '%s' is not a complete grid: %d rows cannot be split into at least two mass blocks of the %d log10 x values of the first mass (4 to %d allowed)",
                       path, t->nrow, nx, ZP_PPPC_MAXNX);
    p->nx = nx;
    p->nm = t->nrow / nx;
    p->lx0 = zp_table_at(t, 0, 1);
    p->dlx = (zp_table_at(t, nx - 1, 1) - p->lx0) / (nx - 1);
    p->m = malloc((size_t)p->nm * sizeof *p->m);
    p->lnm = malloc((size_t)p->nm * sizeof *p->lnm);
    if (p->m == NULL || p->lnm == NULL)
        return zp_fail(st, ZP_ENOMEM, "out of memory reading PPPC table '%s'", path);
    if (!(p->dlx > 0))
        return zp_fail(st, ZP_EDATA, "PPPC table '%s': log10 x must increase within a mass block", path);
    for (int i = 0; i < p->nm; i++) {
        p->m[i] = at(p, i, 0, 0);
        if (!(p->m[i] > 0) || !isfinite(p->m[i]) || (i > 0 && !(p->m[i] > p->m[i - 1])))
            return zp_fail(st, ZP_EDATA,
                           "PPPC table '%s' line %d: mDM = %g GeV must be positive and larger than the previous block's",
                           path, i * nx + 2, p->m[i]);
        p->lnm[i] = log(p->m[i]);
        for (int j = 0; j < nx; j++) {
            double lx = at(p, i, j, 1), want = p->lx0 + j * p->dlx;
            if (at(p, i, j, 0) != p->m[i] || fabs(lx - want) > 1e-6 * p->dlx)
                return zp_fail(st, ZP_EDATA,
                               "PPPC table '%s' row %d: expected mDM = %g GeV and log10 x = %g (a uniform grid repeated for every mass), found %g and %g",
                               path, i * nx + j + 1, p->m[i], want, at(p, i, j, 0), lx);
            for (int c = 2; c < t->ncol; c++) {
                double v = at(p, i, j, c);
                if (!isfinite(v) || v < 0)
                    return zp_fail(st, ZP_EDATA,
                                   "PPPC table '%s' row %d column %d: dN/dlog10x = %g must be finite and non-negative",
                                   path, i * nx + j + 1, c + 1, v);
            }
        }
    }
    return ZP_OK;
}

static zp_pppc *build(const char *name, const zp_table *t, zp_status *st)
{
    zp_pppc *p = calloc(1, sizeof *p);
    if (p == NULL)
        return zp_fail(st, ZP_ENOMEM, "out of memory reading PPPC table '%s'", name), NULL;
    p->name = malloc(strlen(name) + 1);
    if (p->name == NULL) {
        free(p);
        return zp_fail(st, ZP_ENOMEM, "out of memory reading PPPC table '%s'", name), NULL;
    }
    strcpy(p->name, name);
    p->t = t;
    p->nrow = t->nrow;
    p->ncol = t->ncol;
    int rc = ZP_OK;
    if (t->colnames == NULL)
        rc = zp_fail(st, ZP_EDATA, "PPPC table '%s' has no header line naming its columns", t->path);
    else if (t->ncol < 3 || t->ncol > 2 + ZP_PPPC_MAXCH || strcmp(t->colnames[0], "mDM") != 0 ||
             strcmp(t->colnames[1], "Log[10,x]") != 0)
        rc = zp_fail(st, ZP_EDATA,
                     "PPPC table '%s' is not a PPPC 4 DM ID table: the columns must be mDM, Log[10,x] and 1 to %d channels",
                     t->path, ZP_PPPC_MAXCH);
    if (rc == ZP_OK)
        rc = check_grid(p, t->path, st);
    for (int c = 2; rc == ZP_OK && c < t->ncol; c++) {
        p->chname[p->nch] = plain_name(t->colnames[c]);
        if (p->chname[p->nch] == NULL)
            rc = zp_fail(st, ZP_ENOMEM, "out of memory reading PPPC table '%s'", t->path);
        else
            p->nch++;
    }
    if (rc != ZP_OK) {
        pppc_free(p);
        return NULL;
    }
    return p;
}

const zp_pppc *zp_pppc_get(const char *name, zp_status *st)
{
    const zp_table *t = zp_table_get(name, st);
    if (t == NULL)
        return NULL;
    for (int i = ncache - 1; i >= 0; i--)
        if (cache[i]->t == t && cache[i]->nrow == t->nrow && cache[i]->ncol == t->ncol &&
            strcmp(cache[i]->name, name) == 0)
            return cache[i];
    zp_pppc *p = build(name, t, st);
    if (p == NULL)
        return NULL;
    if (ncache == capcache) {
        int c = capcache ? 2 * capcache : 16;
        zp_pppc **nc = realloc(cache, (size_t)c * sizeof *nc);
        if (nc == NULL) {
            pppc_free(p);
            return zp_fail(st, ZP_ENOMEM, "out of memory caching PPPC table '%s'", name), NULL;
        }
        cache = nc, capcache = c;
    }
    cache[ncache++] = p;
    return p;
}

const char *zp_pppc_default_pbar(void)
{
    /* remembered per search path: the look-up opens files, and scans call this often */
    static char last_path[4096];
    static const char *last = NULL;
    if (last != NULL && strcmp(last_path, zp_data_get_path()) == 0)
        return last;
    char path[4096];
    zp_status st;
    st.code = ZP_OK;
    last = zp_data_find(ZP_PPPC_PBAR_EW, path, sizeof path, &st) == ZP_OK ? ZP_PPPC_PBAR_EW
                                                                            : ZP_PPPC_PBAR_NOEW;
    snprintf(last_path, sizeof last_path, "%s", zp_data_get_path());
    return last;
}

double zp_pppc_mmin(const zp_pppc *t) { return t->m[0]; }
double zp_pppc_mmax(const zp_pppc *t) { return t->m[t->nm - 1]; }
double zp_pppc_lxmin(const zp_pppc *t) { return t->lx0; }
double zp_pppc_lxmax(const zp_pppc *t) { return t->lx0 + (t->nx - 1) * t->dlx; }
int zp_pppc_nmass(const zp_pppc *t) { return t->nm; }
int zp_pppc_nx(const zp_pppc *t) { return t->nx; }
const char *zp_pppc_path(const zp_pppc *t) { return t->t->path; }
int zp_pppc_nchannel(const zp_pppc *t) { return t->nch; }

const char *zp_pppc_channel_name(const zp_pppc *t, int i)
{
    return (i >= 0 && i < t->nch) ? t->chname[i] : NULL;
}

int zp_pppc_channel(const zp_pppc *t, const char *name, int *ch, zp_status *st)
{
    const char *best = NULL;
    int bestd = 3;
    for (int i = 0; i < t->nch; i++) {
        if (strcmp(name, t->chname[i]) == 0 || strcmp(name, t->t->colnames[2 + i]) == 0) {
            *ch = i;
            return ZP_OK;
        }
        int d = zp_name_distance(name, t->chname[i]);
        if (d < bestd) {
            bestd = d;
            best = t->chname[i];
        }
    }
    char list[256] = "";
    size_t k = 0;
    for (int i = 0; i < t->nch && k + 1 < sizeof list; i++)
        k += (size_t)snprintf(list + k, sizeof list - k, "%s%s", i ? " " : "", t->chname[i]);
    if (best != NULL)
        return zp_fail(st, ZP_EINVAL, "channel '%s' is not in PPPC table '%s' (did you mean '%s'?); channels: %s",
                       name, t->name, best, list);
    return zp_fail(st, ZP_EINVAL, "channel '%s' is not in PPPC table '%s'; channels: %s", name,
                   t->name, list);
}

double zp_steffen_slope(double h0, double s0, double h1, double s1)
{
    /* Steffen (1990), eqs. (8) and (11): p = (s0 h1 + s1 h0) / (h0 + h1), limited so that no
     * extremum appears between nodes */
    double p = (s0 * h1 + s1 * h0) / (h0 + h1);
    double a = fabs(s0) < fabs(s1) ? fabs(s0) : fabs(s1);
    if (0.5 * fabs(p) < a)
        a = 0.5 * fabs(p);
    return (copysign(1.0, s0) + copysign(1.0, s1)) * a;
}

/* Cubic Hermite on an interval of width h at fraction u: values y0, y1, slopes d0, d1. */
static double hermite(double y0, double y1, double d0, double d1, double h, double u)
{
    double u2 = u * u, u3 = u2 * u;
    return (2 * u3 - 3 * u2 + 1) * y0 + (u3 - 2 * u2 + u) * h * d0 + (-2 * u3 + 3 * u2) * y1 +
           (u3 - u2) * h * d1;
}

/* Steffen slope at node i of y[0..n-1] on the grid x (secant slopes at the ends). */
static double node_slope(const double *x, const double *y, int n, int i)
{
    if (i == 0)
        return (y[1] - y[0]) / (x[1] - x[0]);
    if (i == n - 1)
        return (y[n - 1] - y[n - 2]) / (x[n - 1] - x[n - 2]);
    double h0 = x[i] - x[i - 1], h1 = x[i + 1] - x[i];
    return zp_steffen_slope(h0, (y[i] - y[i - 1]) / h0, h1, (y[i + 1] - y[i]) / h1);
}

/* Bracketing mass interval k and fraction u for lnm0; checks the range. */
static int mass_bracket(const zp_pppc *t, double mDM, int *k, double *u, zp_status *st)
{
    if (!(mDM >= t->m[0] && mDM <= t->m[t->nm - 1]))
        return zp_fail(st, ZP_EDOM, "mDM = %g GeV is outside the range [%g, %g] GeV of PPPC table '%s'",
                       mDM, t->m[0], t->m[t->nm - 1], t->name);
    int a = 0, b = t->nm - 1;
    while (b - a > 1) {
        int mid = (a + b) / 2;
        if (t->m[mid] <= mDM)
            a = mid;
        else
            b = mid;
    }
    *k = a;
    *u = (log(mDM) - t->lnm[a]) / (t->lnm[a + 1] - t->lnm[a]);
    return ZP_OK;
}

/* Mass-interpolated dN/dlog10x at x node j, mass interval k, fraction u (Steffen in ln m). */
static double mass_interp(const zp_pppc *t, int col, int j, int k, double u)
{
    double y[4], x[4];
    int lo = k > 0 ? k - 1 : 0, hi = k + 2 < t->nm ? k + 2 : t->nm - 1;
    for (int i = lo; i <= hi; i++) {
        x[i - lo] = t->lnm[i];
        y[i - lo] = at(t, i, j, col);
    }
    int n = hi - lo + 1, ik = k - lo;
    if (u == 0.0)
        return y[ik];
    if (u == 1.0)
        return y[ik + 1];
    double d0 = node_slope(x, y, n, ik), d1 = node_slope(x, y, n, ik + 1);
    /* the window [lo, hi] ends early only at the ends of the mass grid, where the slope is
     * the secant, as in node_slope */
    return hermite(y[ik], y[ik + 1], d0, d1, x[ik + 1] - x[ik], u);
}

int zp_pppc_slice_at(const zp_pppc *t, int ch, double mDM, zp_pppc_slice *s, zp_status *st)
{
    int k;
    double u;
    if (ch < 0 || ch >= t->nch)
        return zp_fail(st, ZP_EINVAL, "channel index %d is outside [0, %d] for PPPC table '%s'", ch,
                       t->nch - 1, t->name);
    if (mass_bracket(t, mDM, &k, &u, st) != ZP_OK)
        return st->code;
    double y[ZP_PPPC_MAXNX];
    for (int j = 0; j < t->nx; j++)
        y[j] = mass_interp(t, 2 + ch, j, k, u);
    return zp_pppc_slice_from(y, t->nx, t->lx0, t->dlx, mDM, s, st);
}

int zp_pppc_slice_from(const double *y, int nx, double lx0, double dlx, double mDM,
                       zp_pppc_slice *s, zp_status *st)
{
    if (nx < 4 || nx > ZP_PPPC_MAXNX || !(dlx > 0) || !isfinite(dlx) || !isfinite(lx0))
        return zp_fail(st, ZP_EINVAL,
                       "a tabulated spectrum needs 4 to %d nodes on a uniform log10 x grid with a positive step, got %d nodes and step %g",
                       ZP_PPPC_MAXNX, nx, dlx);
    for (int j = 0; j < nx; j++)
        if (!(isfinite(y[j]) && y[j] >= 0))
            return zp_fail(st, ZP_EINVAL, "tabulated dN/dlog10x[%d] = %g must be finite and non-negative",
                           j + 1, y[j]);
    s->mDM = mDM;
    s->lx0 = lx0;
    s->dlx = dlx;
    s->nx = nx;
    for (int j = 0; j < nx; j++)
        s->y[j] = y[j];
    double h = dlx;
    s->d[0] = (s->y[1] - s->y[0]) / h;
    s->d[nx - 1] = (s->y[nx - 1] - s->y[nx - 2]) / h;
    for (int j = 1; j < nx - 1; j++)
        s->d[j] = zp_steffen_slope(h, (s->y[j] - s->y[j - 1]) / h, h, (s->y[j + 1] - s->y[j]) / h);
    return ZP_OK;
}

double zp_pppc_slice_eval(const zp_pppc_slice *s, double log10x)
{
    double v = (log10x - s->lx0) / s->dlx;
    if (!(v >= -1e-9 && v <= s->nx - 1 + 1e-9))
        return 0.0;
    double r = nearbyint(v);
    if (fabs(v - r) < 1e-9) /* on a node: the tabulated value itself */
        return s->y[(int)r];
    int j = (int)v;
    if (j > s->nx - 2)
        j = s->nx - 2;
    return hermite(s->y[j], s->y[j + 1], s->d[j], s->d[j + 1], s->dlx, v - j);
}

int zp_pppc_dNdlog10x(const zp_pppc *t, int ch, double mDM, double log10x, double *out,
                      zp_status *st)
{
    int k;
    double u;
    if (ch < 0 || ch >= t->nch)
        return zp_fail(st, ZP_EINVAL, "channel index %d is outside [0, %d] for PPPC table '%s'", ch,
                       t->nch - 1, t->name);
    if (mass_bracket(t, mDM, &k, &u, st) != ZP_OK)
        return st->code;
    double lxmax = t->lx0 + (t->nx - 1) * t->dlx;
    if (!(log10x >= t->lx0 - 1e-9 * t->dlx && log10x <= lxmax + 1e-9 * t->dlx))
        return zp_fail(st, ZP_EDOM, "log10 x = %g is outside the range [%g, %g] of PPPC table '%s' (x = K/mDM, K the kinetic energy)",
                       log10x, t->lx0, lxmax, t->name);
    /* the four mass-interpolated nodes around log10 x, then Steffen in log10 x */
    double v = (log10x - t->lx0) / t->dlx, r = nearbyint(v);
    if (fabs(v - r) < 1e-9) {
        *out = mass_interp(t, 2 + ch, (int)r, k, u);
        return ZP_OK;
    }
    int j = (int)v;
    if (j > t->nx - 2)
        j = t->nx - 2;
    double x[4], y[4];
    int lo = j > 0 ? j - 1 : 0, hi = j + 2 < t->nx ? j + 2 : t->nx - 1;
    for (int i = lo; i <= hi; i++) {
        x[i - lo] = t->lx0 + i * t->dlx;
        y[i - lo] = mass_interp(t, 2 + ch, i, k, u);
    }
    int n = hi - lo + 1, ij = j - lo;
    double d0 = node_slope(x, y, n, ij), d1 = node_slope(x, y, n, ij + 1);
    *out = hermite(y[ij], y[ij + 1], d0, d1, t->dlx, v - j);
    return ZP_OK;
}
