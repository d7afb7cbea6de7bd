// Use case: export a store's current records as CSV or JSON, redacted by a
// profile (io/redaction.h); a public export is then made k-anonymous
// (io/k_anonymity.h: all its records are held in memory for that; with a
// link run in the store, groups are counted in the latest run's people), with
// pseudonymous ids under a key drawn for that export alone, and its records
// sorted by id within each source. The export is written to a temporary
// file beside the output and renamed into place, and recorded in the audit
// log (profile, record count, the output's SHA-256; for public, k, values
// blanked, records left out or kept below k, crowd records).
//
// Errors: an output (or its OUT.part) that is the store, its journal or lock
// file, the passphrase file or any other store (app/output_paths.h; checked
// first); an existing output without `overwrite`; the store's; an
// unwritable output.
#pragma once

#include <string>

#include "app/store_access.h"
#include "io/k_anonymity.h"
#include "io/redaction.h"

namespace uncounted {

struct ExportRequest {
  StoreAccess access;
  std::string out;
  RedactionProfile profile = RedactionProfile::none;
  int k_anonymity = 5;        // the public profile's k (1: none); other profiles ignore it
  bool keep_below_k = false;  // public: keep the records k-anonymity cannot hide (else left out)
  bool overwrite = false;  // replace an existing output file
};

struct ExportReport {
  std::size_t records = 0;  // records written
  std::string file_sha256;
  SuppressionSummary suppression;  // k = 1 and nothing blanked unless public
  std::int64_t people_from_run = 0;  // public: the link run whose people k counted (0: records)
};

Result<ExportReport> export_store(const ExportRequest& request);

}  // namespace uncounted
