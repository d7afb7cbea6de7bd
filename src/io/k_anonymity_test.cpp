#include "io/k_anonymity.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
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

// Group sizes as a reader of the exported CSV sees them: the rows of one
// record id joined, every column but the id. Independent of the function's
// own grouping.
std::map<std::string, std::size_t> record_group_sizes(const std::vector<CaseRecord>& records,
                                                      std::vector<std::string>* record_keys) {
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
  std::map<std::string, std::size_t> sizes;
  for (const auto& id : ids) ++sizes[key_of_id[id]];
  if (record_keys)
    for (const auto& id : ids) record_keys->push_back(key_of_id[id]);
  return sizes;
}

TEST(KAnonymity, KOfOneChangesNothing) {
  std::vector<CaseRecord> records = {person("a", "s", "F", "Hoeryong", "Tumen", "2006"),
                                     person("b", "s", "M", "Musan", "Namyang", "2007")};
  const auto before = records;
  const auto s = make_k_anonymous(records, 1);
  EXPECT_EQ(s.records_changed, 0u);
  for (std::size_t i = 0; i < records.size(); ++i) EXPECT_EQ(records[i].origin_place, before[i].origin_place);
}

TEST(KAnonymity, GroupsOfKAreLeftAloneAndLoneRecordsLoseTheirOriginFirst) {
  std::vector<CaseRecord> records;
  for (int i = 0; i < 3; ++i) records.push_back(person("g" + std::to_string(i), "s", "F", "Musan", "Tumen", "2006"));
  records.push_back(person("lone1", "s", "F", "Hoeryong", "Tumen", "2006"));
  records.push_back(person("lone2", "s", "F", "Onsong", "Tumen", "2006"));
  records.push_back(person("lone3", "s", "F", "", "Tumen", "2006"));
  // k = 3: the three alike stay; the other three become alike once their
  // origins are blanked (one had none), and nothing else is touched.
  const auto s = make_k_anonymous(records, 3);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(records[i].origin_place, "Musan");
  for (int i = 3; i < 6; ++i) {
    EXPECT_EQ(records[i].origin_place, "");
    EXPECT_EQ(records[i].events[0].place, "Tumen");
    EXPECT_EQ(records[i].sex, "F");
  }
  EXPECT_EQ(s.records_changed, 2u);
  EXPECT_EQ(s.blanked[9], 2u);  // origin_place
  EXPECT_EQ(kSuppressionOrder[9], RecordField::origin_place);
  EXPECT_EQ(s.records_left_below_k, 0u);
}

TEST(KAnonymity, SourceListAndEventTypesAreNeverBlankedAndWhatIsLeftAloneIsCounted) {
  std::vector<CaseRecord> records;
  for (int i = 0; i < 4; ++i) records.push_back(person("r" + std::to_string(i), "s", "F", "Musan", "Tumen", "2006"));
  CaseRecord odd = person("odd", "s", "M", "Hoeryong", "Namyang", "2009");
  odd.events[0].type = "arrest_china";
  records.push_back(odd);
  const auto s = make_k_anonymous(records, 5);
  // Every record is alone or in a group of four: all lose every value but
  // source, list and event type; the four become alike, "odd" stays alone.
  for (const auto& r : records) {
    EXPECT_EQ(r.source, "s");
    EXPECT_FALSE(r.events[0].type.empty());
    EXPECT_TRUE(r.sex.empty() && r.origin_place.empty() && r.events[0].place.empty() && !r.events[0].date);
  }
  EXPECT_EQ(records[4].events[0].type, "arrest_china");
  EXPECT_EQ(s.records_left_below_k, 5u);  // the four (a group of 4 < 5) and "odd"
  EXPECT_EQ(s.records_changed, 5u);
}

TEST(KAnonymity, RecordsOfKOrMorePeopleAreLeftAloneAndHeadCountsAreNeverBlanked) {
  std::vector<CaseRecord> records;
  for (int i = 0; i < 5; ++i) records.push_back(person("p" + std::to_string(i), "news", "", "", "Sinuiju", "2006"));
  CaseRecord crowd = person("crowd", "news", "", "", "Sinuiju", "2006-06");
  crowd.head_count = HeadCount{400, 600};
  records.push_back(crowd);
  CaseRecord family = person("family", "news", "", "Musan", "Sinuiju", "2006");
  family.head_count = HeadCount{3, 3};
  records.push_back(family);
  const auto s = make_k_anonymous(records, 5);
  // The crowd is about 400 or more people: unchanged, in no group.
  EXPECT_EQ(records[5].events[0].date->verbatim, "2006-06");
  EXPECT_EQ(records[5].events[0].place, "Sinuiju");
  EXPECT_EQ(s.group_records, 1u);
  // The family of three is treated as a person: alone, it loses what can be
  // blanked, but keeps its head count (a blank one would read as one person).
  EXPECT_EQ(records[6].origin_place, "");
  EXPECT_EQ(records[6].events[0].place, "");
  ASSERT_TRUE(records[6].head_count);
  EXPECT_EQ(records[6].head_count->low, 3);
  EXPECT_EQ(s.records_left_below_k, 1u);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(records[i].events[0].place, "Sinuiju");
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
  const auto s = make_k_anonymous(records, 2);
  EXPECT_EQ(s.records_left_below_k, 2u);  // a reader sees the two orders: never one group
}

TEST(KAnonymity, EveryRecordAsTheFileShowsItSharesItsValuesWithKMinusOneOthers) {
  // Random records over small vocabularies (some values missing, some
  // records with two events), k = 2..7, checked on the CSV a reader gets.
  std::mt19937_64 rng(20261127);
  const std::vector<std::string> sources = {"a", "b", "c"}, sexes = {"F", "M", ""},
                                 origins = {"Musan", "Hoeryong", "Onsong", "Kimchaek", ""},
                                 places = {"Tumen", "Namyang", "Sinuiju", ""},
                                 years = {"2004", "2005", "2006", "2006-03", ""};
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  for (int k = 2; k <= 7; ++k) {
    std::vector<CaseRecord> records;
    for (int i = 0; i < 400; ++i) {
      CaseRecord r = person("r" + std::to_string(i), pick(sources), pick(sexes), pick(origins), pick(places),
                            pick(years));
      if (rng() % 4 == 0) {
        CaseEvent d;
        d.type = "detention_dprk";
        d.sentence_months = static_cast<int>(rng() % 3) * 6;
        d.facility_type = rng() % 2 ? "kyohwaso" : "";
        r.events.push_back(d);
      }
      records.push_back(r);
    }
    auto again = records;
    const auto s = make_k_anonymous(records, k);
    std::vector<std::string> keys;
    const auto sizes = record_group_sizes(records, &keys);
    std::size_t alone = 0;
    for (std::size_t i = 0; i < records.size(); ++i)
      if (sizes.at(keys[i]) < static_cast<std::size_t>(k)) {
        ++alone;
        // Only source, list and event types may be left in such a record.
        EXPECT_TRUE(records[i].sex.empty() && records[i].origin_place.empty()) << k;
        for (const auto& e : records[i].events)
          EXPECT_TRUE(e.place.empty() && !e.date && !e.sentence_months && e.facility_type.empty()) << k;
      }
    EXPECT_EQ(alone, s.records_left_below_k) << k;
    // Deterministic.
    make_k_anonymous(again, k);
    for (std::size_t i = 0; i < records.size(); ++i)
      EXPECT_EQ(records[i].origin_place + records[i].sex, again[i].origin_place + again[i].sex);
  }
}

}  // namespace
}  // namespace uncounted
