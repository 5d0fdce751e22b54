/* pppc.h -- reader for the PPPC 4 DM ID prompt spectra (Cirelli et al., JCAP 1103 (2011) 051,
 * arXiv:1012.4515), any file AtProduction[NoEW]_<species>.dat found through the data path.
 *
 * Table conventions (shared/data/README.md, section 1): one header line naming the columns,
 * column 1 = mDM (GeV), column 2 = Log[10,x] with x = K/mDM and K the KINETIC energy of the
 * produced particle, then one column per primary channel giving dN/dlog10(x) per annihilation
 * DM DM -> channel.  Rows come in blocks of one mass each, every block on the same uniform
 * log10 x grid.  Both layouts are handled from the header alone: the EW-corrected files
 * (30 columns, 179 x values from -8.9) and the NoEW files (14 columns, 180 x values from -8.95).
 *
 * Channel names: the header's Mathematica names are accepted verbatim ("\[Mu]") and in plain
 * form, with \[Mu] -> mu, \[Tau] -> tau, \[Gamma] -> gamma, \[Nu] -> nu ("mu", "tau", "numu",
 * "V->mu", "muL"); the others ("e", "q", "c", "b", "t", "W", "Z", "g", "h", ...) are unchanged.
 * "q" is the light-quark channel (u, d, s).
 *
 * Interpolation: Steffen's monotone cubic Hermite scheme (M. Steffen, A&A 239 (1990) 443; the
 * same slopes as GSL's gsl_interp_steffen, secant slopes at the two ends), first in ln(mDM) at
 * every log10 x node, then in log10 x.  It reproduces the table exactly at grid nodes, is C1,
 * creates no extrema between nodes and therefore never goes negative (the tables contain zeros
 * where a channel is closed, so interpolating the logarithm is not an option).
 *
 * Tables are parsed once (zp_table_get) and their grid structure is checked and cached here;
 * the returned pointers stay valid for the life of the process (grids are never freed).
 */
#ifndef ZP_PPPC_H
#define ZP_PPPC_H

#include "base/zp_status.h"

/* The default antiproton table: the EW-corrected file when it is on the data path, otherwise
 * the no-EW file that zprime's tests use (see shared/data/README.md for why). */
#define ZP_PPPC_PBAR_EW "pppc4dmid/AtProduction_antiprotons.dat"
#define ZP_PPPC_PBAR_NOEW "pppc4dmid/AtProductionNoEW_antiprotons.dat"

#define ZP_PPPC_MAXNX 512 /* largest number of log10 x nodes per mass accepted */
#define ZP_PPPC_MAXCH 64  /* largest number of channels accepted */

typedef struct zp_pppc zp_pppc; /* a checked PPPC table (opaque) */

/* The table called name (data search path, or an absolute path), parsed and checked once.
 * NULL with ZP_EDATA when the file is missing, has no header, is not a complete
 * (mDM, log10 x) grid or holds a negative or non-finite entry. */
const zp_pppc *zp_pppc_get(const char *name, zp_status *st);

/* Name of the default antiproton table: ZP_PPPC_PBAR_EW when it can be found, else NoEW. */
const char *zp_pppc_default_pbar(void);

/* Grid facts: tabulated mass range (GeV), log10 x range, number of nodes, the file read. */
double zp_pppc_mmin(const zp_pppc *t);
double zp_pppc_mmax(const zp_pppc *t);
double zp_pppc_lxmin(const zp_pppc *t);
double zp_pppc_lxmax(const zp_pppc *t);
int zp_pppc_nmass(const zp_pppc *t);
int zp_pppc_nx(const zp_pppc *t);
const char *zp_pppc_path(const zp_pppc *t);

/* Channels: count, plain name of channel i (0-based), and the index of a channel by plain or
 * header name.  Unknown channel: ZP_EINVAL naming it, a suggestion and the available ones. */
int zp_pppc_nchannel(const zp_pppc *t);
const char *zp_pppc_channel_name(const zp_pppc *t, int i);
int zp_pppc_channel(const zp_pppc *t, const char *name, int *ch, zp_status *st);

/* dN/dlog10(x) per annihilation for channel ch at mDM (GeV) and log10 x.
 * Errors: ZP_EDOM when mDM or log10 x lies outside the table. */
int zp_pppc_dNdlog10x(const zp_pppc *t, int ch, double mDM, double log10x, double *out,
                      zp_status *st);

/* The spectrum of one channel at one mass, ready for fast repeated evaluation in log10 x
 * (a scan or an integrand): node values and Steffen slopes on the uniform log10 x grid. */
typedef struct {
    double mDM;                 /* GeV */
    double lx0, dlx;            /* first log10 x node and the step */
    int nx;                     /* number of nodes */
    double y[ZP_PPPC_MAXNX];    /* dN/dlog10 x at the nodes */
    double d[ZP_PPPC_MAXNX];    /* d(dN/dlog10 x)/d(log10 x) at the nodes (Steffen) */
} zp_pppc_slice;

/* Fill s for channel ch at mDM.  Errors: ZP_EDOM when mDM is outside the table. */
int zp_pppc_slice_at(const zp_pppc *t, int ch, double mDM, zp_pppc_slice *s, zp_status *st);

/* Fill s from node values y[0..nx-1] of dN/dlog10 x on the uniform grid lx0 + j dlx (any
 * tabulated spectrum, e.g. one built by a script): copies y and computes the Steffen slopes.
 * Errors: ZP_EINVAL unless 4 <= nx <= ZP_PPPC_MAXNX, dlx > 0 and every y is finite and >= 0. */
int zp_pppc_slice_from(const double *y, int nx, double lx0, double dlx, double mDM,
                       zp_pppc_slice *s, zp_status *st);

/* dN/dlog10 x of a slice at log10 x; 0 outside [lx0, lx0 + (nx-1) dlx] (no status: the
 * caller checks ranges; below the table the spectrum is treated as zero). */
double zp_pppc_slice_eval(const zp_pppc_slice *s, double log10x);

/* Steffen slope at the interior node with left/right intervals (h0, s0) and (h1, s1):
 * widths and secant slopes.  Exposed for the tests. */
double zp_steffen_slope(double h0, double s0, double h1, double s1);

#endif
