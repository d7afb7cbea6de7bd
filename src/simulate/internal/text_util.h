// Small UTF-8 and ASCII helpers for the simulator.
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace uncounted::simulate::internal {

// Decodes well-formed UTF-8 (the simulator's own strings); a malformed byte
// decodes as U+FFFD.
std::u32string to_u32(std::string_view utf8);
std::string to_utf8(std::u32string_view text);
void append_utf8(std::string& out, char32_t cp);

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
