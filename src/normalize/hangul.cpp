#include "normalize/hangul.h"

#include <algorithm>

namespace uncounted::normalize {
namespace {

constexpr char32_t kLeadLetters[kLeadCount] = {
    U'ㄱ', U'ㄲ', U'ㄴ', U'ㄷ', U'ㄸ', U'ㄹ', U'ㅁ', U'ㅂ', U'ㅃ', U'ㅅ',
    U'ㅆ', U'ㅇ', U'ㅈ', U'ㅉ', U'ㅊ', U'ㅋ', U'ㅌ', U'ㅍ', U'ㅎ'};
constexpr char32_t kTailLetters[kTailCount] = {
    0,     U'ㄱ', U'ㄲ', U'ㄳ', U'ㄴ', U'ㄵ', U'ㄶ', U'ㄷ', U'ㄹ', U'ㄺ',
    U'ㄻ', U'ㄼ', U'ㄽ', U'ㄾ', U'ㄿ', U'ㅀ', U'ㅁ', U'ㅂ', U'ㅄ', U'ㅅ',
    U'ㅆ', U'ㅇ', U'ㅈ', U'ㅊ', U'ㅋ', U'ㅌ', U'ㅍ', U'ㅎ'};

constexpr int kLeadN = 2;
constexpr int kLeadR = 5;
constexpr int kLeadNull = 11;

// ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ: the vowels before which initial ㄹ/ㄴ drop entirely.
bool is_iotized(int vowel) {
  return vowel == 2 || vowel == 6 || vowel == 7 || vowel == 12 || vowel == 17 || vowel == 20;
}

}  // namespace

char32_t lead_letter(int lead) { return (lead >= 0 && lead < kLeadCount) ? kLeadLetters[lead] : 0; }
char32_t vowel_letter(int vowel) {
  return (vowel >= 0 && vowel < kVowelCount) ? U'ㅏ' + static_cast<char32_t>(vowel) : 0;
}
char32_t tail_letter(int tail) { return (tail >= 0 && tail < kTailCount) ? kTailLetters[tail] : 0; }

char32_t south_form(char32_t syllable) {
  auto j = decompose_syllable(syllable);
  if (!j) return syllable;
  if (j->lead == kLeadR || j->lead == kLeadN) {
    if (is_iotized(j->vowel)) {
      j->lead = kLeadNull;
    } else if (j->lead == kLeadR) {
      j->lead = kLeadN;
    }
  }
  return *compose_syllable(*j);
}

std::u32string south_form(std::u32string_view word) {
  std::u32string out(word);
  if (!out.empty()) out[0] = south_form(out[0]);
  return out;
}

bool is_hangul_word(std::u32string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char32_t c) {
    return is_hangul_syllable(c);
  });
}

}  // namespace uncounted::normalize
