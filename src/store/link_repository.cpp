#include "store/link_repository.h"

#include "store/audit_log.h"

namespace uncounted::store {
namespace {

template <typename T>
tl::unexpected<Error> pass_on(const Result<T>& r) {
  return tl::unexpected(r.error());
}

// The id of source `name`, if it exists.
Result<std::optional<std::int64_t>> source_id(Database& db, const std::string& name) {
  auto get = db.prepare("SELECT id FROM sources WHERE name = ?");
  if (!get) return pass_on(get);
  get->bind(1, std::string_view(name));
  auto row = get->step();
  if (!row) return pass_on(row);
  if (!*row) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(get->column_int(0));
}

// Error unless (source, key) is a current record.
Status check_record(Database& db, const std::string& source, const std::string& key, const char* side) {
  auto id = source_id(db, source);
  if (!id) return tl::unexpected(id.error());
  if (!*id) return fail(std::string(side) + " record: no source named '" + source + "' in the store");
  auto get = db.prepare("SELECT 1 FROM current_records WHERE source_id = ? AND record_key = ?");
  if (!get) return tl::unexpected(get.error());
  get->bind(1, **id).bind(2, std::string_view(key));
  auto row = get->step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return fail(std::string(side) + " record: source '" + source + "' has no record '" + key + "'");
  return {};
}

}  // namespace

Result<std::vector<RecordRef>> current_record_refs(Database& db) {
  auto get = db.prepare(
      "SELECT r.id, s.name, r.record_key FROM current_records r JOIN sources s ON s.id = r.source_id "
      "ORDER BY s.name, r.record_key");
  if (!get) return pass_on(get);
  std::vector<RecordRef> refs;
  while (true) {
    auto row = get->step();
    if (!row) return pass_on(row);
    if (!*row) break;
    refs.push_back({get->column_int(0), get->column_text(1), get->column_text(2)});
  }
  return refs;
}

Result<std::int64_t> save_link_run(Database& db, const LinkRunInfo& run, const std::vector<EntityMembership>& members,
                                   const std::vector<StoredPair>& pairs, const std::string& actor) {
  const std::string at = utc_now();
  auto put = db.prepare(
      "INSERT INTO link_runs(at, actor, config, threshold, records, entities, summary) VALUES (?,?,?,?,?,?,?)");
  if (!put) return pass_on(put);
  put->bind(1, std::string_view(at))
      .bind(2, std::string_view(actor))
      .bind(3, std::string_view(run.config))
      .bind_real(4, run.threshold)
      .bind(5, run.records)
      .bind(6, run.entities)
      .bind(7, std::string_view(run.summary));
  if (auto ok = put->run(); !ok) return tl::unexpected(ok.error());
  const std::int64_t id = db.last_insert_rowid();

  auto member = db.prepare("INSERT INTO link_entities(run_id, record_id, entity) VALUES (?,?,?)");
  if (!member) return pass_on(member);
  for (const auto& m : members) {
    member->bind(1, id).bind(2, m.record_row).bind(3, m.entity);
    if (auto ok = member->run(); !ok) return tl::unexpected(ok.error());
  }
  auto pair = db.prepare(
      "INSERT INTO link_pairs(run_id, left_record, right_record, weight, probability) VALUES (?,?,?,?,?)");
  if (!pair) return pass_on(pair);
  for (const auto& p : pairs) {
    pair->bind(1, id).bind(2, p.left_row).bind(3, p.right_row).bind_real(4, p.weight).bind_real(5, p.probability);
    if (auto ok = pair->run(); !ok) return tl::unexpected(ok.error());
  }
  // Foreign keys are not enforced by SQLite by default: check the rows named.
  auto orphans = db.prepare(
      "SELECT (SELECT count(*) FROM link_entities e WHERE e.run_id = ?1 AND e.record_id NOT IN (SELECT id FROM records))"
      " + (SELECT count(*) FROM link_pairs p WHERE p.run_id = ?1 AND (p.left_record NOT IN (SELECT id FROM records)"
      " OR p.right_record NOT IN (SELECT id FROM records)))");
  if (!orphans) return pass_on(orphans);
  orphans->bind(1, id);
  if (auto row = orphans->step(); !row) return pass_on(row);
  if (orphans->column_int(0) != 0) return fail("a link run names a record row that the store does not hold");

  const std::string detail = "run " + std::to_string(id) + ": " + std::to_string(run.records) + " records, " +
                             std::to_string(run.entities) + " entities, " + std::to_string(pairs.size()) +
                             " scored pairs kept, threshold " + std::to_string(run.threshold);
  if (auto ok = append_audit(db, actor, "link", detail, ""); !ok) return tl::unexpected(ok.error());
  return id;
}

Result<std::optional<LinkRunInfo>> latest_link_run(Database& db) {
  auto get = db.prepare(
      "SELECT id, at, actor, config, threshold, records, entities, summary FROM link_runs ORDER BY id DESC LIMIT 1");
  if (!get) return pass_on(get);
  auto row = get->step();
  if (!row) return pass_on(row);
  if (!*row) return std::optional<LinkRunInfo>();
  LinkRunInfo run;
  run.id = get->column_int(0);
  run.at = get->column_text(1);
  run.actor = get->column_text(2);
  run.config = get->column_text(3);
  run.threshold = get->column_real(4);
  run.records = get->column_int(5);
  run.entities = get->column_int(6);
  run.summary = get->column_text(7);
  return std::optional<LinkRunInfo>(std::move(run));
}

Result<std::vector<EntityMembership>> run_memberships(Database& db, std::int64_t run_id) {
  auto get = db.prepare("SELECT record_id, entity FROM link_entities WHERE run_id = ? ORDER BY record_id");
  if (!get) return pass_on(get);
  get->bind(1, run_id);
  std::vector<EntityMembership> out;
  while (true) {
    auto row = get->step();
    if (!row) return pass_on(row);
    if (!*row) break;
    out.push_back({get->column_int(0), get->column_int(1)});
  }
  return out;
}

Result<std::vector<StoredPair>> run_pairs(Database& db, std::int64_t run_id) {
  auto get = db.prepare(
      "SELECT left_record, right_record, weight, probability FROM link_pairs WHERE run_id = ? "
      "ORDER BY left_record, right_record");
  if (!get) return pass_on(get);
  get->bind(1, run_id);
  std::vector<StoredPair> out;
  while (true) {
    auto row = get->step();
    if (!row) return pass_on(row);
    if (!*row) break;
    out.push_back({get->column_int(0), get->column_int(1), get->column_real(2), get->column_real(3)});
  }
  return out;
}

Result<std::vector<ClericalDecisionRow>> list_decisions(Database& db, bool active_only) {
  auto get = db.prepare(
      "SELECT d.id, ls.name, d.left_key, rs.name, d.right_key, d.same, d.reason, d.at, d.actor,"
      " v.decision_id IS NOT NULL, v.at, v.actor, v.reason"
      " FROM link_decisions d JOIN sources ls ON ls.id = d.left_source_id JOIN sources rs ON rs.id = d.right_source_id"
      " LEFT JOIN link_decision_revocations v ON v.decision_id = d.id ORDER BY d.id");
  if (!get) return pass_on(get);
  std::vector<ClericalDecisionRow> out;
  while (true) {
    auto row = get->step();
    if (!row) return pass_on(row);
    if (!*row) break;
    ClericalDecisionRow d;
    d.id = get->column_int(0);
    d.left_source = get->column_text(1);
    d.left_key = get->column_text(2);
    d.right_source = get->column_text(3);
    d.right_key = get->column_text(4);
    d.same = get->column_int(5) != 0;
    d.reason = get->column_text(6);
    d.at = get->column_text(7);
    d.actor = get->column_text(8);
    d.revoked = get->column_int(9) != 0;
    if (d.revoked) {
      d.revoked_at = get->column_text(10);
      d.revoked_by = get->column_text(11);
      d.revoke_reason = get->column_text(12);
    }
    if (active_only && d.revoked) continue;
    out.push_back(std::move(d));
  }
  return out;
}

Result<std::int64_t> add_decision(Database& db, const ClericalDecisionRow& decision, const std::string& actor) {
  if (decision.reason.empty()) return fail("a decision needs a reason (--reason)");
  if (decision.left_source == decision.right_source && decision.left_key == decision.right_key)
    return fail("a decision needs two different records");
  if (auto ok = check_record(db, decision.left_source, decision.left_key, "first"); !ok) return tl::unexpected(ok.error());
  if (auto ok = check_record(db, decision.right_source, decision.right_key, "second"); !ok)
    return tl::unexpected(ok.error());
  auto active = list_decisions(db, true);
  if (!active) return pass_on(active);
  for (const auto& d : *active) {
    const bool forward = d.left_source == decision.left_source && d.left_key == decision.left_key &&
                         d.right_source == decision.right_source && d.right_key == decision.right_key;
    const bool backward = d.left_source == decision.right_source && d.left_key == decision.right_key &&
                          d.right_source == decision.left_source && d.right_key == decision.left_key;
    if (forward || backward)
      return fail("decision " + std::to_string(d.id) + " is already about these two records; revoke it first");
  }
  auto left = source_id(db, decision.left_source);
  auto right = source_id(db, decision.right_source);
  if (!left) return pass_on(left);
  if (!right) return pass_on(right);
  auto put = db.prepare(
      "INSERT INTO link_decisions(left_source_id, left_key, right_source_id, right_key, same, reason, at, actor)"
      " VALUES (?,?,?,?,?,?,?,?)");
  if (!put) return pass_on(put);
  const std::string at = utc_now();
  put->bind(1, **left)
      .bind(2, std::string_view(decision.left_key))
      .bind(3, **right)
      .bind(4, std::string_view(decision.right_key))
      .bind(5, std::int64_t{decision.same ? 1 : 0})
      .bind(6, std::string_view(decision.reason))
      .bind(7, std::string_view(at))
      .bind(8, std::string_view(actor));
  if (auto ok = put->run(); !ok) return tl::unexpected(ok.error());
  const std::int64_t id = db.last_insert_rowid();
  // Sources and the decision's number only: record ids and the reason stay inside the store's tables.
  const std::string detail = "decision " + std::to_string(id) + ": " + (decision.same ? "same person" : "different people") +
                             ", records of sources " + decision.left_source + " and " + decision.right_source;
  if (auto ok = append_audit(db, actor, "decision", detail, ""); !ok) return tl::unexpected(ok.error());
  return id;
}

Status revoke_decision(Database& db, std::int64_t id, const std::string& reason, const std::string& actor) {
  if (reason.empty()) return fail("a revocation needs a reason (--reason)");
  auto all = list_decisions(db, false);
  if (!all) return tl::unexpected(all.error());
  const ClericalDecisionRow* found = nullptr;
  for (const auto& d : *all)
    if (d.id == id) found = &d;
  if (!found) return fail("no decision " + std::to_string(id) + " in the store");
  if (found->revoked) return fail("decision " + std::to_string(id) + " was already revoked on " + found->revoked_at);
  auto put = db.prepare("INSERT INTO link_decision_revocations(decision_id, reason, at, actor) VALUES (?,?,?,?)");
  if (!put) return tl::unexpected(put.error());
  const std::string at = utc_now();
  put->bind(1, id).bind(2, std::string_view(reason)).bind(3, std::string_view(at)).bind(4, std::string_view(actor));
  if (auto ok = put->run(); !ok) return ok;
  return append_audit(db, actor, "revoke", "decision " + std::to_string(id) + " revoked", "");
}

}  // namespace uncounted::store
