// Small-cell suppression: how counts of people are published.
//
// A count of 1 to 4 (kSmallCellLimit - 1) in a public report could point at
// a person, so it is shown as "<5" ("primary" suppression). Zero is shown:
// it describes no one. Where a total of several cells is also published (a
// "margin"), one hidden cell could be worked out by subtraction, so further
// cells are hidden ("complementary" suppression) until, in every published
// margin, the hidden cells are either none, or at least two whose sum is at
// least kSmallCellLimit. Complementary cells are shown as "hidden", since
// they are not small. Internal reports suppress nothing.
//
// Every table and chart of a report publishes its counts through these
// functions; nothing prints a count of people directly.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "report/audience.h"

namespace uncounted::report {

inline constexpr std::int64_t kSmallCellLimit = 5;

enum class CellState {
  kShown,
  kSmall,    // 1..4: primary suppression, shown as "<5"
  kHidden,   // complementary suppression, shown as "hidden"
};

// A count as a report may show it. `value` is the true count; callers must
// not print or draw it unless state == kShown.
struct PublishedCount {
  std::int64_t value = 0;
  CellState state = CellState::kShown;

  bool shown() const { return state == CellState::kShown; }
  // "1,234", "<5" or "hidden".
  std::string text() const;
};

// True for 1..kSmallCellLimit-1.
bool is_small_cell(std::int64_t count);

// One count on its own (no published margin): primary suppression only.
PublishedCount publish_count(std::int64_t count, Audience audience);

// Cells of a table, with the margins (sets of cell indices) whose sums the
// report also publishes. A margin whose own sum is small is not published
// (the caller shows it through publish_count, which hides it) and so needs
// no protection. Indices must be < counts.size(). Complementary cells are
// chosen smallest first (ties: lowest index), so the result is deterministic.
std::vector<PublishedCount> publish_cells(std::span<const std::int64_t> counts,
                                          std::span<const std::vector<std::size_t>> margins,
                                          Audience audience);

// publish_cells with a single margin: the sum of all the cells.
std::vector<PublishedCount> publish_cells_with_total(std::span<const std::int64_t> counts, Audience audience);

}  // namespace uncounted::report
