#include "io/k_anonymity.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "io/record_export.h"

namespace uncounted {
namespace {

// Every exported value but the record_id, as one string: the person's
// fields, then each event's values in the order the file lists them (two
// records with the same events in another order can be told apart there).
// Each value is written with its length before it, so that no value can
// pass for two (a key that two different records shared would hide a
// unique one in a false group).
void append_value(std::string& key, const std::string& value) {
  key += std::to_string(value.size());
  key += ':';
  key += value;
}

std::string group_key(const CaseRecord& r) {
  std::string key;
  for (std::size_t i = 0; i < kRecordFieldCount; ++i) {
    const auto f = static_cast<RecordField>(i);
    if (f == RecordField::record_id || is_event_field(f)) continue;
    append_value(key, exported_value(f, r, nullptr));
  }
  append_value(key, std::to_string(r.events.size()));
  for (const auto& e : r.events)
    for (std::size_t i = 0; i < kRecordFieldCount; ++i) {
      const auto f = static_cast<RecordField>(i);
      if (is_event_field(f)) append_value(key, exported_value(f, r, &e));
    }
  return key;
}

// Empties a text, an optional or a list; returns whether it held something.
template <typename T>
bool clear_value(T& v) {
  bool had = false;
  if constexpr (requires { v.has_value(); })
    had = v.has_value();
  else
    had = !v.empty();
  v = T{};
  return had;
}

template <typename M>
bool clear_in_events(CaseRecord& r, M CaseEvent::*member) {
  bool had = false;
  for (auto& e : r.events) had = clear_value(e.*member) || had;
  return had;
}

// Blanks `field` in the record (in every event, for an event field).
// Returns whether anything was there to blank.
bool blank(RecordField field, CaseRecord& r) {
  switch (field) {
    case RecordField::full_name: return clear_value(r.full_name);
    case RecordField::family_name: return clear_value(r.family_name);
    case RecordField::given_name: return clear_value(r.given_name);
    case RecordField::name_hangul: return clear_value(r.name_hangul);
    case RecordField::name_hanzi: return clear_value(r.name_hanzi);
    case RecordField::notes: return clear_value(r.notes);
    case RecordField::birth_date: return clear_value(r.birth_date);
    case RecordField::birth_year: return clear_value(r.birth_year);
    case RecordField::age: return clear_value(r.age);
    case RecordField::origin_place: return clear_value(r.origin_place);
    case RecordField::sex: return clear_value(r.sex);
    case RecordField::event_place: return clear_in_events(r, &CaseEvent::place);
    case RecordField::sentence_months: return clear_in_events(r, &CaseEvent::sentence_months);
    case RecordField::legal_tags: return clear_in_events(r, &CaseEvent::legal_tags);
    case RecordField::facility_type: return clear_in_events(r, &CaseEvent::facility_type);
    case RecordField::perpetrator: return clear_in_events(r, &CaseEvent::perpetrator);
    case RecordField::event_date: return clear_in_events(r, &CaseEvent::date);
    default: return false;  // never blanked: record_id, source, list, event_type, head_count
  }
}

// A record of kCrowdSize or more people is about a crowd, not a person.
bool about_a_crowd(const CaseRecord& r) { return r.head_count && r.head_count->low >= kCrowdSize; }

// The groups of the records about persons: each distinct key once, with
// its number of records and of distinct people (records of one person count
// once); each record points at its group (references to the elements of an
// unordered_map survive rehashing, and a group is erased only once no
// record is in it).
class Groups {
 public:
  struct Group {
    std::size_t records = 0;
    std::size_t people = 0;
  };
  Groups(const std::vector<CaseRecord>& records, const std::vector<std::int64_t>& person)
      : person_(person), of_(records.size(), nullptr) {
    for (std::size_t i = 0; i < records.size(); ++i)
      if (!about_a_crowd(records[i])) join(i, group_key(records[i]));
  }
  bool in_group(std::size_t i) const { return of_[i] != nullptr; }
  std::size_t people_in(std::size_t i) const { return of_[i]->second.people; }
  // Record i's values changed: it leaves its group for the one of `key`.
  void move(std::size_t i, std::string key) {
    Entry* g = of_[i];
    auto member = members_.find({&g->second, person_[i]});
    if (--member->second == 0) {
      members_.erase(member);
      --g->second.people;
    }
    // Erased through an iterator, not by a reference to its own key (which
    // erase(key) would be handed while freeing it).
    if (--g->second.records == 0) groups_.erase(groups_.find(g->first));
    join(i, std::move(key));
  }

 private:
  using Entry = std::pair<const std::string, Group>;
  struct MemberHash {
    std::size_t operator()(const std::pair<const Group*, std::int64_t>& m) const {
      return std::hash<const void*>()(m.first) ^ (std::hash<std::int64_t>()(m.second) * 0x9E3779B97F4A7C15ULL);
    }
  };
  void join(std::size_t i, std::string key) {
    Entry& g = *groups_.try_emplace(std::move(key)).first;
    ++g.second.records;
    if (++members_[{&g.second, person_[i]}] == 1) ++g.second.people;
    of_[i] = &g;
  }
  const std::vector<std::int64_t>& person_;
  std::unordered_map<std::string, Group> groups_;
  // (group, person) -> the person's records in the group.
  std::unordered_map<std::pair<const Group*, std::int64_t>, std::size_t, MemberHash> members_;
  std::vector<Entry*> of_;
};

}  // namespace

SuppressionSummary make_k_anonymous(std::vector<CaseRecord>& records, int k, bool keep_below_k,
                                    const std::vector<std::int64_t>* person) {
  SuppressionSummary summary;
  summary.k = k;
  summary.records = records.size();
  summary.below_k_kept = keep_below_k;
  summary.by_people = person != nullptr;
  if (k <= 1) {
    summary.records_written = records.size();
    return summary;
  }
  static_assert(kSuppressionOrder.size() <= 32);
  const auto min_size = static_cast<std::size_t>(k);
  // Without a person per record, every record is its own person.
  std::vector<std::int64_t> own;
  if (!person) {
    own.resize(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) own[i] = static_cast<std::int64_t>(i);
  }
  Groups groups(records, person ? *person : own);
  std::vector<std::size_t> next(records.size(), 0);  // the next step of kSuppressionOrder
  std::vector<std::uint32_t> blanked(records.size(), 0);  // bit s: step s blanked a value
  std::vector<std::size_t> below;
  for (;;) {
    // Every record below k takes one step, decided on the groups as they
    // were at the start of the pass, whether or not the value is there (a
    // record that lacks it then matches those that lost it).
    below.clear();
    for (std::size_t i = 0; i < records.size(); ++i)
      if (groups.in_group(i) && groups.people_in(i) < min_size && next[i] < kSuppressionOrder.size())
        below.push_back(i);
    if (below.empty()) break;
    for (std::size_t i : below) {
      const std::size_t step = next[i]++;
      if (!blank(kSuppressionOrder[step], records[i])) continue;
      blanked[i] |= std::uint32_t{1} << step;
      groups.move(i, group_key(records[i]));
    }
  }
  // The counts describe the file: records left out count only as left out
  // (in people: each person once, a record with a head count as that many).
  std::size_t kept = 0;
  std::unordered_set<std::int64_t> people_left;
  const std::vector<std::int64_t>& person_of = person ? *person : own;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const bool left_below = groups.in_group(i) && groups.people_in(i) < min_size;
    if (left_below) {
      ++summary.records_left_below_k;
      if (records[i].head_count)
        summary.people_left_below_k += static_cast<std::size_t>(records[i].head_count->low);
      else if (people_left.insert(person_of[i]).second)
        ++summary.people_left_below_k;
      if (!keep_below_k) continue;
    }
    if (about_a_crowd(records[i])) ++summary.crowd_records;
    if (blanked[i] != 0) ++summary.records_changed;
    for (std::size_t step = 0; step < kSuppressionOrder.size(); ++step)
      if (blanked[i] >> step & 1) ++summary.blanked[step];
    if (kept != i) records[kept] = std::move(records[i]);
    ++kept;
  }
  records.resize(kept);
  summary.records_written = kept;
  return summary;
}

}  // namespace uncounted
