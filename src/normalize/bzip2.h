// In-memory bzip2 decompression, for the Unihan files that Debian's
// `unicode-data` package ships compressed (/usr/share/unicode/*.txt.bz2).
//
// Errors: data that is not a complete bzip2 stream, or that would expand
// beyond `max_output` bytes, is an Error.
// Thread safety: pure function.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/result.h"

namespace uncounted::normalize {

Result<std::string> decompress_bzip2(std::string_view compressed,
                                     std::size_t max_output = std::size_t{1} << 30);

}  // namespace uncounted::normalize
