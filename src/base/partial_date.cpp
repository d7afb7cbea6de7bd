#include "base/partial_date.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

namespace uncounted {
namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

bool starts_with_word(std::string_view s, std::string_view word) {
  return s.substr(0, word.size()) == word;
}

// Splits on runs of spaces and commas.
std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != ',' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

Result<int> parse_year(std::string_view s) {
  if (!all_digits(s) || s.size() != 4)
    return fail("the year is not four digits");
  int y = to_int(s);
  if (y < 1000) return fail("the year is out of range (1000-9999)");
  return y;
}

constexpr std::array<const char*, 12> kMonthNames = {"january", "february", "march",     "april",
                                                      "may",     "june",     "july",      "august",
                                                      "september", "october", "november", "december"};

// 1-12 for a month name or its 3-letter abbreviation (with optional '.'), else 0.
int month_from_name(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  if (w == "sept") return 9;
  for (int m = 0; m < 12; ++m) {
    std::string_view name = kMonthNames[m];
    if (w == name || (w.size() == 3 && name.substr(0, 3) == w)) return m + 1;
  }
  return 0;
}

PartialDate span(CivilDate from, CivilDate to, DatePrecision p) {
  PartialDate d;
  d.earliest = from;
  d.latest = to;
  d.precision = p;
  return d;
}

PartialDate whole_month(int y, int m) {
  return span({y, m, 1}, {y, m, days_in_month(y, m)}, DatePrecision::month);
}

Result<PartialDate> day_date(int y, int m, int d) {
  if (m < 1 || m > 12) return fail("the month is not between 1 and 12");
  if (!is_valid_date(y, m, d)) return fail("the day does not exist in its month");
  return span({y, m, d}, {y, m, d}, DatePrecision::day);
}

// Seasons and parts of a year: {first month, number of months}.
struct YearPart {
  const char* name;
  int first_month;
  int months;
};
constexpr std::array<YearPart, 8> kYearParts = {{{"spring", 3, 3},
                                                 {"summer", 6, 3},
                                                 {"autumn", 9, 3},
                                                 {"fall", 9, 3},
                                                 {"winter", 12, 3},
                                                 {"early", 1, 4},
                                                 {"mid", 5, 4},
                                                 {"late", 9, 4}}};

PartialDate year_part(int y, const YearPart& part) {
  CivilDate from{y, part.first_month, 1};
  int last = part.first_month + part.months - 1;
  int ly = y + (last - 1) / 12;
  int lm = (last - 1) % 12 + 1;
  return span(from, {ly, lm, days_in_month(ly, lm)}, DatePrecision::season);
}

// ISO 8601 calendar dates: YYYY, YYYY-MM, YYYY-MM-DD.
Result<PartialDate> parse_iso(std::string_view s) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == '-') {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  if (parts.size() > 3) return fail("not a date (more than year-month-day)");
  auto y = parse_year(parts[0]);
  if (!y) return tl::unexpected(y.error());
  if (parts.size() == 1) return span({*y, 1, 1}, {*y, 12, 31}, DatePrecision::year);
  if (!all_digits(parts[1]) || parts[1].size() > 2)
    return fail("the month is not a number of one or two digits");
  int m = to_int(parts[1]);
  if (m < 1 || m > 12) return fail("the month is not between 1 and 12");
  if (parts.size() == 2) return whole_month(*y, m);
  if (!all_digits(parts[2]) || parts[2].size() > 2)
    return fail("the day is not a number of one or two digits");
  return day_date(*y, m, to_int(parts[2]));
}

// Korean forms: 2006년, 2006년 10월, 2006년 10월 9일, 2004년 봄.
Result<PartialDate> parse_korean(const std::vector<std::string_view>& w) {
  const std::string_view nyeon = "\xEB\x85\x84", wol = "\xEC\x9B\x94", il = "\xEC\x9D\xBC";
  auto strip = [](std::string_view s, std::string_view suffix, std::string_view& out) {
    if (s.size() <= suffix.size() || s.substr(s.size() - suffix.size()) != suffix) return false;
    out = s.substr(0, s.size() - suffix.size());
    return all_digits(out);
  };
  std::string_view num;
  if (w.empty() || !strip(w[0], nyeon, num)) return fail("not a Korean date");
  auto y = parse_year(num);
  if (!y) return tl::unexpected(y.error());
  if (w.size() == 1) return span({*y, 1, 1}, {*y, 12, 31}, DatePrecision::year);
  if (w.size() == 2) {
    struct KoreanSeason {
      const char* name;
      int index;
    };
    // 봄 spring, 여름 summer, 가을 autumn, 겨울 winter; 초 early, 중순 mid, 말 late.
    const KoreanSeason seasons[] = {{"\xEB\xB4\x84", 0},
                                    {"\xEC\x97\xAC\xEB\xA6\x84", 1},
                                    {"\xEA\xB0\x80\xEC\x9D\x84", 2},
                                    {"\xEA\xB2\xA8\xEC\x9A\xB8", 4},
                                    {"\xEC\xB4\x88", 5},
                                    {"\xEC\xA4\x91\xEC\x88\x9C", 6},
                                    {"\xEB\xA7\x90", 7}};
    for (const auto& s : seasons)
      if (w[1] == s.name) return year_part(*y, kYearParts[s.index]);
  }
  if (!strip(w[1], wol, num) || num.size() > 2) return fail("not a Korean date");
  int m = to_int(num);
  if (m < 1 || m > 12) return fail("the month is not between 1 and 12");
  if (w.size() == 2) return whole_month(*y, m);
  if (w.size() != 3 || !strip(w[2], il, num) || num.size() > 2) return fail("not a Korean date");
  return day_date(*y, m, to_int(num));
}

// One date without qualifiers or intervals; `s` is lower case and trimmed.
Result<PartialDate> parse_single(std::string_view s) {
  if (s.empty()) return fail("a date is missing");
  if (s == "unknown") return PartialDate{};
  if (s[0] >= '0' && s[0] <= '9' && s.find(' ') == std::string_view::npos &&
      static_cast<unsigned char>(s.back()) < 0x80) {
    if (s.size() == 5 && s[4] == 's') {  // 1990s
      auto y = parse_year(s.substr(0, 4));
      if (!y) return tl::unexpected(y.error());
      if (*y % 10 != 0) return fail("a decade starts at a year ending in 0 (1990s)");
      return span({*y, 1, 1}, {*y + 9, 12, 31}, DatePrecision::decade);
    }
    return parse_iso(s);
  }
  auto w = words(s);
  if (!w.empty() && w[0] == "the") w.erase(w.begin());
  if (w.empty()) return fail("a date is missing");
  if (static_cast<unsigned char>(w[0].back()) >= 0x80) return parse_korean(w);
  if (w.size() == 1 && w[0].size() == 5 && w[0][4] == 's' && all_digits(w[0].substr(0, 4)))
    return parse_single(w[0]);
  if (w.size() == 2) {
    for (const auto& part : kYearParts)
      if (w[0] == part.name) {
        auto y = parse_year(w[1]);
        if (!y) return tl::unexpected(y.error());
        return year_part(*y, part);
      }
    if (int m = month_from_name(w[0])) {  // October 2006
      auto y = parse_year(w[1]);
      if (!y) return tl::unexpected(y.error());
      return whole_month(*y, m);
    }
  }
  if (w.size() == 3) {
    int m = 0;
    std::string_view day, year = w[2];
    if ((m = month_from_name(w[1])) && all_digits(w[0])) {  // 9 October 2006
      day = w[0];
    } else if ((m = month_from_name(w[0])) && all_digits(w[1])) {  // October 9, 2006
      day = w[1];
    }
    if (m != 0 && day.size() <= 2) {
      auto y = parse_year(year);
      if (!y) return tl::unexpected(y.error());
      return day_date(*y, m, to_int(day));
    }
  }
  return fail(
      "not a date (use e.g. 2006-10-09, 2006-10, 2006, October 2006, spring 2004, 1990s, or an interval "
      "2006-10/2006-12)");
}

// One end of an interval, or a whole date, with its qualifier.
Result<PartialDate> parse_qualified(std::string_view s) {
  DateQualifier q = DateQualifier::exact;
  const std::pair<const char*, DateQualifier> prefixes[] = {
      {"approximately ", DateQualifier::approximate}, {"approx. ", DateQualifier::approximate},
      {"approx ", DateQualifier::approximate},        {"about ", DateQualifier::approximate},
      {"around ", DateQualifier::approximate},        {"circa ", DateQualifier::approximate},
      {"ca. ", DateQualifier::approximate},           {"c. ", DateQualifier::approximate},
      {"~", DateQualifier::approximate},              {"before ", DateQualifier::before},
      {"after ", DateQualifier::after}};
  for (const auto& [prefix, qualifier] : prefixes)
    if (starts_with_word(s, prefix)) {
      s = trim(s.substr(std::string_view(prefix).size()));
      q = qualifier;
      break;
    }
  const std::string_view gyeong = "\xEA\xB2\xBD";  // 경: "about"
  if (!s.empty() && s.back() == '?') {
    s = trim(s.substr(0, s.size() - 1));
    if (q == DateQualifier::exact) q = DateQualifier::approximate;
  } else if (s.size() > gyeong.size() && s.substr(s.size() - gyeong.size()) == gyeong) {
    s = trim(s.substr(0, s.size() - gyeong.size()));
    if (q == DateQualifier::exact) q = DateQualifier::approximate;
  }
  auto d = parse_single(s);
  if (!d) return d;
  if (d->latest > kLatestDate) return fail("the date runs past the year 9999");
  if (d->precision == DatePrecision::unknown && q != DateQualifier::exact)
    return fail("'unknown' cannot be qualified");
  d->qualifier = q;
  if (q == DateQualifier::before) {
    if (d->earliest == kEarliestDate) return fail("nothing is before the earliest date");
    d->latest = civil_from_days(days_from_civil(d->earliest) - 1);
    d->earliest = kEarliestDate;
  } else if (q == DateQualifier::after) {
    if (d->latest == kLatestDate) return fail("nothing is after the latest date");
    d->earliest = civil_from_days(days_from_civil(d->latest) + 1);
    d->latest = kLatestDate;
  }
  return d;
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::string text_at(const CivilDate& d, DatePrecision p) {
  switch (p) {
    case DatePrecision::day: return iso_date(d);
    case DatePrecision::month: return std::to_string(d.year) + "-" + two(d.month);
    case DatePrecision::decade: return std::to_string(d.year - d.year % 10) + "s";
    default: return std::to_string(d.year);
  }
}

// Canonical text of a date with exact qualifier and no interval.
std::string plain_text(const PartialDate& d) {
  if (d.precision == DatePrecision::season) {
    for (const auto& part : kYearParts) {
      if (std::string_view(part.name) == "fall") continue;
      auto candidate = year_part(d.earliest.year, part);
      if (candidate.earliest == d.earliest && candidate.latest == d.latest)
        return std::string(part.name) + " " + std::to_string(d.earliest.year);
    }
    return iso_date(d.earliest).substr(0, 7) + "/" + iso_date(d.latest).substr(0, 7);
  }
  if (d.precision == DatePrecision::unknown) return "unknown";
  return text_at(d.earliest, d.precision);
}

}  // namespace

bool is_valid_date(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap(year)) return 29;
  return kDays[(month - 1) % 12];
}

// Howard Hinnant's algorithms (public domain).
long days_from_civil(const CivilDate& date) {
  long y = date.year - (date.month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (date.month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + date.day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

std::string iso_date(const CivilDate& date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buf;
}

const char* to_string(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::day: return "day";
    case DatePrecision::month: return "month";
    case DatePrecision::season: return "season";
    case DatePrecision::year: return "year";
    case DatePrecision::decade: return "decade";
    case DatePrecision::unknown: return "unknown";
  }
  return "unknown";
}

const char* to_string(DateQualifier qualifier) {
  switch (qualifier) {
    case DateQualifier::exact: return "exact";
    case DateQualifier::approximate: return "approximate";
    case DateQualifier::before: return "before";
    case DateQualifier::after: return "after";
  }
  return "exact";
}

Result<PartialDate> parse_partial_date(std::string_view text) {
  std::string_view trimmed = trim(text);
  if (trimmed.size() > 200) return fail("the date is too long to be a date");
  std::string lower = lower_ascii(trimmed);
  std::string_view s = lower;
  PartialDate result;
  auto slash = s.find('/');
  if (slash == std::string_view::npos) {
    auto d = parse_qualified(s);
    if (!d) return d;
    result = std::move(*d);
  } else {
    auto a = parse_qualified(trim(s.substr(0, slash)));
    if (!a) return a;
    auto b = parse_qualified(trim(s.substr(slash + 1)));
    if (!b) return b;
    if (a->qualifier == DateQualifier::before || a->qualifier == DateQualifier::after ||
        b->qualifier == DateQualifier::before || b->qualifier == DateQualifier::after)
      return fail("an interval A/B cannot use 'before' or 'after'");
    if (a->precision == DatePrecision::unknown || b->precision == DatePrecision::unknown)
      return fail("an interval A/B needs two dates (for an open end write 'before B' or 'after A')");
    if (b->latest < a->earliest) return fail("the interval ends before it starts");
    result.earliest = a->earliest;
    result.latest = b->latest;
    result.precision = std::max(a->precision, b->precision);
    result.qualifier = (a->qualifier == DateQualifier::approximate || b->qualifier == DateQualifier::approximate)
                           ? DateQualifier::approximate
                           : DateQualifier::exact;
    result.interval = true;
  }
  result.verbatim = std::string(trimmed);
  return result;
}

std::string canonical_text(const PartialDate& d) {
  if (d.precision == DatePrecision::unknown) return "unknown";
  std::string prefix = d.qualifier == DateQualifier::approximate ? "about " : "";
  if (d.qualifier == DateQualifier::before) {
    auto bound = civil_from_days(days_from_civil(d.latest) + 1);
    auto p = d.precision == DatePrecision::season ? DatePrecision::month : d.precision;
    return "before " + text_at(bound, p);
  }
  if (d.qualifier == DateQualifier::after) {
    auto bound = civil_from_days(days_from_civil(d.earliest) - 1);
    auto p = d.precision == DatePrecision::season ? DatePrecision::month : d.precision;
    if (p == DatePrecision::day) return "after " + iso_date(bound);
    // "after 2006-10": the day after the bound starts the open interval.
    return "after " + text_at(bound, p);
  }
  if (d.interval) {
    // Each end as coarse as its bound allows, so that the text parses back
    // to the same interval ("2006-10/2007").
    // 0 day, 1 month, 2 year: no coarser than the interval's precision.
    int start_level = d.precision == DatePrecision::day ? 0 : d.precision == DatePrecision::month ? 1 : 2;
    auto end_text = [&](const CivilDate& c, bool is_start) {
      int level = start_level;
      if (level == 2 && (is_start ? c.month != 1 : c.month != 12)) level = 1;
      if (level >= 1 && (is_start ? c.day != 1 : c.day != days_in_month(c.year, c.month))) level = 0;
      return level == 0 ? iso_date(c) : level == 1 ? text_at(c, DatePrecision::month) : std::to_string(c.year);
    };
    auto from = end_text(d.earliest, true), to = end_text(d.latest, false);
    if (from == to) return prefix + from;
    return prefix + from + "/" + to;
  }
  return prefix + plain_text(d);
}

PartialDate coarsen(const PartialDate& date, DatePrecision coarsest) {
  auto widen_start = [&](CivilDate c) -> CivilDate {
    switch (coarsest) {
      case DatePrecision::month: return {c.year, c.month, 1};
      case DatePrecision::season:
      case DatePrecision::year: return {c.year, 1, 1};
      case DatePrecision::decade: return {c.year - c.year % 10, 1, 1};
      default: return kEarliestDate;
    }
  };
  auto widen_end = [&](CivilDate c) -> CivilDate {
    switch (coarsest) {
      case DatePrecision::month: return {c.year, c.month, days_in_month(c.year, c.month)};
      case DatePrecision::season:
      case DatePrecision::year: return {c.year, 12, 31};
      case DatePrecision::decade: return {c.year - c.year % 10 + 9, 12, 31};
      default: return kLatestDate;
    }
  };
  // An interval's precision is that of its coarser end, so its other end
  // may still name a day ("1933-07-19/1934" is at year precision): an
  // interval is coarse enough only when both ends fall on whole units.
  const bool whole_units = !date.interval || coarsest == DatePrecision::unknown ||
                           (widen_start(date.earliest) == date.earliest && widen_end(date.latest) == date.latest);
  if (date.precision >= coarsest && whole_units) {
    PartialDate same = date;
    same.verbatim = canonical_text(date);
    return same;
  }
  PartialDate d = date;
  if (date.precision < coarsest)
    d.precision = coarsest == DatePrecision::season ? DatePrecision::year : coarsest;
  if (coarsest == DatePrecision::unknown) {
    d = PartialDate{};
  } else {
    if (d.earliest != kEarliestDate) d.earliest = widen_start(d.earliest);
    if (d.latest != kLatestDate) d.latest = widen_end(d.latest);
    if (d.qualifier == DateQualifier::before) {
      // "before 2006-10-09" says the event happened by 2006-10-08; at month
      // precision that is "before 2006-11" (by the end of October).
      d.latest = widen_end(date.latest);
    } else if (d.qualifier == DateQualifier::after) {
      d.earliest = widen_start(date.earliest);
    } else if (!d.interval && text_at(d.earliest, d.precision) != text_at(d.latest, d.precision)) {
      d.interval = true;
    }
  }
  // "after 1000-02" at year precision would be "in or after 1000": no
  // information left.
  if (d.earliest == kEarliestDate && d.latest == kLatestDate) d = PartialDate{};
  d.verbatim = canonical_text(d);
  return d;
}

}  // namespace uncounted
