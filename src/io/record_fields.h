// The canonical record columns (DESIGN.md section 5), plus two this project
// adds: `legal_tags` (separated by ';') and `head_count` ("500" or
// "400-600", for a record that describes a group).
//
// Thread safety: constant data.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace uncounted {

enum class RecordField {
  record_id, source, list, full_name, family_name, given_name, name_hangul, name_hanzi, sex, birth_year,
  birth_date, age, origin_place, event_type, event_date, event_place, facility_type, perpetrator,
  sentence_months, notes, legal_tags, head_count
};

inline constexpr std::size_t kRecordFieldCount = 22;

inline constexpr std::array<std::string_view, kRecordFieldCount> kRecordFieldNames = {
    "record_id",    "source",       "list",          "full_name",   "family_name",     "given_name",
    "name_hangul",  "name_hanzi",   "sex",           "birth_year",  "birth_date",      "age",
    "origin_place", "event_type",   "event_date",    "event_place", "facility_type",   "perpetrator",
    "sentence_months", "notes",     "legal_tags",    "head_count"};

inline constexpr std::string_view field_name(RecordField f) { return kRecordFieldNames[static_cast<std::size_t>(f)]; }

// The field with canonical name `name`, if any.
inline std::optional<RecordField> field_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kRecordFieldCount; ++i)
    if (kRecordFieldNames[i] == name) return static_cast<RecordField>(i);
  return std::nullopt;
}

// True for the fields that describe an event rather than the person.
inline constexpr bool is_event_field(RecordField f) {
  return f == RecordField::event_type || f == RecordField::event_date || f == RecordField::event_place ||
         f == RecordField::facility_type || f == RecordField::perpetrator || f == RecordField::sentence_months ||
         f == RecordField::legal_tags;
}

}  // namespace uncounted
