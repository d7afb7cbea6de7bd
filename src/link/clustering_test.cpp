#include "link/clustering.h"

#include <gtest/gtest.h>

#include "link/evaluation.h"

namespace uncounted::link {
namespace {

ScoredPair pair(std::uint32_t a, std::uint32_t b, double p) { return {a, b, p * 10, p}; }

TEST(Clustering, GuardStopsChaining) {
  // Two tight groups {0,1,2} and {3,4,5} joined by one strong false link 2-3.
  std::vector<ScoredPair> pairs = {pair(0, 1, 0.99), pair(0, 2, 0.99), pair(1, 2, 0.99), pair(3, 4, 0.99),
                                   pair(3, 5, 0.99), pair(4, 5, 0.99), pair(2, 3, 0.95)};
  const auto guarded = cluster_records(6, pairs, {}, 0.5, ClusterSpec{});
  EXPECT_EQ(guarded[0], guarded[2]);
  EXPECT_EQ(guarded[3], guarded[5]);
  EXPECT_NE(guarded[0], guarded[3]);
  ClusterSpec closure;
  closure.method = ClusterMethod::kComponents;
  const auto components = cluster_records(6, pairs, {}, 0.5, closure);
  EXPECT_EQ(components[0], components[5]);
}

TEST(Clustering, UnscoredCrossPairsScoredOnDemand) {
  // A chain 0-1-2-3 proposed by blocking; 0-2, 0-3, 1-3 were never compared.
  std::vector<ScoredPair> pairs = {pair(0, 1, 0.99), pair(1, 2, 0.98), pair(2, 3, 0.97)};
  // Counted as 0, the cross pairs pull cohesion below 0.5: the chain splits.
  const auto split = cluster_records(4, pairs, {}, 0.5, ClusterSpec{});
  EXPECT_NE(split[0], split[3]);
  // Scored by the model (here: all similar), the four records form one entity.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> asked;
  const PairScorer scorer = [&](std::uint32_t a, std::uint32_t b) {
    asked.emplace_back(a, b);
    return 0.9;
  };
  const auto joined = cluster_records(4, pairs, {}, 0.5, ClusterSpec{}, scorer);
  EXPECT_EQ(joined, (std::vector<std::uint32_t>{0, 0, 0, 0}));
  for (const auto& [a, b] : asked) {
    EXPECT_LT(a, b);
    EXPECT_FALSE(b == a + 1) << "a scored pair was scored again";
  }
  // Dissimilar by the model: still split.
  const auto apart = cluster_records(4, pairs, {}, 0.5, ClusterSpec{}, [](std::uint32_t, std::uint32_t) { return 0.0; });
  EXPECT_NE(apart[0], apart[3]);
}

TEST(Clustering, OnePerList) {
  // Records 0 and 1 are on list 0, record 2 on list 1; both 0 and 1 match 2.
  std::vector<ScoredPair> pairs = {pair(0, 2, 0.9), pair(1, 2, 0.99), pair(0, 1, 0.9)};
  ClusterSpec spec;
  spec.one_per_list = true;
  const auto c = cluster_records(3, pairs, {0, 0, 1}, 0.5, spec);
  EXPECT_EQ(c[1], c[2]);  // the best link wins
  EXPECT_NE(c[0], c[2]);
}

TEST(Clustering, NumbersClustersInRecordOrder) {
  const auto c = cluster_records(4, {pair(1, 3, 0.9)}, {}, 0.5, ClusterSpec{});
  EXPECT_EQ(c, (std::vector<std::uint32_t>{0, 1, 2, 1}));
}

ClusterSpec components_spec() {
  ClusterSpec spec;
  spec.method = ClusterMethod::kComponents;
  return spec;
}

TEST(ClericalDecisions, MustLinkMergesBelowThresholdOrUnscored) {
  // 0-1 scored far below the threshold; 2-3 never scored at all.
  const std::vector<ScoredPair> pairs = {pair(0, 1, 0.1)};
  const std::vector<ClericalDecision> must = {{1, 0, true}, {2, 3, true}};
  for (const auto& spec : {ClusterSpec{}, components_spec()}) {
    EXPECT_EQ(cluster_records(4, pairs, {}, 0.5, spec), (std::vector<std::uint32_t>{0, 1, 2, 3}));
    EXPECT_EQ(cluster_records(4, pairs, {}, 0.5, spec, {}, must), (std::vector<std::uint32_t>{0, 0, 1, 1}));
  }
}

TEST(ClericalDecisions, CannotLinkSplitsAStrongPair) {
  const std::vector<ScoredPair> pairs = {pair(0, 1, 0.99)};
  const std::vector<ClericalDecision> cannot = {{0, 1, false}};
  for (const auto& spec : {ClusterSpec{}, components_spec()}) {
    EXPECT_EQ(cluster_records(2, pairs, {}, 0.5, spec), (std::vector<std::uint32_t>{0, 0}));
    EXPECT_EQ(cluster_records(2, pairs, {}, 0.5, spec, {}, cannot), (std::vector<std::uint32_t>{0, 1}));
  }
}

TEST(ClericalDecisions, CannotLinkHoldsThroughAChain) {
  // A=0, B=1, C=2: A-B and B-C strong (and A-C good enough for cohesion);
  // a reviewer says A and C are different people.
  const std::vector<ScoredPair> pairs = {pair(0, 1, 0.99), pair(1, 2, 0.98), pair(0, 2, 0.9)};
  const std::vector<ClericalDecision> cannot = {{2, 0, false}};
  for (const auto& spec : {ClusterSpec{}, components_spec()}) {
    EXPECT_EQ(cluster_records(3, pairs, {}, 0.5, spec), (std::vector<std::uint32_t>{0, 0, 0}));
    const auto c = cluster_records(3, pairs, {}, 0.5, spec, {}, cannot);
    EXPECT_NE(c[0], c[2]);
    EXPECT_EQ(c[0], c[1]);  // the strongest link still wins
  }
  // Also when the chain is built by must-links and the cannot-link partner
  // sits deep inside the other cluster: {0,1,2} must-linked, {3,4} strong,
  // 2-3 strong, cannot-link 0-4.
  const std::vector<ScoredPair> chain = {pair(3, 4, 0.99), pair(2, 3, 0.99)};
  const std::vector<ClericalDecision> mixed = {{0, 1, true}, {1, 2, true}, {0, 4, false}};
  const auto c = cluster_records(5, chain, {}, 0.5, components_spec(), {}, mixed);
  EXPECT_EQ(c[0], c[2]);
  EXPECT_EQ(c[3], c[4]);
  EXPECT_NE(c[0], c[4]);
}

TEST(ClericalDecisions, MustLinkWithinOneListUnderOnePerList) {
  // 0 and 1 are on list 0 and weakly scored; a reviewer saw that list 0
  // reported one person twice. Record 2 (list 1) matches 1; record 3 (list 0)
  // matches 2 but would put a third list-0 record into the entity.
  const std::vector<ScoredPair> pairs = {pair(0, 1, 0.2), pair(1, 2, 0.99), pair(0, 2, 0.9), pair(2, 3, 0.95)};
  const std::vector<std::uint32_t> lists = {0, 0, 1, 0};
  for (auto spec : {ClusterSpec{}, components_spec()}) {
    spec.one_per_list = true;
    const auto without = cluster_records(4, pairs, lists, 0.5, spec);
    EXPECT_NE(without[0], without[1]);
    const auto c = cluster_records(4, pairs, lists, 0.5, spec, {}, {{0, 1, true}});
    EXPECT_EQ(c[0], c[1]);
    EXPECT_EQ(c[1], c[2]);
    EXPECT_NE(c[2], c[3]);
  }
}

TEST(ClericalDecisions, InconsistentOrInvalidDecisionsNeverBreakACannotLink) {
  // cluster_records assumes consistency, but still keeps every cannot-link:
  // a pair decided both ways stays apart, and a must-link chain that would
  // join a cannot-link pair stops short of it. Invalid entries are ignored.
  const std::vector<ScoredPair> pairs = {pair(0, 1, 0.99)};
  const std::vector<ClericalDecision> both = {{0, 1, true}, {1, 0, false}, {7, 1, true}, {2, 2, true}};
  for (const auto& spec : {ClusterSpec{}, components_spec()}) {
    EXPECT_EQ(cluster_records(3, pairs, {}, 0.5, spec, {}, both), (std::vector<std::uint32_t>{0, 1, 2}));
    const auto c = cluster_records(3, {}, {}, 0.5, spec, {}, {{0, 1, true}, {1, 2, true}, {0, 2, false}});
    EXPECT_NE(c[0], c[2]);
  }
}

TEST(Evaluation, PairwiseAndClusterScores) {
  // Truth {0,1,2} {3}; prediction {0,1} {2,3}.
  const auto e = evaluate_clusters({0, 0, 1, 1}, {"a", "a", "a", "b"});
  EXPECT_DOUBLE_EQ(e.pairwise.true_positives, 1);
  EXPECT_DOUBLE_EQ(e.pairwise.predicted, 2);
  EXPECT_DOUBLE_EQ(e.pairwise.actual, 3);
  EXPECT_DOUBLE_EQ(e.pairwise.precision, 0.5);
  EXPECT_NEAR(e.pairwise.recall, 1.0 / 3, 1e-12);
  EXPECT_DOUBLE_EQ(e.clusters.true_positives, 0);
  const auto perfect = evaluate_clusters({5, 5, 7}, {"x", "x", ""});
  EXPECT_DOUBLE_EQ(perfect.pairwise.f1, 1.0);
  EXPECT_DOUBLE_EQ(perfect.clusters.f1, 1.0);
}

}  // namespace
}  // namespace uncounted::link
