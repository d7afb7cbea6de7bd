// The fitted Fellegi–Sunter model: for each field, the probability of each
// comparison level among matches (m) and among non-matches (u), and the
// prior probability that two records match (lambda).
//
// A pair's match weight is log2(lambda / (1 - lambda)) plus, for every field
// both records have, log2(m / u) of its level — with the term-frequency
// adjustment log2(u / share(value)) at the exact levels of fields that ask
// for it, so that agreeing on a common value is weak evidence and on a rare
// one strong. A missing value contributes 0. The match probability is
// 2^w / (1 + 2^w).
//
// Thread safety: plain values.
#pragma once

#include <string>
#include <vector>

namespace uncounted::link {

struct FieldModel {
  std::string name;
  std::vector<std::string> level_names;  // e.g. "exact", "jaro_winkler >= 0.94", "else"
  std::vector<double> m;                 // per level
  std::vector<double> u;                 // per level
  bool m_estimated = false;              // false: the m values are defaults (EM could not see the field)
  bool term_frequency = false;

  double weight(int level) const;        // log2(m / u)
};

struct LinkModel {
  std::vector<FieldModel> fields;
  double prior = 0;           // lambda: probability that two random records match
  std::string prior_method;   // "deterministic rules" or "EM on blocked pairs"
  double prior_weight() const;  // log2(lambda / (1 - lambda))
};

// 2^w / (1 + 2^w), computed without overflow.
double probability_from_weight(double weight);

}  // namespace uncounted::link
