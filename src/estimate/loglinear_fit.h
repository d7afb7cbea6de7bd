// Fitting a log-linear model to capture histories: Poisson regression of the
// 2^k - 1 observable cell counts (zero cells included) by iteratively
// reweighted least squares. The unobserved cell is the model's extrapolation:
// N = n + exp(intercept).
//
// Likelihood quantities follow R's glm(family = poisson) as Rcapture uses it:
//   loglik = sum_i [y_i log mu_i - mu_i - log y_i!],
//   AIC = -2 loglik + 2 rank,  BIC = -2 loglik + log(n) rank,
// with n the number of people observed and rank the number of estimated
// parameters (intercept included).
//
// Thread safety: pure functions; safe to call concurrently.
#pragma once

#include <vector>

#include "base/result.h"
#include "estimate/capture_table.h"
#include "estimate/loglinear_model.h"

namespace uncounted {

struct LoglinearFit {
  bool converged = false;
  int iterations = 0;
  double unobserved = 0;       // exp(intercept): fitted count of the all-zero cell
  double n_hat = 0;            // observed + unobserved
  double intercept = 0;
  double intercept_se = 0;     // asymptotic standard error of the intercept
  double n_hat_se = 0;         // delta-method standard error of n_hat
  double deviance = 0;         // 2 sum y log(y/mu) - (y - mu)
  int df = 0;                  // observable cells - rank
  int rank = 0;                // estimated parameters, intercept included
  double loglik = 0;
  double aic = 0;
  double bic = 0;
  std::vector<double> coefficients;  // intercept, main effects, terms() in order
  std::vector<double> fitted;        // expected count per pattern; fitted[0] = unobserved

  // Additions (loglinear engine). Aliased (linearly dependent) columns get
  // coefficient 0 and are flagged here; rank counts only the others.
  std::vector<bool> aliased;         // per coefficient
  bool fitted_rates_zero = false;    // some fitted cell < 10 DBL_EPSILON (R's glm warning)
  // Rcapture's first-order asymptotic bias of n_hat (NaN when aliased).
  double bias = 0;
  // Rcapture's infoFit code: 0 = OK; otherwise the distinct digits of
  // 1 (not converged, or |bias| > 0.1 n_hat), 2 (design not of full rank),
  // 3 (fitted rates numerically 0), in increasing order, e.g. 13.
  int info_fit = 0;
};

// Fits `model` to `table`. Errors: a model on a different number of lists.
// A fit that does not converge is returned with converged = false (callers
// decide); whether the MLE exists at all is a separate question answered by
// check_mle_existence (mle_existence.h).
//
// Speed: one fit on 5 lists (31 cells) takes about 40 microseconds; no state is
// shared, so callers may fit models on several threads.
Result<LoglinearFit> fit_loglinear(const CaptureTable& table, const LoglinearModel& model);

}  // namespace uncounted
