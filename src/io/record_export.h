// Writing records as CSV or JSON in the shape import reads (so an export can
// be imported again): CSV with the canonical columns plus legal_tags and
// head_count, one row per event (a record without events has one row);
// JSON as {"sources": [...], "records": [{..., "events": [{...}]}]}. Columns a redaction
// profile drops are left out altogether.
//
// Thread safety: one RecordWriter per output stream.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "base/case_record.h"
#include "base/result.h"
#include "io/record_fields.h"
#include "io/redaction.h"

namespace uncounted {

enum class ExportFormat { csv, json };

// A source as exported: DESIGN.md section 3's description of where records
// come from. It holds no personal data, so every profile keeps it.
struct SourceDescription {
  std::string name, list;
  std::string type, language, date;  // "" when not set
  int reliability = 0;               // 1..5; 0 when not set
};

// The text `field` is written as, for a record and one of its events
// (nullptr: the person's fields; event fields are then ""). Dates as given
// (their verbatim text), numbers in decimal, legal tags joined by ';', a
// head count as "500" or "400-600"; "" when missing.
std::string exported_value(RecordField field, const CaseRecord& record, const CaseEvent* event);

// From the output file's extension (.csv or .json); Error otherwise.
Result<ExportFormat> export_format_for(const std::string& path);

class RecordWriter {
 public:
  // Writes to `out`, which must outlive the writer; leaves out the columns
  // `profile` drops (the records given must already be redacted).
  static std::unique_ptr<RecordWriter> make(ExportFormat format, std::ostream& out, RedactionProfile profile);
  virtual ~RecordWriter() = default;
  // Before any record: the sources. JSON writes them as a "sources" array
  // beside "records" (import skips it); CSV has no place for them and
  // ignores the call.
  virtual void write_sources(const std::vector<SourceDescription>& sources) = 0;
  virtual void write(const CaseRecord& record) = 0;
  // Completes the document (closes the JSON array).
  virtual void finish() = 0;
};

}  // namespace uncounted
