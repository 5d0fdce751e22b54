/* serve.c -- `zprime --serve`: the interpreter behind the Jupyter kernel (src/kernel).
 *
 * Requests arrive on standard input as frames "KIND LENGTH\n" followed by LENGTH bytes (KIND is
 * exec, complete or inspect).  Each one is handed to zprime.serve.handle(kind, payload), which
 * runs it and writes the reply frames to the descriptor named by $ZPRIME_SERVE_FD; what the code
 * prints goes to standard output and error as usual, line-buffered so a notebook sees it while a
 * cell runs.  A request runs under zp_repl_docall, so SIGINT interrupts it exactly as Ctrl-C does
 * at the prompt; between requests SIGINT is ignored, so an interrupt that arrives late never
 * kills the interpreter.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "repl.h"

#define MAX_FRAME (64u << 20) /* a cell larger than 64 MiB is a broken client, not code */

/* Read one frame: kind (at most 15 characters) and its payload (malloc'd, NUL-terminated).
 * Returns 1, 0 at the end of input, -1 on a malformed frame. */
static int read_frame(char kind[16], char **payload, size_t *len)
{
    char head[64];
    if (fgets(head, sizeof head, stdin) == NULL)
        return 0;
    unsigned long n = 0;
    if (sscanf(head, "%15s %lu", kind, &n) != 2 || n > MAX_FRAME)
        return -1;
    *payload = malloc(n + 1);
    if (*payload == NULL)
        return -1;
    if (fread(*payload, 1, n, stdin) != n) {
        free(*payload);
        return -1;
    }
    (*payload)[n] = '\0';
    *len = n;
    return 1;
}

/* Call zprime.serve.FNAME(a, b) under a plain pcall (for the error path; no interrupts). */
static void call_plain(lua_State *L, const char *fname, const char *a, size_t alen)
{
    lua_getglobal(L, "require");
    lua_pushstring(L, "zprime.serve");
    if (lua_pcall(L, 1, 1, 0) == LUA_OK && lua_istable(L, -1)) {
        lua_getfield(L, -1, fname);
        lua_pushlstring(L, a, alen);
        if (lua_pcall(L, 1, 0, 0) != LUA_OK)
            fprintf(stderr, "zprime --serve: %s\n", lua_tostring(L, -1) ? lua_tostring(L, -1) : "error");
    } else {
        fprintf(stderr, "zprime --serve: %s\n", lua_tostring(L, -1) ? lua_tostring(L, -1) : "no zprime.serve");
    }
    lua_settop(L, 0);
}

int zp_serve(lua_State *L)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (;;) {
        char kind[16];
        char *payload = NULL;
        size_t len = 0;
        signal(SIGINT, SIG_IGN);
        int r = read_frame(kind, &payload, &len);
        if (r == 0)
            return 0;
        if (r < 0) {
            fprintf(stderr, "zprime --serve: malformed request (expected \"KIND LENGTH\\n\" and LENGTH bytes)\n");
            return 1;
        }
        lua_settop(L, 0);
        lua_getglobal(L, "require");
        lua_pushstring(L, "zprime.serve");
        int status = lua_pcall(L, 1, 1, 0);
        if (status == LUA_OK) {
            lua_getfield(L, -1, "handle");
            lua_pushstring(L, kind);
            lua_pushlstring(L, payload, len);
            status = zp_repl_docall(L, 2, 0);
        }
        if (status != LUA_OK) { /* an interrupt outside the cell's own pcall, or a broken module */
            size_t n = 0;
            const char *msg = lua_tolstring(L, -1, &n);
            call_plain(L, "fail", msg ? msg : "(error object is not a string)", msg ? n : 30);
        }
        lua_settop(L, 0);
        free(payload);
        fflush(stdout);
        fflush(stderr);
    }
}
