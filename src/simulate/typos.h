// Typing and hearing errors in written names.
//
// Latin text: one error per call, at a letter chosen uniformly: a keyboard
// neighbour (QWERTY) or a phonetic confusion (o/u, k/g, t/d, p/b, l/r, i/e,
// ch/j) substituted, a letter deleted, two adjacent letters transposed, or
// a letter doubled. Non-letters (spaces, hyphens, apostrophes) are never
// touched; case is kept.
// Hangul: one syllable changed: a similar vowel (ㅓ/ㅗ, ㅐ/ㅔ, ㅕ/ㅛ, ㅡ/ㅜ,
// ㅢ/ㅣ), a similar initial (ㄱ/ㅋ, ㄷ/ㅌ, ㅂ/ㅍ, ㅈ/ㅊ, ㅅ/ㅆ), or a final
// ㅇ/ㄴ dropped, added or swapped.
// Hanzi: a given-name character replaced by another hanja with the same
// Korean reading (a clerk's homophone error), where the simulator's table
// lists one; otherwise unchanged.
//
// Every function returns text different from its input whenever the input
// has something it can change (at least one letter / syllable); text with
// nothing to change comes back unchanged.
// Thread safety: pure functions (the Rng is advanced).
#pragma once

#include <string>
#include <string_view>

#include "simulate/random.h"

namespace uncounted::simulate {

std::string latin_typo(std::string_view text, Rng& rng);
std::string hangul_typo(std::string_view text, Rng& rng);
// `skip_leading` characters (the family name) are left alone.
std::string hanzi_typo(std::string_view text, std::size_t skip_leading, Rng& rng);

}  // namespace uncounted::simulate
