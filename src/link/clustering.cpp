#include "link/clustering.h"

#include <algorithm>
#include <numeric>

namespace uncounted::link {
namespace {

struct Adjacency {
  std::vector<std::uint64_t> offsets;
  std::vector<std::uint32_t> neighbour;
  std::vector<double> probability;
};

Adjacency build_adjacency(std::size_t n, const std::vector<ScoredPair>& pairs) {
  Adjacency adj;
  adj.offsets.assign(n + 1, 0);
  for (const auto& p : pairs) {
    ++adj.offsets[p.left + 1];
    ++adj.offsets[p.right + 1];
  }
  for (std::size_t i = 0; i < n; ++i) adj.offsets[i + 1] += adj.offsets[i];
  adj.neighbour.resize(adj.offsets[n]);
  adj.probability.resize(adj.offsets[n]);
  std::vector<std::uint64_t> fill(adj.offsets.begin(), adj.offsets.end() - 1);
  for (const auto& p : pairs) {
    adj.neighbour[fill[p.left]] = p.right;
    adj.probability[fill[p.left]++] = p.probability;
    adj.neighbour[fill[p.right]] = p.left;
    adj.probability[fill[p.right]++] = p.probability;
  }
  return adj;
}

class Clusters {
 public:
  Clusters(std::size_t n, const std::vector<std::uint32_t>& list_of) : parent_(n), members_(n), lists_(n) {
    std::iota(parent_.begin(), parent_.end(), 0u);
    for (std::uint32_t i = 0; i < n; ++i) {
      members_[i] = {i};
      if (!list_of.empty()) lists_[i] = {list_of[i]};
    }
  }
  std::uint32_t find(std::uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  const std::vector<std::uint32_t>& members(std::uint32_t root) const { return members_[root]; }
  bool lists_overlap(std::uint32_t a, std::uint32_t b) const {
    const auto& x = lists_[a];
    const auto& y = lists_[b];
    std::size_t i = 0, j = 0;
    while (i < x.size() && j < y.size()) {
      if (x[i] == y[j]) return true;
      if (x[i] < y[j])
        ++i;
      else
        ++j;
    }
    return false;
  }
  void merge(std::uint32_t a, std::uint32_t b) {
    if (members_[a].size() < members_[b].size()) std::swap(a, b);
    parent_[b] = a;
    members_[a].insert(members_[a].end(), members_[b].begin(), members_[b].end());
    members_[b].clear();
    members_[b].shrink_to_fit();
    std::vector<std::uint32_t> merged;
    std::merge(lists_[a].begin(), lists_[a].end(), lists_[b].begin(), lists_[b].end(), std::back_inserter(merged));
    merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
    lists_[a] = std::move(merged);
    lists_[b].clear();
  }

 private:
  std::vector<std::uint32_t> parent_;
  std::vector<std::vector<std::uint32_t>> members_;
  std::vector<std::vector<std::uint32_t>> lists_;
};

}  // namespace

std::vector<std::uint32_t> cluster_records(std::size_t n, const std::vector<ScoredPair>& pairs,
                                           const std::vector<std::uint32_t>& list_of, double threshold,
                                           const ClusterSpec& spec, const PairScorer& score_unscored) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < pairs.size(); ++i)
    if (pairs[i].probability >= threshold) order.push_back(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return pairs[a].weight > pairs[b].weight; });
  const bool guarded = spec.method == ClusterMethod::kGuarded;
  const Adjacency adj = guarded ? build_adjacency(n, pairs) : Adjacency{};
  Clusters clusters(n, spec.one_per_list ? list_of : std::vector<std::uint32_t>{});
  for (std::size_t idx : order) {
    const auto& p = pairs[idx];
    const std::uint32_t a = clusters.find(p.left);
    const std::uint32_t b = clusters.find(p.right);
    if (a == b) continue;
    if (spec.one_per_list && clusters.lists_overlap(a, b)) continue;
    if (guarded) {
      const auto& ma = clusters.members(a);
      const auto& mb = clusters.members(b);
      const double cross = static_cast<double>(ma.size()) * static_cast<double>(mb.size());
      if (cross > 1) {
        const auto& small = ma.size() <= mb.size() ? ma : mb;
        const std::uint32_t other = ma.size() <= mb.size() ? b : a;
        double sum = 0;
        std::size_t scored = 0;
        for (std::uint32_t x : small)
          for (auto e = adj.offsets[x]; e < adj.offsets[x + 1]; ++e)
            if (clusters.find(adj.neighbour[e]) == other) {
              sum += adj.probability[e];
              ++scored;
            }
        if (score_unscored && cross <= kMaxScoredCross && static_cast<double>(scored) < cross) {
          const auto& large = ma.size() <= mb.size() ? mb : ma;
          for (std::uint32_t x : small)
            for (std::uint32_t y : large) {
              const std::uint32_t lo = std::min(x, y), hi = std::max(x, y);
              bool known = false;
              for (auto e = adj.offsets[lo]; e < adj.offsets[lo + 1] && !known; ++e) known = adj.neighbour[e] == hi;
              if (!known) sum += score_unscored(lo, hi);
            }
        }
        if (sum / cross < spec.min_cohesion) continue;
      }
    }
    clusters.merge(a, b);
  }
  std::vector<std::uint32_t> out(n);
  std::vector<std::uint32_t> number(n, UINT32_MAX);
  std::uint32_t next = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint32_t r = clusters.find(i);
    if (number[r] == UINT32_MAX) number[r] = next++;
    out[i] = number[r];
  }
  return out;
}

}  // namespace uncounted::link
