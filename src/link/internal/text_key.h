// Normalisation of a cell for comparison and blocking: NFKC case folding
// (ICU; a fast path for ASCII), spaces trimmed and runs of white space
// collapsed to one space. Invalid UTF-8 gives "" (input is validated when
// read, so this does not happen in practice).
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace uncounted::link::internal {

std::string normalize_text(std::string_view raw);

// American Soundex of the ASCII letters of `text` ("" when it has none).
std::string soundex(std::string_view text);

// The first run of exactly four digits in `text`, or "".
std::string first_year(std::string_view text);

}  // namespace uncounted::link::internal
