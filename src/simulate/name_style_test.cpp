#include "simulate/name_style.h"

#include <map>
#include <set>

#include <gtest/gtest.h>

#include "normalize/hangul.h"
#include "normalize/text.h"
#include "simulate/internal/inventory.h"
#include "simulate/internal/test_tables.h"
#include "base/utf8.h"
#include "simulate/internal/text_util.h"

namespace uncounted::simulate {
namespace {

using normalize::Script;

const std::vector<Person>& population() {
  static const std::vector<Person> people = [] {
    PopulationOptions o;
    o.seed = 5;
    o.people = 3000;
    auto p = generate_population(o, testing::tables().view());
    if (!p) std::abort();
    return *p;
  }();
  return people;
}

bool all_ascii(const std::string& s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

TEST(Inventory, EveryGivenNameSyllableHasHanjaThatReadsIt) {
  const auto& hanja = testing::tables().hanja;
  std::set<std::string> syllables;
  for (const auto& n : internal::common_female_names())
    for (const auto& s : internal::characters(n.hangul)) syllables.insert(s);
  for (const auto& n : internal::common_male_names())
    for (const auto& s : internal::characters(n.hangul)) syllables.insert(s);
  for (auto list : {internal::female_first_syllables(), internal::female_second_syllables(),
                    internal::male_first_syllables(), internal::male_second_syllables()})
    for (auto s : list) syllables.insert(std::string(s));
  for (const auto& s : syllables) {
    const internal::SyllableHanja* h = internal::syllable_hanja(s);
    ASSERT_NE(h, nullptr) << s;
    const char32_t syllable = decode_utf8_lossy(s)[0];
    const auto trad = internal::split_any(h->traditional, "|");
    const auto simp = internal::split_any(h->simplified, "|");
    ASSERT_EQ(trad.size(), simp.size()) << s;
    for (const auto& forms : {trad, simp}) {
      for (const auto& ch : forms) {
        const auto readings = hanja.hangul(decode_utf8_lossy(ch)[0]);
        bool reads = false;
        for (char32_t r : readings) reads = reads || r == syllable || normalize::south_form(syllable) == r;
        EXPECT_TRUE(reads) << s << " " << ch;
      }
    }
  }
}

TEST(Inventory, SouthSpellingsNameTheRightSurname) {
  const auto& surnames = testing::tables().surnames;
  int listed = 0;
  for (const auto& s : surnames.entries()) {
    const auto spellings = internal::split_any(internal::south_surname_spellings(s.hangul_south), "|");
    if (spellings.empty()) continue;
    ++listed;
    bool found = false;
    for (const auto* e : surnames.find_latin(spellings[0])) found = found || e == &s;
    EXPECT_TRUE(found) << s.hangul_south << " " << spellings[0];
  }
  EXPECT_GE(listed, 70);
}

TEST(Population, NamesakesRecur) {
  std::map<std::string, int> names;
  int kim_lee_park = 0, women = 0;
  for (const auto& p : population()) {
    ++names[p.family_hangul + p.given_hangul];
    kim_lee_park += p.family_hangul_south == "김" || p.family_hangul_south == "이" ||
                    p.family_hangul_south == "박";
    women += p.sex == 'F';
  }
  // "Dozens of different 김영희" among 3,000 people.
  EXPECT_GE(names["김영희"], 24);
  EXPECT_GE(names["김영철"], 8);
  EXPECT_GE(names["리영희"], 12);
  const double n = static_cast<double>(population().size());
  EXPECT_NEAR(kim_lee_park / n, 0.45, 0.04);
  EXPECT_NEAR(women / n, 0.75, 4 * std::sqrt(0.75 * 0.25 / n));
}

TEST(NameStyle, HangulSouthUsesSouthFormsAndOnlyHangul) {
  Rng rng(1);
  const NameForm form;
  int north_family = 0;
  for (const auto& p : population()) {
    const auto parts = write_name(p, NameStyle::kHangulSouth, form, testing::tables().view(), rng);
    const WrittenName w = compose(parts, form);
    ASSERT_EQ(normalize::detect_script(w.full_name), Script::kHangul) << w.full_name;
    ASSERT_EQ(w.name_hangul.substr(0, p.family_hangul_south.size()), p.family_hangul_south);
    EXPECT_TRUE(w.name_hanzi.empty());
    north_family += p.family_hangul != p.family_hangul_south;
    for (const char* north : {"리", "림", "류", "로", "량", "라", "려", "렴", "련", "륙"})
      ASSERT_NE(internal::characters(w.name_hangul)[0], north);
  }
  EXPECT_GT(north_family, 300);  // 리 -> 이 and friends were exercised
}

TEST(NameStyle, DprkStyleNeverEmitsHangulAndWritesRi) {
  Rng rng(2);
  NameForm form;
  form.spaced = 1;
  form.hyphenated = 0;
  form.joined = 0;
  form.south_given_rate = 0;
  for (const auto& p : population()) {
    const WrittenName w =
        compose(write_name(p, NameStyle::kDprkAscii, form, testing::tables().view(), rng), form);
    ASSERT_TRUE(all_ascii(w.full_name)) << w.full_name;
    ASSERT_TRUE(w.name_hangul.empty() && w.name_hanzi.empty());
    if (p.family_hangul == "리") {
      ASSERT_EQ(w.full_name.substr(0, 3), "Ri ");
    }
    if (p.family_hangul_south == "김" && p.given_hangul == "영철") {
      ASSERT_EQ(w.full_name, "Kim Yong Chol");
    }
  }
}

TEST(NameStyle, SouthAdHocUsesLeeParkChoi) {
  Rng rng(3);
  const NameForm form;
  std::map<std::string, std::map<std::string, int>> family;
  for (const auto& p : population()) {
    const auto parts = write_name(p, NameStyle::kSouthAdHoc, form, testing::tables().view(), rng);
    ASSERT_TRUE(all_ascii(parts.family + parts.given));
    ++family[p.family_hangul_south][parts.family];
  }
  for (const auto& [hangul, usual] : std::map<std::string, std::string>{
           {"이", "Lee"}, {"박", "Park"}, {"최", "Choi"}, {"김", "Kim"}}) {
    int total = 0;
    for (const auto& [spelling, n] : family[hangul]) total += n;
    EXPECT_GT(family[hangul][usual], 0.7 * total) << hangul;
    EXPECT_EQ(family[hangul]["Ri"], 0) << hangul;
  }
}

TEST(NameStyle, RrCapitalsAndMrDiacriticsAndPinyin) {
  Rng rng(4);
  NameForm form;
  form.split_fields = true;
  int breves = 0, with_hanzi = 0, total = 0;
  for (const auto& p : population()) {
    const auto& t = testing::tables().view();
    const WrittenName rr = compose(write_name(p, NameStyle::kRrCapitals, form, t, rng), form);
    ASSERT_EQ(rr.family_name, internal::upper_ascii(rr.family_name));
    ASSERT_TRUE(all_ascii(rr.full_name));
    const WrittenName mr = compose(write_name(p, NameStyle::kMrDiacritics, form, t, rng), form);
    breves += mr.full_name.find("ŏ") != std::string::npos || mr.full_name.find("ŭ") != std::string::npos;
    if (p.family_hangul_south == "이") {
      ASSERT_EQ(mr.family_name, "Yi");
    }
    const WrittenName py = compose(write_name(p, NameStyle::kPinyin, form, t, rng), form);
    ASSERT_EQ(normalize::detect_script(py.full_name), Script::kLatin) << py.full_name;
    if (!py.name_hanzi.empty()) {
      ++with_hanzi;
      ASSERT_EQ(py.name_hanzi, p.name_hanzi);
      ASSERT_EQ(normalize::detect_script(py.name_hanzi), Script::kHan);
    }
    if (p.family_hangul_south == "김") {
      ASSERT_TRUE(py.family_name == "Jin" || py.family_name == "Jīn" || py.family_name == "JIN") << py.family_name;
    }
    if (p.family_hangul_south == "박") {
      ASSERT_TRUE(py.family_name == "Piao" || py.family_name == "Piáo" || py.family_name == "PIAO") << py.family_name;
    }
    ++total;
  }
  EXPECT_GT(breves, total / 2);
  EXPECT_NEAR(with_hanzi / static_cast<double>(total), 0.8, 0.04);
}

TEST(NameStyle, OrderAndJoiningVary) {
  Rng rng(6);
  NameForm form;
  form.given_first_rate = 0.3;
  form.comma_rate = 0.5;
  std::set<char> joins;
  int given_first = 0, comma = 0, n = 0;
  for (const auto& p : population()) {
    const auto parts = write_name(p, NameStyle::kDprkAscii, form, testing::tables().view(), rng);
    const WrittenName w = compose(parts, form);
    given_first += parts.given_first;
    comma += w.full_name.find(',') != std::string::npos;
    if (parts.given.find(' ') != std::string::npos) joins.insert(' ');
    else if (parts.given.find('-') != std::string::npos) joins.insert('-');
    else joins.insert('j');
    if (parts.given_first) {
      ASSERT_EQ(w.full_name, parts.given + " " + parts.family);
    }
    ++n;
  }
  EXPECT_EQ(joins.size(), 3u);
  EXPECT_NEAR(given_first / double(n), 0.3, 0.04);
  EXPECT_NEAR(comma / double(n), 0.7 * 0.5, 0.04);
}

}  // namespace
}  // namespace uncounted::simulate
