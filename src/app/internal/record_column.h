// Reads one column of the record files given to `link`, keyed like the
// clusters (record id, source, list), for the commands that join a record
// field to CLUSTERS.csv: `evaluate` (the truth column) and `histories` (the
// stratum column). With a link config, its record_id / source / list column
// names are used; otherwise the canonical ones.
//
// Errors: an unreadable config or record file, a missing column, and every
// validation error of append_link_records (file, line and column named).
// Thread safety: pure function of the files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "link/record_table.h"

namespace uncounted::internal {

Result<link::RecordTable> read_record_column(const std::optional<std::string>& config_path,
                                             const std::vector<std::string>& record_files,
                                             const std::string& column);

}  // namespace uncounted::internal
