// String comparators for record linkage: Jaro–Winkler, Levenshtein and
// Damerau–Levenshtein (optimal string alignment) on UTF-8 text.
//
// Text is compared by code point, so "Müller" and "Muller" differ by one
// edit, not two. Bytes that are not valid UTF-8 count as one code point each
// (never an error: callers validate input when reading it).
//
// Thread safety: pure functions (they use thread-local scratch space).
#pragma once

#include <cstddef>
#include <string_view>

namespace uncounted::link {

// Jaro–Winkler similarity in [0, 1]: 1 for equal strings, 0 when exactly one
// is empty; Winkler's prefix bonus with p = 0.1 over at most 4 characters.
// Only the first kMaxJaroWinklerLength code points of each are compared: the
// cost grows with the square of the length, and a field that long is not a
// name or a place.
inline constexpr std::size_t kMaxJaroWinklerLength = 256;
double jaro_winkler(std::string_view a, std::string_view b);

// Levenshtein distance (insert, delete, substitute), computed only up to
// `cap`: any distance above `cap` is returned as cap + 1.
int levenshtein(std::string_view a, std::string_view b, int cap = 1 << 20);

// Damerau–Levenshtein distance in its optimal-string-alignment form (adds
// the transposition of two adjacent characters), capped like levenshtein().
int damerau_levenshtein(std::string_view a, std::string_view b, int cap = 1 << 20);

}  // namespace uncounted::link
