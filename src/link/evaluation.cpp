#include "link/evaluation.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace uncounted::link {
namespace {

double choose2(double n) { return n * (n - 1) / 2; }

void finish(Accuracy& a) {
  a.precision = a.predicted > 0 ? a.true_positives / a.predicted : 1.0;
  a.recall = a.actual > 0 ? a.true_positives / a.actual : 1.0;
  a.f1 = a.precision + a.recall > 0 ? 2 * a.precision * a.recall / (a.precision + a.recall) : 0.0;
}

}  // namespace

LinkEvaluation evaluate_clusters(const std::vector<std::uint32_t>& cluster_of, const std::vector<std::string>& truth) {
  const std::size_t n = std::min(cluster_of.size(), truth.size());
  std::unordered_map<std::string, std::uint32_t> label_ids;
  std::vector<std::uint32_t> label(n);
  std::uint32_t next = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (truth[i].empty()) {
      label[i] = next++;
      label_ids.emplace("\x1f" + std::to_string(i), label[i]);
      continue;
    }
    auto [it, inserted] = label_ids.emplace(truth[i], next);
    if (inserted) ++next;
    label[i] = it->second;
  }
  std::unordered_map<std::uint32_t, double> cluster_size, label_size;
  std::unordered_map<std::uint64_t, double> cell;
  for (std::size_t i = 0; i < n; ++i) {
    cluster_size[cluster_of[i]] += 1;
    label_size[label[i]] += 1;
    cell[(static_cast<std::uint64_t>(cluster_of[i]) << 32) | label[i]] += 1;
  }
  LinkEvaluation e;
  for (const auto& [c, s] : cluster_size) e.pairwise.predicted += choose2(s);
  for (const auto& [l, s] : label_size) e.pairwise.actual += choose2(s);
  for (const auto& [k, s] : cell) {
    e.pairwise.true_positives += choose2(s);
    const auto c = static_cast<std::uint32_t>(k >> 32);
    const auto l = static_cast<std::uint32_t>(k & 0xFFFFFFFFu);
    if (cluster_size[c] == s && label_size[l] == s) e.clusters.true_positives += 1;
  }
  e.clusters.predicted = static_cast<double>(cluster_size.size());
  e.clusters.actual = static_cast<double>(label_size.size());
  finish(e.pairwise);
  finish(e.clusters);
  return e;
}

}  // namespace uncounted::link
