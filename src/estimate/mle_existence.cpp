#include "estimate/mle_existence.h"

#include <algorithm>
#include <string>

#include "estimate/internal/linear_program.h"
#include "estimate/internal/mle_existence_detail.h"

namespace uncounted {
namespace internal {

namespace {

bool contains_lists(Pattern cell, Pattern lists) { return (cell & lists) == lists; }

std::vector<Pattern> base_columns(int list_count) {
  std::vector<Pattern> columns{0};
  for (int j = 0; j < list_count; ++j) columns.push_back(Pattern{1} << j);
  return columns;
}

// X'y / n over the design's cells.
Eigen::VectorXd scaled_margins(const CaptureTable& table, const CellDesign& design,
                               const Eigen::MatrixXd& x) {
  Eigen::VectorXd y(static_cast<Eigen::Index>(design.cells.size()));
  for (std::size_t i = 0; i < design.cells.size(); ++i)
    y(static_cast<Eigen::Index>(i)) = static_cast<double>(table.count(design.cells[i]));
  const double n = std::max(1.0, y.sum());
  return x.transpose() * (y / n);
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

}  // namespace

std::string lists_name(const CaptureTable& table, Pattern lists, const char* separator) {
  std::vector<std::string> names;
  for (int j = 0; j < table.list_count(); ++j)
    if (lists >> j & 1) names.push_back(table.lists()[static_cast<std::size_t>(j)]);
  return join(names, separator);
}

CellDesign full_design(const LoglinearModel& model) {
  CellDesign design;
  const Pattern cells = Pattern{1} << model.list_count();
  for (Pattern p = 1; p < cells; ++p) design.cells.push_back(p);
  design.columns = base_columns(model.list_count());
  for (Pattern term : model.terms()) design.columns.push_back(term);
  return design;
}

CellDesign extended_design(const CaptureTable& table, const LoglinearModel& model,
                           std::vector<Pattern>* empty_terms) {
  std::vector<Pattern> empty;
  const std::vector<Pattern> terms = model.terms();
  for (Pattern term : terms)
    if (table.overlap(term) == 0) {
      // A term containing a smaller empty term is implied; keep the minimal ones.
      const bool implied = std::any_of(empty.begin(), empty.end(), [term](Pattern e) {
        return contains_lists(term, e);
      });
      if (!implied) empty.push_back(term);
    }
  auto hits_empty = [&empty](Pattern p) {
    return std::any_of(empty.begin(), empty.end(),
                       [p](Pattern e) { return contains_lists(p, e); });
  };
  CellDesign design;
  const Pattern cells = table.cell_count();
  for (Pattern p = 1; p < cells; ++p)
    if (!hits_empty(p)) design.cells.push_back(p);
  design.columns = base_columns(model.list_count());
  for (Pattern term : terms)
    if (!hits_empty(term)) design.columns.push_back(term);
  if (empty_terms != nullptr) *empty_terms = empty;
  return design;
}

Eigen::MatrixXd design_matrix(const CellDesign& design) {
  Eigen::MatrixXd x(static_cast<Eigen::Index>(design.cells.size()),
                    static_cast<Eigen::Index>(design.columns.size()));
  for (std::size_t i = 0; i < design.cells.size(); ++i)
    for (std::size_t c = 0; c < design.columns.size(); ++c)
      x(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(c)) =
          contains_lists(design.cells[i], design.columns[c]) ? 1.0 : 0.0;
  return x;
}

int design_rank(const Eigen::MatrixXd& x) {
  if (x.size() == 0) return 0;
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(x);
  return static_cast<int>(qr.rank());
}

double existence_lp_optimum(const CaptureTable& table, const CellDesign& design,
                            const Eigen::MatrixXd& x) {
  // z = w + s 1 with w >= 0, s >= 0:  X'w + (X'1) s = X'y/n;  maximise s.
  const Eigen::Index cells = x.rows();
  const Eigen::Index params = x.cols();
  if (cells == 0) return 0.0;
  Eigen::MatrixXd a(params, cells + 1);
  a.leftCols(cells) = x.transpose();
  a.col(cells) = x.transpose() * Eigen::VectorXd::Ones(cells);
  Eigen::VectorXd c = Eigen::VectorXd::Zero(cells + 1);
  c(cells) = 1.0;
  const LpSolution solution = maximize(a, scaled_margins(table, design, x), c);
  // z = y/n is always feasible (s = 0), and s <= 1/cells: anything but
  // optimal is a solver failure, treated as "no strictly positive fit".
  if (solution.status != LpStatus::kOptimal) return 0.0;
  return solution.objective;
}

std::vector<Pattern> forced_zero_cells(const CaptureTable& table, const CellDesign& design,
                                       const Eigen::MatrixXd& x) {
  std::vector<Pattern> forced;
  const Eigen::VectorXd t = scaled_margins(table, design, x);
  const Eigen::MatrixXd a = x.transpose();
  for (std::size_t i = 0; i < design.cells.size(); ++i) {
    if (table.count(design.cells[i]) > 0) continue;  // y itself is positive there
    Eigen::VectorXd c = Eigen::VectorXd::Zero(x.rows());
    c(static_cast<Eigen::Index>(i)) = 1.0;
    const LpSolution solution = maximize(a, t, c);
    if (solution.status != LpStatus::kOptimal || solution.objective <= kExistenceTolerance)
      forced.push_back(design.cells[i]);
  }
  return forced;
}

MleExistence check_design(const CaptureTable& table, const CellDesign& design, bool explain) {
  MleExistence out;
  const Eigen::MatrixXd x = design_matrix(design);
  const int rank = design_rank(x);
  const int params = static_cast<int>(design.columns.size());
  out.identifiable = rank == params;
  // Every cell positive: z = y has s = min y > 0, no LP needed.
  const bool all_positive = std::all_of(design.cells.begin(), design.cells.end(),
                                        [&table](Pattern cell) { return table.count(cell) > 0; });
  out.exists = all_positive || existence_lp_optimum(table, design, x) > kExistenceTolerance;
  if (out.ok()) return out;

  std::vector<std::string> reasons;
  if (!out.exists) {
    if (!explain) {
      reasons.push_back("the MLE does not exist (the fitted counts of some patterns would be zero)");
    } else {
      // An interaction whose lists have no one in common is the plainest
      // cause; name the minimal such sets (AC empty implies ABC empty).
      std::vector<Pattern> empty_terms;
      for (Pattern column : design.columns) {
        if (capture_count(column) < 2) continue;
        std::int64_t overlap = 0;
        for (Pattern cell : design.cells)
          if (contains_lists(cell, column)) overlap += table.count(cell);
        const bool implied = std::any_of(empty_terms.begin(), empty_terms.end(),
                                         [column](Pattern e) { return contains_lists(column, e); });
        if (overlap == 0 && !implied) empty_terms.push_back(column);
      }
      if (!empty_terms.empty()) {
        std::vector<std::string> pairs;
        std::vector<std::string> higher;
        for (Pattern term : empty_terms) {
          if (capture_count(term) == 2)
            pairs.push_back(lists_name(table, term, " and "));
          else
            higher.push_back("no one is on all of lists " + lists_name(table, term, ", "));
        }
        std::vector<std::string> parts;
        if (pairs.size() == 1) parts.push_back("lists " + pairs[0] + " have no one in common");
        if (pairs.size() > 1)
          parts.push_back("these pairs of lists have no one in common: " + join(pairs, "; "));
        parts.insert(parts.end(), higher.begin(), higher.end());
        reasons.push_back("the MLE does not exist: " + join(parts, "; ") +
                          " (the interaction of an empty overlap is minus infinity)");
      } else {
        std::vector<std::string> patterns;
        const std::vector<Pattern> forced = forced_zero_cells(table, design, x);
        constexpr std::size_t kShown = 6;
        for (std::size_t i = 0; i < forced.size() && i < kShown; ++i)
          patterns.push_back("{" + lists_name(table, forced[i], ",") + "}");
        if (forced.size() > kShown)
          patterns.push_back("and " + std::to_string(forced.size() - kShown) + " more");
        if (patterns.empty()) {
          reasons.push_back(
              "the MLE does not exist: the linear-programming test finds no fit with every "
              "expected count positive");
        } else {
          reasons.push_back("the MLE does not exist: under this model the observed margins force "
                            "the expected count of " +
                            std::string(forced.size() == 1 ? "pattern " : "patterns ") +
                            join(patterns, ", ") +
                            " to zero (some parameters are infinite, so the fitted number unobserved means "
                            "nothing)");
        }
      }
    }
  }
  if (!out.identifiable) {
    reasons.push_back("the model is not identifiable: it has " + std::to_string(params) +
                      " parameters but the " + std::to_string(design.cells.size()) +
                      " observable cells determine only " + std::to_string(rank));
  }
  out.reason = join(reasons, "; ");
  return out;
}

}  // namespace internal

MleExistence check_mle_existence(const CaptureTable& table, const LoglinearModel& model) {
  if (model.list_count() != table.list_count()) {
    MleExistence out;
    out.reason = "the model is for " + std::to_string(model.list_count()) +
                 " lists but the table has " + std::to_string(table.list_count());
    return out;
  }
  return internal::check_design(table, internal::full_design(model), /*explain=*/true);
}

}  // namespace uncounted
