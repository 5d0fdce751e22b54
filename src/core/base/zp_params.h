/* zp_params.h -- the parameter set of a zprime model.
 *
 * A model is a flat array of doubles indexed by the ZP_<ID> constants generated from
 * params.def, in the units listed there (GeV for dimensionful quantities unless the unit says
 * otherwise).  Copying a model is a memcpy; reading a parameter is an array access.
 */
#ifndef ZP_PARAMS_H
#define ZP_PARAMS_H

#include "base/zp_status.h"

enum {
#define ZP_PARAM(id, name, unit, def, lo, hi, doc, ref) ZP_##id,
#include "base/params.def"
#undef ZP_PARAM
    ZP_NPARAM
};

typedef struct {
    double v[ZP_NPARAM]; /* values in the units of params.def */
} zp_params;

typedef struct {
    const char *name;  /* Lua name (contract) */
    const char *unit;  /* unit string, "1" for dimensionless */
    double def;        /* default value */
    double min, max;   /* allowed range, inclusive */
    const char *doc;   /* one-line description */
    const char *ref;   /* paper equation or data source */
} zp_param_def;

extern const zp_param_def zp_param_defs[ZP_NPARAM];

/* Fill p with the defaults of params.def. */
void zp_params_default(zp_params *p);

/* Index of the parameter called name, or -1. */
int zp_param_find(const char *name);

/* Set parameter id to x after checking that x is finite and inside its range.
 * Returns ZP_OK, or ZP_EDOM with "parameter 'mZp' = -5 GeV is outside ..." in st. */
int zp_param_set(zp_params *p, int id, double x, zp_status *st);

#endif
