/* zp_table.h -- numeric data tables found through the data search path, loaded once and shared.
 *
 * Search path: the colon-separated list set by zp_data_set_path() (the binding sets it from
 * $ZPRIME_DATA, then a `data` directory beside the installation, then the build-time default);
 * a relative table name such as "pppc4dmid/AtProduction_gammas.dat" is tried in each directory
 * in turn (a directory of that name is skipped), an absolute path is used as is.  Files are
 * parsed once and cached by resolved path and file identity; a name resolves again after the
 * search path changes or zp_table_cache_clear().  Returned pointers stay valid for the life of
 * the process (module caches keep them).
 *
 * Accepted format: '#' comment lines; an optional header line of column names (the last
 * non-numeric line before the data, e.g. PPPC's "mDM Log[10,x] ..."); then rows of numbers
 * separated by white space and/or commas ("nan" allowed, infinities and overflowing numbers
 * refused).  All rows must have the same number of columns.  Only regular files of at most
 * 256 MiB are read.  A table found in a data directory with a MANIFEST file ("<bytes>
 * <relative path>" lines) must have the size listed there; any other table must end with a
 * newline (a last line without one is taken as a file cut short).
 */
#ifndef ZP_TABLE_H
#define ZP_TABLE_H

#include <stddef.h>

#include "base/zp_status.h"

typedef struct {
    char *path;      /* the file that was read */
    int nrow, ncol;  /* data rows and columns */
    double *data;    /* row-major: data[r * ncol + c] */
    char **colnames; /* ncol names from the header line, or NULL when there is none */
} zp_table;

/* Set / read the colon-separated search path (copied). */
void zp_data_set_path(const char *path);
const char *zp_data_get_path(void);

/* Resolve name through the search path into out (size n).  ZP_EDATA with a message naming
 * the file and every directory tried when it is not found. */
int zp_data_find(const char *name, char *out, size_t n, zp_status *st);

/* The parsed table for name (search path, cached).  NULL with st set on failure. */
const zp_table *zp_table_get(const char *name, zp_status *st);

/* Parse a file without the cache (the caller frees with zp_table_free).  ZP_EDATA names the
 * file, line and column of the first problem. */
zp_table *zp_table_read(const char *path, zp_status *st);
void zp_table_free(zp_table *t);
void zp_table_cache_clear(void); /* forget name resolutions; tables stay valid */

/* A counter that changes whenever a table name may resolve to other data (new search path,
 * cache cleared, a file read anew).  Module caches keyed by table name include it in their key. */
unsigned zp_table_generation(void);

/* Column index by header name, or -1. */
int zp_table_col(const zp_table *t, const char *name);

static inline double zp_table_at(const zp_table *t, int row, int col)
{
    return t->data[(size_t)row * (size_t)t->ncol + (size_t)col];
}

/* Interpolate y(x0) on a strictly monotonic grid x[0..n-1] (ascending or descending, any
 * stride between consecutive values), linearly in (log x, log y) when loglog != 0, else
 * linearly.  Outside the grid: ZP_EDOM naming what, x0 and the range; a grid that is not
 * strictly monotonic (the binary search needs one): ZP_EDATA naming the point. */
int zp_interp(const double *x, size_t xstride, const double *y, size_t ystride, int n,
              double x0, int loglog, const char *what, double *out, zp_status *st);

#endif
