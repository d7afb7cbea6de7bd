// Building blocks of the MLE existence / identifiability test, shared by
// check_mle_existence (every observable cell) and the SparseMSE stepwise
// search (which drops the cells of empty-overlap interactions: the
// "extended" MLE of Chan, Silverman & Vincent 2021).
//
// A design is a set of observable cells (non-zero patterns) and a set of
// columns; column c is the indicator "cell contains every list of c", so
// column 0 is the intercept and column (1 << j) the main effect of list j.
//
// Thread safety: pure functions.
#pragma once

#include <vector>

#include <Eigen/Dense>

#include "estimate/capture_table.h"
#include "estimate/loglinear_model.h"
#include "estimate/mle_existence.h"

namespace uncounted::internal {

struct CellDesign {
  std::vector<Pattern> cells;    // observable patterns in the fit, ascending
  std::vector<Pattern> columns;  // 0 (intercept), main effects, then interactions
};

// Every observable cell; intercept, main effects and model.terms().
CellDesign full_design(const LoglinearModel& model);

// SparseMSE's design: for every interaction of the model whose lists have
// no one in common in `table` (an "empty overlap"), the cells containing
// those lists are removed and the interaction (with every term containing
// it) is dropped from the columns. `empty_terms`, if given, receives the
// dropped empty-overlap interactions.
CellDesign extended_design(const CaptureTable& table, const LoglinearModel& model,
                           std::vector<Pattern>* empty_terms = nullptr);

// cells x columns 0/1 matrix.
Eigen::MatrixXd design_matrix(const CellDesign& design);

// Rank of the design (Eigen column-pivoting QR with its default threshold).
int design_rank(const Eigen::MatrixXd& x);

// Optimum s* of: maximise s s.t. X'z = X'y / n, z_i >= s, s >= 0 (counts
// scaled by the number observed n, so s* lies in [0, 1/cells]). The MLE
// exists iff s* > kExistenceTolerance.
double existence_lp_optimum(const CaptureTable& table, const CellDesign& design,
                            const Eigen::MatrixXd& x);
inline constexpr double kExistenceTolerance = 1e-9;

// Cells of `design` whose expected count every solution of X'z = X'y,
// z >= 0 sets to zero (the complement of the facial set). One small LP per
// zero cell: use only to explain a failure.
std::vector<Pattern> forced_zero_cells(const CaptureTable& table, const CellDesign& design,
                                       const Eigen::MatrixXd& x);

// The whole test on one design. With `explain`, a failed test comes with a
// sentence naming the cause; without, reason is a short generic sentence
// (cheap: one LP and one QR).
MleExistence check_design(const CaptureTable& table, const CellDesign& design, bool explain);

// "A & B" style name of a set of lists.
std::string lists_name(const CaptureTable& table, Pattern lists, const char* separator = " & ");

}  // namespace uncounted::internal
