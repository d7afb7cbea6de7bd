// A mapping file: how a source's own columns and values map to the canonical
// ones (record_fields.h). JSON:
//   {
//     "columns":  {"Name (Korean)": "name_hangul", "Arrested": "event_date",
//                  "Internal code": null},          // null: ignore the column
//     "values":   {"sex": {"male": "M", "female": "F"},
//                  "event_type": {"arrested": "arrest_china"}},
//     "defaults": {"event_type": "arrest_china"}    // for empty cells
//   }
// Columns not named under "columns" must be canonical names. Value maps match
// the trimmed cell exactly, ignoring ASCII case. Defaults fill empty cells.
//
// Thread safety: values.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "base/result.h"
#include "io/record_fields.h"

namespace uncounted {

struct ColumnMapping {
  std::map<std::string, std::optional<RecordField>> columns;  // source column -> field (nullopt: ignore)
  std::map<RecordField, std::map<std::string, std::string>> values;  // keys lower-cased
  std::map<RecordField, std::string> defaults;

  // The field for a source column: mapped, or canonical by name; nullopt
  // with `ignored` set for an ignored column; Error for an unknown one.
  Result<std::optional<RecordField>> field_for(const std::string& column) const;
  // `value` after the value map and default of `field`.
  std::string map_value(RecordField field, std::string value) const;
};

// Reads and checks a mapping file. Errors name the file and the bad entry.
Result<ColumnMapping> read_column_mapping(const std::string& path);
Result<ColumnMapping> parse_column_mapping(std::string_view text, const std::string& file_name);

}  // namespace uncounted
