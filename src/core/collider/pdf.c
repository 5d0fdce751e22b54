/* pdf.c -- LHAPDF6 lhagrid1 reader and log-bicubic interpolation (see pdf.h). */
#include "collider/pdf.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/zp_table.h"

typedef struct {
    int nx, nq, nf;
    double xlo, xhi, qlo, qhi; /* the knots' end values as written in the file */
    double *logx, *logq2; /* knots: log x, log Q^2 */
    double *xf;           /* x f at [(ix * nq + iq) * nf + f] */
    double *dxf;          /* d(x f)/d log x at the knots, LHAPDF's finite differences */
    int ids[ZP_PDF_MAXFLAV];
    int col[13];          /* column of parton id -6..6 (index id + 6; gluon at 6), -1 if absent */
} subgrid;

struct zp_pdf {
    char *path;
    int nsub;
    subgrid *sub;
    double xmin, xmax, qmin, qmax;
};

/* ---- parsing ------------------------------------------------------------------------------ */

/* Numbers of one line into a growing array; returns the count or -1 on a non-number. */
static int parse_numbers(const char *line, double **arr, int *cap)
{
    int n = 0;
    const char *p = line;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\r')
            p++;
        if (*p == '\0' || *p == '\n')
            return n;
        char *end;
        errno = 0;
        double v = strtod(p, &end);
        if (end == p || errno == ERANGE || !isfinite(v))
            return -1;
        if (n == *cap) {
            int nc = *cap ? 2 * *cap : 64;
            double *a = realloc(*arr, (size_t)nc * sizeof *a);
            if (a == NULL)
                return -1;
            *arr = a;
            *cap = nc;
        }
        (*arr)[n++] = v;
        p = end;
    }
}

static void subgrid_free(subgrid *g)
{
    free(g->logx);
    free(g->logq2);
    free(g->xf);
    free(g->dxf);
}

void zp_pdf_free(zp_pdf *pdf)
{
    if (pdf == NULL)
        return;
    for (int i = 0; i < pdf->nsub; i++)
        subgrid_free(&pdf->sub[i]);
    free(pdf->sub);
    free(pdf->path);
    free(pdf);
}

/* LHAPDF's knot derivative in log x: one-sided at the edges, the mean of both sides inside. */
static void knot_derivatives(subgrid *g)
{
    for (int ix = 0; ix < g->nx; ix++)
        for (int iq = 0; iq < g->nq; iq++)
            for (int f = 0; f < g->nf; f++) {
                size_t k = ((size_t)ix * (size_t)g->nq + (size_t)iq) * (size_t)g->nf + (size_t)f;
                size_t sx = (size_t)g->nq * (size_t)g->nf;
                double d;
                if (ix == 0)
                    d = (g->xf[k + sx] - g->xf[k]) / (g->logx[1] - g->logx[0]);
                else if (ix == g->nx - 1)
                    d = (g->xf[k] - g->xf[k - sx]) / (g->logx[ix] - g->logx[ix - 1]);
                else
                    d = 0.5 * ((g->xf[k] - g->xf[k - sx]) / (g->logx[ix] - g->logx[ix - 1]) +
                               (g->xf[k + sx] - g->xf[k]) / (g->logx[ix + 1] - g->logx[ix]));
                g->dxf[k] = d;
            }
}

static int strictly_increasing(const double *v, int n)
{
    for (int i = 1; i < n; i++)
        if (!(v[i] > v[i - 1]))
            return 0;
    return 1;
}

/* The nx * nq value rows of subgrid g and the closing "---" line. */
static int read_values(FILE *fp, const char *path, int *lineno, subgrid *g, double **buf, int *cap, char *line,
                       size_t linesz, zp_status *st)
{
    for (int r = 0; r < g->nx * g->nq; r++) {
        if (fgets(line, (int)linesz, fp) == NULL)
            return zp_fail(st, ZP_EDATA, "PDF grid '%s' ends after line %d: expected %d value rows", path, *lineno,
                           g->nx * g->nq);
        (*lineno)++;
        int n = parse_numbers(line, buf, cap);
        if (n != g->nf)
            return zp_fail(st, ZP_EDATA, "PDF grid '%s' line %d: expected %d numbers (one per flavour), got %d", path,
                           *lineno, g->nf, n < 0 ? 0 : n);
        memcpy(g->xf + (size_t)r * (size_t)g->nf, *buf, (size_t)g->nf * sizeof(double));
    }
    if (fgets(line, (int)linesz, fp) == NULL || strncmp(line, "---", 3) != 0)
        return zp_fail(st, ZP_EDATA, "PDF grid '%s' line %d: expected '---' after the subgrid", path, *lineno + 1);
    (*lineno)++;
    return ZP_OK;
}

/* Fill subgrid g from its header lines (x, Q, ids) and the value rows; *lineno advances. */
static int read_subgrid(FILE *fp, const char *path, int *lineno, subgrid *g, double **buf, int *cap,
                        char *line, size_t linesz, int *more, zp_status *st)
{
    double *knots[2] = {NULL, NULL};
    int nk[2] = {0, 0};
    int ok = ZP_OK;
    memset(g, 0, sizeof *g);
    for (int i = 0; i < 13; i++)
        g->col[i] = -1;
    for (int part = 0; part < 3; part++) {
        if (fgets(line, (int)linesz, fp) == NULL)
            return zp_fail(st, ZP_EDATA, "PDF grid '%s' ends inside a subgrid header (line %d)", path, *lineno + 1);
        (*lineno)++;
        int n = parse_numbers(line, buf, cap);
        if (n < 2 || (part == 2 && n > ZP_PDF_MAXFLAV))
            return zp_fail(st, ZP_EDATA, "PDF grid '%s' line %d: expected a list of %s", path, *lineno,
                           part == 0 ? "x knots" : part == 1 ? "Q knots [GeV]" : "at most 16 parton ids");
        if (part < 2) {
            knots[part] = malloc((size_t)n * sizeof(double));
            if (knots[part] == NULL) {
                ok = zp_fail(st, ZP_ENOMEM, "out of memory reading PDF grid '%s'", path);
                goto fail;
            }
            memcpy(knots[part], *buf, (size_t)n * sizeof(double));
            nk[part] = n;
        } else {
            g->nf = n;
            for (int f = 0; f < n; f++) {
                int id = (int)(*buf)[f];
                g->ids[f] = id;
                int key = (id == 21 || id == 0) ? 6 : (id >= -6 && id <= 6 ? id + 6 : -1);
                if (key >= 0)
                    g->col[key] = f;
            }
        }
    }
    g->nx = nk[0];
    g->nq = nk[1];
    if (!strictly_increasing(knots[0], g->nx) || !strictly_increasing(knots[1], g->nq) || knots[0][0] <= 0 ||
        knots[1][0] <= 0 || g->nx < 4 || g->nq < 4) {
        ok = zp_fail(st, ZP_EDATA, "PDF grid '%s' near line %d: x and Q knots must be positive, increasing, at least 4 each",
                     path, *lineno);
        goto fail;
    }
    g->xlo = knots[0][0];
    g->xhi = knots[0][g->nx - 1];
    g->qlo = knots[1][0];
    g->qhi = knots[1][g->nq - 1];
    g->logx = knots[0];
    g->logq2 = knots[1];
    knots[0] = knots[1] = NULL;
    for (int i = 0; i < g->nx; i++)
        g->logx[i] = log(g->logx[i]);
    for (int i = 0; i < g->nq; i++)
        g->logq2[i] = 2.0 * log(g->logq2[i]);
    size_t nval = (size_t)g->nx * (size_t)g->nq * (size_t)g->nf;
    g->xf = malloc(nval * sizeof(double));
    g->dxf = malloc(nval * sizeof(double));
    if (g->xf == NULL || g->dxf == NULL) {
        ok = zp_fail(st, ZP_ENOMEM, "out of memory reading PDF grid '%s'", path);
        goto fail;
    }
    if ((ok = read_values(fp, path, lineno, g, buf, cap, line, linesz, st)) != ZP_OK)
        goto fail;
    /* another subgrid follows when the file goes on */
    int c = fgetc(fp);
    *more = (c != EOF && c != '\n');
    if (c != EOF)
        ungetc(c, fp);
    knot_derivatives(g);
    return ZP_OK;
fail:
    free(knots[0]);
    free(knots[1]);
    subgrid_free(g);
    memset(g, 0, sizeof *g);
    return ok;
}

zp_pdf *zp_pdf_read(const char *path, zp_status *st)
{
    FILE *fp = fopen(path, "r");
    if (fp == NULL) {
        zp_fail(st, ZP_EDATA, "PDF grid '%s' cannot be opened", path);
        return NULL;
    }
    zp_pdf *pdf = calloc(1, sizeof *pdf);
    size_t linesz = 1 << 16;
    char *line = malloc(linesz);
    double *buf = NULL;
    int cap = 0, lineno = 0, rc = ZP_OK;
    if (pdf == NULL || line == NULL || (pdf->path = malloc(strlen(path) + 1)) == NULL) {
        rc = zp_fail(st, ZP_ENOMEM, "out of memory reading PDF grid '%s'", path);
        goto done;
    }
    strcpy(pdf->path, path);
    /* header: "Format: lhagrid1" somewhere before the first "---" */
    int format_ok = 0;
    for (;;) {
        if (fgets(line, (int)linesz, fp) == NULL) {
            rc = zp_fail(st, ZP_EDATA, "PDF grid '%s' has no '---' line after its header (not an LHAPDF6 grid)", path);
            goto done;
        }
        lineno++;
        if (strncmp(line, "---", 3) == 0)
            break;
        if (strstr(line, "Format:") && strstr(line, "lhagrid1"))
            format_ok = 1;
    }
    if (!format_ok) {
        rc = zp_fail(st, ZP_EDATA, "PDF grid '%s' is not in LHAPDF6 'Format: lhagrid1'", path);
        goto done;
    }
    int more = 1;
    while (more) {
        subgrid *s = realloc(pdf->sub, (size_t)(pdf->nsub + 1) * sizeof *s);
        if (s == NULL) {
            rc = zp_fail(st, ZP_ENOMEM, "out of memory reading PDF grid '%s'", path);
            goto done;
        }
        pdf->sub = s;
        rc = read_subgrid(fp, path, &lineno, &pdf->sub[pdf->nsub], &buf, &cap, line, linesz, &more, st);
        if (rc != ZP_OK)
            goto done;
        pdf->nsub++;
    }
    pdf->xmin = INFINITY;
    pdf->xmax = -INFINITY;
    for (int i = 0; i < pdf->nsub; i++) {
        const subgrid *g = &pdf->sub[i];
        pdf->xmin = fmin(pdf->xmin, g->xlo);
        pdf->xmax = fmax(pdf->xmax, g->xhi);
    }
    pdf->qmin = pdf->sub[0].qlo;
    pdf->qmax = pdf->sub[pdf->nsub - 1].qhi;
done:
    fclose(fp);
    free(line);
    free(buf);
    if (rc != ZP_OK) {
        zp_pdf_free(pdf);
        return NULL;
    }
    return pdf;
}

/* ---- shared cache ------------------------------------------------------------------------- */

#define PDF_CACHE_MAX 4
static struct {
    char name[512];
    zp_pdf *pdf;
} pdf_cache[PDF_CACHE_MAX];
static int pdf_ncache = 0;

const zp_pdf *zp_pdf_get(const char *name, zp_status *st)
{
    if (name == NULL)
        name = "";
    for (int i = 0; i < pdf_ncache; i++)
        if (strcmp(pdf_cache[i].name, name) == 0)
            return pdf_cache[i].pdf;
    char path[4096];
    if (zp_data_find(name, path, sizeof path, st) != ZP_OK)
        return NULL;
    if (strlen(name) >= sizeof pdf_cache[0].name) {
        zp_fail(st, ZP_EINVAL, "PDF grid name '%.60s...' is longer than %d characters", name,
                (int)sizeof pdf_cache[0].name - 1);
        return NULL;
    }
    if (pdf_ncache == PDF_CACHE_MAX) {
        zp_fail(st, ZP_EINVAL, "at most %d PDF grids can be open at once (zp_pdf_cache_clear frees them)",
                PDF_CACHE_MAX);
        return NULL;
    }
    zp_pdf *pdf = zp_pdf_read(path, st);
    if (pdf == NULL)
        return NULL;
    snprintf(pdf_cache[pdf_ncache].name, sizeof pdf_cache[0].name, "%s", name);
    pdf_cache[pdf_ncache].pdf = pdf;
    pdf_ncache++;
    return pdf;
}

void zp_pdf_cache_clear(void)
{
    for (int i = 0; i < pdf_ncache; i++) {
        zp_pdf_free(pdf_cache[i].pdf);
        pdf_cache[i].pdf = NULL;
    }
    pdf_ncache = 0;
}

void zp_pdf_range(const zp_pdf *pdf, double *xmin, double *xmax, double *qmin, double *qmax)
{
    if (xmin)
        *xmin = pdf->xmin;
    if (xmax)
        *xmax = pdf->xmax;
    if (qmin)
        *qmin = pdf->qmin;
    if (qmax)
        *qmax = pdf->qmax;
}

/* ---- interpolation ------------------------------------------------------------------------ */

/* Cubic Hermite polynomial on t in [0, 1] with end values and (scaled) end derivatives. */
static double hermite(double t, double vl, double dl, double vh, double dh)
{
    double t2 = t * t, t3 = t2 * t;
    return (2 * t3 - 3 * t2 + 1) * vl + (t3 - 2 * t2 + t) * dl + (-2 * t3 + 3 * t2) * vh + (t3 - t2) * dh;
}

/* Largest i with v[i] <= x, clamped to [0, n - 2]. */
static int knot_index(const double *v, int n, double x)
{
    int lo = 0, hi = n - 1;
    while (hi - lo > 1) {
        int mid = (lo + hi) / 2;
        if (v[mid] <= x)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Knot positions of a point in a subgrid: everything the interpolation needs besides values. */
typedef struct {
    const subgrid *g;
    int ix, iq;
    double tx, dlx, tq, dq0, dq1, dq2;
} locus;

static int locate(const zp_pdf *pdf, double x, double Q, locus *L, zp_status *st)
{
    if (!(x >= pdf->xmin && x <= pdf->xmax))
        return zp_fail(st, ZP_EDOM, "parton momentum fraction x = %g is outside the PDF grid [%g, %g]", x, pdf->xmin,
                       pdf->xmax);
    if (!(Q >= pdf->qmin && Q <= pdf->qmax))
        return zp_fail(st, ZP_EDOM, "factorisation scale Q = %g GeV is outside the PDF grid [%g, %g] GeV", Q,
                       pdf->qmin, pdf->qmax);
    double lq2 = 2.0 * log(Q), lx = log(x);
    int s = 0;
    while (s < pdf->nsub - 1 && lq2 >= pdf->sub[s].logq2[pdf->sub[s].nq - 1])
        s++;
    const subgrid *g = &pdf->sub[s];
    L->g = g;
    L->ix = knot_index(g->logx, g->nx, lx);
    L->iq = knot_index(g->logq2, g->nq, lq2);
    L->dlx = g->logx[L->ix + 1] - g->logx[L->ix];
    L->tx = (lx - g->logx[L->ix]) / L->dlx;
    int iq = L->iq;
    L->dq1 = g->logq2[iq + 1] - g->logq2[iq];
    L->dq0 = iq > 0 ? g->logq2[iq] - g->logq2[iq - 1] : 0;
    L->dq2 = iq + 2 < g->nq ? g->logq2[iq + 2] - g->logq2[iq + 1] : 0;
    L->tq = (lq2 - g->logq2[iq]) / L->dq1;
    return ZP_OK;
}

/* Cubic in log x at Q knot iq for flavour column f. */
static double along_x(const locus *L, int iq, int f)
{
    const subgrid *g = L->g;
    size_t k0 = ((size_t)L->ix * (size_t)g->nq + (size_t)iq) * (size_t)g->nf + (size_t)f;
    size_t k1 = k0 + (size_t)g->nq * (size_t)g->nf;
    return hermite(L->tx, g->xf[k0], g->dxf[k0] * L->dlx, g->xf[k1], g->dxf[k1] * L->dlx);
}

/* LHAPDF's BicubicInterpolator: cubic in log x at four Q knots, then cubic in log Q^2 whose
 * knot derivatives are finite differences of those values. */
static double bicubic(const locus *L, int f)
{
    const subgrid *g = L->g;
    int iq = L->iq;
    double vl = along_x(L, iq, f), vh = along_x(L, iq + 1, f), vdl, vdh;
    double mid = (vh - vl) / L->dq1;
    if (iq == 0) {
        double vhh = along_x(L, iq + 2, f);
        vdl = mid;
        vdh = 0.5 * (mid + (vhh - vh) / L->dq2);
    } else if (iq + 1 == g->nq - 1) {
        double vll = along_x(L, iq - 1, f);
        vdh = mid;
        vdl = 0.5 * (mid + (vl - vll) / L->dq0);
    } else {
        double vll = along_x(L, iq - 1, f), vhh = along_x(L, iq + 2, f);
        vdl = 0.5 * (mid + (vl - vll) / L->dq0);
        vdh = 0.5 * (mid + (vhh - vh) / L->dq2);
    }
    return hermite(L->tq, vl, vdl * L->dq1, vh, vdh * L->dq1);
}

int zp_pdf_xfx(const zp_pdf *pdf, int id, double x, double Q, double *out, zp_status *st)
{
    if (pdf == NULL || out == NULL)
        return zp_fail(st, ZP_EINVAL, "zp_pdf_xfx: no PDF grid or no output");
    locus L;
    int rc = locate(pdf, x, Q, &L, st);
    if (rc != ZP_OK)
        return rc;
    int key = (id == 21 || id == 0) ? 6 : (id >= -6 && id <= 6 ? id + 6 : -1);
    int f = -1;
    if (key >= 0)
        f = L.g->col[key];
    else
        for (int i = 0; i < L.g->nf; i++)
            if (L.g->ids[i] == id)
                f = i;
    if (f < 0)
        return zp_fail(st, ZP_EINVAL, "parton id %d is not in the PDF grid '%s'", id, pdf->path);
    *out = bicubic(&L, f);
    return ZP_OK;
}

int zp_pdf_xfx_quarks(const zp_pdf *pdf, double x, double Q, double out[11], zp_status *st)
{
    if (pdf == NULL || out == NULL)
        return zp_fail(st, ZP_EINVAL, "zp_pdf_xfx_quarks: no PDF grid or no output");
    locus L;
    int rc = locate(pdf, x, Q, &L, st);
    if (rc != ZP_OK)
        return rc;
    for (int id = -5; id <= 5; id++) {
        int f = L.g->col[id + 6];
        out[id + 5] = f < 0 ? 0.0 : bicubic(&L, f);
    }
    return ZP_OK;
}
