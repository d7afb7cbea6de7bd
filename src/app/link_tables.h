// Loading the reference tables the linkage comparators need (the link
// module itself does no I/O): the Korean surname table and Unihan hanja
// readings (for korean_name fields) and the place gazetteer (place fields),
// from `data_dir`/korean (the shared data folder) and Debian's
// /usr/share/unicode.
//
// Errors: a missing or malformed table, naming the file.
// Thread safety: pure function of the files.
#pragma once

#include <string>

#include "base/result.h"
#include "link/link_resources.h"
#include "link/link_spec.h"

namespace uncounted {

// Loads what `spec` needs (nothing when it has no Korean name or place field).
Result<link::LinkResources> load_link_tables(const link::LinkSpec& spec, const std::string& data_dir);

}  // namespace uncounted
