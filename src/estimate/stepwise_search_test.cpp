#include "estimate/stepwise_search.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/csv_reader.h"
#include "estimate/loglinear_fit.h"

namespace uncounted {
namespace {

std::string data_dir() { return std::string(UNCOUNTED_SHARED_DATA) + "/mse/"; }

CaptureTable read_mse(const std::string& name) {
  auto csv = read_csv_file(data_dir() + name + ".csv");
  EXPECT_TRUE(csv.has_value()) << name;
  const std::size_t k = csv->header.size() - 1;
  std::vector<std::string> lists(csv->header.begin(), csv->header.end() - 1);
  std::vector<std::int64_t> counts(std::size_t{1} << k, 0);
  for (const CsvRow& row : csv->rows) {
    Pattern p = 0;
    for (std::size_t j = 0; j < k; ++j)
      if (row.fields[j] == "1") p |= Pattern{1} << j;
    counts[p] += std::stoll(row.fields[k]);
  }
  auto table = CaptureTable::make(lists, counts);
  EXPECT_TRUE(table.has_value()) << name;
  return *table;
}

struct Anchor {
  double estimate = 0, lower = 0, upper = 0;
  std::vector<std::string> terms;  // "A:E", in the order SparseMSE added them
};

// The "SparseMSE stepwise (estimatepopulation.0)" row of reference/<name>_anchors.csv.
Anchor read_anchor(const std::string& name) {
  auto csv = read_csv_file(data_dir() + "reference/" + name + "_anchors.csv");
  EXPECT_TRUE(csv.has_value()) << name;
  Anchor a;
  for (const CsvRow& row : csv->rows) {
    if (row.fields.at(1) != "SparseMSE stepwise (estimatepopulation.0)") continue;
    a.estimate = std::stod(row.fields.at(2));
    a.lower = std::stod(row.fields.at(3));
    a.upper = std::stod(row.fields.at(4));
    const std::string& note = row.fields.at(6);
    const std::string key = "2-list terms: ";
    std::istringstream terms(note.substr(note.find(key) + key.size()));
    for (std::string t; terms >> t;)
      if (t != "none") a.terms.push_back(t);
    return a;
  }
  ADD_FAILURE() << "no SparseMSE stepwise row for " << name;
  return a;
}

class StepwiseReference : public ::testing::TestWithParam<const char*> {};

TEST_P(StepwiseReference, MatchesSparseMse) {
  const std::string name = GetParam();
  const CaptureTable table = read_mse(name);
  const Anchor anchor = read_anchor(name);
  auto result = sparse_mse_stepwise(table);
  ASSERT_TRUE(result.has_value()) << result.error().message();
  // The reference lists the terms of SparseMSE's glm formula: the pairs added
  // whose lists overlap. Pairs with an empty overlap are added too (their
  // cells are then left out of the fit) but do not appear in the formula.
  std::vector<std::string> terms;
  std::vector<std::string> empty;
  for (Pattern pair : result->pairs)
    (table.overlap(pair) > 0 ? terms : empty).push_back(sparse_mse_pair_name(table, pair));
  EXPECT_EQ(terms, anchor.terms) << name;
  std::vector<std::string> fit_empty;
  for (Pattern pair : result->fit.empty_overlaps)
    fit_empty.push_back(sparse_mse_pair_name(table, pair));
  std::sort(empty.begin(), empty.end());
  std::sort(fit_empty.begin(), fit_empty.end());
  EXPECT_EQ(empty, fit_empty);
  const std::map<std::string, std::vector<std::string>> expected_empty = {
      {"Ned", {"I:K", "K:R"}}, {"Ned_5", {"K:R"}}};
  const auto it = expected_empty.find(name);
  EXPECT_EQ(empty, it == expected_empty.end() ? std::vector<std::string>{} : it->second) << name;
  EXPECT_TRUE(result->fit.converged);
  // The reference values are rounded to 0.1; tolerances: 0.5% point, 1% bounds.
  EXPECT_NEAR(result->fit.n_hat, anchor.estimate, 0.005 * anchor.estimate) << name;
  EXPECT_NEAR(result->interval.estimate, result->fit.n_hat, 1e-9 * result->fit.n_hat);
  EXPECT_NEAR(result->interval.lower, anchor.lower, 0.01 * anchor.lower) << name;
  EXPECT_NEAR(result->interval.upper, anchor.upper, 0.01 * anchor.upper) << name;
  // In fact we reproduce SparseMSE to the reference's rounding (0.1): same
  // IRLS as R's glm.fit, same model. 1e-5 relative leaves room for rounding.
  EXPECT_NEAR(result->fit.n_hat, anchor.estimate, 0.05 + 1e-5 * anchor.estimate) << name;
  EXPECT_NEAR(result->interval.lower, anchor.lower, 0.05 + 1e-5 * anchor.lower) << name;
  EXPECT_NEAR(result->interval.upper, anchor.upper, 0.05 + 1e-5 * anchor.upper) << name;
  // Every step but the last added a pair with p < 0.02.
  ASSERT_EQ(result->steps.size(), result->pairs.size() + 1);
  for (std::size_t s = 0; s + 1 < result->steps.size(); ++s) {
    EXPECT_EQ(result->steps[s].added, result->pairs[s]);
    EXPECT_LT(result->steps[s].p_value, 0.02);
  }
  EXPECT_EQ(result->steps.back().added, 0u);
}

INSTANTIATE_TEST_SUITE_P(EveryTable, StepwiseReference,
                         ::testing::Values("Artificial_3", "HIV", "MY5", "Ned", "Ned_5", "NewOrl",
                                           "NewOrl_5", "Western", "hare", "lesbian",
                                           "spina_bifida"));

TEST(PoissonTwoTailMin, HandValues) {
  // n* = 0: P(X >= 0) = 1, so p = P(X = 0) = exp(-lambda).
  EXPECT_NEAR(poisson_two_tail_min(0, 2.0), std::exp(-2.0), 1e-15);
  // n* = 1, lambda = 1: P(X <= 1) = 2/e, P(X >= 1) = 1 - 1/e.
  EXPECT_NEAR(poisson_two_tail_min(1, 1.0), 1.0 - std::exp(-1.0), 1e-15);
  // n* = 5, lambda = 1: upper tail 1 - e^-1 (1 + 1 + 1/2 + 1/6 + 1/24).
  EXPECT_NEAR(poisson_two_tail_min(5, 1.0),
              1.0 - std::exp(-1.0) * (1 + 1 + 0.5 + 1.0 / 6 + 1.0 / 24), 1e-14);
  // n* = 0, lambda = 10: lower tail.
  EXPECT_NEAR(poisson_two_tail_min(0, 10.0), std::exp(-10.0), 1e-18);
  EXPECT_EQ(poisson_two_tail_min(3, 0.0), 1.0);
}

TEST(SparseMseFit, MatchesOrdinaryFitWithoutEmptyOverlaps) {
  const CaptureTable table = read_mse("lesbian");
  auto model = LoglinearModel::parse("[14,34,24,23]", table.lists());
  ASSERT_TRUE(model.has_value());
  auto sparse = fit_sparse_mse_model(table, *model);
  auto ordinary = fit_loglinear(table, *model);
  ASSERT_TRUE(sparse.has_value()) << sparse.error().message();
  ASSERT_TRUE(ordinary.has_value());
  EXPECT_TRUE(sparse->empty_overlaps.empty());
  EXPECT_NEAR(sparse->n_hat, ordinary->n_hat, 1e-6 * ordinary->n_hat);
  EXPECT_NEAR(sparse->intercept_se, ordinary->intercept_se, 1e-6);
  EXPECT_NEAR(sparse->aic, ordinary->aic, 1e-6);
}

TEST(SparseMseFit, EmptyOverlapCellsAreLeftOut) {
  // Artificial_3 with [13,23]: AC and BC are empty, so cells AC, BC, ABC are
  // dropped; what is left is the independence model on A, B, C, AB with
  // 4 parameters on 4 cells — a perfect fit. A: 40+6, B: 30+6, AB 6:
  // exp(b0) = 40 * 30 / 6 * (C only 20 / ... ) — checked via the fitted cells.
  const CaptureTable table = read_mse("Artificial_3");
  auto model = LoglinearModel::from_generators(3, {5, 6});
  ASSERT_TRUE(model.has_value());
  auto fit = fit_sparse_mse_model(table, *model);
  ASSERT_TRUE(fit.has_value()) << fit.error().message();
  EXPECT_EQ(fit->empty_overlaps, (std::vector<Pattern>{5, 6}));
  EXPECT_EQ(fit->rank, 4);
  EXPECT_NEAR(fit->fitted[1], 40, 1e-6);
  EXPECT_NEAR(fit->fitted[3], 6, 1e-6);
  EXPECT_EQ(fit->fitted[5], 0.0);
  EXPECT_EQ(fit->fitted[7], 0.0);
  // Unobserved m0: m_A = m0 a, m_B = m0 b, m_AB = m0 a b => m0 = 40*30/6 = 200.
  EXPECT_NEAR(fit->unobserved, 200, 1e-4);
  EXPECT_NEAR(fit->fitted[4], 20, 1e-6);
  // AIC carries +2 per empty overlap in the model.
  auto plain = fit_sparse_mse_model(table, LoglinearModel::independence(3));
  ASSERT_TRUE(plain.has_value());
  EXPECT_TRUE(plain->empty_overlaps.empty());
}

TEST(SparseMseFit, RefusesModelWithoutMle) {
  const CaptureTable table = read_mse("Artificial_3");
  auto model = LoglinearModel::from_generators(3, {3});
  ASSERT_TRUE(model.has_value());
  auto fit = fit_sparse_mse_model(table, *model);
  ASSERT_FALSE(fit.has_value());
  EXPECT_NE(fit.error().message().find("does not exist"), std::string::npos)
      << fit.error().message();
}

TEST(SparseMseStepwise, Artificial3SkipsIneligiblePairs) {
  // At 0.02 nothing is even close (A:B has p = 0.091). At threshold 0.1 the
  // A:B pair qualifies by its p-value, but adding it makes the MLE not exist
  // (the margins force AC, BC and ABC to zero): it is skipped, and the next
  // pair (A:C, p = 0.18) is above the threshold, so main effects remain.
  const CaptureTable table = read_mse("Artificial_3");
  auto result = sparse_mse_stepwise(table, {0.1, 0.95});
  ASSERT_TRUE(result.has_value());
  EXPECT_TRUE(result->pairs.empty());
  ASSERT_EQ(result->steps.size(), 1u);
  const StepwiseCandidate& ab = result->steps[0].candidates[0];
  EXPECT_EQ(ab.pair, 3u);
  EXPECT_EQ(ab.observed_overlap, 6);
  EXPECT_NEAR(ab.p_value, 0.0913, 5e-4);
  EXPECT_TRUE(ab.checked);
  EXPECT_FALSE(ab.eligible);
  EXPECT_NE(ab.reason.find("does not exist"), std::string::npos);
  EXPECT_FALSE(result->steps[0].candidates[1].checked);

  // At 0.5, A:C (empty overlap, p = exp(-lambda*) = 0.18) is eligible under
  // SparseMSE's extended MLE and is added: its cells are left out.
  auto loose = sparse_mse_stepwise(table, {0.5, 0.95});
  ASSERT_TRUE(loose.has_value());
  ASSERT_FALSE(loose->pairs.empty());
  EXPECT_EQ(loose->pairs[0], 5u);
  EXPECT_FALSE(loose->fit.empty_overlaps.empty());
}

TEST(SparseMseStepwise, MainEffectsWithoutMleIsAnError) {
  auto table = CaptureTable::make({"A", "B"}, {0, 10, 12, 0});
  ASSERT_TRUE(table.has_value());
  auto result = sparse_mse_stepwise(*table);
  ASSERT_FALSE(result.has_value());
  EXPECT_NE(result.error().message().find("main-effects"), std::string::npos);
}

TEST(SparseMseStepwise, ThresholdZeroGivesMainEffects) {
  const CaptureTable table = read_mse("lesbian");
  auto result = sparse_mse_stepwise(table, {0.0, 0.95});
  ASSERT_TRUE(result.has_value());
  EXPECT_TRUE(result->pairs.empty());
  EXPECT_FALSE(sparse_mse_stepwise(table, {1.5, 0.95}).has_value());
  EXPECT_FALSE(sparse_mse_stepwise(table, {0.02, 1.0}).has_value());
}

}  // namespace
}  // namespace uncounted
