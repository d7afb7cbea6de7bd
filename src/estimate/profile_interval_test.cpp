// Profile-likelihood intervals against Rcapture closedpCI.t (REFERENCE.md
// anchors, "profile-lik CI" rows for the closedpMS.t choices), to 1%.
#include "estimate/profile_interval.h"

#include <cmath>

#include <gtest/gtest.h>

#include "estimate/internal/test_reference.h"

namespace uncounted {
namespace {

namespace ref = testing_reference;

const char* kDatasets[] = {"spina_bifida", "Artificial_3", "HIV", "lesbian",
                           "Western",      "MY5",          "Ned_5", "NewOrl_5"};

class ProfileReference : public ::testing::TestWithParam<const char*> {};

TEST_P(ProfileReference, ClosedpMSChoicesMatchRcapture) {
  const std::string dataset = GetParam();
  auto table = ref::read_table(dataset);
  ASSERT_TRUE(table.has_value());
  int checked = 0;
  for (const auto& anchor : ref::read_anchors(dataset)) {
    const std::string prefix = "Rcapture closedpMS.t ";
    if (anchor.method.rfind(prefix, 0) != 0 || anchor.method.size() < prefix.size() + 5) continue;
    const std::string name = anchor.method.substr(prefix.size() + 5);  // after "AIC: "/"BIC: "
    auto model = LoglinearModel::parse(name, table->lists());
    ASSERT_TRUE(model.has_value()) << name;
    auto ci = profile_interval(*table, *model);
    ASSERT_TRUE(ci.has_value()) << dataset << " " << name;
    ++checked;
    EXPECT_NEAR(ci->lower, anchor.lo, 0.01 * anchor.lo) << dataset << " " << name;
    if (std::isnan(anchor.hi)) {
      EXPECT_FALSE(ci->upper_finite) << dataset << " " << name << " upper " << ci->upper;
    } else {
      EXPECT_TRUE(ci->upper_finite) << dataset << " " << name;
      EXPECT_NEAR(ci->upper, anchor.hi, 0.01 * anchor.hi) << dataset << " " << name;
    }
    EXPECT_LE(ci->lower, ci->n_max);
  }
  EXPECT_EQ(checked, 2) << dataset;
}

INSTANTIATE_TEST_SUITE_P(Reference, ProfileReference, ::testing::ValuesIn(kDatasets),
                         [](const ::testing::TestParamInfo<const char*>& p) { return std::string(p.param); });

TEST(ProfileInterval, RejectsBadOptions) {
  auto table = ref::read_table("spina_bifida");
  ASSERT_TRUE(table.has_value());
  ProfileIntervalOptions options;
  options.level = 1.5;
  EXPECT_FALSE(profile_interval(*table, LoglinearModel::independence(3), options).has_value());
}

TEST(ProfileInterval, WiderAtHigherLevel) {
  auto table = ref::read_table("spina_bifida");
  ASSERT_TRUE(table.has_value());
  ProfileIntervalOptions options;
  auto ci95 = profile_interval(*table, LoglinearModel::independence(3), options);
  options.level = 0.99;
  auto ci99 = profile_interval(*table, LoglinearModel::independence(3), options);
  ASSERT_TRUE(ci95 && ci99);
  EXPECT_LT(ci99->lower, ci95->lower);
  EXPECT_GT(ci99->upper, ci95->upper);
  EXPECT_NEAR(ci95->n_max, ci99->n_max, 1e-2);
}

}  // namespace
}  // namespace uncounted
