// A compared pair of records with its match weight and probability.
// Records are indices into the RecordTable that was linked.
#pragma once

#include <cstdint>

namespace uncounted::link {

struct ScoredPair {
  std::uint32_t left = 0;   // record index, left < right
  std::uint32_t right = 0;
  double weight = 0;        // log2 Bayes factor including the prior
  double probability = 0;   // posterior probability of a match
};

}  // namespace uncounted::link
