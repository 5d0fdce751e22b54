/* pdf.h -- parton distribution functions from an LHAPDF6 `lhagrid1` grid file.
 *
 * The file holds one or more subgrids separated by "---" lines; each subgrid lists its x knots,
 * its Q knots (GeV), the PDG ids of its flavours, then x f(x, Q) for every flavour, x-major
 * (for each x, all Q).  Interpolation follows LHAPDF 6's BicubicInterpolator: cubic Hermite
 * splines in (log x, log Q^2) whose knot derivatives are finite differences (one-sided at the
 * grid edges, the mean of both sides inside); values between subgrids use the subgrid that
 * contains Q.  No extrapolation: outside the grid is an error.
 * Reference: A. Buckley et al., "LHAPDF6: parton density access in the LHC precision era",
 * Eur. Phys. J. C75 (2015) 132, arXiv:1412.7420, section 4.
 */
#ifndef ZP_PDF_H
#define ZP_PDF_H

#include "base/zp_status.h"

#define ZP_PDF_MAXFLAV 16

typedef struct zp_pdf zp_pdf;

/* PDG ids of the partons. */
enum { ZP_PDF_D = 1, ZP_PDF_U = 2, ZP_PDF_S = 3, ZP_PDF_C = 4, ZP_PDF_B = 5, ZP_PDF_T = 6, ZP_PDF_G = 21 };

/* Read a grid file (absolute or relative path, no search path).  NULL with st set (ZP_EDATA
 * naming the file and the line) when it cannot be read or is malformed. */
zp_pdf *zp_pdf_read(const char *path, zp_status *st);
void zp_pdf_free(zp_pdf *pdf);

/* The grid called name on the data search path (e.g. "lhc/pdf/NNPDF23_lo_as_0130_qed_0000.dat"),
 * parsed once and shared until zp_pdf_cache_clear().  NULL with st set on failure. */
const zp_pdf *zp_pdf_get(const char *name, zp_status *st);
void zp_pdf_cache_clear(void);

/* Range of the grid: x in [xmin, xmax], Q in [qmin, qmax] GeV. */
void zp_pdf_range(const zp_pdf *pdf, double *xmin, double *xmax, double *qmin, double *qmax);

/* x f(x, Q) of parton id (PDG: -6..6, 21 or 0 for the gluon, 22 photon when present).
 * ZP_EDOM outside the grid (naming x or Q and the range), ZP_EINVAL for a flavour the grid
 * does not hold. */
int zp_pdf_xfx(const zp_pdf *pdf, int id, double x, double Q, double *out, zp_status *st);

/* x f(x, Q) for the quarks and antiquarks -5..5 at once: out[id + 5] (out[5] is the gluon). */
int zp_pdf_xfx_quarks(const zp_pdf *pdf, double x, double Q, double out[11], zp_status *st);

#endif
