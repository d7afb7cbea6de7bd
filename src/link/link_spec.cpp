#include "link/link_spec.h"

#include <array>
#include <utility>

namespace uncounted::link {
namespace {

constexpr std::array<std::pair<ComparatorKind, const char*>, 9> kNames{{
    {ComparatorKind::kExact, "exact"},
    {ComparatorKind::kJaroWinkler, "jaro_winkler"},
    {ComparatorKind::kLevenshtein, "levenshtein"},
    {ComparatorKind::kDamerau, "damerau_levenshtein"},
    {ComparatorKind::kYear, "year"},
    {ComparatorKind::kDate, "date"},
    {ComparatorKind::kPlace, "place"},
    {ComparatorKind::kKoreanName, "korean_name"},
    {ComparatorKind::kNameSwap, "name_swap"},
}};

}  // namespace

const char* to_string(ComparatorKind kind) {
  for (const auto& [k, name] : kNames)
    if (k == kind) return name;
  return "?";
}

bool parse_comparator_kind(const std::string& text, ComparatorKind& out) {
  for (const auto& [k, name] : kNames)
    if (text == name) {
      out = k;
      return true;
    }
  return false;
}

}  // namespace uncounted::link
