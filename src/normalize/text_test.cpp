// Unicode normalisation, script detection, surname table, Unihan readings
// and bzip2 input.
#include "normalize/text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "base/csv_reader.h"
#include "normalize/bzip2.h"
#include "normalize/hanja.h"
#include "normalize/surnames.h"

namespace uncounted::normalize {
namespace {

TEST(TextTest, NfcComposesHangulAndLatin) {
  EXPECT_EQ(*to_nfc("\u1112\u116C\u1105\u1167\u11BC"), "회령");  // conjoining jamo
  EXPECT_EQ(*to_nfc("Yo\u0306ng"), "Yŏng");                       // o + combining breve
  EXPECT_FALSE(to_nfc("\xC0\x80").has_value());                   // overlong NUL
  EXPECT_FALSE(to_nfc("\xED\xA0\x80").has_value());               // surrogate
  EXPECT_FALSE(to_nfc("abc\xE2\x82").has_value());                // truncated
}

TEST(TextTest, FoldingAndDiacritics) {
  EXPECT_EQ(*fold_for_matching("KIM Yŏng-Ch'ŏl"), "kim yŏng-ch'ŏl");
  EXPECT_EQ(*fold_for_matching("\u3131"), "\u1100");  // compatibility jamo -> conjoining
  EXPECT_EQ(*fold_for_matching("ＫＩＭ"), "kim");
  EXPECT_EQ(*strip_diacritics("Hŭich'ŏn"), "huich'on");
  EXPECT_EQ(*strip_diacritics("김영철"), "김영철");  // Hangul is kept whole
  EXPECT_EQ(latin_letters("Kim Yŏng-ch'ŏl"), "kimyongchol");
  EXPECT_EQ(latin_letters("\xff"), "");
}

TEST(TextTest, ScriptDetection) {
  EXPECT_EQ(detect_script("김영철"), Script::kHangul);
  EXPECT_EQ(detect_script("金永哲"), Script::kHan);
  EXPECT_EQ(detect_script("Kim Yŏng-ch'ŏl"), Script::kLatin);
  EXPECT_EQ(detect_script("Kim 영철"), Script::kMixed);
  EXPECT_EQ(detect_script("Ким"), Script::kOther);
  EXPECT_EQ(detect_script("1979-03, ()"), Script::kNone);
  EXPECT_EQ(detect_script(""), Script::kNone);
}

TEST(SurnameTableTest, NorthSouthFormsAndSpellings) {
  const std::string path = UNCOUNTED_SHARED_DATA "/korean/surnames.csv";
  auto text = read_file(path);
  ASSERT_TRUE(text.has_value());
  auto table = SurnameTable::parse(*text, path);
  ASSERT_TRUE(table.has_value()) << table.error().message();
  EXPECT_EQ(table->entries().size(), 79u);
  const std::pair<const char*, const char*> north_south[] = {
      {"리", "이"}, {"림", "임"}, {"류", "유"}, {"로", "노"}, {"량", "양"}, {"려", "여"}};
  for (const auto& [north, south] : north_south) {
    const Surname* n = table->find_hangul(north);
    ASSERT_NE(n, nullptr) << north;
    EXPECT_EQ(n->hangul_south, south);
    EXPECT_EQ(n, table->find_hangul(south));
  }
  EXPECT_EQ(table->find_hangul("李"), table->find_hangul("이"));
  for (const char* s : {"Lee", "Rhee", "Yi", "Ri", "LI", "I"}) {
    const auto found = table->find_latin(s);
    ASSERT_FALSE(found.empty()) << s;
    EXPECT_EQ(found.front()->hangul_south, "이") << s;
  }
  for (const char* s : {"Park", "Pak", "Bak"}) EXPECT_EQ(table->find_latin(s).at(0)->hangul_south, "박");
  for (const char* s : {"Kim", "Gim"}) EXPECT_EQ(table->find_latin(s).at(0)->hangul_south, "김");
  for (const char* s : {"Choe", "Choi", "Ch'oe"}) {
    EXPECT_EQ(table->find_latin(s).at(0)->hangul_south, "최") << s;
  }
  // Jin is 김 by Pinyin and 진 by RR: both are returned.
  const auto jin = table->find_latin("Jin");
  EXPECT_GE(jin.size(), 2u);
  EXPECT_FALSE(table->find_key("PAK").empty());
  const Surname* kim = table->find_hangul("김");
  ASSERT_NE(kim, nullptr);
  EXPECT_GT(table->population_share(*kim), 0.15);
  EXPECT_LT(table->population_share(*kim), 0.30);
  EXPECT_FALSE(SurnameTable::parse("a,b\n1,2\n", "x.csv").has_value());
}

TEST(HanjaTest, UnihanReadings) {
  auto readings = read_file(kDebianUnihanReadings);
  auto variants = read_file(kDebianUnihanVariants);
  ASSERT_TRUE(readings && variants) << "needs Debian's unicode-data package";
  auto r = decompress_bzip2(*readings);
  auto v = decompress_bzip2(*variants);
  ASSERT_TRUE(r && v);
  auto h = HanjaReadings::parse(*r, *v);
  ASSERT_TRUE(h.has_value()) << h.error().message();
  auto has = [](const std::vector<char32_t>& list, char32_t c) {
    return std::find(list.begin(), list.end(), c) != list.end();
  };
  EXPECT_TRUE(has(h->hangul(U'金'), U'김'));
  EXPECT_TRUE(has(h->hangul(U'金'), U'금'));
  EXPECT_TRUE(has(h->hangul(U'李'), U'리'));
  // Simplified 宁 reads through traditional 寧 first.
  const auto ning = h->hangul(U'宁');
  ASSERT_FALSE(ning.empty());
  EXPECT_EQ(ning.front(), U'녕');
  EXPECT_TRUE(has(h->hangul(U'会'), U'회'));
  const auto spellings = h->hangul_spellings("金永哲");
  EXPECT_NE(std::find(spellings.begin(), spellings.end(), "김영철"), spellings.end());
  EXPECT_TRUE(h->hangul_spellings("金x").empty());
  EXPECT_EQ(h->mandarin(U'金'), "jīn");
  EXPECT_TRUE(h->hangul(U'a').empty());
  EXPECT_FALSE(HanjaReadings::parse("U+91D1\tkMandarin\tjīn\n", "").has_value());
}

TEST(Bzip2Test, RejectsBadInput) {
  EXPECT_FALSE(decompress_bzip2("not bzip2 at all").has_value());
  EXPECT_FALSE(decompress_bzip2("").has_value());
  auto data = read_file(kDebianUnihanVariants);
  ASSERT_TRUE(data.has_value());
  EXPECT_FALSE(decompress_bzip2(std::string_view(*data).substr(0, data->size() / 2)).has_value());
  EXPECT_FALSE(decompress_bzip2(*data, 1000).has_value());  // size cap
}

}  // namespace
}  // namespace uncounted::normalize
