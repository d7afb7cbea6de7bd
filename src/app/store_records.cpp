#include "app/store_records.h"

#include <nlohmann/json.hpp>

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

std::string csv_field(const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// The sources with their metadata. They hold no personal data: a source is
// described by its name, list, type, language, date and reliability.
std::size_t write_sources(const std::vector<store::SourceCount>& sources, RecordsFormat format, std::ostream& out) {
  auto text = [](const std::optional<std::string>& v) { return v ? *v : std::string(); };
  auto date = [](const store::SourceMetadata& m) { return m.date ? m.date->verbatim : std::string(); };
  auto reliability = [](const store::SourceMetadata& m) {
    return m.reliability ? std::to_string(*m.reliability) : std::string();
  };
  if (format == RecordsFormat::json) {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const auto& s : sources) {
      nlohmann::ordered_json j;
      j["source"] = s.source;
      j["list"] = s.list;
      const auto& m = s.metadata;
      j["source_type"] = m.type ? nlohmann::ordered_json(*m.type) : nullptr;
      j["language"] = m.language ? nlohmann::ordered_json(*m.language) : nullptr;
      j["source_date"] = m.date ? nlohmann::ordered_json(m.date->verbatim) : nullptr;
      j["reliability"] = m.reliability ? nlohmann::ordered_json(*m.reliability) : nullptr;
      j["records"] = s.records;
      j["created_at"] = s.created_at;
      all.push_back(std::move(j));
    }
    out << nlohmann::ordered_json{{"sources", std::move(all)}}.dump(
               2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
        << '\n';
    return sources.size();
  }
  const char sep = format == RecordsFormat::csv ? ',' : '\t';
  auto field = [&](const std::string& v) { return format == RecordsFormat::csv ? csv_field(v) : v; };
  out << "source" << sep << "list" << sep << "source_type" << sep << "language" << sep << "source_date" << sep
      << "reliability" << sep << "records" << sep << "created_at\n";
  for (const auto& s : sources)
    out << field(s.source) << sep << field(s.list) << sep << text(s.metadata.type) << sep
        << field(text(s.metadata.language)) << sep << field(date(s.metadata)) << sep << reliability(s.metadata) << sep
        << s.records << sep << s.created_at << '\n';
  return sources.size();
}

}  // namespace

Result<std::size_t> list_records(const RecordsRequest& request, std::ostream& out) {
  auto opened = open_store(request.access, store::Access::read);
  if (!opened) return tl::unexpected(opened.error());
  std::size_t count = 0;
  if (request.sources) {
    auto sources = store::count_records(opened->db());
    if (!sources) return tl::unexpected(sources.error());
    return write_sources(*sources, request.format, out);
  }
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
