#include "io/simulated_records_csv.h"

#include <array>

namespace uncounted {
namespace {

void put_field(std::ostream& out, std::string_view value) {
  const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    out << value;
    return;
  }
  out << '"';
  for (char c : value) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

void put_row(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out << ',';
    put_field(out, fields[i]);
  }
  out << '\n';
}

std::string date_field(const std::optional<PartialDate>& date) {
  if (!date) return {};
  return date->verbatim.empty() ? canonical_text(*date) : date->verbatim;
}

std::string int_field(const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); }

constexpr std::array<std::string_view, 20> kColumns = {
    "record_id",   "source",       "list",       "full_name",   "family_name",
    "given_name",  "name_hangul",  "name_hanzi", "sex",         "birth_year",
    "birth_date",  "age",          "origin_place", "event_type", "event_date",
    "event_place", "facility_type", "perpetrator", "sentence_months", "notes"};

// Labels: one per record, or none (then no label column).
Status write_records(std::ostream& out, std::span<const CaseRecord> records,
                     std::span<const std::string> labels, std::string_view label_column) {
  const bool labelled = !label_column.empty();
  std::vector<std::string> header(kColumns.begin(), kColumns.end());
  if (labelled) header.emplace_back(label_column);
  put_row(out, header);
  std::vector<std::string> row;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const CaseRecord& r = records[i];
    const std::size_t rows = r.events.empty() ? 1 : r.events.size();
    for (std::size_t e = 0; e < rows; ++e) {
      const CaseEvent* ev = r.events.empty() ? nullptr : &r.events[e];
      row = {r.record_id,
             r.source,
             r.list,
             r.full_name,
             r.family_name,
             r.given_name,
             r.name_hangul,
             r.name_hanzi,
             r.sex,
             int_field(r.birth_year),
             date_field(r.birth_date),
             int_field(r.age),
             r.origin_place,
             ev ? ev->type : std::string(),
             ev ? date_field(ev->date) : std::string(),
             ev ? ev->place : std::string(),
             ev ? ev->facility_type : std::string(),
             ev ? ev->perpetrator : std::string(),
             ev ? int_field(ev->sentence_months) : std::string(),
             r.notes};
      if (labelled) row.push_back(labels[i]);
      put_row(out, row);
    }
  }
  if (!out) return fail("writing the records failed");
  return {};
}

}  // namespace

Status write_labelled_records_csv(std::ostream& out, std::span<const CaseRecord> records,
                                  std::span<const std::string> labels, std::string_view label_column) {
  if (records.size() != labels.size())
    return fail("write_labelled_records_csv: one label is needed per record");
  if (label_column.empty()) return fail("write_labelled_records_csv: the label column needs a name");
  return write_records(out, records, labels, label_column);
}

Status write_records_csv(std::ostream& out, std::span<const CaseRecord> records) {
  return write_records(out, records, {}, {});
}

Status write_csv_table(std::ostream& out, const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows) {
  put_row(out, header);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].size() != header.size())
      return fail("write_csv_table: row " + std::to_string(i + 1) + " has " +
                  std::to_string(rows[i].size()) + " fields, the header " +
                  std::to_string(header.size()));
    put_row(out, rows[i]);
  }
  if (!out) return fail("writing the table failed");
  return {};
}

}  // namespace uncounted
