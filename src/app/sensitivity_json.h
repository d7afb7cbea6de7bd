// sensitivity.json: the linkage sensitivity (linkage_sensitivity.h) as a
// file, so that `uncounted report --from DIR` can show it from an earlier
// run. Shape:
//
//   {"run_threshold": 0.5, "seed": 1,
//    "rows": [{"threshold": 0.2, "entities": 950, "documented": 950,
//              "estimates": [{"method": "loglinear", "model": "[AB][C]",
//                             "criterion": "bic", "N": 1210.0,
//                             "lower": 1100.0, "upper": 1350.0 | null,
//                             "level": 0.95, "interval": "...",
//                             "recommended": true, "reason": "..."}]}]}
//
// Numbers and method names only; "upper" is null where the interval has no
// finite upper end; "seed" is left out when unknown. Numbers are written so
// that they read back exactly.
//
// The reader accepts what the writer writes; unknown keys are ignored, rows
// are put in ascending threshold order. Errors (naming the file and, for
// JSON syntax, the byte offset; never quoting the text): an unreadable
// file, invalid JSON, a missing or mistyped required key ("run_threshold",
// "rows" and per row "threshold", "entities", "estimates"; per estimate
// "method", "N", "lower"), a threshold outside (0, 1), a negative count.
// Thread safety: pure functions (read_sensitivity_json reads one file).
#pragma once

#include <string>

#include "base/result.h"
#include "report/report_data.h"

namespace uncounted {

std::string format_sensitivity_json(const report::LinkageSensitivity& sensitivity);

// From text already read; `file_name` is used in errors.
Result<report::LinkageSensitivity> parse_sensitivity_json(const std::string& text, const std::string& file_name);

Result<report::LinkageSensitivity> read_sensitivity_json(const std::string& path);

}  // namespace uncounted
