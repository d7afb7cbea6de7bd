// Reading the record files of `uncounted link` (and `evaluate`,
// `histories`) into a link::RecordTable: one row per record, any columns —
// or, as `import` reads them, one row per event: consecutive rows with one
// id are one record, the first row's values kept and its empty cells filled
// from the rows after it; such rows may differ only in the event columns
// (event_type, event_date, event_place, facility_type, perpetrator,
// sentence_months, legal_tags, head_count).
//
// Each file must have the id column; the source is the value of the source
// column when the file has one (else the file name without directory and
// extension), and the list the value of the list column (else the source).
// Only the columns in `columns` are kept; with `require_columns` each of
// them must be in every file's header, otherwise a file lacking one gets
// empty (missing) values.
//
// Errors (file:line:column: reason, never quoting a value): an unreadable
// file, malformed CSV, no id column, a required column absent, a row with
// the wrong number of fields, an empty id, an id repeated within a source
// (other than on consecutive rows that agree outside the event columns),
// a cell that is not valid UTF-8.
//
// Thread safety: pure functions of the files' contents.
#pragma once

#include <string>
#include <vector>

#include "base/csv_reader.h"
#include "base/result.h"
#include "link/record_table.h"

namespace uncounted {

struct LinkRecordColumns {
  std::string record_id = "record_id";
  std::string source = "source";  // used when the file has it
  std::string list = "list";      // used when the file has it
  std::vector<std::string> columns;
  bool require_columns = true;
};

// Appends the records of the CSV file at `path` to `table` (whose
// column_names must equal `columns.columns`, or be empty for a new table).
Status append_link_records(const std::string& path, const LinkRecordColumns& columns, link::RecordTable& table);

// The same for CSV text already read; `path` names it in errors and gives
// the default source.
Status append_link_records_text(std::string text, const std::string& path, const LinkRecordColumns& columns,
                                link::RecordTable& table);

// The two halves of append_link_records, so that several files can be read
// and parsed at once: read_link_csv (read, check UTF-8, parse; safe to call
// concurrently) and append_link_csv (check and append the rows, in file
// order, since ids must be unique across the files of one source).
Result<CsvTable> read_link_csv(const std::string& path);
Result<CsvTable> parse_link_csv(std::string text, const std::string& path);
Status append_link_csv(CsvTable csv, const std::string& path, const LinkRecordColumns& columns,
                       link::RecordTable& table);

// The header row of a CSV file (for choosing default fields).
Result<std::vector<std::string>> read_csv_header(const std::string& path);

}  // namespace uncounted
