/* test_datapath.c -- the default data search path ($ZPRIME_DATA > source data/ > installed
 * share/zprime/data) and the one-line message for a missing table. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/zp_datapath.h"
#include "base/zp_table.h"
#include "zp_test.h"

static char src[256], inst[256];

static void test_order(void)
{
    zp_status st = {0, ""};
    char out[1024], want[1024];
    ZT_TRUE(zp_data_compose_path("/env/a:/env/b", src, inst, out, sizeof out, &st) == ZP_OK, "compose");
    snprintf(want, sizeof want, "/env/a:/env/b:%s:%s", src, inst);
    ZT_TRUE(strcmp(out, want) == 0, "ZPRIME_DATA first (verbatim), then source data/, then the installation");
    ZT_TRUE(zp_data_compose_path(NULL, src, inst, out, sizeof out, &st) == ZP_OK, "no ZPRIME_DATA");
    snprintf(want, sizeof want, "%s:%s", src, inst);
    ZT_TRUE(strcmp(out, want) == 0, "without ZPRIME_DATA: source then installation");
    ZT_TRUE(zp_data_compose_path("", "/nonexistent-zprime-src/data", inst, out, sizeof out, &st) == ZP_OK &&
                strcmp(out, inst) == 0,
            "a source tree that is gone is left out");
    ZT_TRUE(zp_data_compose_path(NULL, NULL, NULL, out, sizeof out, &st) == ZP_OK && out[0] == '\0',
            "nothing at all: empty path");
    char small[8];
    st.code = 0;
    ZT_STATUS(zp_data_compose_path("/a/long/dir", NULL, NULL, small, sizeof small, &st), ZP_EDOM, st,
              "longer than 7 characters", "too long for the buffer");
    ZT_TRUE(small[0] == '\0', "no half path on failure");
    ZT_TRUE(zp_data_is_dir(src) && !zp_data_is_dir("/nonexistent-zprime") && !zp_data_is_dir(""), "is_dir");
}

static void test_message(void)
{
    zp_status st = {0, ""};
    char found[1024], path[600];
    snprintf(path, sizeof path, "/nonexistent-zprime:%s", src);
    zp_data_set_path(path);
    ZT_STATUS(zp_data_find("dof/none.tab", found, sizeof found, &st), ZP_EDATA, st, "'dof/none.tab'", "missing table");
    ZT_TRUE(strstr(st.msg, path) != NULL, "message lists every directory searched");
    ZT_TRUE(strstr(st.msg, "ZPRIME_DATA=DIR") && strstr(st.msg, "zp.data_path(\"DIR\")"), "message says how to fix it");
    ZT_TRUE(strchr(st.msg, '\n') == NULL, "one line");
    zp_data_set_path("");
    st.code = 0;
    ZT_STATUS(zp_data_find("dof/none.tab", found, sizeof found, &st), ZP_EDATA, st, "it is empty", "empty path");
    /* a table in the installed directory is found after a source directory without it */
    char f[512];
    snprintf(f, sizeof f, "%s/t.dat", inst);
    FILE *fp = fopen(f, "w");
    if (fp) {
        fputs("1 2\n3 4\n", fp);
        fclose(fp);
    }
    zp_data_compose_path(NULL, src, inst, path, sizeof path, &st);
    zp_data_set_path(path);
    st.code = 0;
    ZT_TRUE(zp_data_find("t.dat", found, sizeof found, &st) == ZP_OK && strcmp(found, f) == 0,
            "falls through to the installed directory");
    remove(f);
}

int main(void)
{
    zp_core_init();
    char base[] = "/tmp/zprime-test-datapath-XXXXXX";
    if (mkdtemp(base) == NULL)
        return 1;
    snprintf(src, sizeof src, "%s/src", base);
    snprintf(inst, sizeof inst, "%s/share", base);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s' '%s'", src, inst);
    if (system(cmd) != 0)
        return 1;
    test_order();
    test_message();
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", base);
    if (system(cmd) != 0)
        return 1;
    return ZT_DONE();
}
