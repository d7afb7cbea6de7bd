#include "estimate/chao.h"

#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/csv_reader.h"

namespace uncounted {
namespace {

CaptureTable table_of(std::vector<std::string> lists, std::vector<std::int64_t> counts) {
  auto table = CaptureTable::make(std::move(lists), std::move(counts));
  EXPECT_TRUE(table.has_value());
  return *table;
}

TEST(ChaoLowerBound, ClassicFormWithInterval) {
  // A 20, B 10, C 10 (f1 = 40); AB 5, AC 5 (f2 = 10); ABC 50; n = 100.
  //                            -   A   B  AB   C  AC BC ABC
  const CaptureTable t = table_of({"A", "B", "C"}, {0, 20, 10, 5, 10, 5, 0, 50});
  auto chao = chao_lower_bound(t);
  ASSERT_TRUE(chao.has_value());
  EXPECT_EQ(chao->f1, 40);
  EXPECT_EQ(chao->f2, 10);
  EXPECT_FALSE(chao->bias_corrected);
  EXPECT_NEAR(chao->unobserved, 160.0 / 3.0, 1e-9);  // (2/3) 40^2 / 20
  EXPECT_NEAR(chao->n_hat, 100.0 + 160.0 / 3.0, 1e-9);
  // var = f2 (a r^2/2 + a^2 r^3 + a^2 r^4/4), r = 4, a = 2/3: 10 (16/3 + 256/9 + 256/9).
  EXPECT_NEAR(chao->variance, 5600.0 / 9.0, 1e-9);
  // C = exp(1.96 sqrt(log(1 + var / f0^2))).
  EXPECT_NEAR(chao->lower, 122.30512, 1e-4);
  EXPECT_NEAR(chao->upper, 227.52426, 1e-4);
  EXPECT_EQ(chao->level, 0.95);
}

TEST(ChaoLowerBound, BiasCorrectedWhenNoOneIsOnExactlyTwoLists) {
  // f1 = 10, f2 = 0, ABC 10: n = 20; f0 = (2/3) 10 * 9 / 2 = 30.
  const CaptureTable t = table_of({"A", "B", "C"}, {0, 5, 4, 0, 1, 0, 0, 10});
  auto chao = chao_lower_bound(t);
  ASSERT_TRUE(chao.has_value());
  EXPECT_TRUE(chao->bias_corrected);
  EXPECT_NEAR(chao->n_hat, 50.0, 1e-9);
  // a 45 + a^2 10 * 19^2 / 4 - a^2 10^4 / (4 * 50), a = 2/3
  EXPECT_NEAR(chao->variance, 408.88889, 1e-4);
  EXPECT_NEAR(chao->lower, 29.04043, 1e-4);
  EXPECT_NEAR(chao->upper, 119.55274, 1e-4);
}

TEST(ChaoLowerBound, NoOneSeenOnceGivesTheObservedCount) {
  const CaptureTable t = table_of({"A", "B"}, {0, 0, 0, 10});
  auto chao = chao_lower_bound(t);
  ASSERT_TRUE(chao.has_value());
  EXPECT_EQ(chao->n_hat, 10.0);
  EXPECT_EQ(chao->lower, 10.0);
  EXPECT_EQ(chao->upper, 10.0);
}

TEST(ChaoLowerBound, LevelMustBeAProbability) {
  const CaptureTable t = table_of({"A", "B"}, {0, 3, 4, 10});
  EXPECT_FALSE(chao_lower_bound(t, 0.0).has_value());
  EXPECT_FALSE(chao_lower_bound(t, 1.0).has_value());
  auto wider = chao_lower_bound(t, 0.99);
  auto narrower = chao_lower_bound(t, 0.8);
  ASSERT_TRUE(wider && narrower);
  EXPECT_LT(wider->lower, narrower->lower);
  EXPECT_GT(wider->upper, narrower->upper);
}

TEST(ChaoLowerBound, EveryReferenceTableGivesAFiniteBound) {
  for (const char* name : {"Artificial_3", "HIV", "MY5", "Ned", "Ned_5", "NewOrl", "NewOrl_5",
                           "Western", "hare", "lesbian", "spina_bifida"}) {
    auto csv = read_csv_file(std::string(UNCOUNTED_SHARED_DATA) + "/mse/" + name + ".csv");
    ASSERT_TRUE(csv.has_value()) << name;
    const std::size_t k = csv->header.size() - 1;
    std::vector<std::int64_t> counts(std::size_t{1} << k, 0);
    for (const CsvRow& row : csv->rows) {
      Pattern p = 0;
      for (std::size_t j = 0; j < k; ++j)
        if (row.fields[j] == "1") p |= Pattern{1} << j;
      counts[p] += std::stoll(row.fields[k]);
    }
    const CaptureTable t =
        table_of(std::vector<std::string>(csv->header.begin(), csv->header.end() - 1), counts);
    auto chao = chao_lower_bound(t);
    ASSERT_TRUE(chao.has_value()) << name;
    EXPECT_TRUE(std::isfinite(chao->n_hat)) << name;
    EXPECT_GE(chao->n_hat, static_cast<double>(t.observed())) << name;
    EXPECT_LE(chao->lower, chao->n_hat) << name;
    EXPECT_GE(chao->upper, chao->n_hat) << name;
  }
}

}  // namespace
}  // namespace uncounted
