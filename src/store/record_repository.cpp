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
};

Result<SourceRow> find_source(Database& db, const ImportBatch& batch) {
  auto get = db.prepare("SELECT id, list FROM sources WHERE name = ?");
  if (!get) return tl::unexpected(get.error());
  get->bind(1, std::string_view(batch.source));
  auto row = get->step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return SourceRow{};
  if (get->column_text(1) != batch.list)
    return fail("source '" + batch.source + "' belongs to list '" + get->column_text(1) + "', not '" + batch.list +
                "' (a source belongs to one list)");
  return SourceRow{get->column_int(0), true};
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

Result<ImportCounts> classify(Database& db, const ImportBatch& batch, const std::vector<CaseRecord>& records,
                              std::vector<std::optional<Current>>* currents, std::vector<std::string>* hashes) {
  auto source = find_source(db, batch);
  if (!source) return tl::unexpected(source.error());
  auto lookup = CurrentLookup::make(db);
  if (!lookup) return tl::unexpected(lookup.error());
  ImportCounts counts;
  counts.records = records.size();
  for (const auto& r : records) {
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

Result<ImportCounts> preview_records(Database& db, const ImportBatch& batch, const std::vector<CaseRecord>& records) {
  return classify(db, batch, records, nullptr, nullptr);
}

Result<ImportCounts> put_records(Database& db, const ImportBatch& batch, const std::vector<CaseRecord>& records) {
  std::vector<std::optional<Current>> currents;
  std::vector<std::string> hashes;
  auto counts = classify(db, batch, records, &currents, &hashes);
  if (!counts) return counts;
  if (counts->added == 0 && counts->superseded == 0) return counts;  // nothing to change

  auto source = find_source(db, batch);
  if (!source) return tl::unexpected(source.error());
  std::int64_t source_id = source->id;
  std::string now = utc_now();
  if (!source->exists) {
    auto add = db.prepare("INSERT INTO sources(name, list, created_at) VALUES (?,?,?)");
    if (!add) return tl::unexpected(add.error());
    if (auto ok = add->bind(1, std::string_view(batch.source)).bind(2, std::string_view(batch.list)).bind(3, std::string_view(now)).run(); !ok)
      return tl::unexpected(ok.error());
    source_id = db.last_insert_rowid();
  }
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
  if (auto ok = append_audit(db, batch.actor, "import", detail, batch.file_sha256); !ok)
    return tl::unexpected(ok.error());
  return counts;
}

Result<std::vector<SourceCount>> count_records(Database& db) {
  auto q = db.prepare(
      "SELECT s.name, s.list, count(r.id) FROM sources s LEFT JOIN records r ON r.source_id = s.id "
      "AND NOT EXISTS (SELECT 1 FROM records n WHERE n.supersedes = r.id) GROUP BY s.id ORDER BY s.name");
  if (!q) return tl::unexpected(q.error());
  std::vector<SourceCount> out;
  while (true) {
    auto row = q->step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    out.push_back({q->column_text(0), q->column_text(1), static_cast<std::size_t>(q->column_int(2))});
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
