#include "base/partial_date.h"

#include <gtest/gtest.h>

namespace uncounted {
namespace {

PartialDate parse_ok(std::string_view text) {
  auto d = parse_partial_date(text);
  EXPECT_TRUE(d.has_value()) << text << ": " << (d ? "" : d.error().message());
  return d ? *d : PartialDate{};
}

std::string parse_error(std::string_view text) {
  auto d = parse_partial_date(text);
  EXPECT_FALSE(d.has_value()) << text;
  return d ? "" : d.error().message();
}

TEST(PartialDate, IsoForms) {
  auto day = parse_ok("2006-10-09");
  EXPECT_EQ(day.earliest, (CivilDate{2006, 10, 9}));
  EXPECT_EQ(day.latest, (CivilDate{2006, 10, 9}));
  EXPECT_EQ(day.precision, DatePrecision::day);
  EXPECT_EQ(day.qualifier, DateQualifier::exact);

  auto month = parse_ok("2006-10");
  EXPECT_EQ(month.earliest, (CivilDate{2006, 10, 1}));
  EXPECT_EQ(month.latest, (CivilDate{2006, 10, 31}));
  EXPECT_EQ(month.precision, DatePrecision::month);

  auto year = parse_ok(" 2006 ");
  EXPECT_EQ(year.earliest, (CivilDate{2006, 1, 1}));
  EXPECT_EQ(year.latest, (CivilDate{2006, 12, 31}));
  EXPECT_EQ(year.precision, DatePrecision::year);
  EXPECT_EQ(year.verbatim, "2006");
}

TEST(PartialDate, LeapYears) {
  EXPECT_EQ(parse_ok("2004-02").latest, (CivilDate{2004, 2, 29}));
  EXPECT_EQ(parse_ok("1900-02").latest, (CivilDate{1900, 2, 28}));
  EXPECT_EQ(parse_ok("2000-02-29").precision, DatePrecision::day);
  EXPECT_NE(parse_error("2023-02-29").find("the day does not exist in its month"), std::string::npos);
}

TEST(PartialDate, InvalidDatesSayWhy) {
  EXPECT_NE(parse_error("2023-13-45").find("the month is not between 1 and 12"), std::string::npos);
  EXPECT_NE(parse_error("2023-04-31").find("the day does not exist"), std::string::npos);
  EXPECT_NE(parse_error("23-04").find("four digits"), std::string::npos);
  EXPECT_NE(parse_error("0999").find("out of range"), std::string::npos);
  // The message never repeats the text, which may be a record's contents.
  for (const char* text : {"2023-13-45", "2023-04-31", "23-04", "0999", "when zzsecret was taken", "1995s",
                           "2006-1x", "2006-10-3x", "2006-10-09-01", "born 1933 in zzvillage"}) {
    const std::string m = parse_error(text);
    EXPECT_EQ(m.find(text), std::string::npos) << m;
    EXPECT_EQ(m.find("zz"), std::string::npos) << m;
    EXPECT_EQ(m.find("'"), std::string::npos) << m;
  }
  parse_error("2006-10-09-01");
  parse_error("yesterday");
  parse_error("");
  parse_error("   ");
  parse_error("2006-1x");
  parse_error("October");
  parse_error("31 February 2004");
  parse_error("1995s");
  parse_error("2006/");
  parse_error("/2006");
  parse_error("winter 9999");  // would end in the year 10000 (found by fuzz_partial_date)
}

TEST(PartialDate, MonthNames) {
  auto d = parse_ok("October 2006");
  EXPECT_EQ(d.earliest, (CivilDate{2006, 10, 1}));
  EXPECT_EQ(d.latest, (CivilDate{2006, 10, 31}));
  EXPECT_EQ(d.precision, DatePrecision::month);
  EXPECT_EQ(d.verbatim, "October 2006");
  EXPECT_EQ(parse_ok("oct. 2006").earliest, (CivilDate{2006, 10, 1}));
  EXPECT_EQ(parse_ok("Sept 2006").earliest, (CivilDate{2006, 9, 1}));
  EXPECT_EQ(parse_ok("9 October 2023").earliest, (CivilDate{2023, 10, 9}));
  EXPECT_EQ(parse_ok("October 9, 2023").latest, (CivilDate{2023, 10, 9}));
  EXPECT_EQ(parse_ok("October 9, 2023").precision, DatePrecision::day);
}

TEST(PartialDate, SeasonsAndPartsOfYear) {
  auto spring = parse_ok("spring 2004");
  EXPECT_EQ(spring.earliest, (CivilDate{2004, 3, 1}));
  EXPECT_EQ(spring.latest, (CivilDate{2004, 5, 31}));
  EXPECT_EQ(spring.precision, DatePrecision::season);
  auto winter = parse_ok("Winter 2004");
  EXPECT_EQ(winter.earliest, (CivilDate{2004, 12, 1}));
  EXPECT_EQ(winter.latest, (CivilDate{2005, 2, 28}));
  EXPECT_EQ(parse_ok("fall 2010").earliest, parse_ok("autumn 2010").earliest);
  EXPECT_EQ(parse_ok("late 2010").latest, (CivilDate{2010, 12, 31}));
  EXPECT_EQ(parse_ok("early 2010").latest, (CivilDate{2010, 4, 30}));
}

TEST(PartialDate, Decades) {
  auto d = parse_ok("1990s");
  EXPECT_EQ(d.earliest, (CivilDate{1990, 1, 1}));
  EXPECT_EQ(d.latest, (CivilDate{1999, 12, 31}));
  EXPECT_EQ(d.precision, DatePrecision::decade);
  EXPECT_EQ(parse_ok("the 1990s").precision, DatePrecision::decade);
}

TEST(PartialDate, Intervals) {
  auto d = parse_ok("2006-10/2006-12");
  EXPECT_EQ(d.earliest, (CivilDate{2006, 10, 1}));
  EXPECT_EQ(d.latest, (CivilDate{2006, 12, 31}));
  EXPECT_EQ(d.precision, DatePrecision::month);
  EXPECT_TRUE(d.interval);
  auto mixed = parse_ok("2006-10-03/2007");
  EXPECT_EQ(mixed.precision, DatePrecision::year);
  EXPECT_EQ(mixed.latest, (CivilDate{2007, 12, 31}));
  EXPECT_NE(parse_error("2007/2006").find("ends before it starts"), std::string::npos);
  parse_error("before 2006/2007");
  parse_error("unknown/2007");
}

TEST(PartialDate, Qualifiers) {
  auto about = parse_ok("about 2006");
  EXPECT_EQ(about.qualifier, DateQualifier::approximate);
  EXPECT_EQ(about.earliest, (CivilDate{2006, 1, 1}));
  EXPECT_EQ(parse_ok("c. 2006").qualifier, DateQualifier::approximate);
  EXPECT_EQ(parse_ok("~2006-10").qualifier, DateQualifier::approximate);
  EXPECT_EQ(parse_ok("2006?").qualifier, DateQualifier::approximate);

  auto before = parse_ok("before October 2006");
  EXPECT_EQ(before.qualifier, DateQualifier::before);
  EXPECT_EQ(before.earliest, kEarliestDate);
  EXPECT_EQ(before.latest, (CivilDate{2006, 9, 30}));
  auto after = parse_ok("after 2006");
  EXPECT_EQ(after.earliest, (CivilDate{2007, 1, 1}));
  EXPECT_EQ(after.latest, kLatestDate);
}

TEST(PartialDate, Korean) {
  auto d = parse_ok("2006년 10월");
  EXPECT_EQ(d.earliest, (CivilDate{2006, 10, 1}));
  EXPECT_EQ(d.precision, DatePrecision::month);
  EXPECT_EQ(parse_ok("2006년 10월 9일").precision, DatePrecision::day);
  EXPECT_EQ(parse_ok("2006년").precision, DatePrecision::year);
  EXPECT_EQ(parse_ok("2004년 봄").earliest, (CivilDate{2004, 3, 1}));
  EXPECT_EQ(parse_ok("2006년경").qualifier, DateQualifier::approximate);
  parse_error("2006년 13월");
}

TEST(PartialDate, Unknown) {
  auto d = parse_ok("unknown");
  EXPECT_EQ(d.precision, DatePrecision::unknown);
  EXPECT_EQ(d.earliest, kEarliestDate);
  EXPECT_EQ(d.latest, kLatestDate);
  parse_error("about unknown");
}

TEST(PartialDate, Overlaps) {
  EXPECT_TRUE(parse_ok("2006").overlaps(parse_ok("2006-10-09")));
  EXPECT_TRUE(parse_ok("spring 2004").overlaps(parse_ok("2004-05/2004-07")));
  EXPECT_FALSE(parse_ok("spring 2004").overlaps(parse_ok("2004-06")));
  EXPECT_TRUE(parse_ok("unknown").overlaps(parse_ok("1999")));
}

TEST(PartialDate, CanonicalText) {
  for (const char* text : {"2006-10-09", "2006-10", "2006", "1990s", "spring 2004", "winter 2004",
                           "2006-10/2006-12", "about 2006", "before 2006-10", "after 2006",
                           "unknown", "late 2010"}) {
    auto d = parse_ok(text);
    EXPECT_EQ(canonical_text(d), text);
    auto again = parse_ok(canonical_text(d));
    EXPECT_EQ(again.earliest, d.earliest) << text;
    EXPECT_EQ(again.latest, d.latest) << text;
  }
  EXPECT_EQ(canonical_text(parse_ok("October 2006")), "2006-10");
  // Mixed precisions keep their bounds (found by fuzz_partial_date).
  EXPECT_EQ(canonical_text(parse_ok("2006-10/2007")), "2006-10/2007");
  EXPECT_EQ(canonical_text(parse_ok("spring 2004/2005")), "2004-03/2005");
}

TEST(PartialDate, CoarsenToMonth) {
  auto d = coarsen(parse_ok("2006-10-09"), DatePrecision::month);
  EXPECT_EQ(d.verbatim, "2006-10");
  EXPECT_EQ(d.earliest, (CivilDate{2006, 10, 1}));
  EXPECT_EQ(d.latest, (CivilDate{2006, 10, 31}));
  EXPECT_EQ(coarsen(parse_ok("2006-10-09/2006-11-02"), DatePrecision::month).verbatim, "2006-10/2006-11");
  EXPECT_EQ(coarsen(parse_ok("spring 2004"), DatePrecision::month).verbatim, "spring 2004");
  EXPECT_EQ(coarsen(parse_ok("2004"), DatePrecision::month).verbatim, "2004");
  EXPECT_EQ(coarsen(parse_ok("before 2006-10-09"), DatePrecision::month).verbatim, "before 2006-11");
  EXPECT_EQ(coarsen(parse_ok("9 October 2006"), DatePrecision::month).verbatim, "2006-10");
  EXPECT_EQ(coarsen(parse_ok("2006-10-09"), DatePrecision::year).verbatim, "2006");
  EXPECT_EQ(coarsen(parse_ok("2006-10-09"), DatePrecision::decade).verbatim, "2000s");
  EXPECT_EQ(coarsen(parse_ok("about 2006-10-09"), DatePrecision::month).verbatim, "about 2006-10");
  // An interval's precision is its coarser end's: the finer end is still
  // widened (a redacted export once kept "1933-07-19/1934" whole).
  EXPECT_EQ(coarsen(parse_ok("1933-07-19/1934"), DatePrecision::month).verbatim, "1933-07/1934");
  EXPECT_EQ(coarsen(parse_ok("1933-07-19/1934"), DatePrecision::year).verbatim, "1933/1934");
  EXPECT_EQ(coarsen(parse_ok("1933/1933-07-19"), DatePrecision::year).verbatim, "1933");
  EXPECT_EQ(coarsen(parse_ok("1933-07/1933-07-19"), DatePrecision::month).verbatim, "1933-07");
  EXPECT_EQ(coarsen(parse_ok("spring 1933/1933-07-19"), DatePrecision::month).verbatim, "1933-03/1933-07");
  EXPECT_EQ(coarsen(parse_ok("2006-10/2007"), DatePrecision::month).verbatim, "2006-10/2007");
  // Nothing finer than the requested precision survives, in any form.
  for (const char* text : {"2006-10-17", "October 17, 2006", "2006년 10월 17일", "after 2006-10-17",
                           "2006-10-17/2007", "2005/2006-10-17", "about 2006-10-17/2007-03",
                           "spring 2006/2006-10-17"}) {
    auto c = coarsen(parse_ok(text), DatePrecision::month);
    EXPECT_EQ(c.verbatim.find("17"), std::string::npos) << text << " -> " << c.verbatim;
    EXPECT_GE(c.precision, DatePrecision::month);
  }
}

TEST(PartialDate, DayArithmeticRoundTrips) {
  for (long days = -400000; days < 3000000; days += 997) {
    auto c = civil_from_days(days);
    ASSERT_TRUE(is_valid_date(c.year, c.month, c.day));
    ASSERT_EQ(days_from_civil(c), days);
  }
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(days_from_civil({2000, 3, 1}) - days_from_civil({2000, 2, 28}), 2);
}

}  // namespace
}  // namespace uncounted
