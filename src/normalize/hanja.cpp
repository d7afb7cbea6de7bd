#include "normalize/hanja.h"

#include <algorithm>
#include <cstdlib>

#include "normalize/hangul.h"
#include "base/utf8.h"

namespace uncounted::normalize {
namespace {

// "U+91D1" -> 0x91D1; 0 on error.
char32_t parse_code_point(std::string_view s) {
  if (s.size() < 3 || s[0] != 'U' || s[1] != '+') return 0;
  char32_t cp = 0;
  for (char c : s.substr(2)) {
    int d = 0;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (c >= 'A' && c <= 'F') {
      d = c - 'A' + 10;
    } else if (c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else {
      break;  // "U+91D2<kMatthews": stop at the source tag
    }
    cp = cp * 16 + static_cast<char32_t>(d);
  }
  return cp <= 0x10FFFF ? cp : 0;
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

// Calls f(code point, field name, value) for every data line.
template <typename F>
void for_each_entry(std::string_view text, F&& f) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const std::size_t t1 = line.find('\t');
    if (t1 == std::string_view::npos) continue;
    const std::size_t t2 = line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) continue;
    const char32_t cp = parse_code_point(line.substr(0, t1));
    if (cp == 0) continue;
    f(cp, line.substr(t1 + 1, t2 - t1 - 1), line.substr(t2 + 1));
  }
}

}  // namespace

Result<HanjaReadings> HanjaReadings::parse(std::string_view readings, std::string_view variants) {
  HanjaReadings out;
  for_each_entry(readings, [&](char32_t cp, std::string_view field, std::string_view value) {
    if (field == "kHangul") {
      std::vector<char32_t> syllables;
      for (std::string_view w : words(value)) {
        const std::string_view reading = w.substr(0, w.find(':'));  // "김:0N" -> "김"
        auto cps = decode_utf8(reading);
        if (cps && cps->size() == 1 && is_hangul_syllable((*cps)[0]) &&
            std::find(syllables.begin(), syllables.end(), (*cps)[0]) == syllables.end()) {
          syllables.push_back((*cps)[0]);
        }
      }
      if (!syllables.empty()) out.hangul_[cp] = std::move(syllables);
    } else if (field == "kMandarin") {
      const auto w = words(value);
      if (!w.empty()) out.mandarin_[cp] = std::string(w.front());
    }
  });
  if (out.hangul_.empty()) return fail("Unihan readings: no kHangul entries (wrong file?)");
  for_each_entry(variants, [&](char32_t cp, std::string_view field, std::string_view value) {
    if (field != "kTraditionalVariant") return;
    std::vector<char32_t> trad;
    for (std::string_view w : words(value)) {
      const char32_t t = parse_code_point(w);
      if (t != 0) trad.push_back(t);
    }
    if (!trad.empty()) out.traditional_[cp] = std::move(trad);
  });
  return out;
}

std::vector<char32_t> HanjaReadings::hangul(char32_t han) const {
  std::vector<char32_t> out;
  auto add = [&](char32_t c) {
    const auto it = hangul_.find(c);
    if (it == hangul_.end()) return;
    for (char32_t h : it->second) {
      if (std::find(out.begin(), out.end(), h) == out.end()) out.push_back(h);
    }
  };
  const auto trad = traditional_.find(han);
  if (trad != traditional_.end()) {
    for (char32_t t : trad->second) {
      if (t != han) add(t);  // the traditional form's readings come first
    }
  }
  add(han);
  return out;
}

std::vector<std::string> HanjaReadings::hangul_spellings(std::string_view han_text,
                                                         std::size_t max_spellings) const {
  auto cps = decode_utf8(han_text);
  if (!cps || cps->empty()) return {};
  std::vector<std::u32string> partial = {U""};
  for (char32_t c : *cps) {
    const auto readings = hangul(c);
    if (readings.empty()) return {};
    std::vector<std::u32string> next;
    for (const auto& p : partial) {
      for (char32_t r : readings) {
        if (next.size() >= max_spellings) break;
        next.push_back(p + r);
      }
    }
    partial = std::move(next);
  }
  std::vector<std::string> out;
  for (const auto& p : partial) out.push_back(encode_utf8(p));
  return out;
}

std::string HanjaReadings::mandarin(char32_t han) const {
  const auto trad = traditional_.find(han);
  auto it = mandarin_.find(han);
  if (it == mandarin_.end() && trad != traditional_.end()) {
    for (char32_t t : trad->second) {
      it = mandarin_.find(t);
      if (it != mandarin_.end()) break;
    }
  }
  return it == mandarin_.end() ? std::string() : it->second;
}

}  // namespace uncounted::normalize
