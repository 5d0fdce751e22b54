/* dmlimits.h -- experimental dark-matter limit curves read from the data search path and
 * interpolated log-log at the dark-matter mass: spin-independent per-nucleon limits (PandaX-II
 * 2016, LUX 2016, XENON1T 2018, the LZ projection) and the Fermi-LAT dwarf-spheroidal
 * <sigma v> limits (b bbar, mu mu).  Formats (see the data README, section 4): plain two-column
 * files (PandaX with masses descending), LZ as comma-separated log10 values, Fermi as ECSV whose
 * combined limit is the column named `sigmav`.
 */
#ifndef ZP_DMLIMITS_H
#define ZP_DMLIMITS_H

#include "base/zp_status.h"

typedef struct {
    const char *name;  /* key, e.g. "xenon1t2018" */
    const char *file;  /* table name on the data search path */
    const char *label; /* experiment and year */
    const char *quantity; /* what is limited */
    const char *unit;  /* "cm^2" or "cm^3/s" */
    const char *cl;    /* confidence level */
    const char *ref;   /* publication */
} zp_dmlimit_info;

/* Number of known curves and the i-th (0 <= i < count), or NULL. */
int zp_dmlimit_count(void);
const zp_dmlimit_info *zp_dmlimit_get(int i);

/* Index of the curve called name, or -1. */
int zp_dmlimit_find(const char *name);

/* The limit of curve name at dark-matter mass mchi (GeV), in the curve's unit, interpolated
 * linearly in (log m, log limit).  Errors: ZP_EINVAL for an unknown name (listing the names),
 * ZP_EDATA when the table is missing (naming the file and the search path) or malformed,
 * ZP_EDOM when mchi is outside the tabulated mass range. */
int zp_dmlimit_eval(const char *name, double mchi, double *out, zp_status *st);

#endif
