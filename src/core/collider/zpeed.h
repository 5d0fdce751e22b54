/* zpeed.h -- binned Poisson likelihood of the ATLAS 13 TeV, 139 fb^-1 dimuon spectrum for the
 * Z' of this model: the ZPEED method (Kahlhoefer, Mueck, Schulte, Tunney, arXiv:1912.06374)
 * with its tables in data/lhc/dimuon/zpeed/.
 *
 * Signal: dsigma/dm_ll [fb/GeV] = (1e12/2.56819) (m_ll/2) (8 pi N_c)^-1 BW(m_ll)
 *                                  x sum_ch (g_L^2 + g_R^2)_ch g_l^2 / 2 x T_ch(m_ll) x xi(m_ll),
 * BW = 1/((m_ll^2 - m^2)^2 + m^2 Gamma^2) with the model's total width, xi the ATLAS efficiency
 * times NLO factor (mm_cuts.dat), and T_ch the fiducial (pT > 30 GeV, |eta| < 2.5) rapidity-
 * integrated luminosity of the channel.  ZPEED tabulates T only summed over down-type (d, s, b)
 * and up-type (u, c) flavours for flavour-universal couplings; this model couples to b, s (and
 * u through eq. 11), so each channel takes the down-type (up-type) table times the fraction
 * J_ch / J_{d+s+b} (J_uu / J_{u+c}) of the inclusive luminosities from the PDF grid (xsec.h):
 * the fiducial acceptance is assumed equal for all flavours of one type.
 * Counts: N_i = L int dm dsigma/dm R_i(m), R_i the Gaussian-resolution probability to land in
 * bin i (mm_resolutions.dat).  Bins: every bin overlapping m +- lhc_window sqrt(Gamma^2 + sigma^2).
 * Statistic: -2 Delta ln L = sum_i [l(b_i + N_i, n_i) - l(b_i, n_i)], l(p, n) = 2 (p - n + n ln(n/p)).
 * Interference with Drell-Yan is neglected (ZPEED's "without interference").
 */
#ifndef ZP_ZPEED_H
#define ZP_ZPEED_H

#include "base/zp_params.h"
#include "base/zp_status.h"

#define ZP_ZPEED_MAXBINS 128

typedef struct {
    int ilo, ihi;                  /* bins of the window, inclusive (ilo > ihi: none) */
    double lo[ZP_ZPEED_MAXBINS];   /* bin edges [GeV] of bins ilo..ihi (index i - ilo) */
    double hi[ZP_ZPEED_MAXBINS];
    double signal[ZP_ZPEED_MAXBINS];     /* expected signal events */
    double background[ZP_ZPEED_MAXBINS]; /* expected background events (ATLAS fit) */
    double observed[ZP_ZPEED_MAXBINS];   /* observed events */
    double chi2;                   /* -2 Delta ln L vs background only */
    double mu_hat;                 /* best-fit signal strength in [0, 1] */
    double dchi2;                  /* ZPEED's one-sided statistic chi2(mu = 1) - chi2(mu_hat) >= 0;
                                      95% CL exclusion for dchi2 > 2.71 (arXiv:1912.06374, sec. 3) */
    double sigma_fid_fb;           /* int dsigma/dm (with xi) over the whole m range of the tables [fb] */
} zp_zpeed_result;

/* Signal per bin and the test statistic for the model p.  Errors: ZP_EDATA (missing or malformed
 * table, naming it), ZP_EDOM (m_Z' outside the PDF grid or above sqrt_s). */
int zp_zpeed_eval(const zp_params *p, zp_zpeed_result *r, zp_status *st);

/* The tabulated m_ll range of the spectrum [GeV]: first bin's low edge, last bin's high edge. */
int zp_zpeed_range(double *lo, double *hi, zp_status *st);

/* Fiducial luminosity tables at m_ll [GeV]: T_u, T_d (ZPEED units, linear interpolation, 0 outside)
 * and xi(m_ll) as ZPEED's xi_function.  For tests and plots. */
int zp_zpeed_tables(double mll, double *Tu, double *Td, double *xi, zp_status *st);

/* Drop the cached tables (they are read once on first use). */
void zp_zpeed_cache_clear(void);

#endif
