// Comparison of two Korean personal names written in any script, as a
// Fellegi–Sunter comparison level with a score and an explanation.
//
// Levels, from strongest to weakest evidence:
//   kExact     the same written name (after NFKC case folding; spaces,
//              hyphens and the name order do not count): "Kim Yong-chol" /
//              "KIM, Yong Chol"; 리영호 / 이영호 (North/South surname form).
//   kSameKey   the same name in another script or romanisation: 김영철 /
//              "Kim Yŏng-ch'ŏl" / "Gim Yeong-cheol" / "Kim Young-chul";
//              金永哲 / 김영철 through Unihan readings.
//   kCloseKey  nearly the same: one part agrees and the other's phonetic
//              keys have Jaro–Winkler >= kCloseThreshold (typos, ee/ui), or
//              two Hangul names that differ but sound alike (김영철 / 김용철).
//   kGivenOnly the given name agrees (same Hangul or phonetic key) and the
//              family name differs: a misspelt or unknown surname ("Ikm Un
//              Chol" / 김은철, "Kant Kyong Suk" / "GANG Gyeongsuk"), or two
//              people with one given name (김영희 / 이영희); the model weighs it.
//   kDifferent anything else, including names with no usable reading.
// A name that lacks a family (or given) name is compared on what it has,
// and can reach kCloseKey at most.
//
// The explanation names the evidence ("family: same surname; given: same
// phonetic key; order: family name last in the second") and never contains
// the names themselves.
//
// Thread safety: pure function over immutable inputs.
#pragma once

#include <string>

#include "normalize/korean_name.h"

namespace uncounted::normalize {

enum class NameLevel { kDifferent = 0, kGivenOnly = 1, kCloseKey = 2, kSameKey = 3, kExact = 4 };

// "exact", "same_key", "close_key", "given_only", "different".
const char* to_string(NameLevel level);

inline constexpr double kCloseThreshold = 0.90;

struct NameComparison {
  NameLevel level = NameLevel::kDifferent;
  double score = 0;         // 0..1: 1 for exact; mean part similarity otherwise
  std::string explanation;  // no name content
};

NameComparison compare_names(const AnalyzedName& a, const AnalyzedName& b);

}  // namespace uncounted::normalize
