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
#include <string_view>
#include <string>
#include <vector>

#include "base/case_record.h"
#include "base/result.h"
#include "store/database.h"

namespace uncounted::store {

// What DESIGN.md section 3 says about a source besides its list. Each field
// is optional: an import that leaves one out keeps what the store holds.
struct SourceMetadata {
  std::optional<std::string> type;      // one of kSourceTypes
  std::optional<std::string> language;  // a BCP 47 tag: "ko", "en", "zh-Hant", "ko-KP"
  std::optional<PartialDate> date;      // when the source was made (e.g. the interview)
  std::optional<int> reliability;       // 1 (highest) .. 5 (lowest), see docs/STORE.md
};

inline constexpr std::string_view kSourceTypes[] = {"interview", "news", "ngo_list", "official_document", "other"};

// True for a well-formed BCP 47 language tag of the common shape: a 2-3
// letter language, then subtags of 2-8 letters or digits separated by '-'
// (script "Hant", region "KP" or "410", variants); not checked against the
// IANA registry.
bool is_language_tag(std::string_view tag);

// Error naming the first field that is not valid.
Status validate_source_metadata(const SourceMetadata& metadata);

// Reports progress of a long step: a stage name ("checking", "writing") and
// the fraction done, 0..1. Never given record contents.
using Progress = std::function<void(std::string_view stage, double done)>;

struct ImportBatch {
  std::string source;
  std::string list;
  SourceMetadata metadata;  // set on the source; a change is audited
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
  // Changes to the source's metadata, e.g. "reliability 3 -> 2" ("(none)"
  // for a value not set before); empty when none.
  std::vector<std::string> source_changes;
};

// What put_records would do, without changing anything. Error: the source
// exists with another list; invalid metadata.
Result<ImportCounts> preview_records(Database& db, const ImportBatch& batch, const std::vector<CaseRecord>& records,
                                     const Progress& progress = {});

// Stores the batch inside the caller's transaction: source (created on first
// use, with the batch's metadata), an imports row, the new and changed
// records, and an audit entry. Metadata given in the batch that differs from
// the source's replaces it, with its own audit entry ("source"), even when
// every record is unchanged; metadata left out is kept. When nothing differs
// it changes nothing at all. Error: the source exists with another list;
// invalid metadata; a database failure (the caller rolls back).
Result<ImportCounts> put_records(Database& db, const ImportBatch& batch, const std::vector<CaseRecord>& records,
                                 const Progress& progress = {});

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
  SourceMetadata metadata;
  std::string created_at;
};
// Each source with its metadata and how many current records it holds, by
// source name.
Result<std::vector<SourceCount>> count_records(Database& db);

// Calls `visit` for each matching record, ordered by source, record_id and
// version. Stops at the first error `visit` returns, and returns it.
Status for_each_record(Database& db, const RecordFilter& filter,
                       const std::function<Status(const StoredRecord&)>& visit);

}  // namespace uncounted::store
