#include "estimate/loglinear_fit.h"

#include <cmath>

#include <gtest/gtest.h>

#include "estimate/internal/test_reference.h"

namespace uncounted {
namespace {

namespace ref = testing_reference;

CaptureTable spina_bifida() {
  auto table = ref::read_table("spina_bifida");
  EXPECT_TRUE(table.has_value());
  return *table;
}

TEST(LoglinearFit, IndependenceMatchesRcapture) {
  const CaptureTable table = spina_bifida();
  auto fit = fit_loglinear(table, LoglinearModel::independence(3));
  ASSERT_TRUE(fit.has_value());
  EXPECT_TRUE(fit->converged);
  // Rcapture closedpMS.t row "[1,2,3]".
  EXPECT_NEAR(fit->n_hat, 763.887931861346, 1e-6);
  EXPECT_NEAR(fit->n_hat_se, 20.6176117115852, 1e-5);
  EXPECT_NEAR(fit->deviance, 58.3476188294189, 1e-7);
  EXPECT_EQ(fit->df, 3);
  EXPECT_EQ(fit->rank, 4);
  EXPECT_NEAR(fit->aic, 106.318821082587, 1e-7);
  EXPECT_NEAR(fit->bic, 124.076222566988, 1e-7);
  EXPECT_EQ(fit->info_fit, 0);
  ASSERT_EQ(fit->fitted.size(), 8u);
  EXPECT_NEAR(fit->fitted[0], fit->unobserved, 1e-12);
}

TEST(LoglinearFit, SaturatedModelHasZeroDeviance) {
  const CaptureTable table = spina_bifida();
  auto model = LoglinearModel::parse("[12,13,23]", table.lists());
  ASSERT_TRUE(model.has_value());
  auto fit = fit_loglinear(table, *model);
  ASSERT_TRUE(fit.has_value());
  EXPECT_NEAR(fit->n_hat, 762.980633802817, 1e-6);
  EXPECT_NEAR(fit->deviance, 0.0, 1e-8);
  EXPECT_EQ(fit->df, 0);
}

TEST(LoglinearFit, EveryClosedpMSModelOfSpinaBifida) {
  const CaptureTable table = spina_bifida();
  for (const auto& row : ref::read_rcapture("spina_bifida", "closedpMS")) {
    auto model = LoglinearModel::parse(row.name, table.lists());
    ASSERT_TRUE(model.has_value()) << row.name;
    EXPECT_EQ(model->rcapture_name(), row.name);
    auto fit = fit_loglinear(table, *model);
    ASSERT_TRUE(fit.has_value());
    EXPECT_EQ(fit->info_fit, row.info_fit) << row.name;
    EXPECT_NEAR(fit->n_hat, row.abundance, 1e-6 * row.abundance) << row.name;
    EXPECT_NEAR(fit->aic, row.aic, 1e-6 * std::abs(row.aic)) << row.name;
    EXPECT_NEAR(fit->bic, row.bic, 1e-6 * std::abs(row.bic)) << row.name;
  }
}

TEST(LoglinearFit, RejectsModelOnOtherListCount) {
  const CaptureTable table = spina_bifida();
  auto fit = fit_loglinear(table, LoglinearModel::independence(4));
  EXPECT_FALSE(fit.has_value());
}

}  // namespace
}  // namespace uncounted
