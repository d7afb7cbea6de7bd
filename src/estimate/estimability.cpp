#include "estimate/estimability.h"

#include "estimate/mle_existence.h"
#include "estimate/stepwise_search.h"

namespace uncounted {

ModelEstimability model_estimability(const CaptureTable& table, const LoglinearModel& model) {
  ModelEstimability out;
  for (Pattern term : model.terms())
    if (capture_count(term) == 2 && table.overlap(term) == 0) out.empty_overlaps.push_back(term);
  MleExistence strict = check_mle_existence(table, model);
  if (strict.ok()) {
    out.kind = Estimability::kMle;
    return out;
  }
  if (!out.empty_overlaps.empty() && check_sparse_mse_model(table, model).ok()) {
    out.kind = Estimability::kExtendedMle;
    return out;
  }
  out.reason = strict.reason;
  return out;
}

}  // namespace uncounted
