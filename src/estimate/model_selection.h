// Model selection over a model space by AIC or BIC, as Rcapture's
// closedpMS.t tables are read: fit every model, then take the smallest
// criterion among the eligible fits.
//
// Eligibility: a fit that did not converge is never eligible. On top of that
// the caller's predicate may exclude models, e.g. those whose MLE does not
// exist (check_mle_existence in mle_existence.h) or those Rcapture flags
// (info_fit != 0, see `rcapture_ok`).
//
// Thread safety: pure functions; the predicate is called from the calling
// thread only.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "base/result.h"
#include "estimate/capture_table.h"
#include "estimate/loglinear_fit.h"
#include "estimate/loglinear_model.h"

namespace uncounted {

enum class InformationCriterion { kAic, kBic };

// "aic" / "bic".
const char* criterion_name(InformationCriterion criterion);

struct FittedModel {
  LoglinearModel model;
  LoglinearFit fit;
};

// Fits every model of `space` to `table`, in order. Errors: a model on a
// different number of lists than the table (the first such is named).
Result<std::vector<FittedModel>> fit_models(const CaptureTable& table,
                                            const std::vector<LoglinearModel>& space);

// Extra eligibility test; return false to exclude a model.
using ModelPredicate = std::function<bool(const LoglinearModel&, const LoglinearFit&)>;

// Predicate: Rcapture raised no warning for the fit (info_fit == 0).
bool rcapture_ok(const LoglinearModel& model, const LoglinearFit& fit);

struct ModelChoice {
  std::size_t index = 0;  // into the fitted models
  double criterion = 0;   // its AIC or BIC
  std::size_t eligible = 0;  // how many models were eligible
};

// The eligible fit with the smallest criterion (the first one on ties).
// Errors: no eligible model (the message says how many did not converge and
// how many the predicate excluded).
Result<ModelChoice> choose_model(const std::vector<FittedModel>& fits, InformationCriterion criterion,
                                 const ModelPredicate& keep = nullptr);

// Convenience: fit_models then choose_model; returns the chosen model and fit.
Result<FittedModel> select_model(const CaptureTable& table, const std::vector<LoglinearModel>& space,
                                 InformationCriterion criterion, const ModelPredicate& keep = nullptr);

}  // namespace uncounted
