#include "io/record_export.h"

#include <nlohmann/json.hpp>
#include <vector>

#include "io/record_fields.h"

namespace uncounted {
namespace {

std::string opt_text(const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); }
std::string date_text(const std::optional<PartialDate>& d) { return d ? d->verbatim : std::string(); }
std::string tags_text(const std::vector<std::string>& tags) {
  std::string out;
  for (const auto& t : tags) out += (out.empty() ? "" : ";") + t;
  return out;
}
std::string count_text(const std::optional<HeadCount>& c) {
  if (!c) return "";
  return c->low == c->high ? std::to_string(c->low) : std::to_string(c->low) + "-" + std::to_string(c->high);
}

// RFC 4180 quoting of one field.
std::string quote_field(const std::string& v) {
  bool quote = v.find_first_of(",\"\r\n") != std::string::npos || (!v.empty() && (v.front() == ' ' || v.back() == ' '));
  if (!quote) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::vector<RecordField> kept_fields(RedactionProfile profile) {
  std::vector<RecordField> out;
  for (std::size_t i = 0; i < kRecordFieldCount; ++i)
    if (!drops_column(profile, kRecordFieldNames[i])) out.push_back(static_cast<RecordField>(i));
  return out;
}

class CsvWriter : public RecordWriter {
 public:
  CsvWriter(std::ostream& out, RedactionProfile profile) : out_(out), fields_(kept_fields(profile)) {
    for (std::size_t i = 0; i < fields_.size(); ++i) out_ << (i ? "," : "") << field_name(fields_[i]);
    out_ << "\r\n";
  }
  void write(const CaseRecord& r) override {
    if (r.events.empty()) row(r, nullptr);
    for (const auto& e : r.events) row(r, &e);
  }
  void write_sources(const std::vector<SourceDescription>&) override {}
  void finish() override { out_.flush(); }

 private:
  void row(const CaseRecord& r, const CaseEvent* e) {
    for (std::size_t i = 0; i < fields_.size(); ++i) out_ << (i ? "," : "") << quote_field(exported_value(fields_[i], r, e));
    out_ << "\r\n";
  }
  std::ostream& out_;
  std::vector<RecordField> fields_;
};

class JsonWriter : public RecordWriter {
 public:
  JsonWriter(std::ostream& out, RedactionProfile profile) : out_(out), fields_(kept_fields(profile)) {}
  void write_sources(const std::vector<SourceDescription>& sources) override {
    if (opened_) return;
    out_ << "{\"sources\": [";
    bool first = true;
    for (const auto& s : sources) {
      nlohmann::ordered_json j;
      j["source"] = s.name;
      j["list"] = s.list;
      if (!s.type.empty()) j["source_type"] = s.type;
      if (!s.language.empty()) j["language"] = s.language;
      if (!s.date.empty()) j["source_date"] = s.date;
      if (s.reliability != 0) j["reliability"] = s.reliability;
      out_ << (first ? "\n  " : ",\n  ") << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
      first = false;
    }
    out_ << "\n],\n\"records\": [";
    opened_ = true;
  }
  void write(const CaseRecord& r) override {
    open();
    nlohmann::ordered_json j;
    for (auto f : fields_) {
      if (is_event_field(f)) continue;
      std::string v = exported_value(f, r, nullptr);
      if (v.empty()) continue;
      bool number = f == RecordField::birth_year || f == RecordField::age;
      if (number) j[std::string(field_name(f))] = std::stol(v);
      else j[std::string(field_name(f))] = v;
    }
    if (!r.events.empty()) {
      auto events = nlohmann::ordered_json::array();
      for (const auto& e : r.events) {
        nlohmann::ordered_json je;
        for (auto f : fields_) {
          if (!is_event_field(f)) continue;
          if (f == RecordField::legal_tags) {
            if (!e.legal_tags.empty()) je["legal_tags"] = e.legal_tags;
            continue;
          }
          std::string v = exported_value(f, r, &e);
          if (v.empty()) continue;
          if (f == RecordField::sentence_months) je[std::string(field_name(f))] = std::stol(v);
          else je[std::string(field_name(f))] = v;
        }
        events.push_back(std::move(je));
      }
      j["events"] = std::move(events);
    }
    out_ << (first_ ? "\n  " : ",\n  ") << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
    first_ = false;
  }
  void finish() override {
    open();
    out_ << "\n]}\n";
    out_.flush();
  }

 private:
  void open() {
    if (!opened_) out_ << "{\"records\": [";
    opened_ = true;
  }

  std::ostream& out_;
  std::vector<RecordField> fields_;
  bool first_ = true;
  bool opened_ = false;
};

}  // namespace

std::string exported_value(RecordField f, const CaseRecord& r, const CaseEvent* e) {
  switch (f) {
    case RecordField::record_id: return r.record_id;
    case RecordField::source: return r.source;
    case RecordField::list: return r.list;
    case RecordField::full_name: return r.full_name;
    case RecordField::family_name: return r.family_name;
    case RecordField::given_name: return r.given_name;
    case RecordField::name_hangul: return r.name_hangul;
    case RecordField::name_hanzi: return r.name_hanzi;
    case RecordField::sex: return r.sex;
    case RecordField::birth_year: return opt_text(r.birth_year);
    case RecordField::birth_date: return date_text(r.birth_date);
    case RecordField::age: return opt_text(r.age);
    case RecordField::origin_place: return r.origin_place;
    case RecordField::notes: return r.notes;
    case RecordField::head_count: return count_text(r.head_count);
    default: break;
  }
  if (!e) return "";
  switch (f) {
    case RecordField::event_type: return e->type;
    case RecordField::event_date: return date_text(e->date);
    case RecordField::event_place: return e->place;
    case RecordField::facility_type: return e->facility_type;
    case RecordField::perpetrator: return e->perpetrator;
    case RecordField::sentence_months: return opt_text(e->sentence_months);
    case RecordField::legal_tags: return tags_text(e->legal_tags);
    default: return "";
  }
}

Result<ExportFormat> export_format_for(const std::string& path) {
  auto ends = [&](std::string_view s) { return path.size() >= s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0; };
  if (ends(".csv") || ends(".CSV")) return ExportFormat::csv;
  if (ends(".json") || ends(".JSON")) return ExportFormat::json;
  return fail(path + ": the output file must end in .csv or .json");
}

std::unique_ptr<RecordWriter> RecordWriter::make(ExportFormat format, std::ostream& out, RedactionProfile profile) {
  if (format == ExportFormat::csv) return std::make_unique<CsvWriter>(out, profile);
  return std::make_unique<JsonWriter>(out, profile);
}

}  // namespace uncounted
