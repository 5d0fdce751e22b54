/* zp_status.c -- error reporting for the zprime core. */
#include "base/zp_status.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>

int zp_fail(zp_status *st, int code, const char *fmt, ...)
{
    if (st == NULL)
        return code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->msg, sizeof st->msg, fmt, ap);
    va_end(ap);
    st->code = code;
    return code;
}

int zp_prefix(zp_status *st, const char *what)
{
    if (st == NULL || st->code == ZP_OK)
        return st ? st->code : ZP_OK;
    char tmp[ZP_MSG_LEN];
    size_t lw = strlen(what);
    if (lw > ZP_MSG_LEN / 2)
        lw = ZP_MSG_LEN / 2;
    memcpy(tmp, what, lw);
    tmp[lw] = ':';
    tmp[lw + 1] = ' ';
    size_t room = ZP_MSG_LEN - lw - 3;
    size_t lm = 0;
    while (lm < room && st->msg[lm] != '\0')
        lm++;
    memcpy(tmp + lw + 2, st->msg, lm);
    tmp[lw + 2 + lm] = '\0';
    memcpy(st->msg, tmp, sizeof tmp);
    return st->code;
}

const char *zp_status_name(int code)
{
    switch (code) {
    case ZP_OK: return "ok";
    case ZP_EDOM: return "out of range";
    case ZP_ENOSOL: return "no solution";
    case ZP_EDATA: return "data error";
    case ZP_ENUM: return "numerical failure";
    case ZP_EINVAL: return "invalid argument";
    case ZP_ENOMEM: return "out of memory";
    case ZP_EINTR: return "interrupted";
    default: return "unknown error";
    }
}

void zp_core_init(void)
{
    gsl_set_error_handler_off();
}

int zp_check_range(const char *name, double x, double lo, double hi, const char *unit,
                   zp_status *st)
{
    if (isfinite(x) && x >= lo && x <= hi)
        return ZP_OK;
    return zp_fail(st, ZP_EDOM, "%s = %g %s is outside its allowed range [%g, %g] %s", name, x,
                   unit, lo, hi, unit);
}
