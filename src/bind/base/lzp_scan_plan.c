/* lzp_scan_plan.c -- zp.scan's block evaluator and row reader (core: src/core/scan/zp_scan.h).
 *
 * core.scan_plan{...} builds a plan; plan:block(lo, hi) evaluates rows lo+1..hi and returns
 * their CSV text in one string (optionally storing the values in column arrays), so a scan of
 * registry observables costs one Lua call per block instead of a few per row; plan:write does
 * the same onto an open file, on several threads (jobs = N).  plan:check reads
 * rows back and verifies every field and every row's axis values (resume, merge);
 * core.csv_rows parses rows without a plan.
 */
#define _GNU_SOURCE /* stat, copy_file_range */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lzp.h"
#include "base/lzp_scan.h"
#include "scan/zp_scan.h"

#define PLAN_MT "zprime.scan_plan"

typedef struct {
    zp_scan_plan *plan;
    double *row;                            /* scratch: one row's values */
    unsigned char *isint[ZP_SCAN_MAX_AXES]; /* list axes: which values were Lua integers */
} lplan;

static lplan *check_plan(lua_State *L, int idx)
{
    lplan *u = luaL_checkudata(L, idx, PLAN_MT);
    if (!u->plan)
        luaL_error(L, "scan plan: already freed");
    return u;
}

static int l_plan_gc(lua_State *L)
{
    lplan *u = luaL_checkudata(L, 1, PLAN_MT);
    zp_scan_plan_free(u->plan);
    free(u->row);
    for (int k = 0; k < ZP_SCAN_MAX_AXES; k++) {
        free(u->isint[k]);
        u->isint[k] = NULL;
    }
    u->plan = NULL;
    u->row = NULL;
    return 0;
}

/* Integer field key of table t (def when absent), range-checked before any narrowing. */
static lua_Integer int_field(lua_State *L, int t, const char *key, lua_Integer def, lua_Integer lo,
                             lua_Integer hi)
{
    lua_getfield(L, t, key);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return def;
    }
    int isnum;
    lua_Integer v = lua_tointegerx(L, -1, &isnum);
    if (!isnum || v < lo || v > hi)
        luaL_error(L, "scan_plan: %s must be an integer from %I to %I, got %s", key, lo, hi,
                   luaL_tolstring(L, -1, NULL));
    lua_pop(L, 1);
    return v;
}

static double num_field(lua_State *L, int t, const char *key)
{
    lua_getfield(L, t, key);
    if (lua_type(L, -1) != LUA_TNUMBER)
        luaL_error(L, "scan_plan: %s must be a number, got %s", key, luaL_typename(L, -1));
    double v = lua_tonumber(L, -1);
    lua_pop(L, 1);
    return v;
}

/* Length of the array field key of table t (pushed on the stack). */
static lua_Integer array_field(lua_State *L, int t, const char *key)
{
    if (lua_getfield(L, t, key) != LUA_TTABLE)
        luaL_error(L, "scan_plan: %s must be an array", key);
    return luaL_len(L, -1);
}

static void fail_plan(lua_State *L, lplan *u, const zp_status *st)
{
    zp_scan_plan_free(u->plan);
    u->plan = NULL;
    lzp_error(L, st);
}

static void read_axes(lua_State *L, lplan *u, int nd)
{
    zp_status st = { ZP_OK, "" };
    for (int k = 0; k < nd; k++) {
        lua_rawgeti(L, -1, k + 1);
        int a = lua_gettop(L);
        luaL_checktype(L, a, LUA_TTABLE);
        int param = (int)int_field(L, a, "param", -1, 0, ZP_NPARAM - 1);
        if (lua_getfield(L, a, "values") == LUA_TTABLE) {
            lua_Integer n = luaL_len(L, -1);
            if (n < 1 || n > (1 << 30))
                luaL_error(L, "scan_plan: axis %d has %I values (1 to 2^30)", k + 1, n);
            double *v = malloc((size_t)n * sizeof *v);
            if (!v)
                luaL_error(L, "scan_plan: out of memory");
            for (lua_Integer i = 1; i <= n; i++) {
                lua_rawgeti(L, -1, i);
                int isnum;
                v[i - 1] = lua_tonumberx(L, -1, &isnum);
                if (lua_isinteger(L, -1)) { /* results in memory keep integers as integers */
                    if (!u->isint[k])
                        u->isint[k] = calloc((size_t)n, 1);
                    if (u->isint[k])
                        u->isint[k][i - 1] = 1;
                }
                lua_pop(L, 1);
                if (!isnum) {
                    free(v);
                    luaL_error(L, "scan_plan: axis %d value %I is not a number", k + 1, i);
                }
            }
            int rc = zp_scan_set_list(u->plan, k, param, v, n, &st);
            free(v);
            if (rc != ZP_OK)
                fail_plan(L, u, &st);
        } else {
            lua_getfield(L, a, "log");
            int lg = lua_toboolean(L, -1);
            lua_pop(L, 1);
            if (zp_scan_set_random(u->plan, k, param, num_field(L, a, "a"), num_field(L, a, "b"), lg,
                                   &st) != ZP_OK)
                fail_plan(L, u, &st);
        }
        lua_settop(L, a - 1);
    }
}

/* core.scan_plan{ model =, axes = { {param =, values = {...}} | {param =, a =, b =, log =} },
 *   random =, seed =, samples =, kept = {0-based points}, codes = {...}, obs_slot = {0-based},
 *   tests = { {slot =, kind = 0..3, a =, b =} } } -> plan */
static int l_scan_plan(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_getfield(L, 1, "model");
    const zp_params *base = lzp_checkmodel(L, -1);
    lua_pop(L, 1);
    lua_Integer na = array_field(L, 1, "axes");
    int top = lua_gettop(L);
    if (na < 1 || na > ZP_SCAN_MAX_AXES) /* checked before narrowing */
        return luaL_error(L, "scan_plan: %I axes (1 to %d)", na, ZP_SCAN_MAX_AXES);
    int nd = (int)na;
    lua_Integer nc = array_field(L, 1, "codes");
    lua_Integer no = array_field(L, 1, "obs_slot");
    lua_Integer nt = array_field(L, 1, "tests");
    lplan *u = lua_newuserdatauv(L, sizeof *u, 0);
    memset(u, 0, sizeof *u);
    luaL_setmetatable(L, PLAN_MT);
    zp_status st = { ZP_OK, "" };
    if (nc > 100000 || no > 100000 || nt > 100000)
        luaL_error(L, "scan_plan: more than 100000 codes, observables or tests");
    u->plan = zp_scan_plan_alloc(base, nd, (int)nc, (int)no, (int)nt, &st);
    if (!u->plan)
        return lzp_error(L, &st);
    for (lua_Integer i = 1; i <= nc; i++) {
        lua_rawgeti(L, top + 1, i);
        lua_Integer c = lua_tointeger(L, -1);
        u->plan->codes[i - 1] = (c < 0 || c > 1000000) ? -1 : (int)c;
        lua_pop(L, 1);
    }
    for (lua_Integer i = 1; i <= no; i++) {
        lua_rawgeti(L, top + 2, i);
        lua_Integer c = lua_tointeger(L, -1);
        u->plan->obs_slot[i - 1] = (c < 0 || c > 1000000) ? -1 : (int)c;
        lua_pop(L, 1);
    }
    for (lua_Integer i = 1; i <= nt; i++) {
        lua_rawgeti(L, top + 3, i);
        int t = lua_gettop(L);
        luaL_checktype(L, t, LUA_TTABLE);
        zp_scan_test *ts = &u->plan->tests[i - 1];
        ts->slot = (int)int_field(L, t, "slot", -1, 0, nc - 1);
        ts->kind = (int)int_field(L, t, "kind", -1, 0, 3);
        lua_getfield(L, t, "a");
        ts->a = luaL_optnumber(L, -1, NAN);
        lua_getfield(L, t, "b");
        ts->b = luaL_optnumber(L, -1, NAN);
        lua_settop(L, t - 1);
    }
    lua_pushvalue(L, top); /* axes */
    read_axes(L, u, nd);
    lua_pop(L, 1);
    lua_getfield(L, 1, "random");
    int random = lua_toboolean(L, -1);
    lua_pop(L, 1);
    lua_Integer seed = int_field(L, 1, "seed", 1, LUA_MININTEGER, LUA_MAXINTEGER);
    lua_Integer samples = int_field(L, 1, "samples", 0, 0, (lua_Integer)1 << 50);
    if (lua_getfield(L, 1, "kept") == LUA_TTABLE) {
        lua_Integer n = luaL_len(L, -1);
        long long *kept = malloc(((size_t)n + 1) * sizeof *kept);
        if (!kept)
            luaL_error(L, "scan_plan: out of memory");
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, -1, i);
            kept[i - 1] = lua_tointeger(L, -1);
            lua_pop(L, 1);
        }
        int rc = zp_scan_set_kept(u->plan, kept, n, &st);
        free(kept);
        if (rc != ZP_OK)
            fail_plan(L, u, &st);
    }
    lua_pop(L, 1);
    if (zp_scan_finish(u->plan, random, seed, samples, &st) != ZP_OK)
        fail_plan(L, u, &st);
    u->row = malloc((size_t)zp_scan_ncols(u->plan) * sizeof *u->row);
    if (!u->row)
        luaL_error(L, "scan_plan: out of memory");
    return 1;
}

/* Row range lo..hi (0-based, hi exclusive) at arguments 2, 3, inside [0, npoints]. */
static void row_range(lua_State *L, const zp_scan_plan *p, lua_Integer *lo, lua_Integer *hi)
{
    *lo = luaL_checkinteger(L, 2);
    *hi = luaL_checkinteger(L, 3);
    if (*lo < 0 || *hi < *lo || *hi > p->npoints)
        luaL_error(L, "scan plan: rows %I..%I are outside 0..%I", *lo, *hi, (lua_Integer)p->npoints);
}

/* Value j of row r as the point-by-point scan kept it in memory: axis values as given (Lua
 * integers stay integers), pass values 1/0 as integers, everything else as floats. */
static void push_value(lua_State *L, const lplan *u, lua_Integer r, int j, double x)
{
    const zp_scan_plan *p = u->plan;
    if (j >= p->nd + p->nobs && (x == 0 || x == 1)) {
        lua_pushinteger(L, (lua_Integer)x);
        return;
    }
    if (j < p->nd && u->isint[j]) { /* a list axis (in a random scan: one value) */
        long long t = p->random ? 0 : p->kept ? p->kept[r] : r;
        for (int k = p->nd - 1; k > j && !p->random; k--)
            t /= p->axes[k].n;
        if (u->isint[j][t % p->axes[j].n]) {
            lua_pushinteger(L, (lua_Integer)x);
            return;
        }
    }
    lua_pushnumber(L, x);
}

/* plan:block(lo, hi [, cols, errs, off]) -> text of rows lo+1..hi.  With cols (an array of
 * column arrays), value j of row r goes to cols[j][r - off] and a failing row's message to
 * errs[r - off]. */
static int l_plan_block(lua_State *L)
{
    lplan *u = check_plan(L, 1);
    zp_scan_plan *p = u->plan;
    lua_Integer lo, hi;
    row_range(L, p, &lo, &hi);
    int keep = lua_istable(L, 4), nc = zp_scan_ncols(p);
    lua_Integer off = luaL_optinteger(L, 6, 0);
    if (keep) {
        luaL_checktype(L, 5, LUA_TTABLE);
        luaL_checkstack(L, nc + 8, "too many columns");
        for (int j = 1; j <= nc; j++)
            if (lua_rawgeti(L, 4, j) != LUA_TTABLE)
                return luaL_error(L, "scan plan: cols[%d] is not an array", j);
    }
    int base = lua_gettop(L) - (keep ? nc : 0);
    size_t bound = zp_scan_row_bound(p);
    char err[ZP_MSG_LEN + 64];
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (lua_Integer r = lo; r < hi; r++) {
        zp_scan_eval_row(p, r, u->row, err, sizeof err);
        char *o = luaL_prepbuffsize(&b, bound);
        luaL_addsize(&b, zp_scan_row_text(p, r, u->row, err, o));
        if (keep) {
            lua_Integer i = r + 1 - off;
            for (int j = 0; j < nc; j++) {
                push_value(L, u, r, j, u->row[j]);
                lua_rawseti(L, base + 1 + j, i);
            }
            if (err[0]) {
                lua_pushstring(L, err);
                lua_rawseti(L, 5, i);
            }
        }
    }
    luaL_pushresult(&b);
    return 1;
}

static int write_text(void *ctx, const char *text, size_t len)
{
    return fwrite(text, 1, len, (FILE *)ctx) != len;
}

/* plan:write(lo, hi, file, nthreads) -> rows written
 * Rows lo+1..hi evaluated on nthreads threads (core: zp_scan_run) and their text written to the
 * Lua file handle in row order, the same bytes as plan:block gives.  An interrupt request stops
 * it after the rows written so far (the count says how many); a failed write is an error. */
static int l_plan_write(lua_State *L)
{
    lplan *u = check_plan(L, 1);
    lua_Integer lo, hi;
    row_range(L, u->plan, &lo, &hi);
    luaL_Stream *f = luaL_checkudata(L, 4, LUA_FILEHANDLE);
    if (f->closef == NULL)
        return luaL_error(L, "scan plan: the file is closed");
    lua_Integer n = luaL_checkinteger(L, 5);
    if (n < 1 || n > 1024)
        return luaL_error(L, "scan plan: %I threads (1 to 1024)", n);
    zp_status st = { ZP_OK, "" };
    long long done = 0;
    int rc = zp_scan_run(u->plan, lo, hi, (int)n, write_text, f->f, &done, &st);
    if (rc != ZP_OK && rc != ZP_EINTR) {
        if (done < hi - lo && ferror(f->f))
            return luaL_error(L, "%s: %s", st.msg, strerror(errno));
        return lzp_error(L, &st);
    }
    lua_pushinteger(L, (lua_Integer)done);
    return 1;
}

/* plan:axis_text(k) -> the text of the values of list axis k (1-based) as the rows write them,
 * joined without separators, or nil when the axis is random or too long to be kept as text. */
static int l_plan_axis_text(lua_State *L)
{
    zp_scan_plan *p = check_plan(L, 1)->plan;
    lua_Integer k = luaL_checkinteger(L, 2);
    if (k < 1 || k > p->nd)
        return luaL_error(L, "scan plan: axis %I is not one of 1..%d", k, p->nd);
    const zp_scan_axis *a = &p->axes[k - 1];
    if (a->kind != ZP_AXIS_LIST || !a->text)
        return 0;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (long long i = 0; i < a->n; i++)
        luaL_addstring(&b, a->text + i * ZP_FMT_MAX);
    luaL_pushresult(&b);
    return 1;
}

static int l_plan_threadsafe(lua_State *L)
{
    lua_pushboolean(L, check_plan(L, 1)->plan->threadsafe);
    return 1;
}

/* plan:point(r) -> the axis values of row r (0-based). */
static int l_plan_point(lua_State *L)
{
    zp_scan_plan *p = check_plan(L, 1)->plan;
    lua_Integer r = luaL_checkinteger(L, 2);
    if (r < 0 || r >= p->npoints)
        return luaL_error(L, "scan plan: row %I is outside 0..%I", r, (lua_Integer)p->npoints - 1);
    double v[ZP_SCAN_MAX_AXES];
    zp_scan_point(p, r, v);
    lzp_push_array(L, v, p->nd);
    return 1;
}

static int l_plan_info(lua_State *L)
{
    zp_scan_plan *p = check_plan(L, 1)->plan;
    lua_pushinteger(L, p->npoints);
    lua_pushinteger(L, zp_scan_ncols(p));
    return 2;
}

static const char *const KIND[] = { "ok", "damaged", "mismatch" };

/* Store the first nkeep values of a checked row and its message into cols / errs at index i
 * (only those fields are converted: a merge keeps just the axes). */
static void store_row(lua_State *L, int colbase, int nkeep, int nc, int errs, lua_Integer i,
                      const char *line, size_t len)
{
    const char *f = line;
    for (int j = 0; j < nc; j++) {
        const char *c = memchr(f, ',', (size_t)(line + len - f));
        if (j < nkeep) {
            char num[ZP_FMT_MAX];
            size_t n = (size_t)(c - f);
            memcpy(num, f, n); /* a checked field is shorter than ZP_FMT_MAX */
            num[n] = '\0';
            lua_pushnumber(L, strtod(num, NULL));
            lua_rawseti(L, colbase + j, i);
        }
        f = c + 1;
    }
    size_t el = (size_t)(line + len - f);
    if (el > 0) {
        char msg[4096];
        zp_scan_unquote(f, el, msg, sizeof msg);
        lua_pushstring(L, msg);
        lua_rawseti(L, errs, i);
    }
}

/* Walk the complete lines of text from byte pos (1-based): row by row, up to maxrows.  With a
 * plan (argument 1), rows are rows row0.. of the plan and their axis values are checked. */
static int read_rows(lua_State *L, zp_scan_plan *p, int nc, size_t tpos, lua_Integer row0,
                     lua_Integer maxrows, int argcols)
{
    size_t len;
    const char *text = luaL_checklstring(L, tpos, &len);
    lua_Integer pos = luaL_checkinteger(L, tpos + 1);
    if (pos < 1 || (size_t)pos > len + 1)
        return luaL_error(L, "csv rows: position %I is outside 1..%I", pos, (lua_Integer)len + 1);
    int keep = lua_istable(L, argcols), nkeep = 0;
    lua_Integer off = luaL_optinteger(L, argcols + 2, 0);
    if (keep) { /* cols may name fewer arrays than columns: the first #cols are kept */
        luaL_checktype(L, argcols + 1, LUA_TTABLE);
        lua_Integer nk = luaL_len(L, argcols);
        nkeep = (int)(nk < nc ? (nk < 0 ? 0 : nk) : nc);
        luaL_checkstack(L, nkeep + 8, "too many columns");
        for (int j = 1; j <= nkeep; j++)
            if (lua_rawgeti(L, argcols, j) != LUA_TTABLE)
                return luaL_error(L, "csv rows: cols[%d] is not an array", j);
    }
    int colbase = lua_gettop(L) - nkeep + 1;
    const char *s = text + pos - 1, *end = text + len;
    lua_Integer n = 0;
    zp_row_issue iss = { ZP_ROW_OK, -1, "" };
    int extra = 0;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl)
            break; /* a partial last line: not a row */
        if (n >= maxrows) {
            extra = 1;
            break;
        }
        size_t ll = (size_t)(nl - s);
        int rc;
        if (p) {
            rc = zp_scan_check_row(p, row0 + n, s, ll, NULL, &iss);
        } else {
            const char *e;
            size_t el;
            rc = zp_scan_parse_row(s, ll, nc, NULL, &e, &el, &iss);
        }
        if (rc != ZP_ROW_OK)
            break;
        n++;
        if (keep)
            store_row(L, colbase, nkeep, nc, argcols + 1, n + row0 - off, s, ll);
        s = nl + 1;
    }
    lua_pushinteger(L, n);
    lua_pushinteger(L, (lua_Integer)(s - text) + 1);
    if (iss.kind != ZP_ROW_OK) {
        lua_pushstring(L, KIND[iss.kind]);
        lua_pushinteger(L, iss.col + 1);
        lua_pushstring(L, iss.msg);
        return 5;
    }
    if (extra) {
        lua_pushstring(L, "extra");
        return 3;
    }
    return 2;
}

/* plan:check(text, pos, row0, maxrows [, cols, errs, off]) -> n, nextpos [, kind, col, msg]
 * Rows row0+1.. of the plan from byte pos: every field a number as zprime writes it, the axis
 * fields the text of the row's point.  Stops at the first bad row (kind "damaged" or
 * "mismatch", col 1-based, 0 for the whole row) or after maxrows rows when more lines follow
 * (kind "extra"); a partial last line is not read. */
static int l_plan_check(lua_State *L)
{
    zp_scan_plan *p = check_plan(L, 1)->plan;
    lua_Integer row0 = luaL_checkinteger(L, 4), maxrows = luaL_checkinteger(L, 5);
    if (row0 < 0 || maxrows < 0 || maxrows > p->npoints - row0)
        return luaL_error(L, "scan plan: rows %I + %I are outside 0..%I", row0, maxrows,
                          (lua_Integer)p->npoints);
    return read_rows(L, p, zp_scan_ncols(p), 2, row0, maxrows, 6);
}

/* core.csv_rows(text, pos, ncols, maxrows [, cols, errs, off]) -> as plan:check, without the
 * axis check (rows numbered from 0). */
static int l_csv_rows(lua_State *L)
{
    lua_Integer nc = luaL_checkinteger(L, 3), maxrows = luaL_checkinteger(L, 4);
    if (nc < 0 || nc > 100000)
        return luaL_error(L, "csv_rows: %I columns is outside 0..100000", nc);
    if (maxrows < 0)
        return luaL_error(L, "csv_rows: maxrows must be >= 0, got %I", maxrows);
    return read_rows(L, NULL, (int)nc, 1, 0, maxrows, 5);
}

/* core.file_id(path) -> "device:inode" of an existing file, or nil (to tell that two names are
 * one file: merge's output must not be one of its inputs). */
static int l_file_id(lua_State *L)
{
    struct stat sb;
    if (stat(luaL_checkstring(L, 1), &sb) != 0)
        return 0;
    lua_pushfstring(L, "%I:%I", (lua_Integer)sb.st_dev, (lua_Integer)sb.st_ino);
    return 1;
}

/* Copy in from byte skip to its end onto out: in the kernel where it can (copy_file_range: no
 * pass through this process), else through buf counting lines (*lines = -1 when not counted).
 * 0, or -1 with errno set. */
static int copy_rows(FILE *out, FILE *in, long skip, long long *lines, int *last_nl, char *buf,
                     size_t cap)
{
    struct stat sb;
    if (fflush(out) == 0 && fstat(fileno(in), &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > skip) {
        off_t from = skip, left = sb.st_size - skip;
        char last = '\n';
        if (left > 0 && pread(fileno(in), &last, 1, sb.st_size - 1) != 1)
            return -1;
        while (left > 0) {
            ssize_t w = copy_file_range(fileno(in), &from, fileno(out), NULL, (size_t)left, 0);
            if (w <= 0)
                break;
            left -= w;
        }
        if (left == 0) {
            *lines = -1;
            *last_nl = last == '\n';
            return 0;
        }
        if (from != skip) /* part copied, then failed: not the unsupported case */
            return -1;
    }
    if (fseek(in, skip, SEEK_SET) != 0)
        return -1;
    size_t n;
    while ((n = fread(buf, 1, cap, in)) > 0) {
        for (const char *q = buf; (q = memchr(q, '\n', (size_t)(buf + n - q))) != NULL; q++)
            (*lines)++;
        *last_nl = buf[n - 1] == '\n';
        if (fwrite(buf, 1, n, out) != n)
            return -1;
    }
    return ferror(in) ? -1 : 0;
}

/* core.join_files(out, head, paths, skips, rows [, append]) -> true | nil, message
 * Write head, then each file paths[i] from byte skips[i] (after its header) to its end, to out
 * (appended to it with append)
 * (streamed, not parsed); each must end with a complete line, and hold rows[i] lines when the
 * copy passes through this process (the kernel's copy is not counted: the workers that wrote
 * the files stopped with success only after their last row). */
static int l_join_files(lua_State *L)
{
    const char *outp = luaL_checkstring(L, 1);
    size_t hl;
    const char *head = luaL_checklstring(L, 2, &hl);
    luaL_checktype(L, 3, LUA_TTABLE);
    luaL_checktype(L, 4, LUA_TTABLE);
    luaL_checktype(L, 5, LUA_TTABLE);
    lua_Integer n = luaL_len(L, 3);
    FILE *out = fopen(outp, lua_toboolean(L, 6) ? "ab" : "wb");
    if (!out)
        return luaL_fileresult(L, 0, outp);
    size_t cap = 1 << 20;
    char *buf = malloc(cap);
    const char *bad = NULL;
    int ok = buf && fwrite(head, 1, hl, out) == hl;
    for (lua_Integer i = 1; ok && i <= n; i++) {
        lua_rawgeti(L, 3, i);
        const char *path = luaL_checkstring(L, -1);
        lua_rawgeti(L, 4, i);
        lua_rawgeti(L, 5, i);
        lua_Integer skip = luaL_checkinteger(L, -2), want = luaL_checkinteger(L, -1);
        lua_pop(L, 2);
        FILE *in = fopen(path, "rb");
        long long lines = 0;
        int last_nl = 1;
        if (!in || skip < 0 || copy_rows(out, in, (long)skip, &lines, &last_nl, buf, cap) != 0) {
            lua_pushfstring(L, "cannot copy %s into %s: %s", path, outp, strerror(errno));
            ok = 0;
        } else if (lines >= 0 && (lines != want || !last_nl)) {
            lua_pushfstring(L, "%s holds %I complete rows%s, expected %I", path, (lua_Integer)lines,
                            last_nl ? "" : " and a partial last line", want);
            ok = 0;
        } else if (!last_nl) {
            lua_pushfstring(L, "%s ends with a partial line (expected %I complete rows)", path, want);
            ok = 0;
        }
        if (in)
            fclose(in);
        if (!ok)
            bad = lua_tostring(L, -1);
        else
            lua_pop(L, 1);
    }
    if (fclose(out) != 0 && ok) {
        lua_pushfstring(L, "cannot write %s: %s", outp, strerror(errno));
        bad = lua_tostring(L, -1);
        ok = 0;
    }
    free(buf);
    if (!ok) {
        lua_pushnil(L);
        lua_pushstring(L, bad ? bad : "out of memory");
        return 2;
    }
    lua_pushboolean(L, 1);
    return 1;
}

void lzp_bind_scan_plan(lua_State *L)
{
    static const luaL_Reg methods[] = {
        { "block", l_plan_block }, { "write", l_plan_write }, { "check", l_plan_check },
        { "point", l_plan_point }, { "info", l_plan_info },   { "threadsafe", l_plan_threadsafe },
        { "axis_text", l_plan_axis_text },
        { "free", l_plan_gc },     { NULL, NULL } };
    luaL_newmetatable(L, PLAN_MT);
    luaL_newlib(L, methods);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_plan_gc);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);
    lua_pushcfunction(L, l_scan_plan), lua_setfield(L, -2, "scan_plan");
    lua_pushcfunction(L, l_csv_rows), lua_setfield(L, -2, "csv_rows");
    lua_pushcfunction(L, l_file_id), lua_setfield(L, -2, "file_id");
    lua_pushcfunction(L, l_join_files), lua_setfield(L, -2, "join_files");
}
