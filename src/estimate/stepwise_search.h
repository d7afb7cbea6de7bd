// SparseMSE's stepwise model choice (Chan, Silverman & Vincent 2021; R
// package SparseMSE 2.0.1, estimatepopulation.0 with method = "stepwise"),
// reimplemented from its documented algorithm:
//
//  1. Fit the main-effects model.
//  2. For every pair of lists {i, j} not yet in the model, let n* be the
//     number of people seen by both (whatever else they are on) and
//     lambda* the sum of the current fit's expected counts over the cells
//     containing both. Its p-value is min(P(X <= n*), P(X >= n*)) for
//     X ~ Poisson(lambda*) (two one-sided tails, not doubled).
//  3. A pair whose addition gives a model that fails the existence /
//     identifiability test is not eligible. Among eligible pairs take the
//     smallest p-value; ties go to the first pair in the order
//     (1,2), (1,3), ..., (1,k), (2,3), ... . If it is below the threshold
//     (default 0.02), add it, refit, and repeat; otherwise stop.
//
// Empty overlaps ("extended MLE"): a pair in the model whose lists have no
// one in common has interaction -infinity; as in SparseMSE the cells
// containing both lists are left out of the fit and the existence test, the
// pair's parameter is dropped, and the AIC is increased by 2 per such pair.
//
// The interval is the model-conditional lognormal one (lognormal_interval.h)
// from the intercept's standard error: it ignores the selection step.
//
// Differences from SparseMSE (deliberate): eligibility is tested only for
// the candidates that could win (by increasing p-value, stopping at the
// first eligible one below the threshold) — the chosen pair is the same;
// the LP test counts an optimum s* <= 1e-9 n as zero where SparseMSE tests
// lpSolve's objective for exact equality with 0; SparseMSE's special case
// pthresh == 1 (fit all pairs at once when that model passes) is not
// reproduced; a main-effects model whose MLE does not exist is an error
// here, where SparseMSE reports its (divergent) number.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "estimate/capture_table.h"
#include "estimate/loglinear_model.h"
#include "estimate/lognormal_interval.h"
#include "estimate/mle_existence.h"

namespace uncounted {

// A log-linear model fitted as SparseMSE's modelfit does (see above).
struct SparseMseFit {
  LoglinearModel model;
  // Interactions of the model whose lists have no one in common; the cells
  // containing them are not in the fit.
  std::vector<Pattern> empty_overlaps;
  bool converged = false;
  int iterations = 0;
  int rank = 0;                // estimated parameters, intercept included
  double intercept = 0;        // log of the expected unobserved count
  double intercept_se = 0;     // from the inverse Fisher information
  double unobserved = 0;       // exp(intercept)
  double n_hat = 0;            // observed + unobserved
  double deviance = 0;
  double aic = 0;              // R's glm AIC + 2 per empty overlap (SparseMSE)
  // Expected count per pattern (size 2^k); fitted[0] = unobserved; 0 for
  // cells left out because of an empty overlap.
  std::vector<double> fitted;
};

// SparseMSE's checkident: existence and identifiability of the extended MLE
// of `model` (cells of empty-overlap interactions left out, see above). A
// model for another number of lists fails with a reason.
MleExistence check_sparse_mse_model(const CaptureTable& table, const LoglinearModel& model);

// Fits `model` (any hierarchical model; SparseMSE itself has two-list terms
// only) after checking that its extended MLE exists and is identifiable.
// Errors: a model for another number of lists; a failed check (the message
// says why); a fit that breaks down numerically.
Result<SparseMseFit> fit_sparse_mse_model(const CaptureTable& table, const LoglinearModel& model);

// One pair considered at one step of the search.
struct StepwiseCandidate {
  Pattern pair = 0;                // two lists
  std::int64_t observed_overlap = 0;   // n*
  double expected_overlap = 0;     // lambda* under the current model
  double p_value = 1;              // min(P(X <= n*), P(X >= n*))
  // Eligibility is tested only for candidates that could be chosen;
  // `checked` says whether it was, `eligible` and `reason` give the answer.
  bool checked = false;
  bool eligible = false;
  std::string reason;              // why adding it fails the existence check
};

struct StepwiseStep {
  std::vector<StepwiseCandidate> candidates;  // pairs not in the model, in pair order
  Pattern added = 0;                          // 0 when the search stopped here
  double p_value = 1;                         // of the added pair
};

struct StepwiseOptions {
  double p_threshold = 0.02;  // SparseMSE's pthresh
  double level = 0.95;        // of the lognormal interval
};

struct StepwiseResult {
  SparseMseFit fit;                 // the chosen model's fit
  std::vector<Pattern> pairs;       // added pairs, in the order added
  std::vector<StepwiseStep> steps;  // every step, the last one the stop
  LognormalInterval interval;       // model-conditional lognormal interval
};

// Runs the stepwise search. Errors: p_threshold outside [0, 1], level
// outside (0, 1), a main-effects model whose MLE does not exist (e.g. two
// lists with no one in common: N is unbounded), a fit that breaks down.
Result<StepwiseResult> sparse_mse_stepwise(const CaptureTable& table,
                                           const StepwiseOptions& options = {});

// SparseMSE's name of a pair of lists, "A:B" (list order of the table).
std::string sparse_mse_pair_name(const CaptureTable& table, Pattern pair);

// min(P(X <= observed), P(X >= observed)) for X ~ Poisson(mean); mean >= 0.
double poisson_two_tail_min(std::int64_t observed, double mean);

}  // namespace uncounted
