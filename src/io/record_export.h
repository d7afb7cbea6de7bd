// Writing records as CSV or JSON in the shape import reads (so an export can
// be imported again): CSV with the canonical columns plus legal_tags and
// head_count, one row per event (a record without events has one row);
// JSON as {"records": [{..., "events": [{...}]}]}. Columns a redaction
// profile drops are left out altogether.
//
// Thread safety: one RecordWriter per output stream.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "base/case_record.h"
#include "base/result.h"
#include "io/redaction.h"

namespace uncounted {

enum class ExportFormat { csv, json };

// From the output file's extension (.csv or .json); Error otherwise.
Result<ExportFormat> export_format_for(const std::string& path);

class RecordWriter {
 public:
  // Writes to `out`, which must outlive the writer; leaves out the columns
  // `profile` drops (the records given must already be redacted).
  static std::unique_ptr<RecordWriter> make(ExportFormat format, std::ostream& out, RedactionProfile profile);
  virtual ~RecordWriter() = default;
  virtual void write(const CaseRecord& record) = 0;
  // Completes the document (closes the JSON array).
  virtual void finish() = 0;
};

}  // namespace uncounted
