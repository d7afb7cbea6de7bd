// Validates rows of canonical fields and groups them into records. Shared by
// the CSV and JSON importers. Internal to io/.
//
// Rows with the same record_id are one record: their person fields must
// agree (empty agrees with anything) and each row with event fields adds an
// event. Every error names file, line, column and field, and the reason,
// never the cell's contents beyond what locates it.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/case_record.h"
#include "base/result.h"
#include "io/record_fields.h"
#include "io/record_mapping.h"

namespace uncounted::internal {

struct Cell {
  std::string text;
  long line = 0;
  long column = 0;
};

struct RawRow {
  long line = 0;
  std::array<std::optional<Cell>, kRecordFieldCount> cells;
  Cell& at(RecordField f) { return *(cells[static_cast<std::size_t>(f)] = cells[static_cast<std::size_t>(f)].value_or(Cell{})); }
};

struct BuildOptions {
  std::string file_name;
  std::string source;
  std::string list;
  const ColumnMapping* mapping = nullptr;  // value maps and defaults, if any
  CivilDate today;                         // dates after it are refused
};

class RecordBuilder {
 public:
  explicit RecordBuilder(BuildOptions options) : options_(std::move(options)) {}

  // Validates `row` and adds it; errors are collected (up to a limit).
  void add(RawRow row);
  // Records an error found by the reader (e.g. a bad JSON shape).
  void add_error(const SourceLocation& where, const std::string& message);

  std::size_t rows() const { return rows_; }
  // The records, or one Error listing every problem found (one per line).
  Result<std::vector<CaseRecord>> finish();

 private:
  void error(const Cell& cell, RecordField field, const std::string& reason);

  BuildOptions options_;
  std::size_t rows_ = 0;
  std::vector<CaseRecord> records_;
  std::map<std::string, std::size_t> index_;  // record_id -> records_
  // For each record, where each person field was first given.
  std::vector<std::map<RecordField, long>> first_line_;
  std::vector<std::string> errors_;
  std::size_t error_count_ = 0;
};

// Today's date (UTC).
CivilDate today_utc();

}  // namespace uncounted::internal
