#include "app/link_waterfall.h"

#include <gtest/gtest.h>

namespace uncounted {
namespace {

link::LinkResult two_field_result() {
  link::LinkResult r;
  link::FieldModel name;
  name.name = "name";
  name.level_names = {"exact", "else"};
  link::FieldModel dob = name;
  dob.name = "dob";
  r.model.fields = {name, dob};
  r.model.prior = 1.0 / 1025;  // prior weight -10
  // Weights -10 + fields: pair 0 -> +6 (far), pair 1 -> +0.5, pair 2 -> -1.
  r.pairs = {{0, 1, 6, 0.98}, {0, 2, 0.5, 0.59}, {1, 2, -1, 0.33}};
  r.field_weights = {8, 8, 7, 3.5, 9, -0};
  r.field_levels = {0, 0, 0, 1, 0, -1};
  return r;
}

TEST(LinkWaterfall, NearestTheThresholdHighestFirst) {
  link::RecordTable table;
  table.record_ids = {"a", "b", "c"};
  table.sources = {"s"};
  table.source_of = {0, 0, 0};
  const auto w = borderline_waterfalls(table, two_field_result(), 0.5, 2);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].left_id, "a");
  EXPECT_EQ(w[0].right_id, "c");
  EXPECT_EQ(w[1].left_id, "b");
  EXPECT_EQ(w[1].steps[1].level, "missing");
  EXPECT_NEAR(w[0].prior_weight, -10, 1e-9);
  const std::string text = format_waterfall(w[0], 0.5);
  EXPECT_NE(text.find("name: exact"), std::string::npos);
  EXPECT_NE(text.find("dob: else"), std::string::npos);
  EXPECT_NE(text.find("-3.00"), std::string::npos);  // running total after the name
  EXPECT_NE(text.find("+0.50"), std::string::npos);  // the match weight
}

TEST(LinkWaterfall, NothingWithoutExplain) {
  auto r = two_field_result();
  r.field_weights.clear();
  EXPECT_TRUE(borderline_waterfalls(link::RecordTable{}, r, 0.5, 5).empty());
}

}  // namespace
}  // namespace uncounted
