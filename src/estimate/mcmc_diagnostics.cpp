#include "estimate/mcmc_diagnostics.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>

#include <boost/math/special_functions/erf.hpp>

namespace uncounted {
namespace {

using Chains = std::vector<std::vector<double>>;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool usable(const Chains& chains) {
  if (chains.empty() || chains[0].size() < 4) return false;
  for (const auto& c : chains)
    if (c.size() != chains[0].size()) return false;
  return true;
}

// Each chain cut into a first and a second half of equal length.
Chains split(const Chains& chains) {
  Chains halves;
  for (const auto& c : chains) {
    const std::size_t half = c.size() / 2;
    halves.emplace_back(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(half));
    halves.emplace_back(c.end() - static_cast<std::ptrdiff_t>(half), c.end());
  }
  return halves;
}

double mean_of(const std::vector<double>& x) {
  return std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(x.size());
}

double variance_of(const std::vector<double>& x) {  // denominator n - 1
  const double m = mean_of(x);
  double s = 0.0;
  for (double v : x) s += (v - m) * (v - m);
  return s / static_cast<double>(x.size() - 1);
}

// Gelman-Rubin potential scale reduction of (already split) chains.
double rhat_of(const Chains& chains) {
  const double n = static_cast<double>(chains[0].size());
  std::vector<double> means;
  double w = 0.0;
  for (const auto& c : chains) {
    means.push_back(mean_of(c));
    w += variance_of(c);
  }
  w /= static_cast<double>(chains.size());
  const double b_over_n = chains.size() > 1 ? variance_of(means) : 0.0;
  if (!(w > 0.0)) return kNaN;
  const double var_plus = (n - 1.0) / n * w + b_over_n;
  return std::sqrt(var_plus / w);
}

// Rank-normalises the pooled draws (average ranks for ties).
Chains rank_normalise(const Chains& chains) {
  std::vector<std::pair<double, std::size_t>> all;
  const std::size_t per = chains[0].size();
  for (std::size_t c = 0; c < chains.size(); ++c)
    for (std::size_t i = 0; i < per; ++i) all.emplace_back(chains[c][i], c * per + i);
  std::sort(all.begin(), all.end());
  const double s = static_cast<double>(all.size());
  std::vector<double> z(all.size());
  for (std::size_t i = 0; i < all.size();) {
    std::size_t j = i;
    while (j < all.size() && all[j].first == all[i].first) ++j;
    const double rank = 0.5 * static_cast<double>(i + 1 + j);  // mean of ranks i+1..j
    const double p = (rank - 0.375) / (s + 0.25);
    const double value = -std::sqrt(2.0) * boost::math::erfc_inv(2.0 * p);  // Phi^-1(p)
    for (std::size_t k = i; k < j; ++k) z[all[k].second] = value;
    i = j;
  }
  Chains out(chains.size(), std::vector<double>(per));
  for (std::size_t c = 0; c < chains.size(); ++c)
    for (std::size_t i = 0; i < per; ++i) out[c][i] = z[c * per + i];
  return out;
}

Chains folded(const Chains& chains) {
  std::vector<double> all;
  for (const auto& c : chains) all.insert(all.end(), c.begin(), c.end());
  std::sort(all.begin(), all.end());
  const std::size_t s = all.size();
  const double median = s % 2 ? all[s / 2] : 0.5 * (all[s / 2 - 1] + all[s / 2]);
  Chains out = chains;
  for (auto& c : out)
    for (double& v : c) v = std::abs(v - median);
  return out;
}

// Effective sample size of (already split) chains: autocorrelations averaged
// over chains, summed in pairs while positive (Geyer's initial positive
// sequence), made monotone, as in Vehtari et al. (2021, section 3.2).
double ess_of(const Chains& chains) {
  const std::size_t m = chains.size();
  const std::size_t n = chains[0].size();
  std::vector<double> means(m);
  for (std::size_t c = 0; c < m; ++c) means[c] = mean_of(chains[c]);
  // Mean over chains of the biased (1/n) autocovariance at lag t.
  auto acov = [&](std::size_t t) {
    double total = 0.0;
    for (std::size_t c = 0; c < m; ++c) {
      double s = 0.0;
      for (std::size_t i = 0; i + t < n; ++i)
        s += (chains[c][i] - means[c]) * (chains[c][i + t] - means[c]);
      total += s / static_cast<double>(n);
    }
    return total / static_cast<double>(m);
  };
  const double nd = static_cast<double>(n);
  const double acov0 = acov(0);
  const double within = acov0 * nd / (nd - 1.0);
  double var_plus = within * (nd - 1.0) / nd;
  if (m > 1) var_plus += variance_of(means);
  if (!(var_plus > 0.0)) return kNaN;
  auto rho = [&](std::size_t t) { return 1.0 - (within - acov(t)) / var_plus; };

  std::vector<double> r(n, 0.0);
  r[0] = 1.0;
  r[1] = rho(1);
  double even = r[0];
  double odd = r[1];
  std::size_t t = 0;
  while (t + 5 < n && even + odd > 0.0) {
    t += 2;
    even = rho(t);
    odd = rho(t + 1);
    if (even + odd >= 0.0) {
      r[t] = even;
      r[t + 1] = odd;
    }
  }
  const std::size_t max_t = t;
  if (even > 0.0) r[max_t] = even;
  // Initial monotone sequence: pair sums must not increase.
  for (std::size_t u = 2; u + 2 <= max_t; u += 2) {
    if (r[u] + r[u + 1] > r[u - 2] + r[u - 1]) {
      r[u] = 0.5 * (r[u - 2] + r[u - 1]);
      r[u + 1] = r[u];
    }
  }
  double tau = -1.0;
  for (std::size_t u = 0; u < max_t; ++u) tau += 2.0 * r[u];
  tau += r[max_t];
  const double total = static_cast<double>(m) * nd;
  tau = std::max(tau, 1.0 / std::log10(total));
  return total / tau;
}

bool constant(const Chains& chains) {
  const double first = chains[0][0];
  for (const auto& c : chains)
    for (double v : c)
      if (v != first) return false;
  return true;
}

}  // namespace

double split_rhat(const Chains& chains) {
  if (!usable(chains) || constant(chains)) return kNaN;
  const Chains halves = split(chains);
  const double bulk = rhat_of(rank_normalise(halves));
  const double tail = rhat_of(rank_normalise(folded(halves)));
  if (std::isnan(tail)) return bulk;
  return std::max(bulk, tail);
}

double bulk_ess(const Chains& chains) {
  if (!usable(chains) || constant(chains)) return kNaN;
  return ess_of(rank_normalise(split(chains)));
}

double classic_split_rhat(const Chains& chains) {
  if (!usable(chains) || constant(chains)) return kNaN;
  return rhat_of(split(chains));
}

}  // namespace uncounted
