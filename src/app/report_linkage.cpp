#include "app/report_linkage.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "base/csv_reader.h"

namespace uncounted {
namespace {

constexpr double kTargetBins = 30;

int column_index(const std::vector<std::string>& header, const char* name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

double round_width(double raw) {
  for (double w : {0.5, 1.0, 2.0, 5.0, 10.0})
    if (w >= raw) return w;
  return 10.0;
}

}  // namespace

report::LinkageSection linkage_sizes(const std::vector<ClusterRow>& clusters) {
  report::LinkageSection section;
  section.records = static_cast<std::int64_t>(clusters.size());
  std::map<std::uint64_t, int> size_of;
  for (const auto& row : clusters) ++size_of[row.cluster_id];
  section.entities = static_cast<std::int64_t>(size_of.size());
  std::map<int, std::int64_t> by_size;
  for (const auto& [cluster, size] : size_of) ++by_size[size];
  section.cluster_sizes.assign(by_size.begin(), by_size.end());
  return section;
}

Result<report::LinkageSection> report_linkage(const std::vector<ClusterRow>& clusters,
                                              const std::optional<std::string>& pairs_path) {
  report::LinkageSection section = linkage_sizes(clusters);
  if (!pairs_path) return section;
  std::set<std::string> sources;
  for (const auto& row : clusters) sources.insert(row.source);


  auto table = read_csv_file(*pairs_path);
  if (!table) return tl::unexpected(table.error());
  const int left = column_index(table->header, "left_id");
  const int right = column_index(table->header, "right_id");
  const int weight = column_index(table->header, "match_weight");
  if (left < 0 || right < 0 || weight < 0)
    return fail(SourceLocation{*pairs_path, table->header_line, 0},
                "the header lacks left_id, right_id or match_weight");
  // PAIRS.csv names records by record_id alone when every record comes from
  // one source, otherwise by "source:record_id" (io/pairs_csv.h).
  const bool one_source = sources.size() <= 1;
  std::unordered_map<std::string, std::uint64_t> cluster_of;
  for (const auto& row : clusters)
    cluster_of[one_source ? row.record_id : row.source + ":" + row.record_id] = row.cluster_id;

  std::vector<LinkedPairWeight> pairs;
  for (const auto& row : table->rows) {
    if (row.fields.size() != table->header.size())
      return fail(SourceLocation{*pairs_path, row.line, 0}, "the row has " + std::to_string(row.fields.size()) +
                                                                " fields, the header " +
                                                                std::to_string(table->header.size()));
    const std::string& w = row.fields[static_cast<std::size_t>(weight)];
    double value = 0;
    auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), value);
    if (ec != std::errc() || end != w.data() + w.size() || !std::isfinite(value))
      return fail(SourceLocation{*pairs_path, row.line, weight + 1}, "match_weight is not a number");
    auto a = cluster_of.find(row.fields[static_cast<std::size_t>(left)]);
    auto b = cluster_of.find(row.fields[static_cast<std::size_t>(right)]);
    pairs.push_back({value, a != cluster_of.end() && b != cluster_of.end() && a->second == b->second});
  }
  add_weight_histogram(section, pairs);
  return section;
}

void add_weight_histogram(report::LinkageSection& section, const std::vector<LinkedPairWeight>& pairs) {
  if (pairs.empty()) return;
  auto [lo, hi] = std::minmax_element(pairs.begin(), pairs.end(),
                                      [](const auto& a, const auto& b) { return a.weight < b.weight; });
  const double width = round_width((hi->weight - lo->weight) / kTargetBins);
  const double start = std::floor(lo->weight / width) * width;
  const auto bins = static_cast<std::size_t>(std::floor((hi->weight - start) / width)) + 1;
  section.has_pairs = true;
  section.weight_start = start;
  section.weight_width = width;
  section.pairs_linked.assign(bins, 0);
  section.pairs_unlinked.assign(bins, 0);
  for (const auto& p : pairs) {
    const auto bin = std::min(bins - 1, static_cast<std::size_t>(std::floor((p.weight - start) / width)));
    ++(p.linked ? section.pairs_linked : section.pairs_unlinked)[bin];
  }
}

}  // namespace uncounted
