/* boost.h -- prompt spectra of chi chi -> Z' Z', each Z' decaying in flight (section 4.2.1 and
 * eq. (40) of arXiv:1702.00395, taken from Ref. [27], arXiv:1611.01983), and the antiproton
 * spectra built from it with the PPPC 4 DM ID tables (pppc.h).
 *
 * Variables (all GeV):
 *   eq. (40) uses TOTAL energies: x = E/m_chi in the galaxy frame, x' = 2E'/m_Z' in the Z' rest
 *   frame, E1 = m_Z'/m_chi, E0 = 2m/m_Z' with m the daughter mass (m_pbar).
 *   PPPC uses KINETIC energy: x_P = K/m_DM.  The spectrum of one Z' decaying at rest into
 *   f fbar is the PPPC f fbar spectrum at m_DM = m_Z'/2 (one annihilation of two DM particles
 *   of mass m_Z'/2 at rest is one decay of a particle of mass m_Z' at rest), and
 *   x' = E'/m_DM = x_P + E0, so dN/dx' = dN/dlog10(x_P) / (x_P ln 10).
 *
 * Eq. (40):  dN/dx = 2 int_{a(x)}^{b(x)} dx' dN/dx' / (sqrt(1 - E1^2) sqrt(x'^2 - E0^2)),
 *   a = x_-, b = min(1, x_+), x_pm = 2 (x pm sqrt((1 - E1^2)(x^2 - E1^2 E0^2/4))) / E1^2.
 * The factor 2 counts the two Z' per annihilation; dN/dx' is the spectrum of ONE decay.
 * The integrable singularity of 1/sqrt(x'^2 - E0^2) at x' = E0 is removed by a substitution:
 *  - a rest-frame spectrum given as a callback: x' = E0 cosh u (dx'/sqrt(x'^2 - E0^2) = du;
 *    x' = e^u when m = 0), and GSL's adaptive Gauss-Kronrod rule (QAG) integrates the bounded
 *    dN/dx'(x'(u)) over a finite u range (zp_boost_dNdx);
 *  - a tabulated one (PPPC): x' = E0 + 10^t, t = log10 x_P, which sends the singular end to
 *    t -> -infinity where the integrand vanishes; the table's Steffen cubic is integrated node
 *    interval by node interval with GSL's fixed Gauss-Legendre rule (zp_boost_dNdx_tab).
 * The fast C entry for scans is zp_pbar_dNdE (about 1 microsecond per energy).
 */
#ifndef ZP_BOOST_H
#define ZP_BOOST_H

#include "indirect/pppc.h"
#include "base/zp_status.h"

/* dN/dx' of ONE mediator decay at rest, x' = 2E'/m_Z' (total energy). */
typedef double (*zp_boost_dndxp_fn)(double xp, void *ctx);

typedef struct {
    zp_boost_dndxp_fn dNdxp; /* the rest-frame spectrum (a callback, or a table behind ctx) */
    void *ctx;               /* passed to dNdxp */
    double xp_lo, xp_hi;     /* support: dN/dx' = 0 outside, E0 <= xp_lo < xp_hi <= 1 */
} zp_boost_source;

typedef struct {
    double mchi; /* dark-matter mass m_chi, GeV */
    double mZp;  /* mediator mass m_Z', GeV, 0 < m_Z' <= m_chi */
    double m;    /* daughter mass (m_pbar), GeV, 0 <= 2m < m_Z' */
} zp_boost_kin;

/* Limits x_- and x_+ of eq. (40) at x (before clipping x_+ at 1).  ZP_EDOM when the
 * kinematics are invalid or x < E1 E0 / 2 (a total energy below m). */
int zp_boost_limits(const zp_boost_kin *k, double x, double *xm, double *xp, zp_status *st);

/* The kinematic range [xlo, xhi] of x = E/m_chi for daughters with x' in [xp_lo, xp_hi]. */
int zp_boost_xrange(const zp_boost_kin *k, double xp_lo, double xp_hi, double *xlo, double *xhi,
                    zp_status *st);

/* dN/dx of eq. (40) per annihilation at n values x[i] (out[i]; 0 outside the kinematic range).
 * m_chi = m_Z' gives the exact limit dN/dx = 4 dN/dx'(2x).  Errors: ZP_EDOM for invalid
 * masses or support, ZP_ENUM when the integration fails, ZP_ENOMEM. */
int zp_boost_dNdx(const zp_boost_kin *k, const zp_boost_source *src, int n, const double *x,
                  double *out, zp_status *st);

/* The same for a tabulated rest-frame spectrum in PPPC variables: rest holds dN/dlog10(x_P)
 * of ONE decay at rest with x_P = K'/(m_Z'/2) = x' - E0 (a PPPC slice at m_DM = m_Z'/2, or any
 * table filled with zp_pppc_slice_from), zero outside its grid and cut at x' = 1.  The
 * integral runs over log10 x_P node interval by node interval (Gauss-Legendre, exact for the
 * cubic interpolant up to the smooth weight), so it is fast and never fails. */
int zp_boost_dNdx_tab(const zp_boost_kin *k, const zp_pppc_slice *rest, int n, const double *x,
                      double *out, zp_status *st);

/* ---- antiprotons from PPPC 4 DM ID ---- */

typedef struct {
    double mchi;         /* m_chi, GeV */
    double mZp;          /* m_Z', GeV (ignored when boost == 0) */
    double m_p;          /* antiproton mass, GeV (parameter m_p) */
    const char *channel; /* PPPC channel of the Z' decay (or of chi chi when boost == 0), "b" */
    const char *table;   /* PPPC file on the data path; NULL: zp_pppc_default_pbar() */
    int boost;           /* 1: chi chi -> Z'Z' -> (f fbar)(f fbar), eq. (40); 0: chi chi -> f fbar */
} zp_pbar_opts;

/* Kinematic range [Kmin, Kmax] of the antiproton kinetic energy in GeV (the table's x range
 * when boost == 0).  Errors as zp_pbar_dNdE. */
int zp_pbar_Krange(const zp_pbar_opts *o, double *Kmin, double *Kmax, zp_status *st);

/* dN/dK in GeV^-1 per annihilation at n kinetic energies K[i] (GeV): the fast entry for scans
 * (one table look-up and one mass interpolation per call).  0 above the kinematic end point.
 * Errors: ZP_EDOM (m_Z'/2 or m_chi outside the table's mass range, m_chi < m_Z', K < 0 or, for
 * boost == 0, K below the table), ZP_EINVAL (unknown channel), ZP_EDATA (missing/malformed
 * table), ZP_ENUM. */
int zp_pbar_dNdE(const zp_pbar_opts *o, int n, const double *K, double *dNdE, zp_status *st);

/* Total multiplicity N = int dN/dK dK per annihilation (boosted: 2 x one Z' decay, with the
 * rest-frame spectrum cut at x' = 1 as in eq. (40)), and the mean energy fraction
 * int x dN/dx dx (x = total energy / m_chi; for boost == 0, x = K/m_chi as in PPPC). */
int zp_pbar_moments(const zp_pbar_opts *o, double *N, double *xmean, zp_status *st);

#endif
