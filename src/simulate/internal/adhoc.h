// South-style ad-hoc romanisation of given-name syllables, as South Korean
// media and passports-by-habit write them: 영 Young/Yeong/Yong, 철 Chul/
// Cheol/Chol, 희 Hee/Hui, 순 Soon/Sun, 숙 Sook/Suk, 경 Kyung/Kyeong, ...
// No assimilation across syllables; each syllable spelled on its own with
// weighted alternatives.
//
// Thread safety: pure function (the Rng is advanced).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "simulate/random.h"

namespace uncounted::simulate::internal {

// Lower-case spelling of each precomposed syllable of `hangul` (other code
// points are skipped).
std::vector<std::string> adhoc_syllables(std::u32string_view hangul, Rng& rng);

// Pinyin without tone marks: ā á ǎ à -> a, ü -> u, ...
std::string strip_tones(std::string_view pinyin);

}  // namespace uncounted::simulate::internal
