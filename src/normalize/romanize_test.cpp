// Romanisation and sound changes on the test vectors of KOREAN.md 1.2 and 1.6,
// and agreement with the generated columns of the ALA-LC name list.
#include "normalize/romanize.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "base/csv_reader.h"
#include "normalize/hangul.h"
#include "normalize/internal/pronounce.h"
#include "base/utf8.h"

namespace uncounted::normalize {
namespace {

std::string word(const char* hangul, Romanization r) {
  auto out = romanize_word(hangul, r);
  EXPECT_TRUE(out.has_value());
  return out ? *out : std::string();
}

std::string name(const char* family, const char* given, Romanization r) {
  auto out = romanize_name(family, given, r);
  EXPECT_TRUE(out.has_value());
  return out ? *out : std::string();
}

TEST(HangulTest, SyllableArithmetic) {
  const auto j = decompose_syllable(U'김');
  ASSERT_TRUE(j.has_value());
  EXPECT_EQ(lead_letter(j->lead), U'ㄱ');
  EXPECT_EQ(vowel_letter(j->vowel), U'ㅣ');
  EXPECT_EQ(tail_letter(j->tail), U'ㅁ');
  EXPECT_EQ(*compose_syllable(*j), U'김');
  EXPECT_EQ(*decompose_syllable(0xAC00), (Jamo{0, 0, 0}));
  EXPECT_EQ(*decompose_syllable(0xD7A3), (Jamo{18, 20, 27}));
  EXPECT_FALSE(decompose_syllable(U'a').has_value());
  EXPECT_FALSE(compose_syllable(Jamo{19, 0, 0}).has_value());
  // Every syllable round-trips.
  for (char32_t cp = kFirstHangulSyllable; cp <= kLastHangulSyllable; ++cp) {
    ASSERT_EQ(*compose_syllable(*decompose_syllable(cp)), cp);
  }
}

TEST(HangulTest, InitialSoundLaw) {
  EXPECT_EQ(south_form(U'리'), U'이');
  EXPECT_EQ(south_form(U'림'), U'임');
  EXPECT_EQ(south_form(U'류'), U'유');
  EXPECT_EQ(south_form(U'로'), U'노');
  EXPECT_EQ(south_form(U'량'), U'양');
  EXPECT_EQ(south_form(U'려'), U'여');
  EXPECT_EQ(south_form(U'련'), U'연');
  EXPECT_EQ(south_form(U'녀'), U'여');
  EXPECT_EQ(south_form(U'라'), U'나');
  EXPECT_EQ(south_form(U'남'), U'남');
  EXPECT_EQ(south_form(U'김'), U'김');
  EXPECT_EQ(south_form(std::u32string(U"리설주")), U"이설주");
}

std::string pronounced(const char32_t* w) {
  std::string out;
  for (const auto& s : internal::pronounce(w, true)) {
    append_utf8(out, s.lead);
    append_utf8(out, vowel_letter(s.vowel));
    if (s.tail != 0) append_utf8(out, s.tail);
  }
  return out;
}

TEST(SoundChangeTest, KoreanMdRules) {
  EXPECT_EQ(pronounced(U"석운"), "ㅅㅓㄱㅜㄴ");  // linking: ㄱ moves over
  EXPECT_EQ(pronounced(U"같이"), "ㄱㅏㅊㅣ");                          // palatalisation
  EXPECT_EQ(pronounced(U"국민"), "ㄱㅜㅇㅁㅣㄴ");                      // nasalisation
  EXPECT_EQ(pronounced(U"신라"), "ㅅㅣㄹㄹㅏ");                        // ㄴ+ㄹ -> ll
  EXPECT_EQ(pronounced(U"종로"), "ㅈㅗㅇㄴㅗ");                        // ㅇ+ㄹ -> n
  EXPECT_EQ(pronounced(U"독립"), "ㄷㅗㅇㄴㅣㅂ");                      // obstruent + ㄹ
  EXPECT_EQ(pronounced(U"좋고"), "ㅈㅗㅋㅗ");                          // ㅎ aspirates
  EXPECT_EQ(pronounced(U"닭"), "ㄷㅏㄱ");                              // cluster at the end
}

TEST(RomanizeTest, WordVectors) {
  using R = Romanization;
  EXPECT_EQ(word("회령", R::kRevised), "hoeryeong");
  EXPECT_EQ(word("회령", R::kMcCuneReischauer), "hoeryŏng");
  EXPECT_EQ(word("회령", R::kDprkAscii), "hoeryong");
  EXPECT_EQ(word("삼수", R::kRevised), "samsu");
  EXPECT_EQ(word("삼수", R::kMcCuneReischauer), "samsu");
  EXPECT_EQ(word("혜산", R::kDprk1992), "hyesan");
  EXPECT_EQ(word("평양", R::kRevised), "pyeongyang");
  EXPECT_EQ(word("평양", R::kMcCuneReischauer), "p'yŏngyang");
  EXPECT_EQ(word("평양", R::kDprk1992), "phyŏngyang");
  EXPECT_EQ(word("평양", R::kDprkAscii), "phyongyang");
  EXPECT_EQ(word("평양", R::kMcCuneReischauerAscii), "pyongyang");
  EXPECT_EQ(word("신의주", R::kRevised), "sinuiju");
  EXPECT_EQ(word("신의주", R::kMcCuneReischauer), "sinŭiju");
  EXPECT_EQ(word("신의주", R::kDprkAscii), "sinuiju");
  EXPECT_EQ(word("독립", R::kRevised), "dongnip");
  EXPECT_EQ(word("독립", R::kMcCuneReischauer), "tongnip");
  EXPECT_EQ(word("종로", R::kRevised), "jongno");
  EXPECT_EQ(word("종로", R::kMcCuneReischauer), "chongno");
  EXPECT_EQ(word("신라", R::kRevised), "silla");
  EXPECT_EQ(word("신라", R::kMcCuneReischauer), "silla");
  EXPECT_EQ(word("국민", R::kRevised), "gungmin");
  EXPECT_EQ(word("입문", R::kRevised), "immun");
  EXPECT_EQ(word("백마", R::kRevised), "baengma");
  EXPECT_EQ(word("합리", R::kRevised), "hamni");
  EXPECT_EQ(word("석류", R::kRevised), "seongnyu");
  EXPECT_EQ(word("같이", R::kRevised), "gachi");
  EXPECT_EQ(word("좋고", R::kRevised), "joko");
  EXPECT_EQ(word("묵호", R::kRevised), "mukho");
  EXPECT_EQ(word("덕흥", R::kMcCuneReischauer), "tŏkhŭng");
  EXPECT_EQ(word("압구정", R::kRevised), "apgujeong");
  EXPECT_EQ(word("연구", R::kMcCuneReischauer), "yŏn'gu");
  EXPECT_EQ(word("영어", R::kMcCuneReischauer), "yŏngŏ");
  EXPECT_EQ(word("일하", R::kMcCuneReischauer), "irha");
  EXPECT_EQ(word("라선", R::kDprk1992), "rasŏn");
  EXPECT_EQ(word("자강", R::kDprk1992), "jagang");
  EXPECT_EQ(word("김책", R::kDprk1992), "kimchaek");
}

TEST(RomanizeTest, NameVectors) {
  using R = Romanization;
  EXPECT_EQ(name("김", "영철", R::kRevised), "Gim Yeong-cheol");
  EXPECT_EQ(name("김", "영철", R::kMcCuneReischauer), "Kim Yŏng-ch'ŏl");
  EXPECT_EQ(name("김", "영철", R::kMcCuneReischauerAscii), "Kim Yong-chol");
  EXPECT_EQ(name("김", "영철", R::kDprk1992), "Kim Yŏng-chŏl");
  EXPECT_EQ(name("김", "영철", R::kDprkAscii), "Kim Yong Chol");
  EXPECT_EQ(name("김", "정은", R::kDprkAscii), "Kim Jong Un");
  EXPECT_EQ(name("최", "룡해", R::kDprkAscii), "Choe Ryong Hae");
  EXPECT_EQ(name("장", "성택", R::kDprkAscii), "Jang Song Thaek");
  EXPECT_EQ(name("리", "용호", R::kDprkAscii), "Ri Yong Ho");
  EXPECT_EQ(name("리", "용호", R::kMcCuneReischauer), "I Yong-ho");
  EXPECT_EQ(name("박", "", R::kRevised), "Bak");
  EXPECT_EQ(name("박", "", R::kMcCuneReischauer), "Pak");
  EXPECT_EQ(name("강", "백년", R::kMcCuneReischauer), "Kang Paeng-nyŏn");
  EXPECT_EQ(name("강", "덕룡", R::kMcCuneReischauer), "Kang Tŏng-nyong");
  EXPECT_EQ(name("강", "석원", R::kMcCuneReischauer), "Kang Sŏg-wŏn");
  EXPECT_EQ(name("한", "복남", R::kRevised), "Han Bok-nam");
}

TEST(RomanizeTest, RejectsNonHangul) {
  EXPECT_FALSE(romanize_word("Kim", Romanization::kRevised).has_value());
  EXPECT_FALSE(romanize_word("", Romanization::kRevised).has_value());
  EXPECT_FALSE(romanize_word("\xff", Romanization::kRevised).has_value());
  EXPECT_FALSE(romanize_name("", "영철", Romanization::kRevised).has_value());
  // Decomposed input is composed first.
  EXPECT_EQ(word("\u1112\u116C\u1105\u1167\u11BC", Romanization::kRevised), "hoeryeong");
}

// The generated RR and DPRK columns of the ALA-LC list were made by the
// reference romaniser; ours must reproduce them, and the ALA-LC column itself
// (library practice) for all but a few compound or foreign names.
TEST(RomanizeTest, AlaLcNameList) {
  auto table = read_csv_file(UNCOUNTED_SHARED_DATA "/korean/name_pairs_alalc_cc0.csv");
  ASSERT_TRUE(table.has_value()) << table.error().message();
  int rows = 0, alalc = 0, rr = 0, dprk = 0, generated = 0;
  for (const auto& row : table->rows) {
    ASSERT_GE(row.fields.size(), 4u);
    auto cps = decode_utf8(row.fields[0]);
    ASSERT_TRUE(cps.has_value());
    if (!is_hangul_word(*cps) || cps->size() < 2) continue;
    ++rows;
    // The generator split 공손 and 선우 as two-syllable family names.
    const std::u32string_view first_two = std::u32string_view(*cps).substr(0, 2);
    const std::size_t fam_len =
        (cps->size() > 2 && (first_two == U"공손" || first_two == U"선우")) ? 2 : 1;
    const std::string fam = encode_utf8(cps->substr(0, fam_len));
    const std::string giv = encode_utf8(cps->substr(fam_len));
    alalc += name(fam.c_str(), giv.c_str(), Romanization::kMcCuneReischauer) == row.fields[1];
    if (row.fields[2].empty()) continue;
    ++generated;
    rr += name(fam.c_str(), giv.c_str(), Romanization::kRevised) == row.fields[2];
    dprk += name(fam.c_str(), giv.c_str(), Romanization::kDprkAscii) == row.fields[3];
  }
  std::printf("[ ALA-LC  ] Hangul names %d: MR = ALA-LC %d (%.1f%%); RR = generated %d/%d; "
              "DPRK = generated %d/%d\n",
              rows, alalc, 100.0 * alalc / rows, rr, generated, dprk, generated);
  EXPECT_EQ(rr, generated);
  EXPECT_EQ(dprk, generated);
  EXPECT_GE(alalc, rows * 98 / 100);
}

}  // namespace
}  // namespace uncounted::normalize
