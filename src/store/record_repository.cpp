#include "store/record_repository.h"

#include <unordered_map>

#include "crypto/keyed_hash.h"
#include "store/audit_log.h"

namespace uncounted::store {
namespace {

constexpr std::string_view kNameFields[] = {"full_name", "family_name", "given_name", "name_hangul", "name_hanzi"};

const std::string* name_field(const CaseRecord& r, std::size_t i) {
  const std::string* fields[] = {&r.full_name, &r.family_name, &r.given_name, &r.name_hangul, &r.name_hanzi};
  return fields[i];
}
std::string* name_field(CaseRecord& r, std::string_view field) {
  std::string* fields[] = {&r.full_name, &r.family_name, &r.given_name, &r.name_hangul, &r.name_hanzi};
  for (std::size_t i = 0; i < 5; ++i)
    if (kNameFields[i] == field) return fields[i];
  return nullptr;
}

std::optional<std::int64_t> opt(const std::optional<int>& v) {
  return v ? std::optional<std::int64_t>(*v) : std::nullopt;
}

struct SourceRow {
  std::int64_t id = 0;
  bool exists = false;
  SourceMetadata metadata;
};

std::optional<std::string> opt_text(Statement& s, int column) {
  return s.is_null(column) ? std::nullopt : std::optional<std::string>(s.column_text(column));
}

// Columns type, language, date_text, reliability at `first`.. of `s`.
SourceMetadata read_metadata(Statement& s, int first) {
  SourceMetadata m;
  m.type = opt_text(s, first);
  m.language = opt_text(s, first + 1);
  if (auto text = opt_text(s, first + 2)) {
    if (auto d = parse_partial_date(*text)) m.date = *d;  // validated when stored
  }
  if (!s.is_null(first + 3)) m.reliability = static_cast<int>(s.column_int(first + 3));
  return m;
}

Result<SourceRow> find_source(Database& db, const ImportBatch& batch) {
  auto get = db.prepare("SELECT id, list, type, language, date_text, reliability FROM sources WHERE name = ?");
  if (!get) return tl::unexpected(get.error());
  get->bind(1, std::string_view(batch.source));
  auto row = get->step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return SourceRow{};
  if (get->column_text(1) != batch.list)
    return fail("source '" + batch.source + "' belongs to list '" + get->column_text(1) + "', not '" + batch.list +
                "' (a source belongs to one list)");
  return SourceRow{get->column_int(0), true, read_metadata(*get, 2)};
}

std::string shown(const std::optional<std::string>& v) { return v ? *v : "(none)"; }
std::string shown(const std::optional<int>& v) { return v ? std::to_string(*v) : "(none)"; }
std::string shown(const std::optional<PartialDate>& v) { return v ? "\"" + v->verbatim + "\"" : "(none)"; }

// The changes `wanted` makes to `stored`: only fields `wanted` sets count.
std::vector<std::string> metadata_changes(const SourceMetadata& stored, const SourceMetadata& wanted) {
  std::vector<std::string> out;
  if (wanted.type && wanted.type != stored.type) out.push_back("type " + shown(stored.type) + " -> " + *wanted.type);
  if (wanted.language && wanted.language != stored.language)
    out.push_back("language " + shown(stored.language) + " -> " + *wanted.language);
  if (wanted.date && (!stored.date || stored.date->verbatim != wanted.date->verbatim))
    out.push_back("date " + shown(stored.date) + " -> " + shown(wanted.date));
  if (wanted.reliability && wanted.reliability != stored.reliability)
    out.push_back("reliability " + shown(stored.reliability) + " -> " + std::to_string(*wanted.reliability));
  return out;
}

// Binds type, language, date_text, date_earliest, date_latest, reliability
// at `first`..; a field `m` leaves out keeps `keep`'s value.
void bind_metadata(Statement& s, int first, const SourceMetadata& m, const SourceMetadata& keep) {
  const auto& type = m.type ? m.type : keep.type;
  const auto& language = m.language ? m.language : keep.language;
  const auto& date = m.date ? m.date : keep.date;
  const auto& reliability = m.reliability ? m.reliability : keep.reliability;
  s.bind_text_or_null(first, type ? *type : std::string());
  s.bind_text_or_null(first + 1, language ? *language : std::string());
  if (date) {
    s.bind(first + 2, std::string_view(date->verbatim));
    s.bind(first + 3, std::string_view(iso_date(date->earliest)));
    s.bind(first + 4, std::string_view(iso_date(date->latest)));
  }
  s.bind(first + 5, reliability ? std::optional<std::int64_t>(*reliability) : std::nullopt);
}

struct Current {
  std::int64_t id = 0;
  std::int64_t version = 0;
  std::string hash;
};

class CurrentLookup {
 public:
  static Result<CurrentLookup> make(Database& db) {
    auto stmt = db.prepare(
        "SELECT id, version, content_hash FROM records r WHERE source_id = ? AND record_key = ? "
        "AND NOT EXISTS (SELECT 1 FROM records n WHERE n.supersedes = r.id)");
    if (!stmt) return tl::unexpected(stmt.error());
    return CurrentLookup(std::move(*stmt));
  }
  Result<std::optional<Current>> find(std::int64_t source_id, const std::string& key) {
    stmt_.reset();
    stmt_.bind(1, source_id).bind(2, std::string_view(key));
    auto row = stmt_.step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) return std::optional<Current>();
    Current c{stmt_.column_int(0), stmt_.column_int(1), stmt_.column_text(2)};
    stmt_.reset();
    return std::optional<Current>(c);
  }

 private:
  explicit CurrentLookup(Statement stmt) : stmt_(std::move(stmt)) {}
  Statement stmt_;
};

std::string date_text(const std::optional<PartialDate>& d) { return d ? d->verbatim : std::string(); }

// Inserts records; keeps its prepared statements and a cache of place ids.
class RecordWriter {
 public:
  static Result<RecordWriter> make(Database& db) {
    RecordWriter w;
    const char* sql[] = {
        ("INSERT INTO records(source_id, record_key, version, supersedes, content_hash, import_id, sex, birth_year, "
         "birth_date, birth_earliest, birth_latest, age, origin_place_id, count_low, count_high, notes) "
         "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        "INSERT INTO record_names(record_id, field, value) VALUES (?,?,?)",
        ("INSERT INTO events(record_id, seq, event_type, date_text, date_earliest, date_latest, date_precision, "
         "date_qualifier, place_id, facility_type, perpetrator, sentence_months) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"),
        "INSERT INTO event_legal_tags(event_id, tag) VALUES (?,?) ON CONFLICT DO NOTHING",
        "SELECT id FROM places WHERE name = ?",
        "INSERT INTO places(name) VALUES (?)"};
    Statement* targets[] = {&w.record_, &w.name_, &w.event_, &w.tag_, &w.find_place_, &w.add_place_};
    for (std::size_t i = 0; i < 6; ++i) {
      auto s = db.prepare(sql[i]);
      if (!s) return tl::unexpected(s.error());
      *targets[i] = std::move(*s);
    }
    w.db_ = &db;
    return w;
  }

  Status insert(const CaseRecord& r, std::int64_t source_id, std::int64_t import_id, std::int64_t version,
                std::optional<std::int64_t> supersedes, const std::string& hash) {
    auto origin = place_id(r.origin_place);
    if (!origin) return tl::unexpected(origin.error());
    record_.bind(1, source_id).bind(2, std::string_view(r.record_id)).bind(3, version).bind(4, supersedes);
    record_.bind(5, std::string_view(hash)).bind(6, import_id).bind_text_or_null(7, r.sex);
    record_.bind(8, opt(r.birth_year)).bind_text_or_null(9, date_text(r.birth_date));
    if (r.birth_date) {
      record_.bind(10, std::string_view(iso_date(r.birth_date->earliest)));
      record_.bind(11, std::string_view(iso_date(r.birth_date->latest)));
    }
    record_.bind(12, opt(r.age)).bind(13, *origin);
    if (r.head_count) record_.bind(14, std::int64_t{r.head_count->low}).bind(15, std::int64_t{r.head_count->high});
    record_.bind_text_or_null(16, r.notes);
    if (auto ok = record_.run(); !ok) return ok;
    std::int64_t id = db_->last_insert_rowid();
    for (std::size_t i = 0; i < 5; ++i) {
      const std::string& value = *name_field(r, i);
      if (value.empty()) continue;
      if (auto ok = name_.bind(1, id).bind(2, kNameFields[i]).bind(3, std::string_view(value)).run(); !ok) return ok;
    }
    std::int64_t seq = 0;
    for (const auto& e : r.events) {
      auto place = place_id(e.place);
      if (!place) return tl::unexpected(place.error());
      event_.bind(1, id).bind(2, ++seq).bind(3, std::string_view(e.type)).bind_text_or_null(4, date_text(e.date));
      if (e.date) {
        event_.bind(5, std::string_view(iso_date(e.date->earliest)))
            .bind(6, std::string_view(iso_date(e.date->latest)))
            .bind(7, std::string_view(to_string(e.date->precision)))
            .bind(8, std::string_view(to_string(e.date->qualifier)));
      }
      event_.bind(9, *place).bind_text_or_null(10, e.facility_type).bind_text_or_null(11, e.perpetrator);
      event_.bind(12, opt(e.sentence_months));
      if (auto ok = event_.run(); !ok) return ok;
      std::int64_t event_id = db_->last_insert_rowid();
      for (const auto& tag : e.legal_tags)
        if (auto ok = tag_.bind(1, event_id).bind(2, std::string_view(tag)).run(); !ok) return ok;
    }
    return {};
  }

 private:
  RecordWriter() = default;
  Result<std::optional<std::int64_t>> place_id(const std::string& name) {
    if (name.empty()) return std::optional<std::int64_t>();
    if (auto it = places_.find(name); it != places_.end()) return std::optional<std::int64_t>(it->second);
    find_place_.bind(1, std::string_view(name));
    auto row = find_place_.step();
    if (!row) return tl::unexpected(row.error());
    std::int64_t id = 0;
    if (*row) {
      id = find_place_.column_int(0);
      find_place_.reset();
    } else {
      find_place_.reset();
      if (auto ok = add_place_.bind(1, std::string_view(name)).run(); !ok) return tl::unexpected(ok.error());
      id = db_->last_insert_rowid();
    }
    places_.emplace(name, id);
    return std::optional<std::int64_t>(id);
  }

  Database* db_ = nullptr;
  Statement record_, name_, event_, tag_, find_place_, add_place_;
  std::unordered_map<std::string, std::int64_t> places_;
};

// Every this many records, a progress report.
constexpr std::size_t kProgressEvery = 2048;

Result<ImportCounts> classify(Database& db, const ImportBatch& batch, const std::vector<CaseRecord>& records,
                              std::vector<std::optional<Current>>* currents, std::vector<std::string>* hashes,
                              const Progress& progress) {
  if (auto ok = validate_source_metadata(batch.metadata); !ok) return tl::unexpected(ok.error());
  auto source = find_source(db, batch);
  if (!source) return tl::unexpected(source.error());
  auto lookup = CurrentLookup::make(db);
  if (!lookup) return tl::unexpected(lookup.error());
  ImportCounts counts;
  counts.records = records.size();
  if (source->exists) counts.source_changes = metadata_changes(source->metadata, batch.metadata);
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    if (progress && i % kProgressEvery == 0) progress("checking", static_cast<double>(i) / static_cast<double>(records.size()));
    std::string hash = content_hash(r);
    std::optional<Current> current;
    if (source->exists) {
      auto found = lookup->find(source->id, r.record_id);
      if (!found) return tl::unexpected(found.error());
      current = *found;
    }
    if (!current) ++counts.added;
    else if (current->hash == hash) ++counts.unchanged;
    else ++counts.superseded;
    if (currents) currents->push_back(current);
    if (hashes) hashes->push_back(std::move(hash));
  }
  return counts;
}

}  // namespace

std::string content_hash(const CaseRecord& r) {
  std::string m;
  auto field = [&](std::string_view v) {
    m += std::to_string(v.size());
    m += ':';
    m += v;
  };
  auto number = [&](const std::optional<int>& v) { field(v ? std::to_string(*v) : std::string()); };
  field(r.record_id);
  for (std::size_t i = 0; i < 5; ++i) field(*name_field(r, i));
  field(r.sex);
  number(r.birth_year);
  field(date_text(r.birth_date));
  number(r.age);
  field(r.origin_place);
  field(r.head_count ? std::to_string(r.head_count->low) + "-" + std::to_string(r.head_count->high) : "");
  field(r.notes);
  field(std::to_string(r.events.size()));
  for (const auto& e : r.events) {
    field(e.type);
    field(date_text(e.date));
    field(e.place);
    field(e.facility_type);
    field(e.perpetrator);
    number(e.sentence_months);
    field(std::to_string(e.legal_tags.size()));
    for (const auto& t : e.legal_tags) field(t);
  }
  return crypto::blake2b_hex(m);
}

bool is_language_tag(std::string_view tag) {
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (tag.empty() || tag.size() > 35) return false;
  std::size_t start = 0;
  for (bool first = true;; first = false) {
    std::size_t end = tag.find('-', start);
    std::string_view sub = tag.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (first) {
      if (sub.size() < 2 || sub.size() > 3) return false;
      for (char c : sub)
        if (!alpha(c)) return false;
    } else {
      if (sub.size() < 2 || sub.size() > 8) return false;
      for (char c : sub)
        if (!alpha(c) && !digit(c)) return false;
    }
    if (end == std::string_view::npos) return true;
    start = end + 1;
  }
}

Status validate_source_metadata(const SourceMetadata& m) {
  if (m.type) {
    bool known = false;
    for (auto t : kSourceTypes) known = known || t == *m.type;
    if (!known)
      return fail("source type '" + *m.type + "' is not one of interview, news, ngo_list, official_document, other");
  }
  if (m.language && !is_language_tag(*m.language))
    return fail("source language '" + *m.language + "' is not a BCP 47 language tag (e.g. ko, en, zh-Hant)");
  if (m.date && iso_date(m.date->earliest) > utc_now().substr(0, 10))
    return fail("source date '" + m.date->verbatim + "' is in the future");
  if (m.reliability && (*m.reliability < 1 || *m.reliability > 5))
    return fail("source reliability " + std::to_string(*m.reliability) + " is not between 1 and 5");
  return {};
}

Result<ImportCounts> preview_records(Database& db, const ImportBatch& batch, const std::vector<CaseRecord>& records,
                                     const Progress& progress) {
  return classify(db, batch, records, nullptr, nullptr, progress);
}

Result<ImportCounts> put_records(Database& db, const ImportBatch& batch, const std::vector<CaseRecord>& records,
                                 const Progress& progress) {
  std::vector<std::optional<Current>> currents;
  std::vector<std::string> hashes;
  auto counts = classify(db, batch, records, &currents, &hashes, progress);
  if (!counts) return counts;
  const bool records_change = counts->added != 0 || counts->superseded != 0;
  if (!records_change && counts->source_changes.empty()) return counts;  // nothing to change

  auto source = find_source(db, batch);
  if (!source) return tl::unexpected(source.error());
  std::int64_t source_id = source->id;
  std::string now = utc_now();
  if (!source->exists) {
    auto add = db.prepare(
        "INSERT INTO sources(name, list, created_at, type, language, date_text, date_earliest, date_latest, "
        "reliability) VALUES (?,?,?,?,?,?,?,?,?)");
    if (!add) return tl::unexpected(add.error());
    add->bind(1, std::string_view(batch.source)).bind(2, std::string_view(batch.list)).bind(3, std::string_view(now));
    bind_metadata(*add, 4, batch.metadata, {});
    if (auto ok = add->run(); !ok) return tl::unexpected(ok.error());
    source_id = db.last_insert_rowid();
  } else if (!counts->source_changes.empty()) {
    auto update = db.prepare(
        "UPDATE sources SET type = ?, language = ?, date_text = ?, date_earliest = ?, date_latest = ?, "
        "reliability = ? WHERE id = ?");
    if (!update) return tl::unexpected(update.error());
    bind_metadata(*update, 1, batch.metadata, source->metadata);
    update->bind(7, source_id);
    if (auto ok = update->run(); !ok) return tl::unexpected(ok.error());
    std::string detail = "source " + batch.source + " file=" + batch.file_name;
    for (const auto& c : counts->source_changes) detail += "; " + c;
    if (auto ok = append_audit(db, batch.actor, "source", detail, batch.file_sha256); !ok)
      return tl::unexpected(ok.error());
  }
  if (!records_change) return counts;
  auto add_import = db.prepare(
      "INSERT INTO imports(source_id, file_name, file_sha256, format, imported_at, actor, rows, added, superseded, "
      "unchanged) VALUES (?,?,?,?,?,?,?,?,?,?)");
  if (!add_import) return tl::unexpected(add_import.error());
  add_import->bind(1, source_id).bind(2, std::string_view(batch.file_name)).bind(3, std::string_view(batch.file_sha256));
  add_import->bind(4, std::string_view(batch.format)).bind(5, std::string_view(now)).bind(6, std::string_view(batch.actor));
  add_import->bind(7, static_cast<std::int64_t>(batch.rows)).bind(8, static_cast<std::int64_t>(counts->added));
  add_import->bind(9, static_cast<std::int64_t>(counts->superseded)).bind(10, static_cast<std::int64_t>(counts->unchanged));
  if (auto ok = add_import->run(); !ok) return tl::unexpected(ok.error());
  std::int64_t import_id = db.last_insert_rowid();

  auto writer = RecordWriter::make(db);
  if (!writer) return tl::unexpected(writer.error());
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (progress && i % kProgressEvery == 0) progress("writing", static_cast<double>(i) / static_cast<double>(records.size()));
    const auto& current = currents[i];
    if (current && current->hash == hashes[i]) continue;
    std::int64_t version = current ? current->version + 1 : 1;
    std::optional<std::int64_t> supersedes = current ? std::optional<std::int64_t>(current->id) : std::nullopt;
    if (auto ok = writer->insert(records[i], source_id, import_id, version, supersedes, hashes[i]); !ok)
      return tl::unexpected(ok.error());
  }
  std::string detail = "import file=" + batch.file_name + " format=" + batch.format + " source=" + batch.source +
                       " list=" + batch.list + " rows=" + std::to_string(batch.rows) +
                       " added=" + std::to_string(counts->added) + " superseded=" + std::to_string(counts->superseded) +
                       " unchanged=" + std::to_string(counts->unchanged);
  if (!source->exists) {
    const auto& m = batch.metadata;
    if (m.type) detail += " type=" + *m.type;
    if (m.language) detail += " language=" + *m.language;
    if (m.date) detail += " date=" + shown(m.date);
    if (m.reliability) detail += " reliability=" + std::to_string(*m.reliability);
  }
  if (progress) progress("writing", 1.0);
  if (auto ok = append_audit(db, batch.actor, "import", detail, batch.file_sha256); !ok)
    return tl::unexpected(ok.error());
  return counts;
}

Result<std::vector<SourceCount>> count_records(Database& db) {
  auto q = db.prepare(
      "SELECT s.name, s.list, count(r.id), s.type, s.language, s.date_text, s.reliability, s.created_at "
      "FROM sources s LEFT JOIN records r ON r.source_id = s.id "
      "AND NOT EXISTS (SELECT 1 FROM records n WHERE n.supersedes = r.id) GROUP BY s.id ORDER BY s.name");
  if (!q) return tl::unexpected(q.error());
  std::vector<SourceCount> out;
  while (true) {
    auto row = q->step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    out.push_back({q->column_text(0), q->column_text(1), static_cast<std::size_t>(q->column_int(2)),
                   read_metadata(*q, 3), q->column_text(7)});
  }
  return out;
}

Status for_each_record(Database& db, const RecordFilter& f, const std::function<Status(const StoredRecord&)>& visit) {
  std::string sql =
      "SELECT r.id, s.name, s.list, r.record_key, r.version, r.sex, r.birth_year, r.birth_date, r.age, "
      "op.name, r.count_low, r.count_high, r.notes, i.imported_at, "
      "NOT EXISTS (SELECT 1 FROM records n WHERE n.supersedes = r.id) "
      "FROM records r JOIN sources s ON s.id = r.source_id JOIN imports i ON i.id = r.import_id "
      "LEFT JOIN places op ON op.id = r.origin_place_id WHERE 1";
  std::vector<std::string> params;
  if (!f.all_versions) sql += " AND NOT EXISTS (SELECT 1 FROM records n WHERE n.supersedes = r.id)";
  if (!f.source.empty()) sql += " AND s.name = ?", params.push_back(f.source);
  if (!f.list.empty()) sql += " AND s.list = ?", params.push_back(f.list);
  if (!f.name.empty())
    sql += " AND EXISTS (SELECT 1 FROM record_names nm WHERE nm.record_id = r.id AND instr(lower(nm.value), lower(?)) > 0)",
        params.push_back(f.name);
  if (!f.place.empty()) {
    sql += " AND (instr(lower(op.name), lower(?)) > 0 OR EXISTS (SELECT 1 FROM events e JOIN places p ON p.id = e.place_id "
           "WHERE e.record_id = r.id AND instr(lower(p.name), lower(?)) > 0))";
    params.push_back(f.place);
    params.push_back(f.place);
  }
  if (!f.event_type.empty() || f.from || f.to) {
    sql += " AND EXISTS (SELECT 1 FROM events e WHERE e.record_id = r.id";
    if (!f.event_type.empty()) sql += " AND e.event_type = ?", params.push_back(f.event_type);
    if (f.from) sql += " AND e.date_latest >= ?", params.push_back(iso_date(f.from->earliest));
    if (f.to) sql += " AND e.date_earliest <= ?", params.push_back(iso_date(f.to->latest));
    sql += ")";
  }
  sql += " ORDER BY s.name, r.record_key, r.version";
  auto query = db.prepare(sql);
  if (!query) return tl::unexpected(query.error());
  for (std::size_t i = 0; i < params.size(); ++i) query->bind(static_cast<int>(i + 1), std::string_view(params[i]));

  auto names = db.prepare("SELECT field, value FROM record_names WHERE record_id = ?");
  auto events = db.prepare(
      "SELECT e.id, e.event_type, e.date_text, p.name, e.facility_type, e.perpetrator, e.sentence_months "
      "FROM events e LEFT JOIN places p ON p.id = e.place_id WHERE e.record_id = ? ORDER BY e.seq");
  auto tags = db.prepare("SELECT tag FROM event_legal_tags WHERE event_id = ? ORDER BY tag");
  if (!names || !events || !tags) return fail("database error: cannot prepare the record queries");
  auto parse_stored_date = [](const std::string& text) -> std::optional<PartialDate> {
    if (text.empty()) return std::nullopt;
    auto d = parse_partial_date(text);
    if (!d) return std::nullopt;  // stored dates were validated on import
    return *d;
  };
  auto opt_int = [](Statement& s, int c) { return s.is_null(c) ? std::optional<int>() : std::optional<int>(static_cast<int>(s.column_int(c))); };
  while (true) {
    auto row = query->step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    StoredRecord out;
    CaseRecord& r = out.record;
    std::int64_t id = query->column_int(0);
    r.source = query->column_text(1);
    r.list = query->column_text(2);
    r.record_id = query->column_text(3);
    out.version = query->column_int(4);
    r.sex = query->column_text(5);
    r.birth_year = opt_int(*query, 6);
    r.birth_date = parse_stored_date(query->column_text(7));
    r.age = opt_int(*query, 8);
    r.origin_place = query->column_text(9);
    if (!query->is_null(10)) r.head_count = HeadCount{static_cast<long>(query->column_int(10)), static_cast<long>(query->column_int(11))};
    r.notes = query->column_text(12);
    out.imported_at = query->column_text(13);
    out.current = query->column_int(14) != 0;
    names->bind(1, id);
    while (true) {
      auto n = names->step();
      if (!n) return tl::unexpected(n.error());
      if (!*n) break;
      if (std::string* field = name_field(r, names->column_text(0))) *field = names->column_text(1);
    }
    names->reset();
    events->bind(1, id);
    while (true) {
      auto e = events->step();
      if (!e) return tl::unexpected(e.error());
      if (!*e) break;
      CaseEvent ev;
      ev.type = events->column_text(1);
      ev.date = parse_stored_date(events->column_text(2));
      ev.place = events->column_text(3);
      ev.facility_type = events->column_text(4);
      ev.perpetrator = events->column_text(5);
      ev.sentence_months = opt_int(*events, 6);
      tags->bind(1, events->column_int(0));
      while (true) {
        auto t = tags->step();
        if (!t) return tl::unexpected(t.error());
        if (!*t) break;
        ev.legal_tags.push_back(tags->column_text(0));
      }
      tags->reset();
      r.events.push_back(std::move(ev));
    }
    events->reset();
    if (auto ok = visit(out); !ok) return ok;
  }
  return {};
}

}  // namespace uncounted::store
