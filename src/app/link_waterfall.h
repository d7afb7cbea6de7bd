// The terminal form of `uncounted link --explain`: for the pairs nearest the
// decision threshold (where a researcher most wants to see why), the match
// weight built up field by field from the prior — a waterfall. Shows record
// ids, comparison levels and weights only, never record contents.
//
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "link/linker.h"
#include "link/record_table.h"

namespace uncounted {

struct FieldStep {
  std::string field;
  std::string level;  // a level name, or "missing"
  double weight = 0;  // log2(m/u) (+ term-frequency adjustment); 0 when missing
};

struct PairWaterfall {
  std::string left_id, right_id;  // source:record_id when there are several sources
  double prior_weight = 0;
  std::vector<FieldStep> steps;   // fields in config order
  double weight = 0;              // prior_weight + sum of the steps
  double probability = 0;
};

// Up to `count` kept pairs whose weight is nearest the threshold's weight,
// highest weight first. Needs `result` made with spec.explain (else empty).
std::vector<PairWaterfall> borderline_waterfalls(const link::RecordTable& table, const link::LinkResult& result,
                                                 double threshold, std::size_t count);

// Text lines: one per step with its weight, the running total and a bar.
std::string format_waterfall(const PairWaterfall& pair, double threshold);

}  // namespace uncounted
