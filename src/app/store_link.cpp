#include "app/store_link.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "app/link_default_config.h"
#include "app/link_tables.h"
#include "base/csv_reader.h"
#include "crypto/keyed_hash.h"
#include "store/link_repository.h"

namespace uncounted {

Result<LinkConfig> store_link_config(const StoreLinkInput& input, const std::optional<std::string>& config_path,
                                     const std::optional<double>& threshold) {
  const auto& columns = store_link_columns();
  LinkConfig config;
  if (config_path) {
    auto c = read_link_config(*config_path);
    if (!c) return tl::unexpected(c.error());
    config = std::move(*c);
    for (const auto& [column, where] : config.columns)
      if (std::find(columns.begin(), columns.end(), column) == columns.end())
        return fail(where, "column '" + column +
                               "' is not a canonical record column; a store holds only those (DESIGN.md section 5)");
  } else {
    std::set<std::string> present;
    for (std::size_t c = 0; c < columns.size(); ++c)
      if (std::any_of(input.table.columns[c].begin(), input.table.columns[c].end(),
                      [](const std::string& v) { return !v.empty(); }))
        present.insert(columns[c]);
    config = default_link_config(present);
    if (config.spec.fields.empty() || config.spec.blocking.empty())
      return fail("the stored records have no names or birth years to link on; give a --config");
  }
  if (threshold)
    if (auto ok = set_link_threshold(config, *threshold); !ok) return tl::unexpected(ok.error());
  return config;
}

Result<std::vector<link::ClericalDecision>> store_decisions(store::Database& db, const StoreLinkInput& input,
                                                            std::vector<std::string>& notices) {
  auto decisions = store::list_decisions(db, true);
  if (!decisions) return tl::unexpected(decisions.error());
  std::vector<link::ClericalDecision> out;
  for (const auto& d : *decisions) {
    auto left = input.index.find(record_key(d.left_source, d.left_key));
    auto right = input.index.find(record_key(d.right_source, d.right_key));
    if (left == input.index.end() || right == input.index.end()) {
      notices.push_back(fmt::format("decision {} names a record the store no longer holds; skipped", d.id));
      continue;
    }
    out.push_back({left->second, right->second, d.same});
  }
  return out;
}

namespace {

std::string run_summary_json(const link::LinkResult& result, std::size_t must, std::size_t cannot) {
  const auto& s = result.summary;
  return fmt::format(
      "{{\"compared_pairs\": {}, \"kept_pairs\": {}, \"linked_pairs\": {}, \"entities\": {}, "
      "\"expected_matches\": {:.6g}, \"estimated_precision\": {:.6g}, \"estimated_recall\": {:.6g}, "
      "\"must_links\": {}, \"cannot_links\": {}}}",
      s.compared_pairs, s.kept_pairs, s.linked_pairs, s.entities, s.expected_matches, s.estimated_precision,
      s.estimated_recall, must, cannot);
}

}  // namespace

Result<StoreLinkReport> link_store(const StoreLinkRequest& request) {
  if (request.progress) request.progress("reading", 0);
  auto opened = open_store(request.access, store::Access::write);
  if (!opened) return tl::unexpected(opened.error());
  StoreLinkReport report;
  report.notices = opened->notices();
  auto input = read_store_link_input(opened->db());
  if (!input) return tl::unexpected(input.error());
  auto config = store_link_config(*input, request.config_path, request.threshold);
  if (!config) return tl::unexpected(config.error());
  auto& spec = config->spec;
  spec.threads = request.threads;
  auto resources = load_link_tables(spec, request.data_dir);
  if (!resources) return tl::unexpected(resources.error());
  auto decisions = store_decisions(opened->db(), *input, report.notices);
  if (!decisions) return tl::unexpected(decisions.error());
  for (const auto& d : *decisions) (d.same ? report.must_links : report.cannot_links) += 1;

  const link::RecordTable& table = input->table;
  auto result = link::link_records(table, spec, *resources, *decisions, request.progress);
  // Contradictory decisions are refused when recorded (app/store_review.h),
  // so the linker's own errors are about the configuration or the data.
  if (!result) return fail("linking the store's records: " + result.error().message());
  if (request.progress) request.progress("saving", 0);

  store::LinkRunInfo run;
  // Which configuration, by its SHA-256 (the file's name may say more than it should).
  std::string config_digest = "default";
  if (request.config_path) {
    auto text = read_file(*request.config_path);
    if (!text) return tl::unexpected(text.error());
    config_digest = "sha256:" + crypto::sha256_hex(std::string_view(*text));
  }
  run.config = fmt::format("{{\"config\": \"{}\", \"threshold\": {}, \"fields\": {}, \"blocking_rules\": {}}}",
                           config_digest, spec.threshold, spec.fields.size(), spec.blocking.size());
  run.threshold = spec.threshold;
  run.records = static_cast<std::int64_t>(table.size());
  run.entities = static_cast<std::int64_t>(result->summary.entities);
  run.summary = run_summary_json(*result, report.must_links, report.cannot_links);
  std::vector<store::EntityMembership> members;
  members.reserve(table.size());
  for (std::size_t i = 0; i < table.size(); ++i) members.push_back({input->rows[i], result->cluster_of[i]});
  std::vector<store::StoredPair> pairs;
  pairs.reserve(result->pairs.size());
  for (const auto& p : result->pairs)
    pairs.push_back({input->rows[p.left], input->rows[p.right], p.weight, p.probability});
  auto saved = opened->write(
      [&](store::Database& db) -> Status {
        auto id = store::save_link_run(db, run, members, pairs, current_actor());
        if (!id) return tl::unexpected(id.error());
        report.run_id = *id;
        return {};
      },
      true);
  if (!saved) return fail(request.access.store_path + ": " + saved.error().message());

  auto& r = report.run;
  r.records = table.size();
  r.sources = table.sources.size();
  r.lists = table.lists.size();
  r.threshold = spec.threshold;
  r.blocking = std::move(result->blocking);
  r.model = std::move(result->model);
  r.summary = result->summary;
  return report;
}

}  // namespace uncounted
