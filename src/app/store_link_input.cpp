#include "app/store_link_input.h"

#include "store/link_repository.h"
#include "store/record_repository.h"

namespace uncounted {
namespace {

std::string number_or_empty(const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); }
std::string date_or_empty(const std::optional<PartialDate>& d) { return d ? d->verbatim : std::string(); }

}  // namespace

const std::vector<std::string>& store_link_columns() {
  static const std::vector<std::string> columns = {
      "full_name", "family_name", "given_name", "name_hangul", "name_hanzi",  "sex",
      "birth_year", "birth_date", "age",       "origin_place", "event_type", "event_date", "event_place"};
  return columns;
}

std::string record_key(const std::string& source, const std::string& record_id) {
  return source + '\x1f' + record_id;
}

Result<StoreLinkInput> read_store_link_input(store::Database& db, std::vector<CaseRecord>* records) {
  auto refs = store::current_record_refs(db);
  if (!refs) return tl::unexpected(refs.error());
  if (refs->empty()) return fail("the store holds no records: import some first (uncounted import)");
  std::map<std::string, std::int64_t> row_of;
  for (const auto& r : *refs) row_of.emplace(record_key(r.source, r.record_key), r.row);

  StoreLinkInput in;
  auto& t = in.table;
  t.column_names = store_link_columns();
  t.columns.assign(t.column_names.size(), {});
  std::map<std::string, std::uint32_t> source_index, list_index;
  auto intern = [](std::map<std::string, std::uint32_t>& index, std::vector<std::string>& names,
                   const std::string& name) {
    auto [it, added] = index.emplace(name, static_cast<std::uint32_t>(names.size()));
    if (added) names.push_back(name);
    return it->second;
  };
  auto visit = [&](const store::StoredRecord& stored) -> Status {
    const CaseRecord& r = stored.record;
    const std::string key = record_key(r.source, r.record_id);
    auto row = row_of.find(key);
    if (row == row_of.end()) return fail("the store changed while it was read");
    const auto at = static_cast<std::uint32_t>(t.record_ids.size());
    in.index.emplace(key, at);
    in.rows.push_back(row->second);
    t.record_ids.push_back(r.record_id);
    t.source_of.push_back(intern(source_index, t.sources, r.source));
    t.list_of.push_back(intern(list_index, t.lists, r.list));
    const CaseEvent* first = r.events.empty() ? nullptr : &r.events.front();
    // The first dated event's date (a record file with one row per event
    // gives the same: link fills a first row's empty cells from the next).
    const CaseEvent* dated = nullptr;
    for (const auto& e : r.events)
      if (e.date && !dated) dated = &e;
    in.first_event_date.push_back(dated ? dated->date : std::nullopt);
    const std::string values[] = {r.full_name,
                                  r.family_name,
                                  r.given_name,
                                  r.name_hangul,
                                  r.name_hanzi,
                                  r.sex,
                                  number_or_empty(r.birth_year),
                                  date_or_empty(r.birth_date),
                                  number_or_empty(r.age),
                                  r.origin_place,
                                  first ? first->type : std::string(),
                                  dated ? date_or_empty(dated->date) : std::string(),
                                  first ? first->place : std::string()};
    for (std::size_t c = 0; c < t.columns.size(); ++c) t.columns[c].push_back(values[c]);
    if (records) records->push_back(r);
    return {};
  };
  if (auto ok = store::for_each_record(db, store::RecordFilter{}, visit); !ok) return tl::unexpected(ok.error());
  if (t.size() != refs->size()) return fail("the store changed while it was read");
  return in;
}

}  // namespace uncounted
