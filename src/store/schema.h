// The case store's relational schema (DESIGN.md section 3) and its
// migrations.
//
// Tables: meta (store-wide keys, e.g. the pseudonym key), sources (with their
// list, type, language, date and reliability; version 2 added the date), imports (one row per committed import: file name and SHA-256,
// actor, counts), places, records (one row per version of a record; a new
// version names the one it `supersedes`), record_names (names in several
// scripts), events (typed, with uncertain dates as text plus ISO bounds),
// event_legal_tags, audit_log (hash-chained). The view current_records holds
// the versions nothing supersedes. Triggers make records, events, names and
// the audit log append-only.
//
// The schema version is SQLite's user_version. migrate() brings a database
// of any older version to kSchemaVersion, one step at a time, inside the
// caller's transaction.
//
// Thread safety: functions over the Database they are given.
#pragma once

#include "base/result.h"
#include "store/database.h"

namespace uncounted::store {

inline constexpr int kSchemaVersion = 3;

// The database's schema version (0 for an empty database).
Result<int> schema_version(Database& db);

// Applies every migration above the current version. Error if the database
// is newer than this program (written by a later uncounted) or a step fails.
Status migrate(Database& db);

}  // namespace uncounted::store
