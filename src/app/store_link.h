// `uncounted link STORE` as a use case: the store's current records are
// linked in memory (app/store_link_input.h), reviewers' active decisions
// (store/link_repository.h) are applied as must-link / cannot-link
// constraints, and the run — entities, the scored pairs kept for review,
// the configuration and the model's own precision/recall estimates — is
// saved in the store and audited. Nothing is written outside the store.
//
// A decision about a record that is no longer current (superseded by a new
// version keeps its source and record_id, so it still applies) or whose
// source is gone is skipped with a notice.
//
// Errors: the store's (cannot open, wrong passphrase, in use); a store
// without records; an unreadable or invalid config, or one naming a column
// that is not a canonical record column (the store holds only those);
// missing reference tables; conflicting decisions (naming both decisions'
// records); the linkage's own errors.
// Thread safety: runs on `threads` threads; progress from the calling thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/link_run.h"
#include "app/store_access.h"
#include "app/store_link_input.h"
#include "base/result.h"
#include "io/link_config.h"
#include "link/linker.h"
#include "store/database.h"

namespace uncounted {

struct StoreLinkRequest {
  StoreAccess access;
  std::optional<std::string> config_path;
  std::optional<double> threshold;  // overrides the config's; outside (0, 1) (or NaN) an error
  std::string data_dir;             // the shared data folder (korean/ tables)
  int threads = 0;
  link::LinkProgress progress;
};

struct StoreLinkReport {
  LinkRunReport run;           // what `link` prints
  std::int64_t run_id = 0;     // the run's number in the store
  std::size_t must_links = 0;  // decisions applied
  std::size_t cannot_links = 0;
  std::vector<std::string> notices;  // decisions skipped, store notices
};

Result<StoreLinkReport> link_store(const StoreLinkRequest& request);

// What link_store and the report share: the configuration for the store's
// records (the file at config_path, or the default for the canonical
// columns that hold any value) with `threshold` applied.
Result<LinkConfig> store_link_config(const StoreLinkInput& input, const std::optional<std::string>& config_path,
                                     const std::optional<double>& threshold);

// The store's active decisions as constraints on `input`'s records; those
// naming a record not in `input` are skipped, with a notice each.
Result<std::vector<link::ClericalDecision>> store_decisions(store::Database& db, const StoreLinkInput& input,
                                                            std::vector<std::string>& notices);

}  // namespace uncounted
