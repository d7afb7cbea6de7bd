#include "link/string_similarity.h"

#include <gtest/gtest.h>

namespace uncounted::link {
namespace {

TEST(JaroWinkler, KnownValues) {
  EXPECT_DOUBLE_EQ(jaro_winkler("", ""), 1.0);
  EXPECT_DOUBLE_EQ(jaro_winkler("abc", ""), 0.0);
  EXPECT_DOUBLE_EQ(jaro_winkler("martha", "martha"), 1.0);
  EXPECT_NEAR(jaro_winkler("martha", "marhta"), 0.9611, 1e-4);
  EXPECT_NEAR(jaro_winkler("dwayne", "duane"), 0.84, 1e-4);
  EXPECT_NEAR(jaro_winkler("dixon", "dicksonx"), 0.8133, 1e-4);
  EXPECT_DOUBLE_EQ(jaro_winkler("abc", "xyz"), 0.0);
}

TEST(JaroWinkler, ComparesCodePoints) {
  // One differing letter, not two bytes.
  EXPECT_DOUBLE_EQ(jaro_winkler("müller", "muller"), jaro_winkler("mxller", "muller"));
  EXPECT_GT(jaro_winkler("김영철", "김영찰"), 0.8);
}

TEST(EditDistance, LevenshteinAndDamerau) {
  EXPECT_EQ(levenshtein("kitten", "sitting"), 3);
  EXPECT_EQ(levenshtein("", "abc"), 3);
  EXPECT_EQ(levenshtein("ab", "ba"), 2);
  EXPECT_EQ(damerau_levenshtein("ab", "ba"), 1);
  EXPECT_EQ(damerau_levenshtein("19810203", "19810302"), 2);
  EXPECT_EQ(damerau_levenshtein("müller", "muller"), 1);
}

TEST(EditDistance, CapStopsEarly) {
  EXPECT_EQ(levenshtein("kitten", "sitting", 1), 2);
  EXPECT_EQ(damerau_levenshtein("abcdef", "a", 2), 3);
  EXPECT_EQ(levenshtein("abc", "abd", 1), 1);
}

TEST(EditDistance, LongStrings) {
  const std::string a(200, 'a');
  std::string b = a;
  b[100] = 'b';
  EXPECT_EQ(levenshtein(a, b), 1);
  EXPECT_GT(jaro_winkler(a, b), 0.99);
}

}  // namespace
}  // namespace uncounted::link
