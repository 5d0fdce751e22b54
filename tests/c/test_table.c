/* test_table.c -- data search path, table parser, cache and interpolation. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/zp_table.h"
#include "zp_test.h"

static char dir[256];

static void write_file(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void test_parse(void)
{
    zp_status st = {0, ""};
    write_file("a.dat", "# comment\n mDM  Log[10,x]  b\n 5 -1 0.5\n5 0 1.5\n\n10, -1, 2e-3\n");
    write_file("nohdr.txt", "1.0 2.0\n3.0 nan\n");
    write_file("bad.dat", "x y\n1 2\n3 four\n");
    write_file("ragged.dat", "1 2\n3 4 5\n");
    write_file("empty.dat", "# nothing\n");
    zp_data_set_path(dir);
    const zp_table *t = zp_table_get("a.dat", &st);
    ZT_TRUE(t != NULL && t->nrow == 3 && t->ncol == 3, "rows and columns, comments and blank lines skipped");
    if (t) {
        ZT_TRUE(zp_table_col(t, "b") == 2 && zp_table_col(t, "Log[10,x]") == 1, "header names");
        ZT_TRUE(zp_table_col(t, "c") == -1, "missing column");
        ZT_NEAR(zp_table_at(t, 2, 2), 2e-3, 1e-15, "comma-separated row");
        ZT_TRUE(zp_table_get("a.dat", &st) == t, "second lookup is cached");
    }
    const zp_table *u = zp_table_get("nohdr.txt", &st);
    ZT_TRUE(u != NULL && u->colnames == NULL && isnan(zp_table_at(u, 1, 1)), "no header, nan accepted");
    st.code = 0;
    ZT_TRUE(zp_table_get("bad.dat", &st) == NULL, "malformed row rejected");
    ZT_STATUS(st.code, ZP_EDATA, st, "line 3", "malformed row message names the line");
    st.code = 0;
    ZT_TRUE(zp_table_get("ragged.dat", &st) == NULL, "ragged rows rejected");
    ZT_STATUS(st.code, ZP_EDATA, st, "3 columns where earlier rows have 2", "ragged message");
    st.code = 0;
    ZT_TRUE(zp_table_get("empty.dat", &st) == NULL, "empty file rejected");
    ZT_STATUS(st.code, ZP_EDATA, st, "no rows", "empty message");
    st.code = 0;
    ZT_TRUE(zp_table_get("missing.dat", &st) == NULL, "missing file");
    ZT_STATUS(st.code, ZP_EDATA, st, "'missing.dat' not found in any directory of the data search path", "missing message names file and path");
    ZT_TRUE(strstr(st.msg, dir) != NULL, "missing message lists the directories tried");
    zp_table_cache_clear();
}

static void test_search_path(void)
{
    zp_status st = {0, ""};
    char found[1024];
    char path[600];
    snprintf(path, sizeof path, "/nonexistent-zprime:%s", dir);
    zp_data_set_path(path);
    ZT_TRUE(zp_data_find("a.dat", found, sizeof found, &st) == ZP_OK && strstr(found, dir) == found,
            "second directory of the path is searched");
    ZT_TRUE(strcmp(zp_data_get_path(), path) == 0, "path round trip");
    ZT_STATUS(zp_data_find("", found, sizeof found, &st), ZP_EINVAL, st, "empty", "empty name");
    /* the shipped data directory */
    static const char *const tables[] = {"dof/std_thg.tab", "pppc4dmid/AtProductionNoEW_antiprotons.dat", NULL};
    if (zt_need_tables(tables)) {
        st.code = 0;
        const zp_table *t = zp_table_get("dof/std_thg.tab", &st);
        ZT_TRUE(t != NULL && t->nrow == 276 && t->ncol == 3, "micrOMEGAs g* table: 276 rows of T heff geff");
        const zp_table *pp = zp_table_get("pppc4dmid/AtProductionNoEW_antiprotons.dat", &st);
        ZT_TRUE(pp != NULL && pp->nrow == 11160 && pp->ncol == 14, "PPPC NoEW antiprotons: 62 x 180 rows, 14 columns");
        if (pp)
            ZT_TRUE(zp_table_col(pp, "b") == 7, "PPPC b channel is column 8 (1-based)");
        zp_table_cache_clear();
    }
}

static void test_interp(void)
{
    zp_status st = {0, ""};
    double x[] = {1, 10, 100}, y[] = {1, 100, 10000}, out;
    ZT_TRUE(zp_interp(x, 1, y, 1, 3, 10.0, 1, "t", &out, &st) == ZP_OK && out == 100.0, "exact on grid");
    zp_interp(x, 1, y, 1, 3, sqrt(10.0), 1, "t", &out, &st);
    ZT_NEAR(out, 10.0, 1e-12, "log-log interpolation of a power law is exact");
    zp_interp(x, 1, y, 1, 3, 5.5, 0, "t", &out, &st);
    ZT_NEAR(out, 50.5, 1e-12, "linear interpolation");
    double xd[] = {100, 10, 1}, yd[] = {10000, 100, 1};
    zp_interp(xd, 1, yd, 1, 3, 31.6227766016838, 1, "t", &out, &st);
    ZT_NEAR(out, 1000.0, 1e-9, "descending grid");
    double xy[] = {1, 5, 10, 50, 100, 500}; /* interleaved x, y with stride 2 */
    zp_interp(xy, 2, xy + 1, 2, 3, 10.0, 0, "t", &out, &st);
    ZT_TRUE(out == 50.0, "strided columns");
    ZT_STATUS(zp_interp(x, 1, y, 1, 3, 200.0, 1, "LUX limit", &out, &st), ZP_EDOM, st,
              "LUX limit: 200 is outside the tabulated range [1, 100]", "outside the grid");
    st.code = 0;
    ZT_STATUS(zp_interp(x, 1, y, 1, 3, NAN, 1, "t", &out, &st), ZP_EDOM, st, "outside", "NaN abscissa");
    double yneg[] = {1, -1, 2};
    st.code = 0;
    ZT_STATUS(zp_interp(x, 1, yneg, 1, 3, 5.0, 1, "t", &out, &st), ZP_EDATA, st, "positive", "log of negative");
    st.code = 0;
    ZT_STATUS(zp_interp(x, 1, y, 1, 1, 1.0, 1, "t", &out, &st), ZP_EDATA, st, "two points", "one point");
}

int main(void)
{
    zp_core_init();
    snprintf(dir, sizeof dir, "/tmp/zprime-test-table-%d", (int)getpid());
    char cmd[300];
    snprintf(cmd, sizeof cmd, "mkdir -p %s", dir);
    if (system(cmd) != 0)
        return 1;
    test_parse();
    test_search_path();
    test_interp();
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        return 1;
    return ZT_DONE();
}
