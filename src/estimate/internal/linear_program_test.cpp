#include "estimate/internal/linear_program.h"

#include <gtest/gtest.h>

namespace uncounted::internal {
namespace {

Eigen::MatrixXd mat(int rows, int cols, std::initializer_list<double> values) {
  Eigen::MatrixXd m(rows, cols);
  auto it = values.begin();
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) m(r, c) = *it++;
  return m;
}

Eigen::VectorXd vec(std::initializer_list<double> values) {
  Eigen::VectorXd v(static_cast<Eigen::Index>(values.size()));
  Eigen::Index i = 0;
  for (double x : values) v(i++) = x;
  return v;
}

TEST(LinearProgram, TextbookMaximumWithSlacks) {
  // max 3x + 5y s.t. x <= 4, 2y <= 12, 3x + 2y <= 18: optimum 36 at (2, 6).
  const Eigen::MatrixXd a = mat(3, 5, {1, 0, 1, 0, 0,  //
                                       0, 2, 0, 1, 0,  //
                                       3, 2, 0, 0, 1});
  const LpSolution s = maximize(a, vec({4, 12, 18}), vec({3, 5, 0, 0, 0}));
  ASSERT_EQ(s.status, LpStatus::kOptimal);
  EXPECT_NEAR(s.objective, 36.0, 1e-9);
  EXPECT_NEAR(s.x(0), 2.0, 1e-9);
  EXPECT_NEAR(s.x(1), 6.0, 1e-9);
  EXPECT_NEAR(s.x(2), 2.0, 1e-9);
}

TEST(LinearProgram, EqualityConstraintsNeedPhaseOne) {
  // max x1 + x2 s.t. x1 + x3 = 4, x2 + x4 = 3: 7.
  const Eigen::MatrixXd a = mat(2, 4, {1, 0, 1, 0,  //
                                       0, 1, 0, 1});
  const LpSolution s = maximize(a, vec({4, 3}), vec({1, 1, 0, 0}));
  ASSERT_EQ(s.status, LpStatus::kOptimal);
  EXPECT_NEAR(s.objective, 7.0, 1e-9);
}

TEST(LinearProgram, NegativeRightHandSideIsFlipped) {
  // max -x1 s.t. x1 - x2 = -2: x2 = x1 + 2, best x1 = 0.
  const LpSolution s = maximize(mat(1, 2, {1, -1}), vec({-2}), vec({-1, 0}));
  ASSERT_EQ(s.status, LpStatus::kOptimal);
  EXPECT_NEAR(s.objective, 0.0, 1e-12);
  EXPECT_NEAR(s.x(1), 2.0, 1e-9);
}

TEST(LinearProgram, Infeasible) {
  // x1 + x2 = -1 with x >= 0 has no solution.
  const LpSolution s = maximize(mat(1, 2, {1, 1}), vec({-1}), vec({1, 0}));
  EXPECT_EQ(s.status, LpStatus::kInfeasible);
  // Two contradictory equalities.
  const LpSolution t = maximize(mat(2, 2, {1, 1, 1, 1}), vec({1, 2}), vec({1, 0}));
  EXPECT_EQ(t.status, LpStatus::kInfeasible);
}

TEST(LinearProgram, Unbounded) {
  // max x1 s.t. x1 - x2 = 1.
  const LpSolution s = maximize(mat(1, 2, {1, -1}), vec({1}), vec({1, 0}));
  EXPECT_EQ(s.status, LpStatus::kUnbounded);
}

TEST(LinearProgram, RedundantRowsAreDropped) {
  // Row 2 = 2 x row 1; row 3 = row 1 + row 4 ... rank 2 of 3.
  const Eigen::MatrixXd a = mat(3, 3, {1, 1, 0,  //
                                       2, 2, 0,  //
                                       1, 1, 1});
  const LpSolution s = maximize(a, vec({2, 4, 5}), vec({1, 0, 0}));
  ASSERT_EQ(s.status, LpStatus::kOptimal);
  EXPECT_NEAR(s.objective, 2.0, 1e-9);
  EXPECT_NEAR(s.x(2), 3.0, 1e-9);
}

TEST(LinearProgram, BealeCyclingExampleTerminates) {
  // Beale (1955): cycles under Dantzig's rule with naive tie-breaking.
  // min -3/4 x4 + 150 x5 - 1/50 x6 + 6 x7 with slacks x1..x3; optimum -1/20.
  const Eigen::MatrixXd a = mat(3, 7, {1, 0, 0, 0.25, -60, -1.0 / 25, 9,  //
                                       0, 1, 0, 0.5, -90, -1.0 / 50, 3,   //
                                       0, 0, 1, 0, 0, 1, 0});
  const LpSolution s = maximize(a, vec({0, 0, 1}), -vec({0, 0, 0, -0.75, 150, -0.02, 6}));
  ASSERT_EQ(s.status, LpStatus::kOptimal);
  EXPECT_NEAR(s.objective, 0.05, 1e-9);
  EXPECT_NEAR(s.x(3), 0.04, 1e-9);
  EXPECT_NEAR(s.x(5), 1.0, 1e-9);
}

TEST(LinearProgram, DegenerateZeroOptimum) {
  // max s s.t. z1 + s = 0 (z1 forced to 0): s = 0.
  const LpSolution s = maximize(mat(1, 2, {1, 1}), vec({0}), vec({0, 1}));
  ASSERT_EQ(s.status, LpStatus::kOptimal);
  EXPECT_EQ(s.objective, 0.0);
}

TEST(LinearProgram, ScaleInvariance) {
  // The same problem with data scaled by 1e6 gives the same solution scaled.
  const Eigen::MatrixXd a = mat(2, 4, {1, 0, 1, 0,  //
                                       0, 1, 0, 1});
  const LpSolution s = maximize(a, vec({4e6, 3e6}), vec({1, 1, 0, 0}));
  ASSERT_EQ(s.status, LpStatus::kOptimal);
  EXPECT_NEAR(s.objective, 7e6, 1e-3);
}

}  // namespace
}  // namespace uncounted::internal
