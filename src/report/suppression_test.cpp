#include "report/suppression.h"

#include <limits>

#include <gtest/gtest.h>

namespace uncounted::report {
namespace {

std::vector<std::string> texts(const std::vector<PublishedCount>& cells) {
  std::vector<std::string> out;
  for (const auto& c : cells) out.push_back(c.text());
  return out;
}

TEST(Suppression, SmallCellsAreOneToFour) {
  EXPECT_FALSE(is_small_cell(0));
  for (int i = 1; i <= 4; ++i) EXPECT_TRUE(is_small_cell(i)) << i;
  EXPECT_FALSE(is_small_cell(5));
  EXPECT_FALSE(is_small_cell(-1));
}

TEST(Suppression, PublicCountShowsLessThanFive) {
  EXPECT_EQ(publish_count(0, Audience::kPublic).text(), "0");
  EXPECT_EQ(publish_count(3, Audience::kPublic).text(), "<5");
  EXPECT_EQ(publish_count(3, Audience::kPublic).state, CellState::kSmall);
  EXPECT_EQ(publish_count(5, Audience::kPublic).text(), "5");
  EXPECT_EQ(publish_count(12345, Audience::kPublic).text(), "12,345");
  EXPECT_EQ(publish_count(3, Audience::kInternal).text(), "3");
}

TEST(Suppression, OneSmallCellBesideATotalHidesAnother) {
  // 3 could be worked out as total - 10 - 20: the smallest other cell is hidden too.
  const std::vector<std::int64_t> counts{3, 10, 20};
  EXPECT_EQ(texts(publish_cells_with_total(counts, Audience::kPublic)),
            (std::vector<std::string>{"<5", "hidden", "20"}));
}

TEST(Suppression, TwoSmallCellsWithASmallSumHideAnother) {
  const std::vector<std::int64_t> counts{1, 1, 50, 60};
  EXPECT_EQ(texts(publish_cells_with_total(counts, Audience::kPublic)),
            (std::vector<std::string>{"<5", "<5", "hidden", "60"}));
}

TEST(Suppression, TwoSmallCellsWithSumAtLeastFiveAreProtected) {
  const std::vector<std::int64_t> counts{2, 4, 0, 30};
  EXPECT_EQ(texts(publish_cells_with_total(counts, Audience::kPublic)),
            (std::vector<std::string>{"<5", "<5", "0", "30"}));
}

TEST(Suppression, NoSmallCellsNothingHidden) {
  const std::vector<std::int64_t> counts{0, 5, 7};
  EXPECT_EQ(texts(publish_cells_with_total(counts, Audience::kPublic)), (std::vector<std::string>{"0", "5", "7"}));
}

TEST(Suppression, ASmallTotalIsNotAPublishedMargin) {
  // The total (4) is itself suppressed, so hiding more cells protects nothing.
  const std::vector<std::int64_t> counts{3, 1, 0};
  EXPECT_EQ(texts(publish_cells_with_total(counts, Audience::kPublic)), (std::vector<std::string>{"<5", "<5", "0"}));
}

TEST(Suppression, InternalShowsEverything) {
  const std::vector<std::int64_t> counts{3, 10, 20};
  EXPECT_EQ(texts(publish_cells_with_total(counts, Audience::kInternal)),
            (std::vector<std::string>{"3", "10", "20"}));
}

TEST(Suppression, EveryPublishedMarginIsProtected) {
  // Two lists A, B: cells A only, B only, both (index 1, 2, 3); margins: total, A, B.
  const std::vector<std::int64_t> counts{0, 40, 30, 2};
  const std::vector<std::vector<std::size_t>> margins{{1, 2, 3}, {1, 3}, {2, 3}};
  const auto cells = publish_cells(counts, margins, Audience::kPublic);
  for (const auto& margin : margins) {
    int hidden = 0;
    std::int64_t sum = 0;
    for (auto i : margin)
      if (!cells[i].shown()) {
        ++hidden;
        sum += cells[i].value;
      }
    EXPECT_TRUE(hidden == 0 || (hidden >= 2 && sum >= kSmallCellLimit));
  }
  EXPECT_EQ(cells[3].text(), "<5");
  EXPECT_FALSE(cells[1].shown());
  EXPECT_FALSE(cells[2].shown());
}

}  // namespace
}  // namespace uncounted::report
