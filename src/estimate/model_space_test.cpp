#include "estimate/model_space.h"

#include <set>

#include <gtest/gtest.h>

#include "estimate/internal/test_reference.h"

namespace uncounted {
namespace {

std::size_t count(int lists, int order) {
  auto models = hierarchical_models(lists, order);
  EXPECT_TRUE(models.has_value());
  return models ? models->size() : 0;
}

TEST(ModelSpace, CountsMatchRcapture) {
  EXPECT_EQ(count(3, 2), 8u);
  EXPECT_EQ(count(4, 3), 113u);
  EXPECT_EQ(count(5, 2), 1024u);
  EXPECT_EQ(count(5, 4), 6893u);
  EXPECT_EQ(count(2, 1), 1u);
  EXPECT_EQ(count(4, 1), 1u);
}

TEST(ModelSpace, NamesAreRcaptureRowNames) {
  // Every closedpMS reference table lists exactly our model space.
  for (const std::string dataset : {"spina_bifida", "HIV", "lesbian", "Western", "MY5", "Ned_5",
                                    "NewOrl_5", "Artificial_3"}) {
    auto table = testing_reference::read_table(dataset);
    ASSERT_TRUE(table.has_value()) << dataset;
    auto space = default_model_space(table->list_count());
    ASSERT_TRUE(space.has_value());
    std::set<std::string> ours;
    for (const auto& m : *space) ours.insert(m.rcapture_name());
    EXPECT_EQ(ours.size(), space->size()) << "duplicate models for " << dataset;
    std::set<std::string> theirs;
    for (const auto& row : testing_reference::read_rcapture(dataset, "closedpMS")) theirs.insert(row.name);
    EXPECT_EQ(ours, theirs) << dataset;
  }
}

TEST(ModelSpace, EveryModelIsHierarchicalAndWithinOrder) {
  auto space = hierarchical_models(4, 2);
  ASSERT_TRUE(space.has_value());
  EXPECT_EQ(space->size(), 64u);  // 2^6 sets of two-way terms
  for (const auto& m : *space) EXPECT_LE(m.max_order(), 2);
}

TEST(ModelSpace, RejectsBadArguments) {
  EXPECT_FALSE(hierarchical_models(1, 1).has_value());
  EXPECT_FALSE(hierarchical_models(4, 4).has_value());  // saturated: N not estimable
  EXPECT_FALSE(hierarchical_models(4, 0).has_value());
  EXPECT_FALSE(hierarchical_models(6, 5, 1000).has_value());  // over the limit
  EXPECT_FALSE(default_model_space(6).has_value());
}

}  // namespace
}  // namespace uncounted
