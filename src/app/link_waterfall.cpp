#include "app/link_waterfall.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace uncounted {
namespace {

double weight_of_probability(double p) {
  p = std::clamp(p, 1e-12, 1 - 1e-12);
  return std::log2(p / (1 - p));
}

// A bar of |weight| (one block per bit, at most 20), left of the axis for
// evidence against, right of it for evidence for.
std::string bar(double weight) {
  const int n = std::min(20, static_cast<int>(std::lround(std::abs(weight))));
  std::string blocks;
  for (int i = 0; i < n; ++i) blocks += "#";
  return weight < 0 ? fmt::format("{:>20}|", blocks) : fmt::format("{:>20}|{}", "", blocks);
}

}  // namespace

std::vector<PairWaterfall> borderline_waterfalls(const link::RecordTable& table, const link::LinkResult& result,
                                                 double threshold, std::size_t count) {
  const auto& fields = result.model.fields;
  const std::size_t nf = fields.size();
  if (result.field_weights.size() != result.pairs.size() * nf || result.field_levels.size() != result.pairs.size() * nf)
    return {};
  const double cut = weight_of_probability(threshold);
  std::vector<std::size_t> order(result.pairs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto distance = [&](std::size_t i) { return std::abs(result.pairs[i].weight - cut); };
  const std::size_t k = std::min(count, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<long>(k), order.end(), [&](std::size_t a, std::size_t b) {
    return distance(a) != distance(b) ? distance(a) < distance(b) : a < b;
  });
  order.resize(k);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return result.pairs[a].weight != result.pairs[b].weight ? result.pairs[a].weight > result.pairs[b].weight : a < b;
  });
  const bool qualified = table.sources.size() > 1;
  auto id = [&](std::uint32_t r) {
    return qualified ? table.sources[table.source_of[r]] + ":" + table.record_ids[r] : table.record_ids[r];
  };
  std::vector<PairWaterfall> out;
  for (std::size_t i : order) {
    const auto& p = result.pairs[i];
    PairWaterfall w;
    w.left_id = id(p.left);
    w.right_id = id(p.right);
    w.prior_weight = result.model.prior_weight();
    for (std::size_t f = 0; f < nf; ++f) {
      const int level = result.field_levels[i * nf + f];
      w.steps.push_back({fields[f].name,
                         level < 0 ? std::string("missing") : fields[f].level_names[static_cast<std::size_t>(level)],
                         static_cast<double>(result.field_weights[i * nf + f])});
    }
    w.weight = p.weight;
    w.probability = p.probability;
    out.push_back(std::move(w));
  }
  return out;
}

std::string format_waterfall(const PairWaterfall& pair, double threshold) {
  std::string out = fmt::format("  {} - {}: weight {:+.2f}, match probability {:.3f} ({})\n", pair.left_id,
                                pair.right_id, pair.weight, pair.probability,
                                pair.probability >= threshold ? "linked if the clustering agrees" : "not linked");
  double total = pair.prior_weight;
  out += fmt::format("    {:<34} {:>7} {:>8}  {}\n", "prior", fmt::format("{:+.2f}", pair.prior_weight),
                     fmt::format("{:+.2f}", total), bar(pair.prior_weight));
  for (const auto& s : pair.steps) {
    total += s.weight;
    const std::string label = s.field + ": " + s.level;
    out += fmt::format("    {:<34} {:>7} {:>8}  {}\n", label.size() > 34 ? label.substr(0, 34) : label,
                       fmt::format("{:+.2f}", s.weight), fmt::format("{:+.2f}", total), bar(s.weight));
  }
  out += fmt::format("    {:<34} {:>7} {:>8}  (link at {:+.2f})\n", "= match weight", "",
                     fmt::format("{:+.2f}", total), weight_of_probability(threshold));
  return out;
}

}  // namespace uncounted
