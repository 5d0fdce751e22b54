/* zp_params.c -- parameter table generated from params.def. */
#include "base/zp_params.h"

#include <math.h>
#include <string.h>

const zp_param_def zp_param_defs[ZP_NPARAM] = {
#define ZP_PARAM(id, name, unit, def, lo, hi, doc, ref) {name, unit, def, lo, hi, doc, ref},
#include "base/params.def"
#undef ZP_PARAM
};

void zp_params_default(zp_params *p)
{
    for (int i = 0; i < ZP_NPARAM; i++)
        p->v[i] = zp_param_defs[i].def;
}

int zp_param_find(const char *name)
{
    for (int i = 0; i < ZP_NPARAM; i++)
        if (strcmp(zp_param_defs[i].name, name) == 0)
            return i;
    return -1;
}

int zp_param_set(zp_params *p, int id, double x, zp_status *st)
{
    if (id < 0 || id >= ZP_NPARAM)
        return zp_fail(st, ZP_EINVAL, "parameter index %d is not a parameter", id);
    const zp_param_def *d = &zp_param_defs[id];
    if (isfinite(x) && x >= d->min && x <= d->max) { /* the common case: no unit text needed */
        p->v[id] = x;
        return ZP_OK;
    }
    const char *u = strcmp(d->unit, "1") == 0 ? "" : d->unit;
    if (!isfinite(x))
        return zp_fail(st, ZP_EDOM, "parameter '%s' = %g is not a finite number (allowed range [%g, %g]%s%s; %s)",
                       d->name, x, d->min, d->max, *u ? " " : "", u, d->ref);
    if (x < d->min || x > d->max)
        return zp_fail(st, ZP_EDOM, "parameter '%s' = %g%s%s is outside its allowed range [%g, %g]%s%s (%s)",
                       d->name, x, *u ? " " : "", u, d->min, d->max, *u ? " " : "", u, d->ref);
    p->v[id] = x;
    return ZP_OK;
}
