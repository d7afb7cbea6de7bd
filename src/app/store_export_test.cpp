#include "app/store_export.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "base/scratch_folder.h"
#include "store/case_store.h"
#include "store/record_repository.h"

namespace uncounted {
namespace {

namespace fs = std::filesystem;

class StoreExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto kdf = crypto::KdfParams::fresh();
    kdf.opslimit = 1;
    kdf.memlimit = crypto::kMinMemLimit;
    ASSERT_TRUE(store::CaseStore::create(path_, crypto::SecureBytes::copy_of(kPass), kdf, "tester"));
  }

  // Stores `records` under `source` through the store's own interface,
  // which (unlike import) does not check the source's name: as a store
  // made before import checked names may hold.
  void put(const std::string& source, const std::vector<CaseRecord>& records) {
    auto opened = store::CaseStore::open(path_, crypto::SecureBytes::copy_of(kPass), store::Access::write);
    ASSERT_TRUE(opened) << opened.error().message();
    store::ImportBatch b;
    b.source = source;
    b.list = "A";
    b.file_name = "in.csv";
    b.file_sha256 = std::string(64, 'a');
    b.format = "csv";
    b.actor = "tester";
    b.rows = records.size();
    auto ok = opened->write([&](store::Database& db) -> Status {
      auto counts = store::put_records(db, b, records);
      if (!counts) return tl::unexpected(counts.error());
      return {};
    });
    ASSERT_TRUE(ok) << ok.error().message();
  }

  ExportRequest request(const std::string& out, RedactionProfile profile) {
    ExportRequest r;
    r.access.store_path = path_;
    r.access.passphrase = std::make_shared<const crypto::SecureBytes>(crypto::SecureBytes::copy_of(kPass));
    r.out = (dir_ / out).string();
    r.profile = profile;
    return r;
  }

  static std::vector<CaseRecord> alike(int n) {
    std::vector<CaseRecord> out;
    for (int i = 0; i < n; ++i) {
      CaseRecord r;
      r.record_id = "r" + std::to_string(i);
      r.sex = "F";
      r.origin_place = "Musan";
      CaseEvent e;
      e.type = "repatriation";
      e.date = *parse_partial_date("2006-03-0" + std::to_string(i % 9 + 1));
      r.events.push_back(e);
      out.push_back(r);
    }
    return out;
  }

  static std::string slurp(const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  static constexpr const char* kPass = "correct horse battery";
  ScratchFolder scratch_{"export_test"};
  fs::path dir_ = scratch_.path();
  std::string path_ = (dir_ / "cases.store").string();
};

TEST_F(StoreExportTest, ATextTheJsonWriterCannotWriteIsAnErrorAndLeavesNoFile) {
  put("bad\xff", alike(5));
  for (auto profile : {RedactionProfile::public_, RedactionProfile::none}) {
    auto got = export_store(request("out.json", profile));
    ASSERT_FALSE(got);
    EXPECT_NE(got.error().message().find("not valid UTF-8"), std::string::npos) << got.error().message();
    EXPECT_FALSE(fs::exists(dir_ / "out.json"));
    EXPECT_FALSE(fs::exists(dir_ / "out.json.part"));
  }
}

TEST_F(StoreExportTest, PublicIdsAreNewInEveryExportPartnerIdsStable) {
  put("own", alike(6));
  auto first = export_store(request("p1.csv", RedactionProfile::public_));
  auto second = export_store(request("p2.csv", RedactionProfile::public_));
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->records, 6u);
  EXPECT_EQ(first->suppression.k, 5);
  const std::string a = slurp((dir_ / "p1.csv").string()), b = slurp((dir_ / "p2.csv").string());
  // Same values (6 alike: nothing blanked), other ids.
  EXPECT_NE(a, b);
  EXPECT_NE(a.find(",F,Musan,repatriation,2006,"), std::string::npos) << a;
  const std::string first_id = a.substr(a.find('\n') + 1, 33);
  EXPECT_EQ(b.find(first_id), std::string::npos);
  ASSERT_TRUE(export_store(request("q1.csv", RedactionProfile::partner)));
  ASSERT_TRUE(export_store(request("q2.csv", RedactionProfile::partner)));
  EXPECT_EQ(slurp((dir_ / "q1.csv").string()), slurp((dir_ / "q2.csv").string()));
}

}  // namespace
}  // namespace uncounted
