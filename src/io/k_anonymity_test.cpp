#include "io/k_anonymity.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/csv_reader.h"
#include "io/record_export.h"

namespace uncounted {
namespace {

CaseRecord person(const std::string& id, const std::string& source, const std::string& sex,
                  const std::string& origin, const std::string& place, const std::string& year) {
  CaseRecord r;
  r.record_id = id;
  r.source = source;
  r.list = source;
  r.sex = sex;
  r.origin_place = origin;
  CaseEvent e;
  e.type = "repatriation";
  e.place = place;
  if (!year.empty()) e.date = *parse_partial_date(year);
  r.events.push_back(e);
  return r;
}

bool is_crowd(const CaseRecord& r) { return r.head_count && r.head_count->low >= kCrowdSize; }

// Group keys as a reader of the exported file sees them: every value but
// the record id. Independent of the function's own grouping. Crowd records
// get "" (they are in no group).
std::vector<std::string> keys_in_csv(const std::vector<CaseRecord>& records) {
  std::ostringstream out;
  auto writer = RecordWriter::make(ExportFormat::csv, out, RedactionProfile::public_);
  for (const auto& r : records) writer->write(r);
  writer->finish();
  auto csv = parse_csv(out.str(), "export.csv");
  EXPECT_TRUE(csv) << csv.error().message();
  std::map<std::string, std::string> key_of_id;
  std::vector<std::string> ids;
  for (const auto& row : csv->rows) {
    const std::string& id = row.fields[0];
    if (!key_of_id.count(id)) ids.push_back(id);
    for (std::size_t i = 1; i < row.fields.size(); ++i)
      key_of_id[id] += std::to_string(row.fields[i].size()) + ":" + row.fields[i];
    key_of_id[id] += "|";
  }
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < ids.size(); ++i) keys.push_back(is_crowd(records[i]) ? "" : key_of_id[ids[i]]);
  return keys;
}

std::vector<std::string> keys_in_json(const std::vector<CaseRecord>& records) {
  std::ostringstream out;
  auto writer = RecordWriter::make(ExportFormat::json, out, RedactionProfile::public_);
  writer->write_sources({});
  for (const auto& r : records) writer->write(r);
  writer->finish();
  const auto doc = nlohmann::json::parse(out.str());
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < doc["records"].size(); ++i) {
    auto r = doc["records"][i];
    r.erase("record_id");
    keys.push_back(is_crowd(records[i]) ? "" : r.dump());
  }
  return keys;
}

std::map<std::string, std::size_t> sizes_of(const std::vector<std::string>& keys) {
  std::map<std::string, std::size_t> sizes;
  for (const auto& k : keys)
    if (!k.empty()) ++sizes[k];
  return sizes;
}

TEST(KAnonymity, KOfOneChangesNothing) {
  std::vector<CaseRecord> records = {person("a", "s", "F", "Hoeryong", "Tumen", "2006"),
                                     person("b", "s", "M", "Musan", "Namyang", "2007")};
  const auto s = make_k_anonymous(records, 1, false);
  EXPECT_EQ(s.records_changed, 0u);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].origin_place, "Hoeryong");
  EXPECT_EQ(records[1].origin_place, "Musan");
}

TEST(KAnonymity, GroupsOfKAreLeftAloneAndLoneRecordsLoseTheirOriginFirst) {
  std::vector<CaseRecord> records;
  for (int i = 0; i < 3; ++i) records.push_back(person("g" + std::to_string(i), "s", "F", "Musan", "Tumen", "2006"));
  records.push_back(person("lone1", "s", "F", "Hoeryong", "Tumen", "2006"));
  records.push_back(person("lone2", "s", "F", "Onsong", "Tumen", "2006"));
  records.push_back(person("lone3", "s", "F", "", "Tumen", "2006"));
  // k = 3: the three alike stay; the other three become alike once their
  // origins are blanked (one had none: it takes the step with them), and
  // nothing else is touched.
  const auto s = make_k_anonymous(records, 3, false);
  ASSERT_EQ(records.size(), 6u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(records[i].origin_place, "Musan");
  for (int i = 3; i < 6; ++i) {
    EXPECT_EQ(records[i].origin_place, "");
    EXPECT_EQ(records[i].events[0].place, "Tumen");
    EXPECT_EQ(records[i].sex, "F");
  }
  EXPECT_EQ(s.records_changed, 2u);
  EXPECT_EQ(s.blanked[9], 2u);
  EXPECT_EQ(kSuppressionOrder[9], RecordField::origin_place);
  EXPECT_EQ(s.records_left_below_k, 0u);
}

TEST(KAnonymity, WhatCannotBeHiddenIsLeftOutUnlessKept) {
  auto make = [] {
    std::vector<CaseRecord> records;
    for (int i = 0; i < 4; ++i) records.push_back(person("r" + std::to_string(i), "s", "F", "Musan", "Tumen", "2006"));
    CaseRecord odd = person("odd", "s", "M", "Hoeryong", "Namyang", "2009");
    odd.events[0].type = "arrest_china";
    records.push_back(odd);
    for (int i = 0; i < 5; ++i) records.push_back(person("t" + std::to_string(i), "t", "M", "Onsong", "Sinuiju", "2010"));
    return records;
  };
  // k = 5: the four alike and "odd" lose every value but source, list and
  // event type, and are still under 5; source t's five are untouched.
  auto kept = make();
  const auto s = make_k_anonymous(kept, 5, true);
  ASSERT_EQ(kept.size(), 10u);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(kept[i].source, "s");
    EXPECT_FALSE(kept[i].events[0].type.empty());
    EXPECT_TRUE(kept[i].sex.empty() && kept[i].origin_place.empty() && kept[i].events[0].place.empty() &&
                !kept[i].events[0].date);
  }
  EXPECT_EQ(kept[4].events[0].type, "arrest_china");
  for (int i = 5; i < 10; ++i) EXPECT_EQ(kept[i].origin_place, "Onsong");
  EXPECT_EQ(s.records_left_below_k, 5u);
  EXPECT_TRUE(s.below_k_kept);
  EXPECT_EQ(s.records_changed, 5u);

  auto dropped = make();
  const auto d = make_k_anonymous(dropped, 5, false);
  EXPECT_EQ(d.records_left_below_k, 5u);
  EXPECT_EQ(d.people_left_below_k, 5u);
  EXPECT_FALSE(d.below_k_kept);
  // The counts describe the file: nothing written was blanked.
  EXPECT_EQ(d.records_written, 5u);
  EXPECT_EQ(d.records_changed, 0u);
  for (std::size_t n : d.blanked) EXPECT_EQ(n, 0u);
  ASSERT_EQ(dropped.size(), 5u);  // only source t's five, in their order
  for (int i = 0; i < 5; ++i) EXPECT_EQ(dropped[i].record_id, "t" + std::to_string(i));
}

TEST(KAnonymity, CrowdsAreLeftAsTheyAreAndFamiliesAreTreatedAsPersonsKeepingTheirHeadCount) {
  std::vector<CaseRecord> records;
  for (int i = 0; i < 5; ++i) records.push_back(person("p" + std::to_string(i), "news", "", "", "Sinuiju", "2006"));
  CaseRecord crowd = person("crowd", "news", "", "Musan", "Sinuiju", "2006-06");
  crowd.head_count = HeadCount{400, 600};
  records.push_back(crowd);
  CaseRecord family = person("family", "news", "", "Musan", "Sinuiju", "2006");
  family.head_count = HeadCount{3, 3};
  records.push_back(family);
  CaseRecord five = person("five", "news", "F", "Musan", "Namyang", "2007");
  five.head_count = HeadCount{5, 5};  // as many as k, still not a crowd
  records.push_back(five);
  const auto s = make_k_anonymous(records, 5, true);
  EXPECT_EQ(records[5].events[0].date->verbatim, "2006-06");
  EXPECT_EQ(records[5].origin_place, "Musan");
  EXPECT_EQ(s.crowd_records, 1u);
  for (int i : {6, 7}) {
    EXPECT_EQ(records[i].origin_place, "");
    EXPECT_EQ(records[i].events[0].place, "");
    ASSERT_TRUE(records[i].head_count);
  }
  EXPECT_EQ(records[6].head_count->low, 3);
  EXPECT_EQ(records[7].head_count->low, 5);
  EXPECT_EQ(s.records_left_below_k, 2u);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(records[i].events[0].place, "Sinuiju");
}

TEST(KAnonymity, ACrowdIsAHeadCountWhoseLowBoundIsAHundred) {
  auto with_count = [](const std::string& id, long low, long high) {
    CaseRecord r = person(id, "news", "", "Musan", "Sinuiju", "2006");
    r.head_count = HeadCount{low, high};
    return r;
  };
  std::vector<CaseRecord> records = {with_count("up-to-500", 1, 500), with_count("about-100", 99, 101),
                                     with_count("hundred", 100, 100), with_count("more", 100, 5000)};
  const auto s = make_k_anonymous(records, 5, false);
  // The first two may be one person or 99: persons, alone, left out.
  EXPECT_EQ(s.records_left_below_k, 2u);
  EXPECT_EQ(s.people_left_below_k, 100u);  // 1 + 99
  EXPECT_EQ(s.crowd_records, 2u);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].record_id, "hundred");
  EXPECT_EQ(records[1].record_id, "more");
  EXPECT_EQ(records[1].origin_place, "Musan");
}

TEST(KAnonymity, ValuesThatRunTogetherDoNotMakeTwoRecordsAlike) {
  // "ab" + "" and "a" + "b" read the same when run together; a reader sees
  // two different rows. Both must be blanked until they really are alike.
  CaseRecord one = person("one", "s", "ab", "", "", "2006");
  CaseRecord two = person("two", "s", "a", "b", "", "2006");
  std::vector<CaseRecord> records = {one, two};
  const auto s = make_k_anonymous(records, 2, true);
  const auto sizes = sizes_of(keys_in_csv(records));
  for (const auto& [key, n] : sizes) EXPECT_EQ(n, 2u) << key;
  EXPECT_EQ(s.records_left_below_k, 0u);
}

TEST(KAnonymity, WithAPersonPerRecordGroupsAreCountedInPeople) {
  auto make = [] {
    std::vector<CaseRecord> records;
    for (int i = 0; i < 6; ++i) records.push_back(person("r" + std::to_string(i), "s", "F", "Musan", "Tumen", "2006"));
    return records;
  };
  // Six records alike, of six people: untouched.
  auto six = make();
  const std::vector<std::int64_t> distinct = {10, 11, 12, 13, 14, 15};
  auto s = make_k_anonymous(six, 5, false, &distinct);
  EXPECT_TRUE(s.by_people);
  ASSERT_EQ(six.size(), 6u);
  EXPECT_EQ(six[0].origin_place, "Musan");
  // The same six records, three of them one person: four people, under 5.
  auto four = make();
  const std::vector<std::int64_t> repeated = {10, 11, 12, 13, 13, 13};
  s = make_k_anonymous(four, 5, true, &repeated);
  EXPECT_EQ(s.records_left_below_k, 6u);
  EXPECT_EQ(s.people_left_below_k, 4u);
  for (const auto& r : four) EXPECT_TRUE(r.origin_place.empty() && r.sex.empty() && !r.events[0].date);
  // Without persons each record counts: untouched again.
  auto records = make();
  s = make_k_anonymous(records, 5, false);
  EXPECT_FALSE(s.by_people);
  EXPECT_EQ(records[5].origin_place, "Musan");
}

TEST(KAnonymity, TheOrderOfEventsSetsRecordsApart) {
  auto two_events = [](const std::string& id, bool swapped) {
    CaseRecord r = person(id, "s", "F", "", "", "2006");
    CaseEvent d;
    d.type = "detention_dprk";
    r.events.push_back(d);
    if (swapped) std::swap(r.events[0], r.events[1]);
    return r;
  };
  std::vector<CaseRecord> records = {two_events("a", false), two_events("b", true)};
  const auto s = make_k_anonymous(records, 2, true);
  EXPECT_EQ(s.records_left_below_k, 2u);  // a reader sees the two orders: never one group
}

TEST(KAnonymity, EveryRecordAsTheFileShowsItSharesItsValuesWithKMinusOneOthers) {
  // Random records over small vocabularies (some values missing, some
  // records with two events, legal tags, perpetrators, head counts of a
  // family or a crowd), k = 2..7, checked on the CSV and the JSON a reader
  // gets, with the records that cannot be hidden kept and left out.
  std::mt19937_64 rng(20261127);
  const std::vector<std::string> sources = {"a", "b", "c"}, sexes = {"F", "M", ""},
                                 origins = {"Musan", "Hoeryong", "Onsong", "Kimchaek", ""},
                                 places = {"Tumen", "Namyang", "Sinuiju", ""},
                                 years = {"2004", "2005", "2006", "2006-03", ""},
                                 perpetrators = {"", "", "PRC Public Security", "MSS"};
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  for (int k = 2; k <= 7; ++k)
    for (bool keep : {true, false}) {
      std::vector<CaseRecord> records;
      for (int i = 0; i < 400; ++i) {
        CaseRecord r = person("r" + std::to_string(i), pick(sources), pick(sexes), pick(origins), pick(places),
                              pick(years));
        r.events[0].perpetrator = pick(perpetrators);
        if (rng() % 3 == 0) r.events[0].legal_tags = {"RC1951-Art33"};
        if (rng() % 4 == 0) {
          CaseEvent d;
          d.type = "detention_dprk";
          d.sentence_months = static_cast<int>(rng() % 3) * 6;
          d.facility_type = rng() % 2 ? "kyohwaso" : "";
          r.events.push_back(d);
        }
        if (rng() % 20 == 0) {
          const long n = rng() % 2 ? 2 + static_cast<long>(rng() % 4) : 150;
          r.head_count = HeadCount{n, n};
        }
        records.push_back(r);
      }
      // Records already in a group of k must come out unchanged.
      const auto before_keys = keys_in_csv(records);
      const auto before_sizes = sizes_of(before_keys);
      std::map<std::string, std::string> untouched;  // id -> key
      for (std::size_t i = 0; i < records.size(); ++i)
        if (!before_keys[i].empty() && before_sizes.at(before_keys[i]) >= static_cast<std::size_t>(k))
          untouched[records[i].record_id] = before_keys[i];
      auto again = records;
      const auto s = make_k_anonymous(records, k, keep);
      ASSERT_EQ(records.size() + (keep ? 0 : s.records_left_below_k), 400u) << k;
      for (const auto& keys : {keys_in_csv(records), keys_in_json(records)}) {
        const auto sizes = sizes_of(keys);
        std::size_t below = 0;
        for (std::size_t i = 0; i < records.size(); ++i) {
          if (keys[i].empty()) {
            EXPECT_GE(records[i].head_count->low, kCrowdSize);
            continue;
          }
          if (sizes.at(keys[i]) >= static_cast<std::size_t>(k)) continue;
          ++below;
          // Only source, list, event types and head count may be left.
          EXPECT_TRUE(records[i].sex.empty() && records[i].origin_place.empty()) << k;
          for (const auto& e : records[i].events)
            EXPECT_TRUE(e.place.empty() && !e.date && !e.sentence_months && e.facility_type.empty() &&
                        e.perpetrator.empty() && e.legal_tags.empty())
                << k;
        }
        EXPECT_EQ(below, keep ? s.records_left_below_k : 0u) << k << " " << keep;
      }
      const auto after_keys = keys_in_csv(records);
      std::size_t with_origin = 0;
      for (std::size_t i = 0; i < records.size(); ++i) {
        auto it = untouched.find(records[i].record_id);
        if (it != untouched.end()) {
          EXPECT_EQ(after_keys[i], it->second) << k;
        }
        if (!records[i].origin_place.empty()) ++with_origin;
      }
      EXPECT_GT(with_origin, 0u) << k;  // not everything blanked
      // Deterministic.
      make_k_anonymous(again, k, keep);
      ASSERT_EQ(again.size(), records.size());
      for (std::size_t i = 0; i < records.size(); ++i)
        EXPECT_EQ(records[i].origin_place + records[i].sex, again[i].origin_place + again[i].sex);
    }
}

TEST(KAnonymity, EveryGroupAsTheFileShowsItHoldsKPeopleWhenRecordsHaveAPerson) {
  // 400 random records of about 250 people (a person's records alike or
  // not), k = 2..7, kept below k so that each record keeps its person.
  std::mt19937_64 rng(20261128);
  const std::vector<std::string> sexes = {"F", "M"},
                                 origins = {"Musan", "Hoeryong", "Onsong", "Kimchaek", "Hyesan", "Chongjin"},
                                 places = {"Tumen", "Namyang", "Sinuiju"}, years = {"2004", "2005", "2006"};
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  for (int k = 2; k <= 7; ++k) {
    std::vector<CaseRecord> records;
    std::vector<std::int64_t> person_of;
    for (int i = 0; i < 400; ++i) {
      records.push_back(person("r" + std::to_string(i), "s", pick(sexes), pick(origins), pick(places), pick(years)));
      person_of.push_back(static_cast<std::int64_t>(rng() % 250));
    }
    const auto s = make_k_anonymous(records, k, true, &person_of);
    const auto keys = keys_in_csv(records);
    std::map<std::string, std::set<std::int64_t>> people;
    for (std::size_t i = 0; i < records.size(); ++i) people[keys[i]].insert(person_of[i]);
    std::size_t below = 0;
    for (std::size_t i = 0; i < records.size(); ++i)
      if (people[keys[i]].size() < static_cast<std::size_t>(k)) {
        ++below;
        EXPECT_TRUE(records[i].sex.empty() && records[i].origin_place.empty() && !records[i].events[0].date) << k;
      }
    EXPECT_EQ(below, s.records_left_below_k) << k;
  }
}

}  // namespace
}  // namespace uncounted
