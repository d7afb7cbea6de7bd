// Stepwise search of hierarchical log-linear models by AIC or BIC, for
// tables with too many lists to enumerate every model (6 or more: 2^15+
// two-way models), as DESIGN.md section 6 asks ("stepwise search for any
// number of lists").
//
// Algorithm (deterministic): start from independence. Each round considers
//  * adding one term: any pair of lists not in the model, or any higher-order
//    set of lists (up to `max_order`) all of whose subsets one order lower
//    are already in the model (so the model stays hierarchical);
//  * removing one generator (a maximal term) of the model;
// and moves to the eligible candidate with the smallest criterion if it
// improves on the current model by more than 1e-9; ties go to the first
// candidate in the order above (additions by order then pattern, then
// removals). A candidate is eligible when its fit converged, Rcapture would
// raise no warning for it (info_fit 0, as in the exhaustive selection), and it
// gives a finite, unique N (model_estimability: an MLE, or an extended MLE
// where the only obstruction is interactions of lists with no one in common).
// The starting independence model only needs to converge with an MLE. The search stops when no
// candidate improves, or after `max_rounds`.
//
// This finds a local optimum; on 3-5 lists `default_model_space` with
// `select_model` finds the global one and should be preferred.
//
// Thread safety: pure function.
#pragma once

#include <cstddef>

#include "base/result.h"
#include "estimate/capture_table.h"
#include "estimate/model_selection.h"

namespace uncounted {

struct CriterionSearchOptions {
  InformationCriterion criterion = InformationCriterion::kBic;
  int max_order = 2;       // highest interaction order considered (2..lists-1)
  int max_rounds = 200;
};

struct CriterionSearchResult {
  FittedModel chosen;
  std::size_t models_fitted = 0;
  std::size_t models_without_mle = 0;  // candidates rejected by the existence check
  int rounds = 0;
};

// Errors: max_order outside [1, lists - 1]; an independence model whose MLE
// does not exist or that does not converge (then no log-linear estimate can
// be made; the message says why).
Result<CriterionSearchResult> criterion_stepwise_search(const CaptureTable& table,
                                                        const CriterionSearchOptions& options = {});

}  // namespace uncounted
