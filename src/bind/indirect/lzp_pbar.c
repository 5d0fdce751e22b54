/* lzp_pbar.c -- Lua access to PPPC 4 DM ID spectra and the eq. (40) boost:
 *   core.pbar_spectrum{ mchi =, mZp =, channel = "b", n = 100, table =, boost = true,
 *                       Emin =, Emax =, E = {...}, m_p =, model = m }
 *     -> { E = {...}, dNdE = {...}, N =, xmean =, Kmin =, Kmax =, table =, channel =, ... }
 *   core.boost_spectrum{ mchi =, mZp =, m =, lx0 =, dlx =, dNdlog10x = {...}, E = {...} | n, Emin, Emax }
 *   core.pppc_spectrum{ table =, channel =, mDM =, log10x = number | {...} }
 *   core.pppc_info(table) -> { path =, channels = {...}, mmin =, mmax =, lxmin =, lxmax =, nx =, nmass = }
 * Energies are kinetic, in GeV; dN/dE in GeV^-1 per annihilation.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "indirect/boost.h"
#include "lzp.h"
#include "indirect/pppc.h"

#define NMAX 1000000 /* largest number of energies per call */

static zp_status st_ok(void)
{
    zp_status st;
    st.code = ZP_OK;
    st.msg[0] = '\0';
    return st;
}

static int fail(lua_State *L, zp_status *st, const char *fname)
{
    zp_prefix(st, fname);
    return lzp_error(L, st);
}

/* Optional string option (def when absent). */
static const char *optstr(lua_State *L, int t, const char *fname, const char *key, const char *def)
{
    const char *s = def;
    if (lua_getfield(L, t, key) != LUA_TNIL) {
        if (lua_type(L, -1) != LUA_TSTRING)
            luaL_error(L, "%s: option '%s' expects a string, got %s", fname, key, luaL_typename(L, -1));
        s = lua_tostring(L, -1); /* kept alive by the options table */
    }
    lua_pop(L, 1);
    return s;
}

/* Array option key of table t as a userdata-backed double array (NULL when absent). */
static double *optarray(lua_State *L, int t, const char *fname, const char *key, int *n)
{
    *n = 0;
    if (lua_getfield(L, t, key) == LUA_TNIL) {
        lua_pop(L, 1);
        return NULL;
    }
    if (!lua_istable(L, -1))
        luaL_error(L, "%s: option '%s' expects an array of numbers, got %s", fname, key, luaL_typename(L, -1));
    lua_Integer len = luaL_len(L, -1);
    if (len < 1 || len > NMAX)
        luaL_error(L, "%s: option '%s' must hold 1 to %d numbers, got %I", fname, key, NMAX, len);
    double *x = lua_newuserdatauv(L, (size_t)len * sizeof *x, 0);
    for (lua_Integer i = 0; i < len; i++) {
        lua_rawgeti(L, -2, i + 1);
        if (!lua_isnumber(L, -1))
            luaL_error(L, "%s: %s[%d] is not a number", fname, key, (int)i + 1);
        x[i] = lua_tonumber(L, -1);
        lua_pop(L, 1);
    }
    lua_replace(L, -2); /* keep the userdata on the stack until the call returns */
    *n = (int)len;
    return x;
}

/* Energies: the option E, or n log-spaced values over [Emin, Emax] (defaults: the kinematic
 * range, Emin = max(Kmin, 1e-6 Kmax)).  The array stays on the Lua stack. */
static double *energies(lua_State *L, int t, const char *fname, double Kmin, double Kmax, int *n)
{
    double *E = optarray(L, t, fname, "E", n);
    if (E != NULL) {
        lua_getfield(L, t, "n");
        int has_n = !lua_isnil(L, -1);
        lua_pop(L, 1);
        if (has_n)
            luaL_error(L, "%s: give either E = {...} or n (with Emin, Emax), not both", fname);
        return E;
    }
    double dn = lzp_optnum(L, t, fname, "n", 100, "");
    double lo = lzp_optnum(L, t, fname, "Emin", fmax(Kmin, 1e-6 * Kmax), "GeV");
    double hi = lzp_optnum(L, t, fname, "Emax", Kmax, "GeV");
    if (!(dn >= 2 && dn <= NMAX && dn == floor(dn)))
        luaL_error(L, "%s: n = %f must be a whole number of points in [2, %d]", fname, dn, NMAX);
    if (!(lo > 0 && hi > lo && isfinite(hi)))
        luaL_error(L, "%s: need 0 < Emin < Emax, got Emin = %f GeV, Emax = %f GeV", fname, lo, hi);
    *n = (int)dn;
    E = lua_newuserdatauv(L, (size_t)*n * sizeof *E, 0);
    for (int i = 0; i < *n; i++)
        E[i] = exp(log(lo) + (log(hi) - log(lo)) * i / (*n - 1));
    E[0] = lo;
    E[*n - 1] = hi;
    return E;
}

static const char *const pbar_keys[] = {"mchi", "mZp", "channel", "n", "table", "boost", "Emin",
                                        "Emax", "E", "m_p", "model", NULL};

/* Fill o from the options at index 1 (model first, explicit options override). */
static void pbar_options(lua_State *L, zp_pbar_opts *o)
{
    const char *fname = "zp.pbar_spectrum";
    luaL_checktype(L, 1, LUA_TTABLE);
    lzp_check_keys(L, 1, fname, pbar_keys);
    zp_params p;
    zp_params_default(&p);
    int has_model = lua_getfield(L, 1, "model") != LUA_TNIL;
    if (has_model) {
        const zp_params *m = lzp_testmodel(L, -1);
        if (m == NULL)
            luaL_error(L, "%s: option 'model' expects a zprime model, got %s", fname, luaL_typename(L, -1));
        p = *m;
    }
    lua_pop(L, 1);
    lua_getfield(L, 1, "boost");
    o->boost = lua_isnil(L, -1) ? 1 : lua_toboolean(L, -1);
    if (!lua_isnil(L, -1) && !lua_isboolean(L, -1))
        luaL_error(L, "%s: option 'boost' expects true or false, got %s", fname, luaL_typename(L, -1));
    lua_pop(L, 1);
    o->mchi = lzp_optnum(L, 1, fname, "mchi", has_model ? p.v[ZP_MCHI] : NAN, "GeV");
    o->mZp = lzp_optnum(L, 1, fname, "mZp", has_model ? p.v[ZP_MZP] : NAN, "GeV");
    o->m_p = lzp_optnum(L, 1, fname, "m_p", p.v[ZP_M_P], "GeV");
    if (isnan(o->mchi))
        luaL_error(L, "%s: give the dark-matter mass mchi (GeV) or a model", fname);
    if (o->boost && isnan(o->mZp))
        luaL_error(L, "%s: give the mediator mass mZp (GeV) or a model (or boost = false)", fname);
    o->channel = optstr(L, 1, fname, "channel", "b");
    o->table = optstr(L, 1, fname, "table", zp_pppc_default_pbar());
}

static int l_pbar_spectrum(lua_State *L)
{
    const char *fname = "zp.pbar_spectrum";
    zp_pbar_opts o;
    pbar_options(L, &o);
    zp_status st = st_ok();
    double Kmin, Kmax, N, xmean;
    if (zp_pbar_Krange(&o, &Kmin, &Kmax, &st) != ZP_OK ||
        zp_pbar_moments(&o, &N, &xmean, &st) != ZP_OK)
        return fail(L, &st, fname);
    int n;
    double *E = energies(L, 1, fname, Kmin, Kmax, &n);
    double *d = lua_newuserdatauv(L, (size_t)n * sizeof *d, 0);
    if (zp_pbar_dNdE(&o, n, E, d, &st) != ZP_OK)
        return fail(L, &st, fname);
    const zp_pppc *t = zp_pppc_get(o.table, &st);
    lua_createtable(L, 0, 12);
    lzp_push_array(L, E, n), lua_setfield(L, -2, "E");
    lzp_push_array(L, d, n), lua_setfield(L, -2, "dNdE");
    lua_pushnumber(L, N), lua_setfield(L, -2, "N");
    lua_pushnumber(L, xmean), lua_setfield(L, -2, "xmean");
    lua_pushnumber(L, Kmin), lua_setfield(L, -2, "Kmin");
    lua_pushnumber(L, Kmax), lua_setfield(L, -2, "Kmax");
    lua_pushnumber(L, o.mchi), lua_setfield(L, -2, "mchi");
    if (o.boost)
        lua_pushnumber(L, o.mZp), lua_setfield(L, -2, "mZp");
    lua_pushboolean(L, o.boost), lua_setfield(L, -2, "boost");
    lua_pushstring(L, o.channel), lua_setfield(L, -2, "channel");
    lua_pushstring(L, t ? zp_pppc_path(t) : o.table), lua_setfield(L, -2, "table");
    return 1;
}

/* Smallest log10 x_P of a user table: 10^-300 is still a normal double. */
#define BOOST_LX_MIN (-300)

static const char *const boost_keys[] = {"mchi", "mZp", "m", "lx0", "dlx", "dNdlog10x", "E", "n",
                                         "Emin", "Emax", NULL};

/* A user-tabulated rest-frame spectrum (PPPC variables: x_P = K'/(mZp/2)) boosted by eq. (40). */
static int l_boost_spectrum(lua_State *L)
{
    const char *fname = "zp.boost_spectrum";
    luaL_checktype(L, 1, LUA_TTABLE);
    lzp_check_keys(L, 1, fname, boost_keys);
    zp_params p;
    zp_params_default(&p);
    zp_boost_kin k = {lzp_optnum(L, 1, fname, "mchi", NAN, "GeV"),
                      lzp_optnum(L, 1, fname, "mZp", NAN, "GeV"),
                      lzp_optnum(L, 1, fname, "m", p.v[ZP_M_P], "GeV")};
    double lx0 = lzp_optnum(L, 1, fname, "lx0", NAN, ""), dlx = lzp_optnum(L, 1, fname, "dlx", NAN, "");
    int ny;
    double *y = optarray(L, 1, fname, "dNdlog10x", &ny);
    if (y == NULL || isnan(lx0) || isnan(dlx) || isnan(k.mchi) || isnan(k.mZp))
        return luaL_error(L, "%s: give mchi, mZp (GeV), and the rest-frame table lx0, dlx, dNdlog10x", fname);
    /* 10^lx0 must be a normal double: below ~1e-300 it underflows to 0 and the boost integral
     * of eq. (40) returned inf without a word */
    if (!(lx0 >= BOOST_LX_MIN && lx0 <= 0))
        return luaL_error(L, "%s: lx0 = %f must be in [%d, 0] (log10 of the first x_P = K'/(mZp/2))", fname, lx0,
                          BOOST_LX_MIN);
    zp_status st = st_ok();
    zp_pppc_slice *s = lua_newuserdatauv(L, sizeof *s, 0);
    double xlo, xhi, E0 = 2 * k.m / k.mZp;
    if (zp_pppc_slice_from(y, ny, lx0, dlx, k.mZp / 2, s, &st) != ZP_OK)
        return fail(L, &st, fname);
    double xp_lo = E0 + pow(10, lx0), xp_hi = fmin(1.0, E0 + pow(10, lx0 + (ny - 1) * dlx));
    if (zp_boost_xrange(&k, xp_lo, fmax(xp_hi, xp_lo * (1 + 1e-12)), &xlo, &xhi, &st) != ZP_OK)
        return fail(L, &st, fname);
    int n;
    double *E = energies(L, 1, fname, fmax(0.0, xlo * k.mchi - k.m), xhi * k.mchi - k.m, &n);
    double *x = lua_newuserdatauv(L, (size_t)n * sizeof *x, 0);
    for (int i = 0; i < n; i++)
        x[i] = (E[i] + k.m) / k.mchi;
    double *d = lua_newuserdatauv(L, (size_t)n * sizeof *d, 0);
    if (zp_boost_dNdx_tab(&k, s, n, x, d, &st) != ZP_OK)
        return fail(L, &st, fname);
    for (int i = 0; i < n; i++) {
        d[i] /= k.mchi;
        if (!isfinite(d[i]))
            return luaL_error(L, "%s: dN/dE at E = %f GeV is not finite for mchi = %f GeV, mZp = %f GeV, lx0 = %f, "
                              "dlx = %f: check the rest-frame table", fname, E[i], k.mchi, k.mZp, lx0, dlx);
    }
    lua_createtable(L, 0, 2);
    lzp_push_array(L, E, n), lua_setfield(L, -2, "E");
    lzp_push_array(L, d, n), lua_setfield(L, -2, "dNdE");
    return 1;
}

static const char *const pppc_keys[] = {"table", "channel", "mDM", "log10x", NULL};

static int l_pppc_spectrum(lua_State *L)
{
    const char *fname = "zp.pppc_spectrum";
    luaL_checktype(L, 1, LUA_TTABLE);
    lzp_check_keys(L, 1, fname, pppc_keys);
    zp_status st = st_ok();
    const zp_pppc *t = zp_pppc_get(optstr(L, 1, fname, "table", zp_pppc_default_pbar()), &st);
    int ch;
    if (t == NULL || zp_pppc_channel(t, optstr(L, 1, fname, "channel", "b"), &ch, &st) != ZP_OK)
        return fail(L, &st, fname);
    double m = lzp_optnum(L, 1, fname, "mDM", NAN, "GeV"), v;
    lua_getfield(L, 1, "log10x");
    if (lua_isnumber(L, -1)) {
        if (zp_pppc_dNdlog10x(t, ch, m, lua_tonumber(L, -1), &v, &st) != ZP_OK)
            return fail(L, &st, fname);
        lua_pushnumber(L, v);
        return 1;
    }
    lua_pop(L, 1);
    int n;
    double *lx = optarray(L, 1, fname, "log10x", &n);
    if (lx == NULL)
        return luaL_error(L, "%s: give log10x = a number or an array of numbers", fname);
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        if (zp_pppc_dNdlog10x(t, ch, m, lx[i], &v, &st) != ZP_OK)
            return fail(L, &st, fname);
        lua_pushnumber(L, v);
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

static int l_pppc_info(lua_State *L)
{
    zp_status st = st_ok();
    const zp_pppc *t = zp_pppc_get(luaL_optstring(L, 1, zp_pppc_default_pbar()), &st);
    if (t == NULL)
        return fail(L, &st, "zp.pppc_info");
    lua_createtable(L, 0, 8);
    lua_pushstring(L, zp_pppc_path(t)), lua_setfield(L, -2, "path");
    lua_createtable(L, zp_pppc_nchannel(t), 0);
    for (int i = 0; i < zp_pppc_nchannel(t); i++) {
        lua_pushstring(L, zp_pppc_channel_name(t, i));
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "channels");
    lua_pushnumber(L, zp_pppc_mmin(t)), lua_setfield(L, -2, "mmin");
    lua_pushnumber(L, zp_pppc_mmax(t)), lua_setfield(L, -2, "mmax");
    lua_pushnumber(L, zp_pppc_lxmin(t)), lua_setfield(L, -2, "lxmin");
    lua_pushnumber(L, zp_pppc_lxmax(t)), lua_setfield(L, -2, "lxmax");
    lua_pushinteger(L, zp_pppc_nx(t)), lua_setfield(L, -2, "nx");
    lua_pushinteger(L, zp_pppc_nmass(t)), lua_setfield(L, -2, "nmass");
    return 1;
}

void zp_bind_pbar(lua_State *L)
{
    lua_pushcfunction(L, l_pbar_spectrum), lua_setfield(L, -2, "pbar_spectrum");
    lua_pushcfunction(L, l_boost_spectrum), lua_setfield(L, -2, "boost_spectrum");
    lua_pushcfunction(L, l_pppc_spectrum), lua_setfield(L, -2, "pppc_spectrum");
    lua_pushcfunction(L, l_pppc_info), lua_setfield(L, -2, "pppc_info");
}
