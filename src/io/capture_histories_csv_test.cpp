#include "io/capture_histories_csv.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace uncounted {
namespace {

class CaptureHistoriesCsv : public ::testing::Test {
 protected:
  std::string write(const std::string& text) {
    path_ = (std::filesystem::temp_directory_path() /
             ("uncounted_histories_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
              "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".csv"))
                .string();
    std::ofstream(path_) << text;
    return path_;
  }
  void TearDown() override {
    if (!path_.empty()) std::filesystem::remove(path_);
  }
  std::string error_of(const std::string& text, CaptureHistoriesOptions options = {}) {
    auto file = read_capture_histories(write(text), options);
    EXPECT_FALSE(file);
    return file ? std::string() : file.error().message();
  }
  std::string path_;
};

TEST_F(CaptureHistoriesCsv, ReadsAggregatedCounts) {
  auto file = read_capture_histories(write("A,B,C,count\n1,0,0,40\n0,1,0,30\n1,1,1,2.0\n"), {});
  ASSERT_TRUE(file) << file.error().message();
  EXPECT_TRUE(file->aggregated);
  EXPECT_EQ(file->lists, (std::vector<std::string>{"A", "B", "C"}));
  ASSERT_EQ(file->total.counts.size(), 8u);
  EXPECT_EQ(file->total.counts[0b001], 40);
  EXPECT_EQ(file->total.counts[0b010], 30);
  EXPECT_EQ(file->total.counts[0b111], 2);
  EXPECT_TRUE(file->strata.empty());
}

TEST_F(CaptureHistoriesCsv, ReadsIndividualRowsWithStrataAndIgnoresIds) {
  auto file = read_capture_histories(
      write("entity_id,A,B,period\ne1,1,0,2004\ne2,1,1,2004\ne3,0,1,2010\ne4,1,1,2004\n"),
      CaptureHistoriesOptions{"period"});
  ASSERT_TRUE(file) << file.error().message();
  EXPECT_FALSE(file->aggregated);
  EXPECT_EQ(file->lists, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(file->total.counts[0b11], 2);
  ASSERT_EQ(file->strata.size(), 2u);
  EXPECT_EQ(file->strata[0].stratum, "2004");
  EXPECT_EQ(file->strata[0].counts[0b11], 2);
  EXPECT_EQ(file->strata[0].counts[0b01], 1);
  EXPECT_EQ(file->strata[1].stratum, "2010");
  EXPECT_EQ(file->strata[1].counts[0b10], 1);
}

TEST_F(CaptureHistoriesCsv, RejectsValuesOtherThanZeroOne) {
  auto message = error_of("A,B,count\n1,0,3\n0,2,4\n");
  EXPECT_NE(message.find(":3:2: a list column must be 0 or 1 ('2')"), std::string::npos) << message;
  // A file given by mistake (records, not histories) is not printed back.
  // Longer numbers may be a year, a date or a telephone number: not shown.
  for (const char* cell : {"1933", "1933-07-19", "0101234567"}) {
    message = error_of(std::string("A,B,count\n1,0,3\n") + cell + ",1,4\n");
    EXPECT_EQ(message.find(cell), std::string::npos) << message;
  }
  message = error_of("A,B,count\n1,0,3\nZZSECRETNAME,1,4\n");
  EXPECT_NE(message.find(":3:1: a list column must be 0 or 1"), std::string::npos) << message;
  EXPECT_EQ(message.find("ZZSECRET"), std::string::npos) << message;
}

TEST_F(CaptureHistoriesCsv, RejectsNegativeAndFractionalCounts) {
  EXPECT_NE(error_of("A,B,count\n1,0,-3\n0,1,4\n").find(":2:3: field 'count' is negative"), std::string::npos);
  EXPECT_NE(error_of("A,B,count\n1,0,3\n0,1,4.5\n").find(":3:3: field 'count' is not a whole number"),
            std::string::npos);
  EXPECT_NE(error_of("A,B,count\n1,0,\n0,1,4\n").find(":2:3: field 'count' is empty"), std::string::npos);
}

// Found by a review: each of these used to be accepted, and some crashed
// the JSON output or overflowed later.
TEST_F(CaptureHistoriesCsv, RejectsBadTextEmptyStrataAndHugeTotals) {
  EXPECT_NE(error_of("A\xff,B,count\n1,0,10\n0,1,12\n").find(":1:1: the column's name is not valid UTF-8"),
            std::string::npos);
  CaptureHistoriesOptions by_s;
  by_s.stratum_column = "s";
  EXPECT_NE(error_of("A,B,s\n1,0,x\n0,1,\xfe\n", by_s).find(":3:3: the stratum is not valid UTF-8"),
            std::string::npos);
  EXPECT_NE(error_of("A,B,s\n1,0,x\n0,1,\n1,1,x\n", by_s).find(":3:3: the stratum ('s') is empty"),
            std::string::npos);
  EXPECT_NE(error_of("A,B,count\n1,0,10\n0,1,12\n1,1,9223372036854775807\n").find(":4:3: the counts add up to more"),
            std::string::npos);
  EXPECT_NE(error_of("A,B,count\n1,0,4611686018427387904\n0,1,4611686018427387904\n").find("add up to more"),
            std::string::npos);
  auto at_limit = read_capture_histories(write("A,B,count\n1,0,999999999999999\n0,1,1\n"), {});
  ASSERT_TRUE(at_limit) << at_limit.error().message();
  std::int64_t observed = 0;
  for (auto c : at_limit->total.counts) observed += c;
  EXPECT_EQ(observed, kMaxCaptureTotal);
}

TEST_F(CaptureHistoriesCsv, RejectsFewerThanTwoLists) {
  EXPECT_NE(error_of("A,count\n1,3\n").find("at least 2 list columns"), std::string::npos);
}

TEST_F(CaptureHistoriesCsv, RejectsListWithNoRecords) {
  auto message = error_of("A,B,C,count\n1,0,0,3\n0,1,0,4\n1,1,0,0\n");
  EXPECT_NE(message.find(":1:3: list 'C' has no records"), std::string::npos) << message;
}

TEST_F(CaptureHistoriesCsv, RejectsAllZeroPattern) {
  auto message = error_of("A,B,count\n1,0,3\n0,0,10\n0,1,1\n");
  EXPECT_NE(message.find(":3: the row is seen by no list"), std::string::npos) << message;
}

TEST_F(CaptureHistoriesCsv, RejectsDuplicatePatterns) {
  auto message = error_of("A,B,count\n1,0,3\n0,1,1\n1,0,2\n");
  EXPECT_NE(message.find(":4: duplicate capture pattern (already on line 2)"), std::string::npos) << message;
}

TEST_F(CaptureHistoriesCsv, SamePatternInDifferentStrataIsFine) {
  auto file = read_capture_histories(write("A,B,s,count\n1,0,x,3\n0,1,x,1\n1,0,y,2\n"),
                                     CaptureHistoriesOptions{"s"});
  ASSERT_TRUE(file) << file.error().message();
  EXPECT_EQ(file->total.counts[0b01], 5);
}

TEST_F(CaptureHistoriesCsv, RejectsRaggedRowsAndMissingStratumColumn) {
  EXPECT_NE(error_of("A,B,count\n1,0\n").find(":2: the row has 2 fields, the header has 3"), std::string::npos);
  EXPECT_NE(error_of("A,B\n1,0\n", CaptureHistoriesOptions{"period"}).find("no column named 'period'"),
            std::string::npos);
}

TEST_F(CaptureHistoriesCsv, MissingFile) {
  auto file = read_capture_histories("/nonexistent/h.csv", {});
  ASSERT_FALSE(file);
  EXPECT_NE(file.error().message().find("/nonexistent/h.csv: cannot open"), std::string::npos);
}

TEST_F(CaptureHistoriesCsv, ReadsEveryReferenceTable) {
  for (const char* name : {"Artificial_3", "HIV", "MY5", "Ned", "Ned_5", "NewOrl", "NewOrl_5", "Western",
                           "hare", "lesbian", "spina_bifida"}) {
    auto file = read_capture_histories(std::string(UNCOUNTED_SHARED_DATA) + "/mse/" + name + ".csv", {});
    ASSERT_TRUE(file) << name << ": " << file.error().message();
    EXPECT_TRUE(file->aggregated) << name;
  }
}

}  // namespace
}  // namespace uncounted
