// The link config used without --config: the canonical record columns of
// DESIGN.md §5 that the input files have (docs/LINKAGE.md lists the
// fields, comparators and blocking rules it makes).
//
// Thread safety: pure function.
#pragma once

#include <set>
#include <string>

#include "io/link_config.h"

namespace uncounted {

// `present`: the columns found in any input file's header.
LinkConfig default_link_config(const std::set<std::string>& present);

}  // namespace uncounted
