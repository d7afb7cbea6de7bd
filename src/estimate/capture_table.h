// Aggregated capture histories: how many people were seen by exactly each
// combination of lists. The input of every estimator.
//
// Pattern encoding: list j (0-based, in the order of `lists`) is bit j of a
// pattern, so the first list is the least significant bit (as dga). The
// all-zero pattern (seen by no list) is index 0 and is always 0: it is what
// estimation is about.
//
// Thread safety: immutable after construction; share freely.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"

namespace uncounted {

using Pattern = std::uint32_t;

class CaptureTable {
 public:
  // The most lists a table may have (2^20 cells is the limit of dense storage).
  static constexpr int kMaxLists = 20;

  // Builds a table from list names and counts indexed by pattern
  // (counts.size() must be 2^lists.size(), counts[0] must be 0).
  // Errors: fewer than 2 lists, more than kMaxLists, wrong size, a negative
  // count, a non-zero count for the all-zero pattern, a list that no one is
  // on, duplicate list names.
  static Result<CaptureTable> make(std::vector<std::string> lists, std::vector<std::int64_t> counts);

  int list_count() const { return static_cast<int>(lists_.size()); }
  const std::vector<std::string>& lists() const { return lists_; }
  // Number of cells, including the unobservable all-zero cell: 2^list_count().
  Pattern cell_count() const { return static_cast<Pattern>(counts_.size()); }
  std::int64_t count(Pattern pattern) const { return counts_[pattern]; }
  const std::vector<std::int64_t>& counts() const { return counts_; }
  // Number of distinct people observed (sum over all observable patterns).
  std::int64_t observed() const { return observed_; }
  // Number of observable patterns with a non-zero count.
  int nonzero_patterns() const;
  // Number of people seen by list j.
  std::int64_t list_total(int list) const;
  // Number of people seen by every list in `lists_mask` (a pattern).
  std::int64_t overlap(Pattern lists_mask) const;

  // The table of raw `counts` (indexed by pattern over `lists`) restricted to
  // a subset of lists (bit j of `keep` keeps list j), people seen only by
  // dropped lists removed. The full table need not be valid (e.g. a list
  // with no records in one stratum is dropped this way). Errors: as make()
  // for the restricted table.
  static Result<CaptureTable> make_marginal(const std::vector<std::string>& lists,
                                            const std::vector<std::int64_t>& counts, Pattern keep);

 private:
  CaptureTable(std::vector<std::string> lists, std::vector<std::int64_t> counts);
  std::vector<std::string> lists_;
  std::vector<std::int64_t> counts_;
  std::int64_t observed_ = 0;
};

// Number of lists in a pattern.
inline int capture_count(Pattern pattern) { return __builtin_popcount(pattern); }

}  // namespace uncounted
