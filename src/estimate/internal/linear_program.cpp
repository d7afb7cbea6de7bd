#include "estimate/internal/linear_program.h"

#include <cmath>
#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <limits>

namespace uncounted::internal {

const char* lp_status_name(LpStatus status) {
  switch (status) {
    case LpStatus::kOptimal: return "optimal";
    case LpStatus::kInfeasible: return "infeasible";
    case LpStatus::kUnbounded: return "unbounded";
    case LpStatus::kIterationLimit: return "iteration limit";
  }
  return "unknown";
}

namespace {

[[noreturn]] void die(const char* what) {
  std::fprintf(stderr, "uncounted: linear_program: %s\n", what);
  std::abort();
}

// Dense simplex tableau. Rows 0..m-1 are constraints, row m is the objective
// (reduced costs of a minimisation; entry (m, last) is minus the objective
// value). Columns 0..n-1 are structural variables, n..n+m-1 artificials, the
// last column the right-hand side.
class Tableau {
 public:
  Tableau(const Eigen::MatrixXd& a, const Eigen::VectorXd& b, double tol)
      : m_(static_cast<int>(a.rows())),
        n_(static_cast<int>(a.cols())),
        tol_(tol),
        t_(Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>::Zero(
            a.rows() + 1, a.cols() + a.rows() + 1)),
        basis_(static_cast<std::size_t>(a.rows())),
        active_(static_cast<std::size_t>(a.rows()), true) {
    for (int r = 0; r < m_; ++r) {
      const double sign = b(r) < 0 ? -1.0 : 1.0;
      t_.row(r).head(n_) = sign * a.row(r);
      t_(r, n_ + r) = 1.0;
      t_(r, rhs()) = sign * b(r);
      basis_[static_cast<std::size_t>(r)] = n_ + r;
    }
  }

  int rhs() const { return n_ + m_; }

  // Phase 1 objective: minimise the sum of artificials. Reduced costs of
  // structural columns are minus the column sums.
  void set_phase1_objective() {
    t_.row(m_).setZero();
    for (int r = 0; r < m_; ++r) {
      t_.row(m_).head(n_) -= t_.row(r).head(n_);
      t_(m_, rhs()) -= t_(r, rhs());
    }
  }

  // Phase 2 objective: minimise -c'x over structural columns, priced out
  // against the current basis (which holds no artificial in active rows).
  void set_phase2_objective(const Eigen::VectorXd& c) {
    t_.row(m_).setZero();
    t_.row(m_).head(n_) = -c.transpose();
    for (int r = 0; r < m_; ++r) {
      if (!active_[static_cast<std::size_t>(r)]) continue;
      const int j = basis_[static_cast<std::size_t>(r)];
      const double cost = t_(m_, j);
      if (cost != 0.0) t_.row(m_) -= cost * t_.row(r);
    }
  }

  // Runs simplex pivots over columns [0, limit). Pricing: Dantzig's rule
  // (most negative reduced cost, lowest index on ties), which needs few
  // pivots; after kDegenerateRun consecutive degenerate pivots the phase
  // switches to Bland's rule (lowest index enters) for good, which cannot
  // cycle. The leaving row is the minimum ratio, ties to the lowest basic
  // index (as Bland's rule requires).
  // Returns kOptimal, kUnbounded or kIterationLimit.
  LpStatus run(int limit, int max_iterations, int* iterations) {
    constexpr int kDegenerateRun = 50;
    bool bland = false;
    int degenerate_run = 0;
    while (true) {
      int enter = -1;
      double most_negative = -tol_;
      for (int j = 0; j < limit; ++j) {
        const double d = t_(m_, j);
        if (d < most_negative) {
          enter = j;
          if (bland) break;
          most_negative = d;
        }
      }
      if (enter < 0) return LpStatus::kOptimal;
      int leave = -1;
      double best = std::numeric_limits<double>::infinity();
      for (int r = 0; r < m_; ++r) {
        if (!active_[static_cast<std::size_t>(r)]) continue;
        const double pivot = t_(r, enter);
        if (pivot <= tol_) continue;
        const double ratio = t_(r, rhs()) / pivot;
        if (leave < 0 || ratio < best - tol_) {
          best = ratio;
          leave = r;
        } else if (ratio <= best + tol_ && basis_[static_cast<std::size_t>(r)] <
                                               basis_[static_cast<std::size_t>(leave)]) {
          best = std::min(best, ratio);  // a tie: smallest basic index leaves
          leave = r;
        }
      }
      if (leave < 0) return LpStatus::kUnbounded;
      if (*iterations >= max_iterations) return LpStatus::kIterationLimit;
      degenerate_run = best <= tol_ ? degenerate_run + 1 : 0;
      if (degenerate_run > kDegenerateRun) bland = true;
      pivot(leave, enter);
      ++*iterations;
    }
  }

  void pivot(int r, int j) {
    t_.row(r) /= t_(r, j);
    for (int i = 0; i <= m_; ++i) {
      if (i == r) continue;
      if (i < m_ && !active_[static_cast<std::size_t>(i)]) continue;
      const double factor = t_(i, j);
      if (factor != 0.0) t_.row(i).noalias() -= factor * t_.row(r);
    }
    // Clean exact zeros in the pivot column (rounding residue).
    for (int i = 0; i <= m_; ++i) t_(i, j) = (i == r) ? 1.0 : 0.0;
    // Keep right-hand sides non-negative against rounding.
    for (int i = 0; i < m_; ++i)
      if (t_(i, rhs()) < 0 && t_(i, rhs()) > -tol_) t_(i, rhs()) = 0;
    basis_[static_cast<std::size_t>(r)] = j;
  }

  // After phase 1: pivot every artificial still basic (at value ~0) out of
  // the basis, or drop its row when the row is redundant.
  void drive_out_artificials() {
    for (int r = 0; r < m_; ++r) {
      if (!active_[static_cast<std::size_t>(r)]) continue;
      if (basis_[static_cast<std::size_t>(r)] < n_) continue;
      int best = -1;
      double best_abs = tol_;
      for (int j = 0; j < n_; ++j) {
        const double v = std::abs(t_(r, j));
        if (v > best_abs) {
          best_abs = v;
          best = j;
        }
      }
      if (best >= 0) {
        pivot(r, best);
      } else {
        active_[static_cast<std::size_t>(r)] = false;  // linearly dependent row
      }
    }
  }

  double objective_value() const { return -t_(m_, rhs()); }

  Eigen::VectorXd solution() const {
    Eigen::VectorXd x = Eigen::VectorXd::Zero(n_);
    for (int r = 0; r < m_; ++r) {
      if (!active_[static_cast<std::size_t>(r)]) continue;
      const int j = basis_[static_cast<std::size_t>(r)];
      if (j < n_) x(j) = std::max(0.0, t_(r, rhs()));
    }
    return x;
  }

 private:
  int m_;
  int n_;
  double tol_;
  // Row-major: a pivot updates whole rows.
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> t_;
  std::vector<int> basis_;
  std::vector<bool> active_;
};

double max_abs(const Eigen::MatrixXd& m) { return m.size() == 0 ? 0.0 : m.cwiseAbs().maxCoeff(); }

}  // namespace

LpSolution maximize(const Eigen::MatrixXd& a, const Eigen::VectorXd& b, const Eigen::VectorXd& c,
                    const LpOptions& options) {
  if (b.size() != a.rows() || c.size() != a.cols()) die("dimension mismatch");
  if (!a.allFinite() || !b.allFinite() || !c.allFinite()) die("non-finite input");

  // Scale A, b and c to unit maximum so that one tolerance fits all.
  const double a_scale = max_abs(a) > 0 ? max_abs(a) : 1.0;
  const double b_scale = max_abs(b) > 0 ? max_abs(b) : 1.0;
  const double c_scale = max_abs(c) > 0 ? max_abs(c) : 1.0;
  const Eigen::MatrixXd as = a / a_scale;
  const Eigen::VectorXd bs = b / b_scale;
  const Eigen::VectorXd cs = c / c_scale;
  // Scaled problem: as x' = bs with x' = x * a_scale / b_scale.
  const double x_unscale = b_scale / a_scale;

  const int m = static_cast<int>(a.rows());
  const int n = static_cast<int>(a.cols());
  const int max_iterations =
      options.max_iterations > 0 ? options.max_iterations : 50 * (m + n) + 1000;

  LpSolution out;
  out.x = Eigen::VectorXd::Zero(n);
  Tableau tableau(as, bs, options.tolerance);

  tableau.set_phase1_objective();
  LpStatus status = tableau.run(n + m, max_iterations, &out.iterations);
  if (status == LpStatus::kIterationLimit) {
    out.status = status;
    return out;
  }
  // Phase 1 is bounded below by 0; "unbounded" cannot happen.
  if (tableau.objective_value() > options.tolerance * std::max(1, m)) {
    out.status = LpStatus::kInfeasible;
    return out;
  }
  tableau.drive_out_artificials();

  tableau.set_phase2_objective(cs);
  status = tableau.run(n, max_iterations, &out.iterations);
  out.status = status;
  if (status != LpStatus::kOptimal) return out;
  out.x = tableau.solution() * x_unscale;
  out.objective = c.dot(out.x);
  return out;
}

}  // namespace uncounted::internal
