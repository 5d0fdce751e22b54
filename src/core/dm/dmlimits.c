/* dmlimits.c -- experimental dark-matter limit curves (direct detection, Fermi-LAT dwarfs). */
#include "dm/dmlimits.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "base/zp_table.h"

enum { FMT_PLAIN, FMT_LOG10, FMT_ECSV };

typedef struct {
    zp_dmlimit_info info;
    int format; /* FMT_PLAIN: columns (m, y); FMT_LOG10: (log10 m, log10 y); FMT_ECSV: "mass", "sigmav" */
} curve;

static const curve curves[] = {
    {{"pandax2016", "limits/direct_detection/PandaX_SI_arxiv_Jul2016.dat", "PandaX-II 2016",
      "spin-independent per-nucleon cross section", "cm^2", "90% CL",
      "A. Tan et al. (PandaX-II), PRL 117, 121303 (2016), arXiv:1607.07400 [71]"},
     FMT_PLAIN},
    {{"lux2016", "limits/direct_detection/LUX_SI_Combination_Oct2016.txt", "LUX 2016 (complete exposure)",
      "spin-independent per-nucleon cross section", "cm^2", "90% CL",
      "D. S. Akerib et al. (LUX), PRL 118, 021303 (2017), arXiv:1608.07648"},
     FMT_PLAIN},
    {{"xenon1t2018", "limits/direct_detection/xenon1t_2018.txt", "XENON1T 2018 (1 t yr)",
      "spin-independent per-nucleon cross section", "cm^2", "90% CL",
      "E. Aprile et al. (XENON), PRL 121, 111302 (2018), arXiv:1805.12562"},
     FMT_PLAIN},
    {{"lz_projection", "limits/direct_detection/LZ_projection_OHare.txt", "LZ projection",
      "spin-independent per-nucleon cross section", "cm^2", "projected 90% CL",
      "LZ projection as tabulated by C. A. J. O'Hare, PRL 127, 251802 (2021) (TDR-era curve, cf. [69])"},
     FMT_LOG10},
    {{"fermi_dsph_bb", "limits/fermi_dsph/lat_2015_multidsph_ann_bb.ecsv", "Fermi-LAT dwarfs 2015 (b bbar)",
      "<sigma v> into b bbar", "cm^3/s", "95% CL",
      "M. Ackermann et al. (Fermi-LAT), PRL 115, 231301 (2015), arXiv:1503.02641 [56]"},
     FMT_ECSV},
    {{"fermi_dsph_mumu", "limits/fermi_dsph/lat_2015_multidsph_ann_mumu.ecsv", "Fermi-LAT dwarfs 2015 (mu mu)",
      "<sigma v> into mu+ mu-", "cm^3/s", "95% CL",
      "M. Ackermann et al. (Fermi-LAT), PRL 115, 231301 (2015), arXiv:1503.02641 [56]"},
     FMT_ECSV},
};

#define NCURVE ((int)(sizeof curves / sizeof curves[0]))

int zp_dmlimit_count(void) { return NCURVE; }

const zp_dmlimit_info *zp_dmlimit_get(int i)
{
    return (i >= 0 && i < NCURVE) ? &curves[i].info : NULL;
}

int zp_dmlimit_find(const char *name)
{
    for (int i = 0; name && i < NCURVE; i++)
        if (strcmp(curves[i].info.name, name) == 0)
            return i;
    return -1;
}

/* Mass and limit columns of a loaded table. */
static int columns(const curve *c, const zp_table *t, int *xc, int *yc, zp_status *st)
{
    if (c->format == FMT_ECSV) {
        *xc = zp_table_col(t, "mass");
        *yc = zp_table_col(t, "sigmav");
    } else {
        *xc = 0;
        *yc = 1;
    }
    if (*xc < 0 || *yc < 0 || t->ncol < 2 || t->nrow < 2)
        return zp_fail(st, ZP_EDATA, "%s: table '%s' lacks the expected mass and limit columns%s",
                       c->info.label, t->path, c->format == FMT_ECSV ? " ('mass' and 'sigmav')" : "");
    return ZP_OK;
}

int zp_dmlimit_eval(const char *name, double mchi, double *out, zp_status *st)
{
    int i = zp_dmlimit_find(name);
    if (i < 0)
        return zp_fail(st, ZP_EINVAL,
                       "unknown limit curve '%s' (known: pandax2016, lux2016, xenon1t2018, lz_projection, "
                       "fermi_dsph_bb, fermi_dsph_mumu)", name ? name : "(null)");
    const curve *c = &curves[i];
    if (!(mchi > 0 && isfinite(mchi)))
        return zp_fail(st, ZP_EDOM, "%s: mchi = %g GeV must be positive", c->info.label, mchi);
    const zp_table *t = zp_table_get(c->info.file, st);
    if (t == NULL)
        return zp_prefix(st, c->info.label);
    int xc, yc;
    if (columns(c, t, &xc, &yc, st) != ZP_OK)
        return st->code;
    int lg = c->format == FMT_LOG10;
    double a = zp_table_at(t, 0, xc), b = zp_table_at(t, t->nrow - 1, xc);
    double lo = lg ? pow(10.0, fmin(a, b)) : fmin(a, b), hi = lg ? pow(10.0, fmax(a, b)) : fmax(a, b);
    double x0 = lg ? log10(mchi) : mchi;
    if (x0 < fmin(a, b) || x0 > fmax(a, b))
        return zp_fail(st, ZP_EDOM, "%s: mchi = %g GeV is outside the tabulated mass range [%g, %g] GeV of '%s'",
                       c->info.label, mchi, lo, hi, c->info.file);
    /* log-log interpolation: linear in the log10 columns of the LZ file; zp_interp refuses
     * shuffled rows (its binary search needs monotonic masses) and names the rows */
    char what[600];
    snprintf(what, sizeof what, "%s: table '%s' column %d (mass)", c->info.label, t->path, xc + 1);
    int rc = zp_interp(t->data + xc, (size_t)t->ncol, t->data + yc, (size_t)t->ncol, t->nrow, x0, !lg,
                       what, out, st);
    if (rc != ZP_OK)
        return rc;
    if (lg)
        *out = pow(10.0, *out);
    if (!(isfinite(*out) && *out > 0))
        return zp_fail(st, ZP_EDATA, "%s: the table '%s' has no valid limit near mchi = %g GeV", c->info.label,
                       t->path, mchi);
    return ZP_OK;
}
