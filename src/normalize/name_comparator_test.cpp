// The Korean name comparator on the shared test sets: recognition of the
// same name across scripts and romanisations, and the false-match rate on
// shuffled non-pairs. Prints the measured rates.
#include "normalize/name_comparator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "base/csv_reader.h"
#include "normalize/bzip2.h"
#include "normalize/hanja.h"
#include "normalize/korean_name.h"
#include "normalize/surnames.h"

namespace uncounted::normalize {
namespace {

std::shared_ptr<const SurnameTable> load_surnames() {
  const std::string path = UNCOUNTED_SHARED_DATA "/korean/surnames.csv";
  auto text = read_file(path);
  if (!text) return nullptr;
  auto table = SurnameTable::parse(*text, path);
  return table ? std::make_shared<const SurnameTable>(std::move(*table)) : nullptr;
}

std::shared_ptr<const HanjaReadings> load_hanja() {
  auto readings = read_file(kDebianUnihanReadings);
  auto variants = read_file(kDebianUnihanVariants);
  if (!readings || !variants) return nullptr;
  auto r = decompress_bzip2(*readings);
  auto v = decompress_bzip2(*variants);
  if (!r || !v) return nullptr;
  auto h = HanjaReadings::parse(*r, *v);
  return h ? std::make_shared<const HanjaReadings>(std::move(*h)) : nullptr;
}

class NameComparatorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto surnames = load_surnames();
    ASSERT_NE(surnames, nullptr);
    hanja_ = load_hanja();
    ASSERT_NE(hanja_, nullptr) << "needs Debian's unicode-data (Unihan)";
    analyzer_ = new NameAnalyzer(surnames, hanja_);
  }
  static void TearDownTestSuite() {
    delete analyzer_;
    analyzer_ = nullptr;
  }

  static AnalyzedName analyze(const std::string& s) {
    auto a = analyzer_->analyze(s);
    EXPECT_TRUE(a.has_value());
    return a ? *a : AnalyzedName{};
  }
  static NameComparison compare(const std::string& a, const std::string& b) {
    return compare_names(analyze(a), analyze(b));
  }
  static NameLevel level(const std::string& a, const std::string& b) { return compare(a, b).level; }

  static inline NameAnalyzer* analyzer_ = nullptr;
  static inline std::shared_ptr<const HanjaReadings> hanja_;
};

bool recognised(NameLevel l) { return l >= NameLevel::kSameKey; }

TEST_F(NameComparatorTest, Examples) {
  const std::string kim = "김영철";
  for (const char* v : {"Kim Yong Chol", "Kim Yŏng-ch'ŏl", "Gim Yeong-cheol", "Kim Young-chul",
                        "KIM, Yong Chol", "Yong Chol Kim", "Kim Yongchol", "Kim Yong-Chol",
                        "金永哲"}) {
    EXPECT_TRUE(recognised(level(kim, v))) << v;
  }
  for (const char* v : {"Pak Sun Hui", "Park Soon-hee", "Bak Sun-hui", "朴順姬"}) {
    EXPECT_TRUE(recognised(level("박순희", v))) << v;
  }
  EXPECT_TRUE(recognised(level("Pak Sun Hui", "Park Soon-hee")));
  EXPECT_EQ(level("Kim Yong Chol", "Kim Yong-chol"), NameLevel::kExact);
  EXPECT_EQ(level("Kim Yong Chol", "KIM, Yong Chol"), NameLevel::kExact);
  EXPECT_EQ(level("리영호", "이영호"), NameLevel::kExact);  // North / South surname form
  EXPECT_EQ(level("Ri Yong Ho", "Lee Yong-ho"), NameLevel::kSameKey);
  EXPECT_EQ(level("림춘길", "Im Ch'un-gil"), NameLevel::kSameKey);
  EXPECT_EQ(level("류경", "Yu Kyong"), NameLevel::kSameKey);
  // Sound-alike but differently written Hangul is only close.
  EXPECT_EQ(level("김영철", "김용철"), NameLevel::kCloseKey);
  // One typo in the given name: close.
  EXPECT_EQ(level("Kim Yong Chol", "Kim Yong Chel"), NameLevel::kCloseKey);
  // Different people.
  EXPECT_EQ(level("김영철", "Kim Jong Un"), NameLevel::kDifferent);
  // The given name agrees, the surname does not: another person, or a
  // misspelt surname; its own level, weighed by the model.
  EXPECT_EQ(level("김영철", "Pak Yong Chol"), NameLevel::kGivenOnly);
  EXPECT_EQ(level("김은철", "Ikm Un Chol"), NameLevel::kGivenOnly);
  EXPECT_EQ(level("김영철", "김영희"), NameLevel::kDifferent);
  EXPECT_EQ(level("조영철", "주영철"), NameLevel::kCloseKey);
  // Explanations never contain the names.
  const auto c = compare("김영철", "Kim Young-chul");
  EXPECT_EQ(c.explanation.find("Kim"), std::string::npos);
  EXPECT_EQ(c.explanation.find("Young"), std::string::npos);
  EXPECT_NE(c.explanation.find("same_key"), std::string::npos);
  // Invalid UTF-8 is an error, nothing usable gives "different".
  EXPECT_FALSE(analyzer_->analyze("\xC3\x28").has_value());
  EXPECT_EQ(level("", "Kim"), NameLevel::kDifferent);
  EXPECT_EQ(level("12345", "12345"), NameLevel::kDifferent);
}

TEST_F(NameComparatorTest, SeparateFields) {
  auto a = analyzer_->analyze("김", "영철");
  auto b = analyzer_->analyze("Kim", "Yong Chol");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(compare_names(*a, *b).level, NameLevel::kSameKey);
  auto given_only = analyzer_->analyze("", "Yong-chol");
  ASSERT_TRUE(given_only);
  EXPECT_EQ(compare_names(*a, *given_only).level, NameLevel::kCloseKey);
  EXPECT_FALSE(a->blocking_keys().empty());
}

// Names the comparator calls the same surname share a blocking key even
// where the surname's first phonetic keys differ (최 / CHOE, 노 / Noh).
TEST_F(NameComparatorTest, SameSurnameSharesABlockingKey) {
  const std::pair<const char*, const char*> pairs[] = {{"최영란", "CHOE Yeong-Ran"}, {"노금순", "Noh Keum-sun"}};
  for (const auto& [x, y] : pairs) {
    auto a = analyzer_->analyze(x);
    auto b = analyzer_->analyze(y);
    ASSERT_TRUE(a && b);
    ASSERT_GE(compare_names(*a, *b).level, NameLevel::kSameKey) << y;
    const auto ka = a->blocking_keys();
    const auto kb = b->blocking_keys();
    EXPECT_TRUE(std::any_of(ka.begin(), ka.end(),
                            [&](const std::string& k) { return std::find(kb.begin(), kb.end(), k) != kb.end(); }))
        << y;
  }
}

struct Rate {
  int hits = 0;
  int total = 0;
  double percent() const { return total ? 100.0 * hits / total : 0; }
};

TEST_F(NameComparatorTest, AlaLcPairsAreRecognised) {
  auto table = read_csv_file(UNCOUNTED_SHARED_DATA "/korean/name_pairs_alalc_cc0.csv");
  ASSERT_TRUE(table.has_value()) << table.error().message();
  const char* columns[] = {"ALA-LC MR", "generated RR", "generated DPRK"};
  Rate rate[3];
  Rate all;
  for (const auto& row : table->rows) {
    const AnalyzedName left = analyze(row.fields.at(0));
    for (std::size_t c = 0; c < 3; ++c) {
      const std::string& right = row.fields.at(c + 1);
      if (right.empty()) continue;
      const bool ok = recognised(compare_names(left, analyze(right)).level);
      rate[c].hits += ok;
      ++rate[c].total;
      all.hits += ok;
      ++all.total;
    }
  }
  for (std::size_t c = 0; c < 3; ++c) {
    std::printf("[ NAMES    ] ALA-LC list, Hangul/hanja vs %-15s: %d/%d recognised (%.2f%%)\n",
                columns[c], rate[c].hits, rate[c].total, rate[c].percent());
    EXPECT_GE(rate[c].percent(), 99.0) << columns[c];
  }
  std::printf("[ NAMES    ] ALA-LC list, all pairs: %d/%d (%.2f%%)\n", all.hits, all.total,
              all.percent());
  EXPECT_EQ(rate[0].total, 948);
}

TEST_F(NameComparatorTest, PublicFigureVariantsAreRecognised) {
  auto table = read_csv_file(UNCOUNTED_SHARED_DATA "/korean/name_variants_nk_public_figures.csv");
  ASSERT_TRUE(table.has_value()) << table.error().message();
  std::map<std::string, std::vector<std::string>> people;
  for (const auto& row : table->rows) people[row.fields.at(0)].push_back(row.fields.at(1));
  Rate variant_pairs;
  Rate hangul_pairs;
  Rate non_pairs;
  for (const auto& [hangul, variants] : people) {
    for (std::size_t i = 0; i < variants.size(); ++i) {
      hangul_pairs.hits += recognised(level(hangul, variants[i]));
      ++hangul_pairs.total;
      for (std::size_t j = i + 1; j < variants.size(); ++j) {
        variant_pairs.hits += recognised(level(variants[i], variants[j]));
        ++variant_pairs.total;
      }
    }
    for (const auto& [other, other_variants] : people) {
      if (other == hangul) continue;
      for (const auto& v : variants) {
        for (const auto& w : other_variants) {
          if (&v < &w) continue;  // each unordered pair once... per direction of the map walk
          non_pairs.hits += recognised(level(v, w));
          ++non_pairs.total;
        }
      }
    }
  }
  std::printf("[ NAMES    ] public figures: variant pairs %d/%d recognised (%.2f%%); "
              "Hangul vs variant %d/%d (%.2f%%)\n",
              variant_pairs.hits, variant_pairs.total, variant_pairs.percent(), hangul_pairs.hits,
              hangul_pairs.total, hangul_pairs.percent());
  std::printf("[ NAMES    ] public figures: variants of different people recognised as same: "
              "%d/%d (%.2f%%)\n",
              non_pairs.hits, non_pairs.total, non_pairs.percent());
  EXPECT_GE(variant_pairs.percent(), 99.0);
  EXPECT_GE(hangul_pairs.percent(), 99.0);
}

TEST_F(NameComparatorTest, FalseMatchRateOnShuffledNonPairs) {
  auto table = read_csv_file(UNCOUNTED_SHARED_DATA "/korean/name_pairs_alalc_cc0.csv");
  ASSERT_TRUE(table.has_value()) << table.error().message();
  const auto& rows = table->rows;
  std::vector<std::size_t> order(rows.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  Rate same_key;
  Rate close;
  std::mt19937 rng(20240601);  // fixed seed: the same shuffles every run
  for (int round = 0; round < 5; ++round) {
    std::shuffle(order.begin(), order.end(), rng);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& a = rows[i];
      const auto& b = rows[order[i]];
      if (a.fields.at(0) == b.fields.at(0) || a.fields.at(1) == b.fields.at(1)) continue;
      const NameLevel l = level(a.fields.at(0), b.fields.at(1));
      same_key.hits += recognised(l);
      close.hits += l >= NameLevel::kCloseKey;
      ++same_key.total;
      ++close.total;
    }
  }
  std::printf("[ NAMES    ] shuffled non-pairs (Hangul/hanja vs another row's ALA-LC): "
              "same name %d/%d (%.2f%%), at least close %d/%d (%.2f%%)\n",
              same_key.hits, same_key.total, same_key.percent(), close.hits, close.total,
              close.percent());
  // Measured 0/4738 same-name and 6/4738 close (0.13%) when written: random
  // pairs mostly differ in surname. The bounds leave room for data changes
  // while still failing if keys were to collapse (e.g. a broken cluster rule).
  EXPECT_LT(same_key.percent(), 1.0);
  EXPECT_LT(close.percent(), 1.0);

  // The hard case: another person with the same surname. Each Hangul name
  // against the ALA-LC form of the next name in its surname group.
  std::map<std::string, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string& h = rows[i].fields.at(0);
    if (h.size() >= 6 && static_cast<unsigned char>(h[0]) >= 0xEA) groups[h.substr(0, 3)].push_back(i);
  }
  Rate namesake_key;
  Rate namesake_close;
  for (const auto& [surname, members] : groups) {
    if (members.size() < 2) continue;
    for (std::size_t k = 0; k < members.size(); ++k) {
      const auto& a = rows[members[k]];
      const auto& b = rows[members[(k + 1) % members.size()]];
      if (a.fields.at(0) == b.fields.at(0) || a.fields.at(1) == b.fields.at(1)) continue;
      const NameLevel l = level(a.fields.at(0), b.fields.at(1));
      namesake_key.hits += recognised(l);
      namesake_close.hits += l >= NameLevel::kCloseKey;
      ++namesake_key.total;
      ++namesake_close.total;
    }
  }
  std::printf("[ NAMES    ] same-surname non-pairs (Hangul vs another name's ALA-LC): "
              "same name %d/%d (%.2f%%), at least close %d/%d (%.2f%%)\n",
              namesake_key.hits, namesake_key.total, namesake_key.percent(), namesake_close.hits,
              namesake_close.total, namesake_close.percent());
  EXPECT_GT(namesake_key.total, 500);
  // Measured 5/673 (0.74%) when written: sound-alike given names such as
  // 상렬/상열. Close is common here (12%) by design: it is its own level.
  EXPECT_LT(namesake_key.percent(), 2.0);
}

}  // namespace
}  // namespace uncounted::normalize
