#include "link/string_similarity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

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

// Textbook optimal-string-alignment table, no cap and no shortcuts.
int reference_distance(const std::string& a, const std::string& b, bool transpose) {
  std::vector<std::vector<int>> d(a.size() + 1, std::vector<int>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (transpose && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

TEST(EditDistance, CappedMatchesTheFullTable) {
  // Small alphabet, short strings: common prefixes, suffixes, swaps and
  // near-misses are frequent, so every shortcut is exercised.
  std::mt19937 rng(7);
  auto random_text = [&] {
    std::string s(rng() % 7, 'a');
    for (char& c : s) c = static_cast<char>('a' + rng() % 3);
    return s;
  };
  for (int i = 0; i < 20000; ++i) {
    const std::string a = random_text();
    const std::string b = random_text();
    const int lev = reference_distance(a, b, false);
    const int osa = reference_distance(a, b, true);
    EXPECT_EQ(levenshtein(a, b), lev) << a << " " << b;
    EXPECT_EQ(damerau_levenshtein(a, b), osa) << a << " " << b;
    for (int cap = 0; cap <= 3; ++cap) {
      EXPECT_EQ(levenshtein(a, b, cap), std::min(lev, cap + 1)) << a << " " << b << " cap " << cap;
      EXPECT_EQ(damerau_levenshtein(a, b, cap), std::min(osa, cap + 1)) << a << " " << b << " cap " << cap;
    }
  }
}

// Textbook Jaro-Winkler (p = 0.1, prefix <= 4).
double reference_jaro_winkler(const std::string& a, const std::string& b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const std::size_t longer = std::max(a.size(), b.size());
  const std::size_t window = longer / 2 > 0 ? longer / 2 - 1 : 0;
  std::vector<bool> fa(a.size()), fb(b.size());
  double m = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = i > window ? i - window : 0; j < std::min(b.size(), i + window + 1); ++j)
      if (!fb[j] && a[i] == b[j]) {
        fa[i] = fb[j] = true;
        ++m;
        break;
      }
  if (m == 0) return 0.0;
  double t = 0;
  for (std::size_t i = 0, k = 0; i < a.size(); ++i) {
    if (!fa[i]) continue;
    while (!fb[k]) ++k;
    if (a[i] != b[k++]) ++t;
  }
  const double jaro = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) + (m - t / 2) / m) / 3;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1 - jaro);
}

TEST(JaroWinkler, MatchesTheTextbookLoop) {
  std::mt19937 rng(11);
  for (int i = 0; i < 20000; ++i) {
    // Up to 70 bytes: both sides of the 64-byte bit-parallel limit.
    const std::size_t na = rng() % (i % 10 == 0 ? 71 : 12), nb = rng() % (i % 10 == 0 ? 71 : 12);
    std::string a(na, 'a'), b(nb, 'a');
    for (char& c : a) c = static_cast<char>('a' + rng() % 4);
    for (char& c : b) c = static_cast<char>('a' + rng() % 4);
    EXPECT_DOUBLE_EQ(jaro_winkler(a, b), reference_jaro_winkler(a, b)) << a << " " << b;
  }
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

namespace uncounted::link {
namespace {

// Long fields are compared on their first kMaxJaroWinklerLength code points
// (quadratic cost otherwise: 2,000-character fields made a link of 100
// records take a minute).
TEST(JaroWinkler, ComparesAtMostTheFirstCodePoints) {
  std::string a, b;
  for (int i = 0; i < 3000; ++i) {
    a += static_cast<char>('a' + i % 7);
    b += static_cast<char>('a' + (i * 5) % 9);
  }
  EXPECT_DOUBLE_EQ(jaro_winkler(a, b),
                   jaro_winkler(a.substr(0, kMaxJaroWinklerLength), b.substr(0, kMaxJaroWinklerLength)));
  EXPECT_DOUBLE_EQ(jaro_winkler(a, a + "x"), 1.0);  // they agree on every compared code point
}

}  // namespace
}  // namespace uncounted::link
