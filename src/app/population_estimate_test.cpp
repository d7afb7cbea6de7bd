// The estimate use case against the reference tools' published numbers
// (../shared/data/mse/REFERENCE.md and reference/*_anchors.csv).
#include "app/population_estimate.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "base/csv_reader.h"
#include "estimate/loglinear_model.h"

namespace uncounted {
namespace {

const std::string kData = UNCOUNTED_SHARED_DATA "/mse/";

struct Anchor {
  std::string method;
  double estimate = 0;
  std::optional<double> lower, upper;
};

// reference/<dataset>_anchors.csv rows by method text.
std::vector<Anchor> anchors(const std::string& dataset) {
  auto csv = read_csv_file(kData + "reference/" + dataset + "_anchors.csv");
  EXPECT_TRUE(csv) << csv.error().message();
  std::vector<Anchor> out;
  if (!csv) return out;
  for (const auto& row : csv->rows) {
    Anchor a;
    a.method = row.fields[1];
    if (row.fields[2] == "NA") continue;
    a.estimate = std::stod(row.fields[2]);
    if (row.fields[3] != "NA") a.lower = std::stod(row.fields[3]);
    if (row.fields[4] != "NA") a.upper = std::stod(row.fields[4]);
    out.push_back(a);
  }
  return out;
}

const Anchor* find_anchor(const std::vector<Anchor>& all, const std::string& prefix) {
  for (const auto& a : all)
    if (a.method.rfind(prefix, 0) == 0) return &a;
  return nullptr;
}

CaptureHistoriesFile histories(const std::string& dataset) {
  auto file = read_capture_histories(kData + dataset + ".csv", {});
  EXPECT_TRUE(file) << file.error().message();
  return *file;
}

TableEstimate run(const std::string& dataset, SelectionCriterion criterion, std::optional<std::string> model = {}) {
  EstimateOptions options;
  options.method = EstimateMethod::kLoglinear;
  options.criterion = criterion;
  options.model = std::move(model);
  auto report = estimate_population(histories(dataset), options);
  EXPECT_TRUE(report) << report.error().message();
  return report->total;
}

void expect_relative(double got, double want, double tolerance, const std::string& what) {
  EXPECT_LE(std::fabs(got - want), tolerance * std::fabs(want)) << what << ": got " << got << ", want " << want;
}

// Rcapture names the model "[12,15,3]"; we print "[AB][AE][C]".
std::string display_of_rcapture_name(const std::string& rcapture, const std::vector<std::string>& lists) {
  auto model = LoglinearModel::parse(rcapture, lists);
  EXPECT_TRUE(model) << rcapture;
  return model ? model->display_name(lists) : "";
}

class RcaptureSelection : public ::testing::TestWithParam<std::string> {};

TEST_P(RcaptureSelection, AicAndBicChoicesEstimatesAndProfileIntervalsMatchClosedpMS) {
  const std::string dataset = GetParam();
  const auto reference = anchors(dataset);
  for (auto [criterion, label] : {std::pair{SelectionCriterion::kAic, "AIC"}, std::pair{SelectionCriterion::kBic, "BIC"}}) {
    const Anchor* want = find_anchor(reference, std::string("Rcapture closedpMS.t ") + label + ": ");
    ASSERT_NE(want, nullptr) << dataset << " " << label;
    const std::string rcapture_model = want->method.substr(want->method.find(": ") + 2);
    TableEstimate got = run(dataset, criterion);
    ASSERT_EQ(got.estimates.size(), 1u) << dataset << " " << label;
    const MethodEstimate& e = got.estimates[0];
    EXPECT_EQ(e.model, display_of_rcapture_name(rcapture_model, got.lists)) << dataset << " " << label;
    expect_relative(e.n_hat, want->estimate, 0.001, dataset + " " + label + " N");
    ASSERT_TRUE(want->lower && want->upper);
    expect_relative(e.lower, *want->lower, 0.01, dataset + " " + label + " lower");
    ASSERT_TRUE(e.upper) << dataset << " " << label;
    expect_relative(*e.upper, *want->upper, 0.01, dataset + " " + label + " upper");
  }
}

INSTANTIATE_TEST_SUITE_P(ReferenceTables, RcaptureSelection,
                         ::testing::Values("HIV", "lesbian", "MY5", "Ned_5", "NewOrl_5", "Western", "spina_bifida"));

class SparseMseStepwise : public ::testing::TestWithParam<std::string> {};

TEST_P(SparseMseStepwise, PointEstimateAndLognormalIntervalMatchEstimatepopulation0) {
  const std::string dataset = GetParam();
  const auto reference = anchors(dataset);
  const Anchor* want = find_anchor(reference, "SparseMSE stepwise");
  ASSERT_NE(want, nullptr);
  TableEstimate got = run(dataset, SelectionCriterion::kStepwise);
  ASSERT_EQ(got.estimates.size(), 1u);
  expect_relative(got.estimates[0].n_hat, want->estimate, 0.005, dataset + " N");
  expect_relative(got.estimates[0].lower, *want->lower, 0.01, dataset + " lower");
  expect_relative(*got.estimates[0].upper, *want->upper, 0.01, dataset + " upper");
}

INSTANTIATE_TEST_SUITE_P(ReferenceTables, SparseMseStepwise,
                         ::testing::Values("Artificial_3", "HIV", "MY5", "Ned", "Ned_5", "NewOrl", "NewOrl_5",
                                           "Western", "hare", "lesbian", "spina_bifida"));

TEST(Artificial3, NoEstimateFromAModelWhoseMleDoesNotExist) {
  // Rcapture reports N = 1.4e13 for [12,3]; its MLE does not exist.
  for (auto criterion : {SelectionCriterion::kAic, SelectionCriterion::kBic}) {
    TableEstimate got = run("Artificial_3", criterion);
    EXPECT_EQ(got.models_considered, 8u);
    EXPECT_GE(got.models_without_mle, 1u);
    for (const auto& e : got.estimates) {
      EXPECT_NE(e.model, "[AB][C]");
      EXPECT_LT(e.n_hat, 1e4);
    }
  }
  TableEstimate given = run("Artificial_3", SelectionCriterion::kBic, "[12,3]");
  EXPECT_TRUE(given.estimates.empty());
  ASSERT_FALSE(given.warnings.empty());
  EXPECT_NE(given.warnings[0].find("the MLE does not exist"), std::string::npos) << given.warnings[0];
}

// Above 15 lists, --method all leaves the log-linear search out (it would
// take minutes) and says so; LCMCR and Chao still run.
TEST(ManyLists, MethodAllSkipsTheLoglinearSearchAndSaysWhy) {
  const int k = 16;
  CaptureHistoriesFile file;
  for (int j = 0; j < k; ++j) file.lists.push_back("L" + std::to_string(j));
  file.total.counts.assign(std::size_t{1} << k, 0);
  for (int j = 0; j < k; ++j) {
    file.total.counts[std::size_t{1} << j] = 20 + j;
    file.total.counts[(std::size_t{1} << j) | (std::size_t{1} << ((j + 1) % k))] = 3;
  }
  EstimateOptions options;
  options.samples = 200;
  options.burnin = 200;
  options.thin = 1;
  auto report = estimate_population(file, options);
  ASSERT_TRUE(report) << report.error().message();
  bool warned = false;
  for (const auto& w : report->total.warnings) warned |= w.find("log-linear models were not searched") != std::string::npos;
  EXPECT_TRUE(warned);
  for (const auto& e : report->total.estimates) EXPECT_NE(e.method, "loglinear");
  EXPECT_FALSE(report->total.estimates.empty());
}

TEST(GivenModel, BasicModelsByNameMatchClosedp) {
  TableEstimate mt = run("HIV", SelectionCriterion::kBic, "Mt");
  ASSERT_EQ(mt.estimates.size(), 1u);
  expect_relative(mt.estimates[0].n_hat, 11124.6, 0.001, "HIV Mt");
  TableEstimate mth = run("HIV", SelectionCriterion::kBic, "Mth Chao (LB)");
  ASSERT_EQ(mth.estimates.size(), 1u);
  expect_relative(mth.estimates[0].n_hat, 11701, 0.001, "HIV Mth Chao");
  expect_relative(mth.estimates[0].lower, 9898.1, 0.01, "HIV Mth Chao lower");
}

TEST(GivenModel, UnknownModelIsAnError) {
  EstimateOptions options;
  options.model = "[XY]";
  auto report = estimate_population(histories("HIV"), options);
  ASSERT_FALSE(report);
  EXPECT_NE(report.error().message().find("--model '[XY]'"), std::string::npos);
}

TEST(Recommendation, ExactlyOneEstimatePerTableIsRecommendedWithAReason) {
  // MY5 in total, and split into two strata of about half each.
  CaptureHistoriesFile h = histories("MY5");
  for (const char* name : {"first", "second"}) {
    PatternCounts half{name, h.total.counts};
    for (std::size_t p = 0; p < half.counts.size(); ++p)
      half.counts[p] = name[0] == 'f' ? h.total.counts[p] / 2 : h.total.counts[p] - h.total.counts[p] / 2;
    h.strata.push_back(half);
  }
  EstimateOptions options;
  options.samples = 200;
  options.burnin = 1000;
  options.thin = 10;
  auto report = estimate_population(h, options);
  ASSERT_TRUE(report) << report.error().message();
  std::vector<const TableEstimate*> tables{&report->total};
  for (const auto& s : report->strata) tables.push_back(&s);
  for (const TableEstimate* t : tables) {
    int recommended = 0;
    for (const auto& e : t->estimates)
      if (e.recommended) {
        ++recommended;
        EXPECT_FALSE(e.reason.empty());
      }
    EXPECT_EQ(recommended, 1) << t->stratum;
    EXPECT_EQ(t->estimates.size(), 3u) << t->stratum;
  }
}

TEST(Strata, ListWithoutRecordsInAStratumIsLeftOutThere) {
  CaptureHistoriesFile h;
  h.lists = {"A", "B", "C"};
  h.total.counts = {0, 50, 40, 10, 30, 5, 4, 2};
  h.strata.push_back(PatternCounts{"early", {0, 50, 40, 10, 0, 0, 0, 0}});
  EstimateOptions options;
  options.method = EstimateMethod::kLoglinear;
  auto report = estimate_population(h, options);
  ASSERT_TRUE(report);
  const TableEstimate& early = report->strata[0];
  EXPECT_EQ(early.lists, (std::vector<std::string>{"A", "B"}));
  ASSERT_EQ(early.estimates.size(), 1u);
  // Two lists: the Lincoln-Petersen estimate 60 * 50 / 10 = 300.
  expect_relative(early.estimates[0].n_hat, 300, 1e-6, "Lincoln-Petersen");
  ASSERT_FALSE(early.warnings.empty());
  EXPECT_NE(early.warnings[0].find("list(s) C have no records here"), std::string::npos);
}

}  // namespace
}  // namespace uncounted
