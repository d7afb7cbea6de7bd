#include "normalize/internal/jaro_winkler.h"

#include <algorithm>
#include <vector>

namespace uncounted::normalize::internal {

double jaro_winkler(std::string_view a, std::string_view b) {
  a = a.substr(0, kMaxKeyCompared);
  b = b.substr(0, kMaxKeyCompared);
  if (a == b) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const std::size_t window =
      std::max<std::size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
  std::vector<bool> a_used(a.size(), false);
  std::vector<bool> b_used(b.size(), false);
  std::size_t matches = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::size_t lo = i > window ? i - window : 0;
    const std::size_t hi = std::min(b.size(), i + window + 1);
    for (std::size_t j = lo; j < hi; ++j) {
      if (b_used[j] || a[i] != b[j]) continue;
      a_used[i] = b_used[j] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  std::size_t transpositions = 0;
  std::size_t k = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!a_used[i]) continue;
    while (!b_used[k]) ++k;
    if (a[i] != b[k]) ++transpositions;
    ++k;
  }
  const double m = static_cast<double>(matches);
  const double jaro = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
                       (m - static_cast<double>(transpositions) / 2.0) / m) /
                      3.0;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

}  // namespace uncounted::normalize::internal
