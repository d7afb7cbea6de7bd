#include "app/store_audit.h"

namespace uncounted {

Result<AuditReport> audit_store(const StoreAccess& access) {
  auto opened = open_store(access, store::Access::read);
  if (!opened) return tl::unexpected(opened.error());
  AuditReport report;
  auto entries = store::read_audit(opened->db());
  if (!entries) return tl::unexpected(entries.error());
  auto verdict = store::verify_audit(opened->db());
  if (!verdict) return tl::unexpected(verdict.error());
  auto integrity = opened->db().check_integrity();
  report.integrity = integrity ? "ok" : integrity.error().message();
  report.entries = std::move(*entries);
  report.verdict = std::move(*verdict);
  return report;
}

}  // namespace uncounted
