/* lzp_relic.c -- Lua access to the relic-abundance solver (src/core/dm/relic.h):
 *   core.relic{ m =, sigmav = number | function(x), b =, majorana =, g =, dof_table =, model =,
 *               coannihilation = { dm =, g =, sigmav12 =, sigmav22 =, b12 =, b22 = } }
 *     -> { Omega_h2 =, x_f =, Y0 = }
 *   core.relic_target{ m =, Omega_h2 =, majorana =, g =, b =, dof_table =, model =,
 *                      coannihilation = { dm =, g =, ratio12 =, ratio22 =, b12 =, b22 = } }
 *     -> sigmav [cm^3/s], { sigmav_eff =, Omega_h2 =, x_f =, Y0 = }
 *   core.relic_dof(T [, name]) -> g_eff, h_eff, g*^(1/2)
 * Cross sections are in cm^3/s at this edge and GeV^-2 in the core.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lzp.h"
#include "dm/relic.h"
#include "base/zp_units.h"

static const char *const relic_keys[] = {"m", "sigmav", "b", "majorana", "g", "dof_table",
                                         "model", "coannihilation", NULL};
static const char *const target_keys[] = {"m", "Omega_h2", "b", "majorana", "g", "dof_table",
                                          "model", "coannihilation", NULL};
static const char *const coann_keys[] = {"dm", "g", "sigmav12", "sigmav22", "b12", "b22", NULL};
static const char *const coann_target_keys[] = {"dm", "g", "ratio12", "ratio22", "b12", "b22", NULL};

/* A Lua function <sigma v>(x) in cm^3/s, called through lua_pcall so that an error inside it
 * unwinds no C frames of the solver. */
typedef struct {
    lua_State *L;
    int idx;        /* stack index of the function */
    char msg[200];  /* its error message, if any */
} lua_sigmav;

static double call_sigmav(void *ctx, double x, int *err)
{
    lua_sigmav *c = ctx;
    lua_State *L = c->L;
    lua_pushvalue(L, c->idx);
    lua_pushnumber(L, x);
    if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
        snprintf(c->msg, sizeof c->msg, "%s", lua_isstring(L, -1) ? lua_tostring(L, -1) : "(error object)");
        lua_pop(L, 1);
        *err = 1;
        return NAN;
    }
    int isnum = 0;
    double v = lua_tonumberx(L, -1, &isnum);
    if (!isnum)
        snprintf(c->msg, sizeof c->msg, "it returned a %s instead of a number in cm^3/s", luaL_typename(L, -1));
    lua_pop(L, 1);
    if (!isnum) {
        *err = 1;
        return NAN;
    }
    return zp_cm3s_to_gevm2(v);
}

static double checked_positive(lua_State *L, int t, const char *fname, const char *key, double def,
                               const char *unit)
{
    double v = lzp_optnum(L, t, fname, key, def, unit);
    if (!(v >= 0) || !isfinite(v)) {
        char num[32]; /* lua_pushfstring has no %g */
        snprintf(num, sizeof num, "%g", v);
        luaL_error(L, "%s: option '%s' = %s %s must be >= 0", fname, key, num, unit);
    }
    return v;
}

/* Option 'model' (for the cosmological constants and Omega_h2_obs), or NULL. */
static const zp_params *option_model(lua_State *L, const char *fname)
{
    const zp_params *p = NULL;
    if (lua_getfield(L, 1, "model") != LUA_TNIL) {
        p = lzp_testmodel(L, -1);
        if (p == NULL)
            luaL_error(L, "%s: option 'model' expects a zprime model, got %s", fname, luaL_typename(L, -1));
    }
    lua_pop(L, 1); /* the model stays referenced by the options table */
    return p;
}

/* Options shared by relic and relic_target: m, majorana, g, b, dof_table, model. */
static void common_options(lua_State *L, const char *fname, zp_relic_input *in)
{
    const zp_params *p = option_model(L, fname);
    zp_relic_input_init(in, p); /* M_Pl, s0, rho_crit_h2 of the model or the defaults */
    if (lua_getfield(L, 1, "m") == LUA_TNIL)
        luaL_error(L, "%s: option 'm' (dark-matter mass in GeV) is required", fname);
    lua_pop(L, 1);
    in->m = lzp_optnum(L, 1, fname, "m", 0, "GeV");
    int t = lua_getfield(L, 1, "majorana");
    if (t != LUA_TNIL && t != LUA_TBOOLEAN)
        luaL_error(L, "%s: option 'majorana' expects true (self-conjugate) or false (Dirac), got %s", fname,
                   luaL_typename(L, -1));
    in->majorana = t == LUA_TNIL ? 1 : lua_toboolean(L, -1);
    lua_pop(L, 1);
    in->g[0] = lzp_optnum(L, 1, fname, "g", 2.0, "");
    in->b[0][0] = zp_cm3s_to_gevm2(checked_positive(L, 1, fname, "b", 0.0, "cm^3/s"));
    t = lua_getfield(L, 1, "dof_table");
    if (t != LUA_TNIL && t != LUA_TSTRING)
        luaL_error(L, "%s: option 'dof_table' expects a name (std, HP_A, HP_B, HP_B2, HP_B3, HP_C) or a file, got %s",
                   fname, luaL_typename(L, -1));
    zp_status st = {ZP_OK, ""};
    in->dof = zp_relic_dof_get(t == LUA_TNIL ? "std" : lua_tostring(L, -1), &st);
    lua_pop(L, 1);
    if (in->dof == NULL)
        luaL_error(L, "%s: %s", fname, st.msg);
}

/* coannihilation = { dm =, g =, ... }: a second state; the channel keys differ between relic
 * (absolute cm^3/s) and relic_target (ratios to the lightest state's s-wave). */
static void coann_options(lua_State *L, const char *fname, zp_relic_input *in, int target)
{
    int t = lua_getfield(L, 1, "coannihilation");
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    if (t != LUA_TTABLE)
        luaL_error(L, "%s: option 'coannihilation' expects a table { dm = ..., g = ..., %s }, got %s", fname,
                   target ? "ratio12 = ..., ratio22 = ..." : "sigmav12 = ..., sigmav22 = ...", luaL_typename(L, -1));
    int c = lua_gettop(L);
    char sub[64];
    snprintf(sub, sizeof sub, "%s coannihilation", fname);
    lzp_check_keys(L, c, sub, target ? coann_target_keys : coann_keys);
    if (lua_getfield(L, c, "dm") == LUA_TNIL)
        luaL_error(L, "%s: option 'dm' (mass splitting of the partner in GeV) is required", sub);
    lua_pop(L, 1);
    in->nstates = 2;
    in->dm[1] = checked_positive(L, c, sub, "dm", 0, "GeV");
    in->g[1] = lzp_optnum(L, c, sub, "g", in->g[0], "");
    double a11 = in->a[0][0];
    if (target) {
        in->a[0][1] = in->a[1][0] = a11 * checked_positive(L, c, sub, "ratio12", 0, "");
        in->a[1][1] = a11 * checked_positive(L, c, sub, "ratio22", 0, "");
    } else {
        in->a[0][1] = in->a[1][0] = zp_cm3s_to_gevm2(checked_positive(L, c, sub, "sigmav12", 0, "cm^3/s"));
        in->a[1][1] = zp_cm3s_to_gevm2(checked_positive(L, c, sub, "sigmav22", 0, "cm^3/s"));
    }
    in->b[0][1] = in->b[1][0] = zp_cm3s_to_gevm2(checked_positive(L, c, sub, "b12", 0, "cm^3/s"));
    in->b[1][1] = zp_cm3s_to_gevm2(checked_positive(L, c, sub, "b22", 0, "cm^3/s"));
    lua_pop(L, 1);
}

static void push_result(lua_State *L, const zp_relic_result *r)
{
    lua_createtable(L, 0, 3);
    lua_pushnumber(L, r->Omega_h2), lua_setfield(L, -2, "Omega_h2");
    lua_pushnumber(L, r->x_f), lua_setfield(L, -2, "x_f");
    lua_pushnumber(L, r->Y0), lua_setfield(L, -2, "Y0");
}

/* core.relic{...} */
static int l_relic(lua_State *L)
{
    const char *fname = "zp.relic";
    luaL_checktype(L, 1, LUA_TTABLE);
    lzp_check_keys(L, 1, fname, relic_keys);
    zp_relic_input in;
    common_options(L, fname, &in);
    lua_sigmav cb = {L, 0, ""};
    int t = lua_getfield(L, 1, "sigmav");
    if (t == LUA_TFUNCTION) {
        cb.idx = lua_gettop(L);
        in.fn = call_sigmav, in.ctx = &cb;
    } else {
        lua_pop(L, 1);
        in.a[0][0] = zp_cm3s_to_gevm2(checked_positive(L, 1, fname, "sigmav", 0, "cm^3/s"));
    }
    coann_options(L, fname, &in, 0);
    zp_status st = {ZP_OK, ""};
    zp_relic_result r;
    if (zp_relic_solve(&in, &r, &st) != ZP_OK) {
        if (cb.msg[0] != '\0')
            return luaL_error(L, "%s: %s: %s", fname, st.msg, cb.msg);
        return luaL_error(L, "%s: %s", fname, st.msg);
    }
    push_result(L, &r);
    return 1;
}

/* core.relic_target{...} */
static int l_relic_target(lua_State *L)
{
    const char *fname = "zp.relic_target";
    luaL_checktype(L, 1, LUA_TTABLE);
    lzp_check_keys(L, 1, fname, target_keys);
    zp_relic_input in;
    common_options(L, fname, &in);
    zp_params def;
    zp_params_default(&def);
    const zp_params *p = option_model(L, fname);
    double omega = lzp_optnum(L, 1, fname, "Omega_h2", (p ? p : &def)->v[ZP_OMEGA_H2], "");
    /* the unknown is a_11; start from 2.2e-26 cm^3/s (arXiv:1204.3622) and scale */
    double a_ref = zp_cm3s_to_gevm2(2.2e-26);
    in.a[0][0] = a_ref;
    coann_options(L, fname, &in, 1);
    zp_status st = {ZP_OK, ""};
    zp_relic_result r;
    double lambda;
    if (zp_relic_target(&in, omega, &lambda, &r, &st) != ZP_OK)
        return luaL_error(L, "%s: %s", fname, st.msg);
    lua_pushnumber(L, zp_gevm2_to_cm3s(lambda * a_ref));
    push_result(L, &r);
    lua_pushnumber(L, zp_gevm2_to_cm3s(lambda * zp_relic_sigmav_eff0(&in)));
    lua_setfield(L, -2, "sigmav_eff");
    return 2;
}

/* core.relic_dof(T [, name]) -> g_eff, h_eff, g*^(1/2) */
static int l_relic_dof(lua_State *L)
{
    double T = luaL_checknumber(L, 1);
    const char *name = luaL_optstring(L, 2, "std");
    if (!(T > 0))
        return luaL_error(L, "zp.relic_dof: temperature T = %f GeV must be positive", T);
    zp_status st = {ZP_OK, ""};
    const zp_relic_dof *d = zp_relic_dof_get(name, &st);
    if (d == NULL)
        return luaL_error(L, "zp.relic_dof: %s", st.msg);
    double g, h, sg;
    zp_relic_dof_eval(d, T, &g, &h, &sg);
    lua_pushnumber(L, g);
    lua_pushnumber(L, h);
    lua_pushnumber(L, sg);
    return 3;
}

void zp_bind_relic(lua_State *L)
{
    lua_pushcfunction(L, l_relic), lua_setfield(L, -2, "relic");
    lua_pushcfunction(L, l_relic_target), lua_setfield(L, -2, "relic_target");
    lua_pushcfunction(L, l_relic_dof), lua_setfield(L, -2, "relic_dof");
}
