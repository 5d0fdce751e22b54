/* lzp_file.c -- core.file_info(path [, nofollow]) -> kind, size in bytes, links | nil, message:
 * what a path is before Lua opens it, so zp.read_csv / zp.read_json refuse FIFOs, devices and
 * directories (which block or read forever) and files over their size cap, naming the real
 * cause; with nofollow a symbolic link is itself ("symbolic link"), so zp.scan replaces only a
 * plain file. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "lzp.h"

static int l_file_info(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    struct stat sb;
    if ((lua_toboolean(L, 2) ? lstat(path, &sb) : stat(path, &sb)) != 0) {
        lua_pushnil(L);
        lua_pushstring(L, strerror(errno));
        return 2;
    }
    const char *kind = S_ISREG(sb.st_mode)    ? "file"
                       : S_ISDIR(sb.st_mode)  ? "directory"
                       : S_ISFIFO(sb.st_mode) ? "FIFO (named pipe)"
                       : S_ISCHR(sb.st_mode)  ? "character device"
                       : S_ISBLK(sb.st_mode)  ? "block device"
                       : S_ISSOCK(sb.st_mode) ? "socket"
                       : S_ISLNK(sb.st_mode)  ? "symbolic link"
                                              : "special file";
    lua_pushstring(L, kind);
    lua_pushinteger(L, (lua_Integer)sb.st_size);
    lua_pushinteger(L, (lua_Integer)sb.st_nlink);
    return 3;
}

void zp_bind_file(lua_State *L)
{
    lua_pushcfunction(L, l_file_info), lua_setfield(L, -2, "file_info");
}
