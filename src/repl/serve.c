/* serve.c -- `zprime --serve`: the interpreter driven over a framed protocol (used by the Jupyter
 * kernel in src/jupyter/).  The protocol loop is Lua (lua/zprime/serve.lua); this file gives it
 * an interruptible protected call: SIGINT while a request runs sets a hook that raises
 * "interrupted!" in the running code (as Ctrl-C at the prompt does), and SIGINT between requests
 * is ignored, so an interrupt never ends the process. */
#include <signal.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "serve.h"
#include "base/zp_interrupt.h"

static lua_State *serveL = NULL;

static void serve_stop(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    lua_sethook(L, NULL, 0, 0);
    luaL_error(L, "interrupted!");
}

static void on_interrupt(int sig)
{
    (void)sig;
    int flag = LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE | LUA_MASKCOUNT;
    zp_interrupt_request(); /* core loops (root scans) and hooked coroutines stop too */
    lua_sethook(serveL, serve_stop, flag, 1); /* stays armed: a second interrupt sets it again */
}

static void set_sigint(void (*h)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = h;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART; /* reads of the next request resume after an interrupt */
    sigaction(SIGINT, &sa, NULL);
}

/* Message handler: keep the message, add the traceback as a second string. */
static int serve_msgh(lua_State *L)
{
    if (lua_type(L, 1) != LUA_TSTRING) {
        if (!(luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING))
            lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
        lua_replace(L, 1);
    }
    lua_settop(L, 1);
    luaL_traceback(L, L, NULL, 1);
    lua_pushstring(L, "\n");
    lua_insert(L, -2);
    lua_concat(L, 3); /* message, newline, traceback: split again on the Lua side */
    return 1;
}

/* pcall(f, ...) -> true, results... | false, "message\ntraceback" -- interruptible. */
static int l_serve_pcall(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    int n = lua_gettop(L);
    lua_pushcfunction(L, serve_msgh);
    lua_insert(L, 1);
    serveL = L;
    zp_interrupt_clear();
    set_sigint(on_interrupt);
    int status = lua_pcall(L, n - 1, LUA_MULTRET, 1);
    lua_sethook(L, NULL, 0, 0); /* an interrupt that came too late to fire must not hit the next request */
    set_sigint(SIG_IGN);
    lua_pushboolean(L, status == LUA_OK);
    lua_replace(L, 1); /* the handler's slot becomes the status */
    return lua_gettop(L);
}

int zp_serve(lua_State *L)
{
    serveL = L;
    set_sigint(SIG_IGN);
    lua_getglobal(L, "require");
    lua_pushstring(L, "zprime.serve");
    if (lua_pcall(L, 1, 1, 0) != LUA_OK)
        return LUA_ERRRUN;
    lua_getfield(L, -1, "main");
    lua_pushcfunction(L, l_serve_pcall);
    int status = lua_pcall(L, 1, 0, 0);
    return status;
}
