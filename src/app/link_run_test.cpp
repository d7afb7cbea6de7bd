#include "app/link_run.h"

#include <gtest/gtest.h>

namespace uncounted {
namespace {

// Upper bounds (count_candidate_pairs when exact counting would take too
// long) are printed "<=N", with a note; the cumulative figure is a bound
// from the first bounded new figure on.
TEST(LinkRunReport, UpperBoundsAreLabelled) {
  LinkRunReport r;
  r.counted_only = true;
  link::RulePairCount exact{"surname", 100, 100, true, true};
  link::RulePairCount bounded{"name keys", 70, 70, false, false};
  link::RulePairCount fresh_bounded{"birth year", 30, 30, true, false};
  r.blocking = {exact, bounded, fresh_bounded};
  const auto text = format_link_report(r);
  EXPECT_NE(text.find("100 pairs            100 new            100 cumulative"), std::string::npos) << text;
  EXPECT_NE(text.find("<=70 pairs           <=70 new          <=170 cumulative"), std::string::npos) << text;
  EXPECT_NE(text.find("30 pairs           <=30 new          <=200 cumulative"), std::string::npos) << text;
  EXPECT_NE(text.find("<=N: at most N pairs"), std::string::npos) << text;
  r.blocking = {exact};
  EXPECT_EQ(format_link_report(r).find("<="), std::string::npos);
}

}  // namespace
}  // namespace uncounted
