// Analysis of a personal name written in any script — Hangul, hanja/hanzi,
// or Latin in any romanisation — into the readings the name comparator
// (name_comparator.h) and blocking use.
//
// A written name can be read in several ways: which token is the family
// name ("Kim Yong Chol", "Yong Chol Kim", "KIM, Yong Chol"), whether the
// first two Hangul syllables are a compound surname (남궁, 선우), and which
// Hangul a hanja stands for (金 -> 김 or 금). Every plausible reading is
// kept; the comparator scores them all and keeps the best.
//
// Given names may be spaced, hyphenated or joined ("Yong Chol", "Yong-chol",
// "Yongchol"): the syllables are joined before keying.
//
// Ownership: a NameAnalyzer shares ownership of its tables.
// Thread safety: analyze() is const and may be called concurrently.
// Errors: invalid UTF-8 is an Error (the message never quotes the name).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "normalize/hanja.h"
#include "normalize/surnames.h"
#include "normalize/text.h"

namespace uncounted::normalize {

// One way of reading a name.
struct NameReading {
  // South-form Hangul surnames the family name may be; exact when the name
  // was written in Hangul or hanja, candidates when it was romanised.
  std::vector<std::string> family_hangul;
  bool family_hangul_exact = false;   // written in Hangul (or read from hanja)
  std::string given_hangul;           // given name in Hangul (initial-sound law applied); "" if romanised
  std::vector<std::string> family_keys;  // phonetic keys of the family name
  std::vector<std::string> given_keys;   // phonetic keys of the given name, syllables joined
  std::vector<std::string> whole_keys;   // keys of family + given joined, family first
  std::string exact;      // canonical written form, for the "exact" level
  bool family_last = false;  // the family name was taken from the end of the text
  bool via_hanja = false;    // Hangul obtained through Unihan readings
};

struct AnalyzedName {
  Script script = Script::kNone;
  std::vector<NameReading> readings;  // empty when nothing usable was found

  // Blocking keys, for every reading (deduplicated): "FAMILYKEY GIVENKEY"
  // with the family name's first phonetic key, and "성 GIVENKEY" for every
  // Hangul surname the family name is (or the spelling table reads it as),
  // so that two names the comparator calls the same surname share a key.
  // The first key is the reading's first "FAMILYKEY GIVENKEY".
  std::vector<std::string> blocking_keys() const;
};

class NameAnalyzer {
 public:
  // `surnames` is required (non-null); `hanja` may be null, and then hanja
  // names get no readings.
  NameAnalyzer(std::shared_ptr<const SurnameTable> surnames,
               std::shared_ptr<const HanjaReadings> hanja);

  // A whole name as one string: "김영철", "Kim Yong-chol", "KIM, Yong Chol",
  // "Yong Chol Kim", "金永哲".
  Result<AnalyzedName> analyze(std::string_view full_name) const;

  // Family and given name from separate fields (either may be empty).
  Result<AnalyzedName> analyze(std::string_view family, std::string_view given) const;

  const SurnameTable& surnames() const { return *surnames_; }

 private:
  void add_hangul_readings(std::u32string_view family, std::u32string_view given, bool via_hanja,
                           AnalyzedName& out) const;
  void add_latin_reading(const std::vector<std::string>& family_tokens,
                         const std::vector<std::string>& given_tokens, bool family_last,
                         AnalyzedName& out) const;
  void add_han_readings(std::u32string_view family, std::u32string_view given,
                        AnalyzedName& out) const;
  Result<AnalyzedName> analyze_parts(const std::vector<std::string>& family_tokens,
                                     const std::vector<std::string>& given_tokens,
                                     bool split_known) const;

  std::shared_ptr<const SurnameTable> surnames_;
  std::shared_ptr<const HanjaReadings> hanja_;
};

}  // namespace uncounted::normalize
