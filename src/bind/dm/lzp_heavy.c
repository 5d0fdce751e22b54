/* lzp_heavy.c -- Lua bindings of the heavy-Z' Dirac-DM solvers and the DM limit curves:
 *   core.heavy_couplings{ mZp =, mchi =, nq = 2, nchi = 5, sigmav = <cm^3/s>, contact = bool, model = m }
 *       -> { gq =, gl =, gchi =, sigmav = <cm^3/s> }
 *   core.dm_limit(name, mchi) -> limit in the curve's unit (cm^2 or cm^3/s)
 *   core.dm_limits() -> { { name =, file =, label =, quantity =, unit =, cl =, ref = }, ... }
 */
#include "dm/dmlimits.h"
#include "dm/heavy.h"
#include "lzp.h"
#include "base/zp_units.h"

static void set_param(lua_State *L, zp_params *p, int id, double x)
{
    zp_status st = {ZP_OK, ""};
    if (zp_param_set(p, id, x, &st) != ZP_OK)
        luaL_error(L, "zp.heavy_couplings: %s", st.msg);
}

static int l_heavy_couplings(lua_State *L)
{
    static const char *const keys[] = {"mZp", "mchi", "nq", "nchi", "sigmav", "contact", "model", NULL};
    luaL_checktype(L, 1, LUA_TTABLE);
    lzp_check_keys(L, 1, "zp.heavy_couplings", keys);
    zp_params p;
    if (lua_getfield(L, 1, "model") != LUA_TNIL) {
        const zp_params *m = lzp_testmodel(L, -1);
        if (m == NULL)
            luaL_error(L, "zp.heavy_couplings: option 'model' expects a zprime model, got %s", luaL_typename(L, -1));
        p = *m;
    } else {
        zp_params_default(&p);
    }
    lua_pop(L, 1);
    set_param(L, &p, ZP_MZP, lzp_optnum(L, 1, "zp.heavy_couplings", "mZp", p.v[ZP_MZP], "GeV"));
    set_param(L, &p, ZP_MCHI, lzp_optnum(L, 1, "zp.heavy_couplings", "mchi", p.v[ZP_MCHI], "GeV"));
    double nq = lzp_optnum(L, 1, "zp.heavy_couplings", "nq", 2.0, "");
    double nchi = lzp_optnum(L, 1, "zp.heavy_couplings", "nchi", 5.0, "");
    double sv = lzp_optnum(L, 1, "zp.heavy_couplings", "sigmav", p.v[ZP_SIGMAV_DIRAC], "cm^3/s");
    int t = lua_getfield(L, 1, "contact");
    if (t != LUA_TNIL) {
        if (t != LUA_TBOOLEAN)
            luaL_error(L, "zp.heavy_couplings: option 'contact' expects a boolean, got %s", luaL_typename(L, -1));
        p.v[ZP_SIGMAV_CONTACT] = lua_toboolean(L, -1) ? 1.0 : 0.0;
    }
    lua_pop(L, 1);
    zp_heavy_couplings c;
    zp_status st = {ZP_OK, ""};
    if (zp_heavy_relic_couplings(&p, nq, nchi, zp_cm3s_to_gevm2(sv), &c, &st) != ZP_OK)
        return lzp_error(L, &st);
    lua_createtable(L, 0, 4);
    lua_pushnumber(L, c.gq), lua_setfield(L, -2, "gq");
    lua_pushnumber(L, c.gl), lua_setfield(L, -2, "gl");
    lua_pushnumber(L, c.gchi), lua_setfield(L, -2, "gchi");
    lua_pushnumber(L, zp_gevm2_to_cm3s(c.sigmav)), lua_setfield(L, -2, "sigmav");
    return 1;
}

static int l_dm_limit(lua_State *L)
{
    const char *name = luaL_checkstring(L, 1);
    double m = luaL_checknumber(L, 2);
    double v;
    zp_status st = {ZP_OK, ""};
    if (zp_dmlimit_eval(name, m, &v, &st) != ZP_OK)
        return lzp_error(L, &st);
    lua_pushnumber(L, v);
    return 1;
}

static int l_dm_limits(lua_State *L)
{
    int n = zp_dmlimit_count();
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        const zp_dmlimit_info *c = zp_dmlimit_get(i);
        lua_createtable(L, 0, 7);
        lua_pushstring(L, c->name), lua_setfield(L, -2, "name");
        lua_pushstring(L, c->file), lua_setfield(L, -2, "file");
        lua_pushstring(L, c->label), lua_setfield(L, -2, "label");
        lua_pushstring(L, c->quantity), lua_setfield(L, -2, "quantity");
        lua_pushstring(L, c->unit), lua_setfield(L, -2, "unit");
        lua_pushstring(L, c->cl), lua_setfield(L, -2, "cl");
        lua_pushstring(L, c->ref), lua_setfield(L, -2, "ref");
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

void zp_bind_heavy(lua_State *L)
{
    lua_pushcfunction(L, l_heavy_couplings), lua_setfield(L, -2, "heavy_couplings");
    lua_pushcfunction(L, l_dm_limit), lua_setfield(L, -2, "dm_limit");
    lua_pushcfunction(L, l_dm_limits), lua_setfield(L, -2, "dm_limits");
}
