// `uncounted report STORE` (and the demo's report): the whole report from a
// case store's records and its latest link run, made in memory — nothing but
// the HTML file is written, and the store audits that it was (audience and
// the file's SHA-256).
//
// What it holds: documented and estimated totals, overall and per period of
// `period_years` (estimate_population with `estimate`), the overlap of the
// lists, events on a timeline and sentences by period (people counted once
// through the run's entities), the linkage summary (entity sizes, the
// match-weight histogram of the run's kept pairs), and — with
// `sensitivity` — the estimates re-made after re-linking at stricter and
// looser thresholds (app/linkage_sensitivity.h; the default configuration
// or `config_path`, with reviewers' decisions applied as in the run). The inputs
// listed are the store's file (its SHA-256) and the link run's number.
//
// Errors: an `out` that is the store, its journal or lock file, the
// passphrase file or the config (app/output_paths.h; checked before the
// store is opened); the store's; no link run yet; the estimation's, the linkage's
// (sensitivity) or an unwritable output.
// Thread safety: call from one thread; estimation and linkage use threads.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/population_estimate.h"
#include "app/store_access.h"
#include "base/result.h"
#include "report/audience.h"

namespace uncounted {

struct StoreReportRequest {
  StoreAccess access;
  std::string out;
  report::Audience audience = report::Audience::kPublic;
  bool synthetic = false;
  int period_years = 5;
  EstimateOptions estimate;
  bool sensitivity = true;
  std::optional<std::string> config_path;  // the link config the run used, if not the default
  std::string data_dir;                    // the shared data folder (for re-linking)
  std::function<void(std::string_view stage, double done)> progress;
};

struct StoreReportMade {
  std::int64_t run_id = 0;
  EstimateReport estimate;             // what the report shows (for a summary)
  std::vector<std::string> notices;    // records left out of the run, store notices
  std::vector<std::string> left_out;   // sections left out, and why
};

Result<StoreReportMade> make_store_report(const StoreReportRequest& request);

}  // namespace uncounted
