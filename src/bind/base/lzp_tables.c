/* lzp_tables.c -- Lua access to data tables and interpolation:
 *   core.read_table(name) -> { path =, ncol =, nrow =, colnames = {...}, columns = { {...}, ... } }
 *   core.interp(x, y, x0 [, "loglog"|"linear"]) -> y(x0)
 */
#include <stdlib.h>
#include <string.h>

#include "lzp.h"

/* Most points core.interp takes (a table of 10^8 numbers is already 800 MB). */
#define ZP_INTERP_MAXN 100000000
#include "base/zp_table.h"

static int l_read_table(lua_State *L)
{
    const char *name = luaL_checkstring(L, 1);
    zp_status st;
    st.code = ZP_OK;
    const zp_table *t = zp_table_get(name, &st);
    if (t == NULL)
        return lzp_error(L, &st);
    lua_createtable(L, 0, 5);
    lua_pushstring(L, t->path), lua_setfield(L, -2, "path");
    lua_pushinteger(L, t->nrow), lua_setfield(L, -2, "nrow");
    lua_pushinteger(L, t->ncol), lua_setfield(L, -2, "ncol");
    if (t->colnames) {
        lua_createtable(L, t->ncol, 0);
        for (int c = 0; c < t->ncol; c++) {
            lua_pushstring(L, t->colnames[c]);
            lua_rawseti(L, -2, c + 1);
        }
        lua_setfield(L, -2, "colnames");
    }
    lua_createtable(L, t->ncol, 0);
    for (int c = 0; c < t->ncol; c++) {
        lua_createtable(L, t->nrow, 0);
        for (int r = 0; r < t->nrow; r++) {
            lua_pushnumber(L, zp_table_at(t, r, c));
            lua_rawseti(L, -2, r + 1);
        }
        lua_rawseti(L, -2, c + 1);
    }
    lua_setfield(L, -2, "columns");
    return 1;
}

static double *to_array(lua_State *L, int idx, int *n, const char *what)
{
    luaL_checktype(L, idx, LUA_TTABLE);
    lua_Integer rawlen = (lua_Integer)lua_rawlen(L, idx);
    if (rawlen > ZP_INTERP_MAXN)
        luaL_error(L, "interp: %s has %I values, more than %d", what, rawlen, ZP_INTERP_MAXN);
    int len = (int)rawlen;
    double *x = lua_newuserdatauv(L, (size_t)(len > 0 ? len : 1) * sizeof *x, 0);
    for (int i = 0; i < len; i++) {
        lua_rawgeti(L, idx, i + 1);
        if (!lua_isnumber(L, -1))
            luaL_error(L, "interp: %s[%d] is not a number", what, i + 1);
        x[i] = lua_tonumber(L, -1);
        lua_pop(L, 1);
    }
    *n = len;
    return x;
}

static int l_interp(lua_State *L)
{
    int nx, ny;
    double x0 = luaL_checknumber(L, 3);
    const char *mode = luaL_optstring(L, 4, "linear"); /* before the arrays are pushed above it */
    lua_settop(L, 4);
    double *x = to_array(L, 1, &nx, "x");
    double *y = to_array(L, 2, &ny, "y");
    if (nx != ny)
        return luaL_error(L, "interp: x has %d entries but y has %d", nx, ny);
    int loglog = strcmp(mode, "loglog") == 0;
    if (!loglog && strcmp(mode, "linear") != 0)
        return luaL_error(L, "interp: mode must be 'linear' or 'loglog', got '%s'", mode);
    zp_status st;
    st.code = ZP_OK;
    double out;
    if (zp_interp(x, 1, y, 1, nx, x0, loglog, "interp", &out, &st) != ZP_OK)
        return lzp_error(L, &st);
    lua_pushnumber(L, out);
    return 1;
}

void zp_bind_tables(lua_State *L)
{
    lua_pushcfunction(L, l_read_table), lua_setfield(L, -2, "read_table");
    lua_pushcfunction(L, l_interp), lua_setfield(L, -2, "interp");
}
