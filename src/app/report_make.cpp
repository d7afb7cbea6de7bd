#include "app/report_make.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "app/build_info.h"
#include "app/exclusive_file.h"
#include "app/estimate_json_reader.h"
#include "app/output_paths.h"
#include "app/report_estimates.h"
#include "app/report_events.h"
#include "app/report_linkage.h"
#include "app/sensitivity_json.h"
#include "base/csv_reader.h"
#include "crypto/keyed_hash.h"
#include "io/capture_histories_csv.h"
#include "io/clusters_csv.h"
#include "report/html_report.h"

namespace uncounted {
namespace {

namespace fs = std::filesystem;

constexpr const char* kEstimate = "estimate.json";
constexpr const char* kHistories = "histories.csv";
constexpr const char* kClusters = "clusters.csv";
constexpr const char* kPairs = "pairs.csv";
constexpr const char* kSensitivity = "sensitivity.json";

// `own_name`: the file is one uncounted writes under that name (estimate.json,
// ...), so its name may appear in a public report; a record file's may not.
Status add_digest(report::ReportData& data, const fs::path& path, bool own_name = true) {
  auto bytes = read_file(path.string());
  if (!bytes) return tl::unexpected(bytes.error());
  data.provenance.inputs.push_back(
      {path.filename().string(), crypto::sha256_hex(std::string_view(*bytes)), own_name});
  return {};
}

// The stratum column of a histories file: "stratum" (as `histories`
// writes it) or "period" (as the shipped example has it), if present.
Result<std::optional<std::string>> stratum_column(const fs::path& path) {
  auto table = read_csv_file(path.string());
  if (!table) return tl::unexpected(table.error());
  for (const char* name : {"stratum", "period"})
    if (std::find(table->header.begin(), table->header.end(), name) != table->header.end())
      return std::optional<std::string>(name);
  return std::optional<std::string>();
}

bool has_event_column(const fs::path& path) {
  auto table = read_csv_file(path.string());  // malformed files are reported when read as records
  if (!table) return true;
  return std::find(table->header.begin(), table->header.end(), "event_type") != table->header.end();
}

}  // namespace

Result<report::ReportData> load_report_data(const std::string& dir, bool synthetic) {
  const fs::path folder(dir);
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return fail(dir + ": not a folder");
  report::ReportData data;
  data.synthetic = synthetic;
  data.provenance.version = uncounted_version();
  data.provenance.dependencies = dependency_versions();
  bool any = false;

  std::vector<std::string> periods;
  if (fs::exists(folder / kEstimate)) {
    auto estimate = read_estimate_json((folder / kEstimate).string());
    if (!estimate) return tl::unexpected(estimate.error());
    data.estimates = report_estimates(*estimate);
    data.provenance.seed = estimate->seed;
    for (const auto& s : estimate->strata) periods.push_back(s.stratum);
    if (!estimate->version.empty() && estimate->version != data.provenance.version)
      data.notes.push_back("The estimates were made by uncounted " + estimate->version + ".");
    if (auto d = add_digest(data, folder / kEstimate); !d) return tl::unexpected(d.error());
    any = true;
  }
  if (fs::exists(folder / kHistories)) {
    auto column = stratum_column(folder / kHistories);
    if (!column) return tl::unexpected(column.error());
    auto histories = read_capture_histories((folder / kHistories).string(), CaptureHistoriesOptions{*column});
    if (!histories) return tl::unexpected(histories.error());
    auto overlap = report_overlap(*histories);
    if (!overlap) return tl::unexpected(overlap.error());
    data.overlap = std::move(*overlap);
    if (auto d = add_digest(data, folder / kHistories); !d) return tl::unexpected(d.error());
    any = true;
  }
  std::optional<std::vector<ClusterRow>> clusters;
  if (fs::exists(folder / kClusters)) {
    auto rows = read_clusters_csv((folder / kClusters).string());
    if (!rows) return tl::unexpected(rows.error());
    clusters = std::move(*rows);
    std::optional<std::string> pairs;
    if (fs::exists(folder / kPairs)) pairs = (folder / kPairs).string();
    auto linkage = report_linkage(*clusters, pairs);
    if (!linkage) return tl::unexpected(linkage.error());
    data.linkage = std::move(*linkage);
    if (auto d = add_digest(data, folder / kClusters); !d) return tl::unexpected(d.error());
    if (pairs)
      if (auto d = add_digest(data, folder / kPairs); !d) return tl::unexpected(d.error());
    any = true;
  } else if (fs::exists(folder / kPairs)) {
    data.notes.push_back("pairs.csv was not used: the match weights need clusters.csv beside it.");
  }

  if (fs::exists(folder / kSensitivity)) {
    auto sensitivity = read_sensitivity_json((folder / kSensitivity).string());
    if (!sensitivity) return tl::unexpected(sensitivity.error());
    data.sensitivity = std::move(*sensitivity);
    if (auto d = add_digest(data, folder / kSensitivity); !d) return tl::unexpected(d.error());
    any = true;
  }

  // Record files: every other CSV with an event_type column, by name.
  EventInputs events;
  events.clusters = clusters ? &*clusters : nullptr;
  events.periods = periods;
  std::vector<fs::path> candidates;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const auto name = entry.path().filename().string();
    if (!entry.is_regular_file() || entry.path().extension() != ".csv") continue;
    if (name == kHistories || name == kClusters || name == kPairs) continue;
    candidates.push_back(entry.path());
  }
  if (ec) return fail(dir + ": cannot list the folder (" + ec.message() + ")");
  std::sort(candidates.begin(), candidates.end());
  for (const auto& path : candidates)
    if (has_event_column(path)) events.record_files.push_back(path.string());
  if (!events.record_files.empty()) {
    auto sections = report_events(events);
    if (!sections) return tl::unexpected(sections.error());
    data.timeline = std::move(sections->timeline);
    data.sentences = std::move(sections->sentences);
    for (const auto& path : events.record_files)
      if (auto d = add_digest(data, path, /*own_name=*/false); !d) return tl::unexpected(d.error());
    any = true;
  }
  if (!any)
    return fail(dir + ": holds none of the report's inputs (estimate.json, histories.csv, clusters.csv, "
                      "record files)");
  return data;
}

std::string report_temp_path(const std::string& out) {
  const fs::path target(out);
  return (target.parent_path() / ("." + target.filename().string() + ".tmp")).string();
}

Status write_report(const report::ReportData& data, const std::string& out, report::Audience audience) {
  const std::string html = report::render_report_html(data, audience);
  const fs::path target(out);
  const fs::path temp = report_temp_path(out);
  {
    // A leftover of a killed run (a file or a link) is replaced, never a
    // folder; the new file is created (it never writes into, or through,
    // whatever was there) and written through its own descriptor.
    std::error_code ignored;
    ::unlink(temp.c_str());
    auto file = ExclusiveFile::create(temp.string(), 0666);
    if (!file) return fail(out + ": cannot write the report (" + file.error().message() + ")");
    file->out() << html;
    if (auto ok = file->finish(); !ok) {
      fs::remove(temp, ignored);
      return fail(out + ": cannot write the report");
    }
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return fail(out + ": cannot write the report (" + ec.message() + ")");
  }
  return {};
}

Result<ReportMade> make_report(const ReportRequest& request) {
  auto data = load_report_data(request.from_dir, request.synthetic);
  if (!data) return tl::unexpected(data.error());
  std::vector<InputPath> inputs;
  for (const auto& input : data->provenance.inputs)
    inputs.push_back({"the input", (fs::path(request.from_dir) / input.label).string()});
  if (auto ok = check_output_paths(inputs, {{"--out", request.out},
                                            {"--out (its temporary file)", report_temp_path(request.out)}});
      !ok)
    return tl::unexpected(ok.error());
  if (auto written = write_report(*data, request.out, request.audience); !written)
    return tl::unexpected(written.error());
  ReportMade made;
  for (const auto& input : data->provenance.inputs) made.inputs.push_back(input.label);
  if (!data->estimates) made.left_out.push_back("totals (no estimate.json)");
  if (!data->overlap) made.left_out.push_back("overlap (no histories.csv)");
  if (!data->timeline) made.left_out.push_back("timeline (no dated events)");
  if (!data->sentences) made.left_out.push_back("sentences (no sentence lengths)");
  if (!data->linkage) made.left_out.push_back("linkage (no clusters.csv)");
  if (!data->sensitivity) made.left_out.push_back("sensitivity to linkage (no sensitivity.json)");
  return made;
}

}  // namespace uncounted
