// Surface pronunciation of a Hangul word: the sound changes of KOREAN.md
// section 1.2 (final neutralisation, linking, palatalisation, nasalisation,
// ㄹ assimilation, ㅎ aspiration). Romanisers read this, not the spelling.
//
// Thread safety: pure functions.
#pragma once

#include <string_view>
#include <vector>

namespace uncounted::normalize::internal {

// One pronounced syllable. Consonants are compatibility jamo letters
// (U+3131..U+314E); ㅇ as lead means "no consonant"; tail 0 means none.
struct Sound {
  char32_t lead = 0;
  int vowel = 0;  // vowel index 0..20 (hangul.h order)
  char32_t tail = 0;
};

// Precondition: every code point of `word` is a precomposed syllable.
// With assimilate = false, the spelled jamo come back unchanged (tails may
// then be clusters such as ㄳ).
std::vector<Sound> pronounce(std::u32string_view word, bool assimilate);

// The representative of a final consonant at a word end or before a
// consonant (ㄲ -> ㄱ, ㅅ -> ㄷ, ㄻ -> ㅁ, ...); 0 stays 0.
char32_t neutral_final(char32_t tail);

}  // namespace uncounted::normalize::internal
