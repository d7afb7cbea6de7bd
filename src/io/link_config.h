// The JSON config of `uncounted link` (format: docs/LINKAGE.md): which
// columns identify a record, the fields and their comparators and levels,
// blocking rules, the prior's deterministic rules, threshold and clustering.
//
// Errors name the config file with line and column: malformed JSON, an
// unknown key (a typo must not silently change the linkage), a value of the
// wrong type or out of range, an unknown comparator or transform, a
// blocking part naming no column, two fields with one name, a prior rule
// naming no field, comparison levels the comparator cannot use (out of
// range or order, empty, or on a comparator without levels; the location
// is the level's own), a threshold outside (0, 1).
//
// Thread safety: pure functions.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "link/link_spec.h"

namespace uncounted {

struct LinkConfig {
  link::LinkSpec spec;
  std::string record_id_column = "record_id";
  std::string source_column = "source";
  std::string list_column = "list";
  // Every record column the spec reads, with where the config names it.
  std::map<std::string, SourceLocation> columns;
};

// True for a usable link threshold: a match probability strictly between 0
// and 1 (0 would link every candidate pair; at 1 only a probability that
// rounds to 1 links); false for NaN.
bool is_link_threshold(double threshold);

// Sets `config`'s threshold (a --threshold given on the command line); an
// error naming the value when it is not is_link_threshold.
Status set_link_threshold(LinkConfig& config, double threshold);

Result<LinkConfig> parse_link_config(std::string_view text, const std::string& file_name);
Result<LinkConfig> read_link_config(const std::string& path);

}  // namespace uncounted
