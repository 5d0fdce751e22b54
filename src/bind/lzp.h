/* lzp.h -- helpers shared by the files of the Lua binding (src/bind). */
#ifndef LZP_H
#define LZP_H

#include <lauxlib.h>
#include <lua.h>

#include "base/zp_params.h"
#include "base/zp_status.h"

#define LZP_MODEL_MT "zprime.model"

#define ZP_BIND_MODULE(name) void zp_bind_##name(lua_State *L);
#include "bind_modules.def"
#undef ZP_BIND_MODULE

/* The parameters of the model at stack index idx (valid while the model lives), or a Lua error
 * "bad argument #idx (zprime model expected, got X)". */
zp_params *lzp_checkmodel(lua_State *L, int idx);

/* The parameters of the model at idx, or NULL when the value there is not a model. */
zp_params *lzp_testmodel(lua_State *L, int idx);

/* Push a new model userdata (copy of p, no variant metadata) and return its parameters. */
zp_params *lzp_newmodel(lua_State *L, const zp_params *p);

/* Raise a Lua error carrying st->msg (never returns). */
int lzp_error(lua_State *L, const zp_status *st);

/* Raise "fname: unknown option 'x' (did you mean 'y'?)" for a key of table t that is not
 * in the NULL-terminated list allowed (never returns when one is found). */
void lzp_check_keys(lua_State *L, int t, const char *fname, const char *const allowed[]);

/* Number field key of table t, def when absent; a non-number is a Lua error naming the
 * option and its unit. */
double lzp_optnum(lua_State *L, int t, const char *fname, const char *key, double def,
                  const char *unit);

/* Integer argument arg within [lo, hi] (checked as a 64-bit Lua integer before any narrowing);
 * otherwise a Lua error "fname: what = v is out of range (lo to hi)".  The opt form returns
 * def when the argument is absent or nil. */
lua_Integer lzp_checkrange(lua_State *L, int arg, lua_Integer lo, lua_Integer hi, const char *fname,
                           const char *what);
lua_Integer lzp_optrange(lua_State *L, int arg, lua_Integer def, lua_Integer lo, lua_Integer hi,
                         const char *fname, const char *what);

/* Push x[0..n-1] as a Lua array. */
void lzp_push_array(lua_State *L, const double *x, int n);

/* The closest registered name (parameter or observable) to name within a small edit
 * distance, or NULL. */
const char *lzp_suggest(const char *name, const char *const extra[]);

/* Set the default data search path: $ZPRIME_DATA, the source tree's data/, then
 * <prefix>/share/zprime/data of the running installation (lzp_datapath.c). */
void lzp_data_init(void);

#endif
