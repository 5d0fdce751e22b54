/* zp_fmt.h -- shortest round-trip decimal text of doubles (scan rows, headers, zp.fmt_num).
 *
 * The same number always gives the same bytes, and reading the text back with strtod gives
 * the same double, so a scan's CSV is reproducible byte for byte.
 */
#ifndef ZP_FMT_H
#define ZP_FMT_H

#include <stddef.h>

#define ZP_FMT_MAX 40 /* bytes a formatted number needs at most, with its terminating NUL */

/* Shortest text (15, 16 or 17 significant digits, %g style) that reads back as exactly x;
 * integers below 1e15 without a decimal point; NaN and infinities as "nan", "inf", "-inf".
 * buf holds n >= ZP_FMT_MAX bytes.  Returns the length written. */
int zp_fmt_num(char *buf, size_t n, double x);

/* zp_fmt_num with its digits from printf and every candidate decided by strtod when strict is
 * nonzero (the reference its exact arithmetic is tested against); zp_fmt_num(b, n, x) is
 * zp_fmt_num_strict(b, n, x, 0). */
int zp_fmt_num_strict(char *buf, size_t n, double x, int strict);

/* A direct-mapped cache of recently formatted numbers (keyed by their bits): grid scans repeat
 * the same axis values on every row.  Zero-initialise it before use. */
#define ZP_FMT_CACHE 2048
typedef struct {
    struct {
        double x;
        int len; /* 0: empty slot */
        char s[32];
    } slot[ZP_FMT_CACHE];
} zp_fmt_cache;

/* zp_fmt_num through the cache c. */
int zp_fmt_cached(zp_fmt_cache *c, char *buf, size_t n, double x);

#endif
