// `uncounted estimate` as a use case: capture histories in, population
// estimates out, for the whole file and per stratum. Shared by the command
// line and later front ends (report, web).
//
// Contract: `estimate_population` runs the requested method families on the
// table of every stratum and on the total, and marks exactly one estimate per
// table as recommended, with the reason. A model whose maximum-likelihood
// estimate does not exist or is not identifiable is never reported as an
// estimate; the user is told why in `warnings`. Errors (returned as Error) are
// only those of the options (e.g. an unknown --model name); problems of one
// stratum (too few lists, no converging model) become warnings of that
// stratum and its `estimates` may then be empty.
//
// Thread safety: pure function of its arguments; LCMCR runs its chains on
// threads internally. The same options (seed included) give the same numbers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/result.h"
#include "io/capture_histories_csv.h"

namespace uncounted {

enum class EstimateMethod { kLoglinear, kLcmcr, kChao, kAll };
enum class SelectionCriterion { kBic, kAic, kStepwise };

struct EstimateOptions {
  EstimateMethod method = EstimateMethod::kAll;
  SelectionCriterion criterion = SelectionCriterion::kBic;
  // A log-linear model ("[12,3]" or "[AB][C]") or one of Rcapture's basic
  // models ("Mt", "Mth Chao (LB)", ...) to fit instead of selecting one.
  std::optional<std::string> model;
  double level = 0.95;
  std::uint64_t seed = 1;
  int samples = 1000;
  int burnin = 10000;
  int thin = 100;
  int classes = 10;
};

// One estimate of the total population N (observed + unobserved).
struct MethodEstimate {
  std::string method;     // "loglinear", "lcmcr" or "chao"
  std::string model;      // e.g. "[AB][C][D]", "Mth Chao (LB)", "latent classes (K=10)"
  std::string criterion;  // "bic", "aic", "stepwise", "given" or "" (not a selection)
  double n_hat = 0;       // point estimate (posterior median for lcmcr)
  double lower = 0;
  std::optional<double> upper;  // absent when the interval has no finite upper end
  double level = 0.95;
  std::string interval;   // how the interval was made, e.g. "profile likelihood"
  bool recommended = false;
  std::string reason;     // why recommended (empty otherwise)
  // Method-specific numbers shown to the user, in order (e.g. AIC, BIC,
  // deviance, df; R-hat, ESS, seed, samples).
  std::vector<std::pair<std::string, double>> details;
};

// One row of the comparison of log-linear models behind a selection.
struct ModelComparisonRow {
  std::string model;
  double n_hat = 0;
  double aic = 0;
  double bic = 0;
  double deviance = 0;
  int df = 0;
};

struct TableEstimate {
  std::string stratum;               // empty for the whole file
  std::int64_t observed = 0;
  std::vector<std::string> lists;
  std::vector<MethodEstimate> estimates;
  std::vector<ModelComparisonRow> models_compared;  // best first, at most 10
  std::size_t models_considered = 0;
  std::size_t models_without_mle = 0;  // excluded because the MLE does not exist
  std::size_t models_unreliable = 0;   // MLE exists, but the fit did not converge or Rcapture flags it
  std::vector<std::string> warnings;
};

struct EstimateReport {
  TableEstimate total;
  std::vector<TableEstimate> strata;  // empty without --stratum
  std::uint64_t seed = 0;
  std::string version;                                        // uncounted's
  std::vector<std::pair<std::string, std::string>> dependencies;  // library, version
};

Result<EstimateReport> estimate_population(const CaptureHistoriesFile& histories,
                                           const EstimateOptions& options);

}  // namespace uncounted
