#include "link/clustering.h"

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <utility>

namespace uncounted::link {
namespace {

struct Adjacency {
  std::vector<std::uint64_t> offsets;
  std::vector<std::uint32_t> neighbour;
  std::vector<double> probability;
};

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) {
  return (static_cast<std::uint64_t>(std::min(a, b)) << 32) | std::max(a, b);
}

// The decisions, cleaned: valid indices, one per pair (cannot-link wins).
struct DecisionSet {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> must;  // (lo, hi), ascending
  std::vector<std::uint64_t> decided_key;                     // every decided pair, ascending
  std::vector<double> decided_probability;                    // 1 must-link, 0 cannot-link
  // Per record, its cannot-link partners (CSR); empty offsets without any.
  std::vector<std::uint64_t> cannot_offsets;
  std::vector<std::uint32_t> cannot_partner;
};

DecisionSet clean_decisions(std::size_t n, const std::vector<ClericalDecision>& decisions) {
  struct Entry {
    std::uint64_t key;
    bool same;
  };
  std::vector<Entry> entries;
  for (const auto& d : decisions)
    if (d.left != d.right && d.left < n && d.right < n) entries.push_back({pair_key(d.left, d.right), d.same});
  // false sorts first, so `unique` keeps a pair's cannot-link.
  std::sort(entries.begin(), entries.end(),
            [](const Entry& x, const Entry& y) { return x.key != y.key ? x.key < y.key : x.same < y.same; });
  entries.erase(std::unique(entries.begin(), entries.end(), [](const Entry& x, const Entry& y) { return x.key == y.key; }),
                entries.end());
  DecisionSet out;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> cannot;
  for (const auto& e : entries) {
    const auto lo = static_cast<std::uint32_t>(e.key >> 32);
    const auto hi = static_cast<std::uint32_t>(e.key);
    out.decided_key.push_back(e.key);
    out.decided_probability.push_back(e.same ? 1.0 : 0.0);
    (e.same ? out.must : cannot).emplace_back(lo, hi);
  }
  if (!cannot.empty()) {
    out.cannot_offsets.assign(n + 1, 0);
    for (const auto& [a, b] : cannot) {
      ++out.cannot_offsets[a + 1];
      ++out.cannot_offsets[b + 1];
    }
    for (std::size_t i = 0; i < n; ++i) out.cannot_offsets[i + 1] += out.cannot_offsets[i];
    out.cannot_partner.resize(out.cannot_offsets[n]);
    std::vector<std::uint64_t> fill(out.cannot_offsets.begin(), out.cannot_offsets.end() - 1);
    for (const auto& [a, b] : cannot) {
      out.cannot_partner[fill[a]++] = b;
      out.cannot_partner[fill[b]++] = a;
    }
  }
  return out;
}

// The scored pairs, with a decided pair's probability replaced by the
// decision (1 or 0) and decided pairs that were not scored added.
Adjacency build_adjacency(std::size_t n, const std::vector<ScoredPair>& pairs, const DecisionSet& decisions) {
  const auto& keys = decisions.decided_key;
  std::vector<char> seen(keys.size(), 0);
  std::vector<ScoredPair> extra;
  auto decided = [&](const ScoredPair& p) -> std::ptrdiff_t {
    if (keys.empty()) return -1;
    const std::uint64_t key = pair_key(p.left, p.right);
    const auto it = std::lower_bound(keys.begin(), keys.end(), key);
    return it != keys.end() && *it == key ? it - keys.begin() : -1;
  };
  Adjacency adj;
  adj.offsets.assign(n + 1, 0);
  for (const auto& p : pairs) {
    ++adj.offsets[p.left + 1];
    ++adj.offsets[p.right + 1];
    if (const auto d = decided(p); d >= 0) seen[static_cast<std::size_t>(d)] = 1;
  }
  for (std::size_t d = 0; d < keys.size(); ++d)
    if (!seen[d]) {
      const auto lo = static_cast<std::uint32_t>(keys[d] >> 32);
      const auto hi = static_cast<std::uint32_t>(keys[d]);
      extra.push_back({lo, hi, 0, decisions.decided_probability[d]});
      ++adj.offsets[lo + 1];
      ++adj.offsets[hi + 1];
    }
  for (std::size_t i = 0; i < n; ++i) adj.offsets[i + 1] += adj.offsets[i];
  adj.neighbour.resize(adj.offsets[n]);
  adj.probability.resize(adj.offsets[n]);
  std::vector<std::uint64_t> fill(adj.offsets.begin(), adj.offsets.end() - 1);
  auto add = [&](const ScoredPair& p, double probability) {
    adj.neighbour[fill[p.left]] = p.right;
    adj.probability[fill[p.left]++] = probability;
    adj.neighbour[fill[p.right]] = p.left;
    adj.probability[fill[p.right]++] = probability;
  };
  for (const auto& p : pairs) {
    const auto d = decided(p);
    add(p, d >= 0 ? decisions.decided_probability[static_cast<std::size_t>(d)] : p.probability);
  }
  for (const auto& p : extra) add(p, p.probability);
  return adj;
}

class Clusters {
 public:
  Clusters(std::size_t n, const std::vector<std::uint32_t>& list_of, const DecisionSet& decisions)
      : parent_(n), members_(n), lists_(n), decisions_(decisions), constrained_(n) {
    std::iota(parent_.begin(), parent_.end(), 0u);
    for (std::uint32_t i = 0; i < n; ++i) {
      members_[i] = {i};
      if (!list_of.empty()) lists_[i] = {list_of[i]};
      if (!decisions.cannot_offsets.empty() && decisions.cannot_offsets[i + 1] > decisions.cannot_offsets[i])
        constrained_[i] = {i};
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
  // Whether merging the clusters of roots a and b would put a cannot-link
  // pair into one entity: the cannot-link partners of the members of the
  // cluster with fewer such members, found in the other cluster. Costs
  // nothing without cannot-links.
  bool cannot_link(std::uint32_t a, std::uint32_t b) {
    if (constrained_[a].empty() || constrained_[b].empty()) return false;
    if (constrained_[a].size() > constrained_[b].size()) std::swap(a, b);
    const auto& offsets = decisions_.cannot_offsets;
    for (std::uint32_t x : constrained_[a])
      for (auto e = offsets[x]; e < offsets[x + 1]; ++e)
        if (find(decisions_.cannot_partner[e]) == b) return true;
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
    constrained_[a].insert(constrained_[a].end(), constrained_[b].begin(), constrained_[b].end());
    std::vector<std::uint32_t>().swap(constrained_[b]);
  }

 private:
  std::vector<std::uint32_t> parent_;
  std::vector<std::vector<std::uint32_t>> members_;
  std::vector<std::vector<std::uint32_t>> lists_;
  const DecisionSet& decisions_;
  std::vector<std::vector<std::uint32_t>> constrained_;  // per root: members with cannot-link partners
};

}  // namespace

std::vector<std::uint32_t> cluster_records(std::size_t n, const std::vector<ScoredPair>& pairs,
                                           const std::vector<std::uint32_t>& list_of, double threshold,
                                           const ClusterSpec& spec, const PairScorer& score_unscored,
                                           const std::vector<ClericalDecision>& decisions) {
  const DecisionSet decided = clean_decisions(n, decisions);
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < pairs.size(); ++i)
    if (pairs[i].probability >= threshold) order.push_back(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return pairs[a].weight > pairs[b].weight; });
  const bool guarded = spec.method == ClusterMethod::kGuarded;
  const Adjacency adj = guarded ? build_adjacency(n, pairs, decided) : Adjacency{};
  Clusters clusters(n, spec.one_per_list ? list_of : std::vector<std::uint32_t>{}, decided);
  // Must-links first, whatever the score, threshold, cohesion or lists.
  for (const auto& [x, y] : decided.must) {
    const std::uint32_t a = clusters.find(x);
    const std::uint32_t b = clusters.find(y);
    if (a != b && !clusters.cannot_link(a, b)) clusters.merge(a, b);
  }
  for (std::size_t idx : order) {
    const auto& p = pairs[idx];
    const std::uint32_t a = clusters.find(p.left);
    const std::uint32_t b = clusters.find(p.right);
    if (a == b) continue;
    if (spec.one_per_list && clusters.lists_overlap(a, b)) continue;
    if (clusters.cannot_link(a, b)) continue;
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
