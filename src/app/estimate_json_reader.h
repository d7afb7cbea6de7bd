// Reading back what `uncounted estimate --format json` (and `demo`) wrote:
// estimate.json into an EstimateReport, so that a report can be made from
// an earlier run (`uncounted report --from DIR`).
//
// Accepts the shape written by format_estimate_json (estimate_output.h):
// the total's table at the top level, per-stratum tables under "strata",
// and "provenance" (uncounted version, seed, dependency versions). Unknown
// keys are ignored; method-specific numbers are not read back.
//
// Errors (naming the file and, for JSON syntax, the byte offset; never
// quoting the text): an unreadable file, invalid JSON, a missing or
// mistyped required key ("observed", "lists", "estimates" and, per
// estimate, "method", "N", "lower").
// Thread safety: pure function of the file.
#pragma once

#include <string>

#include "app/population_estimate.h"
#include "base/result.h"

namespace uncounted {

Result<EstimateReport> read_estimate_json(const std::string& path);

// The same, from text already read; `file_name` is used in errors.
Result<EstimateReport> parse_estimate_json(const std::string& text, const std::string& file_name);

}  // namespace uncounted
