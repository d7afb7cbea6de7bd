#include "estimate/lognormal_interval.h"

#include <cmath>
#include <string>

#include <boost/math/special_functions/erf.hpp>

namespace uncounted {

Result<LognormalInterval> lognormal_interval(std::int64_t observed, double intercept,
                                             double intercept_se, double level) {
  if (!(level > 0.0 && level < 1.0))
    return fail("the interval level must lie strictly between 0 and 1, got " +
                std::to_string(level));
  if (!std::isfinite(intercept)) return fail("the log of the unobserved count is not finite");
  if (!std::isfinite(intercept_se) || intercept_se < 0)
    return fail("the standard error of the log unobserved count is not a finite non-negative "
                "number");
  if (observed < 0) return fail("the observed count must not be negative");
  // z = Phi^-1((1 + level) / 2) = sqrt(2) erf^-1(level).
  const double z = std::sqrt(2.0) * boost::math::erf_inv(level);
  const double n = static_cast<double>(observed);
  LognormalInterval out;
  out.level = level;
  out.estimate = n + std::exp(intercept);
  out.lower = n + std::exp(intercept - z * intercept_se);
  out.upper = n + std::exp(intercept + z * intercept_se);
  return out;
}

}  // namespace uncounted
