/* test_registry.c -- parameters, observable registry, name lookup, status messages. */
#include <math.h>
#include <string.h>

#include "base/zp_params.h"
#include "base/zp_registry.h"
#include "zp_test.h"

static void test_params(void)
{
    zp_params p;
    zp_params_default(&p);
    for (int i = 0; i < ZP_NPARAM; i++) {
        const zp_param_def *d = &zp_param_defs[i];
        char what[128];
        snprintf(what, sizeof what, "default of %s inside its range", d->name);
        ZT_TRUE(d->def >= d->min && d->def <= d->max && d->min < d->max, what);
        snprintf(what, sizeof what, "%s has unit, doc and reference", d->name);
        ZT_TRUE(d->unit[0] && d->doc[0] && d->ref[0], what);
        ZT_TRUE(zp_param_find(d->name) == i, "zp_param_find finds every parameter by name");
        for (int j = 0; j < i; j++)
            ZT_TRUE(strcmp(zp_param_defs[j].name, d->name) != 0, "parameter names are unique");
    }
    ZT_TRUE(zp_param_find("mZp") == ZP_MZP, "mZp index");
    ZT_TRUE(zp_param_find("mzp") == -1, "names are case-sensitive");
    ZT_TRUE(zp_param_find("") == -1, "empty name is unknown");

    zp_status st = {0, ""};
    ZT_TRUE(zp_param_set(&p, ZP_MZP, 700.0, &st) == ZP_OK && p.v[ZP_MZP] == 700.0, "set mZp");
    ZT_STATUS(zp_param_set(&p, ZP_MZP, -5.0, &st), ZP_EDOM, st, "'mZp' = -5 GeV is outside its allowed range",
              "negative mass rejected with name, value, unit");
    ZT_TRUE(p.v[ZP_MZP] == 700.0, "a rejected value leaves the parameter unchanged");
    st.code = 0;
    ZT_STATUS(zp_param_set(&p, ZP_THETAD, NAN, &st), ZP_EDOM, st, "not a finite number", "NaN rejected");
    st.code = 0;
    ZT_STATUS(zp_param_set(&p, ZP_GQ, INFINITY, &st), ZP_EDOM, st, "gq", "infinity rejected");
    st.code = 0;
    ZT_STATUS(zp_param_set(&p, ZP_NPARAM, 1.0, &st), ZP_EINVAL, st, "not a parameter", "bad index");
}

static void test_observables(void)
{
    int n = zp_obs_count();
    ZT_TRUE(n >= 4, "at least the foundation observables are registered");
    for (int i = 0; i < n; i++) {
        const zp_obs_def *d = zp_obs_get(i);
        char what[160];
        snprintf(what, sizeof what, "observable %s has unit, doc, reference, inputs, function", d->name);
        ZT_TRUE(d->unit && d->doc && d->ref && d->inputs && d->fn && d->doc[0] && d->ref[0], what);
        ZT_TRUE(zp_obs_find(d->name) == i, "zp_obs_find finds every observable");
        ZT_TRUE(zp_param_find(d->name) < 0, "no observable shares a parameter's name");
        ZT_TRUE(d->nargs >= 0 && d->nargs <= ZP_OBS_MAXARGS, "argument count in range");
        for (int j = 0; j < i; j++)
            ZT_TRUE(strcmp(zp_obs_get(j)->name, d->name) != 0, "observable names are unique");
        /* every listed input is a parameter */
        char buf[2048]; /* the B -> K* observables read about 60 parameters */
        snprintf(buf, sizeof buf, "%s", d->inputs);
        for (char *tok = strtok(buf, " "); tok; tok = strtok(NULL, " ")) {
            snprintf(what, sizeof what, "input '%s' of %s is a parameter", tok, d->name);
            ZT_TRUE(zp_param_find(tok) >= 0, what);
        }
    }
    ZT_TRUE(zp_obs_get(-1) == NULL && zp_obs_get(n) == NULL, "out-of-range index gives NULL");
    ZT_TRUE(zp_obs_find("C9_bsmumu") >= 0 && zp_obs_find("DeltaM_s") >= 0, "foundation names present");
    ZT_TRUE(zp_obs_threadsafe(zp_obs_find("DeltaM_s")) == 1 && zp_obs_threadsafe(zp_obs_find("R_bsnunu")) == 1,
            "flavour observables are listed for threads");
    ZT_TRUE(zp_obs_threadsafe(zp_obs_find("sigmav_pair")) == 1, "the inelastic sector's sigma v is listed for threads (no state)");
    ZT_TRUE(zp_obs_threadsafe(zp_obs_find("sigma_SI_Xe")) == 0 && zp_obs_threadsafe(-1) == 0 &&
                zp_obs_threadsafe(n) == 0,
            "other modules and out-of-range indices are not");

    zp_params p;
    zp_params_default(&p);
    zp_status st = {0, ""};
    double v;
    int i9 = zp_obs_find("C9_bsmumu");
    ZT_TRUE(zp_obs_eval(i9, &p, NULL, 0, &v, &st) == ZP_OK && isfinite(v), "evaluate C9");
    ZT_STATUS(zp_obs_eval(i9, &p, NULL, 1, &v, &st), ZP_EINVAL, st, "takes 0 arguments", "wrong argument count");
    st.code = 0;
    ZT_STATUS(zp_obs_eval(n + 5, &p, NULL, 0, &v, &st), ZP_EINVAL, st, "not registered", "bad observable index");
}

static void test_distance(void)
{
    ZT_TRUE(zp_name_distance("mchi", "mchi") == 0, "distance to itself");
    ZT_TRUE(zp_name_distance("mchii", "mchi") == 1, "one insertion");
    ZT_TRUE(zp_name_distance("C9_bsmuu", "C9_bsmumu") == 1, "one deletion");
    ZT_TRUE(zp_name_distance("gq", "gl") == 1, "one substitution");
    ZT_TRUE(zp_name_distance("", "abc") == 3, "from empty");
}

static void test_status(void)
{
    zp_status st = {0, ""};
    ZT_TRUE(zp_fail(&st, ZP_ENUM, "integral of %s failed", "x") == ZP_ENUM && st.code == ZP_ENUM,
            "zp_fail stores the code");
    zp_prefix(&st, "Gamma_Z_Zpmumu");
    ZT_TRUE(strcmp(st.msg, "Gamma_Z_Zpmumu: integral of x failed") == 0, "prefix");
    ZT_TRUE(zp_fail(NULL, ZP_EDOM, "x") == ZP_EDOM, "zp_fail with NULL status");
    ZT_TRUE(strcmp(zp_status_name(ZP_EDATA), "data error") == 0, "status names");
    st.code = 0;
    ZT_TRUE(zp_check_range("m", 5.0, 1.0, 10.0, "GeV", &st) == ZP_OK, "range ok");
    ZT_STATUS(zp_check_range("m", 50.0, 1.0, 10.0, "GeV", &st), ZP_EDOM, st, "m = 50 GeV is outside", "range fail");
}

int main(void)
{
    zp_core_init();
    test_params();
    test_observables();
    test_distance();
    test_status();
    return ZT_DONE();
}
