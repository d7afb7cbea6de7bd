// PAIRS.csv, written by `uncounted link --out-pairs`: one row per scored
// pair above the review floor,
//   left_id,right_id,match_weight,match_probability
// (ids as "record_id" when every record comes from one source, otherwise
// "source:record_id"), and with --explain the prior's weight and then, per
// field, its comparison level and weight: `prior_weight,<f>_level,<f>_weight`
// — the waterfall of the decision (the weights sum to match_weight).
//
// Errors: a file that cannot be written. Thread safety: pure function.
#pragma once

#include <string>

#include "base/result.h"
#include "link/linker.h"
#include "link/record_table.h"

namespace uncounted {

Status write_pairs_csv(const std::string& path, const link::RecordTable& table, const link::LinkResult& result,
                       bool explain);

}  // namespace uncounted
