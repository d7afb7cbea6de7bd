// k-anonymity for record-level files meant for publication (the `public`
// redaction profile): values are blanked until no record can be told apart
// from fewer than k - 1 others.
//
// Why: a file without names can still single a person out. In the shipped
// example, without names, birth years or notes, 98% of the records are the
// only ones with their sex, origin, event place and event month; whoever
// holds a list of the people sent back (the state they fled does) could
// match them and learn who spoke to which source.
//
// What: every exported value of a record except its pseudonymous record_id
// is a quasi-identifier: source, list, sex, origin, head count, and each
// event's type, date, place, facility type, perpetrator, sentence and legal
// tags, in the order the file lists the events. Records with the same
// values form a group. While a record is in a group of fewer than k, the
// next field of kSuppressionOrder is blanked in it (in every event, for an
// event field), and the groups are formed again; all the records below k
// take the step together, whether or not they had a value there, so that a
// record that lacked it matches those that lost it. Records in groups
// of k or more are never changed. A blanked value looks like a missing one,
// so the two cannot be told apart either. Source, list, event types and
// head counts are never blanked (they are what a count needs; a blank head
// count would read as one person): a record still alone with them after
// every other value is blanked is counted in `records_left_below_k`, and
// kept. A record of a group of at least k people (head count from k up) is
// not about one person and is left as it is, outside every group.
//
// Limits (docs/STORE.md): k-anonymity hides which record is a person's, not
// what a whole group shares (if the k records alike are all in one source,
// anyone known to match them is known to be in it); the same person
// recorded k times by one source forms a group of one person.
//
// Thread safety: pure function over its arguments.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "base/case_record.h"
#include "io/record_fields.h"

namespace uncounted {

// The values blanked first come first: the most identifying and least
// needed for counting (names, notes and birth, already dropped by the
// public profile, are listed so that the function is safe on its own).
inline constexpr std::array<RecordField, 17> kSuppressionOrder = {
    RecordField::full_name,    RecordField::family_name,   RecordField::given_name,
    RecordField::name_hangul,  RecordField::name_hanzi,    RecordField::notes,
    RecordField::birth_date,   RecordField::birth_year,    RecordField::age,
    RecordField::origin_place, RecordField::event_place,   RecordField::sentence_months,
    RecordField::legal_tags,   RecordField::facility_type, RecordField::perpetrator,
    RecordField::sex,          RecordField::event_date};

struct SuppressionSummary {
  int k = 1;
  std::size_t records = 0;
  std::size_t records_changed = 0;  // records with at least one value blanked
  // blanked[i]: records whose kSuppressionOrder[i] was blanked (it was not empty).
  std::array<std::size_t, kSuppressionOrder.size()> blanked{};
  std::size_t records_left_below_k = 0;  // alone with only source, list, event types, head count left
  std::size_t group_records = 0;         // records of k or more people, left as they are
};

// Makes `records` k-anonymous in place as described above; k <= 1 changes
// nothing. Deterministic: the same records in the same order give the same
// result. Cost: at most kSuppressionOrder.size() + 1 passes, each hashing
// every record's values once; the records are copied into keys once a pass.
SuppressionSummary make_k_anonymous(std::vector<CaseRecord>& records, int k);

}  // namespace uncounted
