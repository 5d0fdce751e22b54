/* zp_interrupt.h -- a request to stop, set by the front end (the REPL's SIGINT handler) and
 * polled by core loops whose length the caller controls (root scans over a user grid), so a
 * computation that would run for hours ends with ZP_EINTR instead of holding the process.
 *
 * zp_interrupt_request() is async-signal-safe.  The front end clears the request before it
 * runs the next command.  With no front end setting it, nothing changes.
 */
#ifndef ZP_INTERRUPT_H
#define ZP_INTERRUPT_H

#include "base/zp_status.h"

void zp_interrupt_request(void);
void zp_interrupt_clear(void);
int zp_interrupt_pending(void);

/* ZP_EINTR with "what: interrupted" when a request is pending, else ZP_OK. */
int zp_interrupt_check(const char *what, zp_status *st);

#endif
