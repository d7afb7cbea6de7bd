#include "estimate/criterion_search.h"

#include <optional>

#include "estimate/loglinear_fit.h"
#include "estimate/estimability.h"
#include "estimate/mle_existence.h"

namespace uncounted {
namespace {

double criterion_of(const LoglinearFit& fit, InformationCriterion criterion) {
  return criterion == InformationCriterion::kAic ? fit.aic : fit.bic;
}

// Terms that can be added to `model` keeping it hierarchical.
std::vector<Pattern> addable_terms(const LoglinearModel& model, int max_order) {
  const int k = model.list_count();
  std::vector<Pattern> out;
  for (int order = 2; order <= max_order; ++order)
    for (Pattern term = 1; term < (Pattern{1} << k); ++term) {
      if (capture_count(term) != order || model.contains(term)) continue;
      bool subsets_present = true;
      if (order > 2)
        for (int j = 0; j < k && subsets_present; ++j)
          if (term >> j & 1) subsets_present = model.contains(term & ~(Pattern{1} << j));
      if (subsets_present) out.push_back(term);
    }
  return out;
}

// `model` without generator `g` (its proper subsets stay in the model).
LoglinearModel without_generator(const LoglinearModel& model, Pattern g) {
  std::vector<Pattern> generators;
  for (Pattern other : model.generators())
    if (other != g) generators.push_back(other);
  for (int j = 0; j < model.list_count(); ++j)
    if (g >> j & 1) {
      Pattern sub = g & ~(Pattern{1} << j);
      if (capture_count(sub) >= 2) generators.push_back(sub);
    }
  // from_generators drops generators contained in others; cannot fail here.
  return *LoglinearModel::from_generators(model.list_count(), generators);
}

}  // namespace

Result<CriterionSearchResult> criterion_stepwise_search(const CaptureTable& table,
                                                        const CriterionSearchOptions& options) {
  const int k = table.list_count();
  if (options.max_order < 1 || options.max_order > k - 1)
    return fail("the highest interaction order must be between 1 and " + std::to_string(k - 1));
  CriterionSearchResult result;

  auto evaluate = [&](const LoglinearModel& model) -> std::optional<FittedModel> {
    if (!model_estimability(table, model).estimable()) {
      ++result.models_without_mle;
      return std::nullopt;
    }
    auto fit = fit_loglinear(table, model);
    ++result.models_fitted;
    if (!fit || !fit->converged) return std::nullopt;
    return FittedModel{model, *fit};
  };
  // Candidates must also be fits Rcapture raises no warning for (infoFit 0),
  // the rule of the exhaustive selection.
  auto evaluate_candidate = [&](const LoglinearModel& model) -> std::optional<FittedModel> {
    auto fitted = evaluate(model);
    if (fitted && fitted->fit.info_fit != 0) return std::nullopt;
    return fitted;
  };

  const LoglinearModel start = LoglinearModel::independence(k);
  MleExistence start_check = check_mle_existence(table, start);
  if (!start_check.ok()) return fail("the independence model cannot be fitted: " + start_check.reason);
  auto current = evaluate(start);
  if (!current) return fail("the independence model did not converge");

  for (; result.rounds < options.max_rounds; ++result.rounds) {
    std::vector<LoglinearModel> candidates;
    for (Pattern term : addable_terms(current->model, options.max_order))
      candidates.push_back(current->model.with_term(term));
    for (Pattern g : current->model.generators()) candidates.push_back(without_generator(current->model, g));

    std::optional<FittedModel> best;
    double best_value = criterion_of(current->fit, options.criterion) - 1e-9;
    for (const LoglinearModel& candidate : candidates) {
      auto fitted = evaluate_candidate(candidate);
      if (!fitted) continue;
      double value = criterion_of(fitted->fit, options.criterion);
      if (value < best_value) {
        best_value = value;
        best = std::move(fitted);
      }
    }
    if (!best) break;
    current = std::move(best);
  }
  result.chosen = std::move(*current);
  return result;
}

}  // namespace uncounted
