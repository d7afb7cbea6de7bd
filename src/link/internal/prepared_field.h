// A field ready for comparison: every record's value interned to a small id
// (equal normalised values share one id), plus what each comparator needs
// per distinct value (years, date intervals, place ids, analysed names), so
// that the cost of parsing is paid once per distinct value, not per pair.
//
// Thread safety: immutable after prepare_field; compare_level may be called
// concurrently.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "base/result.h"
#include "link/link_resources.h"
#include "link/link_spec.h"
#include "link/record_table.h"

namespace uncounted::link::internal {

inline constexpr std::uint32_t kMissing = std::numeric_limits<std::uint32_t>::max();

struct DateValue {
  bool valid = false;   // the interval is known
  long earliest = 0;    // days since 1970-01-01
  long latest = 0;
  std::string digits;   // the digits of the text, for the typo level
};

struct PreparedField {
  FieldSpec spec;
  int level_count = 0;                    // levels of a non-missing comparison; the last is "else"
  std::vector<std::string> level_names;
  int tf_levels = 0;                      // levels 0..tf_levels-1 get the term-frequency adjustment
  std::vector<std::uint32_t> value_of;    // per record; kMissing when missing
  std::vector<std::string> text;          // per value: normalised text (joined columns)
  std::vector<std::uint32_t> tf_group;    // per value: the group whose share is its frequency
  std::vector<double> tf_share;           // per group: share of records with a value in it
  std::vector<int> year;                  // kYear
  std::vector<DateValue> date;            // kDate
  std::vector<std::string> place_id;      // kPlace ("" unresolved)
  std::vector<std::string> province_id;   // kPlace
  std::vector<char> is_province;          // kPlace: the value names a whole province
  std::vector<std::vector<normalize::AnalyzedName>> names;  // kKoreanName: each written form
  std::vector<std::string> first, last;   // kNameSwap parts
  // kJaroWinkler: per value, letter counts in 32 buckets (ASCII values
  // only, else all 255) — an upper bound on the common characters of two
  // values that skips most hopeless Jaro–Winkler computations.
  std::vector<std::array<std::uint8_t, 32>> letter_buckets;
};

// Column indices must exist in `table` (checked by the caller).
Result<PreparedField> prepare_field(const FieldSpec& spec, const RecordTable& table,
                                    const LinkResources& resources);

// The level (0 = best) of two non-missing values of `field`.
int compare_level(const PreparedField& field, std::uint32_t a, std::uint32_t b);

}  // namespace uncounted::link::internal
