// Strict UTF-8 <-> UTF-32 conversion used inside the normalize module.
//
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace uncounted::normalize::internal {

// Decodes `text`; returns nullopt on any ill-formed sequence (overlong forms,
// surrogates, code points above U+10FFFF, truncated sequences).
std::optional<std::u32string> decode_utf8(std::string_view text);

// Encodes code points (assumed valid scalar values) as UTF-8.
std::string encode_utf8(std::u32string_view text);
void append_utf8(std::string& out, char32_t cp);

}  // namespace uncounted::normalize::internal
