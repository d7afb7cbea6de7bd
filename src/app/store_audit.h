// Use case: read and verify a store's audit log (uncounted audit).
#pragma once

#include <vector>

#include "app/store_access.h"
#include "store/audit_log.h"

namespace uncounted {

struct AuditReport {
  std::vector<store::AuditEntry> entries;
  store::AuditVerdict verdict;
  std::string integrity;  // "ok", or what SQLite's integrity_check found
};

// Reads the log, verifies its hash chain, and checks the whole database's
// integrity (SQLite integrity_check).

Result<AuditReport> audit_store(const StoreAccess& access);

}  // namespace uncounted
