// `uncounted link` as a use case: record files (+ optional JSON config) in,
// CLUSTERS.csv (+ PAIRS.csv) out, and a summary of what was done: pairs per
// blocking rule, the fitted model, and the model's own estimate of its
// precision and recall.
//
// Contract: on success the output files are complete. Errors (as Error,
// naming file, line and column): an unreadable or invalid config or record
// file, a config column absent from a record file, a missing reference
// table, an output that is an input, the other output or a store
// (app/output_paths.h; checked before anything is read), an unwritable
// output. With count_pairs_only nothing is compared
// and no file is written.
// Thread safety: runs on `threads` threads; progress is reported from the
// calling thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/link_waterfall.h"
#include "base/result.h"
#include "link/linker.h"

namespace uncounted {

struct LinkRunOptions {
  std::optional<std::string> config_path;
  std::vector<std::string> inputs;
  std::optional<double> threshold;  // overrides the config's; outside (0, 1) (or NaN) an error
  bool explain = false;
  bool count_pairs_only = false;
  std::string clusters_path;
  std::optional<std::string> pairs_path;
  std::string data_dir;  // the shared data folder (korean/ tables)
  int threads = 0;
  link::LinkProgress progress;
};

struct LinkRunReport {
  std::size_t records = 0;
  std::size_t sources = 0;
  std::size_t lists = 0;
  std::vector<link::RulePairCount> blocking;
  bool counted_only = false;
  double threshold = 0.5;
  link::LinkModel model;
  link::LinkSummary summary;
  std::vector<PairWaterfall> waterfalls;  // with explain: the pairs nearest the threshold
};

Result<LinkRunReport> run_link(const LinkRunOptions& options);

// A readable summary (blocking counts, model, estimates) for the terminal.
std::string format_link_report(const LinkRunReport& report);

}  // namespace uncounted
