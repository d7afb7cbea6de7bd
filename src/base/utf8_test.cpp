#include "base/utf8.h"

#include <gtest/gtest.h>

namespace uncounted {
namespace {

TEST(Utf8, RoundTripsEveryLength) {
  const std::u32string text = U"a\u00e9\ud55c\U0001F600";  // 1, 2, 3 and 4 bytes
  const std::string bytes = encode_utf8(text);
  EXPECT_EQ(bytes, "a\xC3\xA9\xED\x95\x9C\xF0\x9F\x98\x80");
  ASSERT_TRUE(decode_utf8(bytes));
  EXPECT_EQ(*decode_utf8(bytes), text);
  EXPECT_EQ(decode_utf8_lossy(bytes), text);
}

TEST(Utf8, StrictDecodingRefusesIllFormedSequences) {
  for (const char* bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\x80", "\xFF"})
    EXPECT_FALSE(decode_utf8(bad)) << static_cast<int>(static_cast<unsigned char>(bad[0]));
}

TEST(Utf8, LossyDecodingReplacesEachBadByte) {
  EXPECT_EQ(decode_utf8_lossy("a\xFF" "b\xE2\x82"), U"a\uFFFDb\uFFFD\uFFFD");
}

}  // namespace
}  // namespace uncounted
