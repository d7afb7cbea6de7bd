#include "simulate/random.h"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

namespace uncounted::simulate {
namespace {

TEST(Rng, EngineIsTheStandardMt19937_64) {
  // C++ [rand.predef]: the 10000th output of a default-seeded mt19937_64.
  Rng rng(5489);
  std::uint64_t x = 0;
  for (int i = 0; i < 10000; ++i) x = rng.next();
  EXPECT_EQ(x, 9981545732273789042ULL);
}

TEST(Rng, GoldenVariates) {
  // Fixed values: they must not change with the compiler or the library.
  Rng rng(derive_seed(1, {2, 3}));
  EXPECT_EQ(derive_seed(1, {2, 3}), 9266517659686039421ULL) << std::hex << derive_seed(1, {2, 3});
  const double u = rng.uniform();
  const std::uint64_t b = rng.below(1000);
  const int c = rng.between(-5, 5);
  const double z = rng.normal();
  const double w[3] = {1, 2, 3};
  const std::size_t k = rng.weighted(w);
  EXPECT_DOUBLE_EQ(u, 0.99816741031903022);
  EXPECT_EQ(b, 177u);
  EXPECT_EQ(c, 3);
  EXPECT_NEAR(z, -0.064337721612590659, 1e-15);
  EXPECT_EQ(k, 0u);
}

TEST(Rng, DerivedSeedsDiffer) {
  EXPECT_NE(derive_seed(1, {1}), derive_seed(1, {2}));
  EXPECT_NE(derive_seed(1, {1, 2}), derive_seed(1, {2, 1}));
  EXPECT_NE(derive_seed(1, {}), derive_seed(2, {}));
  EXPECT_EQ(derive_seed(9, {4, 5}), derive_seed(9, {4, 5}));
}

TEST(Rng, UniformAndNormalMoments) {
  Rng rng(11);
  const int n = 200000;
  double su = 0, su2 = 0, sz = 0, sz2 = 0, sz4 = 0;
  for (int i = 0; i < n; ++i) {
    const double u = rng.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    su += u;
    su2 += u * u;
    const double z = rng.normal();
    sz += z;
    sz2 += z * z;
    sz4 += z * z * z * z;
  }
  EXPECT_NEAR(su / n, 0.5, 4 * std::sqrt(1.0 / 12 / n));
  EXPECT_NEAR(su2 / n - (su / n) * (su / n), 1.0 / 12, 0.002);
  EXPECT_NEAR(sz / n, 0.0, 4 / std::sqrt(n));
  EXPECT_NEAR(sz2 / n, 1.0, 4 * std::sqrt(2.0 / n));
  EXPECT_NEAR(sz4 / n, 3.0, 4 * std::sqrt(96.0 / n));
}

TEST(Rng, BelowAndWeightedFrequencies) {
  Rng rng(12);
  const int n = 120000;
  std::vector<int> counts(6, 0);
  for (int i = 0; i < n; ++i) ++counts[rng.below(6)];
  for (int c : counts) {
    EXPECT_NEAR(c, n / 6.0, 4 * std::sqrt(n * (1.0 / 6) * (5.0 / 6)));
  }
  const double w[4] = {1, 0, 3, 6};
  std::vector<int> picks(4, 0);
  for (int i = 0; i < n; ++i) ++picks[rng.weighted(w)];
  EXPECT_EQ(picks[1], 0);
  for (int j : {0, 2, 3}) {
    const double p = w[j] / 10;
    EXPECT_NEAR(picks[static_cast<std::size_t>(j)], n * p, 4 * std::sqrt(n * p * (1 - p)));
  }
  for (int i = 0; i < 1000; ++i) {
    const int v = rng.between(-2, 2);
    EXPECT_GE(v, -2);
    EXPECT_LE(v, 2);
  }
}

TEST(Rng, Logit) {
  EXPECT_NEAR(inverse_logit(logit(0.3)), 0.3, 1e-12);
  EXPECT_NEAR(logit(0.5), 0.0, 1e-12);
}

}  // namespace
}  // namespace uncounted::simulate
