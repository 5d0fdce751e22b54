/* zp_fmt.c -- shortest round-trip decimal text of doubles (see zp_fmt.h). */
#include "scan/zp_fmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Write the decimal digits dig[0..nd-1] (value 0.d1d2... x 10^(exp+1)) in the style of
 * printf's %.<prec>g: trailing zeros dropped, scientific notation outside 1e-4 <= |x| < 10^prec. */
static int emit_g(char *buf, size_t n, int neg, const char *dig, int nd, int exp, int prec)
{
    while (nd > 1 && dig[nd - 1] == '0')
        nd--;
    char *o = buf, *end = buf + n - 8;
    if (neg)
        *o++ = '-';
    if (exp < -4 || exp >= prec) {
        *o++ = dig[0];
        if (nd > 1) {
            *o++ = '.';
            for (int i = 1; i < nd && o < end; i++)
                *o++ = dig[i];
        }
        return (int)(o - buf) + snprintf(o, 8, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    }
    if (exp < 0) {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -exp - 1; i++)
            *o++ = '0';
        for (int i = 0; i < nd && o < end; i++)
            *o++ = dig[i];
    } else {
        for (int i = 0; i <= exp; i++)
            *o++ = i < nd ? dig[i] : '0';
        if (nd > exp + 1) {
            *o++ = '.';
            for (int i = exp + 1; i < nd && o < end; i++)
                *o++ = dig[i];
        }
    }
    *o = '\0';
    return (int)(o - buf);
}

/* "-d.ddd...e<exp>" from the digits r[0..nd-1] into t (at least 48 bytes). */
static const char *sci_text(char *t, int neg, const char *r, int nd, int exp)
{
    char *o = t;
    if (neg)
        *o++ = '-';
    *o++ = r[0];
    *o++ = '.';
    memcpy(o, r + 1, (size_t)nd - 1);
    o += nd - 1;
    *o++ = 'e';
    if (exp < 0) {
        *o++ = '-';
        exp = -exp;
    }
    char tmp[8];
    int k = 0;
    do {
        tmp[k++] = (char)('0' + exp % 10);
        exp /= 10;
    } while (exp > 0 && k < 7);
    while (k > 0)
        *o++ = tmp[--k];
    *o = '\0';
    return t;
}

/* Shortest decimal text (15, 16 or 17 significant digits) that reads back as exactly x:
 * one printf of 17 digits, then the 15- and 16-digit roundings of them are tried with strtod.
 * NaN and infinities are written "nan", "inf", "-inf". */
int zp_fmt_num(char *buf, size_t n, double x)
{
    if (isnan(x))
        return snprintf(buf, n, "nan");
    if (isinf(x))
        return snprintf(buf, n, x > 0 ? "inf" : "-inf");
    if (x == 0)
        return snprintf(buf, n, signbit(x) ? "-0" : "0");
    if (fabs(x) < 1e15 && x == (double)(long long)x)
        return snprintf(buf, n, "%lld", (long long)x);
    char e17[48], dig[20];
    snprintf(e17, sizeof e17, "%.16e", x);
    const char *s = e17;
    int neg = *s == '-';
    if (neg)
        s++;
    int nd = 0;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9')
            dig[nd++] = *s;
    int exp = atoi(s + 1);
    for (int prec = 15; prec <= 16; prec++) {
        char r[20], test[48];
        int rexp = exp;
        memcpy(r, dig, (size_t)prec);
        int tie = dig[prec] == '5';
        for (int i = prec + 1; i < nd; i++)
            tie = tie && dig[i] == '0';
        if (tie) { /* a tie in the 17-digit text: let printf round the exact value (rare) */
            for (int p = prec; p <= 17; p++) {
                int w = snprintf(buf, n, "%.*g", p, x);
                if (p == 17 || strtod(buf, NULL) == x)
                    return w;
            }
        }
        if (dig[prec] >= '5') { /* round half up on the 17-digit text; strtod checks the result */
            int i = prec - 1;
            while (i >= 0 && r[i] == '9')
                r[i--] = '0';
            if (i >= 0) {
                r[i]++;
            } else {
                memmove(r + 1, r, (size_t)prec - 1);
                r[0] = '1';
                rexp++;
            }
        }
        if (strtod(sci_text(test, neg, r, prec, rexp), NULL) == x)
            return emit_g(buf, n, neg, r, prec, rexp, prec);
    }
    return emit_g(buf, n, neg, dig, 17, exp, 17);
}

int zp_fmt_cached(zp_fmt_cache *c, char *buf, size_t n, double x)
{
    unsigned long long bits;
    memcpy(&bits, &x, sizeof bits);
    bits ^= bits >> 29;
    bits *= 0xbf58476d1ce4e5b9ULL;
    bits ^= bits >> 32;
    unsigned h = (unsigned)(bits % ZP_FMT_CACHE);
    if (c->slot[h].len > 0 && memcmp(&c->slot[h].x, &x, sizeof x) == 0) {
        memcpy(buf, c->slot[h].s, (size_t)c->slot[h].len + 1);
        return c->slot[h].len;
    }
    int w = zp_fmt_num(buf, n, x);
    if (w > 0 && w < (int)sizeof c->slot[h].s) {
        c->slot[h].x = x;
        c->slot[h].len = w;
        memcpy(c->slot[h].s, buf, (size_t)w + 1);
    }
    return w;
}
