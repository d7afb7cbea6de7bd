#include "app/report_estimates.h"

#include <algorithm>
#include <charconv>
#include <optional>

namespace uncounted {
namespace {

constexpr std::size_t kMaxOverlapLists = 16;

report::StratumEstimates convert(const TableEstimate& t) {
  report::StratumEstimates s;
  s.label = t.stratum;
  s.documented = t.observed;
  for (const auto& e : t.estimates) s.estimates.push_back(estimate_row(e));
  for (const auto& m : t.models_compared) s.models_compared.push_back({m.model, m.n_hat, m.aic, m.bic, m.deviance, m.df});
  s.models_considered = t.models_considered;
  s.models_without_mle = t.models_without_mle;
  s.models_unreliable = t.models_unreliable;
  s.warnings = t.warnings;
  return s;
}

// The first year of a period label ("2005-2011" or "2006").
std::optional<int> period_start(const std::string& label) {
  int year = 0;
  auto [end, ec] = std::from_chars(label.data(), label.data() + label.size(), year);
  if (ec != std::errc() || (end != label.data() + label.size() && *end != '-')) return std::nullopt;
  return year;
}

}  // namespace

report::EstimatesSection report_estimates(const EstimateReport& estimate) {
  report::EstimatesSection section;
  section.total = convert(estimate.total);
  for (const auto& s : estimate.strata) section.strata.push_back(convert(s));
  // Periods in time order when every label is one; others keep the file's order.
  // Periods in time order, then any other label (e.g. "unknown") as it came.
  const bool any_period = std::any_of(section.strata.begin(), section.strata.end(),
                                      [](const auto& s) { return period_start(s.label).has_value(); });
  if (any_period)
    std::stable_sort(section.strata.begin(), section.strata.end(), [](const auto& a, const auto& b) {
      const auto pa = period_start(a.label), pb = period_start(b.label);
      if (pa && pb) return *pa < *pb;
      return pa.has_value() && !pb.has_value();
    });
  return section;
}

Result<report::OverlapSection> report_overlap(const CaptureHistoriesFile& histories) {
  if (histories.lists.size() > kMaxOverlapLists)
    return fail("the capture histories have " + std::to_string(histories.lists.size()) +
                " lists; the report draws the overlap of at most " + std::to_string(kMaxOverlapLists));
  report::OverlapSection section;
  section.lists = histories.lists;
  section.pattern_counts = histories.total.counts;
  section.pattern_counts.resize(std::size_t{1} << histories.lists.size(), 0);
  return section;
}

report::EstimateRow estimate_row(const MethodEstimate& e) {
  return {e.method, e.model, e.criterion, e.n_hat, e.lower, e.upper, e.level, e.interval, e.recommended, e.reason};
}

}  // namespace uncounted
