// Private helpers shared by the log-linear estimators: the design matrix of a
// hierarchical model over the observable cells, Rcapture's asymptotic bias of
// N and its infoFit code. Not part of the public API.
//
// Row order: pattern 1, 2, ..., 2^k - 1 (the all-zero cell is not a row).
// Column order: intercept, main effect of list 0..k-1, then `terms` in order;
// each column is the 0/1 indicator that every list of the term is in the
// pattern, so exp(intercept) is the expected count of the all-zero cell.
#pragma once

#include <vector>

#include <Eigen/Dense>

#include "estimate/capture_table.h"
#include "estimate/poisson_glm.h"

namespace uncounted::internal {

Eigen::MatrixXd loglinear_design(int list_count, const std::vector<Pattern>& terms);

// Counts of the observable cells in row order.
Eigen::VectorXd observable_counts(const CaptureTable& table);

// Rcapture's (closedp.fitone) first-order asymptotic bias of n + exp(b0) for a
// Poisson fit whose first column is the intercept; NaN when some column is
// aliased (Rcapture reports NA then).
double rcapture_bias(const PoissonGlmFit& fit, const Eigen::MatrixXd& design);

// Rcapture's infoFit code (getInfo): 0 when the fit raised no warning; else
// the distinct digits among 1 (did not converge, or |bias| > 0.1 N),
// 2 (design not of full rank), 3 (another glm warning, here "fitted rates
// numerically 0"), concatenated in increasing order (e.g. 13).
int rcapture_info_fit(bool not_converged_or_biased, bool rank_deficient, bool other_warning);

}  // namespace uncounted::internal
