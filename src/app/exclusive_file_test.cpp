#include "app/exclusive_file.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "base/scratch_folder.h"
#include "crypto/keyed_hash.h"

namespace uncounted {
namespace {

namespace fs = std::filesystem;

class ExclusiveFileTest : public ::testing::Test {
 protected:
  static std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  ScratchFolder scratch_{"exclusive_file"};
  fs::path dir_ = scratch_.path();
};

TEST_F(ExclusiveFileTest, WritesANewFileWithTheGivenMode) {
  const fs::path path = dir_ / "out.part";
  auto file = ExclusiveFile::create(path.string(), 0600);
  ASSERT_TRUE(file) << file.error().message();
  std::string big(200000, 'x');  // more than the buffer holds
  big[123456] = 'y';
  file->out() << "head\n" << big;
  ASSERT_TRUE(file->finish());
  EXPECT_EQ(slurp(path), "head\n" + big);
  EXPECT_EQ(file->sha256_hex(), crypto::sha256_hex(std::string_view("head\n" + big)));
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST_F(ExclusiveFileTest, NeverOpensWhatIsAlreadyThere) {
  const fs::path existing = dir_ / "existing";
  std::ofstream(existing) << "kept";
  auto over_file = ExclusiveFile::create(existing.string(), 0600);
  ASSERT_FALSE(over_file);
  EXPECT_NE(over_file.error().message().find("cannot write"), std::string::npos);
  EXPECT_EQ(slurp(existing), "kept");
  // Nor a symbolic link, even to a file that does not exist yet.
  const fs::path link = dir_ / "link";
  fs::create_symlink(existing, link);
  EXPECT_FALSE(ExclusiveFile::create(link.string(), 0600));
  EXPECT_EQ(slurp(existing), "kept");
  const fs::path dangling = dir_ / "dangling";
  fs::create_symlink(dir_ / "nowhere", dangling);
  EXPECT_FALSE(ExclusiveFile::create(dangling.string(), 0600));
  EXPECT_FALSE(fs::exists(dir_ / "nowhere"));
}

}  // namespace
}  // namespace uncounted
