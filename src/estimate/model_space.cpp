#include "estimate/model_space.h"

#include <algorithm>
#include <string>

#include "estimate/capture_table.h"

namespace uncounted {
namespace {

struct Enumerator {
  int list_count = 0;
  std::vector<Pattern> terms;           // candidate interactions, by order then value
  std::vector<char> included;           // indexed by pattern
  std::vector<Pattern> chosen;
  std::vector<LoglinearModel> out;
  std::size_t limit = 0;
  bool overflow = false;

  // A term may enter only if every sub-term one order lower (of order >= 2)
  // is already in: that keeps the set hierarchical. Terms are visited by
  // increasing order, so those decisions are already made.
  bool allowed(Pattern term) const {
    if (capture_count(term) == 2) return true;
    for (Pattern rest = term; rest != 0; rest &= rest - 1) {
      const Pattern bit = rest & (~rest + 1);
      if (!included[term & ~bit]) return false;
    }
    return true;
  }

  void visit(std::size_t i) {
    if (overflow) return;
    if (i == terms.size()) {
      if (out.size() >= limit) {
        overflow = true;
        return;
      }
      auto model = LoglinearModel::from_generators(list_count, chosen);
      out.push_back(*model);  // generators are valid by construction
      return;
    }
    const Pattern t = terms[i];
    if (allowed(t)) {
      included[t] = 1;
      chosen.push_back(t);
      visit(i + 1);
      chosen.pop_back();
      included[t] = 0;
    }
    visit(i + 1);
  }
};

}  // namespace

Result<std::vector<LoglinearModel>> hierarchical_models(int list_count, int max_order,
                                                        std::size_t limit) {
  if (list_count < 2 || list_count > CaptureTable::kMaxLists)
    return fail("a model space needs between 2 and " + std::to_string(CaptureTable::kMaxLists) +
                " lists, got " + std::to_string(list_count));
  if (max_order < 1 || max_order > list_count - 1)
    return fail("the highest interaction order must be between 1 and " +
                std::to_string(list_count - 1) + " for " + std::to_string(list_count) +
                " lists, got " + std::to_string(max_order));
  Enumerator e;
  e.list_count = list_count;
  e.limit = limit;
  e.included.assign(std::size_t{1} << list_count, 0);
  for (Pattern p = 1; p < (Pattern{1} << list_count); ++p) {
    const int order = capture_count(p);
    if (order >= 2 && order <= max_order) e.terms.push_back(p);
  }
  std::stable_sort(e.terms.begin(), e.terms.end(),
                   [](Pattern a, Pattern b) { return capture_count(a) < capture_count(b); });
  e.visit(0);
  if (e.overflow)
    return fail("more than " + std::to_string(limit) + " hierarchical models on " +
                std::to_string(list_count) + " lists up to order " + std::to_string(max_order) +
                "; use a stepwise search or a lower order");
  return std::move(e.out);
}

Result<std::vector<LoglinearModel>> default_model_space(int list_count) {
  if (list_count < 2 || list_count > 5)
    return fail("every-model search covers 2 to 5 lists, got " + std::to_string(list_count) +
                "; use the stepwise search");
  return hierarchical_models(list_count, list_count <= 4 ? list_count - 1 : 2);
}

}  // namespace uncounted
