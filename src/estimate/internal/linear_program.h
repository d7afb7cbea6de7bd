// A small dense linear-program solver for the estimate module's own needs
// (the existence test of log-linear MLEs: a few dozen constraints, at most a
// few thousand variables). Not a general-purpose LP library.
//
// Problem (standard form):
//     maximise  c'x   subject to   A x = b,   x >= 0.
// Method: two-phase tableau simplex. Phase 1 minimises the sum of one
// artificial variable per row; artificials left in the basis at zero are
// pivoted out or, when their row is a linear combination of the others, the
// row is dropped (so rank-deficient A is fine). Pricing is Dantzig's rule
// (most negative reduced cost) for speed; after a run of 50 degenerate
// pivots the phase switches for good to Bland's rule (smallest index
// enters; ratio ties leave by smallest basic index), which cannot cycle.
// This matters here: the existence LPs are highly degenerate (many zero
// cells).
//
// Numerics: entries smaller than `tolerance` (relative to the largest |b|,
// |A| and |c| entries, which the solver scales to 1) count as zero. Callers
// with wildly scaled data should rescale first.
//
// Thread safety: pure function.
#pragma once

#include <vector>

#include <Eigen/Dense>

namespace uncounted::internal {

enum class LpStatus {
  kOptimal,         // x is optimal
  kInfeasible,      // no x >= 0 with A x = b
  kUnbounded,       // c'x grows without bound on the feasible set
  kIterationLimit,  // gave up (should not happen: Bland's rule terminates)
};

const char* lp_status_name(LpStatus status);

struct LpSolution {
  LpStatus status = LpStatus::kIterationLimit;
  double objective = 0;   // c'x at x (meaningful only when kOptimal)
  Eigen::VectorXd x;      // a basic optimal solution (size = A.cols())
  int iterations = 0;     // simplex pivots in both phases
};

struct LpOptions {
  double tolerance = 1e-10;   // zero threshold on the scaled problem
  int max_iterations = 0;     // 0: 50 * (rows + columns) + 1000
};

// Solves maximise c'x s.t. A x = b, x >= 0. Preconditions (abort if
// violated, as they are programming errors): b.size() == A.rows(),
// c.size() == A.cols(), every entry finite.
LpSolution maximize(const Eigen::MatrixXd& a, const Eigen::VectorXd& b, const Eigen::VectorXd& c,
                    const LpOptions& options = {});

}  // namespace uncounted::internal
