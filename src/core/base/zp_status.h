/* zp_status.h -- status codes and one-sentence error messages of the zprime core.
 *
 * Every core function that can fail takes a zp_status * as its last argument, returns one
 * of the codes below and, on failure, writes a one-sentence message naming the quantity,
 * its value with unit and the allowed range (CLASS include/common.h style).  The core never
 * aborts or exits; the GSL error handler is switched off by zp_core_init().
 */
#ifndef ZP_STATUS_H
#define ZP_STATUS_H

enum {
    ZP_OK = 0,
    ZP_EDOM = 1,   /* an input is outside its allowed range or not finite */
    ZP_ENOSOL = 2, /* an equation has no solution for these inputs */
    ZP_EDATA = 3,  /* a data table is missing or malformed */
    ZP_ENUM = 4,   /* a numerical method failed (integration, ODE, root finding) */
    ZP_EINVAL = 5, /* an invalid argument (unknown name, bad option) */
    ZP_ENOMEM = 6, /* out of memory */
    ZP_EINTR = 7   /* stopped by an interrupt request (zp_interrupt.h) */
};

#define ZP_MSG_LEN 1024 /* room for a missing table's message with every searched directory */

typedef struct {
    int code;               /* one of the codes above; ZP_OK on success */
    char msg[ZP_MSG_LEN];   /* message, valid when code != ZP_OK */
} zp_status;

/* Record a failure: formats msg printf-style, stores code, returns code.  Safe with st == NULL. */
int zp_fail(zp_status *st, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Prefix the existing message with "what: " (CLASS's class_call habit). Returns st->code. */
int zp_prefix(zp_status *st, const char *what);

/* Name of a status code, e.g. "out of range". */
const char *zp_status_name(int code);

/* Switch off GSL's aborting error handler (idempotent).  Call once before using the core. */
void zp_core_init(void);

/* Return ZP_EDOM with a message unless lo <= x <= hi and x is finite. */
int zp_check_range(const char *name, double x, double lo, double hi, const char *unit,
                   zp_status *st);

#endif
