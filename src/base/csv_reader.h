// RFC 4180 CSV reader for UTF-8 text.
//
// Accepts: a UTF-8 byte-order mark at the start (skipped), CRLF or LF line
// ends, quoted fields with embedded commas, doubled quotes and line breaks.
// Rejects (as an Error naming file, line and column): a quote inside an
// unquoted field, text after a closing quote, an unterminated quoted field.
//
// Rows are returned in order with the physical line on which each row starts,
// so that later validation can name the line a user sees in an editor. Blank
// lines are skipped. The reader does not check that rows have equal widths;
// callers do, since they know which columns they need.
//
// Thread safety: pure functions over their arguments.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace uncounted {

struct CsvRow {
  long line = 0;                    // 1-based line on which the row starts
  std::vector<std::string> fields;  // unquoted field values
};

struct CsvTable {
  std::vector<std::string> header;  // first row
  long header_line = 0;
  std::vector<CsvRow> rows;         // every later non-blank row
};

// Parses `text`; `file_name` is used only in error messages.
Result<CsvTable> parse_csv(std::string_view text, const std::string& file_name);

// Reads the whole file at `path` and parses it. A missing or unreadable file
// is an Error naming the path.
Result<CsvTable> read_csv_file(const std::string& path);

// Reads a whole file into memory (binary, unchanged).
Result<std::string> read_file(const std::string& path);

}  // namespace uncounted
