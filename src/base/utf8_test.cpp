#include "base/utf8.h"
#include "base/result.h"

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

namespace uncounted {
namespace {

TEST(Utf8, PrintableTextEscapesBadBytesAndControls) {
  EXPECT_EQ(printable_text("Kim Yong Chol 김영철\tline\nnext"), "Kim Yong Chol 김영철\tline\nnext");
  EXPECT_EQ(printable_text("L\xe9"), "L\\xE9");
  EXPECT_EQ(printable_text(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(printable_text("\x1b[31mred\r\x7f"), "\\x1B[31mred\\x0D\\x7F");
  EXPECT_EQ(printable_text("\xed\xa0\x80"), "\\xED\\xA0\\x80");  // a surrogate is ill-formed
  EXPECT_EQ(printable_text("a\xc2\x9b" "31mb"), "a\\u{009B}31mb");       // C1 CSI
  EXPECT_EQ(printable_text("x\xe2\x80\xaey"), "x\\u{202E}y");            // right-to-left override
}

TEST(Utf8, ValidityWithoutDecoding) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("Kim 김영철 金"));
  for (const char* bad : {"\xff", "L\xe9", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82"})
    EXPECT_FALSE(is_valid_utf8(bad)) << bad;
}

TEST(Utf8, ErrorsArePrintable) {
  EXPECT_EQ(Error("unknown column 'L\xe9\x1b'").message(), "unknown column 'L\\xE9\\x1B'");
  EXPECT_EQ(Error(SourceLocation{"f\xff.csv", 2, 3}, "bad\r").message(), "f\\xFF.csv:2:3: bad\\x0D");
}

}  // namespace
}  // namespace uncounted
