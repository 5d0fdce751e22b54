/* lzp_scan.c -- the inner loop of zp.scan in C: evaluate one point and format one CSV row.
 *
 * A scan point costs one call of core.scan_eval (parameters set with range checks on a copy of
 * the base model, every requested parameter/observable evaluated into a reused Lua array) and
 * one call of core.fmt_row (shortest round-trip decimal text of each number), so the per-point
 * overhead stays small next to a closed-form observable.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lzp.h"
#include "base/zp_registry.h"

/* Integer element i (1-based) of the array at idx. */
static lua_Integer int_at(lua_State *L, int idx, lua_Integer i, const char *what)
{
    int isnum;
    lua_rawgeti(L, idx, i);
    lua_Integer v = lua_tointegerx(L, -1, &isnum);
    lua_pop(L, 1);
    if (!isnum)
        luaL_error(L, "scan_eval: %s[%d] must be an integer", what, (int)i);
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

/* Write the decimal digits dig[0..nd-1] (value 0.d1d2... x 10^(exp+1)) in the style of
 * printf's %.<prec>g: trailing zeros dropped, scientific notation outside 1e-4 <= |x| < 10^prec. */
static int emit_g(char *buf, size_t n, int neg, const char *dig, int nd, int exp, int prec)
{
    while (nd > 1 && dig[nd - 1] == '0')
        nd--;
    char *o = buf, *end = buf + n - 8;
    if (neg)
        *o++ = '-';
    if (exp < -4 || exp >= prec) {
        *o++ = dig[0];
        if (nd > 1) {
            *o++ = '.';
            for (int i = 1; i < nd && o < end; i++)
                *o++ = dig[i];
        }
        return (int)(o - buf) + snprintf(o, 8, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    }
    if (exp < 0) {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -exp - 1; i++)
            *o++ = '0';
        for (int i = 0; i < nd && o < end; i++)
            *o++ = dig[i];
    } else {
        for (int i = 0; i <= exp; i++)
            *o++ = i < nd ? dig[i] : '0';
        if (nd > exp + 1) {
            *o++ = '.';
            for (int i = exp + 1; i < nd && o < end; i++)
                *o++ = dig[i];
        }
    }
    *o = '\0';
    return (int)(o - buf);
}

/* "-d.ddd...e<exp>" from the digits r[0..nd-1] into t (at least 48 bytes). */
static const char *sci_text(char *t, int neg, const char *r, int nd, int exp)
{
    char *o = t;
    if (neg)
        *o++ = '-';
    *o++ = r[0];
    *o++ = '.';
    memcpy(o, r + 1, (size_t)nd - 1);
    o += nd - 1;
    *o++ = 'e';
    if (exp < 0) {
        *o++ = '-';
        exp = -exp;
    }
    char tmp[8];
    int k = 0;
    do {
        tmp[k++] = (char)('0' + exp % 10);
        exp /= 10;
    } while (exp > 0 && k < 7);
    while (k > 0)
        *o++ = tmp[--k];
    *o = '\0';
    return t;
}

/* Shortest decimal text (15, 16 or 17 significant digits) that reads back as exactly x:
 * one printf of 17 digits, then the 15- and 16-digit roundings of them are tried with strtod.
 * NaN and infinities are written "nan", "inf", "-inf". */
static int fmt_num(char *buf, size_t n, double x)
{
    if (isnan(x))
        return snprintf(buf, n, "nan");
    if (isinf(x))
        return snprintf(buf, n, x > 0 ? "inf" : "-inf");
    if (x == 0)
        return snprintf(buf, n, signbit(x) ? "-0" : "0");
    if (fabs(x) < 1e15 && x == (double)(long long)x)
        return snprintf(buf, n, "%lld", (long long)x);
    char e17[48], dig[20];
    snprintf(e17, sizeof e17, "%.16e", x);
    const char *s = e17;
    int neg = *s == '-';
    if (neg)
        s++;
    int nd = 0;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9')
            dig[nd++] = *s;
    int exp = atoi(s + 1);
    for (int prec = 15; prec <= 16; prec++) {
        char r[20], test[48];
        int rexp = exp;
        memcpy(r, dig, (size_t)prec);
        int tie = dig[prec] == '5';
        for (int i = prec + 1; i < nd; i++)
            tie = tie && dig[i] == '0';
        if (tie) { /* a tie in the 17-digit text: let printf round the exact value (rare) */
            for (int p = prec; p <= 17; p++) {
                int w = snprintf(buf, n, "%.*g", p, x);
                if (p == 17 || strtod(buf, NULL) == x)
                    return w;
            }
        }
        if (dig[prec] >= '5') { /* round half up on the 17-digit text; strtod checks the result */
            int i = prec - 1;
            while (i >= 0 && r[i] == '9')
                r[i--] = '0';
            if (i >= 0) {
                r[i]++;
            } else {
                memmove(r + 1, r, (size_t)prec - 1);
                r[0] = '1';
                rexp++;
            }
        }
        if (strtod(sci_text(test, neg, r, prec, rexp), NULL) == x)
            return emit_g(buf, n, neg, r, prec, rexp, prec);
    }
    return emit_g(buf, n, neg, dig, 17, exp, 17);
}

/* Grid scans repeat the same axis values on every row: a small direct-mapped cache of the
 * text of recently formatted numbers (keyed by their bits) saves most of the printf/strtod work. */
#define FMT_CACHE 1024
static struct {
    double x;
    int len;
    char s[32];
} fmt_cache[FMT_CACHE];

static int fmt_cached(char *buf, size_t n, double x)
{
    unsigned long long bits;
    memcpy(&bits, &x, sizeof bits);
    bits ^= bits >> 29;
    bits *= 0xbf58476d1ce4e5b9ULL;
    bits ^= bits >> 32;
    unsigned h = (unsigned)(bits % FMT_CACHE);
    if (fmt_cache[h].len > 0 && memcmp(&fmt_cache[h].x, &x, sizeof x) == 0) {
        memcpy(buf, fmt_cache[h].s, (size_t)fmt_cache[h].len + 1);
        return fmt_cache[h].len;
    }
    int w = fmt_num(buf, n, x);
    if (w > 0 && w < (int)sizeof fmt_cache[h].s) {
        fmt_cache[h].x = x;
        fmt_cache[h].len = w;
        memcpy(fmt_cache[h].s, buf, (size_t)w + 1);
    }
    return w;
}

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
        char num[40];
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
        int w = fmt_cached(num, sizeof num, x);
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
    char num[40];
    int w = fmt_num(num, sizeof num, luaL_checknumber(L, 1));
    lua_pushlstring(L, num, (size_t)w);
    return 1;
}

void zp_bind_scan(lua_State *L)
{
    lua_pushcfunction(L, l_scan_eval), lua_setfield(L, -2, "scan_eval");
    lua_pushcfunction(L, l_fmt_row), lua_setfield(L, -2, "fmt_row");
    lua_pushcfunction(L, l_fmt_num), lua_setfield(L, -2, "fmt_num");
}
