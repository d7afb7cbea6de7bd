// How a source writes a person's name: the script, the romanisation, the
// surname spelling, the order of the parts and how a given name's
// syllables are joined.
//
//   kHangulSouth   김영희 / 이련화 -> 이연화: Hangul only, South surname forms
//                  (이 임 유 노 ...), the initial-sound law often applied
//                  to the given name as well
//   kDprkAscii     Kim Yong Hui, Ri Ryon Hwa (DPRK style, no breves)
//   kSouthAdHoc    Kim Young-hee, Lee Yeon-hwa, Park, Choi (South ad-hoc)
//   kRrCapitals    KIM Yeong-hui (RR, family name in capitals; passports
//                  and UN documents)
//   kMrDiacritics  Kim Yŏng-hŭi, Yi Yŏn-hwa (McCune–Reischauer, ALA-LC)
//   kPinyin        Jin Yingji 金英姬 (Mandarin readings of the hanja, as a
//                  Chinese document writes them; hanzi in name_hanzi)
//
// Latin styles vary the order (given name first, "KIM, Yong Chol") and the
// joining of the given name (spaced, hyphenated, joined) at the rates of
// NameForm. Only the columns a style has are filled: no Latin style writes
// name_hangul, and only kPinyin writes name_hanzi.
//
// Thread safety: pure functions of their arguments (the Rng is advanced).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "simulate/population.h"
#include "simulate/random.h"
#include "simulate/tables.h"

namespace uncounted::simulate {

enum class NameStyle { kHangulSouth, kDprkAscii, kSouthAdHoc, kRrCapitals, kMrDiacritics, kPinyin };

const char* to_string(NameStyle style);
std::optional<NameStyle> name_style_from_string(std::string_view name);

struct NameForm {
  double given_first_rate = 0.0;  // "Yong Chol Kim"
  double comma_rate = 0.0;        // "KIM, Yong Chol" (family first, comma)
  // Relative weights of the given name's joining: "Yong Chol", "Yong-chol",
  // "Yongchol". Ignored by the Hangul style.
  double spaced = 1.0, hyphenated = 1.0, joined = 0.2;
  bool split_fields = false;      // also fill family_name and given_name
  double south_given_rate = 0.7;  // kHangulSouth: initial-sound law on the given name
  double hanzi_rate = 0.8;        // kPinyin: also write the hanzi in name_hanzi
  double space_in_hangul_rate = 0.1;  // kHangulSouth: "김 영희"
};

// The columns a source writes for a name. Empty means "not written".
struct WrittenName {
  std::string full_name;
  std::string family_name;
  std::string given_name;
  std::string name_hangul;
  std::string name_hanzi;
};

// The parts of a name before they are put together (typos are applied to
// these by the simulator, then compose() builds the columns).
struct NameParts {
  std::string family;       // as written, e.g. "KIM", "Lee", "김", "Jin"
  std::string given;        // as written, joined per the chosen joining
  std::string hanzi;        // kPinyin only
  bool hangul = false;      // Hangul script
  bool given_first = false;
  bool comma = false;
  bool space = false;       // Hangul: a space between family and given name
};

// Draws how `person` is written in `style`. Aborts if `style` is kPinyin
// and tables.hanja is null (simulate() checks this first).
NameParts write_name(const Person& person, NameStyle style, const NameForm& form,
                     const KoreanTables& tables, Rng& rng);

// The columns for `parts` (split_fields decides family_name/given_name).
WrittenName compose(const NameParts& parts, const NameForm& form);

}  // namespace uncounted::simulate
