/* lzp_sys.c -- the few POSIX calls the scan machinery needs: is stderr a terminal (progress
 * bar), a monotonic clock (rate and ETA), sleeping, and worker processes for `--jobs N`
 * (fork, wait, kill, _exit), none of which plain Lua offers. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lzp.h"

/* core.isatty(fd) -> boolean */
static int l_isatty(lua_State *L)
{
    lua_pushboolean(L, isatty((int)lzp_checkrange(L, 1, 0, 1 << 30, "isatty", "fd")) == 1);
    return 1;
}

/* core.now() -> seconds of a monotonic clock */
static int l_now(lua_State *L)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    lua_pushnumber(L, (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec);
    return 1;
}

#define SLEEP_MAX 86400

/* core.sleep(seconds) */
static int l_sleep(lua_State *L)
{
    double s = luaL_checknumber(L, 1);
    if (!(s <= SLEEP_MAX)) /* NaN, inf or beyond time_t: converting it would be undefined */
        return luaL_error(L, "sleep: %f seconds is not a finite duration of at most %d s", s, SLEEP_MAX);
    if (s > 0) {
        struct timespec ts;
        ts.tv_sec = (time_t)s;
        ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
        nanosleep(&ts, NULL); /* an interrupting signal just ends the sleep early */
    }
    return 0;
}

/* core.fork() -> pid in the parent, 0 in the child; nil, message on failure.  Standard
 * streams are flushed first so buffered output is not written twice. */
static int l_fork(lua_State *L)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        lua_pushnil(L);
        lua_pushfstring(L, "cannot start a worker process: %s", strerror(errno));
        return 2;
    }
    lua_pushinteger(L, (lua_Integer)pid);
    return 1;
}

/* core.wait(pid [, nohang]) -> exit code (128 + signal when killed), or nil while running */
static int l_wait(lua_State *L)
{
    pid_t pid = (pid_t)lzp_checkrange(L, 1, 1, 1 << 30, "wait", "pid");
    int status = 0;
    pid_t r;
    do {
        r = waitpid(pid, &status, lua_toboolean(L, 2) ? WNOHANG : 0);
    } while (r < 0 && errno == EINTR && !lua_toboolean(L, 2));
    if (r == 0 || (r < 0 && errno == EINTR)) {
        lua_pushnil(L);
        return 1;
    }
    if (r < 0)
        return luaL_error(L, "wait for process %d: %s", (int)pid, strerror(errno));
    if (WIFEXITED(status))
        lua_pushinteger(L, WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        lua_pushinteger(L, 128 + WTERMSIG(status));
    else
        lua_pushinteger(L, 1);
    return 1;
}

/* core.kill(pid [, "TERM"|"INT"|"KILL"]) */
static int l_kill(lua_State *L)
{
    lua_Integer id = luaL_checkinteger(L, 1);
    if (id <= 0 || id != (pid_t)id) /* 0 and negative ids would signal whole process groups */
        return luaL_error(L, "kill: %I is not a worker process id (a positive integer)", id);
    pid_t pid = (pid_t)id;
    const char *s = luaL_optstring(L, 2, "TERM");
    int sig = strcmp(s, "INT") == 0 ? SIGINT : strcmp(s, "KILL") == 0 ? SIGKILL : SIGTERM;
    lua_pushboolean(L, kill(pid, sig) == 0);
    return 1;
}

/* core.getpid() */
static int l_getpid(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)getpid());
    return 1;
}

/* core.exit_now(code): end a worker process at once (no atexit handlers, no stdio flush of
 * buffers inherited from the parent). */
static int l_exit_now(lua_State *L)
{
    int code = (int)lzp_optrange(L, 1, 0, 0, 255, "exit_now", "exit code");
    fflush(stderr);
    _exit(code);
    return 0;
}

void zp_bind_sys(lua_State *L)
{
    static const luaL_Reg f[] = {
        {"isatty", l_isatty}, {"now", l_now},         {"sleep", l_sleep},
        {"fork", l_fork},     {"wait", l_wait},       {"kill", l_kill},
        {"getpid", l_getpid}, {"exit_now", l_exit_now}, {NULL, NULL},
    };
    luaL_setfuncs(L, f, 0);
}
