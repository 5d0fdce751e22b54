/* relic.c -- freeze-out of thermal dark matter (see relic.h for the equations and conventions):
 * g_eff/h_eff tables, the Boltzmann solver, the <sigma v> target, and the Omega_h2, x_f and
 * sigmav_relic observables of a model. */
#include "dm/relic.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_interp.h>
#include <gsl/gsl_sf_bessel.h>

#include "base/zp_registry.h"
#include "base/zp_table.h"
#include "base/zp_units.h"
#include "dm/inelastic.h"
#include "dm/thermal.h"

/* Freeze-out criterion delta (2 + delta)/(1 + delta) = 1 of arXiv:1204.3622: delta = (sqrt5-1)/2. */
#define RELIC_DELTA 0.6180339887498949
/* Start where the quasi-static departure ln(Y/Y_eq) from equilibrium is this small. */
#define RELIC_EPS_START 0.01
/* Largest departure at x = 1 for which a thermal (non-relativistic) freeze-out is assumed. */
#define RELIC_EPS_MAX 0.1
#define RELIC_MMIN 0.01
#define RELIC_MMAX 1e5
#define RELIC_MAXSTEPS 20000
/* Radau step in x at the default tolerance eps = 1e-6 (Omega h^2 within 1e-5 of dx -> 0), and the
 * Newton iterations allowed per step. */
#define RELIC_DX 0.5
#define RELIC_NEWTON_MAX 50
/* Past x_f, the ODE stops where (Y_eq/Y)^2 < e^RELIC_LN_DECOUPLED = 1e-10 and the rest of the
 * annihilation is a quadrature: panels shrinking by RELIC_TAIL_RATIO of RELIC_TAIL_GL Gauss-Legendre points. */
#define RELIC_LN_DECOUPLED (-23.025850929940457)
#define RELIC_TAIL_RATIO 2.0
#define RELIC_TAIL_GL 8

/* ------------------------------------------------------------------------------------------ */
/* Effective degrees of freedom                                                                 */

struct zp_relic_dof {
    char name[512];
    int n;
    double *lnT, *h, *g, *sg; /* ascending ln T [GeV]; h_eff, g_eff, g*^(1/2) at the nodes */
    gsl_interp *ih, *ig, *isg;
    const zp_table *t; /* the table it was built from, and the table generation it was checked at */
    unsigned gen;
};

/* Largest h_eff, g_eff accepted from a table: the Standard Model has 106.75; a table far
 * above that (such as a cell of 1e308) is corrupt, not physics. */
#define RELIC_DOF_MAX 1000.0

/* Loaded tables, never freed: callers keep pointers to them (a few kB each). */
static zp_relic_dof **dof_cache = NULL;
static int dof_ncache = 0, dof_cap = 0;

static const char *const dof_names[ZP_RELIC_NDOF] = {"std", "HP_A", "HP_B", "HP_B2", "HP_B3", "HP_C"};
static const char *const dof_files[ZP_RELIC_NDOF] = {
    "dof/std_thg.tab", "dof/HP_A_thg.tab", "dof/HP_B_thg.tab",
    "dof/HP_B2_thg.tab", "dof/HP_B3_thg.tab", "dof/HP_C_thg.tab"};

const char *zp_relic_dof_name(int idx)
{
    return idx >= 0 && idx < ZP_RELIC_NDOF ? dof_names[idx] : NULL;
}

static void dof_free(zp_relic_dof *d)
{
    if (d == NULL)
        return;
    gsl_interp_free(d->ih);
    gsl_interp_free(d->ig);
    gsl_interp_free(d->isg);
    free(d->lnT);
    free(d);
}

/* Copy the rows with T > 0 of a (T, heff, geff) table into ascending arrays of d. */
static int dof_fill(zp_relic_dof *d, const zp_table *t, zp_status *st)
{
    int n = 0;
    for (int r = 0; t->ncol >= 3 && r < t->nrow; r++)
        if (zp_table_at(t, r, 0) > 0)
            n++;
    if (t->ncol < 3 || n < 4)
        return zp_fail(st, ZP_EDATA, "dof table '%s' needs columns T[GeV] heff geff and >= 4 rows with T > 0 (has %d columns, %d rows)",
                       t->path, t->ncol, n);
    d->lnT = malloc(4 * (size_t)n * sizeof(double));
    if (d->lnT == NULL)
        return zp_fail(st, ZP_ENOMEM, "out of memory reading dof table '%s'", t->path);
    d->h = d->lnT + n, d->g = d->lnT + 2 * n, d->sg = d->lnT + 3 * n, d->n = n;
    int k = 0;
    for (int r = 0; r < t->nrow; r++) {
        double T = zp_table_at(t, r, 0), h = zp_table_at(t, r, 1), g = zp_table_at(t, r, 2);
        if (!(T > 0))
            continue;
        if (!(h > 0 && g > 0 && h <= RELIC_DOF_MAX && g <= RELIC_DOF_MAX && isfinite(T)))
            return zp_fail(st, ZP_EDATA, "dof table '%s' row %d: heff = %g, geff = %g at T = %g GeV must be finite and in (0, %g]",
                           t->path, r + 1, h, g, T, RELIC_DOF_MAX);
        d->lnT[k] = log(T), d->h[k] = h, d->g[k] = g, k++;
    }
    if (d->lnT[1] < d->lnT[0]) /* the Hindmarsh-Philipsen tables run downwards in T */
        for (int i = 0; i < n / 2; i++)
            for (int a = 0; a < 3; a++) {
                double *v = d->lnT + a * n, tmp = v[i];
                v[i] = v[n - 1 - i], v[n - 1 - i] = tmp;
            }
    for (int i = 1; i < n; i++)
        if (!(d->lnT[i] > d->lnT[i - 1]))
            return zp_fail(st, ZP_EDATA, "dof table '%s' is not strictly monotonic in T near T = %g GeV",
                           t->path, exp(d->lnT[i]));
    return ZP_OK;
}

/* g*^(1/2) = h/sqrt(g) (1 + dln h/dln T / 3) at the nodes (Gondolo & Gelmini 1991), with the
 * derivative of a monotone (Steffen) interpolant of ln h_eff in ln T. */
static int dof_prepare(zp_relic_dof *d, zp_status *st)
{
    int n = d->n;
    double *lnh = d->sg; /* scratch, overwritten below */
    for (int i = 0; i < n; i++)
        lnh[i] = log(d->h[i]);
    gsl_interp *tmp = gsl_interp_alloc(gsl_interp_steffen, (size_t)n);
    d->ih = gsl_interp_alloc(gsl_interp_steffen, (size_t)n);
    d->ig = gsl_interp_alloc(gsl_interp_steffen, (size_t)n);
    d->isg = gsl_interp_alloc(gsl_interp_steffen, (size_t)n);
    if (!tmp || !d->ih || !d->ig || !d->isg) {
        gsl_interp_free(tmp);
        return zp_fail(st, ZP_ENOMEM, "out of memory preparing dof table '%s'", d->name);
    }
    int rc = gsl_interp_init(tmp, d->lnT, lnh, (size_t)n);
    double *dl = malloc((size_t)n * sizeof *dl);
    for (int i = 0; rc == GSL_SUCCESS && dl && i < n; i++)
        rc = gsl_interp_eval_deriv_e(tmp, d->lnT, lnh, d->lnT[i], NULL, &dl[i]);
    gsl_interp_free(tmp);
    for (int i = 0; rc == GSL_SUCCESS && dl && i < n; i++)
        d->sg[i] = d->h[i] / sqrt(d->g[i]) * (1.0 + dl[i] / 3.0);
    free(dl);
    if (dl == NULL)
        return zp_fail(st, ZP_ENOMEM, "out of memory preparing dof table '%s'", d->name);
    if (rc == GSL_SUCCESS)
        rc = gsl_interp_init(d->ih, d->lnT, d->h, (size_t)n);
    if (rc == GSL_SUCCESS)
        rc = gsl_interp_init(d->ig, d->lnT, d->g, (size_t)n);
    if (rc == GSL_SUCCESS)
        rc = gsl_interp_init(d->isg, d->lnT, d->sg, (size_t)n);
    if (rc != GSL_SUCCESS)
        return zp_fail(st, ZP_EDATA, "dof table '%s' cannot be interpolated (%s)", d->name, gsl_strerror(rc));
    return ZP_OK;
}

static const char *dof_file_of(const char *name, zp_status *st)
{
    if (strchr(name, '/') != NULL || strchr(name, '.') != NULL)
        return name;
    const char *best = NULL;
    int bestd = 3;
    for (int i = 0; i < ZP_RELIC_NDOF; i++) {
        if (strcmp(name, dof_names[i]) == 0)
            return dof_files[i];
        int dd = zp_name_distance(name, dof_names[i]);
        if (dd < bestd)
            bestd = dd, best = dof_names[i];
    }
    if (best != NULL)
        zp_fail(st, ZP_EINVAL, "unknown dof table '%s' (did you mean '%s'?); known: std, HP_A, HP_B, HP_B2, HP_B3, HP_C or a file name",
                name, best);
    else
        zp_fail(st, ZP_EINVAL, "unknown dof table '%s'; known: std, HP_A, HP_B, HP_B2, HP_B3, HP_C or a file name", name);
    return NULL;
}

const zp_relic_dof *zp_relic_dof_get(const char *name, zp_status *st)
{
    if (name == NULL || *name == '\0')
        name = "std";
    if (strlen(name) >= sizeof dof_cache[0]->name) /* a cut name would never be found again */
        return zp_fail(st, ZP_EINVAL, "dof table name has %zu characters, more than %zu", strlen(name),
                       sizeof dof_cache[0]->name - 1), NULL;
    unsigned gen = zp_table_generation();
    for (int i = 0; i < dof_ncache; i++)
        if (strcmp(dof_cache[i]->name, name) == 0 && dof_cache[i]->gen == gen)
            return dof_cache[i];
    const char *file = dof_file_of(name, st);
    if (file == NULL)
        return NULL;
    const zp_table *t = zp_table_get(file, st);
    if (t == NULL)
        return NULL;
    /* the search path changed (zp.data_path): reuse the loaded table if it is the same one */
    for (int i = dof_ncache - 1; i >= 0; i--)
        if (strcmp(dof_cache[i]->name, name) == 0 && dof_cache[i]->t == t) {
            dof_cache[i]->gen = zp_table_generation();
            return dof_cache[i];
        }
    zp_relic_dof *d = calloc(1, sizeof *d);
    if (d == NULL)
        return zp_fail(st, ZP_ENOMEM, "out of memory loading dof table '%s'", name), NULL;
    snprintf(d->name, sizeof d->name, "%s", name);
    d->t = t, d->gen = zp_table_generation();
    if (dof_fill(d, t, st) != ZP_OK || dof_prepare(d, st) != ZP_OK) {
        dof_free(d);
        return NULL;
    }
    if (dof_ncache == dof_cap) {
        int cap = dof_cap ? 2 * dof_cap : 8;
        zp_relic_dof **nc = realloc(dof_cache, (size_t)cap * sizeof *nc);
        if (nc == NULL) {
            dof_free(d);
            return zp_fail(st, ZP_ENOMEM, "out of memory caching dof table '%s'", name), NULL;
        }
        dof_cache = nc, dof_cap = cap;
    }
    dof_cache[dof_ncache++] = d;
    return d;
}

void zp_relic_dof_eval(const zp_relic_dof *d, double T, double *geff, double *heff,
                       double *sqrt_gstar)
{
    double u = T > 0 ? log(T) : d->lnT[0];
    if (!(u > d->lnT[0]))
        u = d->lnT[0];
    if (u > d->lnT[d->n - 1])
        u = d->lnT[d->n - 1];
    *heff = *geff = *sqrt_gstar = NAN;
    gsl_interp_eval_e(d->ih, d->lnT, d->h, u, NULL, heff);
    gsl_interp_eval_e(d->ig, d->lnT, d->g, u, NULL, geff);
    gsl_interp_eval_e(d->isg, d->lnT, d->sg, u, NULL, sqrt_gstar);
}

/* d ln h_eff / d ln T at T [GeV] (0 beyond the table ends, where h_eff is held constant). */
static double dof_dlnh(const zp_relic_dof *d, double T)
{
    double u = log(T), h = 0.0, dh = 0.0;
    if (!(u > d->lnT[0] && u < d->lnT[d->n - 1]))
        return 0.0;
    if (gsl_interp_eval_e(d->ih, d->lnT, d->h, u, NULL, &h) != GSL_SUCCESS ||
        gsl_interp_eval_deriv_e(d->ih, d->lnT, d->h, u, NULL, &dh) != GSL_SUCCESS || !(h > 0))
        return 0.0;
    return dh / h;
}

/* ------------------------------------------------------------------------------------------ */
/* Boltzmann equation                                                                           */

void zp_relic_input_init(zp_relic_input *in, const zp_params *p)
{
    zp_params def;
    if (p == NULL) {
        zp_params_default(&def);
        p = &def;
    }
    memset(in, 0, sizeof *in);
    in->majorana = 1;
    in->nstates = 1;
    in->g[0] = 2.0; /* spin-1/2 */
    in->M_Pl = p->v[ZP_M_PLANCK];
    in->s0 = p->v[ZP_S0];
    in->rho_crit_h2 = p->v[ZP_RHO_CRIT_H2];
    in->eps = 1e-6;
}

typedef struct {
    const zp_relic_input *in;
    double lambda;              /* multiplies every a_ij and fn */
    double kappa;               /* 1 Majorana, 2 Dirac */
    double pref;                /* sqrt(pi/45) M_Pl m [GeV^0] */
    double lng[ZP_RELIC_MAXSTATES]; /* ln(45 kappa g_i / (4 pi^4)) */
    double mr[ZP_RELIC_MAXSTATES];  /* m_i / m */
    int err;                    /* failure inside the right-hand side */
    double err_x;
} solver;

/* At x: ln Y_eq (all states; L may be NULL), its slope dL = d ln Y_eq / d ln x (when dL != NULL)
 * and, when A != NULL, A with dW/dt = -A (e^W - Y_eq^2 e^-W), W = ln Y, t = ln x; aeff, beff:
 * <sigma v>_eff = aeff + 6 beff / x in the equation for the total Y. */
static int point(solver *s, double x, double *L, double *dL, double *A, double *aeff, double *beff)
{
    const zp_relic_input *in = s->in;
    double geff, heff, sg, lny[ZP_RELIC_MAXSTATES], lmax = -HUGE_VAL;
    zp_relic_dof_eval(in->dof, in->m / x, &geff, &heff, &sg);
    double k12[ZP_RELIC_MAXSTATES]; /* x_i K_1(x_i) / K_2(x_i) */
    if (L == NULL && in->nstates == 1) { /* A alone (the tail): no Boltzmann weights needed */
        lny[0] = lmax = 0.0;
    } else
    for (int i = 0; i < in->nstates; i++) {
        double xi = x * s->mr[i], k0 = zp_thermal_k_scaled(0, xi), k1 = zp_thermal_k_scaled(1, xi);
        if (!(k0 > 0 && k1 > 0))
            return 1;
        /* n_eq/s = 45 g / (4 pi^4 h_eff) x^2 K_2(x), K_2 = K_0 + 2 K_1 / x (Gondolo-Gelmini) */
        double k2 = k0 + 2.0 * k1 / xi;
        lny[i] = s->lng[i] - log(heff / (xi * xi * k2)) - xi;
        k12[i] = xi * k1 / k2;
        if (lny[i] > lmax)
            lmax = lny[i];
    }
    double sum = 0, r[ZP_RELIC_MAXSTATES];
    for (int i = 0; i < in->nstates; i++)
        sum += (r[i] = exp(lny[i] - lmax));
    double lnyeq = lmax + log(sum);
    if (dL != NULL) { /* d ln(x_i^2 K_2(x_i)) / d ln x = -x_i K_1/K_2; -ln h_eff gives + dln h/dln T */
        double d = 0.0;
        for (int i = 0; i < in->nstates; i++)
            d -= r[i] * k12[i];
        *dL = d / sum + dof_dlnh(in->dof, in->m / x);
    }
    if (L != NULL)
        *L = lnyeq;
    if (A == NULL)
        return isfinite(lnyeq) ? 0 : 1;
    double a = 0, b = 0;
    if (in->fn != NULL) {
        int e = 0;
        a = s->lambda * in->fn(in->ctx, x, &e);
        if (e || !isfinite(a) || a < 0) {
            s->err = e ? 1 : 2, s->err_x = x;
            return 1;
        }
    } else {
        for (int i = 0; i < in->nstates; i++)
            for (int j = 0; j < in->nstates; j++) { /* Griest & Seckel sigma_eff */
                double w = r[i] * r[j] / (sum * sum);
                a += w * s->lambda * in->a[i][j];
                b += w * in->b[i][j];
            }
    }
    *aeff = a / s->kappa, *beff = b / s->kappa;
    if (in->fn == NULL && !(*aeff + 6.0 * *beff / x >= 0)) { /* a negative p-wave b_ij beyond its range */
        s->err = 2, s->err_x = x;
        return 1;
    }
    *A = s->pref * sg * (*aeff + 6.0 * *beff / x) / x;
    return isfinite(*A) && isfinite(lnyeq) ? 0 : 1;
}

/* The ODE is solved for u = ln(Y/Y_eq) = W - L: du/dt = -A e^L (e^u - e^-u) - dL/dt.  u stays small
 * and smooth through freeze-out, where W itself follows the steep ln Y_eq.  coeffs gives the
 * u-independent parts B = A e^L and D = dL/dt at t = ln x. */
static int coeffs(solver *s, double t, double *B, double *D)
{
    double L, A, a, b;
    if (point(s, exp(t), &L, D, &A, &a, &b))
        return 1;
    *B = A * exp(L);
    return isfinite(*B) && isfinite(*D) ? 0 : 1;
}

/* One step t -> t + h of the 2-stage Radau IIA method (order 3, L-stable, stiffly accurate;
 * Hairer & Wanner, Solving ODEs II, sec. IV.5): B and D once per stage time, Newton in the stage
 * values alone.  *u becomes u(t + h) and *f du/dt there. */
static int radau_step(solver *s, double t, double h, double *u, double *f)
{
    double B1, D1, B2, D2;
    if (coeffs(s, t + h / 3.0, &B1, &D1) || coeffs(s, t + h, &B2, &D2))
        return 1;
    double U1 = *u, U2 = *u, f1 = 0.0, f2 = 0.0;
    int conv = 0;
    for (int it = 0; it < RELIC_NEWTON_MAX && !conv; it++) {
        f1 = -2.0 * B1 * sinh(U1) - D1, f2 = -2.0 * B2 * sinh(U2) - D2;
        double j1 = -2.0 * B1 * cosh(U1), j2 = -2.0 * B2 * cosh(U2);
        double r1 = U1 - *u - h * (5.0 / 12.0 * f1 - 1.0 / 12.0 * f2);
        double r2 = U2 - *u - h * (0.75 * f1 + 0.25 * f2);
        double a11 = 1.0 - h * 5.0 / 12.0 * j1, a12 = h / 12.0 * j2;
        double a21 = -h * 0.75 * j1, a22 = 1.0 - h * 0.25 * j2;
        double det = a11 * a22 - a12 * a21;
        double d1 = (r1 * a22 - a12 * r2) / det, d2 = (a11 * r2 - a21 * r1) / det;
        double big = fmax(fabs(d1), fabs(d2));
        if (big > 1.0) /* damped: sinh grows fast */
            d1 /= big, d2 /= big;
        U1 -= d1, U2 -= d2;
        conv = fabs(d1) + fabs(d2) < 1e-13 * (1.0 + fabs(U2));
    }
    *u = U2, *f = -2.0 * B2 * sinh(U2) - D2;
    return conv && isfinite(*u) && isfinite(*f) ? 0 : 1;
}

/* Where the cubic Hermite interpolant through (t0, u0, f0), (t1, u1, f1) reaches uc (u0 < uc <= u1). */
static double crossing(double t0, double u0, double f0, double t1, double u1, double f1, double uc)
{
    double h = t1 - t0, lo = 0.0, hi = 1.0;
    for (int k = 0; k < 60; k++) {
        double q = 0.5 * (lo + hi), q2 = q * q, q3 = q2 * q;
        double p = (2 * q3 - 3 * q2 + 1) * u0 + (q3 - 2 * q2 + q) * h * f0 + (-2 * q3 + 3 * q2) * u1 + (q3 - q2) * h * f1;
        if (p < uc)
            lo = q;
        else
            hi = q;
    }
    return t0 + 0.5 * (lo + hi) * h;
}

/* Quasi-static departure eps = ln(Y/Y_eq) at x: -A Y_eq 2 sinh(eps) = dL/dt. */
static int quasi(solver *s, double x, double *L, double *eps)
{
    double Lp, Lm, A, a, b, h = 1e-4;
    if (point(s, x * exp(h), &Lp, NULL, NULL, &a, &b) || point(s, x * exp(-h), &Lm, NULL, NULL, &a, &b) ||
        point(s, x, L, NULL, &A, &a, &b))
        return 1;
    double arg = -(Lp - Lm) / (2.0 * h) / (2.0 * A * exp(*L));
    *eps = A > 0 ? asinh(arg) : HUGE_VAL;
    return 0;
}

static int setup(solver *s, const zp_relic_input *in, double lambda, zp_status *st)
{
    memset(s, 0, sizeof *s);
    s->in = in, s->lambda = lambda, s->kappa = in->majorana ? 1.0 : 2.0;
    int rc = zp_check_range("dark-matter mass m", in->m, RELIC_MMIN, RELIC_MMAX, "GeV", st);
    if (rc != ZP_OK)
        return rc;
    if (in->nstates < 1 || in->nstates > ZP_RELIC_MAXSTATES)
        return zp_fail(st, ZP_EINVAL, "number of coannihilating states %d is outside [1, %d]", in->nstates, ZP_RELIC_MAXSTATES);
    if (!(in->M_Pl > 0 && in->s0 > 0 && in->rho_crit_h2 > 0 && in->eps > 0))
        return zp_fail(st, ZP_EDOM, "M_Pl = %g GeV, s0 = %g cm^-3, rho_crit_h2 = %g GeV/cm^3 and the tolerance %g must be positive",
                       in->M_Pl, in->s0, in->rho_crit_h2, in->eps);
    double tot = 0;
    for (int i = 0; i < in->nstates; i++) {
        if (!(in->g[i] > 0 && in->g[i] <= 1000))
            return zp_fail(st, ZP_EDOM, "internal degrees of freedom g = %g of state %d must be in (0, 1000]", in->g[i], i + 1);
        double dm = i == 0 ? 0.0 : in->dm[i];
        if (!(dm >= 0 && isfinite(dm)))
            return zp_fail(st, ZP_EDOM, "mass splitting dm = %g GeV of state %d must be >= 0", dm, i + 1);
        s->mr[i] = 1.0 + dm / in->m;
        s->lng[i] = log(45.0 * s->kappa * in->g[i] / (4.0 * pow(ZP_PI, 4)));
        for (int j = 0; j < in->nstates; j++) {
            double a = in->a[i][j], b = in->b[i][j];
            /* b < 0 is allowed where the pair's a > 0 dominates (a + 6 b/x is checked at every x) */
            if (!(a >= 0 && isfinite(a) && isfinite(b) && (b >= 0 || a > 0)))
                return zp_fail(st, ZP_EDOM, "<sigma v> coefficients a = %g, b = %g cm^3/s of states (%d, %d) must be >= 0 (b < 0 only with a > 0)",
                               zp_gevm2_to_cm3s(a), zp_gevm2_to_cm3s(b), i + 1, j + 1);
            tot += lambda * a + b;
        }
    }
    if (in->fn == NULL && !(tot > 0))
        return zp_fail(st, ZP_EDOM, "<sigma v> = 0 cm^3/s: the dark matter does not annihilate, so there is no thermal freeze-out");
    s->pref = sqrt(ZP_PI / 45.0) * in->M_Pl * in->m;
    return ZP_OK;
}

/* The starting point: the largest x = 1.1^k (k <= 200) where the departure from equilibrium is
 * still below RELIC_EPS_START, found by doubling k and bisecting (the departure grows with x). */
static int start_point(solver *s, double *x0, double *L0, double *eps0, zp_status *st)
{
    double L, eps;
    if (quasi(s, 1.0, &L, &eps))
        return ZP_ENUM;
    if (eps > RELIC_EPS_MAX)
        return zp_fail(st, ZP_ENOSOL, "<sigma v> is too small for m = %g GeV: the dark matter leaves equilibrium before x = m/T = 1 (relativistic decoupling is not covered)",
                       s->in->m);
    int lo = 0, hi = -1, k = 8; /* hi: the smallest k known to be out of equilibrium */
    while (hi < 0 ? lo < 200 : hi > lo + 1) {
        double Lk, ek;
        if (quasi(s, pow(1.1, k), &Lk, &ek))
            return ZP_ENUM;
        if (ek < RELIC_EPS_START)
            lo = k, L = Lk, eps = ek;
        else
            hi = k;
        k = hi < 0 ? (2 * k > 200 ? 200 : 2 * k) : (lo + hi) / 2;
    }
    *x0 = pow(1.1, lo), *L0 = L, *eps0 = eps;
    return ZP_OK;
}

static int fail_rhs(solver *s, zp_status *st, const char *what)
{
    if (s->err == 1)
        return zp_fail(st, ZP_EINVAL, "the <sigma v>(x) function failed at x = %g", s->err_x);
    if (s->err == 2)
        return zp_fail(st, ZP_EDOM, "<sigma v>(x) is negative or not finite at x = %g (a + 6 b/x < 0, or the <sigma v>(x) function)", s->err_x);
    return zp_fail(st, ZP_ENUM, "the Boltzmann equation could not be integrated %s (m = %g GeV)", what, s->in->m);
}

/* Once Y_eq^2 is negligible, dW/dt = -A e^W gives 1/Y(x_b) = 1/Y(x_a) + int A dt exactly.  With
 * w = x_a/x the integrand A x / x_a is smooth (A ~ 1/x): Gauss-Legendre panels in w. */
static int tail_integral(solver *s, double xa, double xb, double *I)
{
    gsl_integration_glfixed_table *gl = gsl_integration_glfixed_table_alloc(RELIC_TAIL_GL);
    if (gl == NULL)
        return 1;
    double wb = xa / xb, sum = 0.0;
    int bad = 0;
    /* panels [w1 / RELIC_TAIL_RATIO, w1] from w = 1 down to wb: each carries ~ its width */
    for (double w1 = 1.0; w1 > wb && !bad; w1 /= RELIC_TAIL_RATIO) {
        double w0 = fmax(w1 / RELIC_TAIL_RATIO, wb);
        for (size_t i = 0; i < RELIC_TAIL_GL && !bad; i++) {
            double w, wt, A, a, b;
            gsl_integration_glfixed_point(w0, w1, i, &w, &wt, gl);
            bad = point(s, xa / w, NULL, NULL, &A, &a, &b);
            sum += wt * A / w; /* dt = -dw / w */
        }
    }
    gsl_integration_glfixed_table_free(gl);
    *I = sum;
    return bad;
}

/* Integrate u = ln(Y/Y_eq) from the start until Y_eq^2 is negligible (RELIC_LN_DECOUPLED), locate
 * x_f, integrate the annihilation tail to the end of the dof table and add the part beyond it. */
static int integrate(solver *s, zp_relic_result *out, zp_status *st)
{
    const zp_relic_input *in = s->in;
    double x0 = 1.0, L0 = 0.0, eps0 = 0.0;
    int rc = start_point(s, &x0, &L0, &eps0, st);
    if (rc != ZP_OK)
        return rc == ZP_ENUM ? fail_rhs(s, st, "near equilibrium") : rc;
    double x_end = in->m / exp(in->dof->lnT[0]);
    if (x_end < 50.0 * x0)
        x_end = 50.0 * x0;
    double t = log(x0), t1 = log(x_end), x_f = NAN, L = NAN, B, D, u = eps0, f = 0.0;
    double uf = log1p(RELIC_DELTA), ud = -0.5 * RELIC_LN_DECOUPLED;
    double dx = RELIC_DX * pow(in->eps / 1e-6, 0.25); /* local error ~ dx^4 */
    int n = 0, grc = coeffs(s, t, &B, &D) ? GSL_EBADFUNC : GSL_SUCCESS;
    f = -2.0 * B * sinh(u) - D;
    while (t < t1 && n < RELIC_MAXSTEPS && grc == GSL_SUCCESS && u < ud) {
        double h = fmin(log1p(dx / exp(t)), t1 - t), u1 = u, f1;
        int tries = 0;
        while (radau_step(s, t, h, &u1, &f1) && ++tries < 20 && !s->err) /* Newton failed: halve */
            h *= 0.5, u1 = u;
        if (tries >= 20 || s->err) {
            grc = GSL_EBADFUNC;
            break;
        }
        if (isnan(x_f) && u1 >= uf)
            x_f = exp(crossing(t, u, f, t + h, u1, f1, uf));
        t += h, u = u1, f = f1, n++;
    }
    if (grc == GSL_SUCCESS && point(s, exp(t), &L, NULL, NULL, NULL, NULL))
        grc = GSL_EBADFUNC;
    double inv_y = exp(-(u + L)), I = 0.0; /* 1/Y */
    if (grc == GSL_SUCCESS && t < t1 && !isnan(x_f) && n < RELIC_MAXSTEPS) {
        if (tail_integral(s, exp(t), x_end, &I))
            grc = GSL_EBADFUNC;
        t = t1, inv_y += I;
    }
    if (grc != GSL_SUCCESS || t < t1 || isnan(x_f))
        return fail_rhs(s, st, grc != GSL_SUCCESS ? "(step failure)" : "(no freeze-out found)");
    double A, a, b;
    /* below the table's lowest T: g* constant, Y_eq negligible, dY/dx = -lambda(x) Y^2 */
    if (point(s, x_end, &L, NULL, &A, &a, &b))
        return fail_rhs(s, st, "at the end point");
    double sv = a + 6.0 * b / x_end; /* A x / sv = pref g*^(1/2) */
    double tail = sv > 0 ? A * x_end / sv * (a / x_end + 3.0 * b / (x_end * x_end)) : 0.0;
    out->Y0 = 1.0 / (inv_y + tail);
    out->Omega_h2 = in->m * in->s0 * out->Y0 / in->rho_crit_h2;
    out->x_f = x_f, out->x_start = x0, out->nsteps = n;
    return ZP_OK;
}

static int solve_scaled(const zp_relic_input *in0, double lambda, zp_relic_result *out, zp_status *st)
{
    zp_relic_input in = *in0;
    if (in.dof == NULL && (in.dof = zp_relic_dof_get("std", st)) == NULL)
        return zp_prefix(st, "relic abundance");
    solver s;
    int rc = setup(&s, &in, lambda, st);
    if (rc == ZP_OK)
        rc = integrate(&s, out, st);
    return rc;
}

int zp_relic_solve(const zp_relic_input *in, zp_relic_result *out, zp_status *st)
{
    return solve_scaled(in, 1.0, out, st);
}

/* ------------------------------------------------------------------------------------------ */
/* <sigma v> target                                                                             */

double zp_relic_sigmav_eff0(const zp_relic_input *in)
{
    double num = 0, gs = 0;
    for (int i = 0; i < in->nstates; i++) {
        gs += in->g[i];
        for (int j = 0; j < in->nstates; j++)
            num += in->g[i] * in->g[j] * in->a[i][j];
    }
    return gs > 0 ? num / (gs * gs) : 0.0;
}

/* f(l) = ln Omega(e^l) - ln omega; Omega falls roughly as 1/lambda. */
static int target_f(const zp_relic_input *in, double l, double lnw, double *f, zp_relic_result *r,
                    zp_status *st)
{
    int rc = solve_scaled(in, exp(l), r, st);
    if (rc == ZP_OK)
        *f = log(r->Omega_h2) - lnw;
    return rc;
}

int zp_relic_target(const zp_relic_input *in, double omega, double *lambda, zp_relic_result *res,
                    zp_status *st)
{
    if (!(omega > 0 && isfinite(omega)))
        return zp_fail(st, ZP_EDOM, "target Omega h^2 = %g must be positive", omega);
    zp_relic_result r0, r1, rtmp;
    double lnw = log(omega), l0 = 0, l1, f0, f1;
    int rc = target_f(in, l0, lnw, &f0, &r0, st);
    if (rc != ZP_OK)
        return rc;
    /* bracket: Omega ~ 1/lambda, so ln lambda moves by about f; overshoot by 10% to cross */
    l1 = l0 + 1.1 * f0 + (f0 >= 0 ? 1e-4 : -1e-4);
    for (int k = 0;; k++) {
        rc = target_f(in, l1, lnw, &f1, &r1, st);
        if (rc == ZP_ENOSOL && l1 < l0)
            return zp_fail(st, ZP_ENOSOL, "Omega h^2 = %g cannot be reached: a smaller <sigma v> would decouple while relativistic (m = %g GeV)",
                           omega, in->m);
        if (rc != ZP_OK)
            return rc;
        if ((f0 > 0) != (f1 > 0) || f1 == 0)
            break;
        if (k >= 60 || (l1 < -40 && f1 < 0))
            return zp_fail(st, ZP_ENOSOL, "Omega h^2 = %g cannot be reached by scaling the s-wave <sigma v> (the p-wave part alone gives %g)",
                           omega, r1.Omega_h2);
        double step = l1 - l0;
        l0 = l1, f0 = f1, r0 = r1;
        l1 = l0 + 2.0 * step;
    }
    /* Illinois (modified regula falsi) on the bracket [l0, l1].  Omega(lambda) carries the ODE's
     * adaptive-step noise (~1e-4 relative), so the best point seen is kept. */
    double lbest = fabs(f1) < fabs(f0) ? l1 : l0, fbest = fabs(f1) < fabs(f0) ? f1 : f0;
    zp_relic_result rbest = fabs(f1) < fabs(f0) ? r1 : r0;
    for (int k = 0; k < 100 && fabs(fbest) > 1e-6 && fabs(l1 - l0) > 1e-7; k++) {
        double l2 = l1 - f1 * (l1 - l0) / (f1 - f0), f2;
        rc = target_f(in, l2, lnw, &f2, &rtmp, st);
        if (rc != ZP_OK)
            return rc;
        if (fabs(f2) < fabs(fbest))
            lbest = l2, fbest = f2, rbest = rtmp;
        if ((f2 > 0) != (f1 > 0))
            l0 = l1, f0 = f1;
        else
            f0 *= 0.5;
        l1 = l2, f1 = f2;
    }
    if (fabs(fbest) > 1e-3)
        return zp_fail(st, ZP_ENUM, "the <sigma v> for Omega h^2 = %g did not converge (m = %g GeV)", omega, in->m);
    *lambda = exp(lbest);
    if (res != NULL)
        *res = rbest;
    return ZP_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* Observables of a model                                                                       */

int zp_relic_input_from_params(const zp_params *p, zp_relic_input *in, zp_status *st)
{
    zp_relic_input_init(in, p);
    double maj = p->v[ZP_RELIC_MAJORANA], idx = p->v[ZP_RELIC_DOF], cg = p->v[ZP_COANN_G];
    if (maj != 0.0 && maj != 1.0)
        return zp_fail(st, ZP_EDOM, "relic_majorana = %g must be 0 (Dirac) or 1 (Majorana)", maj);
    if (!(idx >= 0 && idx < ZP_RELIC_NDOF && idx == floor(idx)))
        return zp_fail(st, ZP_EDOM, "relic_dof = %g must be an integer in [0, %d] (0 std, 1 HP_A, 2 HP_B, 3 HP_B2, 4 HP_B3, 5 HP_C)",
                       idx, ZP_RELIC_NDOF - 1);
    in->dof = zp_relic_dof_get(dof_names[(int)idx], st);
    if (in->dof == NULL)
        return st ? st->code : ZP_EDATA;
    in->m = p->v[ZP_MCHI];
    in->majorana = maj == 1.0;
    in->a[0][0] = zp_cm3s_to_gevm2(p->v[ZP_SIGMAV_A]);
    in->b[0][0] = zp_cm3s_to_gevm2(p->v[ZP_SIGMAV_B]);
    if (cg > 0) { /* a heavier partner chi_2 = chi_1 + coann_dm (eq. 45 of arXiv:1702.00395) */
        in->nstates = 2;
        in->g[1] = cg;
        in->dm[1] = p->v[ZP_COANN_DM];
        in->a[0][1] = in->a[1][0] = zp_cm3s_to_gevm2(p->v[ZP_SIGMAV_A12]);
        in->a[1][1] = zp_cm3s_to_gevm2(p->v[ZP_SIGMAV_A22]);
    }
    return ZP_OK;
}

/* Kinds of model solution: the annihilation modes of the relic_sigmav parameter, and the target. */
enum { SV_THERMAL = 0, SV_SWAVE, SV_AB, SV_FIXED, SV_TARGET, SV_NKIND };

/* The model's own annihilation for the solver: the thermal table or the a + 6 b/x expansion. */
typedef struct {
    zp_thermal_table tab;
    double a, b; /* GeV^-2 */
} model_sv;

static double table_fn(void *ctx, double x, int *err)
{
    (void)err; /* a negative or non-finite value is reported by the solver */
    return zp_thermal_table_eval(&((model_sv *)ctx)->tab, x);
}

static double ab_fn(void *ctx, double x, int *err)
{
    const model_sv *c = ctx;
    double v = c->a + 6.0 * c->b / x; /* Kolb & Turner 5.2, <v^2> = 6/x */
    if (!(v > 0))
        *err = 1;
    return v;
}

/* The inelastic sector (inelastic.h): chi- and chi+ = chi- + 2 f w, g = 2 each, Majorana; the
 * Edsjo-Gondolo table (thermal), or the exact threshold a_ij (s-wave) and b_ij (a + 6 b/x) of each
 * pair with the Griest-Seckel weights of the solver. */
static int inelastic_input(const zp_params *p, int kind, zp_relic_input *in, model_sv *c, zp_status *st)
{
    zp_inel_model mod;
    int rc = zp_inel_model_from_params(p, &mod, st);
    if (rc != ZP_OK)
        return rc;
    in->majorana = 1;
    in->nstates = 2;
    in->g[0] = in->g[1] = 2.0;
    in->dm[1] = mod.m[1] - mod.m[0];
    if (kind == SV_THERMAL) {
        rc = zp_inel_table_init(&c->tab, &mod, st);
        in->fn = table_fn, in->ctx = c;
        return rc;
    }
    double a[ZP_IN_NPAIR], b[ZP_IN_NPAIR];
    zp_inel_ab(&mod, a, b);
    in->a[0][0] = a[ZP_IN_MM], in->a[1][1] = a[ZP_IN_PP], in->a[0][1] = in->a[1][0] = a[ZP_IN_PM];
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            in->b[i][j] = 0.0;
    if (kind == SV_AB)
        in->b[0][0] = b[ZP_IN_MM], in->b[1][1] = b[ZP_IN_PP], in->b[0][1] = in->b[1][0] = b[ZP_IN_PM];
    return ZP_OK;
}

/* The solver input of p for kind: SV_FIXED and SV_TARGET read sigmav_a, sigmav_b and the
 * coannihilation parameters; the others the model's couplings (thermal.h). */
static int model_input(const zp_params *p, int kind, zp_relic_input *in, model_sv *c, zp_status *st)
{
    int rc = zp_relic_input_from_params(p, in, st);
    if (rc != ZP_OK || kind == SV_FIXED || kind == SV_TARGET)
        return rc;
    double sector = p->v[ZP_DM_SECTOR];
    if (sector != 0.0 && sector != 1.0)
        return zp_fail(st, ZP_EDOM, "dm_sector = %g must be 0 (Dirac chi, section 4.1) or 1 (inelastic Majorana chi-, chi+, eqs. 41-42)", sector);
    if (sector == 1.0)
        return inelastic_input(p, kind, in, c, st);
    if (in->nstates > 1)
        return zp_fail(st, ZP_EINVAL, "a coannihilating partner (coann_g = %g) is only described by the fixed sigmav_a, sigmav_a12, sigmav_a22: set relic_sigmav = 3",
                       p->v[ZP_COANN_G]);
    zp_thermal_model mod;
    rc = zp_thermal_model_from_params(p, &mod, st);
    if (rc != ZP_OK)
        return rc;
    in->b[0][0] = 0.0;
    if (kind == SV_THERMAL) {
        rc = zp_thermal_table_init(&c->tab, &mod, st);
        in->fn = table_fn, in->ctx = c;
        return rc;
    }
    zp_thermal_ab(&mod, &c->a, &c->b);
    if (!(c->a > 0))
        return zp_fail(st, ZP_EDOM, "the s-wave <sigma v> of the model vanishes (g_chi = %g, g_q = %g, g_l = %g): no freeze-out",
                       p->v[ZP_GCHI], p->v[ZP_GQ], p->v[ZP_GL]);
    if (kind == SV_SWAVE)
        in->a[0][0] = c->a;
    else
        in->fn = ab_fn, in->ctx = c;
    return ZP_OK;
}

/* Memoised solution for a model: m.Omega_h2 and m.x_f share one solve. */
static int model_solve(const zp_params *p, int kind, zp_relic_result *r, double *sv, zp_status *st)
{
    static struct {
        int valid, rc;
        zp_params p;
        zp_relic_result r;
        double sv;
        zp_status st;
    } memo[SV_NKIND];
    if (kind < 0) { /* the relic_sigmav parameter */
        double mode = p->v[ZP_RELIC_SIGMAV];
        if (!(mode >= 0 && mode <= 3 && mode == floor(mode)))
            return zp_fail(st, ZP_EDOM, "relic_sigmav = %g must be 0 (thermal), 1 (s-wave), 2 (a + b v^2) or 3 (fixed sigmav_a, sigmav_b)",
                           mode);
        kind = (int)mode;
    }
    if (memo[kind].valid && memcmp(&memo[kind].p, p, sizeof *p) == 0) {
        if (memo[kind].rc != ZP_OK && st != NULL)
            *st = memo[kind].st;
        *r = memo[kind].r, *sv = memo[kind].sv;
        return memo[kind].rc;
    }
    zp_relic_input in;
    zp_status loc = {ZP_OK, ""};
    double lambda = 1.0;
    static model_sv ctx; /* 10 kB: not on the stack */
    int rc = model_input(p, kind, &in, &ctx, &loc);
    memset(r, 0, sizeof *r);
    if (rc == ZP_OK && kind == SV_TARGET && !(in.a[0][0] > 0))
        rc = zp_fail(&loc, ZP_EDOM, "sigmav_relic scales the s-wave part of the model, but sigmav_a = 0 cm^3/s");
    if (rc == ZP_OK)
        rc = kind == SV_TARGET ? zp_relic_target(&in, p->v[ZP_OMEGA_H2], &lambda, r, &loc)
                               : zp_relic_solve(&in, r, &loc);
    if (rc != ZP_OK && kind <= SV_AB)
        zp_prefix(&loc, "relic abundance from the model's annihilation");
    *sv = rc == ZP_OK ? p->v[ZP_SIGMAV_A] * lambda : NAN;
    memo[kind].valid = 1, memo[kind].rc = rc, memo[kind].p = *p;
    memo[kind].r = *r, memo[kind].sv = *sv, memo[kind].st = loc;
    if (rc != ZP_OK && st != NULL)
        *st = loc;
    return rc;
}

static int omega_kind(const zp_params *p, int kind, double *out, zp_status *st)
{
    zp_relic_result r;
    double sv;
    int rc = model_solve(p, kind, &r, &sv, st);
    *out = rc == ZP_OK ? r.Omega_h2 : NAN;
    return rc;
}

#define OMEGA(fname, kind)                                                              \
    static int fname(const zp_params *p, const double *args, double *out, zp_status *st) \
    {                                                                                   \
        (void)args;                                                                     \
        return omega_kind(p, kind, out, st);                                            \
    }
OMEGA(obs_Omega_h2, -1)
OMEGA(obs_Omega_h2_fixed, SV_FIXED)
OMEGA(obs_Omega_h2_swave, SV_SWAVE)
OMEGA(obs_Omega_h2_ab, SV_AB)

static int obs_x_f(const zp_params *p, const double *args, double *out, zp_status *st)
{
    (void)args;
    zp_relic_result r;
    double sv;
    int rc = model_solve(p, -1, &r, &sv, st);
    *out = rc == ZP_OK ? r.x_f : NAN;
    return rc;
}

static int obs_sigmav_relic(const zp_params *p, const double *args, double *out, zp_status *st)
{
    (void)args;
    zp_relic_result r;
    return model_solve(p, SV_TARGET, &r, out, st);
}

#define RELIC_INPUTS "mchi sigmav_a sigmav_b relic_majorana relic_dof coann_g coann_dm sigmav_a12 sigmav_a22 M_Pl s0 rho_crit_h2"
#define MODEL_INPUTS "mchi mZp gq gl gchi m_b m_t m_mu sigmav_contact relic_width relic_sigmav relic_majorana relic_dof M_Pl s0 rho_crit_h2 dm_sector f w mphi"

const zp_obs_def zp_obs_relic[] = {
    {"Omega_h2", "1",
     "relic abundance Omega h^2 from the Boltzmann equation with the annihilation chosen by relic_sigmav: by default (0) the thermal average <sigma v>(x) of the model's full sigma(s) (b, t, mu, nu_mu, Z'Z'; Breit-Wigner with running width), 1 its s-wave value, 2 a + 6 b/x, 3 the fixed sigmav_a + sigmav_b <v^2> with optional partner (coann_g > 0, coann_dm); Dirac (relic_majorana = 0: chi chibar, Omega counts both) or Majorana",
     "Gondolo & Gelmini NPB 360 (1991) 145; Griest & Seckel PRD 43 (1991) 3191; arXiv:1204.3622; docs/relic.md",
     MODEL_INPUTS " sigmav_a sigmav_b coann_g coann_dm sigmav_a12 sigmav_a22", 0, NULL, obs_Omega_h2},
    {"Omega_h2_fixed_sigmav", "1",
     "relic abundance for the fixed <sigma v> = sigmav_a + sigmav_b <v^2> (<v^2> = 6/x) of the parameters, with optional partner state (coann_g > 0) heavier by coann_dm, whatever the couplings: Omega_h2 with relic_sigmav = 3",
     "Gondolo & Gelmini NPB 360 (1991) 145; Griest & Seckel PRD 43 (1991) 3191; arXiv:1204.3622",
     RELIC_INPUTS, 0, NULL, obs_Omega_h2_fixed},
    {"Omega_h2_swave", "1",
     "relic abundance for the model's s-wave <sigma v> (v -> 0: eq. 32 with the full propagator and footnote 3's top channel) held constant: Omega_h2 with relic_sigmav = 1",
     "eq. (32); arXiv:1204.3622", MODEL_INPUTS, 0, NULL, obs_Omega_h2_swave},
    {"Omega_h2_ab", "1",
     "relic abundance for the expansion <sigma v> = a + 6 b/x of the model's sigma v_lab = a + b v^2 at threshold (fails near resonances and thresholds): Omega_h2 with relic_sigmav = 2",
     "Kolb & Turner, The Early Universe, 5.2; Griest & Seckel PRD 43 (1991) 3191", MODEL_INPUTS, 0, NULL, obs_Omega_h2_ab},
    {"x_f", "1", "freeze-out point x_f = m_chi/T_f where Y = (1 + delta) Y_eq, delta = 0.618 (the criterion of arXiv:1204.3622), of the Omega_h2 solution",
     "arXiv:1204.3622", MODEL_INPUTS " sigmav_a sigmav_b coann_g coann_dm sigmav_a12 sigmav_a22", 0, NULL, obs_x_f},
    {"sigmav_relic", "cm^3/s",
     "s-wave <sigma v> (in place of sigmav_a; sigmav_a12, sigmav_a22 scaled in proportion, sigmav_b fixed) for which the fixed-<sigma v> Boltzmann solution (Omega_h2_fixed_sigmav) gives Omega_h2_obs",
     "arXiv:1204.3622; eqs. (32), (45)", RELIC_INPUTS " Omega_h2_obs", 0, NULL, obs_sigmav_relic},
    {0},
};
