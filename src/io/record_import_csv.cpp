#include <algorithm>

#include "base/csv_reader.h"
#include "io/internal/record_builder.h"
#include "io/record_import.h"

namespace uncounted {

Result<ImportedRecords> import_records_csv(std::string_view text, const std::string& file_name,
                                           const RecordImportOptions& options) {
  auto table = parse_csv(text, file_name);
  if (!table) return fail(table.error().message() + "\n" + file_name + ": nothing was imported");
  internal::RecordBuilder builder({file_name, options.source, options.list, options.mapping, internal::today_utc()});
  ColumnMapping canonical;
  const ColumnMapping& mapping = options.mapping ? *options.mapping : canonical;
  std::vector<std::optional<RecordField>> fields;
  std::array<long, kRecordFieldCount> seen{};
  // A first line none of whose fields names a column is most likely a
  // record (the header row is missing): say so once, without repeating the
  // fields, which would print that record's contents.
  const bool no_known_column = std::none_of(table->header.begin(), table->header.end(),
                                            [&](const std::string& name) { return mapping.field_for(name).has_value(); });
  if (no_known_column) {
    builder.add_error({file_name, table->header_line, 0},
                      "the first line names no known column (its " + std::to_string(table->header.size()) +
                          " fields are neither canonical columns nor in the mapping): is the header row missing? "
                          "The first line must name the columns, e.g. record_id,full_name,birth_year,event_type,"
                          "event_date");
    table->header.clear();
  }
  for (std::size_t i = 0; i < table->header.size(); ++i) {
    long column = static_cast<long>(i + 1);
    SourceLocation where{file_name, table->header_line, column};
    auto field = mapping.field_for(table->header[i]);
    if (!field) {
      builder.add_error(where, field.error().message());
      fields.push_back(std::nullopt);
      continue;
    }
    if (*field) {
      auto& first = seen[static_cast<std::size_t>(**field)];
      if (first != 0)
        builder.add_error(where, "column " + std::string(field_name(**field)) + " appears twice (also column " +
                                     std::to_string(first) + ")");
      first = column;
    }
    fields.push_back(*field);
  }
  if (no_known_column) {
    // reported above; the rows cannot be read without a header
  } else if (seen[static_cast<std::size_t>(RecordField::record_id)] == 0)
    builder.add_error({file_name, table->header_line, 0}, "no record_id column");
  else
    for (std::size_t r = 0; r < table->rows.size(); ++r) {
      auto& row = table->rows[r];
      if (options.progress && r % 4096 == 0)
        options.progress(static_cast<double>(r) / static_cast<double>(table->rows.size()));
      if (row.fields.size() != fields.size()) {
        builder.add_error({file_name, row.line, 0}, "the row has " + std::to_string(row.fields.size()) +
                                                        " fields but the header has " + std::to_string(fields.size()));
        continue;
      }
      internal::RawRow raw;
      raw.line = row.line;
      for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i]) raw.at(*fields[i]) = {std::move(row.fields[i]), row.line, static_cast<long>(i + 1)};
      row.fields = {};  // free each row as it is consumed
      builder.add(std::move(raw));
    }
  auto records = builder.finish();
  if (!records) return tl::unexpected(records.error());
  return ImportedRecords{std::move(*records), table->rows.size(), "csv"};
}

Result<ImportedRecords> import_records(std::string_view text, const std::string& file_name,
                                       const RecordImportOptions& options) {
  auto ends_with = [&](std::string_view suffix) {
    return file_name.size() >= suffix.size() &&
           std::equal(suffix.rbegin(), suffix.rend(), file_name.rbegin(),
                      [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b); });
  };
  if (ends_with(".json")) return import_records_json(text, file_name, options);
  if (ends_with(".csv")) return import_records_csv(text, file_name, options);
  auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string_view::npos && (text[first] == '[' || text[first] == '{'))
    return import_records_json(text, file_name, options);
  return import_records_csv(text, file_name, options);
}

}  // namespace uncounted
