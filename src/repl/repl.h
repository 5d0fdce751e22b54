/* repl.h -- functions shared by the files of the zprime executable (src/repl). */
#ifndef ZP_REPL_H
#define ZP_REPL_H

#include <lua.h>

/* lua_pcall of the function below the narg arguments on top of the stack, with the traceback
 * message handler and Ctrl-C (SIGINT, SIGTERM) raising "interrupted!" inside Lua while it runs;
 * both signals are back to their default action afterwards.  Returns the lua_pcall status. */
int zp_repl_docall(lua_State *L, int narg, int nres);

/* `zprime --serve`: read framed requests on standard input and answer them through
 * zprime.serve (the protocol of the Jupyter kernel, docs/notebook.md).  Returns the exit code. */
int zp_serve(lua_State *L);

#endif
