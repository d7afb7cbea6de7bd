#include "report/suppression.h"

#include <cassert>
#include <cstdlib>

#include "base/number_text.h"

namespace uncounted::report {

std::string PublishedCount::text() const {
  switch (state) {
    case CellState::kShown:
      return group_thousands(value);
    case CellState::kSmall:
      return "<" + std::to_string(kSmallCellLimit);
    case CellState::kHidden:
      return "hidden";
  }
  std::abort();
}

bool is_small_cell(std::int64_t count) { return count > 0 && count < kSmallCellLimit; }

PublishedCount publish_count(std::int64_t count, Audience audience) {
  if (audience == Audience::kPublic && is_small_cell(count)) return {count, CellState::kSmall};
  return {count, CellState::kShown};
}

namespace {

// A margin is protected when its hidden cells cannot be told apart by
// subtraction: none hidden, or at least two hidden whose sum is not small.
bool margin_protected(const std::vector<std::size_t>& margin, const std::vector<PublishedCount>& cells) {
  int hidden = 0;
  std::int64_t hidden_sum = 0;
  for (std::size_t i : margin) {
    if (!cells[i].shown()) {
      ++hidden;
      hidden_sum += cells[i].value;
    }
  }
  return hidden == 0 || (hidden >= 2 && hidden_sum >= kSmallCellLimit);
}

}  // namespace

std::vector<PublishedCount> publish_cells(std::span<const std::int64_t> counts,
                                          std::span<const std::vector<std::size_t>> margins,
                                          Audience audience) {
  std::vector<PublishedCount> cells;
  cells.reserve(counts.size());
  for (std::int64_t c : counts) cells.push_back(publish_count(c, audience));
  if (audience != Audience::kPublic) return cells;

  // Each pass hides one more cell, so this ends after at most counts.size() passes.
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& margin : margins) {
      std::int64_t sum = 0;
      for (std::size_t i : margin) {
        assert(i < cells.size());
        sum += cells[i].value;
      }
      if (is_small_cell(sum) || margin_protected(margin, cells)) continue;
      // Hide the smallest shown non-zero cell of this margin.
      std::size_t best = cells.size();
      for (std::size_t i : margin)
        if (cells[i].shown() && cells[i].value > 0 && (best == cells.size() || cells[i].value < cells[best].value ||
                                                       (cells[i].value == cells[best].value && i < best)))
          best = i;
      if (best == cells.size()) continue;  // nothing left to hide: the margin is all hidden cells
      cells[best].state = CellState::kHidden;
      changed = true;
    }
  }
  return cells;
}

std::vector<PublishedCount> publish_cells_with_total(std::span<const std::int64_t> counts, Audience audience) {
  std::vector<std::size_t> all(counts.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  const std::vector<std::vector<std::size_t>> margins{all};
  return publish_cells(counts, margins, audience);
}

}  // namespace uncounted::report
