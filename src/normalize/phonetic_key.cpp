#include "normalize/phonetic_key.h"

#include <array>
#include <utility>

#include "normalize/text.h"

namespace uncounted::normalize {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    if (s.compare(i, from.size(), from) == 0) {
      out += to;
      i += from.size();
    } else {
      out += s[i++];
    }
  }
  s = std::move(out);
}

// Regex-like substitution of (A1|A2|..)(B1|B2|..) -> repl, scanning left to
// right without overlaps (as Python's re.sub does).
void replace_pair(std::string& s, std::initializer_list<std::string_view> first,
                  std::initializer_list<std::string_view> second, std::string_view repl) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    bool matched = false;
    for (std::string_view a : first) {
      if (s.compare(i, a.size(), a) != 0) continue;
      for (std::string_view b : second) {
        if (s.compare(i + a.size(), b.size(), b) == 0) {
          out += repl;
          i += a.size() + b.size();
          matched = true;
          break;
        }
      }
      if (matched) break;
    }
    if (!matched) out += s[i++];
  }
  s = std::move(out);
}

}  // namespace

std::string phonetic_key_ascii(std::string_view letters) {
  std::string s;
  s.reserve(letters.size());
  for (char c : letters) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c >= 'a' && c <= 'z') s += c;
  }
  // Initial-sound law: Ri/Li/Lee/Rhee/Ni -> I, Ryu -> Yu, Yi -> I.
  {
    std::size_t drop = 0;
    for (std::string_view p : {"rh", "r", "l", "n"}) {
      if (s.compare(0, p.size(), p) == 0) {
        const std::string_view rest = std::string_view(s).substr(p.size());
        if (!rest.empty() && (rest[0] == 'i' || rest[0] == 'y' || rest.substr(0, 2) == "ee")) {
          drop = p.size();
        }
        break;
      }
    }
    s.erase(0, drop);
    if (s.size() >= 2 && s[0] == 'y' && s[1] == 'i') s.erase(0, 1);
  }
  // Initial r/l before another vowel -> n (Ro/No, Ra/Na).
  if (s.size() >= 2 && (s[0] == 'r' || s[0] == 'l')) {
    const char n = s[1];
    if (n == 'a' || n == 'o' || n == 'e' || n == 'u' || n == 'w') s[0] = 'n';
  }
  // h after a vowel, not before a vowel or y (Ahn, Oh, Suh, Kahng).
  {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == 'h' && i > 0 && is_vowel(s[i - 1]) &&
          (i + 1 == s.size() || !(is_vowel(s[i + 1]) || s[i + 1] == 'y'))) {
        continue;
      }
      out += s[i];
    }
    s = std::move(out);
  }
  // Non-rhotic r after a vowel (Park, Bark, Sur).
  {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == 'r' && i > 0 && is_vowel(s[i - 1])) {
        const bool keep = i + 1 < s.size() && (is_vowel(s[i + 1]) || s[i + 1] == 'y' ||
                                               s[i + 1] == 'w' || s[i + 1] == 'h');
        if (!keep) continue;
      }
      out += s[i];
    }
    s = std::move(out);
  }
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 34> kConsonants{{
      {"ng", "NG"}, {"tch", "C"}, {"ch", "C"}, {"jj", "C"}, {"ts", "C"}, {"j", "C"},
      {"z", "C"},   {"sh", "S"},  {"ss", "S"}, {"s", "S"},  {"kh", "K"}, {"gh", "K"},
      {"kk", "K"},  {"gg", "K"},  {"ck", "K"}, {"k", "K"},  {"g", "K"},  {"c", "K"},
      {"q", "K"},   {"th", "T"},  {"tt", "T"}, {"dd", "T"}, {"t", "T"},  {"d", "T"},
      {"ph", "P"},  {"pp", "P"},  {"bb", "P"}, {"f", "P"},  {"p", "P"},  {"b", "P"},
      {"v", "P"},   {"rh", "L"},  {"r", "L"},  {"l", "L"},
  }};
  for (const auto& [a, b] : kConsonants) replace_all(s, a, b);
  replace_all(s, "wh", "W");
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kVowels{{
      {"yeo", "YO"}, {"you", "YO"}, {"yo", "YO"}, {"eo", "O"}, {"eu", "O"},
      {"oo", "O"},   {"ou", "O"},   {"oi", "OE"}, {"u", "O"},  {"o", "O"},
      {"ee", "I"},   {"ae", "E"},   {"ai", "E"},  {"ay", "E"}, {"ea", "E"},
      {"e", "E"},    {"i", "I"},    {"y", "Y"},   {"a", "A"},  {"w", "W"},
  }};
  for (const auto& [a, b] : kVowels) replace_all(s, a, b);
  {  // collapse doubled letters
    std::string out;
    for (char c : s) {
      if (out.empty() || out.back() != c) out += c;
    }
    s = std::move(out);
  }
  replace_pair(s, {"NG", "K"}, {"L", "n"}, "NGn");
  replace_pair(s, {"P", "m"}, {"L", "n"}, "mn");
  replace_pair(s, {"n", "L", "T"}, {"L"}, "L");
  replace_pair(s, {"L"}, {"n"}, "L");
  replace_pair(s, {"T"}, {"n"}, "nn");
  replace_pair(s, {"K"}, {"m"}, "NGm");
  replace_pair(s, {"P"}, {"m"}, "m");
  replace_pair(s, {"T"}, {"m"}, "nm");
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

std::string phonetic_key(std::string_view name_part) {
  auto folded = strip_diacritics(name_part);
  if (!folded) return {};
  return phonetic_key_ascii(*folded);
}

}  // namespace uncounted::normalize
