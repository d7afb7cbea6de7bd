#include "estimate/poisson_glm.h"

#include <cfloat>
#include <algorithm>
#include <cmath>
#include <string>

namespace uncounted {
namespace {

// Relative tolerance on the Cholesky pivot (a squared residual norm) below
// which a column counts as aliased. See the header for why this is not R's.
constexpr double kAliasTolerance = 1e-11;

// Solves the weighted normal equations A b = r for the non-aliased columns,
// marking aliased ones, by a Cholesky factorisation that skips a column whose
// pivot is negligible relative to its diagonal entry (the squared norm of the
// part of the column not explained by the kept columns before it). This is
// the normal-equation analogue of R's dqrdc2 limited pivoting.
// On return `lower` holds the factor (rows/cols of aliased columns unused).
int factor_and_solve(const Eigen::MatrixXd& a, const Eigen::VectorXd& rhs, Eigen::MatrixXd& lower,
                     std::vector<bool>& aliased, Eigen::VectorXd& solution) {
  const Eigen::Index p = a.rows();
  lower.setZero(p, p);
  aliased.assign(static_cast<std::size_t>(p), false);
  int rank = 0;
  for (Eigen::Index j = 0; j < p; ++j) {
    for (Eigen::Index k = 0; k < j; ++k) {
      if (aliased[static_cast<std::size_t>(k)]) continue;
      double s = a(j, k);
      for (Eigen::Index m = 0; m < k; ++m) s -= lower(j, m) * lower(k, m);
      lower(j, k) = s / lower(k, k);
    }
    double d = a(j, j);
    for (Eigen::Index k = 0; k < j; ++k) d -= lower(j, k) * lower(j, k);
    if (!(a(j, j) > 0) || !(d > kAliasTolerance * a(j, j))) {
      aliased[static_cast<std::size_t>(j)] = true;
      for (Eigen::Index k = 0; k < j; ++k) lower(j, k) = 0;
      continue;
    }
    lower(j, j) = std::sqrt(d);
    ++rank;
  }
  // Forward substitution L y = rhs, then back substitution L' b = y.
  Eigen::VectorXd tmp = Eigen::VectorXd::Zero(p);
  for (Eigen::Index j = 0; j < p; ++j) {
    if (aliased[static_cast<std::size_t>(j)]) continue;
    double s = rhs(j);
    for (Eigen::Index k = 0; k < j; ++k) s -= lower(j, k) * tmp(k);
    tmp(j) = s / lower(j, j);
  }
  solution.setZero(p);
  for (Eigen::Index j = p - 1; j >= 0; --j) {
    if (aliased[static_cast<std::size_t>(j)]) continue;
    double s = tmp(j);
    for (Eigen::Index k = j + 1; k < p; ++k) s -= lower(k, j) * solution(k);
    solution(j) = s / lower(j, j);
  }
  return rank;
}

// (L L')^-1 restricted to the kept columns; zeros elsewhere.
Eigen::MatrixXd inverse_from_factor(const Eigen::MatrixXd& lower, const std::vector<bool>& aliased) {
  const Eigen::Index p = lower.rows();
  std::vector<Eigen::Index> kept;
  for (Eigen::Index j = 0; j < p; ++j)
    if (!aliased[static_cast<std::size_t>(j)]) kept.push_back(j);
  const Eigen::Index r = static_cast<Eigen::Index>(kept.size());
  Eigen::MatrixXd l(r, r);
  for (Eigen::Index i = 0; i < r; ++i)
    for (Eigen::Index j = 0; j < r; ++j) l(i, j) = lower(kept[i], kept[j]);
  Eigen::MatrixXd linv = l.triangularView<Eigen::Lower>().solve(Eigen::MatrixXd::Identity(r, r));
  Eigen::MatrixXd inv_kept = linv.transpose() * linv;
  Eigen::MatrixXd out = Eigen::MatrixXd::Zero(p, p);
  for (Eigen::Index i = 0; i < r; ++i)
    for (Eigen::Index j = 0; j < r; ++j) out(kept[i], kept[j]) = inv_kept(i, j);
  return out;
}

bool valid_means(const Eigen::VectorXd& mu) {
  for (Eigen::Index i = 0; i < mu.size(); ++i)
    if (!(mu(i) > 0) || !std::isfinite(mu(i))) return false;
  return true;
}

}  // namespace

double poisson_loglik(const Eigen::VectorXd& y, const Eigen::VectorXd& mu) {
  double total = 0;
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    const double yi = y(i);
    const double mi = mu(i);
    if (yi > 0) total += yi * std::log(mi);
    total -= mi + std::lgamma(yi + 1.0);
  }
  return total;
}

double poisson_deviance(const Eigen::VectorXd& y, const Eigen::VectorXd& mu) {
  double total = 0;
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    const double yi = y(i);
    const double mi = mu(i);
    total += (yi > 0 ? yi * std::log(yi / mi) : 0.0) - (yi - mi);
  }
  return 2 * total;
}

Result<PoissonGlmFit> fit_poisson_glm(const Eigen::MatrixXd& design, const Eigen::VectorXd& y,
                                      const Eigen::VectorXd& offset,
                                      const PoissonGlmOptions& options) {
  const Eigen::Index n = design.rows();
  const Eigen::Index p = design.cols();
  if (n == 0 || p == 0) return fail("Poisson GLM: the design has no rows or no columns");
  if (y.size() != n) return fail("Poisson GLM: the response length does not match the design");
  if (offset.size() != 0 && offset.size() != n)
    return fail("Poisson GLM: the offset length does not match the design");
  for (Eigen::Index i = 0; i < n; ++i)
    if (!(y(i) >= 0) || !std::isfinite(y(i)))
      return fail("Poisson GLM: counts must be finite and non-negative");
  const bool has_offset = offset.size() != 0;

  PoissonGlmFit fit;
  // R's poisson()$initialize: mustart = y + 0.1.
  Eigen::VectorXd mu = (y.array() + 0.1).matrix();
  Eigen::VectorXd eta = mu.array().log().matrix();
  double dev_old = poisson_deviance(y, mu);

  Eigen::VectorXd coef = Eigen::VectorXd::Zero(p);
  Eigen::VectorXd coef_old;
  bool have_old = false;
  Eigen::MatrixXd weighted(n, p);
  Eigen::MatrixXd normal(p, p);
  Eigen::MatrixXd lower;
  Eigen::VectorXd rhs(p);
  Eigen::VectorXd z(n);
  Eigen::VectorXd new_coef;
  std::vector<bool> aliased;
  double dev = dev_old;

  for (int iter = 1; iter <= options.max_iterations; ++iter) {
    fit.iterations = iter;
    // Working response without the offset, and weights w = mu.
    for (Eigen::Index i = 0; i < n; ++i) {
      const double eta_no_offset = has_offset ? eta(i) - offset(i) : eta(i);
      z(i) = eta_no_offset + (y(i) - mu(i)) / mu(i);
    }
    weighted = design.array().colwise() * mu.array();
    normal.noalias() = design.transpose() * weighted;
    rhs.noalias() = weighted.transpose() * z;
    fit.rank = factor_and_solve(normal, rhs, lower, aliased, new_coef);

    auto evaluate = [&](const Eigen::VectorXd& b) {
      eta.noalias() = design * b;
      if (has_offset) eta += offset;
      mu = eta.array().exp().matrix();
      return poisson_deviance(y, mu);
    };
    dev = evaluate(new_coef);
    // R's step halving when the deviance is not finite or the means are invalid.
    if (!std::isfinite(dev) || !valid_means(mu)) {
      if (!have_old)
        return fail("Poisson GLM: no valid set of coefficients was found (the fit diverged)");
      int halvings = 0;
      while (!std::isfinite(dev) || !valid_means(mu)) {
        if (++halvings > options.max_iterations)
          return fail("Poisson GLM: cannot correct the step size (the fit diverged)");
        new_coef = (new_coef + coef_old) / 2;
        dev = evaluate(new_coef);
      }
    }
    coef = new_coef;
    if (std::abs(dev - dev_old) / (std::abs(dev) + 0.1) < options.tolerance) {
      fit.converged = true;
      break;
    }
    dev_old = dev;
    coef_old = coef;
    have_old = true;
  }

  fit.aliased = aliased;
  fit.coefficients = coef;
  for (Eigen::Index j = 0; j < p; ++j)
    if (aliased[static_cast<std::size_t>(j)]) fit.coefficients(j) = 0;
  fit.linear_predictor = eta;
  fit.fitted = mu;
  // A deviance is never negative; a saturated fit leaves a rounding residue
  // such as -1e-15, which would print as "-0.00".
  fit.deviance = std::max(dev, 0.0);
  fit.loglik = poisson_loglik(y, mu);
  fit.aic = -2 * fit.loglik + 2.0 * fit.rank;
  fit.df_residual = static_cast<int>(n) - fit.rank;
  // R: summary.glm uses the QR of the last weighted least-squares step.
  if (options.want_covariance) fit.covariance = inverse_from_factor(lower, aliased);
  const double eps = 10 * DBL_EPSILON;
  for (Eigen::Index i = 0; i < n; ++i)
    if (mu(i) < eps) fit.fitted_rates_zero = true;
  return fit;
}

}  // namespace uncounted
