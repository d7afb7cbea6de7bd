#include "base/number_text.h"

namespace uncounted {

std::string group_thousands(std::int64_t value) {
  const bool negative = value < 0;
  // Unsigned negation is defined for every value, the most negative included.
  const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  const std::string digits = std::to_string(magnitude);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return negative ? "-" + out : out;
}

}  // namespace uncounted
