// Linkage in the case store (DESIGN.md section 3): the runs of `uncounted
// link STORE` with the entities and scored pairs they made, and reviewers'
// clerical decisions ("these two records are one person" / "are not").
//
// Runs are kept, never edited: the latest run is the one `histories`,
// `estimate` and `report` read; earlier runs stay for audit. A run names
// records by their row (records.id, one version); a decision names them by
// source and record_id, so it still holds when a record gets a new version.
// A decision is reversed by a revocation row, never deleted. Every change
// here is audited (audit_log.h) without record contents: the audit detail
// holds counts, sources and decision numbers only.
//
// Thread safety: functions over the Database they are given; writers must
// run inside the caller's transaction (CaseStore::write).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/database.h"

namespace uncounted::store {

// A current record as linkage sees it: its row and its identity.
struct RecordRef {
  std::int64_t row = 0;  // records.id of the current version
  std::string source;
  std::string record_key;
};

// Every current record, ordered by source name and record_key (the order
// for_each_record visits them in).
Result<std::vector<RecordRef>> current_record_refs(Database& db);

struct LinkRunInfo {
  std::int64_t id = 0;
  std::string at, actor;
  std::string config;  // the link configuration as JSON (no record content)
  double threshold = 0.5;
  std::int64_t records = 0, entities = 0;
  std::string summary;  // JSON: pair counts, estimated precision and recall, decisions applied
};

struct EntityMembership {
  std::int64_t record_row = 0;
  std::int64_t entity = 0;  // 0..entities-1 within the run
};

struct StoredPair {
  std::int64_t left_row = 0, right_row = 0;
  double weight = 0, probability = 0;
};

// Stores a run (its id, at and actor are set here) with one membership per
// linked record and the scored pairs, and audits it ("link"). Returns the
// run's id. Error: a membership or pair naming a row that is not a record.
Result<std::int64_t> save_link_run(Database& db, const LinkRunInfo& run, const std::vector<EntityMembership>& members,
                                   const std::vector<StoredPair>& pairs, const std::string& actor);

// The most recent run, if any.
Result<std::optional<LinkRunInfo>> latest_link_run(Database& db);
Result<std::vector<EntityMembership>> run_memberships(Database& db, std::int64_t run_id);
Result<std::vector<StoredPair>> run_pairs(Database& db, std::int64_t run_id);

struct ClericalDecisionRow {
  std::int64_t id = 0;
  std::string left_source, left_key, right_source, right_key;
  bool same = true;
  std::string reason, at, actor;
  bool revoked = false;
  std::string revoked_at, revoked_by, revoke_reason;
};

// Records a decision about two current records and audits it ("decision").
// Returns its number. Errors: an unknown source or record, the same record
// twice, an empty reason, or an active decision about the same two records
// (revoke it first).
Result<std::int64_t> add_decision(Database& db, const ClericalDecisionRow& decision, const std::string& actor);

// Revokes decision `id` and audits it ("revoke"). Errors: no such decision,
// already revoked, an empty reason.
Status revoke_decision(Database& db, std::int64_t id, const std::string& reason, const std::string& actor);

// Every decision in order of number; with active_only, the unrevoked ones.
Result<std::vector<ClericalDecisionRow>> list_decisions(Database& db, bool active_only);

}  // namespace uncounted::store
