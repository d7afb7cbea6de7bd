// Reading capture histories (the input of `uncounted estimate`) from CSV.
//
// Accepted shapes (DESIGN.md section 4):
//  * aggregated: one 0/1 column per list plus a `count` column; each pattern
//    at most once (per stratum);
//  * individual: one 0/1 column per list, one row per person.
// Optionally a stratum column (named by the caller), and identifier columns
// `entity_id`, `cluster_id` or `id`, which are ignored. Every other column is
// a list, in file order (first list = least significant pattern bit).
//
// Errors (each names file, line and column where there is one): a missing or
// unreadable file, fewer than 2 list columns, a value other than 0/1, a
// negative or non-integer count, a row seen by no list (all-zero pattern), a
// duplicate pattern in aggregated input, a stratum column that is absent, an
// empty stratum value, a column name or stratum value that is not UTF-8, a
// row with the wrong number of fields, a list with no records in the file,
// counts adding up to more than kMaxCaptureTotal.
//
// Thread safety: pure function of the file's contents.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace uncounted {

struct PatternCounts {
  std::string stratum;               // empty for the whole file
  std::vector<std::int64_t> counts;  // indexed by pattern, size 2^lists
};

struct CaptureHistoriesFile {
  std::vector<std::string> lists;
  bool aggregated = false;               // a `count` column was present
  PatternCounts total;                   // every row (adding up to at most kMaxCaptureTotal)
  std::vector<PatternCounts> strata;     // per stratum value, in order of first appearance
};

// The most people a file's counts may add up to (10^15: far above any
// population, and every count and sum stays exact in a double).
inline constexpr std::int64_t kMaxCaptureTotal = 1'000'000'000'000'000;

// True for the names the reader gives a meaning (identifier columns and
// `count`): a list may not be called so, or it would not be read as a list.
bool is_reserved_histories_column(const std::string& name);

struct CaptureHistoriesOptions {
  std::optional<std::string> stratum_column;
};

Result<CaptureHistoriesFile> read_capture_histories(const std::string& path,
                                                    const CaptureHistoriesOptions& options);

// The same for CSV text in memory; `path` names it in errors.
Result<CaptureHistoriesFile> parse_capture_histories(std::string_view text, const std::string& path,
                                                     const CaptureHistoriesOptions& options);

}  // namespace uncounted
