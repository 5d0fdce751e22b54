/* test_interrupt.c -- the core stop request: a root scan polls it and ends with ZP_EINTR, and
 * without a request the same scan runs to its end. */
#include <math.h>

#include "base/zp_interrupt.h"
#include "dm/sommerfeld.h"
#include "zp_test.h"

int main(void)
{
    zp_core_init();
    zp_status st = {0, ""};
    double roots[16];
    int n = -1;
    ZT_TRUE(!zp_interrupt_pending(), "no request at start");
    zp_interrupt_request();
    ZT_TRUE(zp_interrupt_pending(), "request pending");
    ZT_STATUS(zp_sommerfeld_mphi_roots(ZP_S_HULTHEN, 10, 0.01, 1e-3, 1000, 1e-3, 10, 1000000, roots, 16, &n, &st),
              ZP_EINTR, st, "S_mphi_roots: interrupted", "a pending request stops the root scan at once");
    ZT_TRUE(zp_interrupt_check("x", &st) == ZP_EINTR, "zp_interrupt_check reports it");
    zp_interrupt_clear();
    st.code = 0;
    ZT_TRUE(zp_sommerfeld_mphi_roots(ZP_S_HULTHEN, 10, 0.01, 1e-3, 1000, 1e-3, 10, 200, roots, 16, &n, &st) == ZP_OK,
            "after clearing, the scan runs to its end");
    ZT_TRUE(zp_interrupt_check("x", &st) == ZP_OK, "nothing pending");
    st.code = 0;
    ZT_STATUS(zp_sommerfeld_mphi_roots(ZP_S_HULTHEN, 10, 0.01, 1e-3, 1000, 1e-3, 10, ZP_SOMM_NGRID_MAX + 1, roots,
                                       16, &n, &st),
              ZP_EDOM, st, "must be from 2 to 1000000", "ngrid above the cap");
    ZT_TRUE(strcmp(zp_status_name(ZP_EINTR), "interrupted") == 0, "status name");
    return ZT_DONE();
}
