// The report's estimate sections, from what `estimate` produced: the
// totals per stratum with their estimates (from an EstimateReport, in
// memory or read back by read_estimate_json), and the overlap of the lists
// (from the capture histories the estimate ran on).
//
// Thread safety: pure functions.
#pragma once

#include "app/population_estimate.h"
#include "base/result.h"
#include "io/capture_histories_csv.h"
#include "report/report_data.h"

namespace uncounted {

// Strata that are periods ("2005-2009", "2006") are put in time order,
// followed by any others ("unknown") in their own order.
report::EstimatesSection report_estimates(const EstimateReport& estimate);

// One estimate as the report shows it.
report::EstimateRow estimate_row(const MethodEstimate& estimate);

// The whole file's pattern counts. Error: more than 16 lists (too many
// patterns to draw).
Result<report::OverlapSection> report_overlap(const CaptureHistoriesFile& histories);

}  // namespace uncounted
