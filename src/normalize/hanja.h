// Hanja / hanzi readings from the Unicode Han database (Unihan), as shipped
// by Debian's `unicode-data` package (bzip2-compressed; see bzip2.h):
// kHangul (Korean readings), kMandarin (Pinyin) and kTraditionalVariant
// (simplified -> traditional, applied before reading: 宁 -> 寧 reads 녕/령/영).
//
// Built once from the decompressed file texts (the caller reads the files;
// this module does no I/O) and then read-only.
// Errors: text without a single kHangul entry is an Error (wrong file).
// Thread safety: const member functions may be called concurrently.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.h"

namespace uncounted::normalize {

// Where Debian 12 installs the two files this class reads.
inline constexpr const char* kDebianUnihanReadings = "/usr/share/unicode/Unihan_Readings.txt.bz2";
inline constexpr const char* kDebianUnihanVariants = "/usr/share/unicode/Unihan_Variants.txt.bz2";

class HanjaReadings {
 public:
  HanjaReadings() = default;  // empty: knows no characters

  // `readings` is the text of Unihan_Readings.txt, `variants` that of
  // Unihan_Variants.txt (may be empty: no simplified -> traditional step).
  static Result<HanjaReadings> parse(std::string_view readings, std::string_view variants);

  // Hangul readings (precomposed syllables, in Unihan's order) of `han`,
  // through its traditional variants first; empty when unknown.
  // 金 -> 금 김; 李 -> 리 이; 宁 -> 녕 령 영 저.
  std::vector<char32_t> hangul(char32_t han) const;

  // Hangul spellings of a whole string of Han characters (NFC UTF-8): the
  // product of the characters' readings, at most `max_spellings`, in order
  // of preference. Empty when any character has no reading or the text is
  // not all Han.
  std::vector<std::string> hangul_spellings(std::string_view han_text,
                                            std::size_t max_spellings = 16) const;

  // First kMandarin reading (with tone marks), "" when unknown.
  std::string mandarin(char32_t han) const;

  bool empty() const { return hangul_.empty(); }

 private:
  std::unordered_map<char32_t, std::vector<char32_t>> hangul_;
  std::unordered_map<char32_t, std::string> mandarin_;
  std::unordered_map<char32_t, std::vector<char32_t>> traditional_;
};

}  // namespace uncounted::normalize
