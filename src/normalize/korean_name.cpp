#include "normalize/korean_name.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "normalize/hangul.h"
#include "normalize/internal/romanizer.h"
#include "base/utf8.h"
#include "normalize/phonetic_key.h"

namespace uncounted::normalize {
namespace {

constexpr int kVowelUi = 19;  // ㅢ
constexpr int kVowelI = 20;   // ㅣ
constexpr int kLeadNull = 11; // ㅇ

void add_unique(std::vector<std::string>& v, std::string s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += p;
  return out;
}

std::string mr_word(std::u32string_view w, bool dprk) {
  return joined(internal::mr_syllables(w, true, dprk, dprk));
}

// Splits folded text into tokens at spaces and commas; reports the number of
// tokens before the first comma (or -1 when there is none).
std::vector<std::string> tokenize(std::string_view text, long& comma_after) {
  std::vector<std::string> tokens;
  comma_after = -1;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) tokens.push_back(std::move(current));
    current.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      flush();
    } else if (c == ',' || c == ';') {
      flush();
      if (comma_after < 0) comma_after = static_cast<long>(tokens.size());
    } else {
      current += c;
    }
  }
  flush();
  return tokens;
}

// Written form of a Latin token for the exact level: hyphens dropped,
// typographic apostrophes unified.
std::string written_form(const std::string& token) {
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '-' || token[i] == '.') continue;
    if (token.compare(i, 3, "\xE2\x80\x99") == 0 || token.compare(i, 3, "\xE2\x80\x98") == 0) {
      out += '\'';
      i += 2;
      continue;
    }
    if (token.compare(i, 2, "\xCA\xBC") == 0) {  // ʼ
      out += '\'';
      i += 1;
      continue;
    }
    out += token[i];
  }
  return out;
}

// The Hangul letters of a token (other characters such as '-' dropped).
std::u32string hangul_letters(const std::string& token) {
  std::u32string out;
  if (auto cps = decode_utf8(token)) {
    for (char32_t c : *cps) {
      if (is_hangul_syllable(c)) out += c;
    }
  }
  return out;
}

// The Han letters of a token.
std::u32string han_letters(const std::string& token) {
  std::u32string out;
  if (auto cps = decode_utf8(token)) {
    for (char32_t c : *cps) {
      if (c >= 0x2E80 && !is_hangul_syllable(c) && detect_script(encode_utf8(
                                                       std::u32string(1, c))) == Script::kHan) {
        out += c;
      }
    }
  }
  return out;
}

// 희 written "hee"/"hi": the same syllables with ㅢ read as ㅣ (not after ㅇ).
std::u32string ui_as_i(std::u32string_view w) {
  std::u32string out(w);
  for (char32_t& c : out) {
    auto j = decompose_syllable(c);
    if (j && j->vowel == kVowelUi && j->lead != kLeadNull) {
      j->vowel = kVowelI;
      c = *compose_syllable(*j);
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> AnalyzedName::blocking_keys() const {
  std::vector<std::string> out;
  for (const auto& r : readings) {
    const std::string fam = r.family_keys.empty() ? std::string() : r.family_keys.front();
    for (const auto& g : r.given_keys) add_unique(out, fam + " " + g);
    if (r.given_keys.empty()) add_unique(out, fam + " ");
    // The surname itself (Hangul, South form) where it is known or the
    // spelling table reads it: 최 and "CHOE", 노 and "Noh" agree as surnames
    // (compare_names: same surname) although their first keys differ.
    for (const auto& h : r.family_hangul) {
      for (const auto& g : r.given_keys) add_unique(out, h + " " + g);
      if (r.given_keys.empty()) add_unique(out, h + " ");
    }
  }
  return out;
}

NameAnalyzer::NameAnalyzer(std::shared_ptr<const SurnameTable> surnames,
                           std::shared_ptr<const HanjaReadings> hanja)
    : surnames_(std::move(surnames)), hanja_(std::move(hanja)) {
  if (!surnames_) std::abort();  // precondition: a surname table is required
}

void NameAnalyzer::add_hangul_readings(std::u32string_view family, std::u32string_view given,
                                       bool via_hanja, AnalyzedName& out) const {
  NameReading r;
  r.via_hanja = via_hanja;
  r.family_hangul_exact = true;
  if (!family.empty()) {
    const std::u32string south = south_form(family);
    const Surname* entry = surnames_->find_hangul(encode_utf8(family));
    add_unique(r.family_hangul, entry ? entry->hangul_south : encode_utf8(south));
    if (entry) {
      for (const auto& k : entry->keys) add_unique(r.family_keys, k);
    }
    for (Romanization sys : {Romanization::kRevised, Romanization::kMcCuneReischauer,
                             Romanization::kDprk1992}) {
      add_unique(r.family_keys, phonetic_key(internal::word_romanization(family, sys)));
      add_unique(r.family_keys, phonetic_key(internal::word_romanization(south, sys)));
    }
  }
  if (!given.empty()) {
    r.given_hangul = encode_utf8(south_form(given));
    for (const std::u32string& g : {std::u32string(given), ui_as_i(given)}) {
      add_unique(r.given_keys, phonetic_key_ascii(internal::rr_word(g, false)));
      add_unique(r.given_keys, phonetic_key_ascii(internal::rr_word(g, true)));
      add_unique(r.given_keys, phonetic_key(mr_word(g, false)));
      add_unique(r.given_keys, phonetic_key(mr_word(g, true)));
    }
  }
  const std::u32string south_family = south_form(family);
  add_unique(r.whole_keys, phonetic_key_ascii(internal::rr_word(family, true) +
                                              internal::rr_word(given, false)));
  add_unique(r.whole_keys, phonetic_key(mr_word(south_family, false) + mr_word(given, false)));
  add_unique(r.whole_keys, phonetic_key(mr_word(family, true) + mr_word(given, true)));
  r.exact = "hangul:" + (r.family_hangul.empty() ? std::string() : r.family_hangul.front()) +
            "|" + r.given_hangul;
  out.readings.push_back(std::move(r));
}

void NameAnalyzer::add_han_readings(std::u32string_view family, std::u32string_view given,
                                    AnalyzedName& out) const {
  if (!hanja_ || hanja_->empty()) return;
  const std::string exact =
      "han:" + encode_utf8(family) + "|" + encode_utf8(given);
  std::vector<std::string> families = {std::string()};
  if (!family.empty()) families = hanja_->hangul_spellings(encode_utf8(family), 4);
  std::vector<std::string> givens = {std::string()};
  if (!given.empty()) givens = hanja_->hangul_spellings(encode_utf8(given), 12);
  for (const auto& f : families) {
    for (const auto& g : givens) {
      const auto fc = decode_utf8(f);
      const auto gc = decode_utf8(g);
      if (!fc || !gc) continue;
      add_hangul_readings(*fc, *gc, true, out);
      out.readings.back().exact = exact;
    }
  }
}

void NameAnalyzer::add_latin_reading(const std::vector<std::string>& family_tokens,
                                     const std::vector<std::string>& given_tokens,
                                     bool family_last, AnalyzedName& out) const {
  NameReading r;
  r.family_last = family_last;
  std::string fam_letters;
  std::string giv_letters;
  std::string fam_written;
  std::string giv_written;
  for (const auto& t : family_tokens) {
    fam_letters += latin_letters(t);
    fam_written += written_form(t);
  }
  for (const auto& t : given_tokens) {
    giv_letters += latin_letters(t);
    giv_written += written_form(t);
  }
  if (fam_letters.empty() && giv_letters.empty()) return;
  if (!fam_letters.empty()) {
    for (const Surname* s : surnames_->find_latin(fam_letters)) {
      add_unique(r.family_hangul, s->hangul_south);
    }
    add_unique(r.family_keys, phonetic_key_ascii(fam_letters));
  }
  if (!giv_letters.empty()) {
    add_unique(r.given_keys, phonetic_key_ascii(giv_letters));
    // 희 is written hui, hŭi, hee and hi: key the ee/i reading too.
    std::string alt = giv_letters;
    for (std::size_t p = alt.find("hui"); p != std::string::npos; p = alt.find("hui", p + 2)) {
      alt.replace(p, 3, "hi");
    }
    add_unique(r.given_keys, phonetic_key_ascii(alt));
  }
  add_unique(r.whole_keys, phonetic_key_ascii(fam_letters + giv_letters));
  r.exact = "latin:" + fam_written + "|" + giv_written;
  out.readings.push_back(std::move(r));
}

Result<AnalyzedName> NameAnalyzer::analyze_parts(const std::vector<std::string>& family_tokens,
                                                 const std::vector<std::string>& given_tokens,
                                                 bool split_known) const {
  AnalyzedName out;
  std::string all;
  for (const auto& t : family_tokens) all += t + " ";
  for (const auto& t : given_tokens) all += t + " ";
  out.script = detect_script(all);
  std::vector<std::string> tokens = family_tokens;
  tokens.insert(tokens.end(), given_tokens.begin(), given_tokens.end());
  if (tokens.empty()) return out;

  switch (out.script) {
    case Script::kHangul:
    case Script::kHan: {
      const bool han = out.script == Script::kHan;
      auto letters = [&](const std::string& t) { return han ? han_letters(t) : hangul_letters(t); };
      auto add = [&](std::u32string_view f, std::u32string_view g) {
        if (han) {
          add_han_readings(f, g, out);
        } else {
          add_hangul_readings(f, g, false, out);
        }
      };
      if (split_known) {
        std::u32string f;
        std::u32string g;
        for (const auto& t : family_tokens) f += letters(t);
        for (const auto& t : given_tokens) g += letters(t);
        add(f, g);
      } else if (tokens.size() >= 2) {
        std::u32string g;
        for (std::size_t i = 1; i < tokens.size(); ++i) g += letters(tokens[i]);
        add(letters(tokens[0]), g);
      } else {
        const std::u32string w = letters(tokens[0]);
        if (w.size() == 1) {
          add(w, U"");
        } else if (!w.empty()) {
          add(std::u32string_view(w).substr(0, 1), std::u32string_view(w).substr(1));
          if (w.size() >= 3 &&
              surnames_->find_hangul(encode_utf8(w.substr(0, 2))) != nullptr) {
            add(std::u32string_view(w).substr(0, 2), std::u32string_view(w).substr(2));
          }
        }
      }
      break;
    }
    case Script::kLatin: {
      if (split_known) {
        add_latin_reading(family_tokens, given_tokens, false, out);
      } else if (tokens.size() == 1) {
        add_latin_reading({}, tokens, false, out);
      } else {
        const std::vector<std::string> rest(tokens.begin() + 1, tokens.end());
        const std::vector<std::string> init(tokens.begin(), tokens.end() - 1);
        add_latin_reading({tokens.front()}, rest, false, out);
        add_latin_reading({tokens.back()}, init, true, out);
        if (tokens.size() >= 3 &&
            !surnames_->find_latin(latin_letters(tokens[0]) + latin_letters(tokens[1])).empty()) {
          add_latin_reading({tokens[0], tokens[1]},
                            std::vector<std::string>(tokens.begin() + 2, tokens.end()), false,
                            out);
        }
      }
      break;
    }
    default:
      break;  // no letters, or scripts we do not read: no readings
  }
  return out;
}

Result<AnalyzedName> NameAnalyzer::analyze(std::string_view full_name) const {
  auto folded = fold_for_matching(full_name);
  if (!folded) return tl::unexpected(folded.error());
  long comma_after = -1;
  std::vector<std::string> tokens = tokenize(*folded, comma_after);
  if (comma_after > 0 && static_cast<std::size_t>(comma_after) < tokens.size()) {
    const auto split = tokens.begin() + comma_after;
    return analyze_parts(std::vector<std::string>(tokens.begin(), split),
                         std::vector<std::string>(split, tokens.end()), true);
  }
  return analyze_parts({}, tokens, false);
}

Result<AnalyzedName> NameAnalyzer::analyze(std::string_view family,
                                           std::string_view given) const {
  auto f = fold_for_matching(family);
  if (!f) return tl::unexpected(f.error());
  auto g = fold_for_matching(given);
  if (!g) return tl::unexpected(g.error());
  long ignored = -1;
  const auto ft = tokenize(*f, ignored);
  const auto gt = tokenize(*g, ignored);
  if (ft.empty() && gt.empty()) return AnalyzedName{};
  return analyze_parts(ft, gt, true);
}

}  // namespace uncounted::normalize
