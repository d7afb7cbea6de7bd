// Use case: export a store's current records as CSV or JSON, redacted by a
// profile (io/redaction.h). The export is written to a temporary file beside
// the output and renamed into place, and recorded in the audit log (profile,
// record count, the output's SHA-256).
//
// Errors: an output (or its OUT.part) that is the store, its journal or lock
// file, the passphrase file or any other store (app/output_paths.h; checked
// first); an existing output without `overwrite`; the store's; an
// unwritable output.
#pragma once

#include <string>

#include "app/store_access.h"
#include "io/redaction.h"

namespace uncounted {

struct ExportRequest {
  StoreAccess access;
  std::string out;
  RedactionProfile profile = RedactionProfile::none;
  bool overwrite = false;  // replace an existing output file
};

struct ExportReport {
  std::size_t records = 0;
  std::string file_sha256;
};

Result<ExportReport> export_store(const ExportRequest& request);

}  // namespace uncounted
