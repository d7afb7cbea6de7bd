#include "normalize/internal/pronounce.h"

#include "normalize/hangul.h"

namespace uncounted::normalize::internal {
namespace {

constexpr int kVowelI = 20;  // ㅣ

struct Split {
  char32_t first;
  char32_t second;
};

// Double finals: only the second part links to a following vowel.
bool split_cluster(char32_t tail, Split& out) {
  switch (tail) {
    case U'ㄳ': out = {U'ㄱ', U'ㅅ'}; return true;
    case U'ㄵ': out = {U'ㄴ', U'ㅈ'}; return true;
    case U'ㄶ': out = {U'ㄴ', U'ㅎ'}; return true;
    case U'ㄺ': out = {U'ㄹ', U'ㄱ'}; return true;
    case U'ㄻ': out = {U'ㄹ', U'ㅁ'}; return true;
    case U'ㄼ': out = {U'ㄹ', U'ㅂ'}; return true;
    case U'ㄽ': out = {U'ㄹ', U'ㅅ'}; return true;
    case U'ㄾ': out = {U'ㄹ', U'ㅌ'}; return true;
    case U'ㄿ': out = {U'ㄹ', U'ㅍ'}; return true;
    case U'ㅀ': out = {U'ㄹ', U'ㅎ'}; return true;
    case U'ㅄ': out = {U'ㅂ', U'ㅅ'}; return true;
    default: return false;
  }
}

char32_t nasal_of(char32_t f) {
  switch (f) {
    case U'ㄱ': return U'ㅇ';
    case U'ㄷ': return U'ㄴ';
    case U'ㅂ': return U'ㅁ';
    default: return 0;
  }
}

char32_t aspirate(char32_t lead) {
  switch (lead) {
    case U'ㄱ': return U'ㅋ';
    case U'ㄷ': return U'ㅌ';
    case U'ㅂ': return U'ㅍ';
    case U'ㅈ': return U'ㅊ';
    default: return 0;
  }
}

}  // namespace

char32_t neutral_final(char32_t tail) {
  switch (tail) {
    case U'ㄱ': case U'ㄲ': case U'ㅋ': case U'ㄳ': case U'ㄺ': return U'ㄱ';
    case U'ㄴ': case U'ㄵ': case U'ㄶ': return U'ㄴ';
    case U'ㄷ': case U'ㅅ': case U'ㅆ': case U'ㅈ': case U'ㅊ': case U'ㅌ': case U'ㅎ': return U'ㄷ';
    case U'ㄹ': case U'ㄼ': case U'ㄽ': case U'ㄾ': case U'ㅀ': return U'ㄹ';
    case U'ㄻ': case U'ㅁ': return U'ㅁ';
    case U'ㅂ': case U'ㅍ': case U'ㄿ': case U'ㅄ': return U'ㅂ';
    case U'ㅇ': return U'ㅇ';
    default: return 0;
  }
}

std::vector<Sound> pronounce(std::u32string_view word, bool assimilate) {
  std::vector<Sound> sy;
  sy.reserve(word.size());
  for (char32_t c : word) {
    const auto j = decompose_syllable(c);
    if (!j) continue;  // precondition violated: skip rather than misread
    sy.push_back({lead_letter(j->lead), j->vowel, tail_letter(j->tail)});
  }
  if (!assimilate || sy.empty()) return sy;
  for (std::size_t i = 0; i + 1 < sy.size(); ++i) {
    const char32_t F = sy[i].tail;
    char32_t I = sy[i + 1].lead;
    if (F == 0) continue;
    if (I == U'ㅇ') {  // linking (연음)
      if (F == U'ㅇ') continue;
      if (F == U'ㅎ') {
        sy[i].tail = 0;
        continue;
      }
      Split sp{};
      if (split_cluster(F, sp)) {
        sy[i].tail = sp.first;
        sy[i + 1].lead = sp.second == U'ㅅ' ? U'ㅆ' : sp.second;
        if (sp.second == U'ㅎ') sy[i + 1].lead = U'ㅇ';
        continue;
      }
      if ((F == U'ㄷ' || F == U'ㅌ') && sy[i + 1].vowel == kVowelI) {  // palatalisation
        sy[i].tail = 0;
        sy[i + 1].lead = F == U'ㄷ' ? U'ㅈ' : U'ㅊ';
        continue;
      }
      sy[i].tail = 0;
      sy[i + 1].lead = F;
      continue;
    }
    const char32_t f = neutral_final(F);
    if (I == U'ㅎ' && (f == U'ㄱ' || f == U'ㄷ' || f == U'ㅂ')) {  // k-h in nouns and names
      sy[i].tail = f;
      continue;
    }
    if ((F == U'ㅎ' || F == U'ㄶ' || F == U'ㅀ') && aspirate(I) != 0) {
      sy[i].tail = F == U'ㅎ' ? 0 : (F == U'ㄶ' ? U'ㄴ' : U'ㄹ');
      sy[i + 1].lead = aspirate(I);
      continue;
    }
    if (I == U'ㄹ') {
      if (f == U'ㄴ' || f == U'ㄹ') {  // ㄴ+ㄹ, ㄹ+ㄹ -> ll
        sy[i].tail = U'ㄹ';
        continue;
      }
      sy[i + 1].lead = U'ㄴ';  // ㅁ/ㅇ/obstruent + ㄹ: the ㄹ becomes n
      I = U'ㄴ';
    }
    if (f == U'ㄹ' && I == U'ㄴ') {  // ㄹ+ㄴ -> ll
      sy[i].tail = U'ㄹ';
      sy[i + 1].lead = U'ㄹ';
      continue;
    }
    if ((I == U'ㄴ' || I == U'ㅁ') && nasal_of(f) != 0) {  // nasalisation
      sy[i].tail = nasal_of(f);
      continue;
    }
    sy[i].tail = f;
  }
  sy.back().tail = neutral_final(sy.back().tail);
  return sy;
}

}  // namespace uncounted::normalize::internal
