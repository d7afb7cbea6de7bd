#include "estimate/capture_table.h"

#include <gtest/gtest.h>

namespace uncounted {
namespace {

TEST(CaptureTable, CountsOverlapsAndTotals) {
  //                                   -  A  B AB  C AC BC ABC
  auto table = CaptureTable::make({"A", "B", "C"}, {0, 5, 4, 3, 2, 1, 0, 6});
  ASSERT_TRUE(table) << table.error().message();
  EXPECT_EQ(table->observed(), 21);
  EXPECT_EQ(table->list_total(0), 15);
  EXPECT_EQ(table->overlap(0b011), 9);
  EXPECT_EQ(table->overlap(0b110), 6);
  EXPECT_EQ(table->nonzero_patterns(), 6);
}

TEST(CaptureTable, RefusesInvalidTables) {
  EXPECT_FALSE(CaptureTable::make({"A"}, {0, 3}));
  EXPECT_FALSE(CaptureTable::make({"A", "B"}, {1, 3, 2, 1}));     // all-zero pattern counted
  EXPECT_FALSE(CaptureTable::make({"A", "B"}, {0, 3, -2, 1}));    // negative
  EXPECT_FALSE(CaptureTable::make({"A", "A"}, {0, 3, 2, 1}));     // duplicate name
  EXPECT_FALSE(CaptureTable::make({"A", "B", "C"}, {0, 3, 2, 1, 0, 0, 0, 0}));  // C empty
}

TEST(CaptureTable, MarginalDropsListsAndThePeopleOnlyTheySaw) {
  // C has no records: the full table is invalid, its marginal on A, B is not.
  const std::vector<std::int64_t> counts{0, 5, 4, 3, 0, 0, 0, 0};
  EXPECT_FALSE(CaptureTable::make({"A", "B", "C"}, counts));
  auto ab = CaptureTable::make_marginal({"A", "B", "C"}, counts, 0b011);
  ASSERT_TRUE(ab) << ab.error().message();
  EXPECT_EQ(ab->lists(), (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(ab->counts(), (std::vector<std::int64_t>{0, 5, 4, 3}));
  // Dropping B from a full table: people seen by B only disappear, AB joins A.
  auto ac = CaptureTable::make_marginal({"A", "B", "C"}, {0, 5, 4, 3, 2, 1, 0, 6}, 0b101);
  ASSERT_TRUE(ac);
  EXPECT_EQ(ac->counts(), (std::vector<std::int64_t>{0, 8, 2, 7}));
}

}  // namespace
}  // namespace uncounted
