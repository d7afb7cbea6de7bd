// CLUSTERS.csv, the output of `uncounted link` and input of `histories`:
// `record_id,source,list,cluster_id`, one row per input record, in input
// order. cluster_id is a positive integer; records with equal cluster_id
// are one entity.
//
// Errors: a file that cannot be written, or (reading) a missing column, an
// empty or non-integer cluster_id, an empty list, a source or list that is
// not UTF-8, a record (source and record_id) listed twice, a row of the
// wrong width — with file, line and column.
// Thread safety: pure functions of their arguments and files.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "link/record_table.h"

namespace uncounted {

Status write_clusters_csv(const std::string& path, const link::RecordTable& table,
                          const std::vector<std::uint32_t>& cluster_of);

struct ClusterRow {
  std::string record_id;
  std::string source;
  std::string list;
  std::uint64_t cluster_id = 0;
  long line = 0;
};

Result<std::vector<ClusterRow>> read_clusters_csv(const std::string& path);

// A CSV field, quoted when it holds a comma, quote or line break.
std::string link_csv_field(const std::string& value);

}  // namespace uncounted
