/* lzp_collider.c -- Lua bindings of the LHC module (non-observable functions):
 *   core.data_find(name) -> absolute path of a data table on the search path
 *   core.pdf_xfx(id, x, Q) -> x f(x, Q) of parton id (PDG) from the shared NNPDF2.3 LO grid
 *   core.zpeed_bins(m) -> { chi2 =, dchi2 =, mu_hat =, sigma_fid_fb =, lo = {...}, hi = {...}, signal = {...},
 *                           background = {...}, observed = {...} } for model m
 *   core.zpeed_range() -> low, high edge [GeV] of the ATLAS dimuon spectrum
 */
#include "collider/pdf.h"
#include "collider/xsec.h"
#include "collider/zpeed.h"
#include "base/zp_table.h"
#include "lzp.h"

static int l_data_find(lua_State *L)
{
    const char *name = luaL_checkstring(L, 1);
    char path[4096];
    zp_status st = {ZP_OK, ""};
    if (zp_data_find(name, path, sizeof path, &st) != ZP_OK)
        return lzp_error(L, &st);
    lua_pushstring(L, path);
    return 1;
}

static int l_pdf_xfx(lua_State *L)
{
    lua_Integer id = luaL_checkinteger(L, 1);
    double x = luaL_checknumber(L, 2), Q = luaL_checknumber(L, 3), v;
    zp_status st = {ZP_OK, ""};
    const zp_pdf *pdf = zp_pdf_get(ZP_LHC_PDF, &st);
    if (pdf == NULL || id < -100 || id > 100 || zp_pdf_xfx(pdf, (int)id, x, Q, &v, &st) != ZP_OK) {
        if (st.code == ZP_OK)
            zp_fail(&st, ZP_EINVAL, "parton id %lld is not a PDG parton id", (long long)id);
        return lzp_error(L, &st);
    }
    lua_pushnumber(L, v);
    return 1;
}

static int l_zpeed_bins(lua_State *L)
{
    const zp_params *p = lzp_checkmodel(L, 1);
    zp_zpeed_result r;
    zp_status st = {ZP_OK, ""};
    if (zp_zpeed_eval(p, &r, &st) != ZP_OK)
        return lzp_error(L, &st);
    int n = r.ihi >= r.ilo ? r.ihi - r.ilo + 1 : 0;
    lua_createtable(L, 0, 7);
    lua_pushnumber(L, r.chi2), lua_setfield(L, -2, "chi2");
    lua_pushnumber(L, r.dchi2), lua_setfield(L, -2, "dchi2");
    lua_pushnumber(L, r.mu_hat), lua_setfield(L, -2, "mu_hat");
    lua_pushnumber(L, r.sigma_fid_fb), lua_setfield(L, -2, "sigma_fid_fb");
    lzp_push_array(L, r.lo, n), lua_setfield(L, -2, "lo");
    lzp_push_array(L, r.hi, n), lua_setfield(L, -2, "hi");
    lzp_push_array(L, r.signal, n), lua_setfield(L, -2, "signal");
    lzp_push_array(L, r.background, n), lua_setfield(L, -2, "background");
    lzp_push_array(L, r.observed, n), lua_setfield(L, -2, "observed");
    return 1;
}

static int l_zpeed_range(lua_State *L)
{
    double lo, hi;
    zp_status st = {ZP_OK, ""};
    if (zp_zpeed_range(&lo, &hi, &st) != ZP_OK)
        return lzp_error(L, &st);
    lua_pushnumber(L, lo);
    lua_pushnumber(L, hi);
    return 2;
}

void zp_bind_collider(lua_State *L)
{
    lua_pushcfunction(L, l_data_find), lua_setfield(L, -2, "data_find");
    lua_pushcfunction(L, l_pdf_xfx), lua_setfield(L, -2, "pdf_xfx");
    lua_pushcfunction(L, l_zpeed_bins), lua_setfield(L, -2, "zpeed_bins");
    lua_pushcfunction(L, l_zpeed_range), lua_setfield(L, -2, "zpeed_range");
}
