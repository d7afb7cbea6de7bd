// The records to link, as read from one or more files: an id, a source and
// a list per record, and the text of every column the linkage uses.
//
// Columns are stored column-wise (one vector per column) so that a million
// records with a few fields stay compact. An empty string is a missing value.
//
// Ownership: a RecordTable owns its strings. Thread safety: a const table
// may be read from any number of threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace uncounted::link {

struct RecordTable {
  std::vector<std::string> record_ids;     // per record; unique within its source
  std::vector<std::uint32_t> source_of;    // per record: index into `sources`
  std::vector<std::uint32_t> list_of;      // per record: index into `lists`
  std::vector<std::string> sources;        // distinct source names
  std::vector<std::string> lists;          // distinct list names
  std::vector<std::string> column_names;   // the columns held, in order
  std::vector<std::vector<std::string>> columns;  // columns[c][record]

  std::size_t size() const { return record_ids.size(); }

  // Index of the column named `name`, if held.
  std::optional<std::size_t> find_column(std::string_view name) const {
    for (std::size_t i = 0; i < column_names.size(); ++i)
      if (column_names[i] == name) return i;
    return std::nullopt;
  }
};

}  // namespace uncounted::link
