/* lzp_datapath.c -- the default data search path of the executable and of the Lua module.
 *
 * The installation is found at run time from the object this code lives in: the executable
 * (/proc/self/exe, <prefix>/bin/zprime -> <prefix>/share/zprime/data) or, when built as the
 * module zprime.core for plain lua5.4, the shared object itself (dladdr,
 * <prefix>/lib/lua/5.4/zprime/core.so -> <prefix>/share/zprime/data).  So
 * `cmake --install build --prefix X` works for any X, and a moved prefix keeps working.
 */
#define _GNU_SOURCE /* dladdr, realpath, readlink */
#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lzp.h"
#include "base/zp_datapath.h"
#include "base/zp_table.h"

#ifndef ZPRIME_DATA_DEFAULT
#define ZPRIME_DATA_DEFAULT ""
#endif

#ifdef ZPRIME_BUILD_MODULE
#define LZP_DATA_REL "/../../../../share/zprime/data" /* from lib/lua/5.4/zprime/ */
#else
#define LZP_DATA_REL "/../share/zprime/data"          /* from bin/ */
#endif

/* The absolute path of the file holding this code (executable or module) into out, or "". */
static void self_path(char *out, size_t n)
{
    out[0] = '\0';
#ifdef ZPRIME_BUILD_MODULE
    Dl_info info;
    char buf[PATH_MAX];
    if (dladdr((void *)&lzp_data_init, &info) && info.dli_fname && realpath(info.dli_fname, buf))
        snprintf(out, n, "%s", buf);
#else
    ssize_t len = readlink("/proc/self/exe", out, n - 1);
    out[len > 0 ? (size_t)len : 0] = '\0';
#endif
}

/* <prefix>/share/zprime/data of the installation this code runs from, resolved, or "". */
static void installed_data_dir(char *out, size_t n)
{
    char self[PATH_MAX], cand[PATH_MAX + 64];
    out[0] = '\0';
    self_path(self, sizeof self);
    char *slash = strrchr(self, '/');
    if (slash == NULL)
        return;
    *slash = '\0';
    snprintf(cand, sizeof cand, "%s%s", self, LZP_DATA_REL);
    char resolved[PATH_MAX];
    if (realpath(cand, resolved) && zp_data_is_dir(resolved))
        snprintf(out, n, "%s", resolved);
}

void lzp_data_init(void)
{
    char inst[PATH_MAX], path[4096];
    zp_status st = {0, ""};
    installed_data_dir(inst, sizeof inst);
    if (zp_data_compose_path(getenv("ZPRIME_DATA"), ZPRIME_DATA_DEFAULT, inst, path, sizeof path, &st) != ZP_OK) {
        /* an over-long $ZPRIME_DATA: say so once and fall back to the shipped data */
        fprintf(stderr, "zprime: %s; ignoring ZPRIME_DATA\n", st.msg);
        zp_data_compose_path(NULL, ZPRIME_DATA_DEFAULT, inst, path, sizeof path, &st);
    }
    zp_data_set_path(path);
}
