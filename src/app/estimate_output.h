// Writing an EstimateReport for people and for programs.
//
//  * table: aligned text for a terminal: per table, the estimates side by
//    side (recommended one marked), the best log-linear models compared, and
//    the warnings;
//  * json: the shape of DESIGN.md section 4 — {"observed", "lists",
//    "estimates": [{"method", "model", "criterion", "N", "lower", "upper",
//    "level", "recommended", "reason", ...}], "warnings", "strata"?,
//    "provenance"} — with "upper": null where no finite upper end exists;
//  * csv: one row per estimate: stratum,method,model,criterion,N,lower,upper,
//    level,recommended.
//
// Thread safety: pure functions.
#pragma once

#include <string>

#include "app/population_estimate.h"

namespace uncounted {

std::string format_estimate_table(const EstimateReport& report);

// 12345.6 -> "12,346"; large or non-finite values in scientific notation.
std::string thousands(double value);
// "9,319 – 12,963", or "9,319 – no finite limit".
std::string interval_text(const MethodEstimate& estimate);
std::string format_estimate_json(const EstimateReport& report);
std::string format_estimate_csv(const EstimateReport& report);

}  // namespace uncounted
