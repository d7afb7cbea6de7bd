// Clustering of scored pairs into entities.
//
// kGuarded (default): pairs at or above the threshold are taken best first;
// two clusters merge only if the mean match probability over every pair
// across them (pairs never scored count as 0, or are scored on demand)
// reaches min_cohesion. A single
// strong link can no longer chain two otherwise unrelated groups together,
// which is what transitive closure does (the R tools' precision halves on
// RLdata10000 with it). This is greedy average-linkage agglomeration.
// kComponents: connected components of the pairs at or above the threshold.
// With one_per_list, a merge that would put two records of one list into an
// entity is refused (capture–recapture wants each list to see a person once).
//
// Clerical decisions (clerical_decision.h), both methods:
// - must-link pairs are merged first (in (min, max) index order), whatever
//   their score, the threshold, cohesion and one_per_list: a reviewer may
//   have seen one list report the same person twice;
// - no merge, automatic or must-link, puts a cannot-link pair into one
//   entity (also not through a chain: A–B and B–C strong, A–C cannot-link
//   keeps A and C apart);
// - in the kGuarded cohesion a decided cross pair counts with probability 1
//   (must-link) or 0 (cannot-link) instead of its score, and is never
//   scored by score_unscored.
// The decisions are assumed consistent (no must-link chain joins a
// cannot-link pair; link_records checks this and fails otherwise); a
// must-link that would join a cannot-link pair is not merged. Decisions with
// an index >= record_count or left == right are ignored; a pair decided
// twice counts once, cannot-link winning over must-link. `pairs` is not
// changed: decisions act on the entities only.
//
// Returns, per record, a cluster index in 0..k-1; clusters are numbered in
// the order of their first record. Thread safety: pure function.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "link/clerical_decision.h"
#include "link/link_spec.h"
#include "link/scored_pair.h"

namespace uncounted::link {

// The match probability of a pair that is not in `pairs` (e.g. one the
// blocking rules never proposed), for the kGuarded cohesion.
using PairScorer = std::function<double(std::uint32_t, std::uint32_t)>;

// With `score_unscored`, kGuarded scores the cross pairs missing from
// `pairs` with it instead of counting them as 0 (only for merges with at
// most kMaxScoredCross cross pairs; larger merges count them as 0).
inline constexpr double kMaxScoredCross = 4096;
std::vector<std::uint32_t> cluster_records(std::size_t record_count, const std::vector<ScoredPair>& pairs,
                                           const std::vector<std::uint32_t>& list_of, double threshold,
                                           const ClusterSpec& spec, const PairScorer& score_unscored = {},
                                           const std::vector<ClericalDecision>& decisions = {});

}  // namespace uncounted::link
