/* zp_datapath.h -- the default data search path, composed the same way for every entry point.
 *
 * Order (first match wins): the directories of $ZPRIME_DATA (colon-separated, as given), the
 * source tree's data/ (runs from a build tree), then <prefix>/share/zprime/data of the
 * installed executable or module.  zp.data_path(...) in a script replaces the whole path.
 * The caller reads the environment and locates the installation; this module only joins the
 * parts, so the executable, the Lua module and the C tests share one rule.
 */
#ifndef ZP_DATAPATH_H
#define ZP_DATAPATH_H

#include <stddef.h>

#include "base/zp_status.h"

/* Join env (may be NULL or empty; kept verbatim, including directories that do not exist, so
 * a mistyped $ZPRIME_DATA shows up in error messages), then source_dir and installed_dir (each
 * only when it is an existing directory) into out (size n), colon-separated.
 * Returns ZP_OK, or ZP_EDOM when the result would not fit in n characters. */
int zp_data_compose_path(const char *env, const char *source_dir, const char *installed_dir,
                         char *out, size_t n, zp_status *st);

/* 1 when path names an existing directory. */
int zp_data_is_dir(const char *path);

#endif
