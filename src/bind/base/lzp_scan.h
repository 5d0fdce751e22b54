/* lzp_scan.h -- the scan plan object of the binding (lzp_scan_plan.c), registered by zp_bind_scan. */
#ifndef LZP_SCAN_H
#define LZP_SCAN_H

#include <lua.h>

/* Add core.scan_plan and core.csv_rows to the table on top of the stack. */
void lzp_bind_scan_plan(lua_State *L);

#endif
