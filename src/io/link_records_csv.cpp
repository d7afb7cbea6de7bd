#include "io/link_records_csv.h"

#include <unordered_map>

#include "base/csv_reader.h"
#include "base/utf8.h"

namespace uncounted {
namespace {

// The canonical columns that describe one event of a record (DESIGN.md
// section 5): the rows of one record in the import format differ in these.
bool is_event_column(const std::string& name) {
  for (const char* c : {"event_type", "event_date", "event_place", "facility_type", "perpetrator", "sentence_months",
                        "legal_tags", "head_count"})
    if (name == c) return true;
  return false;
}

std::string file_stem(const std::string& path) {
  const auto slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  const auto dot = name.find_last_of('.');
  if (dot != std::string::npos && dot > 0) name.resize(dot);
  return name;
}

std::uint32_t intern(std::vector<std::string>& names, std::unordered_map<std::string, std::uint32_t>& ids,
                     const std::string& name) {
  auto [it, inserted] = ids.emplace(name, static_cast<std::uint32_t>(names.size()));
  if (inserted) names.push_back(name);
  return it->second;
}

}  // namespace


Result<std::vector<std::string>> read_csv_header(const std::string& path) {
  auto text = read_file(path);
  if (!text) return tl::unexpected(text.error());
  // Only the first record is needed; parse a prefix that ends at a line break.
  std::string_view view(*text);
  bool quoted = false;
  for (std::size_t i = 0; i < view.size(); ++i) {
    if (view[i] == '"') quoted = !quoted;
    if (view[i] == '\n' && !quoted) {
      view = view.substr(0, i + 1);
      break;
    }
  }
  auto table = parse_csv(view, path);
  if (!table) return tl::unexpected(table.error());
  return table->header;
}

Status append_link_records(const std::string& path, const LinkRecordColumns& spec, link::RecordTable& table) {
  auto csv = read_link_csv(path);
  if (!csv) return tl::unexpected(csv.error());
  return append_link_csv(std::move(*csv), path, spec, table);
}

Status append_link_records_text(std::string text, const std::string& path, const LinkRecordColumns& spec,
                                link::RecordTable& table) {
  auto csv = parse_link_csv(std::move(text), path);
  if (!csv) return tl::unexpected(csv.error());
  return append_link_csv(std::move(*csv), path, spec, table);
}

Result<CsvTable> read_link_csv(const std::string& path) {
  auto text = read_file(path);
  if (!text) return tl::unexpected(text.error());
  return parse_link_csv(std::move(*text), path);
}

Result<CsvTable> parse_link_csv(std::string text, const std::string& path) {
  if (!is_valid_utf8(text)) {
    // Find the line and field for the message.
    long line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if ((text)[i] == '\n') {
        if (!is_valid_utf8(std::string_view(text).substr(line_start, i - line_start))) break;
        ++line;
        line_start = i + 1;
      }
    }
    std::string_view bad = std::string_view(text).substr(line_start);
    bad = bad.substr(0, bad.find('\n'));
    long column = 1;
    std::size_t field_start = 0;
    for (std::size_t i = 0; i <= bad.size(); ++i) {
      if (i == bad.size() || bad[i] == ',') {
        if (!is_valid_utf8(bad.substr(field_start, i - field_start))) break;
        ++column;
        field_start = i + 1;
      }
    }
    return fail(SourceLocation{path, line, column}, "the text is not valid UTF-8");
  }
  return parse_csv(text, path);
}

Status append_link_csv(CsvTable csv_table, const std::string& path, const LinkRecordColumns& spec,
                       link::RecordTable& table) {
  CsvTable* csv = &csv_table;
  const auto& header = csv->header;
  auto find = [&](const std::string& name) -> long {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return static_cast<long>(i);
    return -1;
  };
  const long id_col = find(spec.record_id);
  if (id_col < 0) return fail(SourceLocation{path, csv->header_line, 0}, "no id column '" + spec.record_id + "'");
  const long source_col = spec.source.empty() ? -1 : find(spec.source);
  const long list_col = spec.list.empty() ? -1 : find(spec.list);
  if (table.column_names.empty() && table.size() == 0) {
    table.column_names = spec.columns;
    table.columns.assign(spec.columns.size(), {});
  }
  std::vector<long> cols;
  for (const auto& c : spec.columns) {
    const long idx = find(c);
    if (idx < 0 && spec.require_columns)
      return fail(SourceLocation{path, csv->header_line, 0}, "no column '" + c + "', which the link config uses");
    cols.push_back(idx);
  }
  std::unordered_map<std::string, std::uint32_t> source_ids, list_ids;
  for (std::uint32_t i = 0; i < table.sources.size(); ++i) source_ids.emplace(table.sources[i], i);
  for (std::uint32_t i = 0; i < table.lists.size(); ++i) list_ids.emplace(table.lists[i], i);
  // Ids already used per source (records appended earlier count too).
  std::unordered_map<std::string, long> seen;  // source \x1f id -> line (0: an earlier file)
  for (std::size_t r = 0; r < table.size(); ++r) seen.emplace(table.sources[table.source_of[r]] + '\x1f' + table.record_ids[r], 0);
  const std::string stem = file_stem(path);
  const std::size_t width = header.size();
  const std::size_t before = table.size();
  table.record_ids.reserve(before + csv->rows.size());
  for (auto& c : table.columns) c.reserve(before + csv->rows.size());
  std::string previous_key;  // source \x1f id of the row above
  for (auto& row : csv->rows) {
    if (row.fields.size() != width)
      return fail(SourceLocation{path, row.line, 0}, "the row has " + std::to_string(row.fields.size()) +
                                                         " fields but the header has " + std::to_string(width));
    std::string& id = row.fields[static_cast<std::size_t>(id_col)];
    if (id.empty()) return fail(SourceLocation{path, row.line, id_col + 1}, "empty record id");
    const std::string source =
        source_col >= 0 && !row.fields[static_cast<std::size_t>(source_col)].empty()
            ? row.fields[static_cast<std::size_t>(source_col)]
            : stem;
    const std::string list = list_col >= 0 && !row.fields[static_cast<std::size_t>(list_col)].empty()
                                 ? row.fields[static_cast<std::size_t>(list_col)]
                                 : source;
    const std::string key = source + '\x1f' + id;
    if (key == previous_key) {
      // A further row of the record above (the import format: one row per
      // event): it may differ only in the event columns, and fills the
      // record's empty cells, e.g. a date its first event lacks. Rows that
      // disagree on anything else are two records with one id.
      const std::size_t last = table.size() - 1;
      for (std::size_t c = 0; c < cols.size(); ++c) {
        if (cols[c] < 0) continue;
        std::string& value = row.fields[static_cast<std::size_t>(cols[c])];
        std::string& kept = table.columns[c][last];
        if (!value.empty() && !kept.empty() && value != kept && !is_event_column(spec.columns[c]))
          return fail(SourceLocation{path, row.line, cols[c] + 1},
                      "record id repeated within source with a different " + spec.columns[c] +
                          " (rows of one record may differ only in their event columns)");
        if (kept.empty()) kept = std::move(value);
      }
      continue;
    }
    auto [it, inserted] = seen.emplace(key, row.line);
    previous_key = key;
    if (!inserted)
      return fail(SourceLocation{path, row.line, id_col + 1},
                  "record id repeated within source, not on the next row (first " +
                      (it->second > 0 ? "on line " + std::to_string(it->second) : std::string("in an earlier file")) +
                      ")");
    table.source_of.push_back(intern(table.sources, source_ids, source));
    table.list_of.push_back(intern(table.lists, list_ids, list));
    table.record_ids.push_back(std::move(id));
    for (std::size_t c = 0; c < cols.size(); ++c)
      table.columns[c].push_back(cols[c] >= 0 ? std::move(row.fields[static_cast<std::size_t>(cols[c])])
                                              : std::string());
  }
  return {};
}

}  // namespace uncounted
