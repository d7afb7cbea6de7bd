// The romanisation-insensitive phonetic key of KOREAN.md section 4.3
// (reference oracle: shared/data/korean/tools/pkey.py), for one name part
// written in Latin letters.
//
//   Kim Yong Chol, Kim Yŏng-ch'ŏl, Gim Yeong-cheol, Kim Young-chul
//       -> KIM + YONGCOL      Hoeryong, Hoeryeong -> HOELYONG
//   Rangrim, Rangnim -> same key      Choe, Choi, Ch'oe -> COE
//
// Steps: ASCII fold; the initial-sound law (Ri/Li/Lee/Rhee/Yi -> I, initial
// r/l -> n); h after a vowel and non-rhotic r dropped; consonant and vowel
// classes merged; doubled letters collapsed; consonant clusters normalised
// so that assimilated and syllable-by-syllable spellings agree.
//
// The key is for blocking and coarse agreement, never for display. Letters
// outside a-z after folding (Hangul, Han, digits) are dropped: romanise
// Hangul first (see korean_name.h, which does).
//
// Thread safety: pure function.
#pragma once

#include <string>
#include <string_view>

namespace uncounted::normalize {

// Key of one name part (a family name, or a whole given name with its
// syllables joined: "Yong Chol", "Yong-chol" and "Yongchol" give one key).
// Input is UTF-8; invalid UTF-8 or no Latin letters give "".
std::string phonetic_key(std::string_view name_part);

// The same key for text already folded to lower-case ASCII letters a-z
// (anything else is ignored).
std::string phonetic_key_ascii(std::string_view letters);

}  // namespace uncounted::normalize
