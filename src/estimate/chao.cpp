#include "estimate/chao.h"

#include <cmath>
#include <string>

#include <boost/math/special_functions/erf.hpp>

namespace uncounted {

Result<ChaoLowerBound> chao_lower_bound(const CaptureTable& table, double level) {
  if (!(level > 0.0 && level < 1.0))
    return fail("the interval level must lie strictly between 0 and 1, got " +
                std::to_string(level));
  ChaoLowerBound out;
  out.level = level;
  out.observed = table.observed();
  for (Pattern p = 1; p < table.cell_count(); ++p) {
    const int captures = capture_count(p);
    if (captures == 1) out.f1 += table.count(p);
    if (captures == 2) out.f2 += table.count(p);
  }
  const double n = static_cast<double>(out.observed);
  const double f1 = static_cast<double>(out.f1);
  const double f2 = static_cast<double>(out.f2);
  // Small-sample factor (k - 1) / k for k lists (Chao 1987's t-sample form).
  const double k = table.list_count();
  const double a = (k - 1.0) / k;
  if (out.f2 > 0) {
    out.unobserved = a * f1 * f1 / (2.0 * f2);
    const double r = f1 / f2;
    out.variance = f2 * (a / 2.0 * r * r + a * a * std::pow(r, 3) + a * a / 4.0 * std::pow(r, 4));
  } else {
    out.bias_corrected = true;
    out.unobserved = a * f1 * (f1 - 1.0) / 2.0;
    const double n_hat = n + out.unobserved;
    out.variance = a * f1 * (f1 - 1.0) / 2.0 + a * a * f1 * std::pow(2.0 * f1 - 1.0, 2) / 4.0 -
                   a * a * std::pow(f1, 4) / (4.0 * n_hat);
    if (out.variance < 0) out.variance = 0;  // cannot happen for n >= f1 >= 0; guards rounding
  }
  out.n_hat = n + out.unobserved;
  if (out.unobserved > 0) {
    const double z = std::sqrt(2.0) * boost::math::erf_inv(level);
    const double c =
        std::exp(z * std::sqrt(std::log1p(out.variance / (out.unobserved * out.unobserved))));
    out.lower = n + out.unobserved / c;
    out.upper = n + out.unobserved * c;
  } else {
    out.lower = out.upper = n;
  }
  return out;
}

}  // namespace uncounted
