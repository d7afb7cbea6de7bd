// Uncertain and partial dates, as testimony gives them (DESIGN.md section 3).
//
// A PartialDate is an interval of days [earliest, latest] plus how precisely
// the source knew it (precision), a qualifier (exact, approximate, before,
// after) and the verbatim text. Queries, strata and linkage use the bounds;
// reports may show the text.
//
// parse_partial_date accepts (case-insensitive, surrounding spaces ignored):
//   ISO:         2006, 2006-10, 2006-10-09
//   month names: October 2006, Oct. 2006, 9 October 2006, October 9, 2006
//   seasons:     spring|summer|autumn|fall|winter 2004; early|mid|late 2004
//                (spring = Mar-May, summer = Jun-Aug, autumn = Sep-Nov,
//                winter YYYY = Dec YYYY - Feb YYYY+1; early = Jan-Apr,
//                mid = May-Aug, late = Sep-Dec)
//   decades:     1990s
//   Korean:      2006년, 2006년 10월, 2006년 10월 9일, 2004년 봄, 2006년경
//   intervals:   A/B where A and B are any of the above (2006-10/2006-12)
//   qualifiers:  about|around|approx.|approximately|circa|c.|ca.|~ X,
//                X? (approximate); before X; after X
//   unknown:     "unknown" (bounds are the whole representable range)
// Years have four digits (1000-9999). An empty text is not a date: callers
// treat empty as missing before parsing.
//
// Thread safety: values and pure functions.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "base/result.h"

namespace uncounted {

// A day of the proleptic Gregorian calendar.
struct CivilDate {
  int year = 1;
  int month = 1;
  int day = 1;
  auto operator<=>(const CivilDate&) const = default;
};

// The representable range; "before 2006" starts at kEarliestDate.
inline constexpr CivilDate kEarliestDate{1000, 1, 1};
inline constexpr CivilDate kLatestDate{9999, 12, 31};

bool is_valid_date(int year, int month, int day);
int days_in_month(int year, int month);
// Days since 1970-01-01 (negative before), and back. For date distances.
long days_from_civil(const CivilDate& date);
CivilDate civil_from_days(long days);
// "2006-10-09".
std::string iso_date(const CivilDate& date);

// From finest to coarsest; `unknown` means no information.
enum class DatePrecision { day, month, season, year, decade, unknown };
enum class DateQualifier { exact, approximate, before, after };

const char* to_string(DatePrecision precision);
const char* to_string(DateQualifier qualifier);

struct PartialDate {
  CivilDate earliest = kEarliestDate;
  CivilDate latest = kLatestDate;
  DatePrecision precision = DatePrecision::unknown;
  DateQualifier qualifier = DateQualifier::exact;
  bool interval = false;  // written as A/B
  std::string verbatim;   // the text as given (trimmed)

  // True if the two intervals of days share at least one day.
  bool overlaps(const PartialDate& other) const {
    return earliest <= other.latest && other.earliest <= latest;
  }
};

// Parses `text` (see the grammar above). On error, the message says what is
// wrong ("the month is not between 1 and 12") without a location and without
// the text itself, which may be a record's contents: callers add the file,
// line and column, which is what a user needs to find it.
Result<PartialDate> parse_partial_date(std::string_view text);

// A canonical text for the date: ISO for day/month/year precision
// ("2006-10"), "1990s", "spring 2004", "A/B" for intervals, with "about "
// / "before " / "after " for qualifiers, "unknown" when unknown.
std::string canonical_text(const PartialDate& date);

// The date made no finer than `coarsest` (day < month < ... < unknown):
// a day-precision date at month precision becomes its month, a season keeps
// its months, and so on. Used by redacted exports ("no finer than year").
PartialDate coarsen(const PartialDate& date, DatePrecision coarsest);

}  // namespace uncounted
