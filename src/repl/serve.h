/* serve.h -- `zprime --serve` (see serve.c). */
#ifndef ZP_SERVE_H
#define ZP_SERVE_H

#include <lua.h>

/* Run the framed request loop of lua/zprime/serve.lua on L until its input ends.  Returns a Lua
 * status; an error message is left on the stack. */
int zp_serve(lua_State *L);

#endif
