#include "estimate/internal/loglinear_design.h"

#include <cmath>
#include <limits>

namespace uncounted::internal {

Eigen::MatrixXd loglinear_design(int list_count, const std::vector<Pattern>& terms) {
  const Eigen::Index rows = (Eigen::Index{1} << list_count) - 1;
  const Eigen::Index cols = 1 + list_count + static_cast<Eigen::Index>(terms.size());
  Eigen::MatrixXd x(rows, cols);
  for (Eigen::Index r = 0; r < rows; ++r) {
    const Pattern p = static_cast<Pattern>(r + 1);
    x(r, 0) = 1.0;
    for (int j = 0; j < list_count; ++j) x(r, 1 + j) = (p >> j & 1) ? 1.0 : 0.0;
    for (std::size_t t = 0; t < terms.size(); ++t)
      x(r, 1 + list_count + static_cast<Eigen::Index>(t)) = (p & terms[t]) == terms[t] ? 1.0 : 0.0;
  }
  return x;
}

Eigen::VectorXd observable_counts(const CaptureTable& table) {
  const Eigen::Index rows = static_cast<Eigen::Index>(table.cell_count()) - 1;
  Eigen::VectorXd y(rows);
  for (Eigen::Index r = 0; r < rows; ++r)
    y(r) = static_cast<double>(table.count(static_cast<Pattern>(r + 1)));
  return y;
}

double rcapture_bias(const PoissonGlmFit& fit, const Eigen::MatrixXd& design) {
  for (bool a : fit.aliased)
    if (a) return std::numeric_limits<double>::quiet_NaN();
  if (fit.covariance.size() == 0) return std::numeric_limits<double>::quiet_NaN();
  // With V the inverse information and x_i the design rows:
  //   xi_i = -x_i' V x_i / 2,  psi = -2 X' diag(mu) xi - e_1,
  //   bias = exp(b0) / 2 * (-(V psi)_1).
  const Eigen::MatrixXd& v = fit.covariance;
  const Eigen::MatrixXd xv = design * v;
  const Eigen::VectorXd xi = -0.5 * (xv.array() * design.array()).rowwise().sum().matrix();
  Eigen::VectorXd psi = -2.0 * design.transpose() * (fit.fitted.array() * xi.array()).matrix();
  psi(0) -= 1.0;
  const double first = -(v.row(0).dot(psi));
  return 0.5 * std::exp(fit.coefficients(0)) * first;
}

int rcapture_info_fit(bool not_converged_or_biased, bool rank_deficient, bool other_warning) {
  int code = 0;
  if (not_converged_or_biased) code = code * 10 + 1;
  if (rank_deficient) code = code * 10 + 2;
  if (other_warning) code = code * 10 + 3;
  return code;
}

}  // namespace uncounted::internal
