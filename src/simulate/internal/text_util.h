// Small ASCII and text helpers for the simulator (UTF-8 conversion is
// base/utf8.h).
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace uncounted::simulate::internal {

// The syllables (code points) of a UTF-8 string, each as UTF-8.
std::vector<std::string> characters(std::string_view utf8);

// ASCII case mapping (other bytes unchanged).
std::string upper_ascii(std::string_view s);
std::string lower_ascii(std::string_view s);
// First letter upper case (ASCII, or ŏ/ŭ/ā-style Latin-1/Latin Extended-A
// letters with a simple +1/-0x20 mapping), the rest unchanged.
std::string capitalize_first(std::string_view s);

// Splits on any of `separators`, dropping empty parts.
std::vector<std::string> split_any(std::string_view s, std::string_view separators);

}  // namespace uncounted::simulate::internal
