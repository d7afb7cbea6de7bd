// Documented versus estimated totals, one row per period (stratum) and one
// for the whole data: a bar for the people documented (a published count,
// suppression.h) and a dot with a horizontal whisker for the estimate and
// its interval. An interval with no finite upper limit, or one beyond the
// chart's scale, ends in an arrow at the right edge.
//
// Thread safety: pure function.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "report/suppression.h"

namespace uncounted::report {

struct IntervalEstimate {
  double n_hat = 0;
  double lower = 0;
  std::optional<double> upper;
  std::string method;  // shown in the tooltip
};

struct IntervalRow {
  std::string label;
  PublishedCount documented;
  std::optional<IntervalEstimate> estimate;
  bool emphasise = false;  // the total row
};

std::string interval_chart(const std::vector<IntervalRow>& rows, const std::string& title, double width = 760);

}  // namespace uncounted::report
