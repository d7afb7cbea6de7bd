// The report's linkage section from what `link` wrote: CLUSTERS.csv (read
// by read_clusters_csv) for the entity sizes, and optionally PAIRS.csv for
// the histogram of match weights, split into pairs that ended in one entity
// and pairs left apart. Only the ids and match_weight of PAIRS.csv are read.
//
// Histogram bins: about 30, of a round width (0.5, 1, 2 or 5 weight units),
// starting at a multiple of the width.
//
// Errors (file:line: reason, never quoting a value): an unreadable or
// malformed PAIRS.csv, no left_id/right_id/match_weight column, a weight
// that is not a finite number, a row of the wrong width.
// Thread safety: pure function of its arguments and the file.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "io/clusters_csv.h"
#include "report/report_data.h"

namespace uncounted {

Result<report::LinkageSection> report_linkage(const std::vector<ClusterRow>& clusters,
                                              const std::optional<std::string>& pairs_path);

// The parts, for a linkage held in memory (a store's link run): the entity
// sizes from the clusters, then the histogram of pairs' weights.
report::LinkageSection linkage_sizes(const std::vector<ClusterRow>& clusters);
struct LinkedPairWeight {
  double weight = 0;
  bool linked = false;  // the two records ended in one entity
};
void add_weight_histogram(report::LinkageSection& section, const std::vector<LinkedPairWeight>& pairs);

}  // namespace uncounted
