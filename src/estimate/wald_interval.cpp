#include "estimate/wald_interval.h"

#include <cmath>
#include <limits>

#include <boost/math/distributions/normal.hpp>

namespace uncounted {

WaldInterval wald_interval(double n_hat, double se, double level) {
  WaldInterval out;
  out.level = level;
  if (!(level > 0 && level < 1)) {
    out.lower = out.upper = std::numeric_limits<double>::quiet_NaN();
    return out;
  }
  const double z = boost::math::quantile(boost::math::normal(), (1 + level) / 2);
  out.lower = n_hat - z * se;
  out.upper = n_hat + z * se;
  return out;
}

}  // namespace uncounted
