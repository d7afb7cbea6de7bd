#include "io/simulated_records_csv.h"

#include <sstream>

#include <gtest/gtest.h>

#include "base/csv_reader.h"
#include "io/record_import.h"

namespace uncounted {
namespace {

TEST(SimulatedRecordsCsv, WritesCanonicalColumnsAndTheLabelAndReadsBack) {
  CaseRecord a;
  a.record_id = "s-000001";
  a.source = "s";
  a.list = "s";
  a.full_name = "KIM, Yong Chol";
  a.family_name = "KIM";
  a.given_name = "Yong Chol";
  a.sex = "M";
  a.birth_year = 1971;
  a.origin_place = "Hoeryong";
  CaseEvent e;
  e.type = "repatriation";
  e.date = *parse_partial_date("2004년 봄");
  e.place = "Namyang";
  a.events.push_back(e);
  CaseRecord b;
  b.record_id = "s-000002";
  b.source = "s";
  b.list = "s";
  b.name_hangul = "김영희";
  b.full_name = "김 영희";
  b.age = 30;
  b.notes = "said \"twice\"";
  std::vector<CaseRecord> records = {a, b};
  std::vector<std::string> labels = {"P1", "P2"};
  std::ostringstream out;
  ASSERT_TRUE(write_labelled_records_csv(out, records, labels));
  auto table = parse_csv(out.str(), "x.csv");
  ASSERT_TRUE(table) << table.error().message();
  ASSERT_EQ(table->header.size(), 21u);
  EXPECT_EQ(table->header[0], "record_id");
  EXPECT_EQ(table->header[14], "event_date");
  EXPECT_EQ(table->header[20], "person_id");
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->rows[0].fields[3], "KIM, Yong Chol");
  EXPECT_EQ(table->rows[0].fields[9], "1971");
  EXPECT_EQ(table->rows[0].fields[14], "2004년 봄");  // as the source wrote it
  EXPECT_EQ(table->rows[1].fields[11], "30");
  EXPECT_EQ(table->rows[1].fields[19], "said \"twice\"");
  EXPECT_EQ(table->rows[1].fields[20], "P2");
  EXPECT_NE(out.str().find("\"KIM, Yong Chol\""), std::string::npos);

  std::vector<std::string> too_few = {"P1"};
  std::ostringstream ignored;
  EXPECT_FALSE(write_labelled_records_csv(ignored, records, too_few));
}

TEST(SimulatedRecordsCsv, TwoEventsAreTwoRowsOfOneRecordThatImportReadsBack) {
  CaseRecord r;
  r.record_id = "ngo-000001";
  r.source = "ngo";
  r.list = "ngo";
  r.full_name = "Ri Ryon Hwa";
  r.sex = "F";
  r.birth_year = 1980;
  CaseEvent back;
  back.type = "repatriation";
  back.date = *parse_partial_date("2006-10");
  back.place = "Namyang";
  CaseEvent detention;
  detention.type = "detention_dprk";
  detention.date = *parse_partial_date("2007-01");
  detention.facility_type = "kyohwaso";
  detention.sentence_months = 36;
  r.events = {back, detention};
  std::vector<CaseRecord> records = {r};
  std::ostringstream out;
  ASSERT_TRUE(write_records_csv(out, records));
  auto table = parse_csv(out.str(), "ngo.csv");
  ASSERT_TRUE(table) << table.error().message();
  ASSERT_EQ(table->header.size(), 20u);  // no label column
  EXPECT_EQ(table->header.back(), "notes");
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->rows[0].fields[0], "ngo-000001");
  EXPECT_EQ(table->rows[1].fields[0], "ngo-000001");
  EXPECT_EQ(table->rows[1].fields[3], "Ri Ryon Hwa");  // person fields repeated, so they agree
  EXPECT_EQ(table->rows[1].fields[13], "detention_dprk");
  EXPECT_EQ(table->rows[1].fields[16], "kyohwaso");
  EXPECT_EQ(table->rows[1].fields[18], "36");

  RecordImportOptions options;
  options.source = "ngo";
  options.list = "ngo";
  auto imported = import_records_csv(out.str(), "ngo.csv", options);
  ASSERT_TRUE(imported) << imported.error().message();
  ASSERT_EQ(imported->records.size(), 1u);
  const CaseRecord& back_in = imported->records[0];
  ASSERT_EQ(back_in.events.size(), 2u);
  EXPECT_EQ(back_in.events[0].type, "repatriation");
  EXPECT_EQ(back_in.events[1].type, "detention_dprk");
  EXPECT_EQ(back_in.events[1].facility_type, "kyohwaso");
  EXPECT_EQ(back_in.events[1].sentence_months, 36);
}

TEST(SimulatedRecordsCsv, TableWriterChecksWidths) {
  std::ostringstream out;
  EXPECT_TRUE(write_csv_table(out, {"a", "b"}, {{"1", "x,y"}}));
  EXPECT_EQ(out.str(), "a,b\n1,\"x,y\"\n");
  std::ostringstream bad;
  EXPECT_FALSE(write_csv_table(bad, {"a", "b"}, {{"1"}}));
}

}  // namespace
}  // namespace uncounted
