#include "simulate/internal/text_util.h"

#include "base/utf8.h"

namespace uncounted::simulate::internal {

std::vector<std::string> characters(std::string_view utf8) {
  std::vector<std::string> out;
  for (char32_t cp : decode_utf8_lossy(utf8)) {
    out.emplace_back();
    append_utf8(out.back(), cp);
  }
  return out;
}

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string capitalize_first(std::string_view s) {
  std::u32string u = decode_utf8_lossy(s);
  if (u.empty()) return std::string(s);
  char32_t& c = u[0];
  if (c >= U'a' && c <= U'z') {
    c = c - U'a' + U'A';
  } else if (c >= 0xE0 && c <= 0xFE && c != 0xF7) {
    c -= 0x20;
  } else if (((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) && (c % 2) == 1) {
    c -= 1;  // Latin Extended-A pairs: ŏ (U+014F) -> Ŏ (U+014E)
  } else if (c >= 0x1CD && c <= 0x1DC && (c % 2) == 0) {
    c -= 1;  // Pinyin third tones: ǒ (U+01D2) -> Ǒ (U+01D1)
  }
  return encode_utf8(u);
}

std::vector<std::string> split_any(std::string_view s, std::string_view separators) {
  std::vector<std::string> out;
  std::string current;
  for (char c : s) {
    if (separators.find(c) != std::string_view::npos) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

}  // namespace uncounted::simulate::internal
