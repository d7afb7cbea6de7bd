#include "app/store_report.h"

#include <filesystem>
#include <unordered_map>

#include <fmt/format.h>

#include "app/build_info.h"
#include "app/link_tables.h"
#include "app/linkage_sensitivity.h"
#include "app/output_paths.h"
#include "app/report_estimates.h"
#include "app/report_events.h"
#include "app/report_linkage.h"
#include "app/report_make.h"
#include "app/store_histories.h"
#include "app/store_link.h"
#include "base/csv_reader.h"
#include "crypto/keyed_hash.h"
#include "io/capture_histories_csv.h"
#include "store/audit_log.h"
#include "store/link_repository.h"

namespace uncounted {
namespace {

void tell(const StoreReportRequest& r, std::string_view stage, double done) {
  if (r.progress) r.progress(stage, done);
}

}  // namespace

Result<StoreReportMade> make_store_report(const StoreReportRequest& request) {
  tell(request, "reading", 0);
  std::vector<InputPath> inputs = store_paths(request.access.store_path);
  inputs.push_back({"the passphrase file", request.access.passphrase_file});
  if (request.config_path) inputs.push_back({"the link config", *request.config_path});
  inputs.push_back({"the reference data folder", request.data_dir});
  if (auto ok = check_output_paths(inputs, {{"--out", request.out},
                                            {"--out (its temporary file)", report_temp_path(request.out)}});
      !ok)
    return tl::unexpected(ok.error());
  // Write access: publishing a report is audited in the store.
  auto opened = open_store(request.access, store::Access::write);
  if (!opened) return tl::unexpected(opened.error());
  StoreReportMade made;
  made.notices = opened->notices();
  store::Database& db = opened->db();
  std::vector<CaseRecord> records;  // their events make the timeline and sentences
  auto input = read_store_link_input(db, &records);
  if (!input) return tl::unexpected(input.error());
  auto clusters = latest_run_clusters(db, *input);
  if (!clusters) return tl::unexpected(clusters.error());
  made.run_id = clusters->run_id;
  for (const auto& n : clusters->notices) made.notices.push_back(n);
  const std::string run_label = "link run " + std::to_string(made.run_id);

  report::ReportData data;
  data.synthetic = request.synthetic;
  data.provenance.version = uncounted_version();
  data.provenance.dependencies = dependency_versions();
  auto store_bytes = read_file(request.access.store_path);
  if (!store_bytes) return tl::unexpected(store_bytes.error());
  data.provenance.inputs.push_back(
      {"store (" + run_label + ")", crypto::sha256_hex(std::string_view(*store_bytes)), /*label_is_public=*/true});
  store_bytes = std::string();

  // Totals and the overlap.
  tell(request, "estimating", 0);
  auto histories_csv = store_histories(*clusters, *input, request.period_years);
  if (!histories_csv) return tl::unexpected(histories_csv.error());
  CaptureHistoriesOptions read_options;
  if (request.period_years > 0) read_options.stratum_column = "stratum";
  auto histories = parse_capture_histories(histories_csv->csv, run_label, read_options);
  if (!histories) return tl::unexpected(histories.error());
  auto estimate = estimate_population(*histories, request.estimate);
  if (!estimate) return tl::unexpected(estimate.error());
  data.estimates = report_estimates(*estimate);
  data.estimates->strata_are_periods = request.period_years > 0;  // made by store_histories from event dates
  data.provenance.seed = estimate->seed;
  auto overlap = report_overlap(*histories);
  if (!overlap) return tl::unexpected(overlap.error());
  data.overlap = std::move(*overlap);
  std::vector<std::string> periods;
  for (const auto& s : estimate->strata) periods.push_back(s.stratum);
  made.estimate = std::move(*estimate);

  // Linkage: entity sizes and the weights of the run's kept pairs.
  data.linkage = linkage_sizes(clusters->rows);
  auto pairs = store::run_pairs(db, made.run_id);
  if (!pairs) return tl::unexpected(pairs.error());
  std::unordered_map<std::int64_t, std::uint64_t> entity_of_row;
  for (std::size_t i = 0; i < clusters->rows.size(); ++i)
    entity_of_row.emplace(clusters->row_of[i], clusters->rows[i].cluster_id);
  std::vector<LinkedPairWeight> weights;
  weights.reserve(pairs->size());
  for (const auto& p : *pairs) {
    auto a = entity_of_row.find(p.left_row);
    auto b = entity_of_row.find(p.right_row);
    weights.push_back({p.weight, a != entity_of_row.end() && b != entity_of_row.end() && a->second == b->second});
  }
  add_weight_histogram(*data.linkage, weights);

  // Events and sentences, a person counted once through the run's entities.
  EventInputs events;
  events.records = &records;
  events.clusters = &clusters->rows;
  events.periods = periods;
  auto sections = report_events(events);
  if (!sections) return tl::unexpected(sections.error());
  data.timeline = std::move(sections->timeline);
  data.sentences = std::move(sections->sentences);
  records.clear();

  // Sensitivity to the linkage threshold.
  if (request.sensitivity) {
    auto config = store_link_config(*input, request.config_path, clusters->threshold);
    if (!config) return tl::unexpected(config.error());
    auto resources = load_link_tables(config->spec, request.data_dir);
    if (!resources) return tl::unexpected(resources.error());
    const auto thresholds = default_sensitivity_thresholds(config->spec.threshold, config->spec.review_floor);
    auto progress = [&](std::size_t done, std::size_t total) {
      tell(request, "re-linking", static_cast<double>(done) / static_cast<double>(total));
    };
    auto decisions = store_decisions(db, *input, made.notices);
    if (!decisions) return tl::unexpected(decisions.error());
    auto sensitivity = linkage_sensitivity(input->table, config->spec, *resources, thresholds, request.estimate,
                                           *decisions, progress);
    if (!sensitivity) return tl::unexpected(sensitivity.error());
    data.sensitivity = std::move(*sensitivity);
  } else {
    made.left_out.push_back("sensitivity to linkage (not asked for)");
  }
  if (!data.timeline) made.left_out.push_back("timeline (no dated events)");
  if (!data.sentences) made.left_out.push_back("sentences (no sentence lengths)");

  tell(request, "writing", 0);
  if (auto ok = write_report(data, request.out, request.audience); !ok) return tl::unexpected(ok.error());
  auto html = read_file(request.out);
  if (!html) return tl::unexpected(html.error());
  const std::string detail =
      fmt::format("{} report from {} written to {}", request.audience == report::Audience::kPublic ? "public" : "INTERNAL",
                  run_label, std::filesystem::path(request.out).filename().string());
  auto audited = opened->write([&](store::Database& d) -> Status {
    return store::append_audit(d, current_actor(), "report", detail, crypto::sha256_hex(std::string_view(*html)));
  });
  if (!audited) return fail(request.access.store_path + ": " + audited.error().message());
  return made;
}

}  // namespace uncounted
