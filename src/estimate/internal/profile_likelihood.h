// Private machinery of profile_interval.h, shared with basic_models.cpp:
// the multinomial profile likelihood of N for any Poisson log-linear design
// over the observable cells, and the interval search.
#pragma once

#include <functional>

#include <Eigen/Dense>

#include "base/result.h"
#include "estimate/poisson_glm.h"
#include "estimate/profile_interval.h"

namespace uncounted::internal {

// Fits a design (rows = cells, first column the intercept) to counts; lets a
// caller post-process the fit (Rcapture's Chao models drop negative eta).
using GlmFitter = std::function<Result<PoissonGlmFit>(const Eigen::MatrixXd& design, const Eigen::VectorXd& y)>;

// l(N) for the model with observable design `design` and counts `y`: appends
// the all-zero cell (an intercept-only row) with count N - n, fits, and
// returns -D/2 + n0 log n0 - lgamma(n0 + 1) + lgamma(N + 1) - N log N.
class MultinomialProfile {
 public:
  MultinomialProfile(const Eigen::MatrixXd& design, const Eigen::VectorXd& y, GlmFitter fitter);
  Result<double> operator()(double n_total);
  double observed() const { return observed_; }
  int evaluations() const { return evaluations_; }

 private:
  Eigen::MatrixXd design_;
  Eigen::VectorXd y_;
  GlmFitter fitter_;
  double observed_ = 0;
  int evaluations_ = 0;
};

// The interval search of closedpCI.t around a Poisson estimate n_hat.
Result<ProfileInterval> search_profile_interval(MultinomialProfile& profile, double n_hat,
                                                const ProfileIntervalOptions& options);

}  // namespace uncounted::internal
