#include "store/case_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "base/scratch_folder.h"
#include "store/audit_log.h"
#include "store/record_repository.h"
#include "store/schema.h"

namespace uncounted::store {
namespace {

namespace fs = std::filesystem;
using crypto::SecureBytes;

crypto::KdfParams fast_kdf() {
  auto p = crypto::KdfParams::fresh();
  p.opslimit = 1;
  p.memlimit = crypto::kMinMemLimit;
  return p;
}

SecureBytes pass(std::string_view s = "correct horse battery") { return SecureBytes::copy_of(s); }

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Every file of the store's directory, by name, with its bytes.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::directory_iterator(dir)) out[entry.path().filename()] = slurp(entry.path());
  return out;
}

CaseRecord person(const std::string& id, const std::string& hangul, const std::string& place) {
  CaseRecord r;
  r.record_id = id;
  r.full_name = "Pak Sun-hui " + id;
  r.name_hangul = hangul;
  r.sex = "F";
  r.birth_year = 1979;
  r.origin_place = place;
  CaseEvent e;
  e.type = "arrest_china";
  e.date = *parse_partial_date("2006-10-09");
  e.place = "Tumen " + place;
  e.legal_tags = {"RC1951-Art33"};
  r.events.push_back(e);
  CaseEvent f;
  f.type = "detention_dprk";
  f.date = *parse_partial_date("spring 2007");
  f.facility_type = "kyohwaso";
  f.sentence_months = 36;
  r.events.push_back(f);
  return r;
}

ImportBatch batch(const std::string& file = "interviews.csv") {
  ImportBatch b;
  b.source = "own-interviews";
  b.list = "A";
  b.file_name = file;
  b.file_sha256 = std::string(64, 'a');
  b.format = "csv";
  b.actor = "tester";
  b.rows = 1;
  return b;
}

class CaseStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(CaseStore::create(path_, pass(), fast_kdf(), "tester")); }

  Result<ImportCounts> import(CaseStore& store, const std::vector<CaseRecord>& records, bool large = false) {
    Result<ImportCounts> counts = ImportCounts{};
    auto ok = store.write(
        [&](Database& db) -> Status {
          counts = put_records(db, batch(), records);
          if (!counts) return tl::unexpected(counts.error());
          return {};
        },
        large);
    if (!ok) return tl::unexpected(ok.error());
    return counts;
  }

  std::vector<StoredRecord> all(CaseStore& store, RecordFilter filter = {}) {
    std::vector<StoredRecord> out;
    EXPECT_TRUE(for_each_record(store.db(), filter, [&](const StoredRecord& r) {
      out.push_back(r);
      return Status{};
    }));
    return out;
  }

  ScratchFolder scratch_{"store_test"};
  fs::path dir_ = scratch_.path();
  std::string path_ = (dir_ / "cases.store").string();
};

TEST_F(CaseStoreTest, CommittedImportSurvivesReopenThroughTheJournal) {
  {
    auto store = CaseStore::open(path_, pass(), Access::write);
    ASSERT_TRUE(store) << store.error().message();
    auto counts = import(*store, {person("1", "박순희", "Hoeryong"), person("2", "김영철", "Musan")});
    ASSERT_TRUE(counts) << counts.error().message();
    EXPECT_EQ(counts->added, 2u);
    EXPECT_EQ(store->journal_entries(), 1u);
  }
  EXPECT_TRUE(fs::exists(journal_path(path_)));
  auto store = CaseStore::open(path_, pass(), Access::read);
  ASSERT_TRUE(store) << store.error().message();
  auto records = all(*store);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].record.name_hangul, "박순희");
  EXPECT_EQ(records[0].record.events.size(), 2u);
  EXPECT_EQ(records[0].record.events[0].legal_tags, std::vector<std::string>{"RC1951-Art33"});
  EXPECT_EQ(records[0].record.events[1].sentence_months, 36);
  EXPECT_EQ(records[0].record.events[1].date->verbatim, "spring 2007");
  EXPECT_EQ(content_hash(records[0].record), content_hash(person("1", "박순희", "Hoeryong")));
}

// Through a symbolic link the store is the same store: changes journaled
// under its real name are seen, changes made through the link land in the
// real file (the link stays a link), and the two names share one lock.
TEST_F(CaseStoreTest, ASymbolicLinkOpensTheRealStore) {
  const std::string link = (dir_ / "link.store").string();
  fs::create_symlink(path_, link);
  {
    auto store = CaseStore::open(path_, pass(), Access::write);
    ASSERT_TRUE(store) << store.error().message();
    ASSERT_TRUE(import(*store, {person("1", "박순희", "Hoeryong")}));
    ASSERT_GE(store->journal_entries(), 1u);
    // The other name is locked out while this writer holds the store.
    EXPECT_FALSE(CaseStore::open(link, pass(), Access::write));
  }
  {
    auto store = CaseStore::open(link, pass(), Access::write);
    ASSERT_TRUE(store) << store.error().message();
    EXPECT_EQ(all(*store).size(), 1u);  // the journal under the real name was replayed
    ASSERT_TRUE(import(*store, {person("2", "김영철", "Musan")}, /*large=*/true));  // saves the whole store
  }
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_FALSE(fs::exists(link + ".journal"));
  EXPECT_FALSE(fs::exists(link + ".lock"));
  auto store = CaseStore::open(path_, pass(), Access::read);
  ASSERT_TRUE(store) << store.error().message();
  EXPECT_EQ(all(*store).size(), 2u);
}

TEST_F(CaseStoreTest, CheckpointFoldsTheJournalIntoTheStore) {
  auto store = CaseStore::open(path_, pass(), Access::write);
  ASSERT_TRUE(import(*store, {person("1", "박순희", "Hoeryong")}));
  auto generation = store->generation();
  ASSERT_TRUE(store->checkpoint());
  EXPECT_EQ(store->generation(), generation + 1);
  EXPECT_FALSE(fs::exists(journal_path(path_)));
  store = Result<CaseStore>(fail("closed"));
  store = CaseStore::open(path_, pass(), Access::write);
  ASSERT_TRUE(store);
  EXPECT_EQ(all(*store).size(), 1u);
  // A large change saves the whole store directly.
  ASSERT_TRUE(import(*store, {person("2", "김영철", "Musan")}, true));
  EXPECT_FALSE(fs::exists(journal_path(path_)));
  store = Result<CaseStore>(fail("closed"));
  store = CaseStore::open(path_, pass(), Access::read);
  EXPECT_EQ(all(*store).size(), 2u);
}

TEST_F(CaseStoreTest, ReimportChangesNothingAndChangedRowsSupersede) {
  auto store = CaseStore::open(path_, pass(), Access::write);
  ASSERT_TRUE(import(*store, {person("1", "박순희", "Hoeryong"), person("2", "김영철", "Musan")}));
  store = Result<CaseStore>(fail("closed"));
  auto before = snapshot(dir_);
  store = CaseStore::open(path_, pass(), Access::write);
  auto again = import(*store, {person("1", "박순희", "Hoeryong"), person("2", "김영철", "Musan")});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->unchanged, 2u);
  EXPECT_EQ(again->added, 0u);
  store = Result<CaseStore>(fail("closed"));
  EXPECT_EQ(snapshot(dir_), before) << "re-importing the same records must not touch any file";

  store = CaseStore::open(path_, pass(), Access::write);
  auto changed = person("2", "김영철", "Musan");
  changed.birth_year = 1980;
  auto counts = import(*store, {person("1", "박순희", "Hoeryong"), changed});
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->superseded, 1u);
  EXPECT_EQ(counts->unchanged, 1u);
  auto current = all(*store);
  ASSERT_EQ(current.size(), 2u);
  EXPECT_EQ(current[1].record.birth_year, 1980);
  EXPECT_EQ(current[1].version, 2);
  RecordFilter every;
  every.all_versions = true;
  auto versions = all(*store, every);
  ASSERT_EQ(versions.size(), 3u);
  EXPECT_EQ(versions[1].record.birth_year, 1979);
  EXPECT_FALSE(versions[1].current);
  // Records are append-only, even through SQL.
  EXPECT_FALSE(store->db().exec("UPDATE records SET age = 3"));
  EXPECT_FALSE(store->db().exec("DELETE FROM records"));
}

TEST_F(CaseStoreTest, SourceBelongsToOneList) {
  auto store = CaseStore::open(path_, pass(), Access::write);
  ASSERT_TRUE(import(*store, {person("1", "박순희", "Hoeryong")}));
  auto b = batch();
  b.list = "B";
  auto ok = store->write([&](Database& db) -> Status {
    auto c = put_records(db, b, {person("3", "리철", "Onsong")});
    if (!c) return tl::unexpected(c.error());
    return {};
  });
  ASSERT_FALSE(ok);
  EXPECT_NE(ok.error().message().find("belongs to list 'A'"), std::string::npos);
}

TEST_F(CaseStoreTest, SourceMetadataIsStoredAndAChangeIsAudited) {
  auto store = CaseStore::open(path_, pass(), Access::write);
  ASSERT_TRUE(store) << store.error().message();
  auto put = [&](const SourceMetadata& m) -> Result<ImportCounts> {
    auto b = batch();
    b.metadata = m;
    Result<ImportCounts> counts = ImportCounts{};
    auto ok = store->write([&](Database& db) -> Status {
      counts = put_records(db, b, {person("1", "박순희", "Hoeryong")});
      if (!counts) return tl::unexpected(counts.error());
      return {};
    });
    if (!ok) return tl::unexpected(ok.error());
    return counts;
  };
  SourceMetadata m;
  m.type = "interview";
  m.language = "ko";
  m.date = *parse_partial_date("spring 2023");
  m.reliability = 2;
  auto first = put(m);
  ASSERT_TRUE(first) << first.error().message();
  EXPECT_TRUE(first->source_changes.empty());
  auto sources = count_records(store->db());
  ASSERT_TRUE(sources);
  ASSERT_EQ(sources->size(), 1u);
  EXPECT_EQ((*sources)[0].metadata.type, "interview");
  EXPECT_EQ((*sources)[0].metadata.language, "ko");
  ASSERT_TRUE((*sources)[0].metadata.date);
  EXPECT_EQ((*sources)[0].metadata.date->verbatim, "spring 2023");
  EXPECT_EQ((*sources)[0].metadata.reliability, 2);

  // The same metadata again, or none: nothing changes.
  auto audit_size = [&] {
    auto q = store->db().prepare("SELECT count(*) FROM audit_log");
    EXPECT_TRUE(q && q->step());
    return q->column_int(0);
  };
  const auto entries = audit_size();
  auto same = put(m);
  ASSERT_TRUE(same);
  EXPECT_TRUE(same->source_changes.empty());
  ASSERT_TRUE(put({}));
  EXPECT_EQ(audit_size(), entries);

  // A changed field replaces the stored one, with an audit entry, even
  // though every record is unchanged; fields left out are kept.
  SourceMetadata change;
  change.reliability = 4;
  change.language = "ko-KP";
  auto changed = put(change);
  ASSERT_TRUE(changed) << changed.error().message();
  EXPECT_EQ(changed->unchanged, 1u);
  EXPECT_EQ(changed->source_changes,
            (std::vector<std::string>{"language ko -> ko-KP", "reliability 2 -> 4"}));
  EXPECT_EQ(audit_size(), entries + 1);
  auto q = store->db().prepare("SELECT action, detail FROM audit_log ORDER BY seq DESC LIMIT 1");
  ASSERT_TRUE(q && q->step());
  EXPECT_EQ(q->column_text(0), "source");
  EXPECT_NE(q->column_text(1).find("reliability 2 -> 4"), std::string::npos);
  sources = count_records(store->db());
  ASSERT_TRUE(sources);
  EXPECT_EQ((*sources)[0].metadata.type, "interview");
  EXPECT_EQ((*sources)[0].metadata.language, "ko-KP");
  EXPECT_EQ((*sources)[0].metadata.date->verbatim, "spring 2023");
  EXPECT_EQ((*sources)[0].metadata.reliability, 4);

  // A dry run reports the change without making it.
  auto b = batch();
  b.metadata.type = "news";
  auto preview = preview_records(store->db(), b, {person("1", "박순희", "Hoeryong")});
  ASSERT_TRUE(preview);
  EXPECT_EQ(preview->source_changes, std::vector<std::string>{"type interview -> news"});
  EXPECT_EQ((*count_records(store->db()))[0].metadata.type, "interview");
}

TEST_F(CaseStoreTest, InvalidSourceMetadataIsRefused) {
  auto store = CaseStore::open(path_, pass(), Access::write);
  ASSERT_TRUE(store);
  SourceMetadata bad_type, bad_language, bad_reliability, future;
  bad_type.type = "blog";
  bad_language.language = "korean!";
  bad_reliability.reliability = 6;
  future.date = *parse_partial_date("2999");
  for (const auto& m : {bad_type, bad_language, bad_reliability, future}) {
    auto b = batch();
    b.metadata = m;
    auto counts = preview_records(store->db(), b, {person("1", "박순희", "Hoeryong")});
    EXPECT_FALSE(counts);
    EXPECT_FALSE(validate_source_metadata(m));
  }
  EXPECT_TRUE(count_records(store->db())->empty());
}

TEST(SourceMetadata, LanguageTags) {
  for (const char* good : {"ko", "en", "zh", "zh-Hant", "ko-KP", "zh-Hans-CN", "es-419", "kor"})
    EXPECT_TRUE(is_language_tag(good)) << good;
  for (const char* bad : {"", "k", "korean", "ko-", "-ko", "ko--KP", "ko_KP", "k1", "ko-K", "한국어"})
    EXPECT_FALSE(is_language_tag(bad)) << bad;
}

TEST_F(CaseStoreTest, ProgressIsReportedWithoutRecordContents) {
  auto store = CaseStore::open(path_, pass(), Access::write);
  std::vector<std::string> stages;
  double last = -1;
  bool monotonic = true;
  Progress progress = [&](std::string_view stage, double done) {
    if (stages.empty() || stages.back() != stage) stages.emplace_back(stage), last = -1;
    monotonic = monotonic && done >= last && done <= 1.0;
    last = done;
  };
  std::vector<CaseRecord> records;
  for (int i = 0; i < 5000; ++i) records.push_back(person(std::to_string(i), "박순희", "Hoeryong"));
  ASSERT_TRUE(store->write([&](Database& db) -> Status {
    auto c = put_records(db, batch(), records, progress);
    if (!c) return tl::unexpected(c.error());
    return {};
  }));
  EXPECT_EQ(stages, (std::vector<std::string>{"checking", "writing"}));
  EXPECT_TRUE(monotonic);
  EXPECT_EQ(last, 1.0);
}

TEST_F(CaseStoreTest, FiltersFindRecords) {
  auto store = CaseStore::open(path_, pass(), Access::write);
  auto other = person("2", "김영철", "Musan");
  other.events[0].date = *parse_partial_date("2012-03");
  other.events[0].type = "repatriation";
  ASSERT_TRUE(import(*store, {person("1", "박순희", "Hoeryong"), other}));
  RecordFilter f;
  f.name = "sun-hui 1";
  EXPECT_EQ(all(*store, f).size(), 1u);
  f = {};
  f.name = "김영";
  EXPECT_EQ(all(*store, f).size(), 1u);
  f = {};
  f.place = "musan";
  EXPECT_EQ(all(*store, f).size(), 1u);
  f = {};
  f.event_type = "arrest_china";
  EXPECT_EQ(all(*store, f).size(), 1u);
  f = {};
  f.from = *parse_partial_date("2012");
  f.to = *parse_partial_date("2012");
  ASSERT_EQ(all(*store, f).size(), 1u);
  EXPECT_EQ(all(*store, f)[0].record.record_id, "2");
  f.from = *parse_partial_date("2006-10");
  EXPECT_EQ(all(*store, f).size(), 2u);
}

TEST_F(CaseStoreTest, WrongPassphraseTamperingAndTruncationAreRefusedAndChangeNothing) {
  {
    auto store = CaseStore::open(path_, pass(), Access::write);
    ASSERT_TRUE(import(*store, {person("1", "박순희", "Hoeryong")}));
  }
  auto before = snapshot(dir_);
  auto wrong = CaseStore::open(path_, pass("wrong"), Access::write);
  ASSERT_FALSE(wrong);
  EXPECT_NE(wrong.error().message().find("wrong passphrase"), std::string::npos);
  EXPECT_EQ(snapshot(dir_), before);

  auto original = slurp(path_);
  auto put = [&](const std::string& bytes) { std::ofstream(path_, std::ios::binary | std::ios::trunc) << bytes; };
  for (std::size_t pos : {std::size_t{20}, std::size_t{60}, std::size_t{90}, std::size_t{100}, original.size() / 2,
                          original.size() - 1}) {
    auto bad = original;
    bad[pos] = static_cast<char>(bad[pos] ^ 0x40);
    put(bad);
    auto tampered_files = snapshot(dir_);
    auto opened = CaseStore::open(path_, pass(), Access::write);
    EXPECT_FALSE(opened) << "flipped byte " << pos;
    EXPECT_EQ(snapshot(dir_), tampered_files);
  }
  for (std::size_t keep : {std::size_t{0}, std::size_t{50}, std::size_t{96}, original.size() - 1, original.size() - 17}) {
    put(original.substr(0, keep));
    auto opened = CaseStore::open(path_, pass(), Access::write);
    ASSERT_FALSE(opened);
    EXPECT_TRUE(opened.error().message().find("truncated") != std::string::npos ||
                opened.error().message().find("not an uncounted store") != std::string::npos ||
                opened.error().message().find("altered") != std::string::npos)
        << opened.error().message();
  }
  put(original);
  // A damaged journal entry is refused too.
  auto journal = slurp(journal_path(path_));
  auto bad = journal;
  bad[bad.size() - 5] = static_cast<char>(bad[bad.size() - 5] ^ 1);
  std::ofstream(journal_path(path_), std::ios::binary | std::ios::trunc) << bad;
  auto damaged = snapshot(dir_);
  auto opened = CaseStore::open(path_, pass(), Access::write);
  ASSERT_FALSE(opened);
  EXPECT_NE(opened.error().message().find("journal entry 1"), std::string::npos);
  EXPECT_EQ(snapshot(dir_), damaged);
}

TEST_F(CaseStoreTest, TornJournalTailIsDroppedAndStaleJournalIgnored) {
  {
    auto store = CaseStore::open(path_, pass(), Access::write);
    ASSERT_TRUE(import(*store, {person("1", "박순희", "Hoeryong")}));
  }
  auto journal = slurp(journal_path(path_));
  {
    auto store = CaseStore::open(path_, pass(), Access::write);
    ASSERT_TRUE(import(*store, {person("2", "김영철", "Musan")}));
  }
  auto two = slurp(journal_path(path_));
  // A crash in the middle of appending the second entry.
  std::ofstream(journal_path(path_), std::ios::binary | std::ios::trunc) << two.substr(0, journal.size() + 40);
  {
    auto store = CaseStore::open(path_, pass(), Access::write);
    ASSERT_TRUE(store) << store.error().message();
    EXPECT_EQ(all(*store).size(), 1u);
    EXPECT_EQ(store->notices().size(), 1u);
    EXPECT_EQ(slurp(journal_path(path_)), journal);  // the torn tail is cut away
    ASSERT_TRUE(store->checkpoint());
  }
  // A crash after a save but before the journal was removed.
  std::ofstream(journal_path(path_), std::ios::binary | std::ios::trunc) << journal;
  auto store = CaseStore::open(path_, pass(), Access::write);
  ASSERT_TRUE(store) << store.error().message();
  EXPECT_EQ(all(*store).size(), 1u);
  EXPECT_FALSE(fs::exists(journal_path(path_)));
}

TEST_F(CaseStoreTest, CreateRemovesOnlyAJournalBesideTheNewStore) {
  // A journal left by a deleted store of the same name, or an empty one, is
  // removed (it must not be replayed into the new store)...
  {
    auto store = CaseStore::open(path_, pass(), Access::write);
    ASSERT_TRUE(import(*store, {person("1", "박순희", "Hoeryong")}));
  }
  const std::string reused = (dir_ / "reused.store").string();
  fs::copy_file(journal_path(path_), journal_path(reused));
  ASSERT_TRUE(CaseStore::create(reused, pass(), fast_kdf(), "tester"));
  EXPECT_FALSE(fs::exists(journal_path(reused)));
  const std::string empty = (dir_ / "empty.store").string();
  std::ofstream(journal_path(empty), std::ios::binary).flush();
  ASSERT_TRUE(CaseStore::create(empty, pass(), fast_kdf(), "tester"));
  EXPECT_FALSE(fs::exists(journal_path(empty)));
  // ...but any other file there is someone's: init is refused and nothing
  // is written (no store, no lock).
  const std::string notes = (dir_ / "notes").string();
  std::ofstream(journal_path(notes), std::ios::binary) << "names of the people I met";
  auto before = snapshot(dir_);
  auto created = CaseStore::create(notes, pass(), fast_kdf(), "tester");
  ASSERT_FALSE(created);
  EXPECT_NE(created.error().message().find("not an uncounted journal"), std::string::npos);
  EXPECT_EQ(created.error().message().find("names of"), std::string::npos);
  EXPECT_EQ(snapshot(dir_), before);
  // A directory or a link in its place is refused too.
  const std::string linked = (dir_ / "linked").string();
  fs::create_symlink(journal_path(path_), journal_path(linked));
  EXPECT_FALSE(CaseStore::create(linked, pass(), fast_kdf(), "tester"));
  EXPECT_TRUE(fs::exists(journal_path(path_)));
}

TEST_F(CaseStoreTest, AStoreFileOlderThanItsJournalIsRefused) {
  auto old_copy = slurp(path_);  // generation 1
  {
    auto store = CaseStore::open(path_, pass(), Access::write);
    ASSERT_TRUE(store->checkpoint());  // generation 2
    ASSERT_TRUE(import(*store, {person("1", "박순희", "Hoeryong")}));  // journal based on 2
  }
  std::ofstream(path_, std::ios::binary | std::ios::trunc) << old_copy;
  auto before = snapshot(dir_);
  auto store = CaseStore::open(path_, pass(), Access::write);
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().message().find("older than its journal"), std::string::npos);
  EXPECT_EQ(snapshot(dir_), before);
  // A journal of another store is refused too.
  std::string other = (dir_ / "other.store").string();
  ASSERT_TRUE(CaseStore::create(other, pass(), fast_kdf(), "tester"));
  fs::copy_file(journal_path(path_), journal_path(other));
  auto mixed = CaseStore::open(other, pass(), Access::read);
  ASSERT_FALSE(mixed);
  EXPECT_NE(mixed.error().message().find("belongs to another store"), std::string::npos);
}

TEST_F(CaseStoreTest, OneWriterAtATime) {
  auto writer = CaseStore::open(path_, pass(), Access::write);
  ASSERT_TRUE(writer);
  auto second = CaseStore::open(path_, pass(), Access::write);
  ASSERT_FALSE(second);
  EXPECT_NE(second.error().message().find("in use"), std::string::npos);
  EXPECT_FALSE(CaseStore::open(path_, pass(), Access::read));
  writer = Result<CaseStore>(fail("closed"));
  auto reader1 = CaseStore::open(path_, pass(), Access::read);
  auto reader2 = CaseStore::open(path_, pass(), Access::read);
  EXPECT_TRUE(reader1 && reader2);
  EXPECT_FALSE(CaseStore::open(path_, pass(), Access::write));
}

TEST_F(CaseStoreTest, CreateRefusesAnExistingFile) {
  auto again = CaseStore::create(path_, pass(), fast_kdf(), "tester");
  ASSERT_FALSE(again);
  EXPECT_NE(again.error().message().find("already exists"), std::string::npos);
}

TEST_F(CaseStoreTest, RekeyChangesThePassphraseAndKeepsEverything) {
  {
    auto store = CaseStore::open(path_, pass(), Access::write);
    ASSERT_TRUE(import(*store, {person("1", "박순희", "Hoeryong")}));
    auto pseudonym = store->pseudonym_key();
    ASSERT_TRUE(store->rekey(pass("new words"), fast_kdf()));
    EXPECT_FALSE(fs::exists(journal_path(path_)));
    EXPECT_TRUE(crypto::equal(pseudonym, store->pseudonym_key()));
  }
  EXPECT_FALSE(CaseStore::open(path_, pass(), Access::read));
  auto store = CaseStore::open(path_, pass("new words"), Access::read);
  ASSERT_TRUE(store);
  EXPECT_EQ(all(*store).size(), 1u);
}

TEST_F(CaseStoreTest, AuditLogIsChainedAndBreaksAreFound) {
  auto store = CaseStore::open(path_, pass(), Access::write);
  ASSERT_TRUE(import(*store, {person("1", "박순희", "Hoeryong")}));
  auto changed = person("1", "박순희", "Hoeryong");
  changed.age = 27;
  ASSERT_TRUE(import(*store, {changed}));
  auto verdict = verify_audit(store->db());
  ASSERT_TRUE(verdict);
  EXPECT_EQ(verdict->entries, 3u);  // init, import, import
  EXPECT_FALSE(verdict->first_break);
  auto entries = read_audit(store->db());
  EXPECT_EQ((*entries)[0].action, "init");
  EXPECT_EQ((*entries)[1].file_sha256, std::string(64, 'a'));
  ASSERT_TRUE(store->db().exec("DROP TRIGGER audit_append_only_u; UPDATE audit_log SET actor = 'mallory' WHERE seq = 2"));
  verdict = verify_audit(store->db());
  ASSERT_TRUE(verdict->first_break);
  EXPECT_EQ(*verdict->first_break, 2);
  EXPECT_NE(verdict->reason.find("altered"), std::string::npos);
}

TEST_F(CaseStoreTest, NoStoreFileHoldsPlaintext) {
  std::vector<CaseRecord> records;
  for (int i = 0; i < 50; ++i) records.push_back(person(std::to_string(i), "박순희", "Hoeryong"));
  {
    auto store = CaseStore::open(path_, pass(), Access::write);
    ASSERT_TRUE(import(*store, records));
    ASSERT_TRUE(import(*store, {person("x", "김영철", "Musan")}));
  }
  auto files = snapshot(dir_);
  EXPECT_TRUE(files.count("cases.store") && files.count("cases.store.journal") && files.count("cases.store.lock"));
  for (const auto& [name, bytes] : files)
    for (const char* secret : {"Pak Sun-hui", "박순희", "김영철", "Hoeryong", "Musan", "Tumen", "kyohwaso",
                               "arrest_china", "RC1951", "own-interviews", "interviews.csv", "tester"})
      EXPECT_EQ(bytes.find(secret), std::string::npos) << name << " holds " << secret;
}

TEST_F(CaseStoreTest, Version1StoreIsMigratedKeepingItsSources) {
  {
    // Make the store a version-1 store holding a source: drop what 2 -> 3 and 1 -> 2 added.
    auto store = CaseStore::open(path_, pass(), Access::write);
    ASSERT_TRUE(store);
    ASSERT_TRUE(import(*store, {person("1", "박순희", "Hoeryong")}));
    ASSERT_TRUE(store->write([](Database& db) -> Status {
      for (const char* sql : {"DROP TABLE link_decision_revocations", "DROP TABLE link_decisions",
                              "DROP TABLE link_pairs", "DROP TABLE link_entities", "DROP TABLE link_runs",
                              "ALTER TABLE sources DROP COLUMN date_text", "ALTER TABLE sources DROP COLUMN date_earliest",
                              "ALTER TABLE sources DROP COLUMN date_latest", "PRAGMA user_version = 1"})
        if (auto ok = db.exec(sql); !ok) return ok;
      return {};
    }, true));
  }
  auto store = CaseStore::open(path_, pass(), Access::write);
  ASSERT_TRUE(store) << store.error().message();
  EXPECT_EQ(*schema_version(store->db()), kSchemaVersion);
  auto b = batch();
  b.metadata.date = *parse_partial_date("2023-05");
  ASSERT_TRUE(store->write([&](Database& db) -> Status {
    auto c = put_records(db, b, {person("1", "박순희", "Hoeryong")});
    if (!c) return tl::unexpected(c.error());
    return {};
  }));
  auto sources = count_records(store->db());
  ASSERT_TRUE(sources);
  ASSERT_EQ(sources->size(), 1u);
  EXPECT_EQ((*sources)[0].records, 1u);
  EXPECT_EQ((*sources)[0].metadata.date->verbatim, "2023-05");
}

TEST_F(CaseStoreTest, NewerSchemaIsRefused) {
  auto db = Database::open_empty();
  ASSERT_TRUE(db);
  ASSERT_TRUE(migrate(*db));
  EXPECT_EQ(*schema_version(*db), kSchemaVersion);
  ASSERT_TRUE(db->exec("PRAGMA user_version = 99"));
  auto ok = migrate(*db);
  ASSERT_FALSE(ok);
  EXPECT_NE(ok.error().message().find("newer"), std::string::npos);
}

}  // namespace
}  // namespace uncounted::store
