/* relic.h -- thermal relic abundance from the Boltzmann equation (freeze-out).
 *
 * The comoving number density Y = n/s of the dark matter (all coannihilating states summed)
 * obeys, with x = m/T and m the mass of the lightest state,
 *
 *   dY/dx = -sqrt(pi/45) M_Pl m g*^(1/2)(T) / x^2 <sigma v>_eff(x) (Y^2 - Y_eq^2),
 *   g*^(1/2) = h_eff / sqrt(g_eff) (1 + (1/3) dln h_eff / dln T),
 *
 * (P. Gondolo and G. Gelmini, Nucl. Phys. B360 (1991) 145; J. Edsjo and P. Gondolo,
 * Phys. Rev. D56 (1997) 1879, hep-ph/9704361).  It is solved for u = ln(Y/Y_eq) in t = ln x
 * (analytic d ln Y_eq / d ln x) with the L-stable 2-stage Radau IIA method in steps of
 * dx = 0.5 (eps/1e-6)^(1/4), from the quasi-static start until (Y_eq/Y)^2 < 1e-10; the rest of the
 * annihilation to the lowest temperature of the g_eff/h_eff table is a quadrature of
 * d(1/Y)/dt, plus the analytic tail below it.
 * Today's abundance is Omega h^2 = m s0 Y0 / (rho_c / h^2).
 *
 * Conventions (stated here once; the Lua API and the observables follow them):
 *  - <sigma v> = a + b <v^2> with v the relative velocity and <v^2> = 6/x
 *    (Kolb & Turner, The Early Universe, section 5.2).
 *  - Self-conjugate (Majorana) dark matter: <sigma v> is that of chi chi -> anything, and
 *    dn/dt = -<sigma v>(n^2 - n_eq^2), g = 2 for a spin-1/2 particle.
 *  - Dirac dark matter (particle != antiparticle, no asymmetry): the quoted <sigma v> is that of
 *    chi chibar, Y and Omega count chi and chibar together; the solver doubles g and uses
 *    <sigma v>/2 in the equation for the total density.  A Dirac particle therefore needs about
 *    twice the Majorana <sigma v> (Steigman, Dasgupta & Beacom, arXiv:1204.3622).
 *  - Coannihilation (K. Griest and D. Seckel, Phys. Rev. D43 (1991) 3191): states i with
 *    internal dof g_i and masses m_i = m + dm_i share one Y (heavier ones decay to the lightest);
 *    <sigma v>_eff = sum_ij r_i r_j <sigma v>_ij with r_i = n_i,eq / n_eq, n_i,eq ~ g_i m_i^2 T
 *    K_2(m_i/T), so dm_i enters through the Boltzmann weights.  For dm -> 0 and two states of
 *    equal g this is eq. (45) of arXiv:1702.00395: (sv_11 + 2 sv_12 + sv_22)/4.
 *  - x_f is where Y = (1 + delta) Y_eq with delta (2 + delta)/(1 + delta) = 1, i.e.
 *    delta = (sqrt 5 - 1)/2, the freeze-out criterion of arXiv:1204.3622.
 */
#ifndef ZP_RELIC_H
#define ZP_RELIC_H

#include "base/zp_params.h"
#include "base/zp_status.h"

#define ZP_RELIC_MAXSTATES 4

/* Effective degrees of freedom g_eff(T), h_eff(T) (a micrOMEGAs table), opaque. */
typedef struct zp_relic_dof zp_relic_dof;

/* Names accepted by zp_relic_dof_get besides a file name, in the order of the relic_dof
 * parameter: "std" (Gondolo-Gelmini, T_QCD = 150 MeV), "HP_A", "HP_B", "HP_B2", "HP_B3", "HP_C"
 * (Hindmarsh-Philipsen equations of state, hep-ph/0501232). */
#define ZP_RELIC_NDOF 6
const char *zp_relic_dof_name(int idx);

/* The table for name: one of the names above, or a data-table file ("dof/std_thg.tab" or an
 * absolute path) with columns T[GeV] heff geff, T ascending or descending.  Loaded once and
 * cached.  NULL with st set: ZP_EINVAL (unknown short name, with a suggestion), ZP_EDATA
 * (missing or malformed file). */
const zp_relic_dof *zp_relic_dof_get(const char *name, zp_status *st);

/* g_eff, h_eff and g*^(1/2) at photon temperature T [GeV]; constant beyond the table ends. */
void zp_relic_dof_eval(const zp_relic_dof *d, double T, double *geff, double *heff,
                       double *sqrt_gstar);

/* A thermally averaged <sigma v>(x) in GeV^-2 supplied by the caller (e.g. a Lua function).
 * Set *err nonzero on failure. */
typedef double (*zp_relic_sigmav_fn)(void *ctx, double x, int *err);

typedef struct {
    double m;           /* mass of the lightest state [GeV] */
    int majorana;       /* 1: self-conjugate; 0: Dirac (see the conventions above) */
    int nstates;        /* 1 .. ZP_RELIC_MAXSTATES */
    double g[ZP_RELIC_MAXSTATES];  /* internal dof per particle (2 for spin 1/2) */
    double dm[ZP_RELIC_MAXSTATES]; /* m_i - m [GeV]; dm[0] = 0 */
    double a[ZP_RELIC_MAXSTATES][ZP_RELIC_MAXSTATES]; /* s-wave <sigma v>_ij [GeV^-2], symmetric */
    double b[ZP_RELIC_MAXSTATES][ZP_RELIC_MAXSTATES]; /* p-wave b_ij [GeV^-2] */
    zp_relic_sigmav_fn fn; /* when set (single state only): <sigma v>(x) replaces a + b <v^2> */
    void *ctx;             /* passed to fn */
    const zp_relic_dof *dof;
    double M_Pl;        /* Planck mass G_N^(-1/2) [GeV] */
    double s0;          /* entropy density today [cm^-3] */
    double rho_crit_h2; /* critical density / h^2 [GeV cm^-3] */
    double eps;         /* accuracy: Radau step dx = 0.5 (eps/1e-6)^(1/4) in x (default 1e-6) */
} zp_relic_input;

typedef struct {
    double Omega_h2; /* today's abundance */
    double x_f;      /* freeze-out point, Y = (1 + delta) Y_eq */
    double Y0;       /* Y today */
    double x_start;  /* where the integration started (quasi-static equilibrium) */
    int nsteps;      /* ODE steps taken (to decoupling) */
} zp_relic_result;

/* A single self-conjugate state of mass m with g = 2, no annihilation, the std dof table (may
 * be NULL if it cannot be loaded; zp_relic_solve then reports it) and the cosmological constants
 * of p (M_Pl, s0, rho_crit_h2; defaults when p == NULL). */
void zp_relic_input_init(zp_relic_input *in, const zp_params *p);

/* Solve the Boltzmann equation.  Errors: ZP_EDOM (m outside [0.01, 1e5] GeV, negative or zero
 * <sigma v>, bad g, dm or nstates), ZP_ENOSOL (<sigma v> so small that the dark matter is not in
 * equilibrium at x = 1: no thermal freeze-out), ZP_ENUM (ODE failure), ZP_EINVAL (callback
 * failure), ZP_EDATA (no dof table). */
int zp_relic_solve(const zp_relic_input *in, zp_relic_result *out, zp_status *st);

/* The factor lambda by which every s-wave a_ij (and fn) of in must be multiplied so that
 * Omega h^2 = omega; the p-wave b_ij are held fixed.  res (may be NULL) gets the solution at
 * lambda.  Errors: those of zp_relic_solve, ZP_EDOM (omega <= 0), ZP_ENOSOL (the p-wave part
 * alone already gives less than omega, or no bracket). */
int zp_relic_target(const zp_relic_input *in, double omega, double *lambda, zp_relic_result *res,
                    zp_status *st);

/* sum_ij g_i g_j a_ij / (sum_i g_i)^2 [GeV^-2]: the degenerate-limit <sigma v>_eff of eq. (45)
 * of arXiv:1702.00395 (a_11 for a single state). */
double zp_relic_sigmav_eff0(const zp_relic_input *in);

/* The input described by a model's parameters (mchi, sigmav_a, sigmav_b, relic_majorana,
 * relic_dof, coann_g, coann_dm, sigmav_a12, sigmav_a22, M_Pl, s0, rho_crit_h2): the annihilation
 * a plain model uses for the Omega_h2, x_f and sigmav_relic observables. */
int zp_relic_input_from_params(const zp_params *p, zp_relic_input *in, zp_status *st);

#endif
