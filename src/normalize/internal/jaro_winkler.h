// Jaro–Winkler similarity of two byte strings (phonetic keys are ASCII).
//
// Thread safety: pure function.
#pragma once

#include <string_view>

namespace uncounted::normalize::internal {

// 1 for equal strings, 0 when either is empty (and they differ); Winkler's
// prefix bonus with p = 0.1 over at most 4 characters.
double jaro_winkler(std::string_view a, std::string_view b);

}  // namespace uncounted::normalize::internal
