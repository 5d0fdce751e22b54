/* lzp_check.c -- integer arguments range-checked before they are narrowed to C types (a Lua
 * integer is 64 bits: 2^31 or 2^32 must be an error, not a wrapped index). */
#include "lzp.h"

lua_Integer lzp_checkrange(lua_State *L, int arg, lua_Integer lo, lua_Integer hi, const char *fname,
                           const char *what)
{
    if (lua_type(L, arg) != LUA_TNUMBER)
        return luaL_error(L, "%s: %s must be a whole number from %I to %I, got %s", fname, what, lo, hi,
                          luaL_typename(L, arg));
    int isint;
    lua_Integer v = lua_tointegerx(L, arg, &isint);
    if (!isint)
        return luaL_error(L, "%s: %s = %s must be a whole number from %I to %I", fname, what,
                          luaL_tolstring(L, arg, NULL), lo, hi);
    if (v < lo || v > hi)
        return luaL_error(L, "%s: %s = %I is out of range (%I to %I)", fname, what, v, lo, hi);
    return v;
}

lua_Integer lzp_optrange(lua_State *L, int arg, lua_Integer def, lua_Integer lo, lua_Integer hi,
                         const char *fname, const char *what)
{
    if (lua_isnoneornil(L, arg))
        return def;
    return lzp_checkrange(L, arg, lo, hi, fname, what);
}
