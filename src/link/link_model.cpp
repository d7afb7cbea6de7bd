#include "link/link_model.h"

#include <cmath>

namespace uncounted::link {

double FieldModel::weight(int level) const {
  const auto l = static_cast<std::size_t>(level);
  return std::log2(m[l] / u[l]);
}

double LinkModel::prior_weight() const { return std::log2(prior / (1.0 - prior)); }

double probability_from_weight(double weight) {
  if (weight > 60) return 1.0;
  if (weight < -60) return std::exp2(weight);
  const double odds = std::exp2(weight);
  return odds / (1.0 + odds);
}

}  // namespace uncounted::link
