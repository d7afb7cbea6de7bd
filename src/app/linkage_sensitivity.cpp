#include "app/linkage_sensitivity.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <string>

#include "app/report_estimates.h"
#include "link/linker.h"

namespace uncounted {
namespace {

constexpr std::size_t kMaxLists = 20;  // as capture_histories_csv.h

std::string threshold_text(double t) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", t);
  return buffer;
}

double probability_of_weight(double weight) { return 1.0 / (1.0 + std::exp2(-weight)); }

}  // namespace

std::vector<double> default_sensitivity_thresholds(double run_threshold, double review_floor) {
  const double weight = std::log2(run_threshold / (1 - run_threshold));
  std::vector<double> out;
  for (double shift : {-4.0, -2.0, 0.0, 2.0, 4.0}) {
    const double t = shift == 0 ? run_threshold : probability_of_weight(weight + shift);
    if (shift != 0 && (t < review_floor || t <= 0 || t >= 1)) continue;
    out.push_back(t);
  }
  return out;
}

Result<report::LinkageSensitivity> linkage_sensitivity(const link::RecordTable& table, const link::LinkSpec& spec,
                                                       const link::LinkResources& resources,
                                                       const std::vector<double>& thresholds,
                                                       const EstimateOptions& estimate_options,
                                                       const std::vector<link::ClericalDecision>& decisions,
                                                       const SensitivityProgress& progress) {
  if (thresholds.empty()) return fail("linkage sensitivity: no thresholds given");
  for (double t : thresholds) {
    if (!(t > 0 && t < 1))
      return fail("linkage sensitivity: threshold " + threshold_text(t) +
                  " is not a match probability strictly between 0 and 1");
    if (t < spec.review_floor)
      return fail("linkage sensitivity: threshold " + threshold_text(t) + " is below the review floor " +
                  threshold_text(spec.review_floor) + " (pairs under it are not kept, so it would act as the floor)");
  }
  if (table.lists.size() > kMaxLists)
    return fail("linkage sensitivity: " + std::to_string(table.lists.size()) + " lists; at most " +
                std::to_string(kMaxLists) + " are supported");
  for (std::uint32_t l : table.list_of)
    if (l >= table.lists.size()) return fail("linkage sensitivity: a record's list is not in the table's lists");
  std::vector<double> sorted = thresholds;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());

  report::LinkageSensitivity out;
  out.run_threshold = spec.threshold;
  out.seed = estimate_options.seed;
  const std::size_t patterns = std::size_t{1} << table.lists.size();
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    link::LinkSpec at = spec;
    at.threshold = sorted[i];
    auto linked = link::link_records(table, at, resources, decisions);
    if (!linked) return tl::unexpected(linked.error());

    // Capture histories: per entity, the bit of every list one of its records is on.
    std::vector<std::uint32_t> pattern_of(linked->summary.entities, 0);
    for (std::size_t r = 0; r < table.size(); ++r)
      pattern_of[linked->cluster_of[r]] |= std::uint32_t{1} << table.list_of[r];
    CaptureHistoriesFile histories;
    histories.lists = table.lists;
    histories.aggregated = true;
    histories.total.counts.assign(patterns, 0);
    for (std::uint32_t p : pattern_of) histories.total.counts[p] += 1;

    auto estimate = estimate_population(histories, estimate_options);
    if (!estimate) return tl::unexpected(estimate.error());

    report::SensitivityRow row;
    row.threshold = sorted[i];
    row.entities = static_cast<std::int64_t>(linked->summary.entities);
    row.documented = estimate->total.observed;
    for (const auto& e : estimate->total.estimates) row.estimates.push_back(estimate_row(e));
    out.rows.push_back(std::move(row));
    if (progress) progress(i + 1, sorted.size());
  }
  return out;
}

}  // namespace uncounted
