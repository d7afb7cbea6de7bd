#include "estimate/internal/profile_likelihood.h"

#include <cmath>
#include <limits>
#include <utility>

#include <boost/math/distributions/chi_squared.hpp>

namespace uncounted::internal {

MultinomialProfile::MultinomialProfile(const Eigen::MatrixXd& design, const Eigen::VectorXd& y,
                                       GlmFitter fitter)
    : fitter_(std::move(fitter)) {
  const Eigen::Index rows = design.rows();
  design_.resize(rows + 1, design.cols());
  design_.row(0).setZero();
  design_(0, 0) = 1.0;  // the all-zero cell: intercept only
  design_.bottomRows(rows) = design;
  y_.resize(rows + 1);
  y_(0) = 0;
  y_.tail(rows) = y;
  observed_ = y.sum();
}

namespace {

// Stirling's error: lgamma(x + 1) - [x log x - x + log(2 pi x) / 2], x > 0.
double stirling_error(double x) {
  if (x < 15) {
    constexpr double kHalfLog2Pi = 0.91893853320467274178;
    return std::lgamma(x + 1) - (x * std::log(x) - x + 0.5 * std::log(x) + kHalfLog2Pi);
  }
  const double inv = 1 / x;
  const double inv2 = inv * inv;
  return inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
}

// log [ n0^n0 N! / (N^N n0!) ] with N = n + n0, written so that it stays
// accurate for huge N (the four terms are each ~N log N; their difference
// is O(log N)): = -n - log(n0/N)/2 - err(n0) + err(N).
double multinomial_constant(double observed, double n0) {
  const double total = observed + n0;
  if (n0 <= 0) return std::lgamma(total + 1) - total * std::log(total);
  return -observed - 0.5 * std::log(n0 / total) - stirling_error(n0) + stirling_error(total);
}

}  // namespace

Result<double> MultinomialProfile::operator()(double n_total) {
  ++evaluations_;
  const double n0 = std::max(0.0, n_total - observed_);
  y_(0) = n0;
  auto fit = fitter_(design_, y_);
  if (!fit) return tl::unexpected(fit.error());
  // The multinomial coefficient and the normalisation that turn the Poisson
  // deviance of the complete table into the multinomial profile.
  return -fit->deviance / 2 + multinomial_constant(observed_, n0);
}

namespace {

// Golden-section search for the maximum of f on [a, b]; tolerance as R's
// optimize: sqrt(DBL_EPSILON) |x| + tol / 3.
Result<std::pair<double, double>> maximise(MultinomialProfile& f, double a, double b, double tol) {
  const double ratio = (std::sqrt(5.0) - 1) / 2;
  double c = b - ratio * (b - a);
  double d = a + ratio * (b - a);
  auto fc = f(c);
  if (!fc) return tl::unexpected(fc.error());
  auto fd = f(d);
  if (!fd) return tl::unexpected(fd.error());
  double vc = *fc, vd = *fd;
  for (int iter = 0; iter < 400; ++iter) {
    const double mid = (a + b) / 2;
    const double tol1 = 1.4901161193847656e-08 * std::abs(mid) + tol / 3;
    if (b - a <= 2 * tol1) break;
    if (vc >= vd) {
      b = d;
      d = c;
      vd = vc;
      c = b - ratio * (b - a);
      auto v = f(c);
      if (!v) return tl::unexpected(v.error());
      vc = *v;
    } else {
      a = c;
      c = d;
      vc = vd;
      d = a + ratio * (b - a);
      auto v = f(d);
      if (!v) return tl::unexpected(v.error());
      vd = *v;
    }
  }
  return vc >= vd ? std::make_pair(c, vc) : std::make_pair(d, vd);
}

// Root of g(x) = f(x) - cut between x0 and x1, where g(x0) and g(x1) have
// opposite signs (given as g0, g1), by the Illinois variant of false
// position, falling back to bisection when it stalls.
Result<double> find_root(MultinomialProfile& f, double cut, double x0, double g0, double x1, double g1,
                         double tol) {
  int side = 0;
  double previous = std::numeric_limits<double>::quiet_NaN();
  for (int iter = 0; iter < 300; ++iter) {
    const double width = std::abs(x1 - x0);
    const double tol1 = 2 * std::numeric_limits<double>::epsilon() * std::abs(x1) + tol / 2;
    if (width <= tol1) return (x0 + x1) / 2;
    double x2 = (x0 * g1 - x1 * g0) / (g1 - g0);
    // Bisect every few steps, or when the secant leaves the bracket.
    if (!(x2 > std::min(x0, x1) && x2 < std::max(x0, x1)) || iter % 8 == 7) x2 = (x0 + x1) / 2;
    auto v = f(x2);
    if (!v) return tl::unexpected(v.error());
    const double g2 = *v - cut;
    if (g2 == 0) return x2;
    if (std::abs(x2 - previous) < tol / 2) return x2;
    previous = x2;
    if ((g2 > 0) == (g1 > 0)) {
      x1 = x2;
      g1 = g2;
      if (side == -1) g0 /= 2;
      side = -1;
    } else {
      x0 = x2;
      g0 = g2;
      if (side == +1) g1 /= 2;
      side = +1;
    }
  }
  return (x0 + x1) / 2;
}

}  // namespace

Result<ProfileInterval> search_profile_interval(MultinomialProfile& profile, double n_hat,
                                                const ProfileIntervalOptions& options) {
  if (!(options.level > 0 && options.level < 1))
    return fail("the confidence level must be between 0 and 1");
  if (!(options.max_upper_factor > 1)) return fail("the upper search factor must exceed 1");
  if (!(options.tolerance > 0)) return fail("the tolerance must be positive");
  const double n = profile.observed();
  if (!std::isfinite(n_hat) || n_hat < n) return fail("the point estimate of N is not finite");
  const double half_chi2 = boost::math::quantile(boost::math::chi_squared(1.0), options.level) / 2;

  ProfileInterval out;
  out.level = options.level;
  auto best = maximise(profile, n, std::max(1.5 * n_hat, n + 1.0), options.tolerance);
  if (!best) return tl::unexpected(best.error());
  out.n_max = best->first;
  out.loglik_max = best->second;
  const double cut = out.loglik_max - half_chi2;

  auto at_n = profile(n);
  if (!at_n) return tl::unexpected(at_n.error());
  if (*at_n - cut >= 0) {
    out.lower = n;
    out.lower_at_observed = true;
  } else {
    auto root = find_root(profile, cut, n, *at_n - cut, out.n_max, out.loglik_max - cut, options.tolerance);
    if (!root) return tl::unexpected(root.error());
    out.lower = *root;
  }

  const double far = options.max_upper_factor * n_hat;
  auto at_far = profile(far);
  if (!at_far) return tl::unexpected(at_far.error());
  if (!(far > out.n_max) || *at_far - cut >= 0) {
    out.upper = std::numeric_limits<double>::infinity();
    out.upper_finite = false;
  } else {
    auto root = find_root(profile, cut, out.n_max, out.loglik_max - cut, far, *at_far - cut, options.tolerance);
    if (!root) return tl::unexpected(root.error());
    out.upper = *root;
  }
  out.evaluations = profile.evaluations();
  return out;
}

}  // namespace uncounted::internal
