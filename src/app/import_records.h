// Use case: import a source's CSV or JSON file into a store (uncounted
// import). The file is read and validated before the store is opened; any
// error rejects the whole file and leaves the store untouched. A committed
// import is durable before this returns (see store/case_store.h).
#pragma once

#include <string>

#include "app/store_access.h"
#include "store/record_repository.h"

namespace uncounted {

struct ImportRequest {
  StoreAccess access;
  std::string source;
  std::string list;
  std::string file;
  std::string mapping_file;  // optional
  store::SourceMetadata metadata;  // optional fields; see store::put_records
  bool dry_run = false;      // validate and count, change nothing
  // Called with a stage ("reading", "opening", "checking", "writing",
  // "saving") and the fraction done; never with record contents.
  store::Progress progress;
};

struct ImportReport {
  std::size_t rows = 0;
  store::ImportCounts counts;
  std::string file_sha256;
  std::vector<std::string> notices;  // from opening the store
};

// Imports the batches of more than this many rows by saving the whole store
// rather than journaling the change (the same guarantee, fewer bytes).
inline constexpr std::size_t kLargeImportRows = 20000;

Result<ImportReport> import_file(const ImportRequest& request);

}  // namespace uncounted
