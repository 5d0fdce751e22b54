/* zpeed.c -- the ZPEED dimuon likelihood (see zpeed.h). */
#include "collider/zpeed.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/widths.h"
#include "base/zp_registry.h"
#include "base/zp_table.h"
#include "base/zp_units.h"
#include "collider/xsec.h"

#define ZPEED_DIR "lhc/dimuon/zpeed/"
/* ZPEED's conversion 1 GeV^-2 = 1e12/2.56819 fb (dileptons_functions.py). */
#define ZPEED_GEVM2_TO_FB (1e12 / 2.56819)
#define NC 3.0
#define NPANEL 128 /* panels of 4-point Gauss-Legendre in the Breit-Wigner angle */

typedef struct {
    int n;
    double *x, *y;
} curve;

static struct {
    int loaded;
    int nbin;
    double lo[ZP_ZPEED_MAXBINS], hi[ZP_ZPEED_MAXBINS], obs[ZP_ZPEED_MAXBINS], bkg[ZP_ZPEED_MAXBINS];
    curve res, xi;
    int nT;
    double *Tm, *Tu, *Td;
} Z;

void zp_zpeed_cache_clear(void)
{
    free(Z.res.x);
    free(Z.res.y);
    free(Z.xi.x);
    free(Z.xi.y);
    free(Z.Tm);
    free(Z.Tu);
    free(Z.Td);
    memset(&Z, 0, sizeof Z);
}

/* Copy column c of a table (ncol >= need) into a new array. */
static double *column(const zp_table *t, int c)
{
    double *a = malloc((size_t)t->nrow * sizeof *a);
    if (a)
        for (int r = 0; r < t->nrow; r++)
            a[r] = zp_table_at(t, r, c);
    return a;
}

static const zp_table *get(const char *file, int ncol, int minrow, zp_status *st)
{
    const zp_table *t = zp_table_get(file, st);
    if (t == NULL)
        return NULL;
    if (t->ncol < ncol || t->nrow < minrow) {
        zp_fail(st, ZP_EDATA, "ZPEED table '%s' has %d rows of %d columns; expected at least %d rows of %d", file, t->nrow,
                t->ncol, minrow, ncol);
        return NULL;
    }
    return t;
}

static int load(zp_status *st)
{
    if (Z.loaded)
        return ZP_OK;
    const zp_table *t = get(ZPEED_DIR "mm_data.dat", 4, 2, st);
    if (t == NULL)
        return st->code;
    if (t->nrow > ZP_ZPEED_MAXBINS)
        return zp_fail(st, ZP_EDATA, "ZPEED table 'mm_data.dat' has %d bins, more than %d", t->nrow, ZP_ZPEED_MAXBINS);
    Z.nbin = t->nrow;
    for (int i = 0; i < t->nrow; i++) {
        Z.lo[i] = zp_table_at(t, i, 0);
        Z.hi[i] = zp_table_at(t, i, 1);
        Z.obs[i] = zp_table_at(t, i, 2);
        Z.bkg[i] = zp_table_at(t, i, 3);
        if (!(Z.hi[i] > Z.lo[i]) || !(Z.bkg[i] > 0) || !(Z.obs[i] >= 0))
            return zp_fail(st, ZP_EDATA, "ZPEED table 'mm_data.dat' row %d: need low < high edge, background > 0, "
                           "observed >= 0", i + 1);
    }
    const char *files[5] = {"mm_resolutions.dat", "mm_cuts.dat", "T_mll_list.dat", "T2_ATLAS_mm_u_cuts_list.dat",
                            "T2_ATLAS_mm_d_cuts_list.dat"};
    const zp_table *tt[5];
    for (int k = 0; k < 5; k++) {
        char name[128];
        snprintf(name, sizeof name, ZPEED_DIR "%s", files[k]);
        if ((tt[k] = get(name, k < 2 ? 2 : 1, 3, st)) == NULL)
            return st->code;
    }
    if (tt[3]->nrow != tt[2]->nrow || tt[4]->nrow != tt[2]->nrow)
        return zp_fail(st, ZP_EDATA, "ZPEED luminosity tables have %d, %d rows for %d masses in T_mll_list.dat",
                       tt[3]->nrow, tt[4]->nrow, tt[2]->nrow);
    Z.res = (curve){tt[0]->nrow, column(tt[0], 0), column(tt[0], 1)};
    Z.xi = (curve){tt[1]->nrow, column(tt[1], 0), column(tt[1], 1)};
    Z.nT = tt[2]->nrow;
    Z.Tm = column(tt[2], 0);
    Z.Tu = column(tt[3], 0);
    Z.Td = column(tt[4], 0);
    if (!Z.res.x || !Z.res.y || !Z.xi.x || !Z.xi.y || !Z.Tm || !Z.Tu || !Z.Td) {
        zp_zpeed_cache_clear();
        return zp_fail(st, ZP_ENOMEM, "out of memory reading the ZPEED tables");
    }
    Z.loaded = 1;
    return ZP_OK;
}

/* Linear interpolation on an ascending grid; index of the interval by bisection. */
static double lin(const double *x, const double *y, int n, double x0)
{
    int lo = 0, hi = n - 1;
    while (hi - lo > 1) {
        int mid = (lo + hi) / 2;
        if (x[mid] <= x0)
            lo = mid;
        else
            hi = mid;
    }
    return y[lo] + (y[hi] - y[lo]) * (x0 - x[lo]) / (x[hi] - x[lo]);
}

/* ZPEED's mm_resolution: linear, constant beyond the table. */
static double resolution(double m)
{
    if (m <= Z.res.x[0])
        return Z.res.y[0];
    if (m >= Z.res.x[Z.res.n - 1])
        return Z.res.y[Z.res.n - 1];
    return lin(Z.res.x, Z.res.y, Z.res.n, m);
}

/* ZPEED's xi_function: 0 below the first point, the second value up to the second point,
 * linear, constant beyond the table. */
static double xi_of(double m)
{
    if (m < Z.xi.x[0])
        return 0.0;
    if (m <= Z.xi.x[1])
        return Z.xi.y[1];
    if (m >= Z.xi.x[Z.xi.n - 1])
        return Z.xi.y[Z.xi.n - 1];
    return lin(Z.xi.x, Z.xi.y, Z.xi.n, m);
}

static void T_of(double m, double *Tu, double *Td)
{
    if (m < Z.Tm[0] || m > Z.Tm[Z.nT - 1]) {
        *Tu = *Td = 0.0;
        return;
    }
    *Tu = lin(Z.Tm, Z.Tu, Z.nT, m);
    *Td = lin(Z.Tm, Z.Td, Z.nT, m);
}

int zp_zpeed_range(double *lo, double *hi, zp_status *st)
{
    int rc = load(st);
    if (rc != ZP_OK)
        return rc;
    *lo = Z.lo[0];
    *hi = Z.hi[Z.nbin - 1];
    return ZP_OK;
}

int zp_zpeed_tables(double mll, double *Tu, double *Td, double *xi, zp_status *st)
{
    int rc = load(st);
    if (rc != ZP_OK)
        return rc;
    T_of(mll, Tu, Td);
    *xi = xi_of(mll);
    return ZP_OK;
}

/* Coupling-weighted flavour fractions (down type, up type) at mass m: sum_ch c2_ch J_ch / J_type. */
static int weights(const zp_params *p, const double c2[ZP_LHC_NCH], double m, double *wd, double *wu, zp_status *st)
{
    const zp_pdf *pdf = zp_pdf_get(ZP_LHC_PDF, st);
    if (pdf == NULL)
        return st->code;
    double J[ZP_LHC_NCH];
    int rc = zp_lhc_lumis(pdf, m, p->v[ZP_SQRT_S], p->v[ZP_MUF_OVER_MZP] * m, J, st);
    if (rc != ZP_OK)
        return rc;
    double jd = J[ZP_LHC_DD] + J[ZP_LHC_SS] + J[ZP_LHC_BB], ju = J[ZP_LHC_UU] + J[ZP_LHC_CC];
    *wd = jd > 0 ? (c2[ZP_LHC_BB] * J[ZP_LHC_BB] + c2[ZP_LHC_SS] * J[ZP_LHC_SS] + c2[ZP_LHC_BS] * J[ZP_LHC_BS]) / jd : 0;
    *wu = ju > 0 ? c2[ZP_LHC_UU] * J[ZP_LHC_UU] / ju : 0;
    return ZP_OK;
}

/* -2 ln of the Poisson likelihood up to a constant (ZPEED's ATLAS_13TeV.likelihood). */
static double poisson_m2lnl(double pred, double obs)
{
    if (obs > 0)
        return 2.0 * ((pred - obs) + obs * log(obs / pred));
    return 2.0 * pred;
}

/* -2 ln L of signal strength mu over the window's bins (up to a constant). */
static double chi2_mu(const zp_zpeed_result *r, int nb, double mu)
{
    double c = 0;
    for (int i = 0; i < nb; i++)
        c += poisson_m2lnl(r->background[i] + mu * r->signal[i], r->observed[i]);
    return c;
}

/* Best-fit mu in [0, 1]: chi2_mu is convex, so bisect on its derivative
 * sum_i 2 s_i (1 - n_i / (b_i + mu s_i)). */
static double fit_mu(const zp_zpeed_result *r, int nb)
{
    double lo = 0.0, hi = 1.0;
    for (int it = 0; it < 60; it++) {
        double mu = it == 0 ? 0.0 : it == 1 ? 1.0 : 0.5 * (lo + hi), d = 0;
        for (int i = 0; i < nb; i++)
            d += 2.0 * r->signal[i] * (1.0 - r->observed[i] / (r->background[i] + mu * r->signal[i]));
        if (it == 0 && d >= 0)
            return 0.0;
        if (it == 1 && d <= 0)
            return 1.0;
        if (it >= 2) {
            if (d > 0)
                hi = mu;
            else
                lo = mu;
        }
    }
    return 0.5 * (lo + hi);
}

/* Expected signal events r->signal[0..nb-1] in the window's bins: the Breit-Wigner line shape,
 * flavour-weighted fiducial luminosities, efficiency and Gaussian resolution (see zpeed.h). */
static int signal_counts(const zp_params *p, const double c2[ZP_LHC_NCH], double M, double Gamma, double gl2,
                         int nb, zp_zpeed_result *r, zp_status *st)
{
    int rc;
    /* integration range: the window's bins plus 5 resolutions, inside the luminosity tables */
    double a = fmax(r->lo[0] - 5.0 * resolution(r->lo[0]), Z.Tm[0]);
    double b = fmin(r->hi[nb - 1] + 5.0 * resolution(r->hi[nb - 1]), Z.Tm[Z.nT - 1]);
    /* flavour weights at three masses, quadratic in m (they vary slowly) */
    double mk[3] = {a, M, b}, wd[3], wu[3];
    if (!(a < M && M < b))
        mk[1] = 0.5 * (a + b);
    for (int k = 0; k < 3; k++)
        if ((rc = weights(p, c2, mk[k], &wd[k], &wu[k], st)) != ZP_OK)
            return rc;
    /* m^2 = M^2 + M Gamma tan(phi): dm BW(m) = dphi / (2 m M Gamma) */
    double pa = atan((a * a - M * M) / (M * Gamma)), pb = atan((b * b - M * M) / (M * Gamma));
    static const double gx[4] = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526};
    static const double gw[4] = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538};
    double h = (pb - pa) / NPANEL, lumi = p->v[ZP_LUMI_ATLAS_MUMU];
    double pref = ZPEED_GEVM2_TO_FB * 0.5 / (8.0 * ZP_PI * NC) * 0.5 * gl2 / (2.0 * M * Gamma);
    for (int k = 0; k < NPANEL; k++)
        for (int j = 0; j < 4; j++) {
            double phi = pa + h * (k + 0.5 * (1.0 + gx[j]));
            double m = sqrt(M * M + M * Gamma * tan(phi)), Tu, Td;
            T_of(m, &Tu, &Td);
            double l0 = (m - mk[1]) * (m - mk[2]) / ((mk[0] - mk[1]) * (mk[0] - mk[2]));
            double l1 = (m - mk[0]) * (m - mk[2]) / ((mk[1] - mk[0]) * (mk[1] - mk[2]));
            double l2 = (m - mk[0]) * (m - mk[1]) / ((mk[2] - mk[0]) * (mk[2] - mk[1]));
            double fd = l0 * wd[0] + l1 * wd[1] + l2 * wd[2], fu = l0 * wu[0] + l1 * wu[1] + l2 * wu[2];
            /* (m/2) BW dm = (m/2) dphi/(2 m M Gamma): m cancels */
            double dsig = pref * xi_of(m) * (fd * Td + fu * Tu) * 0.5 * h * gw[j]; /* fb */
            double s = sqrt(2.0) * resolution(m);
            for (int i = 0; i < nb; i++) {
                double R = 0.5 * (erf((r->hi[i] - m) / s) - erf((r->lo[i] - m) / s));
                r->signal[i] += lumi * dsig * R;
            }
        }
    return ZP_OK;
}

int zp_zpeed_eval(const zp_params *p, zp_zpeed_result *r, zp_status *st)
{
    int rc = load(st);
    if (rc != ZP_OK)
        return zp_prefix(st, "LHC_dimuon_chi2");
    memset(r, 0, sizeof *r);
    double M = p->v[ZP_MZP], gl2 = p->v[ZP_GL] * p->v[ZP_GL], Gamma, gam[ZP_ZP_NCHANNEL], c2[ZP_LHC_NCH];
    if ((rc = zp_widths_all(p, gam, &Gamma, st)) != ZP_OK || (rc = zp_lhc_couplings(p, c2, st)) != ZP_OK)
        return zp_prefix(st, "LHC_dimuon_chi2");
    double sres = resolution(M), geff = sqrt(Gamma * Gamma + sres * sres), w = p->v[ZP_LHC_WINDOW];
    double wlo = M - w * geff, whi = M + w * geff;
    r->ilo = 0;
    while (r->ilo < Z.nbin && Z.hi[r->ilo] <= wlo)
        r->ilo++;
    r->ihi = Z.nbin - 1;
    while (r->ihi >= 0 && Z.lo[r->ihi] >= whi)
        r->ihi--;
    if (r->ilo > r->ihi || !(Gamma > 0) || gl2 == 0)
        return ZP_OK; /* no bin in the window, or no signal: -2 Delta ln L = 0 */
    int nb = r->ihi - r->ilo + 1;
    for (int i = 0; i < nb; i++) {
        r->lo[i] = Z.lo[r->ilo + i];
        r->hi[i] = Z.hi[r->ilo + i];
        r->background[i] = Z.bkg[r->ilo + i];
        r->observed[i] = Z.obs[r->ilo + i];
    }
    if ((rc = signal_counts(p, c2, M, Gamma, gl2, nb, r, st)) != ZP_OK)
        return zp_prefix(st, "LHC_dimuon_chi2");
    double tot = 0;
    for (int i = 0; i < nb; i++) {
        tot += r->signal[i];
        r->chi2 += poisson_m2lnl(r->background[i] + r->signal[i], r->observed[i]) -
                   poisson_m2lnl(r->background[i], r->observed[i]);
    }
    double lumi = p->v[ZP_LUMI_ATLAS_MUMU];
    r->sigma_fid_fb = lumi > 0 ? tot / lumi : 0.0;
    r->mu_hat = fit_mu(r, nb);
    r->dchi2 = chi2_mu(r, nb, 1.0) - chi2_mu(r, nb, r->mu_hat);
    return ZP_OK;
}

static int obs_chi2(const zp_params *p, const double *a, double *out, zp_status *st)
{
    (void)a;
    zp_zpeed_result r;
    int rc = zp_zpeed_eval(p, &r, st);
    if (rc == ZP_OK)
        *out = r.chi2;
    return rc;
}

const zp_obs_def zp_obs_zpeed[] = {
    {"LHC_dimuon_chi2", "1",
     "-2 Delta ln L (signal + background vs background only) of the ATLAS 139 fb^-1 dimuon spectrum in the bins within m_Z' +- lhc_window sqrt(Gamma^2 + sigma_res^2) (ZPEED method; b, s, u initial states; no Drell-Yan interference); > 3.84 excludes at 95% CL; 0 when the window misses the spectrum (225-5806 GeV)",
     "ZPEED, arXiv:1912.06374; ATLAS, arXiv:1903.06248", "mZp gq gl gchi mchi thetaD Vus Vub gamma_ckm m_b m_t m_mu sqrt_s muF_over_mZp lumi_atlas_mumu lhc_window",
     0, NULL, obs_chi2},
    {0},
};
