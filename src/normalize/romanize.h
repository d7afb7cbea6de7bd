// Romanisation of Hangul: Revised Romanization (ROK 2000), McCune–Reischauer
// (ALA-LC / South usage), the DPRK 1992 system, and the ASCII forms that news
// and NGO reports use. Own tables (KOREAN.md section 1); ICU's
// Korean-Latin/BGN transform is not used (it drops vowels).
//
// Word mode (places, ordinary words) applies the sound changes of KOREAN.md
// section 1.2 across the whole word and returns lower case:
//   독립 -> dongnip (RR), tongnip (MR);  평양 -> p'yŏngyang (MR),
//   phyŏngyang (DPRK 1992), phyongyang (DPRK ASCII).
// Name mode writes the family name first, capitalised, then the given name:
//   김영철 -> Gim Yeong-cheol (RR: no assimilation inside the given name),
//             Kim Yŏng-ch'ŏl (MR), Kim Yong-chol (MR ASCII),
//             Kim Yŏng-chŏl (DPRK 1992), Kim Yong Chol (DPRK ASCII).
// MR and RR write family names by rule (이 -> I, 박 -> Bak in RR); the
// traditional spellings (Lee, Park) live in the surname table.
//
// Errors: input that is empty or contains anything but precomposed Hangul
// syllables (after NFC) is an Error; the message does not quote the input.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace uncounted::normalize {

enum class Romanization {
  kRevised,                // RR 2000
  kMcCuneReischauer,       // MR with breves and apostrophes, South usage (ALA-LC)
  kMcCuneReischauerAscii,  // MR without breves and apostrophes (Kim Yong-chol, Pyongyang)
  kDprk1992,               // DPRK official: kh th ph ch, j for ㅈ, breves, initial r
  kDprkAscii,              // DPRK 1992 without breves; given name syllables spaced
};

// Word mode; see above.
Result<std::string> romanize_word(std::string_view hangul, Romanization system);

// Name mode. `family` is usually one syllable (two for 남궁, 선우, ...);
// `given` may be empty. In MR the South form of the family name is used
// (리 -> I), in the DPRK systems the spelled form (리 -> Ri).
Result<std::string> romanize_name(std::string_view family, std::string_view given,
                                  Romanization system);

}  // namespace uncounted::normalize
