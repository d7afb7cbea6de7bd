// Place normalisation: every spelling in the shared gazetteers, and the
// usual ways people write them, map to one place id.
#include "normalize/gazetteer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>

#include "base/csv_reader.h"

namespace uncounted::normalize {
namespace {

const std::string kKp = UNCOUNTED_SHARED_DATA "/korean/kp_admin_gazetteer.csv";
const std::string kCn = UNCOUNTED_SHARED_DATA "/korean/china_border_places.csv";

class GazetteerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto kp = read_file(kKp);
    auto cn = read_file(kCn);
    ASSERT_TRUE(kp && cn);
    auto g = Gazetteer::parse(*kp, kKp, *cn, kCn);
    ASSERT_TRUE(g.has_value()) << g.error().message();
    gaz_ = new Gazetteer(std::move(*g));
  }
  static void TearDownTestSuite() {
    delete gaz_;
    gaz_ = nullptr;
  }
  static std::string id(const std::string& spelling) {
    const Place* p = gaz_->resolve(spelling);
    return p ? p->id : "(none)";
  }
  static inline Gazetteer* gaz_ = nullptr;
};

TEST_F(GazetteerTest, AnySpellingOfACountyMapsToOneId) {
  for (const char* s : {"회령시", "회령", "Hoeryong City", "Hoeryŏng-si", "Hoeryong", "Hoeryeong",
                        "HOERYONG", "hoeryŏng", "會寧", "会宁", "Huining", "Hoeryeong-si"}) {
    EXPECT_EQ(id(s), "KP0203") << s;
  }
  EXPECT_EQ(id("혜산시"), "KP0101");
  EXPECT_EQ(id("Hyesan"), "KP0101");
  EXPECT_EQ(id("惠山"), "KP0101");
  EXPECT_EQ(id("Kabsan"), id("갑산군"));     // unassimilated source spelling
  EXPECT_EQ(id("Kapsan County"), id("갑산군"));
  EXPECT_EQ(id("Musan"), id("무산군"));
  EXPECT_EQ(id("茂山"), id("무산군"));
  EXPECT_EQ(id("Sinuiju"), id("신의주시"));
  EXPECT_EQ(id("Sinŭiju"), id("신의주시"));
  EXPECT_EQ(id("新義州"), id("신의주시"));
  EXPECT_EQ(id("Onsong"), id("온성군"));
  EXPECT_EQ(id("穩城"), id("온성군"));
  EXPECT_NE(id("온성군"), "(none)");
}

TEST_F(GazetteerTest, ProvincesNorthSouthFormsAndGenerics) {
  for (const char* s : {"량강도", "양강도", "Ryanggang", "Yanggang", "Ryanggang-do", "兩江道",
                        "两江道", "Ryanggang Province"}) {
    EXPECT_EQ(id(s), "KP01") << s;
  }
  for (const char* s : {"함경북도", "Hamgyŏng-bukto", "Hamgyongbuk-do", "North Hamgyong",
                        "Hamgyeongbuk-do", "咸鏡北道", "咸镜北道"}) {
    EXPECT_EQ(id(s), "KP02") << s;
  }
  // The capital: the city unless the province is written.
  EXPECT_EQ(id("Pyongyang"), "KP1001");
  EXPECT_EQ(id("P'yŏngyang"), "KP1001");
  EXPECT_EQ(id("평양"), "KP1001");
  EXPECT_EQ(id("平壤"), "KP1001");
  EXPECT_EQ(id("평양직할시"), "KP10");
  const Place* city = gaz_->find_id("KP1001");
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(city->parent_id, "KP10");
}

TEST_F(GazetteerTest, ChineseBorderTowns) {
  for (const char* s : {"Dandong", "丹东", "丹東", "단동", "Tandong", "dān dōng", "Dandong City"}) {
    EXPECT_EQ(id(s), "CN-Dandong") << s;
  }
  for (const char* s : {"Longjing", "龍井", "龙井", "룡정", "용정", "Ryongjong", "Yongjeong"}) {
    EXPECT_EQ(id(s), "CN-Longjing") << s;
  }
  for (const char* s : {"Yanji", "延吉", "연길", "Yŏn'gil"}) EXPECT_EQ(id(s), "CN-Yanji") << s;
  for (const char* s : {"Changbai", "長白", "长白", "장백"}) EXPECT_EQ(id(s), "CN-Changbai") << s;
  EXPECT_EQ(id("Ji'an"), "CN-Jian");
  EXPECT_EQ(id("集安"), "CN-Jian");
  const Place* p = gaz_->find_id("CN-Tumen");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->country, "CN");
}

TEST_F(GazetteerTest, UnknownAndInvalid) {
  EXPECT_EQ(gaz_->resolve("Springfield"), nullptr);
  EXPECT_EQ(gaz_->resolve(""), nullptr);
  EXPECT_EQ(gaz_->resolve("\xff\xfe"), nullptr);
  PlaceMatch how = PlaceMatch::kSpelling;
  EXPECT_TRUE(gaz_->lookup("Springfield", &how).empty());
  EXPECT_EQ(how, PlaceMatch::kNone);
  gaz_->lookup("Rangrim", &how);
  EXPECT_NE(how, PlaceMatch::kNone);
}

TEST_F(GazetteerTest, EverySpellingInTheFilesResolvesToItsRow) {
  auto kp = read_csv_file(kKp);
  ASSERT_TRUE(kp.has_value());
  int total = 0;
  int ok = 0;
  int city_rule = 0;  // a province's name without its generic -> its city
  int ambiguous = 0;  // several places, including the right one
  int wrong = 0;
  for (const auto& row : kp->rows) {
    const Place* want = gaz_->resolve(row.fields.at(2));  // full Hangul
    ASSERT_NE(want, nullptr) << "line " << row.line;
    // specific 3, hanja 6, rr 7 .. dprk_simplified 11, ascii_variants 12, name_en_source 14
    std::vector<std::string> spellings = {row.fields.at(3), row.fields.at(6), row.fields.at(14)};
    for (std::size_t c = 7; c <= 11; ++c) spellings.push_back(row.fields.at(c));
    const std::string& variants = row.fields.at(12);
    for (std::size_t start = 0; start <= variants.size();) {
      const std::size_t bar = variants.find('|', start);
      spellings.push_back(variants.substr(start, bar == std::string::npos ? bar : bar - start));
      if (bar == std::string::npos) break;
      start = bar + 1;
    }
    for (const auto& s : spellings) {
      if (s.empty()) continue;
      ++total;
      const Place* got = gaz_->resolve(s);
      const auto all = gaz_->lookup(s);
      if (got == want) {
        ++ok;
      } else if (got != nullptr && got->parent_id == want->id) {
        ++city_rule;
      } else if (got == nullptr && std::find(all.begin(), all.end(), want) != all.end()) {
        ++ambiguous;
      } else {
        ++wrong;
      }
    }
  }
  std::printf("[ PLACES   ] gazetteer spellings: %d/%d resolve to their own place, %d to the "
              "same-name city of their province (by design), %d ambiguous, %d wrong or missing\n",
              ok, total, city_rule, ambiguous, wrong);
  EXPECT_EQ(wrong, 0);
  EXPECT_LE(ambiguous, total / 100);  // e.g. plain "Unsan": 운산 or 은산
  EXPECT_LE(city_rule, 20);
}

}  // namespace
}  // namespace uncounted::normalize
