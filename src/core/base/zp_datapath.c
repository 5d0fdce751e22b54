/* zp_datapath.c -- composing the default data search path (see zp_datapath.h). */
#define _POSIX_C_SOURCE 200809L /* stat */
#include "base/zp_datapath.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int zp_data_is_dir(const char *path)
{
    struct stat sb;
    return path != NULL && *path != '\0' && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* Append part to out (length *len) with a ':' separator; 0 when it does not fit. */
static int append(char *out, size_t n, size_t *len, const char *part)
{
    int w = snprintf(out + *len, n - *len, "%s%s", *len ? ":" : "", part);
    if (w < 0 || (size_t)w >= n - *len)
        return 0;
    *len += (size_t)w;
    return 1;
}

int zp_data_compose_path(const char *env, const char *source_dir, const char *installed_dir,
                         char *out, size_t n, zp_status *st)
{
    if (out == NULL || n == 0)
        return zp_fail(st, ZP_EINVAL, "data search path: no output buffer");
    out[0] = '\0';
    size_t len = 0;
    const char *parts[3] = {env, source_dir, installed_dir};
    for (int i = 0; i < 3; i++) {
        if (parts[i] == NULL || parts[i][0] == '\0')
            continue;
        if (i > 0 && !zp_data_is_dir(parts[i]))
            continue;
        if (!append(out, n, &len, parts[i])) {
            out[0] = '\0';
            return zp_fail(st, ZP_EDOM, "data search path: longer than %zu characters (ZPRIME_DATA has %zu)",
                           n - 1, env ? strlen(env) : (size_t)0);
        }
    }
    return ZP_OK;
}
