// `uncounted demo` as a use case: the whole pipeline on the shipped
// SYNTHETIC example (examples/sources, made by `uncounted simulate`):
//
//   new encrypted store in DIR → import each source file → link (in memory,
//   the run kept in the store) → capture histories by five-year period →
//   estimate (log-linear, latent-class, Chao) → report (DIR/report.html,
//   public, with the re-linking at stricter and looser thresholds)
//
// and the truth beside it: the example's truth/people.csv says how many
// people there were per period (column repatriation_period), which real
// data never says.
//
// DIR is made for the demo: a DIR holding a previous demo (its marker file
// .uncounted-demo) is reused — the old demo store and report are replaced —
// but a DIR holding anything else is refused. The store's passphrase is
// UNCOUNTED_PASSPHRASE if set, else the demo's own (kDemoPassphrase, printed:
// the data is synthetic); its Argon2id cost is lowered so the demo runs fast.
//
// Errors: the example folder lacking files, an unusable DIR (one holding
// other files, or the examples, their sources or the reference data folder:
// app/output_paths.h), and every
// stage's own errors (each names its file or stage).
// Thread safety: call from one thread (reading UNCOUNTED_PASSPHRASE wipes it).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "app/population_estimate.h"
#include "base/result.h"

namespace uncounted {

inline constexpr const char* kDemoPassphrase = "uncounted demo, synthetic data only";

struct DemoRequest {
  std::string examples_dir;  // holds sources/ (per-source CSV files and truth/)
  std::string out_dir;
  std::string data_dir;      // the shared data folder (korean/ tables)
  // A line about each stage as it starts ("importing ngo_reports.csv").
  std::function<void(std::string_view line)> say;
};

struct DemoResult {
  std::string store_path, report_path;
  bool demo_passphrase = false;  // the store uses kDemoPassphrase
  std::size_t records = 0, sources = 0, entities = 0;
  double estimated_precision = 0, estimated_recall = 0;  // the linkage model's own estimates
  EstimateReport estimate;                               // total and per period
  std::map<std::string, std::int64_t> true_totals;       // per period, and "" for all
  std::vector<std::string> notices;
};

Result<DemoResult> run_demo(const DemoRequest& request);

}  // namespace uncounted
