// The phonetic key against KOREAN.md's examples and the keys stored in the
// shared data files (made by the reference tools/pkey.py).
#include "normalize/phonetic_key.h"

#include <gtest/gtest.h>

#include <string>

#include "base/csv_reader.h"

namespace uncounted::normalize {
namespace {

TEST(PhoneticKeyTest, KoreanMdExamples) {
  for (const char* s : {"Yong Chol", "Yŏng-ch'ŏl", "Yeong-cheol", "Young-chul", "Yongchol"}) {
    EXPECT_EQ(phonetic_key(s), "YONGCOL") << s;
  }
  EXPECT_EQ(phonetic_key("Kim"), "KIM");
  EXPECT_EQ(phonetic_key("Gim"), "KIM");
  EXPECT_EQ(phonetic_key("Hoeryong"), "HOELYONG");
  EXPECT_EQ(phonetic_key("Hoeryeong"), "HOELYONG");
  EXPECT_EQ(phonetic_key("Samsoo"), phonetic_key("Samsu"));
  EXPECT_EQ(phonetic_key("Rangrim"), phonetic_key("Rangnim"));
  EXPECT_EQ(phonetic_key("Unryul"), phonetic_key("Ŭllyul"));
  EXPECT_EQ(phonetic_key("Kangryong"), phonetic_key("Kangnyŏng"));
  EXPECT_EQ(phonetic_key("Kabsan"), phonetic_key("Kapsan"));
  EXPECT_EQ(phonetic_key("Choe"), "COE");
  EXPECT_EQ(phonetic_key("Choi"), "COE");
  EXPECT_EQ(phonetic_key("Ch'oe"), "COE");
  for (const char* s : {"Lee", "Rhee", "Yi", "Ri", "Li", "I"}) EXPECT_EQ(phonetic_key(s), "I") << s;
  EXPECT_EQ(phonetic_key("Park"), "PAK");
  EXPECT_EQ(phonetic_key("Bak"), "PAK");
  EXPECT_EQ(phonetic_key("Ahn"), "AN");
  EXPECT_EQ(phonetic_key(""), "");
  EXPECT_EQ(phonetic_key("김"), "");
  EXPECT_EQ(phonetic_key("\xff"), "");
}

TEST(PhoneticKeyTest, AgreesWithReferenceKeysInData) {
  auto fig = read_csv_file(UNCOUNTED_SHARED_DATA "/korean/name_variants_nk_public_figures.csv");
  ASSERT_TRUE(fig.has_value()) << fig.error().message();
  int n = 0;
  for (const auto& row : fig->rows) {
    const std::string& v = row.fields.at(1);
    const auto space = v.find(' ');
    ASSERT_NE(space, std::string::npos);
    EXPECT_EQ(phonetic_key(v.substr(0, space)), row.fields.at(2)) << "line " << row.line;
    EXPECT_EQ(phonetic_key(v.substr(space + 1)), row.fields.at(3)) << "line " << row.line;
    ++n;
  }
  EXPECT_EQ(n, 81);
  auto gaz = read_csv_file(UNCOUNTED_SHARED_DATA "/korean/kp_admin_gazetteer.csv");
  ASSERT_TRUE(gaz.has_value()) << gaz.error().message();
  for (const auto& row : gaz->rows) {
    // columns: rr 7, mr_south 8, dprk_simplified 11, phonetic_key 16
    for (std::size_t c : {7u, 8u, 11u}) {
      EXPECT_EQ(phonetic_key(row.fields.at(c)), row.fields.at(16)) << "line " << row.line;
    }
  }
}

}  // namespace
}  // namespace uncounted::normalize
