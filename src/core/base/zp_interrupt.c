/* zp_interrupt.c -- the stop request of zp_interrupt.h: one sig_atomic_t flag. */
#include "base/zp_interrupt.h"

#include <signal.h>

static volatile sig_atomic_t requested = 0;

void zp_interrupt_request(void) { requested = 1; }

void zp_interrupt_clear(void) { requested = 0; }

int zp_interrupt_pending(void) { return requested != 0; }

int zp_interrupt_check(const char *what, zp_status *st)
{
    if (!requested)
        return ZP_OK;
    return zp_fail(st, ZP_EINTR, "%s: interrupted", what);
}
