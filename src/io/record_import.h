// Reading a source's records from CSV or JSON, validated (DESIGN.md sections
// 3 and 5). All or nothing: any error rejects the whole file.
//
// CSV (RFC 4180, UTF-8, BOM tolerated): a header row of canonical column
// names (record_fields.h) or columns named in a mapping file; one row per
// event, rows sharing a record_id forming one record. Error columns are field
// numbers (1 = first column).
//
// JSON: an array of record objects, or {"records": [...]}. A record object
// has canonical keys with string or number values; it may hold its events
// as "events": [{event keys...}], and legal_tags as a string ("a;b") or an
// array of strings. Error positions are line:column of the key.
//
// Validation: record_id required; sex M/F/U; birth_year 1880-this year;
// age 0-120; sentence_months 0-1200; dates partial (base/partial_date.h) and
// not in the future; event_type and facility_type from base/vocabulary.h;
// text valid UTF-8 without control characters; source/list columns, if
// present, equal to --source/--list. Every error names file, line, column,
// field and reason (never the value itself, which may be a name); up to 20
// are listed.
//
// Thread safety: pure functions over their arguments.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/case_record.h"
#include "base/result.h"
#include "io/record_mapping.h"

namespace uncounted {

struct RecordImportOptions {
  std::string source;                      // --source
  std::string list;                        // --list
  const ColumnMapping* mapping = nullptr;  // --mapping, if given
  // If set, called now and then with the fraction of the file read, 0..1.
  std::function<void(double)> progress = {};
};

struct ImportedRecords {
  std::vector<CaseRecord> records;
  std::size_t rows = 0;  // CSV rows or JSON rows (an object with k events counts k)
  std::string format;    // "csv" or "json"
};

Result<ImportedRecords> import_records_csv(std::string_view text, const std::string& file_name,
                                           const RecordImportOptions& options);
Result<ImportedRecords> import_records_json(std::string_view text, const std::string& file_name,
                                            const RecordImportOptions& options);
// Chooses by extension (.csv, .json), else by the first non-blank byte
// ('[' or '{' is JSON).
Result<ImportedRecords> import_records(std::string_view text, const std::string& file_name,
                                       const RecordImportOptions& options);

}  // namespace uncounted
