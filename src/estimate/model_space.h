// Model spaces: the sets of hierarchical log-linear models that model
// selection searches, enumerated as Rcapture's closedpMS.t does (all main
// effects always in; every hierarchical set of interactions of order 2 up to
// `max_order`; the saturated model excluded since it cannot estimate N).
//
// Sizes: 3 lists, max order 2: 8 models; 4 lists, max order 3: 113;
// 5 lists, max order 2: 1,024; 5 lists, max order 4: 6,893. The count grows
// super-exponentially with lists and order, hence `limit`.
//
// Each model's rcapture_name() is the row name Rcapture prints, e.g.
// "[12,15,3,4]", so results can be joined with closedpMS.t output.
// The order of the returned models is deterministic (a depth-first
// enumeration by term) but not Rcapture's row order.
//
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <vector>

#include "base/result.h"
#include "estimate/loglinear_model.h"

namespace uncounted {

// Every hierarchical model on `list_count` lists with generators of at most
// `max_order` lists (max_order = 1 gives only independence).
// Errors: list_count outside [2, CaptureTable::kMaxLists]; max_order outside
// [1, list_count - 1]; more than `limit` models (checked while enumerating,
// so a huge space fails fast instead of exhausting memory).
Result<std::vector<LoglinearModel>> hierarchical_models(int list_count, int max_order,
                                                        std::size_t limit = 100000);

// The default space of DESIGN.md section 6 / the reference runs: every
// hierarchical model for up to 4 lists (max order list_count - 1), every
// two-way model for 5 lists. Errors: fewer than 2 or more than 5 lists (use a
// stepwise search there).
Result<std::vector<LoglinearModel>> default_model_space(int list_count);

}  // namespace uncounted
