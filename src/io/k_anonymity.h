// k-anonymity for record-level files meant for publication (the `public`
// redaction profile): values are blanked until every record about a person
// shares all its values with the records of at least k - 1 other people.
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
// tags, in the order the file lists the events (so the number of events
// and their order count too). Records with the same values form a group;
// its size is the number of people in it (records of one person, by a link
// run, count once: see make_k_anonymous). While a record is in a group of
// fewer than k people, the next field of kSuppressionOrder is blanked in it
// (in every event, for an event field), and the groups are formed again;
// all the records below k take the step together, whether or not they had
// a value there, so that a record that lacked it matches those that lost
// it. Records in groups of k or more are
// never changed. A blanked value looks like a missing one. Source, list,
// event types and head counts are never blanked (they are what a count
// needs; a blank head count would read as one person). A record still in a
// group under k with nothing else left to blank is removed from `records`
// unless `keep_below_k`; either way it is counted.
//
// Records of a crowd (a head count of kCrowdSize people or more: "about 500
// sent back at Sinuiju") are about no one in particular and are left as
// they are, outside every group. Smaller head counts (a family) are treated
// as persons.
//
// Limits (docs/STORE.md): k-anonymity hides which record is a person's, not
// what a whole group shares, and the source of every record stays visible,
// so a group of k is always from one source: anyone known to match its
// values and known to be in the file is known to be in that source. People
// are counted as the link run saw them: a person it split in two counts
// twice (without a run, every record counts). Which fields are blank tells
// a little (a record with its origin shown was in a group of k before
// anything was blanked).
//
// Thread safety: pure function over its arguments.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
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

// A head count from which a record is about a crowd.
inline constexpr long kCrowdSize = 100;

// What was done. The counts of values blanked, changed records and crowds
// are over the records that remain in `records` (the file); records left
// out are counted only as left out.
struct SuppressionSummary {
  int k = 1;
  std::size_t records = 0;          // records given
  std::size_t records_written = 0;  // records that remain
  std::size_t records_changed = 0;  // of those, records with at least one value blanked
  // blanked[i]: of those, records whose kSuppressionOrder[i] was blanked (it was not empty).
  std::array<std::size_t, kSuppressionOrder.size()> blanked{};
  // Records still in a group under k with only source, list, event types
  // and head count left: removed unless below_k_kept; and the people they
  // describe (each person once; a record with a head count as its low bound).
  std::size_t records_left_below_k = 0;
  std::size_t people_left_below_k = 0;
  bool below_k_kept = false;
  std::size_t crowd_records = 0;  // of those that remain, head count >= kCrowdSize: left as they are
  bool by_people = false;         // groups counted in people (a person per record was given)
};

// Makes `records` k-anonymous in place as described above (the records
// kept keep their order); k <= 1 changes nothing. `person`, if given, holds
// a person for each record (the entity of a link run): a group's size is
// then the number of distinct people in it, so that k records of one person
// are a group of one; without it every record is its own person. Deterministic: the same
// records in the same order give the same result. Cost: every record's
// values are hashed once, and again each time one of them is blanked; at
// most kSuppressionOrder.size() + 1 passes over the records, each O(1) per
// record; memory: each distinct set of values once.
SuppressionSummary make_k_anonymous(std::vector<CaseRecord>& records, int k, bool keep_below_k,
                                    const std::vector<std::int64_t>* person = nullptr);

}  // namespace uncounted
