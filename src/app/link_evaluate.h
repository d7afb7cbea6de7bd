// `uncounted evaluate` as a use case: how well CLUSTERS.csv matches a truth
// column of the record files (pairwise and cluster precision, recall, F1).
// The truth is read only here, never by `link`.
//
// Errors: unreadable files, the truth column absent, a cluster row with no
// matching record (or a record with no cluster row) — with file and line.
// Thread safety: pure function of the files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "link/evaluation.h"

namespace uncounted {

struct EvaluateOptions {
  std::string clusters_path;
  std::vector<std::string> record_files;
  std::optional<std::string> config_path;  // its record_id / source columns
  std::string truth_column;
};

Result<link::LinkEvaluation> evaluate_link(const EvaluateOptions& options);

std::string format_link_evaluation(const link::LinkEvaluation& evaluation);

}  // namespace uncounted
