#include "app/link_evaluate.h"

#include <unordered_map>

#include <fmt/format.h>

#include "app/internal/record_column.h"
#include "io/clusters_csv.h"

namespace uncounted {

Result<link::LinkEvaluation> evaluate_link(const EvaluateOptions& options) {
  auto read = internal::read_record_column(options.config_path, options.record_files, options.truth_column);
  if (!read) return tl::unexpected(read.error());
  const link::RecordTable& table = *read;
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t r = 0; r < table.size(); ++r)
    index.emplace(table.sources[table.source_of[r]] + '\x1f' + table.record_ids[r], r);
  auto rows = read_clusters_csv(options.clusters_path);
  if (!rows) return tl::unexpected(rows.error());
  std::vector<std::uint32_t> cluster_of;
  std::vector<std::string> truth;
  std::unordered_map<std::uint64_t, std::uint32_t> cluster_ids;
  std::vector<char> covered(table.size(), 0);
  for (const auto& row : *rows) {
    auto it = index.find(row.source + '\x1f' + row.record_id);
    if (it == index.end())
      return fail(SourceLocation{options.clusters_path, row.line, 1},
                  "no record with this source and record_id in the record files");
    covered[it->second] = 1;
    auto [c, inserted] = cluster_ids.emplace(row.cluster_id, static_cast<std::uint32_t>(cluster_ids.size()));
    cluster_of.push_back(c->second);
    truth.push_back(table.columns[0][it->second]);
  }
  for (std::size_t r = 0; r < table.size(); ++r)
    if (!covered[r])
      return fail(SourceLocation{options.clusters_path, 0, 0},
                  "a record of source '" + table.sources[table.source_of[r]] + "' has no row in the clusters file");
  return link::evaluate_clusters(cluster_of, truth);
}

std::string format_link_evaluation(const link::LinkEvaluation& e) {
  std::string out = "measure   precision  recall     F1         (counts)\n";
  out += fmt::format("pairwise  {:.6f}   {:.6f}   {:.6f}   TP={} predicted={} true={}\n", e.pairwise.precision,
                     e.pairwise.recall, e.pairwise.f1, e.pairwise.true_positives, e.pairwise.predicted,
                     e.pairwise.actual);
  out += fmt::format("cluster   {:.6f}   {:.6f}   {:.6f}   exact={} predicted={} true={}\n", e.clusters.precision,
                     e.clusters.recall, e.clusters.f1, e.clusters.true_positives, e.clusters.predicted,
                     e.clusters.actual);
  return out;
}

}  // namespace uncounted
