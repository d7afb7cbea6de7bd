#include "estimate/model_selection.h"

#include <cmath>

namespace uncounted {

const char* criterion_name(InformationCriterion criterion) {
  return criterion == InformationCriterion::kAic ? "aic" : "bic";
}

Result<std::vector<FittedModel>> fit_models(const CaptureTable& table,
                                            const std::vector<LoglinearModel>& space) {
  std::vector<FittedModel> out;
  out.reserve(space.size());
  for (const auto& model : space) {
    auto fit = fit_loglinear(table, model);
    if (!fit) return tl::unexpected(fit.error());
    out.push_back(FittedModel{model, std::move(*fit)});
  }
  return out;
}

bool rcapture_ok(const LoglinearModel& /*model*/, const LoglinearFit& fit) { return fit.info_fit == 0; }

Result<ModelChoice> choose_model(const std::vector<FittedModel>& fits, InformationCriterion criterion,
                                 const ModelPredicate& keep) {
  ModelChoice choice;
  bool found = false;
  std::size_t not_converged = 0;
  std::size_t excluded = 0;
  for (std::size_t i = 0; i < fits.size(); ++i) {
    const LoglinearFit& fit = fits[i].fit;
    const double value = criterion == InformationCriterion::kAic ? fit.aic : fit.bic;
    if (!fit.converged || !std::isfinite(value)) {
      ++not_converged;
      continue;
    }
    if (keep && !keep(fits[i].model, fit)) {
      ++excluded;
      continue;
    }
    ++choice.eligible;
    if (!found || value < choice.criterion) {
      choice.index = i;
      choice.criterion = value;
      found = true;
    }
  }
  if (!found)
    return fail("no model can be chosen: of " + std::to_string(fits.size()) + " models, " +
                std::to_string(not_converged) + " did not converge and " + std::to_string(excluded) +
                " were excluded (e.g. their MLE does not exist)");
  return choice;
}

Result<FittedModel> select_model(const CaptureTable& table, const std::vector<LoglinearModel>& space,
                                 InformationCriterion criterion, const ModelPredicate& keep) {
  auto fits = fit_models(table, space);
  if (!fits) return tl::unexpected(fits.error());
  auto choice = choose_model(*fits, criterion, keep);
  if (!choice) return tl::unexpected(choice.error());
  return std::move((*fits)[choice->index]);
}

}  // namespace uncounted
