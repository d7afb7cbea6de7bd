#include "estimate/criterion_search.h"

#include <gtest/gtest.h>

#include "estimate/internal/test_reference.h"
#include "estimate/estimability.h"
#include "estimate/mle_existence.h"
#include "estimate/model_space.h"

namespace uncounted {
namespace {

using testing_reference::read_table;

double value(const LoglinearFit& fit, InformationCriterion c) {
  return c == InformationCriterion::kAic ? fit.aic : fit.bic;
}

// On 3-5 lists the search can be compared with the exhaustive selection: it
// must never be worse than independence, must return a model with an MLE,
// and on these tables (checked once by hand against closedpMS.t) it reaches
// the global optimum's criterion within 2 points.
class CriterionSearch : public ::testing::TestWithParam<std::string> {};

TEST_P(CriterionSearch, ReachesNearTheExhaustiveOptimumWithAnExistingMle) {
  auto table = read_table(GetParam());
  ASSERT_TRUE(table) << table.error().message();
  auto space = default_model_space(table->list_count());
  ASSERT_TRUE(space);
  for (auto criterion : {InformationCriterion::kAic, InformationCriterion::kBic}) {
    auto search = criterion_stepwise_search(*table, {criterion, table->list_count() - 1, 200});
    ASSERT_TRUE(search) << search.error().message();
    EXPECT_TRUE(model_estimability(*table, search->chosen.model).estimable());
    auto independence = fit_loglinear(*table, LoglinearModel::independence(table->list_count()));
    ASSERT_TRUE(independence);
    EXPECT_LE(value(search->chosen.fit, criterion), value(*independence, criterion) + 1e-9);
    auto best = select_model(*table, *space, criterion, [&](const LoglinearModel& m, const LoglinearFit& f) {
      return f.converged && f.info_fit == 0 && model_estimability(*table, m).estimable();
    });
    ASSERT_TRUE(best);
    EXPECT_GE(value(search->chosen.fit, criterion), value(best->fit, criterion) - 1e-6);
    EXPECT_LE(value(search->chosen.fit, criterion), value(best->fit, criterion) + 2.0)
        << GetParam() << ": search " << search->chosen.model.rcapture_name() << ", best "
        << best->model.rcapture_name();
  }
}

INSTANTIATE_TEST_SUITE_P(ReferenceTables, CriterionSearch,
                         ::testing::Values("HIV", "lesbian", "MY5", "Western", "spina_bifida"));

TEST(CriterionSearch, SixAndEightListTablesGiveAModelWithAnMle) {
  for (const char* dataset : {"Ned", "NewOrl", "hare"}) {
    auto table = read_table(dataset);
    ASSERT_TRUE(table);
    auto search = criterion_stepwise_search(*table);
    ASSERT_TRUE(search) << dataset << ": " << search.error().message();
    EXPECT_TRUE(model_estimability(*table, search->chosen.model).estimable()) << dataset;
    EXPECT_TRUE(search->chosen.fit.converged);
    EXPECT_GT(search->models_fitted, 0u);
    EXPECT_LE(search->chosen.model.max_order(), 2);
  }
}

TEST(CriterionSearch, RejectsBadOrder) {
  auto table = read_table("HIV");
  ASSERT_TRUE(table);
  EXPECT_FALSE(criterion_stepwise_search(*table, {InformationCriterion::kBic, 4, 10}));
  EXPECT_FALSE(criterion_stepwise_search(*table, {InformationCriterion::kBic, 0, 10}));
}

}  // namespace
}  // namespace uncounted
