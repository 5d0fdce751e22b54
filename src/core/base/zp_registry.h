/* zp_registry.h -- the one table of observables that drives Lua, help, completion and docs.
 *
 * An observable is a C function of a model (and optionally of extra numeric arguments, such
 * as q^2 for C9_bsmumu_q2) that returns one number in its registered unit.  Each physics module
 * exports a table `const zp_obs_def zp_obs_<module>[]` terminated by an entry with name NULL,
 * and lists it once in obs_modules.def.  Nothing else needs editing: the binding, the REPL
 * completion, help() and docs/reference.md all read this registry.
 */
#ifndef ZP_REGISTRY_H
#define ZP_REGISTRY_H

#include "base/zp_params.h"
#include "base/zp_status.h"

/* Evaluate an observable.  p: the model; args: nargs extra arguments (NULL when nargs == 0);
 * out: the value in the registered unit.  Returns ZP_OK or an error code with st->msg set. */
typedef int (*zp_obs_fn)(const zp_params *p, const double *args, double *out, zp_status *st);

#define ZP_OBS_MAXARGS 4

typedef struct {
    const char *name;   /* Lua name (contract; WCxf/flavio names where they exist) */
    const char *unit;   /* unit of the returned value, "1" for dimensionless */
    const char *doc;    /* one-line description */
    const char *ref;    /* paper equation or source */
    const char *inputs; /* space-separated names of the parameters it reads */
    int nargs;          /* number of extra numeric arguments (0 for a plain observable) */
    const char *args;   /* space-separated argument names with units, e.g. "q2[GeV^2]" */
    zp_obs_fn fn;
} zp_obs_def;

/* Number of registered observables, and the i-th (0 <= i < count). */
int zp_obs_count(void);
const zp_obs_def *zp_obs_get(int i);

/* 1 when observable i may be evaluated on several threads at once (its module is listed with
 * ZP_OBS_THREADS in obs_modules.def), else 0.  Call zp_obs_count() once before threads start. */
int zp_obs_threadsafe(int i);

/* Index of the observable called name, or -1. */
int zp_obs_find(const char *name);

/* Evaluate observable i with argument checking.  Returns ZP_OK or an error code. */
int zp_obs_eval(int i, const zp_params *p, const double *args, int nargs, double *out,
                zp_status *st);

/* Edit distance between two names (for did-you-mean suggestions). */
int zp_name_distance(const char *a, const char *b);

#endif
