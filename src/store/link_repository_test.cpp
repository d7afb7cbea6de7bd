#include "store/link_repository.h"

#include <gtest/gtest.h>

#include "store/audit_log.h"
#include "store/record_repository.h"
#include "store/schema.h"

namespace uncounted::store {
namespace {

CaseRecord record(const std::string& id) {
  CaseRecord r;
  r.record_id = id;
  r.full_name = "Kim Yong Chol";
  return r;
}

class LinkRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Database::open_empty();
    ASSERT_TRUE(opened);
    db_ = std::move(*opened);
    ASSERT_TRUE(migrate(db_));
    add("ngo", "A", {"1", "2"});
    add("press", "B", {"x"});
  }
  void add(const std::string& source, const std::string& list, const std::vector<std::string>& ids) {
    ImportBatch b;
    b.source = source;
    b.list = list;
    b.file_name = source + ".csv";
    b.file_sha256 = std::string(64, 'a');
    b.format = "csv";
    b.actor = "tester";
    std::vector<CaseRecord> records;
    for (const auto& id : ids) records.push_back(record(id));
    ASSERT_TRUE(put_records(db_, b, records));
  }
  ClericalDecisionRow decision(const std::string& left_key, const std::string& right_source,
                               const std::string& right_key, bool same) {
    ClericalDecisionRow d;
    d.left_source = "ngo";
    d.left_key = left_key;
    d.right_source = right_source;
    d.right_key = right_key;
    d.same = same;
    d.reason = "same photograph in both files";
    return d;
  }
  Database db_;
};

TEST_F(LinkRepositoryTest, RunIsStoredWithEntitiesAndPairsAndAudited) {
  auto refs = current_record_refs(db_);
  ASSERT_TRUE(refs);
  ASSERT_EQ(refs->size(), 3u);
  EXPECT_EQ((*refs)[0].source, "ngo");
  EXPECT_EQ((*refs)[2].record_key, "x");
  LinkRunInfo run;
  run.config = "{}";
  run.threshold = 0.7;
  run.records = 3;
  run.entities = 2;
  run.summary = "{}";
  std::vector<EntityMembership> members{{(*refs)[0].row, 0}, {(*refs)[1].row, 1}, {(*refs)[2].row, 0}};
  std::vector<StoredPair> pairs{{(*refs)[0].row, (*refs)[2].row, 8.5, 0.97}};
  auto id = save_link_run(db_, run, members, pairs, "tester");
  ASSERT_TRUE(id) << id.error().message();
  auto latest = latest_link_run(db_);
  ASSERT_TRUE(latest && *latest);
  EXPECT_EQ((*latest)->id, *id);
  EXPECT_DOUBLE_EQ((*latest)->threshold, 0.7);
  EXPECT_EQ((*latest)->actor, "tester");
  auto m = run_memberships(db_, *id);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->size(), 3u);
  auto p = run_pairs(db_, *id);
  ASSERT_TRUE(p);
  ASSERT_EQ(p->size(), 1u);
  EXPECT_DOUBLE_EQ((*p)[0].probability, 0.97);
  auto audit = read_audit(db_);
  ASSERT_TRUE(audit);
  EXPECT_EQ(audit->back().action, "link");
  // Runs are never edited.
  EXPECT_FALSE(db_.exec("UPDATE link_runs SET threshold = 0.1"));
  EXPECT_FALSE(db_.exec("DELETE FROM link_entities"));
}

TEST_F(LinkRepositoryTest, RunNamingAnUnknownRowIsRefused) {
  LinkRunInfo run;
  auto id = save_link_run(db_, run, {{999, 0}}, {}, "tester");
  EXPECT_FALSE(id);
}

TEST_F(LinkRepositoryTest, NoRunYet) {
  auto latest = latest_link_run(db_);
  ASSERT_TRUE(latest);
  EXPECT_FALSE(*latest);
}

TEST_F(LinkRepositoryTest, DecisionsAreAddedRevokedAndAudited) {
  auto id = add_decision(db_, decision("1", "press", "x", true), "reviewer");
  ASSERT_TRUE(id) << id.error().message();
  // The same two records again, either way round, while the first stands.
  auto again = add_decision(db_, decision("x", "ngo", "1", false), "reviewer");
  EXPECT_FALSE(again);
  auto swapped = decision("1", "press", "x", false);
  std::swap(swapped.left_source, swapped.right_source);
  std::swap(swapped.left_key, swapped.right_key);
  EXPECT_FALSE(add_decision(db_, swapped, "reviewer"));

  ASSERT_TRUE(revoke_decision(db_, *id, "the photograph was of her sister", "reviewer"));
  EXPECT_FALSE(revoke_decision(db_, *id, "again", "reviewer"));
  EXPECT_FALSE(revoke_decision(db_, 42, "no such", "reviewer"));
  auto active = list_decisions(db_, true);
  ASSERT_TRUE(active);
  EXPECT_TRUE(active->empty());
  auto all = list_decisions(db_, false);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 1u);
  EXPECT_TRUE((*all)[0].revoked);
  EXPECT_EQ((*all)[0].revoked_by, "reviewer");
  // After the revocation a new decision about the pair is allowed.
  auto other = add_decision(db_, decision("1", "press", "x", false), "reviewer");
  ASSERT_TRUE(other);

  auto audit = read_audit(db_);
  ASSERT_TRUE(audit);
  std::vector<std::string> actions;
  for (const auto& e : *audit) {
    actions.push_back(e.action);
    // The audit never holds a reason or record ids.
    EXPECT_EQ(e.detail.find("photograph"), std::string::npos);
    EXPECT_EQ(e.detail.find("sister"), std::string::npos);
  }
  EXPECT_EQ(actions[actions.size() - 3], "decision");
  EXPECT_EQ(actions[actions.size() - 2], "revoke");
  EXPECT_EQ(actions.back(), "decision");
  EXPECT_FALSE(db_.exec("DELETE FROM link_decisions"));
  EXPECT_FALSE(db_.exec("UPDATE link_decisions SET same = 0"));
}

TEST_F(LinkRepositoryTest, DecisionErrorsNameWhatIsWrong) {
  auto unknown_source = add_decision(db_, decision("1", "police", "x", true), "reviewer");
  ASSERT_FALSE(unknown_source);
  EXPECT_NE(unknown_source.error().message().find("no source named 'police'"), std::string::npos);
  auto unknown_record = add_decision(db_, decision("1", "press", "y", true), "reviewer");
  ASSERT_FALSE(unknown_record);
  EXPECT_NE(unknown_record.error().message().find("has no record 'y'"), std::string::npos);
  EXPECT_FALSE(add_decision(db_, decision("1", "ngo", "1", true), "reviewer"));
  auto no_reason = decision("1", "press", "x", true);
  no_reason.reason.clear();
  EXPECT_FALSE(add_decision(db_, no_reason, "reviewer"));
}

}  // namespace
}  // namespace uncounted::store
