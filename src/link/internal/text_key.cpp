#include "link/internal/text_key.h"

#include <cctype>

#include "normalize/text.h"

namespace uncounted::link::internal {
namespace {

std::string collapse_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::string normalize_text(std::string_view raw) {
  bool ascii = true;
  for (char c : raw)
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) {
    std::string lower(raw);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return collapse_spaces(lower);
  }
  auto folded = normalize::fold_for_matching(raw);
  if (!folded) return {};
  return collapse_spaces(*folded);
}

std::string soundex(std::string_view text) {
  static const char* codes = "01230120022455012623010202";  // a..z
  std::string out;
  char last = 0;
  for (char ch : text) {
    const int c = std::tolower(static_cast<unsigned char>(ch));
    if (c < 'a' || c > 'z') continue;
    const char code = codes[c - 'a'];
    if (out.empty()) {
      out.push_back(static_cast<char>(std::toupper(c)));
      last = code;
      continue;
    }
    if (c == 'h' || c == 'w') continue;  // do not separate equal codes
    if (code != '0' && code != last) out.push_back(code);
    last = code;
    if (out.size() == 4) break;
  }
  if (!out.empty())
    while (out.size() < 4) out.push_back('0');
  return out;
}

std::string first_year(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
    if (j - i >= 4) return std::string(text.substr(i, 4));
    i = j;
  }
  return {};
}

}  // namespace uncounted::link::internal
