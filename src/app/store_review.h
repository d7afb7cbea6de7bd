// `uncounted review STORE`: reviewers' clerical decisions about pairs of
// records — "the same person" (must-link) or "different people"
// (cannot-link) — recorded, listed and revoked (store/link_repository.h).
// The next `uncounted link STORE` applies the active ones.
//
// A record is named "SOURCE:RECORD_ID" (split at the first ':').
// A new decision must agree with the active ones: a chain of "same"
// decisions may not join two records decided "different". The check runs
// inside the store transaction, so a refused decision leaves nothing.
//
// Errors: the store's; a malformed record name; the repository's (unknown
// record, no reason, a pair already decided, revoking twice); a conflict
// (naming the decisions involved).
// Thread safety: call from one thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/store_access.h"
#include "base/result.h"
#include "store/link_repository.h"

namespace uncounted {

struct DecisionRequest {
  StoreAccess access;
  std::string left, right;  // "SOURCE:RECORD_ID"
  bool same = true;
  std::string reason;
};
// Returns the new decision's number.
Result<std::int64_t> record_decision(const DecisionRequest& request);

Status revoke_decision(const StoreAccess& access, std::int64_t id, const std::string& reason);

Result<std::vector<store::ClericalDecisionRow>> list_decisions(const StoreAccess& access, bool active_only);

// Error naming the first conflict among `decisions` (revoked ones ignored).
Status check_decisions_agree(const std::vector<store::ClericalDecisionRow>& decisions);

}  // namespace uncounted
