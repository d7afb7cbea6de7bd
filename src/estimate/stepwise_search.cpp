#include "estimate/stepwise_search.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <boost/math/special_functions/gamma.hpp>

#include "estimate/internal/mle_existence_detail.h"
#include "estimate/poisson_glm.h"

namespace uncounted {
namespace {

// Fits the extended design of `model` without checking existence.
Result<SparseMseFit> fit_extended(const CaptureTable& table, const LoglinearModel& model) {
  SparseMseFit out;
  out.model = model;
  const internal::CellDesign design = internal::extended_design(table, model, &out.empty_overlaps);
  const Eigen::MatrixXd x = internal::design_matrix(design);
  Eigen::VectorXd y(static_cast<Eigen::Index>(design.cells.size()));
  for (std::size_t i = 0; i < design.cells.size(); ++i)
    y(static_cast<Eigen::Index>(i)) = static_cast<double>(table.count(design.cells[i]));
  auto glm = fit_poisson_glm(x, y);
  if (!glm) return tl::unexpected(glm.error());
  out.converged = glm->converged;
  out.iterations = glm->iterations;
  out.rank = glm->rank;
  out.intercept = glm->coefficients(0);
  out.intercept_se = glm->covariance.size() > 0 ? std::sqrt(std::max(0.0, glm->covariance(0, 0)))
                                                : std::nan("");
  out.unobserved = std::exp(out.intercept);
  out.n_hat = static_cast<double>(table.observed()) + out.unobserved;
  out.deviance = glm->deviance;
  out.aic = glm->aic + 2.0 * static_cast<double>(out.empty_overlaps.size());
  out.fitted.assign(table.cell_count(), 0.0);
  out.fitted[0] = out.unobserved;
  for (std::size_t i = 0; i < design.cells.size(); ++i)
    out.fitted[design.cells[i]] = glm->fitted(static_cast<Eigen::Index>(i));
  return out;
}

MleExistence check_extended(const CaptureTable& table, const LoglinearModel& model, bool explain) {
  return internal::check_design(table, internal::extended_design(table, model), explain);
}

}  // namespace

double poisson_two_tail_min(std::int64_t observed, double mean) {
  if (observed < 0 || !(mean >= 0)) return std::nan("");
  if (mean == 0) return 1.0;  // P(X <= n*) = 1 for every n* >= 0
  const double k = static_cast<double>(observed);
  const double lower = boost::math::gamma_q(k + 1.0, mean);               // P(X <= n*)
  const double upper = observed == 0 ? 1.0 : boost::math::gamma_p(k, mean);  // P(X >= n*)
  return std::min(lower, upper);
}

std::string sparse_mse_pair_name(const CaptureTable& table, Pattern pair) {
  return internal::lists_name(table, pair, ":");
}

MleExistence check_sparse_mse_model(const CaptureTable& table, const LoglinearModel& model) {
  if (model.list_count() != table.list_count()) {
    MleExistence out;
    out.reason = "the model is for " + std::to_string(model.list_count()) +
                 " lists but the table has " + std::to_string(table.list_count());
    return out;
  }
  return check_extended(table, model, /*explain=*/true);
}

Result<SparseMseFit> fit_sparse_mse_model(const CaptureTable& table, const LoglinearModel& model) {
  const MleExistence check = check_sparse_mse_model(table, model);
  if (!check.ok())
    return fail("model " + model.display_name(table.lists()) + ": " + check.reason);
  return fit_extended(table, model);
}

Result<StepwiseResult> sparse_mse_stepwise(const CaptureTable& table,
                                           const StepwiseOptions& options) {
  if (!(options.p_threshold >= 0.0 && options.p_threshold <= 1.0))
    return fail("the stepwise p-value threshold must lie in [0, 1]");
  if (!(options.level > 0.0 && options.level < 1.0))
    return fail("the interval level must lie strictly between 0 and 1");
  const int k = table.list_count();
  LoglinearModel model = LoglinearModel::independence(k);
  {
    const MleExistence check = check_extended(table, model, /*explain=*/true);
    if (!check.ok()) return fail("the main-effects model cannot be fitted: " + check.reason);
  }
  auto fit = fit_extended(table, model);
  if (!fit) return tl::unexpected(fit.error());

  // Pairs in SparseMSE's order: (1,2), (1,3), ..., (1,k), (2,3), ...
  std::vector<Pattern> pairs;
  for (int i = 0; i < k; ++i)
    for (int j = i + 1; j < k; ++j) pairs.push_back((Pattern{1} << i) | (Pattern{1} << j));
  std::vector<std::int64_t> observed(pairs.size());
  for (std::size_t p = 0; p < pairs.size(); ++p) observed[p] = table.overlap(pairs[p]);
  std::vector<bool> included(pairs.size(), false);

  StepwiseResult result;
  while (true) {
    StepwiseStep step;
    std::vector<std::size_t> index;  // into pairs, for candidates
    for (std::size_t p = 0; p < pairs.size(); ++p) {
      if (included[p]) continue;
      StepwiseCandidate c;
      c.pair = pairs[p];
      c.observed_overlap = observed[p];
      for (Pattern cell = 1; cell < table.cell_count(); ++cell)
        if ((cell & c.pair) == c.pair) c.expected_overlap += fit->fitted[cell];
      c.p_value = poisson_two_tail_min(c.observed_overlap, c.expected_overlap);
      step.candidates.push_back(c);
      index.push_back(p);
    }
    // Candidates by increasing p-value, ties by pair order (stable sort);
    // the first eligible one below the threshold is added.
    std::vector<std::size_t> order(step.candidates.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&step](std::size_t a, std::size_t b) {
      return step.candidates[a].p_value < step.candidates[b].p_value;
    });
    std::size_t chosen = step.candidates.size();
    for (std::size_t o : order) {
      StepwiseCandidate& c = step.candidates[o];
      if (!(c.p_value < options.p_threshold)) break;
      const MleExistence check = check_extended(table, model.with_term(c.pair), /*explain=*/false);
      c.checked = true;
      c.eligible = check.ok();
      c.reason = check.reason;
      if (c.eligible) {
        chosen = o;
        break;
      }
    }
    if (chosen == step.candidates.size()) {
      result.steps.push_back(std::move(step));
      break;
    }
    const Pattern pair = step.candidates[chosen].pair;
    step.added = pair;
    step.p_value = step.candidates[chosen].p_value;
    result.steps.push_back(std::move(step));
    included[index[chosen]] = true;
    result.pairs.push_back(pair);
    model = model.with_term(pair);
    fit = fit_extended(table, model);
    if (!fit) return tl::unexpected(fit.error());
  }

  result.fit = std::move(*fit);
  auto interval =
      lognormal_interval(table.observed(), result.fit.intercept, result.fit.intercept_se, options.level);
  if (!interval) return tl::unexpected(interval.error());
  result.interval = *interval;
  return result;
}

}  // namespace uncounted
