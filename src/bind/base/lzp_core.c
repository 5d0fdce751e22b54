/* lzp_core.c -- luaopen_zprime_core: models, the registry, help data, the data path.
 *
 * A model is a full userdata (lzp_model): its parameters in full (zp.model, variants), or -- the
 * copy m:with{...} makes -- a light one: a pointer to the parameters of a full model plus the few
 * it changes, so a fresh model per point allocates ~150 bytes instead of the whole parameter
 * array (and gives the garbage collector that much less to pace and sweep).  User values: 1 the
 * metadata table of a variant (or nil), 2 the full model that owns the base parameters (light),
 * 3 the parameters in full once a binding asked for a zp_params pointer (light).  m.NAME is
 * resolved through a name -> code table built once at module load, so reading an observable
 * costs one hash lookup and one C call, with no string parsing or allocation.
 */
#include <math.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "lzp.h"
#include "base/zp_registry.h"
#include "base/zp_table.h"

#ifndef ZPRIME_VERSION
#define ZPRIME_VERSION "0.0.0"
#endif

LUAMOD_API int luaopen_zprime_core(lua_State *L);

/* Upvalue slots of __index. */
enum { UV_LOOKUP = 1, UV_METHODS = 2 };

static int is_model(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TUSERDATA || !lua_getmetatable(L, idx))
        return 0;
    luaL_getmetatable(L, LZP_MODEL_MT);
    int ok = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    return ok;
}

#define LIGHT_MAX 6 /* parameters a light model changes at most; more make a full model */
enum { UV_META = 1, UV_OWNER = 2, UV_FULL = 3, NUV = 3 };

/* The first word of every model: a NaN pattern no parameter can hold (they are range-checked),
 * so a userdata of the right size with it is a model (see as_model). */
#define MODEL_MAGIC 0x7ff9a3c15e0d2e11ULL

typedef struct {
    unsigned long long magic;  /* MODEL_MAGIC */
    unsigned long long serial; /* unique over the process (see next_serial) */
    unsigned long long base_serial; /* light: the serial of the full model at UV_OWNER */
    const zp_params *base; /* light: the parameters of the full model at UV_OWNER; NULL: full */
    zp_params *full;       /* light: the parameters in full (UV_FULL) once made, else NULL */
    int n;                 /* light: the changed parameters id[0..n-1], their values v[] */
    int id[LIGHT_MAX];
    double v[LIGHT_MAX];
    zp_params own;         /* full models only: a light one is allocated without it */
} lzp_model;

#define LIGHT_SIZE offsetof(lzp_model, own)

/* The model at idx, or NULL: a check without the metatable (one type test, one length, one
 * word), for the paths every read of m.NAME and every m:with takes. */
static lzp_model *as_model(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TUSERDATA)
        return NULL;
    size_t n = lua_rawlen(L, idx);
    lzp_model *u = lua_touserdata(L, idx);
    return (n == LIGHT_SIZE || n == sizeof *u) && u->magic == MODEL_MAGIC ? u : NULL;
}

/* Serial numbers of models: never reused, so a serial names one model (and, a full model's
 * parameters never changing once it is made, one set of values) for the life of the process. */
static _Atomic unsigned long long serials = 1;

static unsigned long long next_serial(void)
{
    return atomic_fetch_add_explicit(&serials, 1, memory_order_relaxed);
}

/* The parameters of the last light model read on this thread (m.NAME): reading an observable
 * of a light model needs them in full, and successive fresh models of a scan share their full
 * model, so the view is kept and only the changed parameters are rewritten (a few stores
 * instead of a copy of the whole array per read). */
static _Thread_local struct {
    unsigned long long serial, base_serial; /* the light model shown, the full model under it */
    int n, id[LIGHT_MAX];                   /* the parameters it changes from base */
    zp_params p;
} view;

static const zp_params *light_view(const lzp_model *u)
{
    if (view.serial == u->serial)
        return &view.p;
    if (view.base_serial == u->base_serial) {
        for (int k = 0; k < view.n; k++)
            view.p.v[view.id[k]] = u->base->v[view.id[k]];
    } else {
        view.p = *u->base;
        view.base_serial = u->base_serial;
    }
    for (int k = 0; k < u->n; k++) {
        view.id[k] = u->id[k];
        view.p.v[u->id[k]] = u->v[k];
    }
    view.n = u->n;
    view.serial = u->serial;
    return &view.p;
}

/* The parameters of u: its own, its full copy, or tmp filled from base and the changes. */
static const zp_params *model_view(const lzp_model *u, zp_params *tmp)
{
    if (!u->base)
        return &u->own;
    if (u->full)
        return u->full;
    *tmp = *u->base;
    for (int k = 0; k < u->n; k++)
        tmp->v[u->id[k]] = u->v[k];
    return tmp;
}

/* Parameter id of u without copying the others. */
static double model_param(const lzp_model *u, int id)
{
    if (!u->base)
        return u->own.v[id];
    for (int k = 0; k < u->n; k++)
        if (u->id[k] == id)
            return u->v[k];
    return u->base->v[id];
}

/* The zp_params of the model u at idx, made in full (and kept as UV_FULL) for a light one:
 * the pointer lives as long as the model. */
static zp_params *model_params(lua_State *L, int idx, lzp_model *u)
{
    if (!u->base)
        return &u->own;
    if (!u->full) {
        idx = lua_absindex(L, idx);
        zp_params *f = lua_newuserdatauv(L, sizeof *f, 0);
        zp_params tmp;
        *f = *model_view(u, &tmp);
        lua_setiuservalue(L, idx, UV_FULL);
        u->full = f;
    }
    return u->full;
}

zp_params *lzp_checkmodel(lua_State *L, int idx)
{
    return model_params(L, idx, luaL_checkudata(L, idx, LZP_MODEL_MT));
}

zp_params *lzp_testmodel(lua_State *L, int idx)
{
    lzp_model *u = luaL_testudata(L, idx, LZP_MODEL_MT);
    return u ? model_params(L, idx, u) : NULL;
}

zp_params *lzp_newmodel(lua_State *L, const zp_params *p)
{
    lzp_model *m = lua_newuserdatauv(L, sizeof *m, NUV);
    m->magic = MODEL_MAGIC;
    m->serial = next_serial();
    m->base_serial = 0;
    m->base = NULL;
    m->full = NULL;
    m->n = 0;
    m->own = *p;
    luaL_setmetatable(L, LZP_MODEL_MT);
    return &m->own;
}

int lzp_error(lua_State *L, const zp_status *st)
{
    lua_pushstring(L, st->msg);
    return lua_error(L);
}

const char *lzp_suggest(const char *name, const char *const extra[])
{
    const char *best = NULL;
    int bestd = 1000;
    int len = (int)strlen(name);
    int maxd = len < 6 ? 2 : len / 3 + 1;
    for (int i = 0; i < ZP_NPARAM; i++) {
        int d = zp_name_distance(name, zp_param_defs[i].name);
        if (d < bestd) {
            bestd = d;
            best = zp_param_defs[i].name;
        }
    }
    int n = zp_obs_count();
    for (int i = 0; i < n; i++) {
        int d = zp_name_distance(name, zp_obs_get(i)->name);
        if (d < bestd) {
            bestd = d;
            best = zp_obs_get(i)->name;
        }
    }
    for (int i = 0; extra && extra[i]; i++) {
        int d = zp_name_distance(name, extra[i]);
        if (d < bestd) {
            bestd = d;
            best = extra[i];
        }
    }
    return bestd <= maxd ? best : NULL;
}

void lzp_check_keys(lua_State *L, int t, const char *fname, const char *const allowed[])
{
    t = lua_absindex(L, t);
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) {
            luaL_error(L, "%s: option keys must be names, got a %s key", fname,
                       luaL_typename(L, -1));
        }
        const char *k = lua_tostring(L, -1);
        int ok = 0;
        for (int i = 0; allowed[i]; i++)
            if (strcmp(allowed[i], k) == 0)
                ok = 1;
        if (!ok) {
            const char *best = NULL;
            int bestd = 3;
            for (int i = 0; allowed[i]; i++) {
                int d = zp_name_distance(k, allowed[i]);
                if (d < bestd) {
                    bestd = d;
                    best = allowed[i];
                }
            }
            if (best)
                luaL_error(L, "%s: unknown option '%s' (did you mean '%s'?)", fname, k, best);
            luaL_error(L, "%s: unknown option '%s'", fname, k);
        }
    }
}

double lzp_optnum(lua_State *L, int t, const char *fname, const char *key, double def,
                  const char *unit)
{
    lua_getfield(L, t, key);
    double x = def;
    if (!lua_isnil(L, -1)) {
        if (!lua_isnumber(L, -1))
            luaL_error(L, "%s: option '%s' expects a number%s%s, got %s", fname, key,
                       unit && *unit ? " in " : "", unit ? unit : "", luaL_typename(L, -1));
        x = lua_tonumber(L, -1);
    }
    lua_pop(L, 1);
    return x;
}

void lzp_push_array(lua_State *L, const double *x, int n)
{
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        lua_pushnumber(L, x[i]);
        lua_rawseti(L, -2, i + 1);
    }
}

/* ---- models ---- */

/* Unknown name error with a suggestion among registry names and, when the table at index
 * `methods` is given (nonzero), the model's method names (m:check, m:with, ...). */
static int unknown_name_m(lua_State *L, const char *what, const char *k, int methods)
{
    const char *extra[128] = {NULL};
    int n = 0;
    if (methods) {
        methods = lua_absindex(L, methods);
        lua_pushnil(L);
        while (n < 127 && lua_next(L, methods)) {
            lua_pop(L, 1);
            if (lua_type(L, -1) == LUA_TSTRING)
                extra[n++] = lua_tostring(L, -1); /* the methods table keeps it alive */
        }
        extra[n] = NULL;
    }
    const char *s = lzp_suggest(k, extra);
    if (s && methods) {
        lua_pushstring(L, s);
        int is_method = lua_rawget(L, methods) == LUA_TFUNCTION;
        lua_pop(L, 1);
        if (is_method)
            return luaL_error(L, "unknown %s '%s' (did you mean m:%s(...)?)", what, k, s);
    }
    if (s)
        return luaL_error(L, "unknown %s '%s' (did you mean '%s'?)", what, k, s);
    return luaL_error(L, "unknown %s '%s' (zp.params() and zp.observables() list the names)", what, k);
}

/* Unknown name error with a suggestion. */
static int unknown_name(lua_State *L, const char *what, const char *k)
{
    const char *s = lzp_suggest(k, NULL);
    if (s)
        return luaL_error(L, "unknown %s '%s' (did you mean '%s'?)", what, k, s);
    return luaL_error(L, "unknown %s '%s' (zp.params() and zp.observables() list the names)", what, k);
}

/* Apply the string->number pairs of table t to p; errors name the parameter. */
static void apply_table(lua_State *L, int t, zp_params *p, const char *fname)
{
    lua_pushnil(L);
    while (lua_next(L, t)) {
        if (lua_type(L, -2) != LUA_TSTRING)
            luaL_error(L, "%s: parameter names must be strings, got a %s key", fname,
                       luaL_typename(L, -2));
        const char *k = lua_tostring(L, -2);
        int id = zp_param_find(k);
        if (id < 0) {
            if (zp_obs_find(k) >= 0)
                luaL_error(L, "%s: '%s' is an observable, not a parameter (it is computed from the parameters)", fname, k);
            const char *s = lzp_suggest(k, NULL);
            if (s)
                luaL_error(L, "%s: unknown parameter '%s' (did you mean '%s'?)", fname, k, s);
            luaL_error(L, "%s: unknown parameter '%s' (zp.params() lists them)", fname, k);
        }
        /* a string such as "600" is refused, not coerced: units never hide in a string */
        if (lua_type(L, -1) != LUA_TNUMBER)
            luaL_error(L, "%s: parameter '%s' expects a number in %s, got %s%s%s%s", fname, k,
                       zp_param_defs[id].unit, luaL_typename(L, -1),
                       lua_type(L, -1) == LUA_TSTRING ? " '" : "",
                       lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "",
                       lua_type(L, -1) == LUA_TSTRING ? "' (write the number without quotes)" : "");
        zp_status st;
        st.code = ZP_OK;
        if (zp_param_set(p, id, lua_tonumber(L, -1), &st) != ZP_OK)
            luaL_error(L, "%s: %s", fname, st.msg);
        lua_pop(L, 1);
    }
}

/* core.model([t]): a new model with defaults overridden by t. */
static int l_model(lua_State *L)
{
    if (!lua_isnoneornil(L, 1))
        luaL_checktype(L, 1, LUA_TTABLE);
    zp_params p;
    zp_params_default(&p);
    if (lua_istable(L, 1))
        apply_table(L, 1, &p, "zp.model");
    lzp_newmodel(L, &p);
    return 1;
}

/* Set the parameters of table t in p, names looked up in the name -> code table at index
 * lookup; anything unusual (unknown name, numeric string, out of range) goes through
 * apply_table, which accepts what it accepts and raises the message of what it refuses. */
static void apply_lookup(lua_State *L, int t, zp_params *p, int lookup, const char *fname)
{
    lua_pushnil(L);
    while (lua_next(L, t)) {
        int ok = lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TNUMBER;
        lua_Integer id = -1;
        if (ok) {
            lua_pushvalue(L, -2);
            id = lua_rawget(L, lookup) == LUA_TNUMBER ? lua_tointeger(L, -1) : -1;
            lua_pop(L, 1);
        }
        zp_status st;
        st.code = ZP_OK;
        if (id < 0 || id >= ZP_NPARAM || zp_param_set(p, (int)id, lua_tonumber(L, -1), &st) != ZP_OK) {
            lua_pop(L, 2);
            apply_table(L, t, p, fname); /* all entries again: raises the first bad one's error */
            return;
        }
        lua_pop(L, 1);
    }
}

/* m:with(t): a copy of m with t applied; a variant's metadata is kept and, when it has a
 * `rederive` function, that function returns the final model (relations re-solved).
 * Upvalues: the name -> code table and the model metatable (no registry look-ups: a fresh
 * model per point costs little more than its allocation). */
/* A light copy of model m (at index 1) with the parameters of table t (index 2), pushed, or
 * nothing (returns 0) when t changes more than LIGHT_MAX parameters or holds anything that
 * apply_table must judge (unknown names, strings, values out of range). */
static int push_light(lua_State *L, const lzp_model *m, int lookup)
{
    int id[LIGHT_MAX], n = m->base ? m->n : 0;
    double v[LIGHT_MAX];
    for (int k = 0; k < n; k++)
        id[k] = m->id[k], v[k] = m->v[k];
    zp_params scratch; /* zp_param_set checks the range, writes only v[id] */
    zp_status st;
    lua_pushnil(L);
    while (lua_next(L, 2)) {
        lua_Integer c = -1;
        if (lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TNUMBER) {
            lua_pushvalue(L, -2);
            c = lua_rawget(L, lookup) == LUA_TNUMBER ? lua_tointeger(L, -1) : -1;
            lua_pop(L, 1);
        }
        st.code = ZP_OK;
        double x = lua_tonumber(L, -1);
        lua_pop(L, 1);
        if (c < 0 || c >= ZP_NPARAM || zp_param_set(&scratch, (int)c, x, &st) != ZP_OK) {
            lua_pop(L, 1);
            return 0;
        }
        int k = 0;
        while (k < n && id[k] != (int)c)
            k++;
        if (k == LIGHT_MAX) {
            lua_pop(L, 1);
            return 0;
        }
        id[k] = (int)c, v[k] = x;
        n += k == n;
    }
    lzp_model *u = lua_newuserdatauv(L, LIGHT_SIZE, NUV);
    u->magic = MODEL_MAGIC;
    u->serial = next_serial();
    u->base_serial = m->base ? m->base_serial : m->serial;
    u->base = m->base ? m->base : &m->own;
    u->full = NULL;
    u->n = n;
    for (int k = 0; k < n; k++)
        u->id[k] = id[k], u->v[k] = v[k];
    if (m->base)
        lua_getiuservalue(L, 1, UV_OWNER);
    else
        lua_pushvalue(L, 1);
    lua_setiuservalue(L, -2, UV_OWNER);
    return 1;
}

static int l_with(lua_State *L)
{
    lzp_model *m = as_model(L, 1);
    if (!m)
        return luaL_typeerror(L, 1, "zprime model");
    if (!lua_isnoneornil(L, 2))
        luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    if (lua_getiuservalue(L, 1, UV_META) == LUA_TTABLE) {
        lua_getfield(L, 3, "rederive");
        if (lua_isfunction(L, -1)) {
            lua_pushvalue(L, 1);
            if (lua_isnoneornil(L, 2))
                lua_newtable(L);
            else
                lua_pushvalue(L, 2);
            lua_call(L, 2, 1);
            return 1;
        }
        lua_pop(L, 1);
    }
    if (!lua_istable(L, 2) || !push_light(L, m, lua_upvalueindex(1))) {
        zp_params tmp;
        zp_params *p = lzp_newmodel(L, model_view(m, &tmp));
        if (lua_istable(L, 2))
            apply_lookup(L, 2, p, lua_upvalueindex(1), "m:with");
    }
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_setmetatable(L, -2);
    if (lua_istable(L, 3)) {
        lua_pushvalue(L, 3);
        lua_setiuservalue(L, -2, UV_META);
    }
    return 1;
}

static int push_obs(lua_State *L, const zp_params *p, int i, const double *args, int nargs)
{
    zp_status st;
    st.code = ZP_OK;
    double v;
    if (zp_obs_eval(i, p, args, nargs, &v, &st) != ZP_OK)
        return lzp_error(L, &st);
    lua_pushnumber(L, v);
    return 1;
}

static int l_model_index(lua_State *L)
{
    const lzp_model *u = as_model(L, 1);
    if (!u)
        return luaL_error(L, "zprime model expected");
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(UV_LOOKUP)) == LUA_TNUMBER) {
        int code = (int)lua_tointeger(L, -1);
        if (code < ZP_NPARAM) {
            lua_pushnumber(L, model_param(u, code));
            return 1;
        }
        return push_obs(L, u->base && !u->full ? light_view(u) : model_view(u, NULL),
                        code - ZP_NPARAM, NULL, 0);
    }
    lua_pop(L, 1);
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(UV_METHODS)) != LUA_TNIL)
        return 1;
    lua_pop(L, 1);
    /* variant metadata: fields of meta.values (e.g. nq, nchi of a variant) */
    if (lua_getiuservalue(L, 1, UV_META) == LUA_TTABLE) {
        if (lua_getfield(L, -1, "values") == LUA_TTABLE) {
            lua_pushvalue(L, 2);
            if (lua_rawget(L, -2) != LUA_TNIL)
                return 1;
        }
    }
    if (lua_type(L, 2) != LUA_TSTRING)
        return luaL_error(L, "models are indexed by parameter or observable names, got a %s",
                          luaL_typename(L, 2));
    return unknown_name_m(L, "parameter or observable", lua_tostring(L, 2),
                          lua_upvalueindex(UV_METHODS));
}

static int l_model_newindex(lua_State *L)
{
    return luaL_error(L, "models are immutable: use m:with{ %s = ... } for a modified copy",
                      lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "name");
}

/* "call it as m:NAME(1.1, 6)": the error for a method called with '.' (the arguments given
 * are shown as they were passed, numbers in %g). */
static int call_as_method(lua_State *L, const char *name)
{
    int n = lua_gettop(L); /* before luaL_buffinit, which may push a box */
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int k = 1; k <= n; k++) {
        if (k > 1)
            luaL_addstring(&b, ", ");
        if (lua_type(L, k) == LUA_TNUMBER) {
            char num[64];
            snprintf(num, sizeof num, "%.14g", lua_tonumber(L, k));
            luaL_addstring(&b, num);
        } else {
            luaL_addstring(&b, luaL_typename(L, k));
        }
    }
    luaL_pushresult(&b);
    return luaL_error(L, "%s is a method of a model: call it as m:%s(%s)", name, name,
                      lua_tostring(L, -1));
}

/* Observables with extra arguments are methods: m:C9_bsmumu_q2(q2). */
/* The parameters of the model at idx for one evaluation that does not call back into Lua: a
 * light model through the shared view (no full copy is made for one call). */
static const zp_params *read_view(lua_State *L, int idx)
{
    const lzp_model *u = as_model(L, idx);
    return u && u->base && !u->full ? light_view(u) : lzp_checkmodel(L, idx);
}

static int l_obs_method(lua_State *L)
{
    int i = (int)lua_tointeger(L, lua_upvalueindex(1));
    const zp_obs_def *d = zp_obs_get(i);
    if (!is_model(L, 1)) /* m.NAME(a, b) instead of m:NAME(a, b) */
        return call_as_method(L, d->name);
    double args[ZP_OBS_MAXARGS];
    int n = lua_gettop(L) - 1;
    if (n != d->nargs)
        return luaL_error(L, "%s takes %d argument%s (%s), got %d", d->name, d->nargs,
                          d->nargs == 1 ? "" : "s", d->args ? d->args : "", n);
    for (int k = 0; k < n; k++) {
        if (!lua_isnumber(L, k + 2))
            return luaL_error(L, "%s: argument %d (%s) expects a number, got %s", d->name, k + 1,
                              d->args ? d->args : "", luaL_typename(L, k + 2));
        args[k] = lua_tonumber(L, k + 2);
    }
    return push_obs(L, read_view(L, 1), i, args, n);
}

/* Shortest %g form of x that reads back as the same double (15, 16 or 17 digits). */
static void fmt_exact(char *buf, size_t n, double x)
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, n, "%.*g", prec, x);
        if (strtod(buf, NULL) == x)
            return;
    }
}

/* tostring(m): a Lua constructor that rebuilds m exactly -- the model parameters of section 2
 * (mZp, gq, gl, thetaD, gchi, mchi) and every other parameter that differs from its default;
 * units in a trailing comment. */
static int l_model_tostring(lua_State *L)
{
    zp_params *p = lzp_checkmodel(L, 1);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_addstring(&b, "zp.model{");
    int first = 1;
    char units[512] = "";
    size_t nu = 0;
    for (int i = 0; i < ZP_NPARAM; i++) {
        if (i > ZP_MCHI && p->v[i] == zp_param_defs[i].def)
            continue; /* beyond section 2's six: only what differs from the default */
        char num[64], buf[160];
        fmt_exact(num, sizeof num, p->v[i]);
        snprintf(buf, sizeof buf, "%s %s = %s", first ? "" : ",", zp_param_defs[i].name, num);
        luaL_addstring(&b, buf);
        first = 0;
        const char *u = zp_param_defs[i].unit;
        if (strcmp(u, "1") != 0 && nu < sizeof units - 64) {
            int w = snprintf(units + nu, sizeof units - nu, "%s%s [%s]", nu ? ", " : "",
                             zp_param_defs[i].name, u);
            if (w > 0)
                nu += (size_t)w;
        }
    }
    luaL_addstring(&b, " }");
    if (nu) {
        luaL_addstring(&b, "  -- ");
        luaL_addstring(&b, units);
    }
    luaL_pushresult(&b);
    return 1;
}

static int l_model_eq(lua_State *L)
{
    zp_params ta, tb;
    const zp_params *a = model_view(luaL_checkudata(L, 1, LZP_MODEL_MT), &ta);
    const zp_params *b = model_view(luaL_checkudata(L, 2, LZP_MODEL_MT), &tb);
    lua_pushboolean(L, memcmp(a, b, sizeof *a) == 0);
    return 1;
}

/* m:params(): table of all parameter values by name. */
static int l_params_of(lua_State *L)
{
    zp_params *p = lzp_checkmodel(L, 1);
    lua_createtable(L, 0, ZP_NPARAM);
    for (int i = 0; i < ZP_NPARAM; i++) {
        lua_pushnumber(L, p->v[i]);
        lua_setfield(L, -2, zp_param_defs[i].name);
    }
    return 1;
}

/* core.meta(m [, t]): get or set the variant metadata table of a model. */
static int l_meta(lua_State *L)
{
    lzp_checkmodel(L, 1);
    if (lua_gettop(L) >= 2) {
        if (!lua_isnil(L, 2))
            luaL_checktype(L, 2, LUA_TTABLE);
        lua_settop(L, 2);
        lua_setiuservalue(L, 1, UV_META);
        lua_settop(L, 1);
        return 1;
    }
    lua_getiuservalue(L, 1, UV_META);
    return 1;
}

/* core.is_model(x) */
static int l_is_model(lua_State *L)
{
    lua_pushboolean(L, is_model(L, 1));
    return 1;
}

/* core.eval(m, name_or_index, ...) */
static int l_eval(lua_State *L)
{
    lzp_checkmodel(L, 1);
    int i;
    if (lua_type(L, 2) == LUA_TNUMBER) {
        i = (int)lzp_checkrange(L, 2, 1, zp_obs_count(), "eval", "observable index") - 1;
    } else {
        const char *name = luaL_checkstring(L, 2);
        int id = zp_param_find(name);
        if (id >= 0) {
            lua_pushnumber(L, model_param(as_model(L, 1), id));
            return 1;
        }
        i = zp_obs_find(name);
        if (i < 0)
            return unknown_name(L, "parameter or observable", name);
    }
    if (zp_obs_get(i) == NULL)
        return luaL_error(L, "observable index %d is out of range", i + 1);
    int n = lua_gettop(L) - 2;
    double args[ZP_OBS_MAXARGS];
    if (n > ZP_OBS_MAXARGS)
        return luaL_error(L, "observable '%s' takes %d argument%s (%s), got %d", zp_obs_get(i)->name,
                          zp_obs_get(i)->nargs, zp_obs_get(i)->nargs == 1 ? "" : "s",
                          zp_obs_get(i)->args ? zp_obs_get(i)->args : "none", n);
    for (int k = 0; k < n && k < ZP_OBS_MAXARGS; k++)
        args[k] = luaL_checknumber(L, k + 3);
    return push_obs(L, read_view(L, 1), i, args, n);
}

/* ---- registry ---- */

static void push_param_info(lua_State *L, int i)
{
    const zp_param_def *d = &zp_param_defs[i];
    lua_createtable(L, 0, 9);
    lua_pushstring(L, d->name), lua_setfield(L, -2, "name");
    lua_pushstring(L, "parameter"), lua_setfield(L, -2, "kind");
    lua_pushstring(L, d->unit), lua_setfield(L, -2, "unit");
    lua_pushnumber(L, d->def), lua_setfield(L, -2, "default");
    lua_pushnumber(L, d->min), lua_setfield(L, -2, "min");
    lua_pushnumber(L, d->max), lua_setfield(L, -2, "max");
    lua_pushstring(L, d->doc), lua_setfield(L, -2, "doc");
    lua_pushstring(L, d->ref), lua_setfield(L, -2, "ref");
    lua_pushinteger(L, i + 1), lua_setfield(L, -2, "index");
}

static void push_obs_info(lua_State *L, int i)
{
    const zp_obs_def *d = zp_obs_get(i);
    lua_createtable(L, 0, 9);
    lua_pushstring(L, d->name), lua_setfield(L, -2, "name");
    lua_pushstring(L, "observable"), lua_setfield(L, -2, "kind");
    lua_pushstring(L, d->unit), lua_setfield(L, -2, "unit");
    lua_pushstring(L, d->doc), lua_setfield(L, -2, "doc");
    lua_pushstring(L, d->ref), lua_setfield(L, -2, "ref");
    lua_pushstring(L, d->inputs ? d->inputs : ""), lua_setfield(L, -2, "inputs");
    lua_pushinteger(L, d->nargs), lua_setfield(L, -2, "nargs");
    lua_pushstring(L, d->args ? d->args : ""), lua_setfield(L, -2, "args");
    lua_pushinteger(L, i + 1), lua_setfield(L, -2, "index");
}

static int l_params(lua_State *L)
{
    lua_createtable(L, ZP_NPARAM, 0);
    for (int i = 0; i < ZP_NPARAM; i++) {
        push_param_info(L, i);
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

static int l_observables(lua_State *L)
{
    int n = zp_obs_count();
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        push_obs_info(L, i);
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

/* core.info(name): registry entry of a parameter or observable, or nil. */
static int l_info(lua_State *L)
{
    const char *name = luaL_checkstring(L, 1);
    int i = zp_param_find(name);
    if (i >= 0) {
        push_param_info(L, i);
        return 1;
    }
    i = zp_obs_find(name);
    if (i >= 0) {
        push_obs_info(L, i);
        return 1;
    }
    lua_pushnil(L);
    return 1;
}

/* Copy the strings of the array at index idx (at most n - 1) into a NULL-terminated list. */
static int string_list(lua_State *L, int idx, const char **out, int n)
{
    int k = 0;
    if (lua_isnoneornil(L, idx))
        return 0;
    luaL_checktype(L, idx, LUA_TTABLE);
    lua_Integer len = (lua_Integer)lua_rawlen(L, idx);
    for (lua_Integer i = 1; i <= len && k < n - 1; i++) {
        lua_rawgeti(L, idx, i);
        if (lua_type(L, -1) == LUA_TSTRING)
            out[k++] = lua_tostring(L, -1); /* the table keeps the string alive */
        lua_pop(L, 1);
    }
    out[k] = NULL;
    return k;
}

/* core.suggest(name [, extra_names]): closest parameter, observable or extra name, or nil. */
static int l_suggest(lua_State *L)
{
    const char *extra[256] = {NULL};
    string_list(L, 2, extra, 256);
    const char *s = lzp_suggest(luaL_checkstring(L, 1), extra);
    if (s)
        lua_pushstring(L, s);
    else
        lua_pushnil(L);
    return 1;
}

/* core.closest(name, names [, maxd = 2]): the entry of names nearest to name in edit distance
 * (at most maxd), or nil -- for did-you-mean messages about option and column names. */
static int l_closest(lua_State *L)
{
    const char *name = luaL_checkstring(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    int maxd = (int)lzp_optrange(L, 3, 2, 0, 1000, "closest", "maxd (largest edit distance)");
    const char *list[1024];
    int n = string_list(L, 2, list, 1024);
    const char *best = NULL;
    int bestd = maxd + 1;
    for (int i = 0; i < n; i++) {
        int d = zp_name_distance(name, list[i]);
        if (d < bestd) {
            bestd = d;
            best = list[i];
        }
    }
    if (best)
        lua_pushstring(L, best);
    else
        lua_pushnil(L);
    return 1;
}

/* core.data_path([path]): get, or set then get, the data search path. */
static int l_data_path(lua_State *L)
{
    if (!lua_isnoneornil(L, 1)) {
        size_t n;
        const char *path = luaL_checklstring(L, 1, &n);
        if (n >= 4096) /* the core keeps 4095 characters: a longer path would be cut silently */
            return luaL_error(L, "zp.data_path: the search path has %d characters, more than 4095", (int)n);
        zp_data_set_path(path);
    }
    lua_pushstring(L, zp_data_get_path());
    return 1;
}

static const luaL_Reg model_methods[] = {
    {"params", l_params_of},
    {NULL, NULL},
};

static const luaL_Reg core_funcs[] = {
    {"model", l_model},
    {"params", l_params},
    {"observables", l_observables},
    {"info", l_info},
    {"suggest", l_suggest},
    {"closest", l_closest},
    {"eval", l_eval},
    {"meta", l_meta},
    {"is_model", l_is_model},
    {"data_path", l_data_path},
    {NULL, NULL},
};

LUAMOD_API int luaopen_zprime_core(lua_State *L)
{
    zp_core_init();
    lzp_data_init();
    luaL_newlib(L, core_funcs);
    int core = lua_gettop(L);

    /* name -> code lookup: parameters 0..NPARAM-1, observables NPARAM + i */
    lua_createtable(L, 0, ZP_NPARAM + zp_obs_count());
    int lookup = lua_gettop(L);
    for (int i = 0; i < ZP_NPARAM; i++) {
        lua_pushinteger(L, i);
        lua_setfield(L, lookup, zp_param_defs[i].name);
    }
    /* methods: with, params, and observables that take arguments */
    luaL_newlib(L, model_methods);
    int methods = lua_gettop(L);
    for (int i = 0; i < zp_obs_count(); i++) {
        const zp_obs_def *d = zp_obs_get(i);
        if (d->nargs == 0) {
            lua_pushinteger(L, ZP_NPARAM + i);
            lua_setfield(L, lookup, d->name);
        } else {
            lua_pushinteger(L, i);
            lua_pushcclosure(L, l_obs_method, 1);
            lua_setfield(L, methods, d->name);
        }
    }
    luaL_newmetatable(L, LZP_MODEL_MT);
    int mt = lua_gettop(L);
    lua_pushvalue(L, lookup);
    lua_pushvalue(L, methods);
    lua_pushcclosure(L, l_model_index, 2);
    lua_setfield(L, mt, "__index");
    lua_pushvalue(L, lookup);
    lua_pushvalue(L, mt);
    lua_pushcclosure(L, l_with, 2);
    lua_setfield(L, methods, "with");
    lua_pushcfunction(L, l_model_newindex), lua_setfield(L, mt, "__newindex");
    lua_pushcfunction(L, l_model_tostring), lua_setfield(L, mt, "__tostring");
    lua_pushcfunction(L, l_model_eq), lua_setfield(L, mt, "__eq");
    lua_pushstring(L, "zprime.model"), lua_setfield(L, mt, "__name");
    lua_pushvalue(L, methods), lua_setfield(L, mt, "__methods");
    lua_pushvalue(L, methods), lua_setfield(L, core, "model_methods");
    lua_pushvalue(L, lookup), lua_setfield(L, core, "names");
    lua_settop(L, core);

    lua_pushstring(L, ZPRIME_VERSION), lua_setfield(L, core, "version");
    lua_pushinteger(L, ZP_NPARAM), lua_setfield(L, core, "nparams");

#define ZP_BIND_MODULE(name) zp_bind_##name(L);
#include "bind_modules.def"
#undef ZP_BIND_MODULE
    lua_settop(L, core);
    return 1;
}
