// Convergence diagnostics for MCMC draws of one scalar (e.g. N).
//
// Method: Vehtari, Gelman, Simpson, Carpenter & Burkner (2021), "Rank-
// normalization, folding, and localization: an improved R-hat for assessing
// convergence of MCMC", Bayesian Analysis 16:667-718. Each chain is split in
// halves (the middle draw of an odd-length chain is dropped); the pooled
// draws are rank-normalised (average ranks for ties, which matter for an
// integer quantity like N; z = Phi^-1((r - 3/8) / (S + 1/4))).
//   * split_rhat: max of the rank-normalised split R-hat and the same on the
//     folded draws |x - median| (detects differences in location and scale).
//   * bulk_ess: effective sample size of the rank-normalised split chains,
//     with autocorrelations combined across chains and Geyer's initial
//     monotone sequence estimator.
//   * classic_split_rhat: Gelman et al. (BDA3) split R-hat on the raw draws.
//
// Contract: `chains` holds one vector of draws per chain, all the same length.
// Fewer than 4 draws per chain, unequal lengths or no chains give NaN; so do
// draws that are all equal (a constant has no defined R-hat) for R-hat, while
// bulk_ess of a constant is NaN too. Pure functions; thread-safe.
#pragma once

#include <vector>

namespace uncounted {

double split_rhat(const std::vector<std::vector<double>>& chains);
double bulk_ess(const std::vector<std::vector<double>>& chains);
double classic_split_rhat(const std::vector<std::vector<double>>& chains);

}  // namespace uncounted
