/* lzp_scan.c -- zp.scan's point evaluation for scans that need Lua at each point (variant
 * functions, observables given as Lua functions): core.scan_eval evaluates one point, core.fmt_row
 * formats one CSV row.  Scans of registry observables with fixed bounds run a block of rows per
 * call through the plan object of lzp_scan_plan.c instead.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lzp.h"
#include "base/lzp_scan.h"
#include "base/zp_registry.h"
#include "scan/zp_fmt.h"

/* Integer element i (1-based) of the array at idx. */
static lua_Integer int_at(lua_State *L, int idx, lua_Integer i, const char *what)
{
    int isnum;
    lua_rawgeti(L, idx, i);
    lua_Integer v = lua_tointegerx(L, -1, &isnum);
    lua_pop(L, 1);
    if (!isnum)
        luaL_error(L, "scan_eval: %s[%I] must be an integer", what, i);
    return v;
}

/* core.scan_eval(base, pidx, vals, codes, out [, want_model]) -> model|nil, err|nil
 * pidx: 0-based parameter indices; vals: their values; codes: lookup codes of core.names
 * (parameters 0..nparams-1, observables nparams + i).  out[k] receives the value of codes[k]
 * (NaN when it fails).  With want_model, the point's model (a copy of base keeping its variant
 * metadata) is returned as well.  err is the first failure message, or nil. */
static int l_scan_eval(lua_State *L)
{
    const zp_params *base = lzp_checkmodel(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    luaL_checktype(L, 3, LUA_TTABLE);
    luaL_checktype(L, 4, LUA_TTABLE);
    luaL_checktype(L, 5, LUA_TTABLE);
    int want = lua_toboolean(L, 6);
    zp_params p = *base;
    zp_status st;
    st.code = ZP_OK;
    st.msg[0] = '\0';
    int failed = 0;
    lua_Integer np = luaL_len(L, 2), nc = luaL_len(L, 4);
    for (lua_Integer k = 1; k <= np && !failed; k++) {
        lua_Integer id = int_at(L, 2, k, "pidx");
        if (id < 0 || id >= ZP_NPARAM) /* checked before narrowing: 2^32 must not become 0 */
            return luaL_error(L, "scan_eval: pidx[%I] = %I is not a parameter index (0 to %d)", k,
                              id, ZP_NPARAM - 1);
        lua_rawgeti(L, 3, k);
        double x = lua_tonumber(L, -1);
        lua_pop(L, 1);
        if (zp_param_set(&p, (int)id, x, &st) != ZP_OK)
            failed = 1;
    }
    char err[sizeof st.msg + 64] = "";
    if (failed)
        snprintf(err, sizeof err, "%s", st.msg);
    for (lua_Integer k = 1; k <= nc; k++) {
        lua_Integer code = int_at(L, 4, k, "codes");
        if (code < 0 || code >= ZP_NPARAM + zp_obs_count())
            luaL_error(L, "scan_eval: codes[%I] = %I is neither a parameter nor an observable code "
                       "(0 to %d, see core.names)", k, code, ZP_NPARAM + zp_obs_count() - 1);
        double v = NAN;
        if (!failed && code >= 0 && code < ZP_NPARAM) {
            v = p.v[code];
        } else if (!failed) {
            st.code = ZP_OK;
            if (zp_obs_eval((int)(code - ZP_NPARAM), &p, NULL, 0, &v, &st) != ZP_OK) {
                v = NAN;
                if (err[0] == '\0')
                    snprintf(err, sizeof err, "%s: %s", zp_obs_get((int)(code - ZP_NPARAM))->name,
                             st.msg);
            }
        }
        lua_pushnumber(L, v);
        lua_rawseti(L, 5, k);
    }
    if (want && !failed) {
        lzp_newmodel(L, &p);
        lua_getiuservalue(L, 1, 1);
        lua_setiuservalue(L, -2, 1);
    } else {
        lua_pushnil(L);
    }
    if (err[0])
        lua_pushstring(L, err);
    else
        lua_pushnil(L);
    return 2;
}

static zp_fmt_cache row_cache; /* core.fmt_row: grid axes repeat the same numbers */

#define FMT_ROW_MAX 10000000 /* fields of one row: far beyond any table, short of memory exhaustion */

/* core.fmt_row(t [, n [, sep]]) -> "v1,v2,...": numbers t[1..n] in shortest round-trip form
 * (booleans as 1/0, nil as nan). */
static int l_fmt_row(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer n = luaL_optinteger(L, 2, luaL_len(L, 1));
    if (n < 0 || n > FMT_ROW_MAX)
        return luaL_error(L, "fmt_row: n = %I fields is outside [0, %d]", n, FMT_ROW_MAX);
    size_t seplen;
    const char *sep = luaL_optlstring(L, 3, ",", &seplen);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (lua_Integer i = 1; i <= n; i++) {
        char num[ZP_FMT_MAX];
        int t = lua_rawgeti(L, 1, i);
        double x = NAN;
        if (t == LUA_TBOOLEAN)
            x = lua_toboolean(L, -1) ? 1 : 0;
        else if (t == LUA_TNUMBER)
            x = lua_tonumber(L, -1);
        else if (t != LUA_TNIL)
            return luaL_error(L, "fmt_row: element %d is a %s, not a number", (int)i,
                              luaL_typename(L, -1));
        lua_pop(L, 1);
        int w = zp_fmt_cached(&row_cache, num, sizeof num, x);
        if (i > 1)
            luaL_addlstring(&b, sep, seplen);
        luaL_addlstring(&b, num, (size_t)w);
    }
    luaL_pushresult(&b);
    return 1;
}

/* core.fmt_num(x) -> shortest round-trip text of x. */
static int l_fmt_num(lua_State *L)
{
    char num[ZP_FMT_MAX];
    int w = zp_fmt_num(num, sizeof num, luaL_checknumber(L, 1));
    lua_pushlstring(L, num, (size_t)w);
    return 1;
}

/* core.fnv1a(s [, h]) -> the 32-bit FNV-1a hash of the bytes of s, continued from h (default
 * the offset basis 0x811c9dc5): a scan header's checksum of its axis values. */
static int l_fnv1a(lua_State *L)
{
    size_t n;
    const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &n);
    lua_Integer h0 = luaL_optinteger(L, 2, 0x811c9dc5);
    if (h0 < 0 || h0 > 0xffffffff)
        return luaL_error(L, "fnv1a: h = %I is not a 32-bit hash", h0);
    unsigned long h = (unsigned long)h0;
    for (size_t i = 0; i < n; i++)
        h = ((h ^ s[i]) * 0x01000193UL) & 0xffffffffUL;
    lua_pushinteger(L, (lua_Integer)h);
    return 1;
}

/* core.model_text(m) -> "name=value name=value ..." over every parameter of m in registry
 * order, values in zp_fmt_num's text: the "# model:" line of a scan header. */
static int l_model_text(lua_State *L)
{
    const zp_params *p = lzp_checkmodel(L, 1);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 0; i < ZP_NPARAM; i++) {
        if (i > 0)
            luaL_addchar(&b, ' ');
        luaL_addstring(&b, zp_param_defs[i].name);
        luaL_addchar(&b, '=');
        char *o = luaL_prepbuffsize(&b, ZP_FMT_MAX);
        luaL_addsize(&b, (size_t)zp_fmt_num(o, ZP_FMT_MAX, p->v[i]));
    }
    luaL_pushresult(&b);
    return 1;
}

void zp_bind_scan(lua_State *L)
{
    lzp_bind_scan_plan(L);
    lua_pushcfunction(L, l_scan_eval), lua_setfield(L, -2, "scan_eval");
    lua_pushcfunction(L, l_fmt_row), lua_setfield(L, -2, "fmt_row");
    lua_pushcfunction(L, l_fmt_num), lua_setfield(L, -2, "fmt_num");
    lua_pushcfunction(L, l_fnv1a), lua_setfield(L, -2, "fnv1a");
    lua_pushcfunction(L, l_model_text), lua_setfield(L, -2, "model_text");
}
