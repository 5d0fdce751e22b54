/* zp_units.h -- unit conversions at the edges of the core.  GeV is the only base unit inside.
 *
 * Sources: CODATA 2014 (hbar c, hbar, c) as quoted by PDG 2016, "Physical constants" table.
 */
#ifndef ZP_UNITS_H
#define ZP_UNITS_H

#define ZP_PI 3.14159265358979323846
#define ZP_SQRT2 1.41421356237309504880

/* hbar c = 0.1973269788 GeV fm (CODATA 2014). */
#define ZP_HBARC_GEV_FM 0.1973269788
/* (hbar c)^2 = 0.3893793656 GeV^2 mbarn (CODATA 2014): 1 GeV^-2 = 0.3893793656e-27 cm^2. */
#define ZP_GEVM2_TO_CM2 0.3893793656e-27
/* speed of light, exact: 2.99792458e10 cm/s. */
#define ZP_C_CM_S 2.99792458e10
/* 1 GeV^-2 times c, as a velocity-weighted cross section: cm^3/s. */
#define ZP_GEVM2_TO_CM3S (ZP_GEVM2_TO_CM2 * ZP_C_CM_S)
/* hbar = 6.582119514e-25 GeV s (CODATA 2014): a rate of 1 GeV is 1/hbar s^-1. */
#define ZP_HBAR_GEV_S 6.582119514e-25
/* 1 GeV as an angular frequency in ps^-1: 1 / (hbar in GeV ps). */
#define ZP_GEV_TO_INV_PS (1.0 / (ZP_HBAR_GEV_S * 1e12))
/* speed of light in km/s (exact). */
#define ZP_C_KM_S 2.99792458e5
/* 1 pb = 1e-36 cm^2. */
#define ZP_PB_TO_CM2 1e-36
/* 1 GeV = 1.160451812e13 K (k_B = 8.6173303e-5 eV/K, CODATA 2014). */
#define ZP_GEV_TO_K 1.160451812e13

static inline double zp_gevm2_to_cm2(double x) { return x * ZP_GEVM2_TO_CM2; }
static inline double zp_cm2_to_gevm2(double x) { return x / ZP_GEVM2_TO_CM2; }
static inline double zp_gevm2_to_cm3s(double x) { return x * ZP_GEVM2_TO_CM3S; }
static inline double zp_cm3s_to_gevm2(double x) { return x / ZP_GEVM2_TO_CM3S; }
static inline double zp_gev_to_inv_ps(double x) { return x * ZP_GEV_TO_INV_PS; }

#endif
