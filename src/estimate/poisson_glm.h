// A Poisson generalised linear model with log link and an arbitrary design,
// fitted by iteratively reweighted least squares as R's glm.fit does it.
//
// This is the engine under every log-linear estimator: the hierarchical
// models (loglinear_fit.h), Rcapture's heterogeneity and behavioural models
// (basic_models.h) and the profile likelihood (profile_interval.h).
//
// Algorithm (R's glm.fit with family = poisson, so that convergence flags and
// iteration counts agree with R): start from mu = y + 0.1; each iteration
// solves the weighted least-squares problem with weights mu and working
// response eta + (y - mu)/mu; stop when |dev - dev_old| / (|dev| + 0.1) <
// tolerance (default 1e-8) or after max_iterations (default 25).
//
// Rank deficiency: like R's limited-pivoting QR, a column that is (numerically)
// a linear combination of the columns before it is "aliased": its coefficient
// is set to 0 (R reports NA), it is left out of the rank, and the model is
// fitted on the remaining columns. Differences from R: we solve the normal
// equations by a Cholesky factorisation instead of a Householder QR (the
// designs are tiny and well scaled, and this is several times faster), so the
// tolerance for aliasing is on squared norms (1e-9 relative) rather than R's
// 1e-11 on norms.
//
// Thread safety: pure functions; safe to call concurrently.
#pragma once

#include <vector>

#include <Eigen/Dense>

#include "base/result.h"

namespace uncounted {

struct PoissonGlmOptions {
  int max_iterations = 25;   // R: glm.control(maxit = 25)
  double tolerance = 1e-8;   // R: glm.control(epsilon = 1e-8)
  // When true, the covariance matrix (inverse Fisher information) is computed.
  bool want_covariance = true;
};

struct PoissonGlmFit {
  bool converged = false;
  int iterations = 0;
  int rank = 0;                    // non-aliased columns
  std::vector<bool> aliased;       // per design column
  Eigen::VectorXd coefficients;    // per design column; 0 where aliased
  Eigen::VectorXd linear_predictor;  // eta = offset + X b, per row
  Eigen::VectorXd fitted;          // mu = exp(eta), per row
  double deviance = 0;             // 2 sum [y log(y/mu) - (y - mu)]
  double loglik = 0;               // sum [y log mu - mu - log y!]
  double aic = 0;                  // -2 loglik + 2 rank (R's glm AIC)
  int df_residual = 0;             // rows - rank
  // Inverse Fisher information (X' diag(mu) X)^-1 over all columns, with
  // zero rows/columns for aliased ones. Empty unless options.want_covariance.
  Eigen::MatrixXd covariance;
  // R warns "glm.fit: fitted rates numerically 0 occurred" when some mu is
  // below 10 * DBL_EPSILON; Rcapture turns that into infoFit code 3.
  bool fitted_rates_zero = false;
};

// Fits y ~ Poisson(exp(offset + X b)).
// `design` is rows x columns (include an intercept column yourself), `y` the
// counts (non-negative, need not be integers), `offset` either empty or one
// value per row.
// Errors: mismatched sizes, no rows, no columns, a negative or non-finite
// count, or a fit whose deviance becomes non-finite and cannot be rescued by
// step halving.
Result<PoissonGlmFit> fit_poisson_glm(const Eigen::MatrixXd& design, const Eigen::VectorXd& y,
                                      const Eigen::VectorXd& offset = Eigen::VectorXd(),
                                      const PoissonGlmOptions& options = PoissonGlmOptions());

// log-likelihood of counts y under means mu, with the log y! terms:
// sum [y log mu - mu - lgamma(y + 1)]. A zero mean with a zero count adds 0.
double poisson_loglik(const Eigen::VectorXd& y, const Eigen::VectorXd& mu);

// Poisson deviance 2 sum [y log(y/mu) - (y - mu)] (a zero count adds 2 mu).
double poisson_deviance(const Eigen::VectorXd& y, const Eigen::VectorXd& mu);

}  // namespace uncounted
