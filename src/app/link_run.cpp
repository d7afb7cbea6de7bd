#include "app/link_run.h"

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "app/link_default_config.h"
#include "app/link_tables.h"
#include "app/output_paths.h"
#include "io/clusters_csv.h"
#include "io/link_config.h"
#include "io/link_records_csv.h"
#include "io/pairs_csv.h"

namespace uncounted {

Result<LinkRunReport> run_link(const LinkRunOptions& options) {
  if (options.inputs.empty()) return fail("no record files given");
  if (!options.count_pairs_only) {
    std::vector<InputPath> inputs;
    for (const auto& file : options.inputs) inputs.push_back({"the record file", file});
    if (options.config_path) inputs.push_back({"the link config", *options.config_path});
    inputs.push_back({"the reference data folder", options.data_dir});
    if (auto ok = check_output_paths(inputs, {{"--out-clusters", options.clusters_path},
                                              {"--out-pairs", options.pairs_path.value_or("")}});
        !ok)
      return tl::unexpected(ok.error());
  }
  if (options.progress) options.progress("reading", 0);
  // Read and parse the files at once (one thread each, at most `threads`).
  const std::size_t files = options.inputs.size();
  std::vector<Result<CsvTable>> parsed(files, fail("not read"));
  {
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t workers =
        std::min<std::size_t>(files, options.threads > 0 ? static_cast<std::size_t>(options.threads) : hw);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t i; (i = next.fetch_add(1)) < files;) parsed[i] = read_link_csv(options.inputs[i]);
    };
    std::vector<std::thread> threads;
    for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
  }
  std::vector<std::vector<std::string>> headers;
  for (auto& p : parsed) {
    if (!p) return tl::unexpected(p.error());
    headers.push_back(p->header);
  }
  LinkConfig config;
  if (options.config_path) {
    auto c = read_link_config(*options.config_path);
    if (!c) return tl::unexpected(c.error());
    config = std::move(*c);
    // Every column the config uses must be in every file.
    for (std::size_t i = 0; i < headers.size(); ++i)
      for (const auto& [column, where] : config.columns)
        if (std::find(headers[i].begin(), headers[i].end(), column) == headers[i].end())
          return fail(where, "column '" + column + "' is not in " + options.inputs[i] + " (header, line 1)");
  } else {
    std::set<std::string> present;
    for (const auto& h : headers) present.insert(h.begin(), h.end());
    config = default_link_config(present);
    if (config.spec.fields.empty())
      return fail("the record files have none of the canonical columns to compare (full_name, family_name, "
                  "given_name, name_hangul, name_hanzi, sex, birth_year, ...); give a --config");
    if (config.spec.blocking.empty())
      return fail("no blocking rule can be made from the canonical columns present; give a --config");
  }
  if (options.threshold)
    if (auto ok = set_link_threshold(config, *options.threshold); !ok) return tl::unexpected(ok.error());
  auto& spec = config.spec;
  spec.explain = options.explain;
  spec.threads = options.threads;
  if (options.pairs_path || options.explain) spec.review_floor = std::min(spec.review_floor, spec.threshold);

  LinkRecordColumns columns;
  columns.record_id = config.record_id_column;
  columns.source = config.source_column;
  columns.list = config.list_column;
  for (const auto& [c, where] : config.columns) columns.columns.push_back(c);
  columns.require_columns = options.config_path.has_value();
  link::RecordTable table;
  for (std::size_t i = 0; i < files; ++i) {
    auto ok = append_link_csv(std::move(*parsed[i]), options.inputs[i], columns, table);
    if (!ok) return tl::unexpected(ok.error());
  }
  auto resources = load_link_tables(spec, options.data_dir);
  if (!resources) return tl::unexpected(resources.error());

  LinkRunReport report;
  report.records = table.size();
  report.sources = table.sources.size();
  report.lists = table.lists.size();
  report.threshold = spec.threshold;
  if (options.count_pairs_only) {
    auto counts = link::count_candidate_pairs(table, spec, *resources);
    if (!counts) return tl::unexpected(counts.error());
    report.blocking = std::move(*counts);
    report.counted_only = true;
    return report;
  }
  auto result = link::link_records(table, spec, *resources, options.progress);
  if (!result) return tl::unexpected(result.error());
  if (options.progress) options.progress("writing", 0);
  if (auto ok = write_clusters_csv(options.clusters_path, table, result->cluster_of); !ok)
    return tl::unexpected(ok.error());
  if (options.pairs_path)
    if (auto ok = write_pairs_csv(*options.pairs_path, table, *result, options.explain); !ok)
      return tl::unexpected(ok.error());
  if (options.explain) report.waterfalls = borderline_waterfalls(table, *result, spec.threshold, 5);
  report.blocking = std::move(result->blocking);
  report.model = std::move(result->model);
  report.summary = result->summary;
  return report;
}

std::string format_link_report(const LinkRunReport& r) {
  std::string out = fmt::format("records: {} from {} source(s), {} list(s)\n", r.records, r.sources, r.lists);
  out += "blocking rules (pairs before any comparison):\n";
  // "<=N": an upper bound (count_candidate_pairs, when exact counting would take too long).
  const auto figure = [](std::uint64_t n, bool exact) { return (exact ? "" : "<=") + std::to_string(n); };
  std::uint64_t total = 0;
  bool total_exact = true, all_exact = true;
  for (const auto& b : r.blocking) {
    total += b.new_pairs;
    total_exact = total_exact && b.new_pairs_exact;
    all_exact = all_exact && b.pairs_exact && b.new_pairs_exact;
    out += fmt::format("  {:<40} {:>14} pairs {:>14} new {:>14} cumulative\n", b.rule, figure(b.pairs, b.pairs_exact),
                       figure(b.new_pairs, b.new_pairs_exact), figure(total, total_exact));
  }
  if (!all_exact) out += "  (<=N: at most N pairs; too many to count exactly, see docs/LINKAGE.md)\n";
  if (r.counted_only) return out;
  const auto& s = r.summary;
  out += fmt::format("candidate pairs compared: {} of {} possible ({:.4g}%)\n", s.compared_pairs, s.possible_pairs,
                     s.possible_pairs ? 100.0 * static_cast<double>(s.compared_pairs) / static_cast<double>(s.possible_pairs) : 0.0);
  out += fmt::format("prior match probability: {:.3g} ({})\n", r.model.prior, r.model.prior_method);
  out += "fields (level: m / u / weight):\n";
  for (const auto& f : r.model.fields) {
    out += fmt::format("  {}{}\n", f.name, f.term_frequency ? " (term-frequency adjusted)" : "");
    for (std::size_t l = 0; l < f.m.size(); ++l)
      out += fmt::format("    {:<24} m={:.4f} u={:.6f} weight={:+.2f}\n", f.level_names[l], f.m[l], f.u[l],
                         f.weight(static_cast<int>(l)));
  }
  out += fmt::format("threshold: match probability >= {}\n", r.threshold);
  out += fmt::format("entities: {} (linked pairs {})\n", s.entities, s.linked_pairs);
  out += fmt::format("expected matches among candidate pairs (model): {:.1f}\n", s.expected_matches);
  out += fmt::format("model-estimated pairwise precision: {:.4f}, recall: {:.4f} (no truth used)\n",
                     s.estimated_precision, s.estimated_recall);
  if (!r.waterfalls.empty()) {
    out += "pairs nearest the threshold (weight in bits, field by field; every kept pair is in --out-pairs):\n";
    for (const auto& w : r.waterfalls) out += format_waterfall(w, r.threshold);
  }
  return out;
}

}  // namespace uncounted
