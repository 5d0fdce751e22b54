/* lzp_light.c -- Lua access to the light-variant solvers (section 4.2 of arXiv:1702.00395):
 *   core.relic_rhs(mchi, sigmav)                  -> R = 32 pi mchi^2 <sigma v> (eq. 46)
 *   core.gchi_relic(f, R)                         -> upper [, lower]  (eq. 46; error if none)
 *   core.S_hulthen(alpha, beta, mchi, mphi)       -> S   (eq. 47)
 *   core.S_hulthen_gamma(alpha, beta, mchi, mphi) -> S   (eq. 47 through complex Gamma)
 *   core.S_exact(alpha, beta, mchi, mphi)         -> S   (Yukawa, Schroedinger equation)
 *   core.S_coulomb(x)                             -> pi x / (1 - exp(-pi x))
 *   core.S_mphi_roots(method, S, alpha, beta, mchi, lo, hi, ngrid) -> { m_phi roots }
 *   core.cmb_feff(channel, m)                     -> f_eff (eq. 49)
 *   core.cmb_energy_fractions(channel, m)         -> frac_e, frac_gamma
 * Positional arguments keep these fast for figure scripts; lua/zprime/light.lua wraps them with
 * named options.  Units: masses in GeV, <sigma v> in cm^3/s, velocities in c.
 */

#include <math.h>

#include "dm/cmb.h"
#include "dm/light.h"
#include "lzp.h"
#include "dm/sommerfeld.h"
#include "base/zp_units.h"

static int l_relic_rhs(lua_State *L)
{
    double m = luaL_checknumber(L, 1), sv = luaL_checknumber(L, 2);
    double R = zp_light_relic_rhs(m, zp_cm3s_to_gevm2(sv));
    if (!(m > 0.0) || !(sv > 0.0) || !isfinite(R))
        return luaL_error(L, "relic_rhs: mchi = %f GeV and sigmav = %f cm^3/s must be positive and finite", m, sv);
    lua_pushnumber(L, R);
    return 1;
}

static int l_gchi_relic(lua_State *L)
{
    double f = luaL_checknumber(L, 1), R = luaL_checknumber(L, 2), g[2];
    int n;
    zp_status st = {ZP_OK, ""};
    if (zp_light_gchi_relic(f, R, g, &n, &st) != ZP_OK)
        return lzp_error(L, &st);
    for (int i = 0; i < n; i++)
        lua_pushnumber(L, g[i]);
    return n;
}

typedef int (*somm_fn)(double, double, double, double, double *, zp_status *);

static int call_somm(lua_State *L, somm_fn fn)
{
    double a = luaL_checknumber(L, 1), b = luaL_checknumber(L, 2);
    double m = luaL_checknumber(L, 3), mphi = luaL_checknumber(L, 4), S;
    zp_status st = {ZP_OK, ""};
    if (fn(a, b, m, mphi, &S, &st) != ZP_OK)
        return lzp_error(L, &st);
    lua_pushnumber(L, S);
    return 1;
}

static int l_S_hulthen(lua_State *L) { return call_somm(L, zp_sommerfeld_hulthen); }
static int l_S_hulthen_gamma(lua_State *L) { return call_somm(L, zp_sommerfeld_hulthen_gamma); }
static int l_S_exact(lua_State *L) { return call_somm(L, zp_sommerfeld_exact); }

static int l_S_coulomb(lua_State *L)
{
    double x = luaL_checknumber(L, 1), S = zp_sommerfeld_coulomb(x);
    if (!isfinite(S))
        return luaL_error(L, "S_coulomb: x = alpha/beta = %f gives S = %f: x must be finite and not too large", x, S);
    lua_pushnumber(L, S);
    return 1;
}

static int l_S_mphi_roots(lua_State *L)
{
    int method = (int)lzp_checkrange(L, 1, 0, 16, "S_mphi_roots", "method");
    double S = luaL_checknumber(L, 2), a = luaL_checknumber(L, 3), b = luaL_checknumber(L, 4);
    double m = luaL_checknumber(L, 5), lo = luaL_checknumber(L, 6), hi = luaL_checknumber(L, 7);
    int ngrid = (int)lzp_optrange(L, 8, 400, 2, ZP_SOMM_NGRID_MAX, "S_mphi_roots", "ngrid"), n;
    double roots[256];
    zp_status st = {ZP_OK, ""};
    if (zp_sommerfeld_mphi_roots(method, S, a, b, m, lo, hi, ngrid, roots, 256, &n, &st) != ZP_OK)
        return lzp_error(L, &st);
    lzp_push_array(L, roots, n);
    return 1;
}

static int l_cmb_feff(lua_State *L)
{
    const char *ch = luaL_checkstring(L, 1);
    double m = luaL_checknumber(L, 2), f;
    zp_status st = {ZP_OK, ""};
    if (zp_cmb_feff(ch, m, &f, &st) != ZP_OK)
        return lzp_error(L, &st);
    lua_pushnumber(L, f);
    return 1;
}

static int l_cmb_fractions(lua_State *L)
{
    const char *ch = luaL_checkstring(L, 1);
    double m = luaL_checknumber(L, 2), fe, fg;
    zp_status st = {ZP_OK, ""};
    if (zp_cmb_energy_fractions(ch, m, &fe, &fg, &st) != ZP_OK)
        return lzp_error(L, &st);
    lua_pushnumber(L, fe);
    lua_pushnumber(L, fg);
    return 2;
}

static const luaL_Reg light_funcs[] = {
    {"relic_rhs", l_relic_rhs},
    {"gchi_relic", l_gchi_relic},
    {"S_hulthen", l_S_hulthen},
    {"S_hulthen_gamma", l_S_hulthen_gamma},
    {"S_exact", l_S_exact},
    {"S_coulomb", l_S_coulomb},
    {"S_mphi_roots", l_S_mphi_roots},
    {"cmb_feff", l_cmb_feff},
    {"cmb_energy_fractions", l_cmb_fractions},
    {NULL, NULL},
};

void zp_bind_light(lua_State *L)
{
    luaL_setfuncs(L, light_funcs, 0);
}
