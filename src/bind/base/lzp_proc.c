/* lzp_proc.c -- files and processes for scripts without a shell: creating an output directory
 * with its parents (core.mkdir_p) and starting a program with its output in a log file
 * (core.spawn; wait with core.wait).  No string ever passes through /bin/sh, so a directory
 * or file name can hold quotes, spaces, semicolons or a leading '-'. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "lzp.h"

extern char **environ;

#define LZP_PATH_MAX 4096
#define LZP_SPAWN_MAXARG 256

/* mkdir one component; an existing directory is fine. */
static int mkdir_one(const char *p)
{
    if (mkdir(p, 0777) == 0)
        return 0;
    int e = errno;
    struct stat sb;
    if (e == EEXIST && stat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
        return 0;
    errno = e == EEXIST ? ENOTDIR : e;
    return -1;
}

/* core.mkdir_p(path) -> true | nil, message: create path and its missing parents. */
static int l_mkdir_p(lua_State *L)
{
    size_t n;
    const char *path = luaL_checklstring(L, 1, &n);
    if (n == 0 || n >= LZP_PATH_MAX || strlen(path) != n)
        return luaL_error(L, "mkdir_p: expected a directory name of 1 to %d characters without NUL bytes",
                          LZP_PATH_MAX - 1);
    char buf[LZP_PATH_MAX];
    memcpy(buf, path, n + 1);
    for (char *s = buf + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        int r = mkdir_one(buf);
        *s = '/';
        if (r != 0) {
            lua_pushnil(L);
            lua_pushfstring(L, "cannot create directory '%s': %s", path, strerror(errno));
            return 2;
        }
    }
    if (mkdir_one(buf) != 0) {
        lua_pushnil(L);
        lua_pushfstring(L, "cannot create directory '%s': %s", path, strerror(errno));
        return 2;
    }
    lua_pushboolean(L, 1);
    return 1;
}

/* The environment without the variables listed in table idx (may be absent). */
static char **filtered_env(lua_State *L, int idx, char **keep, int cap)
{
    int k = 0;
    for (char **e = environ; *e && k < cap - 1; e++) {
        int drop = 0;
        if (lua_istable(L, idx)) {
            lua_Integer m = luaL_len(L, idx);
            for (lua_Integer i = 1; i <= m && !drop; i++) {
                lua_rawgeti(L, idx, i);
                const char *name = lua_tostring(L, -1);
                size_t l = name ? strlen(name) : 0;
                drop = name && strncmp(*e, name, l) == 0 && (*e)[l] == '=';
                lua_pop(L, 1);
            }
        }
        if (!drop)
            keep[k++] = *e;
    }
    keep[k] = NULL;
    return keep;
}

/* core.spawn(argv [, log [, unset]]) -> pid | nil, message.
 * argv: { program, args... } (program found on PATH unless it holds a '/'); log: file that
 * receives stdout and stderr (truncated), else both are inherited; unset: names of
 * environment variables the child does not get. */
static int l_spawn(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    const char *log = luaL_optstring(L, 2, NULL);
    if (!lua_isnoneornil(L, 3))
        luaL_checktype(L, 3, LUA_TTABLE);
    lua_Integer argc = luaL_len(L, 1);
    if (argc < 1 || argc >= LZP_SPAWN_MAXARG)
        return luaL_error(L, "spawn: argv must hold a program and at most %d arguments", LZP_SPAWN_MAXARG - 2);
    luaL_checkstack(L, (int)argc + 8, "spawn: too many arguments");
    char *argv[LZP_SPAWN_MAXARG];
    for (lua_Integer i = 1; i <= argc; i++) {
        lua_rawgeti(L, 1, i);
        if (lua_type(L, -1) != LUA_TSTRING && lua_type(L, -1) != LUA_TNUMBER)
            return luaL_error(L, "spawn: argv[%d] must be a string, got %s", (int)i, luaL_typename(L, -1));
        argv[i - 1] = (char *)lua_tostring(L, -1); /* kept alive: stays on the stack */
    }
    argv[argc] = NULL;
    if (log) { /* say which file is the problem, not "cannot start" */
        int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0666);
        if (fd < 0) {
            lua_pushnil(L);
            lua_pushfstring(L, "cannot write the log '%s': %s", log, strerror(errno));
            return 2;
        }
        close(fd);
    }
    static char *envp[4096];
    filtered_env(L, 3, envp, 4096);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    if (log) {
        posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0666);
        posix_spawn_file_actions_adddup2(&fa, 1, 2);
    }
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, envp);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        lua_pushnil(L);
        lua_pushfstring(L, "cannot start '%s': %s", argv[0], strerror(rc));
        return 2;
    }
    lua_pushinteger(L, (lua_Integer)pid);
    return 1;
}

/* core.ncpu() -> number of online processors (at least 1) */
static int l_ncpu(lua_State *L)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    lua_pushinteger(L, n > 0 ? (lua_Integer)n : 1);
    return 1;
}

void zp_bind_proc(lua_State *L)
{
    static const luaL_Reg f[] = {
        {"mkdir_p", l_mkdir_p}, {"spawn", l_spawn}, {"ncpu", l_ncpu}, {NULL, NULL},
    };
    luaL_setfuncs(L, f, 0);
}
