// Code-point level romanisers behind romanize.h, for use inside the module
// (no NFC or validation: callers pass precomposed syllables only).
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "normalize/romanize.h"

namespace uncounted::normalize::internal {

// Revised Romanization of a word, lower case.
std::string rr_word(std::u32string_view word, bool assimilate);

// McCune–Reischauer, one string per syllable (lower case). dprk selects the
// DPRK 1992 letters; initial_r writes a word-initial ㄹ as r (else n).
std::vector<std::string> mr_syllables(std::u32string_view word, bool assimilate, bool dprk,
                                      bool initial_r);

// Romanises a name in `system` (see romanize.h).
std::string name_romanization(std::u32string_view family, std::u32string_view given,
                              Romanization system);

// Romanises a word in `system` (see romanize.h).
std::string word_romanization(std::u32string_view word, Romanization system);

// Removes breves (ŏ ŭ) and apostrophes from our own romaniser output.
std::string drop_marks(std::string_view s);

// First letter upper case (ASCII, Ŏ, Ŭ), the rest lower case.
std::string capitalize(std::string_view s);

}  // namespace uncounted::normalize::internal
