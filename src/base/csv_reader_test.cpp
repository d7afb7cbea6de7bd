#include "base/csv_reader.h"

#include <gtest/gtest.h>

namespace uncounted {
namespace {

TEST(CsvReader, ParsesQuotedFieldsAndLineNumbers) {
  auto table = parse_csv("\xEF\xBB\xBF" "a,b\r\n1,\"x, \"\"y\"\"\"\n\n\"multi\nline\",2\n3,4", "t.csv");
  ASSERT_TRUE(table) << table.error().message();
  EXPECT_EQ(table->header, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(table->rows.size(), 3u);
  EXPECT_EQ(table->rows[0].fields[1], "x, \"y\"");
  EXPECT_EQ(table->rows[0].line, 2);
  EXPECT_EQ(table->rows[1].fields[0], "multi\nline");
  EXPECT_EQ(table->rows[1].line, 4);
  EXPECT_EQ(table->rows[2].line, 6);
  EXPECT_EQ(table->rows[2].fields[1], "4");
}

TEST(CsvReader, KeepsEmptyFields) {
  auto table = parse_csv("a,b,c\n,,\n", "t.csv");
  ASSERT_TRUE(table);
  ASSERT_EQ(table->rows.size(), 1u);
  EXPECT_EQ(table->rows[0].fields, (std::vector<std::string>{"", "", ""}));
}

TEST(CsvReader, RejectsStrayQuoteWithLocation) {
  auto table = parse_csv("a,b\n1,x\"y\n", "t.csv");
  ASSERT_FALSE(table);
  EXPECT_EQ(table.error().message().rfind("t.csv:2:4:", 0), 0u) << table.error().message();
}

TEST(CsvReader, RejectsUnterminatedQuote) {
  auto table = parse_csv("a,b\n1,\"open\n2,3\n", "t.csv");
  ASSERT_FALSE(table);
  EXPECT_NE(table.error().message().find("t.csv:2:3:"), std::string::npos) << table.error().message();
}

TEST(CsvReader, RejectsTextAfterClosingQuote) {
  EXPECT_FALSE(parse_csv("a\n\"x\"y\n", "t.csv"));
}

TEST(CsvReader, EmptyFileIsAnError) { EXPECT_FALSE(parse_csv("", "t.csv")); }

TEST(CsvReader, MissingFileNamesThePath) {
  auto table = read_csv_file("/nonexistent/histories.csv");
  ASSERT_FALSE(table);
  EXPECT_NE(table.error().message().find("/nonexistent/histories.csv"), std::string::npos);
}

}  // namespace
}  // namespace uncounted
