// Expectation–maximisation for the Fellegi–Sunter mixture on counts of
// comparison patterns (the fastLink scale trick: cost grows with distinct
// patterns, not pairs). u is held fixed (estimated from random pairs);
// lambda and the m of `estimate` fields are fitted; fields not `used` are
// left out of the likelihood (e.g. the fields a training block fixes).
//
// A pattern is a mixed-radix number: digit f is field f's level, and the
// digit level_count[f] means "missing" (the field drops out).
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <vector>

namespace uncounted::link::internal {

struct PatternCodec {
  std::vector<int> level_count;       // per field, levels of a non-missing comparison
  std::vector<std::uint32_t> stride;  // per field
  int level(std::uint32_t pattern, std::size_t field) const {
    return static_cast<int>(pattern / stride[field] % static_cast<std::uint32_t>(level_count[field] + 1));
  }
  bool missing(std::uint32_t pattern, std::size_t field) const {
    return level(pattern, field) == level_count[field];
  }
};

struct PatternCount {
  std::uint32_t pattern = 0;
  double count = 0;
};

struct EmFit {
  std::vector<std::vector<double>> m;  // per field, per level
  double lambda = 0;                   // share of matches among the counted pairs
  int iterations = 0;
};

EmFit run_pattern_em(const std::vector<PatternCount>& patterns, const PatternCodec& codec,
                     const std::vector<std::vector<double>>& u, std::vector<std::vector<double>> m,
                     const std::vector<bool>& used, const std::vector<bool>& estimate, double lambda,
                     int max_iterations);

// A group of candidate pairs with one comparison pattern and (rounded) one
// term-frequency adjustment: the sum over the pair's term-frequency fields
// of log2(u / share(value)), which depends on u and the data, not on m.
struct AdjustedPatternCount {
  std::uint32_t pattern = 0;
  double tf_adjustment = 0;
  double count = 0;
};

struct JointFit {
  std::vector<std::vector<double>> m;
  double prior = 0;       // lambda over all possible pairs
  double matches = 0;     // expected matches among the candidate pairs
  int iterations = 0;
};

// EM over every candidate pair at once, scored exactly as the final model
// scores them: posterior = sigmoid(log2 odds(prior) + sum log2(m/u) + tf
// adjustment). The candidate pairs are the pairs that can match (blocking
// keeps nearly all matches); every other possible pair is a non-match. So
// m is fitted on (nearly) all matches, not on the matches one blocking rule
// selects, which biases m where errors are dependent (one error per
// duplicate: conditioning on one field agreeing makes errors elsewhere more
// likely). u stays fixed (from random pairs), which keeps EM from learning
// "same common value" as the match class. With `fit_prior` the prior is
// re-estimated as expected matches / (possible_pairs * blocking_recall).
JointFit run_joint_em(const std::vector<AdjustedPatternCount>& groups, const PatternCodec& codec,
                      const std::vector<std::vector<double>>& u, std::vector<std::vector<double>> m, double prior,
                      bool fit_prior, double possible_pairs, double blocking_recall, int max_iterations);

// Initial m for a field with `levels` levels: most mass on the best level.
std::vector<double> default_m(int levels);

}  // namespace uncounted::link::internal
