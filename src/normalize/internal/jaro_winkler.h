// Jaro–Winkler similarity of two byte strings (phonetic keys are ASCII).
//
// Thread safety: pure function.
#pragma once

#include <string_view>

namespace uncounted::normalize::internal {

// 1 for equal strings, 0 when either is empty (and they differ); Winkler's
// prefix bonus with p = 0.1 over at most 4 characters. Only the first
// kMaxKeyCompared bytes of each are compared: a name's key is far shorter,
// and the cost grows with the square of the length (a 2,000-character "name"
// made linking 100 records take a minute).
inline constexpr std::size_t kMaxKeyCompared = 128;
double jaro_winkler(std::string_view a, std::string_view b);

}  // namespace uncounted::normalize::internal
