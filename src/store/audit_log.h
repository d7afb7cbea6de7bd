// The store's append-only, hash-chained audit log: who did what, when, with
// which file (its SHA-256). Entry i's hash is BLAKE2b-256 over entry i-1's
// hash and entry i's fields, so changing, removing or reordering any entry
// breaks the chain from there on. Details never hold record contents (names,
// places): only file names, sources, lists and counts.
//
// Thread safety: functions over the Database they are given.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/database.h"

namespace uncounted::store {

struct AuditEntry {
  std::int64_t seq = 0;
  std::string at;      // ISO 8601 UTC, e.g. 2024-05-01T10:00:00Z
  std::string actor;   // the operating-system user
  std::string action;  // init, import, rekey, export, ...
  std::string detail;
  std::string file_sha256;  // empty when no file is involved
  std::string prev_hash, hash;
};

// Appends an entry (inside the caller's transaction), stamped now.
Status append_audit(Database& db, const std::string& actor, const std::string& action, const std::string& detail,
                    const std::string& file_sha256);

Result<std::vector<AuditEntry>> read_audit(Database& db);

struct AuditVerdict {
  std::size_t entries = 0;
  // The first entry whose hash or link does not match, if any, and why.
  std::optional<std::int64_t> first_break;
  std::string reason;
};
Result<AuditVerdict> verify_audit(Database& db);

// The current time as ISO 8601 UTC.
std::string utc_now();

}  // namespace uncounted::store
