// Accuracy of a clustering against known truth (for benchmarks and the
// `evaluate` command; never used in fitting).
//
// Pairwise: a predicted pair is two records in one cluster; a true pair two
// records with the same truth label. Precision = TP / predicted pairs,
// recall = TP / true pairs, F1 their harmonic mean (1 when both sets are
// empty). Cluster: a predicted cluster is correct when it holds exactly the
// records of one true entity; precision = correct / predicted clusters,
// recall = correct / true entities. Records with an empty truth label are
// each their own entity.
//
// Thread safety: pure function.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace uncounted::link {

struct Accuracy {
  double true_positives = 0;
  double predicted = 0;
  double actual = 0;
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

struct LinkEvaluation {
  Accuracy pairwise;
  Accuracy clusters;
};

// `cluster_of` and `truth` are per record and of equal size.
LinkEvaluation evaluate_clusters(const std::vector<std::uint32_t>& cluster_of, const std::vector<std::string>& truth);

}  // namespace uncounted::link
