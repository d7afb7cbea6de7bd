#include "estimate/mcmc_diagnostics.h"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "estimate/internal/random_variates.h"

namespace uncounted {
namespace {

using random_internal::Engine;
using random_internal::standard_normal;

// m chains of AR(1) draws x_t = phi x_{t-1} + e_t, started at `offset`.
std::vector<std::vector<double>> ar1(int m, int n, double phi, std::uint64_t seed,
                                     std::vector<double> offsets = {}) {
  Engine e(seed);
  std::vector<std::vector<double>> chains(m);
  for (int c = 0; c < m; ++c) {
    double x = 0;
    const double shift = offsets.empty() ? 0.0 : offsets[c];
    for (int i = 0; i < n; ++i) {
      x = phi * x + std::sqrt(1 - phi * phi) * standard_normal(e);
      chains[c].push_back(x + shift);
    }
  }
  return chains;
}

TEST(McmcDiagnostics, IndependentDrawsHaveRhatOneAndFullEss) {
  const auto chains = ar1(4, 1000, 0.0, 1);
  EXPECT_NEAR(split_rhat(chains), 1.0, 0.01);
  EXPECT_NEAR(classic_split_rhat(chains), 1.0, 0.01);
  // ESS of independent draws is about the number of draws (4000).
  EXPECT_GT(bulk_ess(chains), 3400);
  EXPECT_LT(bulk_ess(chains), 4600);
}

TEST(McmcDiagnostics, AutocorrelatedDrawsHaveTheTheoreticalEss) {
  // AR(1) with phi: ESS = S (1 - phi) / (1 + phi) = 4000 / 9 for phi = 0.8.
  const auto chains = ar1(4, 1000, 0.8, 2);
  const double ess = bulk_ess(chains);
  EXPECT_GT(ess, 4000.0 / 9 * 0.7);
  EXPECT_LT(ess, 4000.0 / 9 * 1.3);
  EXPECT_LT(split_rhat(chains), 1.02);
}

TEST(McmcDiagnostics, ChainsInDifferentPlacesHaveLargeRhat) {
  const auto chains = ar1(2, 500, 0.5, 3, {0.0, 3.0});
  EXPECT_GT(split_rhat(chains), 1.5);
  EXPECT_GT(classic_split_rhat(chains), 1.5);
  EXPECT_LT(bulk_ess(chains), 50);
}

TEST(McmcDiagnostics, FoldingDetectsDifferentScales) {
  // Same location, scale 1 vs 5: bulk R-hat sees little, the folded one a lot.
  auto chains = ar1(2, 1000, 0.0, 4);
  for (double& v : chains[1]) v *= 5;
  EXPECT_GT(split_rhat(chains), 1.1);
}

TEST(McmcDiagnostics, TrendWithinOneChainIsCaughtBySplitting) {
  std::vector<std::vector<double>> chains(1);
  for (int i = 0; i < 1000; ++i) chains[0].push_back(i);
  EXPECT_GT(split_rhat(chains), 1.5);
}

TEST(McmcDiagnostics, IntegerTiesAreHandled) {
  // Draws with many ties (like N) must not give NaN.
  Engine e(5);
  std::vector<std::vector<double>> chains(2);
  for (auto& c : chains)
    for (int i = 0; i < 400; ++i) c.push_back(static_cast<double>(e() % 3));
  EXPECT_NEAR(split_rhat(chains), 1.0, 0.02);
  EXPECT_GT(bulk_ess(chains), 500);
}

TEST(McmcDiagnostics, DegenerateInputsGiveNaN) {
  EXPECT_TRUE(std::isnan(split_rhat({})));
  EXPECT_TRUE(std::isnan(split_rhat({{1, 2, 3}})));              // fewer than 4 draws
  EXPECT_TRUE(std::isnan(bulk_ess({{1, 2, 3, 4}, {1, 2, 3}})));  // unequal lengths
  EXPECT_TRUE(std::isnan(split_rhat({{5, 5, 5, 5}, {5, 5, 5, 5}})));
  EXPECT_TRUE(std::isnan(bulk_ess({{5, 5, 5, 5}})));
}

}  // namespace
}  // namespace uncounted
