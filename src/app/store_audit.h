// Use case: read and verify a store's audit log (uncounted audit).
#pragma once

#include <vector>

#include "app/store_access.h"
#include "store/audit_log.h"

namespace uncounted {

struct AuditReport {
  std::vector<store::AuditEntry> entries;
  store::AuditVerdict verdict;
};

Result<AuditReport> audit_store(const StoreAccess& access);

}  // namespace uncounted
