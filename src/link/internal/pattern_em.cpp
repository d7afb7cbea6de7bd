#include "link/internal/pattern_em.h"

#include <algorithm>
#include <cmath>

namespace uncounted::link::internal {
namespace {

// The M step for one field: m = the expected level counts `acc` normalised
// (each level at least 1e-3: no level of one field may veto a match by
// more than ~10 bits; at 1e-5 a level EM never saw among matches weighed
// -16 bits, so one noisy value outweighed every other field). Returns the largest change of any level, or 0
// when `acc` holds no mass (m is then left as it was).
double update_m(const std::vector<double>& acc, std::vector<double>& m) {
  double sum = 0;
  for (double a : acc) sum += a;
  if (sum <= 0) return 0;
  double change = 0;
  double norm = 0;
  for (std::size_t l = 0; l < acc.size(); ++l) {
    const double v = std::max(acc[l] / sum, 1e-3);
    change = std::max(change, std::abs(v - m[l]));
    m[l] = v;
    norm += v;
  }
  for (double& v : m) v /= norm;
  return change;
}

}  // namespace

std::vector<double> default_m(int levels) {
  std::vector<double> m(static_cast<std::size_t>(levels));
  if (levels == 1) return {1.0};
  // 0.9 on "exact", the rest shared, halving level by level.
  double rest = 0.1;
  for (int l = 1; l < levels; ++l) {
    const double share = l == levels - 1 ? rest : rest / 2;
    m[static_cast<std::size_t>(l)] = share;
    rest -= share;
  }
  m[0] = 0.9;
  return m;
}

EmFit run_pattern_em(const std::vector<PatternCount>& patterns, const PatternCodec& codec,
                     const std::vector<std::vector<double>>& u, std::vector<std::vector<double>> m,
                     const std::vector<bool>& used, const std::vector<bool>& estimate, double lambda,
                     int max_iterations) {
  const std::size_t fields = codec.level_count.size();
  const std::size_t np = patterns.size();
  // Decode once: levels[p * fields + f], -1 for missing or unused.
  std::vector<int> levels(np * fields);
  for (std::size_t p = 0; p < np; ++p)
    for (std::size_t f = 0; f < fields; ++f) {
      const int l = codec.level(patterns[p].pattern, f);
      levels[p * fields + f] = (!used[f] || l == codec.level_count[f]) ? -1 : l;
    }
  EmFit fit;
  lambda = std::clamp(lambda, 1e-9, 1 - 1e-9);
  std::vector<std::vector<double>> acc(fields), log_ratio(fields);
  for (int it = 0; it < max_iterations; ++it) {
    for (std::size_t f = 0; f < fields; ++f) {
      acc[f].assign(static_cast<std::size_t>(codec.level_count[f]), 0.0);
      log_ratio[f].resize(acc[f].size());
      for (std::size_t l = 0; l < acc[f].size() && l < m[f].size(); ++l) log_ratio[f][l] = std::log(m[f][l] / u[f][l]);
    }
    const double log_odds = std::log(lambda / (1 - lambda));
    double match_mass = 0, total = 0;
    for (std::size_t p = 0; p < np; ++p) {
      double lr = log_odds;  // log(lambda m / ((1 - lambda) u))
      for (std::size_t f = 0; f < fields; ++f) {
        const int l = levels[p * fields + f];
        if (l >= 0) lr += log_ratio[f][static_cast<std::size_t>(l)];
      }
      const double w = 1.0 / (1.0 + std::exp(-lr));
      const double c = patterns[p].count;
      match_mass += w * c;
      total += c;
      for (std::size_t f = 0; f < fields; ++f) {
        const int l = levels[p * fields + f];
        if (l >= 0) acc[f][static_cast<std::size_t>(l)] += w * c;
      }
    }
    if (total <= 0) break;
    const double new_lambda = std::clamp(match_mass / total, 1e-9, 1 - 1e-9);
    double change = std::abs(new_lambda - lambda) / lambda;
    lambda = new_lambda;
    for (std::size_t f = 0; f < fields; ++f) {
      if (!estimate[f] || !used[f]) continue;
      change = std::max(change, update_m(acc[f], m[f]));
    }
    fit.iterations = it + 1;
    if (change < 1e-6) break;
  }
  fit.m = std::move(m);
  fit.lambda = lambda;
  return fit;
}

JointFit run_joint_em(const std::vector<AdjustedPatternCount>& groups, const PatternCodec& codec,
                      const std::vector<std::vector<double>>& u, std::vector<std::vector<double>> m, double prior,
                      bool fit_prior, double possible_pairs, double blocking_recall, int max_iterations) {
  const std::size_t fields = codec.level_count.size();
  const std::size_t ng = groups.size();
  std::vector<int> levels(ng * fields);
  for (std::size_t g = 0; g < ng; ++g)
    for (std::size_t f = 0; f < fields; ++f) {
      const int l = codec.level(groups[g].pattern, f);
      levels[g * fields + f] = l == codec.level_count[f] ? -1 : l;
    }
  JointFit fit;
  prior = std::clamp(prior, 1e-12, 0.5);
  std::vector<std::vector<double>> acc(fields), log_ratio(fields);
  double matches = 0;
  for (int it = 0; it < max_iterations; ++it) {
    for (std::size_t f = 0; f < fields; ++f) {
      acc[f].assign(m[f].size(), 0.0);
      log_ratio[f].resize(m[f].size());
      for (std::size_t l = 0; l < m[f].size(); ++l) log_ratio[f][l] = std::log2(m[f][l] / u[f][l]);
    }
    const double prior_w = std::log2(prior / (1 - prior));
    matches = 0;
    for (std::size_t g = 0; g < ng; ++g) {
      double w = prior_w + groups[g].tf_adjustment;
      for (std::size_t f = 0; f < fields; ++f) {
        const int l = levels[g * fields + f];
        if (l >= 0) w += log_ratio[f][static_cast<std::size_t>(l)];
      }
      const double p = w > 60 ? 1.0 : w < -60 ? 0.0 : 1.0 / (1.0 + std::exp2(-w));
      const double c = p * groups[g].count;
      matches += c;
      for (std::size_t f = 0; f < fields; ++f) {
        const int l = levels[g * fields + f];
        if (l >= 0) acc[f][static_cast<std::size_t>(l)] += c;
      }
    }
    double change = 0;
    if (fit_prior && possible_pairs > 0) {
      const double next = std::clamp(matches / (possible_pairs * std::max(blocking_recall, 1e-3)), 1e-12, 0.5);
      change = std::abs(next - prior) / prior;
      prior = next;
    }
    for (std::size_t f = 0; f < fields; ++f) {
      change = std::max(change, update_m(acc[f], m[f]));
    }
    fit.iterations = it + 1;
    if (change < 1e-6) break;
  }
  fit.m = std::move(m);
  fit.prior = prior;
  fit.matches = matches;
  return fit;
}

}  // namespace uncounted::link::internal
