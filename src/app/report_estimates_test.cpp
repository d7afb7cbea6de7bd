#include "app/report_estimates.h"

#include <gtest/gtest.h>

namespace uncounted {
namespace {

TEST(ReportEstimates, PeriodsInTimeOrderThenOtherStrata) {
  EstimateReport estimate;
  for (const char* label : {"2010-2014", "unknown", "2000-2004", "2005-2009"}) {
    TableEstimate t;
    t.stratum = label;
    estimate.strata.push_back(t);
  }
  const auto section = report_estimates(estimate);
  std::vector<std::string> order;
  for (const auto& s : section.strata) order.push_back(s.label);
  EXPECT_EQ(order, (std::vector<std::string>{"2000-2004", "2005-2009", "2010-2014", "unknown"}));
}

TEST(ReportEstimates, StrataThatAreNotPeriodsKeepTheirOrder) {
  EstimateReport estimate;
  for (const char* label : {"North Hamgyong", "Ryanggang"}) {
    TableEstimate t;
    t.stratum = label;
    estimate.strata.push_back(t);
  }
  const auto section = report_estimates(estimate);
  ASSERT_EQ(section.strata.size(), 2u);
  EXPECT_EQ(section.strata[0].label, "North Hamgyong");
}

}  // namespace
}  // namespace uncounted
