#include "io/clusters_csv.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace uncounted {
namespace {

std::string clusters_error(const std::string& text) {
  const std::string path =
      (std::filesystem::temp_directory_path() /
       ("uncounted_clusters_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".csv"))
          .string();
  std::ofstream(path) << text;
  auto rows = read_clusters_csv(path);
  std::filesystem::remove(path);
  EXPECT_FALSE(rows);
  return rows ? std::string() : rows.error().message();
}

TEST(ClustersCsv, ReadsRowsInOrder) {
  const std::string path = (std::filesystem::temp_directory_path() / "uncounted_clusters_ok.csv").string();
  std::ofstream(path) << "record_id,source,list,cluster_id\nr1,a,A,1\nr1,b,B,1\nr2,a,A,2\n";
  auto rows = read_clusters_csv(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(rows) << rows.error().message();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[1].source, "b");
  EXPECT_EQ((*rows)[2].cluster_id, 2u);
}

// A record in two clusters would be counted as two people (histories) and
// make pairs that do not exist (evaluate).
TEST(ClustersCsv, RejectsARecordListedTwice) {
  EXPECT_NE(clusters_error("record_id,source,list,cluster_id\nr1,a,A,1\nr2,a,A,2\nr1,a,A,3\n")
                .find(":4:1: this record (source and record_id) is already on line 2"),
            std::string::npos);
}

TEST(ClustersCsv, RejectsTextThatIsNotUtf8AndEmptyLists) {
  EXPECT_NE(clusters_error("record_id,source,list,cluster_id\nr1,a,L\xe9,1\n").find(":2:3: the list is not valid UTF-8"),
            std::string::npos);
  EXPECT_NE(clusters_error("record_id,source,list,cluster_id\nr1,\xfe,A,1\n").find(":2:2: the source is not valid UTF-8"),
            std::string::npos);
  EXPECT_NE(clusters_error("record_id,source,list,cluster_id\nr1,a,,1\n").find(":2:3: empty list"), std::string::npos);
}

}  // namespace
}  // namespace uncounted
