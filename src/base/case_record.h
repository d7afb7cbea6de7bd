// What one source says about one person (DESIGN.md section 3): the record
// that import validates, the store keeps and export writes.
//
// A record has person-level fields and zero or more events. Empty strings
// and empty optionals mean "missing", never "disagrees" (DESIGN.md section 5).
// Records are never edited: a changed record is stored as a new version
// that supersedes the old one.
//
// Thread safety: plain values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/partial_date.h"

namespace uncounted {

// A head count for a record that describes a group ("about 500 returned"):
// an interval low <= high; low == high when exact.
struct HeadCount {
  long low = 1;
  long high = 1;
  bool operator==(const HeadCount&) const = default;
};

struct CaseEvent {
  std::string type;                     // a value of kEventTypes (vocabulary.h)
  std::optional<PartialDate> date;
  std::string place;
  std::string facility_type;            // a value of kFacilityTypes, or empty
  std::string perpetrator;              // e.g. "PRC Public Security"
  std::optional<int> sentence_months;
  std::vector<std::string> legal_tags;  // e.g. "RC1951-Art33"
};

struct CaseRecord {
  std::string record_id;  // unique within its source
  std::string source;
  std::string list;
  std::string full_name, family_name, given_name, name_hangul, name_hanzi;
  std::string sex;  // "M", "F", "U" or empty
  std::optional<int> birth_year;
  std::optional<PartialDate> birth_date;
  std::optional<int> age;
  std::string origin_place;
  std::optional<HeadCount> head_count;
  std::string notes;
  std::vector<CaseEvent> events;
};

}  // namespace uncounted
