#include "app/output_paths.h"

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <gtest/gtest.h>

#include "base/scratch_folder.h"
namespace uncounted {
namespace {

namespace fs = std::filesystem;

class OutputPaths : public ::testing::Test {
 protected:
  void TearDown() override { fs::current_path(cwd_); }
  std::string write(const std::string& name, const std::string& text = "x\n") {
    const fs::path p = dir_ / name;
    std::ofstream out(p, std::ios::binary);
    out << text;
    return p.string();
  }
  std::string at(const std::string& name) const { return (dir_ / name).string(); }

  ScratchFolder scratch_{"output_paths_test"};
  fs::path dir_ = scratch_.path();
  fs::path cwd_ = fs::current_path();
};

std::string message_of(const Status& s) { return s ? std::string() : s.error().message(); }

TEST_F(OutputPaths, AcceptsOutputsThatAreNoInput) {
  const std::string a = write("a.csv"), b = write("b.csv");
  EXPECT_TRUE(check_output_paths({{"the record file", a}, {"the record file", b}},
                                 {{"--out-clusters", at("clusters.csv")}, {"--out-pairs", at("pairs.csv")}}));
  // An output may replace a file that is no input (as `report --out` does).
  const std::string old = write("old.html");
  EXPECT_TRUE(check_output_paths(store_paths(at("cases.store")), {{"--out", old}}));
}

TEST_F(OutputPaths, SkipsPathsNotGiven) {
  const std::string a = write("a.csv");
  EXPECT_TRUE(check_output_paths({{"the passphrase file", ""}, {"the record file", a}},
                                 {{"--out-clusters", at("c.csv")}, {"--out-pairs", ""}}));
  EXPECT_TRUE(store_paths("").empty());
}

TEST_F(OutputPaths, RefusesTheStoreAndItsJournalAndLock) {
  const std::string store = write("cases.store");
  const auto inputs = store_paths(store);
  ASSERT_GE(inputs.size(), 3u);
  EXPECT_EQ(inputs[1].path, store + ".journal");
  EXPECT_EQ(inputs[2].path, store + ".lock");
  EXPECT_EQ(message_of(check_output_paths(inputs, {{"--out", store}})),
            "--out would overwrite the store " + store + "; choose another file");
  // The journal and lock file need not exist yet.
  EXPECT_EQ(message_of(check_output_paths(inputs, {{"--out", store + ".journal"}})),
            "--out would overwrite the store's journal " + store + ".journal; choose another file");
  EXPECT_EQ(message_of(check_output_paths(inputs, {{"--out", store + ".lock"}})),
            "--out would overwrite the store's lock file " + store + ".lock; choose another file");
}

TEST_F(OutputPaths, ComparesResolvedPaths) {
  const std::string a = write("a.csv");
  fs::create_directories(dir_ / "sub");
  const std::string dotted = (dir_ / "sub" / ".." / "." / "a.csv").string();
  auto refused = check_output_paths({{"the record file", a}}, {{"--out-clusters", dotted}});
  EXPECT_EQ(message_of(refused), "--out-clusters would overwrite the record file " + a + "; choose another file");
  // A relative path, from the working directory.
  fs::current_path(dir_ / "sub");
  EXPECT_FALSE(check_output_paths({{"the record file", a}}, {{"--out-clusters", "../a.csv"}}));
  EXPECT_FALSE(check_output_paths({{"the record file", "../a.csv"}}, {{"--out-clusters", a}}));
  EXPECT_TRUE(check_output_paths({{"the record file", "../a.csv"}}, {{"--out-clusters", "a.csv"}}));
}

TEST_F(OutputPaths, FollowsSymbolicLinks) {
  const std::string store = write("cases.store");
  fs::create_symlink(store, dir_ / "link.html");
  EXPECT_FALSE(check_output_paths(store_paths(store), {{"--out", at("link.html")}}));
  // The input reached through a link to its folder.
  fs::create_directory_symlink(dir_, dir_ / "same");
  EXPECT_FALSE(check_output_paths(store_paths(at("same/cases.store")), {{"--out", store}}));
  // The companions of the store's real name, when it is opened through a link.
  fs::create_symlink("cases.store", dir_ / "alias");
  EXPECT_EQ(message_of(check_output_paths(store_paths(at("alias")), {{"--out", store + ".lock"}})),
            "--out would overwrite the store's lock file " + store + ".lock; choose another file");
  EXPECT_FALSE(check_output_paths(store_paths(at("alias")), {{"--out", at("alias.journal")}}));
  // A link to a file that does not exist yet (the journal): writing through it would make that file.
  fs::create_symlink("cases.store.journal", dir_ / "dangling.html");
  EXPECT_EQ(message_of(check_output_paths(store_paths(store), {{"--out", at("dangling.html")}})),
            "--out would overwrite the store's journal " + store + ".journal; choose another file");
}

TEST_F(OutputPaths, RefusesHardLinks) {
  const std::string a = write("a.csv");
  fs::create_hard_link(a, dir_ / "b.csv");
  EXPECT_FALSE(check_output_paths({{"the record file", a}}, {{"--out-clusters", at("b.csv")}}));
}

TEST_F(OutputPaths, RefusesTwoOutputsInOneFile) {
  const std::string a = write("a.csv");
  auto refused = check_output_paths({{"the record file", a}},
                                    {{"--out-clusters", at("out.csv")}, {"--out-pairs", at("./out.csv")}});
  EXPECT_EQ(message_of(refused), "--out-pairs would overwrite the file --out-clusters writes, " + at("out.csv") +
                                     "; choose another file");
}

TEST_F(OutputPaths, RefusesAnyExistingStore) {
  // Not this command's store, but a store all the same (its magic).
  const std::string other = write("other.store", std::string("UNCSTOR1") + std::string(24, '\0'));
  EXPECT_EQ(message_of(check_output_paths({}, {{"--out-clusters", other}})),
            "--out-clusters would overwrite the encrypted store " + other + "; choose another file");
}

TEST_F(OutputPaths, NamesFolders) {
  fs::create_directories(dir_ / "data");
  EXPECT_EQ(message_of(check_output_paths({{"the reference data folder", at("data")}}, {{"--out", at("data/")}})),
            "--out would overwrite the reference data folder " + at("data") + "; choose another folder");
  EXPECT_TRUE(check_output_paths({{"the reference data folder", at("data")}}, {{"--out", at("data/sim")}}));
}

TEST_F(OutputPaths, NeverRefusesDevices) {
  EXPECT_TRUE(check_output_paths({{"the passphrase file", "/dev/null"}},
                                 {{"--out", "/dev/null"}, {"--out-pairs", "/dev/null"}}));
}

// /dev/stdout on a pipe resolves to "/proc/self/fd/pipe:[N]", no path at
// all: its type is taken from the path as given, so two outputs to it are
// not refused.
TEST_F(OutputPaths, NeverRefusesAPipe) {
  int ends[2];
  ASSERT_EQ(::pipe(ends), 0);
  const std::string writer = "/proc/self/fd/" + std::to_string(ends[1]);
  auto ok = check_output_paths({}, {{"--out", writer}, {"--out-pairs", writer}});
  ::close(ends[0]);
  ::close(ends[1]);
  EXPECT_TRUE(ok) << (ok ? "" : ok.error().message());
}

}  // namespace
}  // namespace uncounted
