// Records in the case store: adding an import's records (new versions
// supersede old ones, which are kept) and finding them again.
//
// Identity: a record is (source, record_id). Its content hash covers every
// field and event; re-importing a record with the same content changes
// nothing, a changed one is stored as version n+1 that supersedes version n.
// Records absent from a later import are not deleted.
//
// Thread safety: functions over the Database they are given.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/case_record.h"
#include "base/result.h"
#include "store/database.h"

namespace uncounted::store {

struct ImportBatch {
  std::string source;
  std::string list;
  std::string file_name;    // as given on the command line
  std::string file_sha256;  // of the file's bytes
  std::string format;       // "csv" or "json"
  std::string actor;
  std::size_t rows = 0;     // rows (CSV) or objects (JSON) read
};

struct ImportCounts {
  std::size_t records = 0;     // distinct records in the batch
  std::size_t added = 0;       // new records
  std::size_t superseded = 0;  // changed records (a new version was stored)
  std::size_t unchanged = 0;   // identical to the current version
};

// What put_records would do, without changing anything. Error: the source
// exists with another list.
Result<ImportCounts> preview_records(Database& db, const ImportBatch& batch, const std::vector<CaseRecord>& records);

// Stores the batch inside the caller's transaction: source (created on first
// use), an imports row, the new and changed records, and an audit entry.
// When every record is unchanged it changes nothing at all. Error: the
// source exists with another list; a database failure (the caller rolls
// back).
Result<ImportCounts> put_records(Database& db, const ImportBatch& batch, const std::vector<CaseRecord>& records);

// A deterministic hash of the record's content (not of source and list).
std::string content_hash(const CaseRecord& record);

struct RecordFilter {
  std::string source;      // exact source name
  std::string list;        // exact list name
  std::string name;        // substring of any name field (ASCII case-insensitive)
  std::string place;       // substring of the origin or any event place
  std::string event_type;  // has an event of this type
  std::optional<PartialDate> from, to;  // has an event whose date interval meets [from, to]
  bool all_versions = false;            // also superseded versions
};

struct StoredRecord {
  CaseRecord record;
  std::int64_t version = 1;
  bool current = true;
  std::string imported_at;
};

struct SourceCount {
  std::string source, list;
  std::size_t records = 0;  // current versions
};
// How many current records each source holds, by source name.
Result<std::vector<SourceCount>> count_records(Database& db);

// Calls `visit` for each matching record, ordered by source, record_id and
// version. Stops at the first error `visit` returns, and returns it.
Status for_each_record(Database& db, const RecordFilter& filter,
                       const std::function<Status(const StoredRecord&)>& visit);

}  // namespace uncounted::store
