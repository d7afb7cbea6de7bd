// UTF-8 <-> UTF-32 conversion, shared by every module that works on code
// points (names, romanisation, string comparison, the simulator).
//
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace uncounted {

// Decodes `text`; returns nullopt on any ill-formed sequence (overlong forms,
// surrogates, code points above U+10FFFF, truncated sequences).
std::optional<std::u32string> decode_utf8(std::string_view text);

// True if `text` is well-formed UTF-8 (no overlong forms, surrogates, code
// points above U+10FFFF or truncated sequences). Allocates nothing.
bool is_valid_utf8(std::string_view text);

// Decodes `text`, replacing each ill-formed byte by U+FFFD (for text the
// program made itself or has already validated).
std::u32string decode_utf8_lossy(std::string_view text);

// `text` made safe to print on a terminal: each byte of an ill-formed
// sequence, and each C0 control character other than line feed and tab
// (escape, NUL, carriage return) and DEL, becomes "\xNN"; C1 controls
// (U+0080-U+009F) and the bidirectional overrides and isolates
// (U+202A-U+202E, U+2066-U+2069) become "\u{XXXX}"; everything else is kept
// as it is.
std::string printable_text(std::string_view text);

// Encodes code points (assumed valid scalar values) as UTF-8.
std::string encode_utf8(std::u32string_view text);
void append_utf8(std::string& out, char32_t cp);

}  // namespace uncounted
