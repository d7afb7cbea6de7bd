#include "simulate/typos.h"

#include <gtest/gtest.h>

#include "base/utf8.h"
#include "simulate/internal/text_util.h"

namespace uncounted::simulate {
namespace {

TEST(Typos, LatinTypoAlwaysChangesOneLetterAndKeepsSeparators) {
  Rng rng(3);
  for (const std::string s : {"Kim Yong Chol", "Young-chul", "Ch'ŏl", "KIM", "Jin Yongzhe", "a"}) {
    for (int i = 0; i < 500; ++i) {
      const std::string t = latin_typo(s, rng);
      ASSERT_NE(t, s) << s;
      const auto a = decode_utf8_lossy(s), b = decode_utf8_lossy(t);
      ASSERT_LE(std::max(a.size(), b.size()) - std::min(a.size(), b.size()), 1u) << t;
      for (char sep : {' ', '-', '\''})
        ASSERT_EQ(std::count(s.begin(), s.end(), sep), std::count(t.begin(), t.end(), sep)) << t;
    }
  }
  EXPECT_EQ(latin_typo("- '", rng), "- '");
}

TEST(Typos, HangulTypoChangesExactlyOneSyllable) {
  Rng rng(4);
  for (const std::string s : {"김영희", "리련화", "박철", "영"}) {
    const auto a = decode_utf8_lossy(s);
    for (int i = 0; i < 500; ++i) {
      const auto b = decode_utf8_lossy(hangul_typo(s, rng));
      ASSERT_EQ(a.size(), b.size());
      int changed = 0;
      for (std::size_t k = 0; k < a.size(); ++k) changed += a[k] != b[k];
      ASSERT_EQ(changed, 1) << s;
    }
  }
}

TEST(Typos, HanziTypoUsesAHomophoneAndKeepsTheFamilyName) {
  Rng rng(5);
  int changed = 0;
  for (int i = 0; i < 200; ++i) {
    const std::string t = hanzi_typo("金英姬", 1, rng);
    ASSERT_EQ(t.substr(0, 3), "金");
    changed += t != "金英姬";
  }
  EXPECT_EQ(changed, 200);
  EXPECT_EQ(hanzi_typo("金玉", 1, rng), "金玉");  // 玉 has no listed homophone
}

}  // namespace
}  // namespace uncounted::simulate
