#include "app/store_records.h"

#include "io/record_export.h"

namespace uncounted {
namespace {

std::string names_of(const CaseRecord& r) {
  std::string out;
  for (const std::string* n : {&r.full_name, &r.name_hangul, &r.name_hanzi, &r.family_name, &r.given_name})
    if (!n->empty() && out.find(*n) == std::string::npos) out += (out.empty() ? "" : " / ") + *n;
  return out;
}

std::string events_of(const CaseRecord& r) {
  std::string out;
  for (const auto& e : r.events) {
    std::string one = e.type;
    if (e.date) one += " " + e.date->verbatim;
    if (!e.place.empty()) one += " @ " + e.place;
    if (!e.facility_type.empty()) one += " (" + e.facility_type + ")";
    out += (out.empty() ? "" : "; ") + one;
  }
  return out;
}

}  // namespace

Result<std::size_t> list_records(const RecordsRequest& request, std::ostream& out) {
  auto opened = open_store(request.access, store::Access::read);
  if (!opened) return tl::unexpected(opened.error());
  std::size_t count = 0;
  if (request.count_only) {
    auto counts = store::count_records(opened->db());
    if (!counts) return tl::unexpected(counts.error());
    out << "source\tlist\trecords\n";
    for (const auto& c : *counts) {
      out << c.source << '\t' << c.list << '\t' << c.records << '\n';
      count += c.records;
    }
    return count;
  }
  std::unique_ptr<RecordWriter> writer;
  if (request.format != RecordsFormat::table)
    writer = RecordWriter::make(request.format == RecordsFormat::csv ? ExportFormat::csv : ExportFormat::json, out,
                                RedactionProfile::none);
  else
    out << "source\tlist\trecord_id\tversion\tnames\tsex\tbirth\torigin\tevents\n";
  auto ok = store::for_each_record(opened->db(), request.filter, [&](const store::StoredRecord& s) -> Status {
    ++count;
    const auto& r = s.record;
    if (writer) {
      writer->write(r);
      return {};
    }
    std::string birth = r.birth_year ? std::to_string(*r.birth_year) : r.birth_date ? r.birth_date->verbatim : "";
    out << r.source << '\t' << r.list << '\t' << r.record_id << '\t' << s.version << (s.current ? "" : " (superseded)")
        << '\t' << names_of(r) << '\t' << r.sex << '\t' << birth << '\t' << r.origin_place << '\t' << events_of(r)
        << '\n';
    return {};
  });
  if (!ok) return tl::unexpected(ok.error());
  if (writer) writer->finish();
  return count;
}

}  // namespace uncounted
