// Does a log-linear model give a finite, unique population size on a table?
//
// Three answers:
//  * kMle: the ordinary MLE exists and the model is identifiable
//    (check_mle_existence);
//  * kExtendedMle: the ordinary MLE does not exist only because some of the
//    model's interactions join lists with no one in common. Those
//    interactions are minus infinity, the cells holding both lists are fitted
//    as 0, and the rest of the model has an MLE (SparseMSE's check after
//    dropping those cells), so N is still finite and unique. Rcapture reports
//    such models without a warning and SparseMSE fits them this way;
//  * kNone: N is unbounded or not identifiable (Artificial_3's [12,3]); no
//    estimate of this model may be reported. `reason` says why.
//
// Thread safety: pure function.
#pragma once

#include <string>
#include <vector>

#include "estimate/capture_table.h"
#include "estimate/loglinear_model.h"

namespace uncounted {

enum class Estimability { kMle, kExtendedMle, kNone };

struct ModelEstimability {
  Estimability kind = Estimability::kNone;
  std::vector<Pattern> empty_overlaps;  // two-list terms of the model with no one in common
  std::string reason;                   // why kNone (empty otherwise)
  bool estimable() const { return kind != Estimability::kNone; }
};

ModelEstimability model_estimability(const CaptureTable& table, const LoglinearModel& model);

}  // namespace uncounted
