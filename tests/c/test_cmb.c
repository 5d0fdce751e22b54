/* test_cmb.c -- f_eff of eq. (49) from the PPPC e+/gamma spectra and Slatyer's f_eff(E) curves:
 * energy conservation of the spectra, the line-spectrum limit, mass interpolation, errors. */
#include <math.h>
#include <stdlib.h>

#include "dm/cmb.h"
#include "base/zp_table.h"
#include "zp_test.h"

static void test_missing_data(void)
{
    /* first, before any table is cached: an empty search path */
    zp_status st = {0, ""};
    double f;
    zp_data_set_path("/nonexistent-zprime-data");
    ZT_STATUS(zp_cmb_feff("b", 1800, &f, &st), ZP_EDATA, st, "f_eff_ep.dat", "missing f_eff table");
    ZT_STATUS(zp_cmb_energy_fractions("b", 1800, &f, &f, &st), ZP_EDATA, st, "AtProduction_positrons.dat",
              "missing PPPC table");
}

static void test_normalisation(void)
{
    zp_status st = {0, ""};
    double fe = NAN, fg = NAN; /* NaN, never garbage, when a call fails */
    /* DM DM -> e+ e- at 10 GeV (EW losses negligible): e+- and final-state photons carry all of
     * 2 m -- the trapezoidal rule on the PPPC nodes conserves energy */
    ZT_TRUE(zp_cmb_energy_fractions("e", 10, &fe, &fg, &st) == ZP_OK, "fractions for e e at 10 GeV");
    ZT_NEAR(fe + fg, 1.0, 2e-3, "e+ e- channel: energy fractions add up to 1");
    ZT_TRUE(fg > 0.01 && fg < 0.05, "e+ e- channel: a few per cent in FSR photons");
    /* b bbar at 1800 GeV: the rest goes to neutrinos and (anti)nucleons */
    fe = fg = NAN;
    ZT_TRUE(zp_cmb_energy_fractions("b", 1800, &fe, &fg, &st) == ZP_OK, "fractions for b bbar at 1800 GeV");
    ZT_TRUE(fe > 0.15 && fe < 0.2 && fg > 0.25 && fg < 0.3, "b bbar: ~17% in e+-, ~27% in photons");
}

static void test_feff(void)
{
    zp_status st = {0, ""};
    double f = NAN, fe = NAN, fg = NAN;
    /* a line at E = m: f_eff(e e, 10 GeV) ~ f_eff^e(10 GeV) = 0.619 (interpolated in ln E between
     * the Fig. 3 points 9.45e9 eV -> 0.626 and 1.62e10 eV -> 0.557), less ~1% from the FSR tail */
    ZT_TRUE(zp_cmb_feff("e", 10, &f, &st) == ZP_OK, "f_eff for e e at 10 GeV");
    ZT_NEAR(f, 0.619, 0.02, "line-spectrum limit of f_eff");
    /* b bbar at the paper's 1800 GeV: between the extremes of the curves times the fractions */
    ZT_TRUE(zp_cmb_feff("b", 1800, &f, &st) == ZP_OK, "f_eff for b bbar at 1800 GeV");
    ZT_TRUE(zp_cmb_energy_fractions("b", 1800, &fe, &fg, &st) == ZP_OK, "fractions for b bbar at 1800 GeV");
    ZT_TRUE(f > 0.15 * (fe + fg) && f < 1.0 * (fe + fg), "f_eff below the e/gamma energy fraction");
    ZT_NEAR(f, 0.1929, 2e-3, "f_eff(b bbar, 1800 GeV) (regression; docs/sommerfeld.md)");
    double f1700 = NAN, f2000 = NAN, again = NAN;
    ZT_TRUE(zp_cmb_feff("b", 1700, &f1700, &st) == ZP_OK && zp_cmb_feff("b", 2000, &f2000, &st) == ZP_OK,
            "f_eff at the grid masses 1700 and 2000 GeV");
    ZT_TRUE((f - f1700) * (f - f2000) <= 0.0, "1800 GeV lies between the grid masses 1700 and 2000");
    ZT_TRUE(zp_cmb_feff("b", 1800, &again, &st) == ZP_OK, "f_eff again at 1800 GeV");
    ZT_NEAR(again, f, 0.0, "cached value is the same");
    ZT_TRUE(zp_cmb_feff("mu", 1800, &f, &st) == ZP_OK && f > 0.1 && f < 0.2, "any PPPC channel (mu)");
}

static void test_errors(void)
{
    zp_status st = {0, ""};
    double f;
    ZT_STATUS(zp_cmb_feff("bottom", 1800, &f, &st), ZP_EINVAL, st, "bottom", "unknown channel");
    ZT_STATUS(zp_cmb_feff("b", 2e5, &f, &st), ZP_EDOM, st, "CMB f_eff", "mass above the table");
    ZT_STATUS(zp_cmb_feff("b", 1.0, &f, &st), ZP_EDOM, st, "CMB f_eff", "mass below the table");
    ZT_STATUS(zp_cmb_feff(NULL, 100, &f, &st), ZP_EINVAL, st, "channel", "no channel");
}

int main(void)
{
    zp_core_init();
    test_missing_data();
    static const char *const tables[] = {"cmb_feff/f_eff_ep.dat", "cmb_feff/f_eff_g.dat",
                                         "pppc4dmid/AtProduction_positrons.dat", "pppc4dmid/AtProduction_gammas.dat", NULL};
    if (zt_need_tables(tables)) {
        test_normalisation();
        test_feff();
        test_errors();
    }
    return ZT_DONE();
}
