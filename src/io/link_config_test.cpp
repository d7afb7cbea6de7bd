#include "io/link_config.h"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace uncounted {
namespace {

TEST(LinkConfig, InvalidJsonNamesFileAndLine) {
  auto r = parse_link_config("{\n  \"threshold\": ,\n}", "link.json");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("link.json"), std::string::npos);
}

// The crash fuzz_link_inputs found: nlohmann throws out_of_range (not
// parse_error) for a number beyond a double's range.
TEST(LinkConfig, NumberBeyondDoubleRangeIsAnErrorValue) {
  auto r = parse_link_config("99999e+318", "link.json");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("link.json"), std::string::npos);
  EXPECT_NE(r.error().message().find("too large"), std::string::npos);
  auto nested = parse_link_config("{\"threshold\": 1e999}", "link.json");
  ASSERT_FALSE(nested);
}

// A config with a field `f` (comparator and levels as given, on column "c",
// name_swap on "c" and "d") on line 3 and a blocking rule on "c".
std::string one_field(const std::string& comparator, const std::string& levels) {
  return "{\"fields\": [\n"
         "  {\"name\": \"other\", \"comparator\": \"exact\", \"column\": \"o\"},\n"
         "  {\"name\": \"f\", \"comparator\": \"" +
         comparator + "\", " + (comparator == "name_swap" ? "\"columns\": [\"c\", \"d\"]" : "\"column\": \"c\"") +
         ", \"levels\": " + levels +
         "}],\n"
         " \"blocking\": [[\"c\"]]}";
}

Result<LinkConfig> parse_field(const std::string& comparator, const std::string& levels) {
  return parse_link_config(one_field(comparator, levels), "link.json");
}

void expect_error(const Result<LinkConfig>& r, const std::string& part) {
  ASSERT_FALSE(r) << "accepted; expected an error with '" << part << "'";
  EXPECT_NE(r.error().message().find(part), std::string::npos) << r.error().message();
}

// Counts, lengths and seeds are whole numbers: a fraction was truncated.
TEST(LinkConfig, WholeNumbersAreWholeNumbers) {
  const std::string base = "{\"fields\": [{\"name\": \"f\", \"comparator\": \"exact\", \"column\": \"c\"}],\n"
                           " \"blocking\": [[\"c\"]], ";
  for (const char* bad : {"\"em_iterations\": 10.5}", "\"u_sample_pairs\": 1e4}", "\"seed\": -1}",
                          "\"em_iterations\": 0}", "\"seed\": \"7\"}"})
    expect_error(parse_link_config(base + bad, "link.json"), "must be a whole number");
  auto ok = parse_link_config(base + "\"seed\": 18446744073709551615, \"em_iterations\": 50}", "link.json");
  ASSERT_TRUE(ok) << ok.error().message();
  EXPECT_EQ(ok->spec.seed, 18446744073709551615ull);
  EXPECT_EQ(ok->spec.em_iterations, 50);
}

TEST(LinkConfig, GoodLevelsAreRead) {
  auto jw = parse_field("jaro_winkler", "[0.94, 0.85]");
  ASSERT_TRUE(jw) << jw.error().message();
  EXPECT_EQ(jw->spec.fields[1].thresholds, (std::vector<double>{0.94, 0.85}));
  for (const auto& [comparator, levels] : std::vector<std::pair<std::string, std::string>>{
           {"levenshtein", "[1, 2]"},
           {"damerau_levenshtein", "[1, 2, 1000]"},
           {"year", "[1, 3]"},
           {"date", "[0, 31, 365]"},
           {"name_swap", "[0.88]"},
           {"jaro_winkler", "[0.9]"}}) {
    auto r = parse_field(comparator, levels);
    EXPECT_TRUE(r) << comparator << " " << levels << ": " << r.error().message();
  }
  // Without "levels", the defaults.
  auto defaults = parse_link_config(
      "{\"fields\": [{\"name\": \"f\", \"comparator\": \"levenshtein\", \"column\": \"c\"}], \"blocking\": [[\"c\"]]}",
      "link.json");
  ASSERT_TRUE(defaults) << defaults.error().message();
  EXPECT_EQ(defaults->spec.fields[0].thresholds, (std::vector<double>{1, 2}));
}

// Each bad level is an error at the level itself (file:line:column) that
// says what the comparator expects.
TEST(LinkConfig, SimilarityLevelsDecreaseWithinZeroAndOne) {
  const std::string text = one_field("jaro_winkler", "[0.5, 0.9]");
  auto r = parse_link_config(text, "link.json");
  expect_error(r, "strictly decreasing");
  expect_error(r, "got 0.9 after 0.5");
  const auto column = text.find("0.9]") - text.rfind('\n', text.find("0.9]"));
  expect_error(r, "link.json:3:" + std::to_string(column) + ": field 'f': jaro_winkler levels must be");
  expect_error(parse_field("jaro_winkler", "[0.9, 0.9, 0.9]"), "got 0.9 after 0.9");
  expect_error(parse_field("jaro_winkler", "[2, -1]"), "got 2");
  expect_error(parse_field("jaro_winkler", "[-1]"), "got -1");
  expect_error(parse_field("jaro_winkler", "[1.5]"), "got 1.5");
  expect_error(parse_field("jaro_winkler", "[1]"), "below 1");
  expect_error(parse_field("jaro_winkler", "[0]"), "above 0");
  expect_error(parse_field("jaro_winkler", "[0.9, \"0.8\"]"), "got \"0.8\"");
  expect_error(parse_field("jaro_winkler", "[0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3]"), "at most 6 levels");
  expect_error(parse_field("name_swap", "[0.9, 0.8]"), "at most 1 level");
  expect_error(parse_field("name_swap", "[1.5]"), "got 1.5");
}

TEST(LinkConfig, DistanceLevelsAreIncreasingWholeNumbers) {
  for (const std::string comparator : {"levenshtein", "damerau_levenshtein"}) {
    expect_error(parse_field(comparator, "[3e9]"), "from 1 to 1000");
    expect_error(parse_field(comparator, "[1e18]"), "got 1e+18");
    expect_error(parse_field(comparator, "[1.5]"), "whole numbers of edits");
    expect_error(parse_field(comparator, "[2, 1]"), "got 1 after 2");
    expect_error(parse_field(comparator, "[1, 1]"), "strictly increasing");
    expect_error(parse_field(comparator, "[0]"), "0 edits is the exact level");
    expect_error(parse_field(comparator, "[-1]"), "got -1");
  }
  expect_error(parse_field("year", "[3, 1]"), "got 1 after 3");
  expect_error(parse_field("year", "[0.5]"), "whole numbers of years");
  expect_error(parse_field("year", "[3e9]"), "from 1 to 1000");
  expect_error(parse_field("date", "[365, 31]"), "got 31 after 365");
  expect_error(parse_field("date", "[-1]"), "got -1");
  expect_error(parse_field("date", "[1e9]"), "to 365250");
  expect_error(parse_field("date", "[30.5]"), "whole numbers of days");
}

TEST(LinkConfig, EmptyLevelsAndLevelsOfFixedComparatorsAreErrors) {
  auto empty = parse_field("jaro_winkler", "[]");
  expect_error(empty, "link.json:3:");
  expect_error(empty, "'levels' is empty; leave it out for the defaults");
  expect_error(parse_field("date", "[]"), "'levels' is empty");
  expect_error(parse_field("exact", "[1]"), "the exact comparator takes no \"levels\"");
  expect_error(parse_field("place", "[1]"), "the place comparator takes no \"levels\"");
  expect_error(parse_field("levenshtein", "2"), "'levels' is not an array");
}

// The location is the field's own "levels", not the first "levels" in the
// file, and a column named "levels" is not taken for the key.
TEST(LinkConfig, LevelsErrorNamesTheFieldsOwnLine) {
  const std::string text =
      "{\"fields\": [\n"
      "  {\"name\": \"a\", \"comparator\": \"year\", \"column\": \"levels\", \"levels\": [1, 3]},\n"
      "  {\"name\": \"b\", \"comparator\": \"year\", \"column\": \"y\",\n"
      "   \"levels\": [3, 1]}],\n"
      " \"blocking\": [[\"y\"]]}";
  expect_error(parse_link_config(text, "link.json"), "link.json:4:18: field 'b': year levels must be");
}

TEST(LinkConfig, ThresholdIsAProbabilityStrictlyBetweenZeroAndOne) {
  const std::string base =
      "{\"fields\": [{\"name\": \"f\", \"comparator\": \"exact\", \"column\": \"c\"}], \"blocking\": [[\"c\"]], "
      "\"threshold\": ";
  auto good = parse_link_config(base + "0.7}", "link.json");
  ASSERT_TRUE(good) << good.error().message();
  EXPECT_DOUBLE_EQ(good->spec.threshold, 0.7);
  for (const std::string t : {"0", "1", "-0.5", "1.5", "\"0.5\"", "null"})
    expect_error(parse_link_config(base + t + "}", "link.json"), "strictly between 0 and 1");
  expect_error(parse_link_config(base + "NaN}", "link.json"), "not valid JSON");
}

}  // namespace
}  // namespace uncounted
