/* lzp_stats.c -- Lua access to the fit and propagation core (src/core/stats):
 *   core.fit_minimize{ lo = {..}, hi = {..}, start = {..}, method = "simplex"|"bfgs"|"lm",
 *                      chi2 = function(x) -> number, resid = function(x) -> {r1, ...}, nres =,
 *                      max_iter =, tol = }
 *     -> { x = {..}, chi2 =, cov = {{..}, ..} | nil, at_bound = {..}, iter =, nfev = }
 *   core.fit_covariance{ lo =, hi =, chi2 =, x = } -> cov | nil
 *   core.predict(model, observable, { names }, { sigmas }, corr | nil,
 *                { method = "linear"|"mc", n =, seed =, args = {..}, samples = bool })
 *     -> { central =, mean =, sd =, q = {2.5, 16, 50, 84, 97.5 %} | nil, grad = {..},
 *          n_ok =, n_fail =, samples = {..} | nil }
 *   core.stats_pvalue(chi2, ndof), core.stats_dchi2(cl, k), core.stats_z(cl [, "one-sided"])
 * The Lua callbacks run under lua_pcall, so an error inside them unwinds no GSL frame.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lzp.h"
#include "base/zp_registry.h"
#include "stats/fit.h"
#include "stats/predict.h"

static const char *const fit_keys[] = {"lo", "hi", "start", "method", "chi2", "resid", "nres", "max_iter",
                                       "tol", "x", NULL};
static const char *const predict_keys[] = {"method", "n", "seed", "args", "samples", NULL};

typedef struct {
    lua_State *L;
    int chi2_idx, resid_idx; /* stack indices of the callbacks */
    int n, nres;
} lua_fit;

/* Call the function at idx with the array x; leave its first result on the stack. */
static int call_x(lua_fit *c, int idx, const double *x, zp_status *st)
{
    lua_State *L = c->L;
    lua_pushvalue(L, idx);
    lzp_push_array(L, x, c->n);
    if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
        zp_fail(st, ZP_EINVAL, "%s", lua_isstring(L, -1) ? lua_tostring(L, -1) : "(error object)");
        lua_pop(L, 1);
        return ZP_EINVAL;
    }
    return ZP_OK;
}

static int fit_chi2(const double *x, void *ctx, double *chi2, zp_status *st)
{
    lua_fit *c = ctx;
    if (call_x(c, c->chi2_idx, x, st) != ZP_OK)
        return st->code;
    int isnum = 0;
    *chi2 = lua_tonumberx(c->L, -1, &isnum);
    lua_pop(c->L, 1);
    if (!isnum)
        return zp_fail(st, ZP_EINVAL, "the chi^2 function returned a non-number");
    return ZP_OK;
}

static int fit_resid(const double *x, void *ctx, double *r, zp_status *st)
{
    lua_fit *c = ctx;
    lua_State *L = c->L;
    if (call_x(c, c->resid_idx, x, st) != ZP_OK)
        return st->code;
    if (!lua_istable(L, -1)) {
        lua_pop(L, 1);
        return zp_fail(st, ZP_EINVAL, "the residual function returned a non-table");
    }
    for (int i = 0; i < c->nres; i++) {
        lua_rawgeti(L, -1, i + 1);
        int isnum = 0;
        r[i] = lua_tonumberx(L, -1, &isnum);
        lua_pop(L, 1);
        if (!isnum) {
            lua_pop(L, 1);
            return zp_fail(st, ZP_EINVAL, "residual %d is not a number (expected %d residuals)", i + 1, c->nres);
        }
    }
    lua_pop(L, 1);
    return ZP_OK;
}

/* Read array field key of table t (length n, or any length when n < 0) into x; returns the length. */
static int get_array(lua_State *L, int t, const char *key, double *x, int n, int maxn)
{
    lua_getfield(L, t, key);
    if (!lua_istable(L, -1))
        return luaL_error(L, "core.fit_minimize: '%s' must be an array of numbers, got %s", key, luaL_typename(L, -1));
    int len = (int)luaL_len(L, -1);
    if (len < 1 || len > maxn || (n >= 0 && len != n))
        return n >= 0 ? luaL_error(L, "core.fit_minimize: '%s' has %d entries; expected %d", key, len, n)
                      : luaL_error(L, "core.fit_minimize: '%s' has %d entries; expected 1 to %d", key, len, maxn);
    for (int i = 0; i < len; i++) {
        lua_rawgeti(L, -1, i + 1);
        int isnum = 0;
        x[i] = lua_tonumberx(L, -1, &isnum);
        if (!isnum)
            return luaL_error(L, "core.fit_minimize: %s[%d] is %s, not a number", key, i + 1, luaL_typename(L, -1));
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return len;
}

static void push_cov(lua_State *L, const zp_fit_result *r, int n)
{
    if (!r->cov_ok) {
        lua_pushnil(L);
        return;
    }
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        lzp_push_array(L, r->cov + i * n, n);
        lua_rawseti(L, -2, i + 1);
    }
}

static void read_problem(lua_State *L, zp_fit_problem *pb, lua_fit *c, const char *fname)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lzp_check_keys(L, 1, fname, fit_keys);
    memset(pb, 0, sizeof *pb);
    pb->n = get_array(L, 1, "lo", pb->lo, -1, ZP_FIT_MAXPAR);
    get_array(L, 1, "hi", pb->hi, pb->n, ZP_FIT_MAXPAR);
    lua_getfield(L, 1, "chi2");
    if (!lua_isfunction(L, -1))
        luaL_error(L, "%s: 'chi2' must be a function of the parameter array", fname);
    c->L = L;
    c->chi2_idx = lua_gettop(L);
    c->n = pb->n;
    pb->chi2 = fit_chi2;
    pb->ctx = c;
}

static int l_fit_minimize(lua_State *L)
{
    zp_fit_problem pb;
    lua_fit c = {0};
    read_problem(L, &pb, &c, "core.fit_minimize");
    get_array(L, 1, "start", pb.start, pb.n, ZP_FIT_MAXPAR);
    lua_getfield(L, 1, "method");
    const char *m = luaL_optstring(L, -1, "simplex");
    pb.method = !strcmp(m, "simplex") ? ZP_FIT_SIMPLEX : !strcmp(m, "bfgs") ? ZP_FIT_BFGS : !strcmp(m, "lm") ? ZP_FIT_LM : -1;
    if (pb.method < 0)
        return luaL_error(L, "core.fit_minimize: unknown method '%s' (expected simplex, bfgs or lm)", m);
    lua_pop(L, 1);
    double max_iter = lzp_optnum(L, 1, "core.fit_minimize", "max_iter", pb.method == ZP_FIT_LM ? 200 : 2000, "");
    if (!(max_iter >= 1 && max_iter <= 1e8) || max_iter != floor(max_iter))
        return luaL_error(L, "core.fit_minimize: max_iter = %f; expected a whole number from 1 to 1e8", max_iter);
    pb.max_iter = (int)max_iter;
    pb.tol = lzp_optnum(L, 1, "core.fit_minimize", "tol", pb.method == ZP_FIT_BFGS ? 1e-4 : 1e-6, "");
    if (pb.method == ZP_FIT_LM) {
        lua_getfield(L, 1, "resid");
        if (!lua_isfunction(L, -1))
            return luaL_error(L, "core.fit_minimize: method lm needs 'resid', a function returning the residual array");
        c.resid_idx = lua_gettop(L);
        double nres = lzp_optnum(L, 1, "core.fit_minimize", "nres", 0, "");
        if (!(nres >= 1 && nres <= 100000))
            return luaL_error(L, "core.fit_minimize: nres = %f; expected 1 to 100000 residuals", nres);
        c.nres = pb.nres = (int)nres;
        pb.resid = fit_resid;
    }
    zp_fit_result r;
    zp_status st = {ZP_OK, ""};
    if (zp_fit_minimize(&pb, &r, &st) != ZP_OK)
        return lzp_error(L, &st);
    lua_createtable(L, 0, 6);
    lzp_push_array(L, r.x, pb.n);
    lua_setfield(L, -2, "x");
    lua_pushnumber(L, r.chi2);
    lua_setfield(L, -2, "chi2");
    push_cov(L, &r, pb.n);
    lua_setfield(L, -2, "cov");
    lua_createtable(L, pb.n, 0);
    for (int i = 0; i < pb.n; i++) {
        lua_pushboolean(L, r.at_bound[i]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "at_bound");
    lua_pushinteger(L, r.iter);
    lua_setfield(L, -2, "iter");
    lua_pushinteger(L, r.nfev);
    lua_setfield(L, -2, "nfev");
    return 1;
}

static int l_fit_covariance(lua_State *L)
{
    zp_fit_problem pb;
    lua_fit c = {0};
    read_problem(L, &pb, &c, "core.fit_covariance");
    double x[ZP_FIT_MAXPAR];
    get_array(L, 1, "x", x, pb.n, ZP_FIT_MAXPAR);
    zp_fit_result r;
    memset(&r, 0, sizeof r);
    zp_status st = {ZP_OK, ""};
    if (zp_fit_covariance(&pb, x, &r, &st) != ZP_OK)
        return lzp_error(L, &st);
    push_cov(L, &r, pb.n);
    return 1;
}

/* Parameter ids and errors from the arrays at index 3 and 4; corr from index 5 (or nil). */
static int read_inputs(lua_State *L, int *ids, double *sig, double **corr)
{
    luaL_checktype(L, 3, LUA_TTABLE);
    luaL_checktype(L, 4, LUA_TTABLE);
    int k = (int)luaL_len(L, 3);
    if (k < 1 || k > ZP_PREDICT_MAXIN || luaL_len(L, 4) != k)
        luaL_error(L, "core.predict: %d input names and %d errors; expected 1 to %d of each", k, (int)luaL_len(L, 4),
                   ZP_PREDICT_MAXIN);
    for (int i = 0; i < k; i++) {
        lua_rawgeti(L, 3, i + 1);
        const char *name = lua_tostring(L, -1);
        ids[i] = name ? zp_param_find(name) : -1;
        if (ids[i] < 0)
            luaL_error(L, "core.predict: input %d is not a parameter name (%s)", i + 1, name ? name : luaL_typename(L, -1));
        lua_pop(L, 1);
        lua_rawgeti(L, 4, i + 1);
        int isnum = 0;
        sig[i] = lua_tonumberx(L, -1, &isnum);
        if (!isnum)
            luaL_error(L, "core.predict: the error of input %d is not a number", i + 1);
        lua_pop(L, 1);
    }
    *corr = NULL;
    if (!lua_isnoneornil(L, 5)) {
        luaL_checktype(L, 5, LUA_TTABLE);
        double *c = lua_newuserdatauv(L, sizeof(double) * (size_t)(k * k), 0); /* freed by the GC */
        for (int i = 0; i < k; i++) {
            lua_rawgeti(L, 5, i + 1);
            if (!lua_istable(L, -1))
                luaL_error(L, "core.predict: correlation row %d is not an array", i + 1);
            for (int j = 0; j < k; j++) {
                lua_rawgeti(L, -1, j + 1);
                int isnum = 0;
                c[i * k + j] = lua_tonumberx(L, -1, &isnum);
                if (!isnum)
                    luaL_error(L, "core.predict: correlation[%d][%d] is not a number", i + 1, j + 1);
                lua_pop(L, 1);
            }
            lua_pop(L, 1);
        }
        lua_replace(L, 5);
        *corr = c;
    }
    return k;
}

static int l_predict(lua_State *L)
{
    zp_params *p = lzp_checkmodel(L, 1);
    const char *name = luaL_checkstring(L, 2);
    int ids[ZP_PREDICT_MAXIN];
    double sig[ZP_PREDICT_MAXIN], *corr, args[ZP_OBS_MAXARGS];
    int k = read_inputs(L, ids, sig, &corr);
    luaL_checktype(L, 6, LUA_TTABLE);
    lzp_check_keys(L, 6, "core.predict", predict_keys);
    zp_predict_spec s = {zp_obs_find(name), args, 0, k, ids, sig, corr};
    if (s.obs < 0)
        return luaL_error(L, "core.predict: unknown observable '%s'", name);
    lua_getfield(L, 6, "args");
    if (lua_istable(L, -1)) {
        s.nargs = (int)luaL_len(L, -1);
        if (s.nargs > ZP_OBS_MAXARGS)
            return luaL_error(L, "core.predict: %d observable arguments; at most %d", s.nargs, ZP_OBS_MAXARGS);
        for (int i = 0; i < s.nargs; i++) {
            lua_rawgeti(L, -1, i + 1);
            int isnum = 0;
            args[i] = lua_tonumberx(L, -1, &isnum);
            if (!isnum)
                return luaL_error(L, "core.predict: args[%d] is %s, not a number", i + 1, luaL_typename(L, -1));
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    lua_getfield(L, 6, "method");
    const char *method = luaL_optstring(L, -1, "linear");
    lua_pop(L, 1);
    zp_predict_result r;
    zp_status st = {ZP_OK, ""};
    int keep = 0;
    double *samples = NULL;
    long n = 0;
    if (!strcmp(method, "linear")) {
        if (zp_predict_linear(p, &s, &r, &st) != ZP_OK)
            return lzp_error(L, &st);
    } else if (!strcmp(method, "mc")) {
        double nn = lzp_optnum(L, 6, "core.predict", "n", 10000, "samples");
        double seed = lzp_optnum(L, 6, "core.predict", "seed", 1, "");
        if (!(nn >= 2 && nn <= (double)ZP_PREDICT_MAXN) || nn != floor(nn))
            return luaL_error(L, "core.predict: n = %f; expected a whole number of samples from 2 to %d", nn,
                              (int)ZP_PREDICT_MAXN);
        if (!(seed >= 0 && seed <= 4294967295.0) || seed != floor(seed))
            return luaL_error(L, "core.predict: seed = %f; expected a whole number from 0 to 2^32 - 1", seed);
        n = (long)nn;
        lua_getfield(L, 6, "samples");
        keep = lua_toboolean(L, -1);
        lua_pop(L, 1);
        if (keep)
            samples = lua_newuserdatauv(L, sizeof(double) * (size_t)n, 0);
        if (zp_predict_mc(p, &s, n, (unsigned long)seed, samples, &r, &st) != ZP_OK)
            return lzp_error(L, &st);
    } else {
        return luaL_error(L, "core.predict: unknown method '%s' (expected linear or mc)", method);
    }
    lua_createtable(L, 0, 8);
    lua_pushnumber(L, r.central);
    lua_setfield(L, -2, "central");
    lua_pushnumber(L, r.mean);
    lua_setfield(L, -2, "mean");
    lua_pushnumber(L, r.sd);
    lua_setfield(L, -2, "sd");
    if (!strcmp(method, "mc")) {
        lzp_push_array(L, r.q, 5);
        lua_setfield(L, -2, "q");
        lua_pushinteger(L, r.n_ok);
        lua_setfield(L, -2, "n_ok");
        lua_pushinteger(L, r.n_fail);
        lua_setfield(L, -2, "n_fail");
        if (keep) {
            lzp_push_array(L, samples, (int)r.n_ok);
            lua_setfield(L, -2, "samples");
        }
    } else {
        lzp_push_array(L, r.grad, k);
        lua_setfield(L, -2, "grad");
    }
    return 1;
}

static int l_pvalue(lua_State *L)
{
    lua_pushnumber(L, zp_stats_pvalue(luaL_checknumber(L, 1), (int)luaL_checkinteger(L, 2)));
    return 1;
}

static int l_dchi2(lua_State *L)
{
    lua_pushnumber(L, zp_stats_dchi2(luaL_checknumber(L, 1), (int)luaL_optinteger(L, 2, 1)));
    return 1;
}

static int l_z(lua_State *L)
{
    double cl = luaL_checknumber(L, 1);
    int one = lua_isstring(L, 2) && !strcmp(lua_tostring(L, 2), "one-sided");
    lua_pushnumber(L, one ? zp_stats_z_one_sided(cl) : zp_stats_z_two_sided(cl));
    return 1;
}

void zp_bind_stats(lua_State *L)
{
    static const luaL_Reg fns[] = {
        {"fit_minimize", l_fit_minimize}, {"fit_covariance", l_fit_covariance}, {"predict", l_predict},
        {"stats_pvalue", l_pvalue},       {"stats_dchi2", l_dchi2},             {"stats_z", l_z},
        {NULL, NULL}};
    luaL_setfuncs(L, fns, 0);
}
