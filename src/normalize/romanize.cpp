#include "normalize/romanize.h"

#include "normalize/hangul.h"
#include "normalize/internal/pronounce.h"
#include "normalize/internal/romanizer.h"
#include "base/utf8.h"
#include "normalize/text.h"

namespace uncounted::normalize {
namespace internal {
namespace {

constexpr const char* kRrVowels[kVowelCount] = {"a",  "ae", "ya", "yae", "eo", "e",  "yeo",
                                                "ye", "o",  "wa", "wae", "oe", "yo", "u",
                                                "wo", "we", "wi", "yu",  "eu", "ui", "i"};
constexpr const char* kMrVowels[kVowelCount] = {"a",  "ae", "ya", "yae", "ŏ",  "e",  "yŏ",
                                                "ye", "o",  "wa", "wae", "oe", "yo", "u",
                                                "wŏ", "we", "wi", "yu",  "ŭ",  "ŭi", "i"};
constexpr int kVowelWi = 16;  // ㅟ

const char* rr_lead(char32_t lead) {
  switch (lead) {
    case U'ㄱ': return "g";
    case U'ㄲ': return "kk";
    case U'ㄴ': return "n";
    case U'ㄷ': return "d";
    case U'ㄸ': return "tt";
    case U'ㄹ': return "r";
    case U'ㅁ': return "m";
    case U'ㅂ': return "b";
    case U'ㅃ': return "pp";
    case U'ㅅ': return "s";
    case U'ㅆ': return "ss";
    case U'ㅈ': return "j";
    case U'ㅉ': return "jj";
    case U'ㅊ': return "ch";
    case U'ㅋ': return "k";
    case U'ㅌ': return "t";
    case U'ㅍ': return "p";
    case U'ㅎ': return "h";
    default: return "";  // ㅇ
  }
}

// Final consonant letters shared by RR and MR (after neutralisation).
const char* final_letters(char32_t tail) {
  switch (neutral_final(tail)) {
    case U'ㄱ': return "k";
    case U'ㄴ': return "n";
    case U'ㄷ': return "t";
    case U'ㄹ': return "l";
    case U'ㅁ': return "m";
    case U'ㅂ': return "p";
    case U'ㅇ': return "ng";
    default: return "";
  }
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Byte length of the leading consonant letters of one MR syllable string.
std::size_t leading_consonants(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w' ||
        static_cast<unsigned char>(c) == 0xC5) {  // ŏ ŭ start with 0xC5
      break;
    }
    ++i;
  }
  return i;
}

}  // namespace

std::string rr_word(std::u32string_view word, bool assimilate) {
  const auto sy = pronounce(word, assimilate);
  std::string out;
  for (std::size_t i = 0; i < sy.size(); ++i) {
    if (sy[i].lead == U'ㄹ') {
      out += (i > 0 && sy[i - 1].tail == U'ㄹ') ? "l" : "r";
    } else {
      out += rr_lead(sy[i].lead);
    }
    out += kRrVowels[sy[i].vowel];
    out += final_letters(sy[i].tail);
  }
  return out;
}

std::vector<std::string> mr_syllables(std::u32string_view word, bool assimilate, bool dprk,
                                      bool initial_r) {
  const auto sy = pronounce(word, assimilate);
  std::vector<std::string> out;
  out.reserve(sy.size());
  for (std::size_t i = 0; i < sy.size(); ++i) {
    const bool at_start = i == 0;
    const char32_t prev = at_start ? 0 : sy[i - 1].tail;
    const bool voiced =
        !at_start && (prev == 0 || prev == U'ㄴ' || prev == U'ㅁ' || prev == U'ㅇ');
    const bool after_l = !at_start && prev == U'ㄹ';
    std::string li;
    switch (sy[i].lead) {
      case U'ㄱ': li = (voiced || after_l) ? "g" : "k"; break;
      case U'ㄷ': li = voiced ? "d" : "t"; break;
      case U'ㅂ': li = (voiced || after_l) ? "b" : "p"; break;
      case U'ㅈ': li = (voiced || dprk) ? "j" : "ch"; break;
      case U'ㄹ':
        if (after_l) {
          li = "l";
        } else if (at_start) {
          li = (dprk || initial_r) ? "r" : "n";
        } else {
          li = "r";
        }
        break;
      case U'ㅅ': li = (sy[i].vowel == kVowelWi && !dprk) ? "sh" : "s"; break;
      case U'ㅇ': li = ""; break;
      case U'ㄲ': li = "kk"; break;
      case U'ㄸ': li = "tt"; break;
      case U'ㅃ': li = "pp"; break;
      case U'ㅆ': li = "ss"; break;
      case U'ㅉ': li = dprk ? "jj" : "tch"; break;
      case U'ㄴ': li = "n"; break;
      case U'ㅁ': li = "m"; break;
      case U'ㅎ': li = "h"; break;
      case U'ㅊ': li = dprk ? "ch" : "ch'"; break;
      case U'ㅋ': li = dprk ? "kh" : "k'"; break;
      case U'ㅌ': li = dprk ? "th" : "t'"; break;
      case U'ㅍ': li = dprk ? "ph" : "p'"; break;
      default: break;
    }
    if (!at_start && sy[i].lead == U'ㄱ' && prev == U'ㄴ' && !dprk) li = "'" + li;  // n'g
    std::string fin = final_letters(sy[i].tail);
    if (sy[i].tail == U'ㄹ' && i + 1 < sy.size() && sy[i + 1].lead == U'ㅎ') fin = "r";  // rh
    out.push_back(li + kMrVowels[sy[i].vowel] + fin);
  }
  return out;
}

std::string drop_marks(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const std::string_view rest = s.substr(i);
    if (starts_with(rest, "ŏ")) { out += 'o'; ++i; continue; }
    if (starts_with(rest, "ŭ")) { out += 'u'; ++i; continue; }
    if (starts_with(rest, "Ŏ")) { out += 'O'; ++i; continue; }
    if (starts_with(rest, "Ŭ")) { out += 'U'; ++i; continue; }
    if (starts_with(rest, "’")) { i += 2; continue; }
    if (s[i] == '\'') continue;
    out += s[i];
  }
  return out;
}

std::string capitalize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= 'A' && c <= 'Z') {
      out += i == 0 ? c : static_cast<char>(c - 'A' + 'a');
    } else if (c >= 'a' && c <= 'z') {
      out += i == 0 ? static_cast<char>(c - 'a' + 'A') : c;
    } else {
      out += c;
    }
  }
  if (starts_with(out, "ŏ")) out.replace(0, 2, "Ŏ");
  if (starts_with(out, "ŭ")) out.replace(0, 2, "Ŭ");
  return out;
}

namespace {

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += p;
  return out;
}

// ALA-LC given names: syllables hyphenated; a final linked to the next
// syllable stays written in its own syllable (석원 -> Sŏg-wŏn).
std::string mr_given(std::u32string_view given, bool dprk) {
  auto res = mr_syllables(given, true, dprk, dprk);
  for (std::size_t i = 0; i + 1 < given.size() && i + 1 < res.size(); ++i) {
    const auto a = decompose_syllable(given[i]);
    const auto b = decompose_syllable(given[i + 1]);
    if (a && b && a->tail != 0 && a->tail != 21 /*ㅇ*/ && b->lead == 11 /*ㅇ*/) {
      const std::size_t n = leading_consonants(res[i + 1]);
      res[i] += res[i + 1].substr(0, n);
      res[i + 1].erase(0, n);
    }
  }
  std::string out;
  for (std::size_t i = 0; i < res.size(); ++i) {
    std::string_view part = res[i];
    while (!part.empty() && part.front() == '\'') part.remove_prefix(1);
    if (i > 0) out += '-';
    out += part;
  }
  return out;
}

}  // namespace

std::string name_romanization(std::u32string_view family, std::u32string_view given,
                              Romanization system) {
  std::string fam;
  std::string giv;
  switch (system) {
    case Romanization::kRevised: {
      fam = rr_word(family, true);
      for (std::size_t i = 0; i < given.size(); ++i) {
        if (i > 0) giv += '-';
        giv += rr_word(given.substr(i, 1), false);
      }
      break;
    }
    case Romanization::kMcCuneReischauer:
    case Romanization::kMcCuneReischauerAscii:
      fam = join(mr_syllables(south_form(family), true, false, false));
      giv = mr_given(given, false);
      break;
    case Romanization::kDprk1992:
    case Romanization::kDprkAscii:
      fam = join(mr_syllables(family, true, true, true));
      giv = mr_given(given, true);
      break;
  }
  std::string out = capitalize(fam);
  if (system == Romanization::kDprkAscii) {
    std::string g = drop_marks(giv);
    std::size_t start = 0;
    while (start <= g.size() && !g.empty()) {
      const std::size_t dash = g.find('-', start);
      const std::string part = g.substr(start, dash == std::string::npos ? dash : dash - start);
      if (!part.empty()) out += " " + capitalize(part);
      if (dash == std::string::npos) break;
      start = dash + 1;
    }
    return drop_marks(out);
  }
  if (!giv.empty()) out += " " + capitalize(giv);
  if (system == Romanization::kMcCuneReischauerAscii) return drop_marks(out);
  return out;
}

std::string word_romanization(std::u32string_view word, Romanization system) {
  switch (system) {
    case Romanization::kRevised:
      return rr_word(word, true);
    case Romanization::kMcCuneReischauer:
      return join(mr_syllables(word, true, false, false));
    case Romanization::kMcCuneReischauerAscii:
      return drop_marks(join(mr_syllables(word, true, false, false)));
    case Romanization::kDprk1992:
      return join(mr_syllables(word, true, true, true));
    case Romanization::kDprkAscii:
      return drop_marks(join(mr_syllables(word, true, true, true)));
  }
  return {};
}

}  // namespace internal

namespace {

Result<std::u32string> hangul_input(std::string_view text, bool allow_empty) {
  auto nfc = to_nfc(text);
  if (!nfc) return tl::unexpected(nfc.error());
  auto cps = decode_utf8(*nfc);
  if (!cps) return fail("text is not valid UTF-8");
  if (cps->empty() && allow_empty) return *cps;
  if (!is_hangul_word(*cps)) return fail("romanisation needs Hangul syllables only");
  return *cps;
}

}  // namespace

Result<std::string> romanize_word(std::string_view hangul, Romanization system) {
  auto word = hangul_input(hangul, false);
  if (!word) return tl::unexpected(word.error());
  return internal::word_romanization(*word, system);
}

Result<std::string> romanize_name(std::string_view family, std::string_view given,
                                  Romanization system) {
  auto fam = hangul_input(family, false);
  if (!fam) return tl::unexpected(fam.error());
  auto giv = hangul_input(given, true);
  if (!giv) return tl::unexpected(giv.error());
  return internal::name_romanization(*fam, *giv, system);
}

}  // namespace uncounted::normalize
