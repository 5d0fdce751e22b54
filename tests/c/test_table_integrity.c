/* test_table_integrity.c -- the table cache never frees a table a module still uses, and corrupt,
 * truncated, implausible or special files are refused with a message naming file, line and
 * column.  Each case reproduces an input of the reliability audit. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/zp_table.h"
#include "dm/cmb.h"
#include "dm/dmlimits.h"
#include "dm/relic.h"
#include "indirect/pppc.h"
#include "zp_test.h"

static char dir[256];    /* scratch data directory, first on the search path */
static char shipped[1024];

static void set_path(int with_scratch)
{
    char p[1400];
    if (with_scratch)
        snprintf(p, sizeof p, "%s:%s", dir, shipped);
    else
        snprintf(p, sizeof p, "%s", shipped);
    zp_data_set_path(p);
}

static void write_at(const char *rel, const char *text, size_t n)
{
    char path[1400], cmd[1500];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    char *slash = strrchr(path, '/');
    *slash = '\0';
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
    if (system(cmd) != 0)
        return;
    *slash = '/';
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(text, 1, n, f);
        fclose(f);
    }
}

static void write_text(const char *rel, const char *text) { write_at(rel, text, strlen(text)); }

static void remove_at(const char *rel)
{
    char path[1400];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    remove(path);
}

/* The shipped file rel, read whole (malloc'ed, NUL-terminated); its length in *n. */
static char *slurp_shipped(const char *rel, size_t *n)
{
    char path[1400];
    snprintf(path, sizeof path, "%s/%s", shipped, rel);
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)len + 1);
    if (b && fread(b, 1, (size_t)len, f) != (size_t)len) {
        free(b);
        b = NULL;
    }
    fclose(f);
    if (b)
        b[len] = '\0', *n = (size_t)len;
    return b;
}

/* Reading 64+ distinct tables (and a name of >= 512 characters) must not free the tables that
 * the cached PPPC grids and f_eff curves point at. */
static void test_no_use_after_free(void)
{
    zp_status st = {0, ""};
    set_path(1);
    double f0, f1;
    ZT_TRUE(zp_cmb_feff("b", 100, &f0, &st) == ZP_OK, "f_eff(b, 100 GeV) before");
    char rel[64];
    for (int i = 0; i < 70; i++) {
        snprintf(rel, sizeof rel, "many/t%02d.dat", i);
        write_text(rel, "1 2\n3 4\n");
        ZT_TRUE(zp_table_get(rel, &st) != NULL, "one of 70 distinct tables");
    }
    char longname[700] = "long/";
    while (strlen(longname) < 600)
        strcat(longname, "abcdefghi/");
    strcat(longname, "x.dat");
    write_text(longname, "5 6\n7 8\n");
    const zp_table *a = zp_table_get(longname, &st), *b = zp_table_get(longname, &st);
    ZT_TRUE(a != NULL && a == b, "a 600-character name hits the cache (full names compared)");
    ZT_TRUE(zp_cmb_feff("b", 101, &f1, &st) == ZP_OK, "f_eff(b, 101 GeV) after 70 other tables");
    ZT_NEAR(f1, f0, 0.02, "f_eff barely moves between 100 and 101 GeV");
    ZT_TRUE(zp_cmb_feff("b", 100, &f1, &st) == ZP_OK && f1 == f0, "f_eff(b, 100 GeV) unchanged");
}

/* PPPC grids: one held by a caller stays valid while 20 other grids are built (the grid cache
 * held 16 and freed the oldest), and a name of 600 characters is found again. */
static void test_pppc_grids_stay(void)
{
    zp_status st = {0, ""};
    set_path(1);
    const char *src = "pppc4dmid/AtProductionNoEW_antiprotons.dat";
    char cmd[6000], rel[800];
    const zp_pppc *first = NULL;
    int ch = -1;
    double v0 = NAN, v1 = NAN;
    for (int i = 0; i < 20; i++) {
        snprintf(rel, sizeof rel, "grids/g%02d.dat", i);
        snprintf(cmd, sizeof cmd, "mkdir -p '%s/grids' && ln -sf '%s/%s' '%s/%s'", dir, shipped, src, dir, rel);
        ZT_TRUE(system(cmd) == 0, "link a PPPC table under another name");
        const zp_pppc *g = zp_pppc_get(rel, &st);
        ZT_TRUE(g != NULL, "PPPC grid under a new name");
        if (i == 0 && g != NULL) {
            first = g;
            zp_pppc_channel(g, "b", &ch, &st);
            zp_pppc_dNdlog10x(g, ch, 1000, -2, &v0, &st);
        }
    }
    if (first != NULL && ch >= 0)
        ZT_TRUE(zp_pppc_dNdlog10x(first, ch, 1000, -2, &v1, &st) == ZP_OK && v1 == v0,
                "the first grid is still valid after 20 more");
    char longname[800] = "grids/";
    while (strlen(longname) < 600)
        strcat(longname, "abcdefghi/");
    snprintf(cmd, sizeof cmd, "mkdir -p '%s/%s' && ln -sf '%s/%s' '%s/%sx.dat'", dir, longname, shipped, src, dir, longname);
    ZT_TRUE(system(cmd) == 0, "link under a 600-character name");
    strcat(longname, "x.dat");
    const zp_pppc *a = zp_pppc_get(longname, &st), *b = zp_pppc_get(longname, &st);
    ZT_TRUE(a != NULL && a == b, "a 600-character PPPC name is found again (full names compared)");
}

static void test_malformed(void)
{
    zp_status st = {0, ""};
    set_path(1);
    write_text("bad/sep.dat", ",\n,,\n");
    ZT_STATUS(zp_table_get("bad/sep.dat", &st) == NULL ? ZP_EDATA : ZP_OK, ZP_EDATA, st,
              "line 1 holds separators but no numbers", "separator-only rows");
    st.code = 0;
    ZT_TRUE(zp_relic_dof_get("bad/sep.dat", &st) == NULL && st.code == ZP_EDATA, "separator-only g* table refused, no crash");
    write_text("bad/two.dat", "1,2\n3,4\n5,6\n7,8\n9,10\n");
    st.code = 0;
    ZT_TRUE(zp_relic_dof_get("bad/two.dat", &st) == NULL && strstr(st.msg, "needs columns T[GeV] heff geff") != NULL,
            "a g* table of two columns: 'needs columns T[GeV] heff geff'");
    st.code = 0;
    write_text("bad/cut.dat", "1 0.5\n2 0.25\n3 0.1");
    ZT_STATUS(zp_table_get("bad/cut.dat", &st) == NULL ? ZP_EDATA : ZP_OK, ZP_EDATA, st,
              "line 3 is cut short: the file does not end with a newline", "partial last line");
    st.code = 0;
    write_text("bad/huge.dat", "1 2\n3 1e400\n");
    ZT_STATUS(zp_table_get("bad/huge.dat", &st) == NULL ? ZP_EDATA : ZP_OK, ZP_EDATA, st,
              "line 2 column 2: inf is not a finite number", "overflowing cell");
    st.code = 0;
    char *longline = malloc(70000);
    memset(longline, '1', 69998);
    longline[69998] = '\n', longline[69999] = '\0';
    write_text("bad/long.dat", longline);
    free(longline);
    ZT_STATUS(zp_table_get("bad/long.dat", &st) == NULL ? ZP_EDATA : ZP_OK, ZP_EDATA, st,
              "line 1 is longer than", "a line longer than the buffer is not split silently");
    /* a MANIFEST beside the data vouches for a last line without newline, and catches a copy
     * cut at a line boundary */
    write_text("MANIFEST", "# test\n16 ok/nonl.dat\n99 ok/short.dat\n");
    write_text("ok/nonl.dat", "1 0.5\n2 0.25\n3 4");
    write_text("ok/short.dat", "1 0.5\n2 0.25\n");
    st.code = 0;
    const zp_table *t = zp_table_get("ok/nonl.dat", &st);
    ZT_TRUE(t != NULL && t->nrow == 3, "listed with its size: accepted without a final newline");
    ZT_STATUS(zp_table_get("ok/short.dat", &st) == NULL ? ZP_EDATA : ZP_OK, ZP_EDATA, st,
              "has 13 bytes but", "size differs from the MANIFEST");
    remove_at("MANIFEST");
}

static void test_special_files(void)
{
    zp_status st = {0, ""};
    set_path(1);
    ZT_STATUS(zp_table_get("/dev/zero", &st) == NULL ? ZP_EDATA : ZP_OK, ZP_EDATA, st,
              "'/dev/zero' is a character device; only regular files are read", "/dev/zero refused");
    char path[1400];
    snprintf(path, sizeof path, "%s/fifo.dat", dir);
    ZT_TRUE(mkfifo(path, 0600) == 0, "mkfifo");
    st.code = 0;
    ZT_STATUS(zp_table_get("fifo.dat", &st) == NULL ? ZP_EDATA : ZP_OK, ZP_EDATA, st,
              "is a FIFO (named pipe)", "a FIFO is refused without blocking");
    snprintf(path, sizeof path, "%s/big.dat", dir);
    FILE *f = fopen(path, "w");
    int ok = f != NULL && ftruncate(fileno(f), 300LL * 1024 * 1024) == 0; /* sparse: no disk used */
    if (f)
        fclose(f);
    ZT_TRUE(ok, "sparse 300 MiB file");
    st.code = 0;
    ZT_STATUS(zp_table_get("big.dat", &st) == NULL ? ZP_EDATA : ZP_OK, ZP_EDATA, st,
              "has 314572800 bytes, more than the limit", "size cap");
    remove(path);
    /* a directory of the same name earlier in the path does not mask the file in a later one */
    write_text("mask/x", "");
    char d2[400], p2[2000];
    snprintf(d2, sizeof d2, "%s-second", dir);
    snprintf(p2, sizeof p2, "mkdir -p '%s/cmb_feff' && mkdir -p '%s/mask/cmb_feff/f_eff_g.dat'", d2, dir);
    ZT_TRUE(system(p2) == 0, "directory named like a table");
    snprintf(p2, sizeof p2, "%s/mask:%s", dir, shipped);
    zp_data_set_path(p2);
    st.code = 0;
    const zp_table *t = zp_table_get(ZP_CMB_FEFF_G, &st);
    ZT_TRUE(t != NULL && strstr(t->path, shipped) == t->path, "the shipped f_eff table behind a directory of its name");
    snprintf(p2, sizeof p2, "rm -rf '%s'", d2);
    if (system(p2) != 0)
        ZT_TRUE(0, "cleanup");
    if (geteuid() != 0) { /* root reads anything: the permission case needs an ordinary user */
        write_text("locked.dat", "1 2\n");
        snprintf(path, sizeof path, "%s/locked.dat", dir);
        chmod(path, 0);
        set_path(1);
        st.code = 0;
        ZT_STATUS(zp_table_get("locked.dat", &st) == NULL ? ZP_EDATA : ZP_OK, ZP_EDATA, st,
                  "cannot be read: Permission denied", "unreadable, not 'not found'");
    }
    set_path(1);
}

/* Copies of shipped tables, altered as in the audit, placed first on the path. */
static void test_implausible_values(void)
{
    zp_status st = {0, ""};
    size_t n;
    double f;
    set_path(1);
    /* f_eff_ep.dat cut mid-number: f_eff(b, 100 GeV) would be 0.270 instead of 0.204 */
    char *ep = slurp_shipped(ZP_CMB_FEFF_E, &n);
    ZT_TRUE(ep != NULL, "read the shipped f_eff table");
    if (ep == NULL)
        return;
    write_at(ZP_CMB_FEFF_E, ep, n - 12);
    ZT_STATUS(zp_cmb_feff("b", 100, &f, &st), ZP_EDATA, st, "is cut short", "f_eff table cut mid-number");
    /* one cell of 1e308 gave f_eff = 6.6e294 */
    char *mod = malloc(n + 16);
    char *comma = strchr(strstr(ep, "\n5020"), ',');
    size_t pre = (size_t)(comma + 1 - ep);
    memcpy(mod, ep, pre);
    size_t rest = strcspn(comma + 1, "\n");
    int w = snprintf(mod + pre, 16, "1e308");
    memcpy(mod + pre + w, comma + 1 + rest, n - pre - rest);
    write_at(ZP_CMB_FEFF_E, mod, n - rest + (size_t)w);
    st.code = 0;
    ZT_STATUS(zp_cmb_feff("b", 100, &f, &st), ZP_EDATA, st, "0 <= f_eff <= 1", "f_eff of 1e308 refused");
    ZT_TRUE(strstr(st.msg, "row 1") != NULL, "the message names the row");
    free(mod);
    /* zp.data_path(new) affects tables already read: f_eff = 1/2 everywhere in a stand-in */
    write_text(ZP_CMB_FEFF_E, "1e3,0.5\n1e13,0.5\n");
    write_text(ZP_CMB_FEFF_G, "1e3,0.5\n1e13,0.5\n");
    set_path(0);
    double f_ship, f_half, f_back;
    st.code = 0;
    ZT_TRUE(zp_cmb_feff("b", 100, &f_ship, &st) == ZP_OK, "f_eff with the shipped tables");
    ZT_NEAR(f_ship, 0.204, 0.003, "f_eff(b, 100 GeV) = 0.204 (the audit's reference, 3 digits)");
    set_path(1);
    ZT_TRUE(zp_cmb_feff("b", 100, &f_half, &st) == ZP_OK, "f_eff with the stand-in first on the path");
    double pe, pg;
    zp_cmb_energy_fractions("b", 100, &pe, &pg, &st);
    ZT_NEAR(f_half, 0.5 * (pe + pg), 1e-6, "constant f_eff = 1/2: f_eff = (frac_e + frac_gamma)/2");
    set_path(0);
    ZT_TRUE(zp_cmb_feff("b", 100, &f_back, &st) == ZP_OK && f_back == f_ship, "back to the shipped tables");
    remove_at(ZP_CMB_FEFF_E);
    remove_at(ZP_CMB_FEFF_G);
    free(ep);
    /* shuffled PandaX rows gave a 10x wrong limit (the binary search assumes sorted masses) */
    const char *px = "limits/direct_detection/PandaX_SI_arxiv_Jul2016.dat";
    char *pd = slurp_shipped(px, &n);
    ZT_TRUE(pd != NULL, "read PandaX");
    if (pd) {
        char *l2 = strchr(pd, '\n') + 1, *l3 = strchr(l2, '\n') + 1, *l4 = strchr(l3, '\n') + 1;
        char *sw = malloc(n + 2);
        size_t a = (size_t)(l2 - pd), b = (size_t)(l3 - l2), c = (size_t)(l4 - l3);
        memcpy(sw, pd, a);
        memcpy(sw + a, l3, c);
        memcpy(sw + a + c, l2, b);
        memcpy(sw + a + b + c, l4, n - a - b - c);
        sw[n] = '\n'; /* no manifest in the scratch directory: end with a newline */
        write_at(px, sw, n + 1);
        set_path(1);
        st.code = 0;
        ZT_STATUS(zp_dmlimit_eval("pandax2016", 100, &f, &st), ZP_EDATA, st, "rows 2 and 3 are not strictly",
                  "shuffled limit table refused");
        ZT_TRUE(strstr(st.msg, "PandaX_SI_arxiv_Jul2016.dat' column 1") != NULL, "the message names file and column");
        free(sw);
        remove_at(px);
        free(pd);
    }
    /* a 1e308 in the g* table changed Omega h^2 */
    write_text("dof/bad_thg.tab", "1e-3 3.9 3.4\n1e-2 10.7 10.7\n1e-1 17 1e308\n1 60 60\n10 90 90\n");
    st.code = 0;
    ZT_TRUE(zp_relic_dof_get("dof/bad_thg.tab", &st) == NULL, "g* of 1e308 refused");
    ZT_TRUE(strstr(st.msg, "row 3") != NULL && strstr(st.msg, "must be finite and in (0, 1000]") != NULL, st.msg);
    /* zp.data_path(new) reaches the g* interpolants: a stand-in std table with g_eff = 2 h_eff... */
    const zp_relic_dof *d_ship = zp_relic_dof_get("std", &st);
    write_text("dof/std_thg.tab", "1e-5 3.9 7.8\n1e-3 3.9 7.8\n1e-1 20 40\n10 100 200\n1e3 106 212\n");
    set_path(1);
    st.code = 0;
    const zp_relic_dof *d_new = zp_relic_dof_get("std", &st);
    ZT_TRUE(d_new != NULL && d_new != d_ship, "a new search path gives the stand-in g* table");
    double ge = 0, he = 0, sg = 0;
    if (d_new)
        zp_relic_dof_eval(d_new, 1e-3, &ge, &he, &sg);
    ZT_NEAR(ge, 7.8, 1e-9, "g_eff of the stand-in at a node");
    set_path(0);
    ZT_TRUE(zp_relic_dof_get("std", &st) == d_ship, "back on the shipped path: the shipped g* object again");
    remove_at("dof/std_thg.tab");
    set_path(1);
    /* a name too long for the g* cache is refused, not rebuilt (and kept) on every call */
    char longdof[700];
    memset(longdof, 'a', 600);
    longdof[600] = '\0';
    st.code = 0;
    ZT_STATUS(zp_relic_dof_get(longdof, &st) == NULL ? ZP_EINVAL : ZP_OK, ZP_EINVAL, st, "more than 511",
              "600-character g* table name");
    set_path(0);
}

int main(void)
{
    zp_core_init();
    const char *data = zt_data_dir();
    size_t n = strlen(data);
    if (n >= sizeof shipped) {
        fprintf(stderr, "the data path has %zu characters, more than this test's %zu\n", n, sizeof shipped - 1);
        return 1;
    }
    memcpy(shipped, data, n + 1);
    snprintf(dir, sizeof dir, "/tmp/zprime-test-integrity-%d", (int)getpid());
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", dir, dir);
    if (system(cmd) != 0)
        return 1;
    test_no_use_after_free();
    test_pppc_grids_stay();
    test_malformed();
    test_special_files();
    test_implausible_values();
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        return 1;
    return ZT_DONE();
}
