#include "app/store_review.h"

#include <gtest/gtest.h>

namespace uncounted {
namespace {

store::ClericalDecisionRow decision(std::int64_t id, const std::string& left, const std::string& right, bool same,
                                    bool revoked = false) {
  store::ClericalDecisionRow d;
  d.id = id;
  d.left_source = "s";
  d.left_key = left;
  d.right_source = "s";
  d.right_key = right;
  d.same = same;
  d.revoked = revoked;
  return d;
}

TEST(CheckDecisionsAgree, ChainOfSameAgainstDifferentIsAConflict) {
  // a = b, b = c, but a != c.
  auto ok = check_decisions_agree({decision(1, "a", "b", true), decision(2, "b", "c", true),
                                   decision(3, "a", "c", false)});
  ASSERT_FALSE(ok);
  EXPECT_NE(ok.error().message().find("decision 3"), std::string::npos);
}

TEST(CheckDecisionsAgree, RevokedDecisionsDoNotCount) {
  EXPECT_TRUE(check_decisions_agree({decision(1, "a", "b", true), decision(2, "b", "c", true, true),
                                     decision(3, "a", "c", false)}));
}

TEST(CheckDecisionsAgree, SameKeyInAnotherSourceIsAnotherRecord) {
  auto other = decision(2, "b", "c", true);
  other.left_source = "t";  // t:b is not s:b
  EXPECT_TRUE(check_decisions_agree({decision(1, "a", "b", true), other, decision(3, "a", "c", false)}));
}

TEST(CheckDecisionsAgree, DifferentPeopleWithoutAChainAgree) {
  EXPECT_TRUE(check_decisions_agree({decision(1, "a", "b", false), decision(2, "b", "c", false),
                                     decision(3, "a", "c", true)}));
}

}  // namespace
}  // namespace uncounted
