#include "store/schema.h"

#include <array>
#include <string>

namespace uncounted::store {
namespace {

// Migration i brings version i to version i + 1. Never edit a released step:
// add a new one.
constexpr std::array<const char*, kSchemaVersion> kMigrations = {
    // 0 -> 1: the first schema.
    R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE sources(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  list TEXT NOT NULL,
  type TEXT, language TEXT,
  reliability INTEGER CHECK (reliability BETWEEN 1 AND 5),
  created_at TEXT NOT NULL);
CREATE TABLE imports(
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  file_name TEXT NOT NULL, file_sha256 TEXT NOT NULL, format TEXT NOT NULL,
  imported_at TEXT NOT NULL, actor TEXT NOT NULL,
  rows INTEGER NOT NULL, added INTEGER NOT NULL, superseded INTEGER NOT NULL,
  unchanged INTEGER NOT NULL);
CREATE TABLE places(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE records(
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  record_key TEXT NOT NULL,
  version INTEGER NOT NULL,
  supersedes INTEGER UNIQUE REFERENCES records(id),
  content_hash TEXT NOT NULL,
  import_id INTEGER NOT NULL REFERENCES imports(id),
  sex TEXT CHECK (sex IN ('M', 'F', 'U')),
  birth_year INTEGER, birth_date TEXT, birth_earliest TEXT, birth_latest TEXT,
  age INTEGER,
  origin_place_id INTEGER REFERENCES places(id),
  count_low INTEGER, count_high INTEGER,
  notes TEXT,
  UNIQUE (source_id, record_key, version));
CREATE TABLE record_names(
  record_id INTEGER NOT NULL REFERENCES records(id),
  field TEXT NOT NULL CHECK (field IN ('full_name', 'family_name', 'given_name', 'name_hangul', 'name_hanzi')),
  value TEXT NOT NULL,
  PRIMARY KEY (record_id, field)) WITHOUT ROWID;
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES records(id),
  seq INTEGER NOT NULL,
  event_type TEXT NOT NULL,
  date_text TEXT, date_earliest TEXT, date_latest TEXT, date_precision TEXT, date_qualifier TEXT,
  place_id INTEGER REFERENCES places(id),
  facility_type TEXT, perpetrator TEXT, sentence_months INTEGER,
  UNIQUE (record_id, seq));
CREATE INDEX events_by_date ON events(date_earliest, date_latest);
CREATE TABLE event_legal_tags(
  event_id INTEGER NOT NULL REFERENCES events(id),
  tag TEXT NOT NULL,
  PRIMARY KEY (event_id, tag)) WITHOUT ROWID;
CREATE TABLE audit_log(
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL,
  file_sha256 TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE VIEW current_records AS
  SELECT r.* FROM records r WHERE NOT EXISTS (SELECT 1 FROM records n WHERE n.supersedes = r.id);
CREATE TRIGGER records_append_only_u BEFORE UPDATE ON records BEGIN SELECT RAISE(ABORT, 'records are never edited'); END;
CREATE TRIGGER records_append_only_d BEFORE DELETE ON records BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;
CREATE TRIGGER names_append_only_u BEFORE UPDATE ON record_names BEGIN SELECT RAISE(ABORT, 'records are never edited'); END;
CREATE TRIGGER names_append_only_d BEFORE DELETE ON record_names BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;
CREATE TRIGGER events_append_only_u BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'records are never edited'); END;
CREATE TRIGGER events_append_only_d BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;
CREATE TRIGGER audit_append_only_u BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_append_only_d BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql",
    // 1 -> 2: a source's date (DESIGN.md section 3: type, language, date,
    // reliability); type, language and reliability were already columns.
    R"sql(
ALTER TABLE sources ADD COLUMN date_text TEXT;
ALTER TABLE sources ADD COLUMN date_earliest TEXT;
ALTER TABLE sources ADD COLUMN date_latest TEXT;
)sql",
    // 2 -> 3: linkage in the store (DESIGN.md section 3: decisions,
    // automatic or clerical, are stored, reversible and audited). A link
    // run keeps its entities and scored pairs; reviewers' decisions name
    // records by source and record_id (they hold across new versions) and
    // are revoked by a later row, never deleted.
    R"sql(
CREATE TABLE link_runs(
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL, actor TEXT NOT NULL,
  config TEXT NOT NULL,
  threshold REAL NOT NULL,
  records INTEGER NOT NULL, entities INTEGER NOT NULL,
  summary TEXT NOT NULL);
CREATE TABLE link_entities(
  run_id INTEGER NOT NULL REFERENCES link_runs(id),
  record_id INTEGER NOT NULL REFERENCES records(id),
  entity INTEGER NOT NULL,
  PRIMARY KEY (run_id, record_id)) WITHOUT ROWID;
CREATE TABLE link_pairs(
  run_id INTEGER NOT NULL REFERENCES link_runs(id),
  left_record INTEGER NOT NULL REFERENCES records(id),
  right_record INTEGER NOT NULL REFERENCES records(id),
  weight REAL NOT NULL, probability REAL NOT NULL,
  PRIMARY KEY (run_id, left_record, right_record)) WITHOUT ROWID;
CREATE TABLE link_decisions(
  id INTEGER PRIMARY KEY,
  left_source_id INTEGER NOT NULL REFERENCES sources(id), left_key TEXT NOT NULL,
  right_source_id INTEGER NOT NULL REFERENCES sources(id), right_key TEXT NOT NULL,
  same INTEGER NOT NULL CHECK (same IN (0, 1)),
  reason TEXT NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL);
CREATE TABLE link_decision_revocations(
  decision_id INTEGER PRIMARY KEY REFERENCES link_decisions(id),
  reason TEXT NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL);
CREATE TRIGGER link_runs_append_only_u BEFORE UPDATE ON link_runs BEGIN SELECT RAISE(ABORT, 'link runs are never edited'); END;
CREATE TRIGGER link_runs_append_only_d BEFORE DELETE ON link_runs BEGIN SELECT RAISE(ABORT, 'link runs are never deleted'); END;
CREATE TRIGGER link_entities_append_only_u BEFORE UPDATE ON link_entities BEGIN SELECT RAISE(ABORT, 'link runs are never edited'); END;
CREATE TRIGGER link_entities_append_only_d BEFORE DELETE ON link_entities BEGIN SELECT RAISE(ABORT, 'link runs are never deleted'); END;
CREATE TRIGGER link_pairs_append_only_u BEFORE UPDATE ON link_pairs BEGIN SELECT RAISE(ABORT, 'link runs are never edited'); END;
CREATE TRIGGER link_pairs_append_only_d BEFORE DELETE ON link_pairs BEGIN SELECT RAISE(ABORT, 'link runs are never deleted'); END;
CREATE TRIGGER link_decisions_append_only_u BEFORE UPDATE ON link_decisions BEGIN SELECT RAISE(ABORT, 'decisions are revoked, never edited'); END;
CREATE TRIGGER link_decisions_append_only_d BEFORE DELETE ON link_decisions BEGIN SELECT RAISE(ABORT, 'decisions are revoked, never deleted'); END;
CREATE TRIGGER link_revocations_append_only_u BEFORE UPDATE ON link_decision_revocations BEGIN SELECT RAISE(ABORT, 'revocations are never edited'); END;
CREATE TRIGGER link_revocations_append_only_d BEFORE DELETE ON link_decision_revocations BEGIN SELECT RAISE(ABORT, 'revocations are never deleted'); END;
)sql",
};

}  // namespace

Result<int> schema_version(Database& db) {
  auto stmt = db.prepare("PRAGMA user_version");
  if (!stmt) return tl::unexpected(stmt.error());
  auto row = stmt->step();
  if (!row) return tl::unexpected(row.error());
  return static_cast<int>(stmt->column_int(0));
}

Status migrate(Database& db) {
  auto version = schema_version(db);
  if (!version) return tl::unexpected(version.error());
  if (*version > kSchemaVersion)
    return fail("the store has schema version " + std::to_string(*version) +
                ", newer than this program knows (" + std::to_string(kSchemaVersion) +
                "): use a later uncounted");
  for (int v = *version; v < kSchemaVersion; ++v) {
    if (auto ok = db.exec(kMigrations[static_cast<std::size_t>(v)]); !ok)
      return fail("schema migration " + std::to_string(v) + " -> " + std::to_string(v + 1) +
                  " failed: " + ok.error().message());
    if (auto ok = db.exec("PRAGMA user_version = " + std::to_string(v + 1)); !ok) return ok;
  }
  return {};
}

}  // namespace uncounted::store
