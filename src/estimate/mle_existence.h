// Does the maximum-likelihood estimate of a log-linear model exist, and is
// the model identifiable? (Fienberg & Rinaldo 2012; the linear-programming
// test used by SparseMSE, Chan, Silverman & Vincent 2021.)
//
// With design matrix A (observable cells x parameters) and observed counts y,
// the MLE is finite iff the observed sufficient statistics t = A'y lie in the
// relative interior of the marginal cone, i.e. the LP
//     maximise s  subject to  A'z = t,  z_i >= s  (all cells i)
// has optimum s > 0. The model is identifiable iff A has full column rank.
// Without this check IRLS "converges" to absurd estimates (Artificial_3:
// 1.4e13).
//
// Thread safety: pure function.
#pragma once

#include <string>

#include "estimate/capture_table.h"
#include "estimate/loglinear_model.h"

namespace uncounted {

struct MleExistence {
  bool exists = false;        // the LP optimum is strictly positive
  bool identifiable = false;  // the design has full column rank
  // Empty when exists && identifiable; else a sentence for the user, e.g.
  // "the MLE does not exist: lists A and B have no one in common".
  std::string reason;
  bool ok() const { return exists && identifiable; }
};

MleExistence check_mle_existence(const CaptureTable& table, const LoglinearModel& model);

}  // namespace uncounted
