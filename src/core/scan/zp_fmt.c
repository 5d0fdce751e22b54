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

/* Does the decimal text of r[0..prec-1] x 10^(rexp - prec + 1) read back as x?  Decided from
 * the 17 correctly rounded digits d17 (the value d17 x 10^(exp - 16), within half a unit u of
 * its last digit of x) without strtod when the answer is clear: the candidate lies within
 * |c - d17| +- 1/2 units of x, and x's neighbours are half a gap away on either side (a
 * quarter of the usual gap below a power of two).  1: yes, 0: no, -1: too close to call (or
 * exponents whose unit u is not a normal double): the caller asks strtod. */
static int reads_back(double x, unsigned long long d17, int exp, const char *r, int prec, int rexp)
{
    if (exp < -280 || exp > 280)
        return -1;
    unsigned long long c = 0;
    for (int i = 0; i < prec; i++)
        c = 10 * c + (unsigned long long)(r[i] - '0');
    for (int i = prec; i < 17 + (rexp - exp); i++) /* to units of 10^(exp - 16) */
        c *= 10;
    int above = c > d17;
    double diff = (double)(above ? c - d17 : d17 - c); /* exact: below 2^53 */
    /* the gap to the next double: 2^(E - 1075) for the biased exponent E, half that below a
     * power of two; in units u = 10^(exp - 16) ~ |x| / d17 (d17 >= 10^16: relative error
     * below 10^-16, far inside the margin) */
    unsigned long long bits;
    memcpy(&bits, &x, sizeof bits);
    int e = (int)((bits >> 52) & 0x7ff);
    unsigned long long gbits = (unsigned long long)(e - 52) << 52;
    double gap;
    memcpy(&gap, &gbits, sizeof gap);
    if (!above && (bits & 0xfffffffffffffULL) == 0)
        gap *= 0.5;
    double half = 0.5 * gap * (double)d17 / fabs(x);
    if (diff - 0.5 > half * (1 + 1e-9))
        return 0;
    if (diff + 0.5 < half * (1 - 1e-9))
        return 1;
    return -1;
}

/* a b = p + e exactly (Dekker's product with Veltkamp's split; ISO C compiles it without
 * fused multiply-adds, and no operand here comes near overflow). */
static void two_product(double a, double b, double *p, double *e)
{
    double ca = 134217729.0 * a, cb = 134217729.0 * b; /* 2^27 + 1 */
    double ah = ca - (ca - a), al = a - ah, bh = cb - (cb - b), bl = b - bh;
    *p = a * b;
    *e = ((ah * bh - *p) + ah * bl + al * bh) + al * bl;
}

/* The 17 significant digits of ax > 0 correctly rounded, as printf's %.16e gives them (d, from
 * 10^16 to 10^17 - 1), and the decimal exponent, by exact arithmetic where 10^(16 - exp) is an
 * exact double (ax from 10^-6 to 10^17): ax 10^k = p + e exactly, p an integer (it is at least
 * 2^53), |e| at most half its last place.  0 outside that range and on an exact tie between
 * two 17-digit numbers (the caller asks printf, which rounds ties to even). */
static int digits17(double ax, unsigned long long *d, int *exp)
{
    static const double p10[23] = { 1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                    1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };
    if (!(ax >= 1e-6 && ax < 1e17))
        return 0;
    int e2;
    (void)frexp(ax, &e2);
    int ex = (int)floor((e2 - 1) * 0.30102999566398120); /* log10(2^(e2-1)): exp or one below */
    for (int tries = 0; tries < 3; tries++) {
        int k = 16 - ex;
        if (k < 0 || k > 22)
            return 0;
        double p, e;
        two_product(ax, p10[k], &p, &e);
        if (p < 1e16 || (p == 1e16 && e < 0)) { /* ax 10^k < 10^16 */
            ex--;
            continue;
        }
        if (p > 1e17 || (p == 1e17 && e >= 0)) { /* ax 10^k >= 10^17 */
            ex++;
            continue;
        }
        double fl = floor(e), fr = e - fl;
        if (fr == 0.5)
            return 0;
        long long r = (long long)p + (long long)fl + (fr > 0.5);
        if (r == 100000000000000000LL) { /* rounded up to 10^17: 1.0000000000000000e(ex+1) */
            r = 10000000000000000LL;
            ex++;
        }
        *d = (unsigned long long)r;
        *exp = ex;
        return 1;
    }
    return 0;
}

/* Shortest decimal text (15, 16 or 17 significant digits) that reads back as exactly x:
 * one printf of 17 digits, then the 15- and 16-digit roundings of them are tried (reads_back,
 * and strtod where that cannot tell).  NaN and infinities are written "nan", "inf", "-inf". */
int zp_fmt_num(char *buf, size_t n, double x)
{
    return zp_fmt_num_strict(buf, n, x, 0);
}

int zp_fmt_num_strict(char *buf, size_t n, double x, int strict)
{
    if (isnan(x))
        return snprintf(buf, n, "nan");
    if (isinf(x))
        return snprintf(buf, n, x > 0 ? "inf" : "-inf");
    if (x == 0)
        return snprintf(buf, n, signbit(x) ? "-0" : "0");
    if (fabs(x) < 1e15 && x == (double)(long long)x)
        return snprintf(buf, n, "%lld", (long long)x);
    char dig[20];
    int neg = signbit(x) != 0, nd = 17, exp;
    unsigned long long d17;
    if (!strict && digits17(fabs(x), &d17, &exp)) {
        unsigned long long t = d17;
        for (int i = 16; i >= 0; i--, t /= 10)
            dig[i] = (char)('0' + t % 10);
    } else {
        char e17[48];
        snprintf(e17, sizeof e17, "%.16e", x);
        const char *s = e17 + neg;
        nd = 0;
        for (; *s && *s != 'e'; s++)
            if (*s >= '0' && *s <= '9')
                dig[nd++] = *s;
        exp = atoi(s + 1);
        d17 = 0;
        for (int i = 0; i < 17; i++)
            d17 = 10 * d17 + (unsigned long long)(dig[i] - '0');
    }
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
        int ok = strict ? -1 : reads_back(x, d17, exp, r, prec, rexp);
        if (ok < 0)
            ok = strtod(sci_text(test, neg, r, prec, rexp), NULL) == x;
        if (ok)
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
