// Hangul syllable arithmetic (Unicode 15, section 3.12) and the
// initial-sound law (두음법칙) that separates South from North spellings.
//
// A precomposed syllable U+AC00..U+D7A3 is lead*588 + vowel*28 + tail
// above U+AC00, with 19 leads, 21 vowels and 28 tails (tail 0 = none).
// Indices follow the Unicode order:
//   leads  ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ
//   vowels ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ
//   tails  ∅ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ
//
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace uncounted::normalize {

inline constexpr char32_t kFirstHangulSyllable = 0xAC00;
inline constexpr char32_t kLastHangulSyllable = 0xD7A3;
inline constexpr int kLeadCount = 19;
inline constexpr int kVowelCount = 21;
inline constexpr int kTailCount = 28;

struct Jamo {
  int lead = 0;   // 0..18
  int vowel = 0;  // 0..20
  int tail = 0;   // 0..27, 0 = no final consonant
  friend bool operator==(const Jamo&, const Jamo&) = default;
};

constexpr bool is_hangul_syllable(char32_t cp) {
  return cp >= kFirstHangulSyllable && cp <= kLastHangulSyllable;
}

// The jamo of a precomposed syllable; nullopt for any other code point.
constexpr std::optional<Jamo> decompose_syllable(char32_t cp) {
  if (!is_hangul_syllable(cp)) return std::nullopt;
  const int s = static_cast<int>(cp - kFirstHangulSyllable);
  return Jamo{s / (kVowelCount * kTailCount), (s % (kVowelCount * kTailCount)) / kTailCount,
              s % kTailCount};
}

// The syllable of `j`; nullopt when an index is out of range.
constexpr std::optional<char32_t> compose_syllable(Jamo j) {
  if (j.lead < 0 || j.lead >= kLeadCount || j.vowel < 0 || j.vowel >= kVowelCount || j.tail < 0 ||
      j.tail >= kTailCount) {
    return std::nullopt;
  }
  return kFirstHangulSyllable +
         static_cast<char32_t>((j.lead * kVowelCount + j.vowel) * kTailCount + j.tail);
}

// Compatibility jamo letters (U+3131..U+3163) for each index, e.g. for
// display or tests. tail_letter(0) is 0 (no final).
char32_t lead_letter(int lead);
char32_t vowel_letter(int vowel);
char32_t tail_letter(int tail);

// The South Korean (initial-sound law) form of a word-initial syllable:
// ㄹ before ㅑㅕㅖㅛㅠㅣ and ㄴ before the same vowels become ㅇ (리 -> 이,
// 녀 -> 여, 류 -> 유), ㄹ before any other vowel becomes ㄴ (로 -> 노,
// 라 -> 나). Any other code point comes back unchanged.
char32_t south_form(char32_t syllable);

// `word` with its first syllable in South form (리영호 -> 이영호).
std::u32string south_form(std::u32string_view word);

// True for a string of one or more precomposed syllables and nothing else.
bool is_hangul_word(std::u32string_view word);

}  // namespace uncounted::normalize
