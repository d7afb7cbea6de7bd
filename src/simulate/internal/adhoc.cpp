#include "simulate/internal/adhoc.h"

#include <array>

#include "normalize/hangul.h"
#include "base/utf8.h"
#include "simulate/internal/text_util.h"

namespace uncounted::simulate::internal {
namespace {

struct Choice {
  std::string_view text;
  double weight;
};

std::string_view pick(Rng& rng, std::initializer_list<Choice> choices) {
  std::vector<double> w;
  for (const auto& c : choices) w.push_back(c.weight);
  return (choices.begin() + rng.weighted(w))->text;
}

// leads: ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ
std::string_view lead(Rng& rng, int lead_index, int vowel) {
  switch (lead_index) {
    case 0: return pick(rng, {{"k", 0.7}, {"g", 0.3}});
    case 1: return "kk";
    case 2: return "n";
    case 3: return pick(rng, {{"d", 0.7}, {"t", 0.3}});
    case 4: return "tt";
    case 5: return pick(rng, {{"r", 0.6}, {"l", 0.4}});
    case 6: return "m";
    case 7: return pick(rng, {{"b", 0.6}, {"p", 0.4}});
    case 8: return "pp";
    case 9: return (vowel == 20 || vowel == 16) ? pick(rng, {{"sh", 0.5}, {"s", 0.5}}) : "s";
    case 10: return "ss";
    case 11: return "";
    case 12: return pick(rng, {{"j", 0.85}, {"ch", 0.15}});
    case 13: return "jj";
    case 14: return "ch";
    case 15: return "k";
    case 16: return "t";
    case 17: return "p";
    default: return "h";
  }
}

// vowels: ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ
std::string_view vowel(Rng& rng, int v, int tail) {
  const bool ng = tail == 21;
  switch (v) {
    case 0: return "a";
    case 1: return "ae";
    case 2: return "ya";
    case 3: return "yae";
    case 4: return pick(rng, {{"u", 0.45}, {"eo", 0.35}, {"o", 0.2}});
    case 5: return "e";
    case 6:
      return ng ? pick(rng, {{"you", 0.4}, {"yeo", 0.25}, {"yu", 0.2}, {"yo", 0.15}})
                : pick(rng, {{"yu", 0.4}, {"yeo", 0.4}, {"yo", 0.2}});
    case 7: return "ye";
    case 8: return "o";
    case 9: return "wa";
    case 10: return "wae";
    case 11: return pick(rng, {{"oe", 0.5}, {"oi", 0.3}, {"we", 0.2}});
    case 12: return "yo";
    case 13: return pick(rng, {{"oo", 0.45}, {"u", 0.55}});
    case 14: return "wo";
    case 15: return "we";
    case 16: return "wi";
    case 17: return pick(rng, {{"yu", 0.6}, {"yoo", 0.4}});
    case 18: return pick(rng, {{"eu", 0.6}, {"u", 0.4}});
    case 19: return pick(rng, {{"ee", 0.45}, {"ui", 0.4}, {"i", 0.15}});
    default: return tail == 0 ? pick(rng, {{"ee", 0.5}, {"i", 0.5}}) : "i";
  }
}

// tails: ∅ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ
std::string_view tail(Rng& rng, int t) {
  switch (t) {
    case 0: return "";
    case 1: case 2: case 3: case 9: case 24: return "k";
    case 4: case 5: case 6: return "n";
    case 8: case 10: case 11: case 12: case 13: case 14: case 15: return "l";
    case 16: return "m";
    case 17: case 18: case 25: return pick(rng, {{"p", 0.6}, {"b", 0.4}});
    case 21: return "ng";
    default: return "t";
  }
}

}  // namespace

std::vector<std::string> adhoc_syllables(std::u32string_view hangul, Rng& rng) {
  std::vector<std::string> out;
  for (char32_t cp : hangul) {
    const auto j = normalize::decompose_syllable(cp);
    if (!j) continue;
    std::string s(lead(rng, j->lead, j->vowel));
    s += vowel(rng, j->vowel, j->tail);
    s += tail(rng, j->tail);
    out.push_back(std::move(s));
  }
  return out;
}

std::string strip_tones(std::string_view pinyin) {
  std::string out;
  for (char32_t cp : decode_utf8_lossy(pinyin)) {
    switch (cp) {
      case U'ā': case U'á': case U'ǎ': case U'à': out += 'a'; break;
      case U'ē': case U'é': case U'ě': case U'è': out += 'e'; break;
      case U'ī': case U'í': case U'ǐ': case U'ì': out += 'i'; break;
      case U'ō': case U'ó': case U'ǒ': case U'ò': out += 'o'; break;
      case U'ū': case U'ú': case U'ǔ': case U'ù': out += 'u'; break;
      case U'ü': case U'ǖ': case U'ǘ': case U'ǚ': case U'ǜ': out += 'u'; break;
      case U'ń': case U'ň': out += 'n'; break;
      default: append_utf8(out, cp);
    }
  }
  return out;
}

}  // namespace uncounted::simulate::internal
