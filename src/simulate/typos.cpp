#include "simulate/typos.h"

#include <array>
#include <utility>
#include <vector>

#include "normalize/hangul.h"
#include "simulate/internal/inventory.h"
#include "base/utf8.h"
#include "simulate/internal/text_util.h"

namespace uncounted::simulate {
namespace {


constexpr std::array<std::string_view, 26> kNeighbours = {
    "qwsz", "vghn", "xdfv", "serfcx", "wsdr", "drtgvc", "ftyhbv", "gyujnb", "ujko", "huikmn",
    "jiolm", "kop", "njk", "bhjm", "iklp", "ol", "wa", "edft", "awedxz", "rfgy", "yhji",
    "cfgb", "qase", "zsdc", "tghu", "asx"};

constexpr std::array<std::pair<char, char>, 14> kPhonetic = {{
    {'o', 'u'}, {'u', 'o'}, {'k', 'g'}, {'g', 'k'}, {'t', 'd'}, {'d', 't'}, {'p', 'b'},
    {'b', 'p'}, {'l', 'r'}, {'r', 'l'}, {'i', 'e'}, {'e', 'i'}, {'j', 'c'}, {'c', 'j'}}};

bool is_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}
bool is_upper(char32_t c) { return c >= U'A' && c <= U'Z'; }
char32_t lower(char32_t c) { return is_upper(c) ? c - U'A' + U'a' : c; }
char32_t with_case_of(char32_t c, char32_t model) {
  return is_upper(model) && c >= U'a' && c <= U'z' ? c - U'a' + U'A' : c;
}

char32_t substitute(char32_t c, Rng& rng) {
  const char32_t l = lower(c);
  if (l < U'a' || l > U'z') return l == U'ŏ' ? U'u' : (l == U'ŭ' ? U'o' : U'e');
  if (rng.bernoulli(0.4)) {
    for (const auto& [from, to] : kPhonetic)
      if (static_cast<char32_t>(from) == l) return with_case_of(static_cast<char32_t>(to), c);
  }
  const std::string_view n = kNeighbours[l - U'a'];
  return with_case_of(static_cast<char32_t>(n[rng.below(n.size())]), c);
}

// Similar vowels and initials (Unicode jamo indices).
constexpr std::array<std::pair<int, int>, 10> kVowelPairs = {{
    {4, 8}, {8, 4}, {1, 5}, {5, 1}, {6, 12}, {12, 6}, {18, 13}, {13, 18}, {19, 20}, {20, 19}}};
constexpr std::array<std::pair<int, int>, 10> kLeadPairs = {{
    {0, 15}, {15, 0}, {3, 16}, {16, 3}, {7, 17}, {17, 7}, {12, 14}, {14, 12}, {9, 10}, {10, 9}}};

}  // namespace

std::string latin_typo(std::string_view text, Rng& rng) {
  std::u32string u = decode_utf8_lossy(text);
  std::vector<std::size_t> letters;
  for (std::size_t i = 0; i < u.size(); ++i)
    if (is_letter(u[i])) letters.push_back(i);
  if (letters.empty()) return std::string(text);
  const std::size_t i = letters[rng.below(letters.size())];
  const double kind = rng.uniform();
  if (kind < 0.45) {
    char32_t c = substitute(u[i], rng);
    for (int tries = 0; c == u[i] && tries < 8; ++tries) c = substitute(u[i], rng);
    if (c == u[i]) c = (lower(u[i]) == U'a') ? U'e' : U'a';
    u[i] = c;
  } else if (kind < 0.65 && letters.size() > 1) {
    u.erase(i, 1);
  } else if (kind < 0.85 && i + 1 < u.size() && is_letter(u[i + 1]) && lower(u[i]) != lower(u[i + 1])) {
    std::swap(u[i], u[i + 1]);
    // Keep the case pattern: an initial capital stays initial.
    if (is_upper(u[i + 1]) && !is_upper(u[i]) && u[i] >= U'a' && u[i] <= U'z') {
      u[i] = u[i] - U'a' + U'A';
      u[i + 1] = lower(u[i + 1]);
    }
  } else {
    u.insert(i, 1, lower(u[i]) == u[i] ? u[i] : lower(u[i]));
    if (is_upper(u[i + 1])) std::swap(u[i], u[i + 1]);
  }
  return encode_utf8(u);
}

std::string hangul_typo(std::string_view text, Rng& rng) {
  std::u32string u = decode_utf8_lossy(text);
  std::vector<std::size_t> syllables;
  for (std::size_t i = 0; i < u.size(); ++i)
    if (normalize::is_hangul_syllable(u[i])) syllables.push_back(i);
  if (syllables.empty()) return std::string(text);
  const std::size_t i = syllables[rng.below(syllables.size())];
  normalize::Jamo j = *normalize::decompose_syllable(u[i]);
  const normalize::Jamo original = j;
  for (int tries = 0; tries < 16 && j == original; ++tries) {
    const double kind = rng.uniform();
    if (kind < 0.5) {
      for (const auto& [from, to] : kVowelPairs)
        if (from == j.vowel) { j.vowel = to; break; }
    } else if (kind < 0.8) {
      for (const auto& [from, to] : kLeadPairs)
        if (from == j.lead) { j.lead = to; break; }
    } else {
      // ㅇ (21) / ㄴ (4) / none
      if (j.tail == 21) j.tail = rng.bernoulli(0.5) ? 4 : 0;
      else if (j.tail == 4) j.tail = 21;
      else if (j.tail == 0) j.tail = 21;
    }
  }
  if (j == original) j.tail = j.tail == 0 ? 21 : 0;  // always changes something
  u[i] = *normalize::compose_syllable(j);
  return encode_utf8(u);
}

std::string hanzi_typo(std::string_view text, std::size_t skip_leading, Rng& rng) {
  std::u32string u = decode_utf8_lossy(text);
  std::vector<std::pair<std::size_t, std::vector<std::string>>> options;
  for (std::size_t i = skip_leading; i < u.size(); ++i) {
    const std::string ch = encode_utf8(std::u32string(1, u[i]));
    for (const auto& h : internal::all_syllable_hanja()) {
      auto forms = internal::split_any(h.simplified, "|");
      bool found = false;
      for (const auto& f : forms) found = found || f == ch;
      if (!found || forms.size() < 2) continue;
      std::vector<std::string> others;
      for (auto& f : forms)
        if (f != ch) others.push_back(f);
      options.emplace_back(i, std::move(others));
      break;
    }
  }
  if (options.empty()) return std::string(text);
  const auto& [pos, others] = options[rng.below(options.size())];
  const std::u32string replacement = decode_utf8_lossy(others[rng.below(others.size())]);
  u[pos] = replacement[0];
  return encode_utf8(u);
}

}  // namespace uncounted::simulate
