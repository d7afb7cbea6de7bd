#include "io/record_import.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

#include "io/record_export.h"
#include "io/redaction.h"

namespace uncounted {
namespace {

RecordImportOptions opts() { return {"own", "A", nullptr}; }

const char* kCsv =
    "\xEF\xBB\xBFrecord_id,full_name,name_hangul,sex,birth_year,origin_place,event_type,event_date,event_place,"
    "facility_type,legal_tags,notes\r\n"
    "r1,Pak Sun-hui,박순희,F,1979,Hoeryong,arrest_china,2006-10-09,Tumen,,RC1951-Art33;CAT-Art3,\"said \"\"hi\"\",\n"
    "second line\"\r\n"
    "r1,,,F,,,repatriation,October 2006,Sinuiju,,,\r\n"
    "r1,,,,,,detention_dprk,spring 2007,Onsong,kyohwaso,,\r\n"
    "r2,Kim Yong-chol,김영철,m,,Musan,,,,,,\r\n";

TEST(RecordImportCsv, ReadsGroupsAndValidates) {
  auto got = import_records_csv(kCsv, "in.csv", opts());
  ASSERT_TRUE(got) << got.error().message();
  EXPECT_EQ(got->rows, 4u);
  ASSERT_EQ(got->records.size(), 2u);
  const auto& r1 = got->records[0];
  EXPECT_EQ(r1.record_id, "r1");
  EXPECT_EQ(r1.source, "own");
  EXPECT_EQ(r1.list, "A");
  EXPECT_EQ(r1.name_hangul, "박순희");
  EXPECT_EQ(r1.birth_year, 1979);
  EXPECT_EQ(r1.notes, "said \"hi\",\nsecond line");
  ASSERT_EQ(r1.events.size(), 3u);
  EXPECT_EQ(r1.events[0].legal_tags, (std::vector<std::string>{"CAT-Art3", "RC1951-Art33"}));
  EXPECT_EQ(r1.events[1].date->precision, DatePrecision::month);
  EXPECT_EQ(r1.events[2].facility_type, "kyohwaso");
  EXPECT_EQ(got->records[1].sex, "M");
  EXPECT_TRUE(got->records[1].events.empty());
}

std::string error_of(const Result<ImportedRecords>& r) { return r ? "" : r.error().message(); }

TEST(RecordImportCsv, BadDateRejectsTheWholeFileWithLineAndColumn) {
  std::string csv = "record_id,event_type,event_date\nr1,arrest_china,2006-10\nr2,arrest_china,2023-13-45\n";
  auto got = import_records_csv(csv, "in.csv", opts());
  ASSERT_FALSE(got);
  EXPECT_NE(error_of(got).find("in.csv:3:3: event_date: the month is not between 1 and 12"), std::string::npos)
      << error_of(got);
  EXPECT_NE(error_of(got).find("1 error; nothing was imported"), std::string::npos);
}

TEST(RecordImportCsv, EveryErrorIsListedWithoutQuotingValues) {
  std::string csv =
      "record_id,full_name,sex,birth_year,age,event_type,facility_type,sentence_months,event_date,list\n"
      "r1,Secret Name,X,1700,200,arrested,gulag,-1,2999-01,B\n"
      ",Other,F,,,,,,,\n"
      "r3,Third,F,,,,,,tomorrow,\n";
  auto got = import_records_csv(csv, "in.csv", opts());
  ASSERT_FALSE(got);
  auto m = error_of(got);
  for (const char* expected :
       {"in.csv:2:3: sex: must be M, F or U", "in.csv:2:4: birth_year: is outside 1880-", "in.csv:2:5: age: is outside 0-120",
        "in.csv:2:6: event_type: is not an event type", "in.csv:2:7: facility_type: is not a facility type",
        "in.csv:2:8: sentence_months", "in.csv:2:9: event_date: is in the future", "in.csv:2:10: list: differs",
        "in.csv:3: record_id: missing", "in.csv:4:9: event_date: not a date",
        "in.csv:4: event_type: missing"})
    EXPECT_NE(m.find(expected), std::string::npos) << expected << "\n" << m;
  // No value of the rows is repeated: the location is enough to find it.
  for (const char* value : {"Secret Name", "1700", "gulag", "2999", "tomorrow"})
    EXPECT_EQ(m.find(value), std::string::npos) << value << "\n" << m;
}

// A file without its header row: the first record is not printed back as a
// list of unknown columns.
TEST(RecordImportCsv, MissingHeaderRowIsNamedWithoutTheRecord) {
  const std::string m = error_of(
      import_records_csv("r1,ZZSECRETNAME,1933-07-19,ZZORIGINPLACE\nr2,Other,1950,Hyesan\n", "in.csv", opts()));
  EXPECT_NE(m.find("in.csv:1: the first line names no known column"), std::string::npos) << m;
  EXPECT_NE(m.find("is the header row missing?"), std::string::npos) << m;
  for (const char* value : {"ZZSECRETNAME", "1933-07-19", "ZZORIGINPLACE", "r1"})
    EXPECT_EQ(m.find(value), std::string::npos) << value << "\n" << m;
}

TEST(RecordImportCsv, HeaderProblems) {
  EXPECT_NE(error_of(import_records_csv("record_id,nickname\nr1,x\n", "in.csv", opts())).find("in.csv:1:2: unknown column 'nickname'"),
            std::string::npos);
  EXPECT_NE(error_of(import_records_csv("full_name\nx\n", "in.csv", opts())).find("no record_id column"), std::string::npos);
  EXPECT_NE(error_of(import_records_csv("record_id,sex,sex\nr1,F,F\n", "in.csv", opts())).find("appears twice"),
            std::string::npos);
  EXPECT_NE(error_of(import_records_csv("record_id,sex\nr1\n", "in.csv", opts())).find("in.csv:2: the row has 1 fields"),
            std::string::npos);
  EXPECT_NE(error_of(import_records_csv("record_id\n", "in.csv", opts())).find("no records"), std::string::npos);
  EXPECT_NE(error_of(import_records_csv("record_id,sex\nr1,\"F\n", "in.csv", opts())).find("not closed"), std::string::npos);
}

TEST(RecordImportCsv, RowsOfOneRecordMustAgree) {
  std::string csv = "record_id,birth_year,sex\nr1,1979,F\nr1,,F\nr1,1980,\n";
  auto m = error_of(import_records_csv(csv, "in.csv", opts()));
  EXPECT_NE(m.find("in.csv:4:2: birth_year: differs from line 2"), std::string::npos) << m;
}

TEST(RecordImportCsv, InvalidUtf8AndControlCharacters) {
  std::string csv = "record_id,full_name\nr1,\xC3\x28\nr2,a\x01" "b\n";
  auto m = error_of(import_records_csv(csv, "in.csv", opts()));
  EXPECT_NE(m.find("in.csv:2:2: full_name: is not valid UTF-8"), std::string::npos) << m;
  EXPECT_NE(m.find("in.csv:3:2: full_name: contains a control character"), std::string::npos) << m;
}

TEST(RecordImportCsv, MappingFile) {
  auto mapping = parse_column_mapping(R"({"columns": {"ID": "record_id", "Name": "full_name", "Gender": "sex",
     "What": "event_type", "When": "event_date", "Internal": null},
     "values": {"sex": {"female": "F", "male": "M"}, "event_type": {"Arrested": "arrest_china"}},
     "defaults": {"event_type": "repatriation"}})",
                                      "map.json");
  ASSERT_TRUE(mapping) << mapping.error().message();
  RecordImportOptions o = opts();
  o.mapping = &*mapping;
  auto got = import_records_csv("ID,Name,Gender,What,When,Internal\n1,A,female,arrested,2006,x\n2,B,Male,,2007,y\n",
                                "in.csv", o);
  ASSERT_TRUE(got) << got.error().message();
  EXPECT_EQ(got->records[0].sex, "F");
  EXPECT_EQ(got->records[0].events[0].type, "arrest_china");
  EXPECT_EQ(got->records[1].sex, "M");
  EXPECT_EQ(got->records[1].events[0].type, "repatriation");
  EXPECT_FALSE(parse_column_mapping(R"({"columns": {"x": "nickname"}})", "map.json"));
  EXPECT_FALSE(parse_column_mapping(R"({"colums": {}})", "map.json"));
  EXPECT_FALSE(parse_column_mapping("[", "map.json"));
}

TEST(RecordImportJson, NestedEventsAndPositions) {
  std::string json = R"({"records": [
  {"record_id": "r1", "full_name": "Pak", "birth_year": 1979, "sex": "F",
   "events": [{"event_type": "arrest_china", "event_date": "2006-10", "legal_tags": ["RC1951-Art33", "CAT-Art3"]},
              {"event_type": "repatriation", "event_date": "2006-10/2006-12", "sentence_months": 6}]},
  {"record_id": 2, "name_hangul": "김영철", "event_type": "death", "event_date": null}
]})";
  auto got = import_records_json(json, "in.json", opts());
  ASSERT_TRUE(got) << got.error().message();
  ASSERT_EQ(got->records.size(), 2u);
  EXPECT_EQ(got->records[0].events.size(), 2u);
  EXPECT_EQ(got->records[0].events[0].legal_tags.size(), 2u);
  EXPECT_EQ(got->records[0].events[1].sentence_months, 6);
  EXPECT_EQ(got->records[1].record_id, "2");
  EXPECT_EQ(got->records[1].events[0].type, "death");
  EXPECT_FALSE(got->records[1].events[0].date);

  std::string bad = "[\n  {\"record_id\": \"r1\",\n   \"event_type\": \"arrest_china\", \"event_date\": \"2023-13-45\"}\n]";
  auto m = error_of(import_records_json(bad, "in.json", opts()));
  EXPECT_NE(m.find("in.json:3:34: event_date: the month is not between 1 and 12"), std::string::npos) << m;
}

TEST(RecordImportJson, ShapeAndSyntaxErrors) {
  EXPECT_NE(error_of(import_records_json("[{\"record_id\": \"a\",}]", "in.json", opts())).find("in.json:1:"), std::string::npos);
  EXPECT_NE(error_of(import_records_json("{\"rows\": []}", "in.json", opts())).find("unknown key \"rows\""), std::string::npos);
  EXPECT_NE(error_of(import_records_json("[[1]]", "in.json", opts())).find("not expected"), std::string::npos);
  EXPECT_NE(error_of(import_records_json("[{\"record_id\": \"a\", \"nick\": 1}]", "in.json", opts())).find("unknown column 'nick'"),
            std::string::npos);
  EXPECT_NE(error_of(import_records_json("[{\"record_id\": true}]", "in.json", opts())).find("string or a number"),
            std::string::npos);
  EXPECT_NE(error_of(import_records_json("[{\"record_id\": \"a\", \"events\": [{\"sex\": \"F\"}]}]", "in.json", opts())).find("not an event field"),
            std::string::npos);
  EXPECT_FALSE(import_records_json("", "in.json", opts()));
  EXPECT_FALSE(import_records_json("[]", "in.json", opts()));
}

// A JSON syntax error names the line and column and what is wrong, never the
// text the parser was reading (a note with a raw line break, bad UTF-8, a
// huge number): that text is a record's contents.
TEST(RecordImportJson, SyntaxErrorsQuoteNothing) {
  struct Case {
    const char* json;
    const char* location;
  };
  const Case cases[] = {
      {"[{\"record_id\": \"a\", \"notes\": \"zzsecret said\nmore\"}]", "in.json:1:"},
      {"[{\"record_id\": \"a\", \"notes\": \"zzsecret \xff\xfe\"}]", "in.json:1:"},
      {"[{\"record_id\": \"a\", \"age\": 1e999}] zzsecret", "in.json:1:"},
      {"[{\"record_id\": \"a\",\n \"notes\": zzsecret}]", "in.json:2:"},
      {"[{\"record_id\": \"a\", \"notes\": \"zzsecret\"", "in.json:1:"},
  };
  for (const Case& c : cases) {
    const std::string m = error_of(import_records_json(c.json, "in.json", opts()));
    EXPECT_NE(m.find(c.location), std::string::npos) << m;
    EXPECT_NE(m.find("invalid JSON: "), std::string::npos) << m;
    EXPECT_EQ(m.find("zzsecret"), std::string::npos) << m;
    EXPECT_EQ(m.find("last read"), std::string::npos) << m;
    EXPECT_EQ(m.find("\\xFF"), std::string::npos) << m;  // not even escaped: the text is not quoted at all
  }
}

TEST(RecordExport, RoundTripsThroughImport) {
  auto got = import_records_csv(kCsv, "in.csv", opts());
  ASSERT_TRUE(got);
  for (auto format : {ExportFormat::csv, ExportFormat::json}) {
    std::ostringstream out;
    auto writer = RecordWriter::make(format, out, RedactionProfile::none);
    for (const auto& r : got->records) writer->write(r);
    writer->finish();
    auto again = import_records(out.str(), format == ExportFormat::csv ? "x.csv" : "x.json", opts());
    ASSERT_TRUE(again) << again.error().message() << "\n" << out.str();
    ASSERT_EQ(again->records.size(), got->records.size());
    EXPECT_EQ(again->records[0].notes, got->records[0].notes);
    EXPECT_EQ(again->records[0].events.size(), 3u);
    EXPECT_EQ(again->records[0].events[0].legal_tags, got->records[0].events[0].legal_tags);
  }
}

TEST(RecordExport, JsonCarriesTheSourcesAndImportSkipsThem) {
  auto got = import_records_csv(kCsv, "in.csv", opts());
  ASSERT_TRUE(got);
  std::ostringstream out;
  auto writer = RecordWriter::make(ExportFormat::json, out, RedactionProfile::public_);
  writer->write_sources({{"interviews", "A", "interview", "ko", "spring 2023", 2}, {"media", "B", "", "", "", 0}});
  for (const auto& r : got->records) writer->write(r);
  writer->finish();
  auto doc = nlohmann::json::parse(out.str());
  ASSERT_EQ(doc["sources"].size(), 2u);
  EXPECT_EQ(doc["sources"][0]["source_type"], "interview");
  EXPECT_EQ(doc["sources"][0]["language"], "ko");
  EXPECT_EQ(doc["sources"][0]["source_date"], "spring 2023");
  EXPECT_EQ(doc["sources"][0]["reliability"], 2);
  EXPECT_FALSE(doc["sources"][1].contains("reliability"));
  auto again = import_records(out.str(), "x.json", opts());
  ASSERT_TRUE(again) << again.error().message();
  EXPECT_EQ(again->records.size(), got->records.size());
  // Only "sources" is skipped; other unknown keys are still errors.
  EXPECT_FALSE(import_records_json(R"({"others": [], "records": []})", "in.json", opts()));
  // CSV has no place for sources: the file is the same without them.
  std::ostringstream a, b;
  auto with = RecordWriter::make(ExportFormat::csv, a, RedactionProfile::none);
  with->write_sources({{"interviews", "A", "interview", "ko", "", 1}});
  auto without = RecordWriter::make(ExportFormat::csv, b, RedactionProfile::none);
  for (auto* w : {with.get(), without.get()}) {
    for (const auto& r : got->records) w->write(r);
    w->finish();
  }
  EXPECT_EQ(a.str(), b.str());
}

TEST(RecordImport, ReportsProgressAsAFractionOfTheFile) {
  std::string csv = "record_id,event_type\n", json = "[";
  for (int i = 0; i < 10000; ++i) {
    csv += "r" + std::to_string(i) + ",arrest_china\n";
    json += std::string(i ? "," : "") + "{\"record_id\": \"r" + std::to_string(i) + "\"}";
  }
  json += "]";
  for (bool is_json : {false, true}) {
    std::vector<double> seen;
    auto o = opts();
    o.progress = [&](double done) { seen.push_back(done); };
    auto got = is_json ? import_records_json(json, "in.json", o) : import_records_csv(csv, "in.csv", o);
    ASSERT_TRUE(got) << got.error().message();
    ASSERT_GE(seen.size(), 2u) << is_json;
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_GE(seen.front(), 0.0);
    EXPECT_LE(seen.back(), 1.0);
  }
}

TEST(Redaction, PublicProfileRemovesNamesBirthDatesAgesAndFineDates) {
  auto got = import_records_csv(kCsv, "in.csv", opts());
  ASSERT_TRUE(got);
  got->records[1].age = 47;  // with an event date it would give the birth year
  auto fake = [](const std::string& m) { return std::string(32, m.size() % 2 ? 'a' : 'b'); };
  std::ostringstream out;
  auto writer = RecordWriter::make(ExportFormat::csv, out, RedactionProfile::public_);
  for (const auto& r : got->records) writer->write(redact(r, RedactionProfile::public_, fake));
  writer->finish();
  std::string text = out.str();
  for (const char* secret : {"Pak", "박순희", "Kim", "김영철", "1979", "2006-10", "October", "spring", "said", "r1,",
                             "full_name", "birth_year", "age", "47"})
    EXPECT_EQ(text.find(secret), std::string::npos) << secret << "\n" << text;
  EXPECT_NE(text.find(",2006,"), std::string::npos);
  EXPECT_NE(text.find(",2007,"), std::string::npos);
  EXPECT_NE(text.find("Tumen"), std::string::npos);
  auto partner = redact(got->records[0], RedactionProfile::partner, fake);
  EXPECT_TRUE(partner.full_name.empty());
  EXPECT_EQ(partner.birth_year, 1979);
  EXPECT_EQ(partner.events[0].date->verbatim, "2006-10-09");
  auto internal = redact(got->records[0], RedactionProfile::internal, fake);
  EXPECT_EQ(internal.full_name, "Pak Sun-hui");
  EXPECT_TRUE(internal.notes.empty());
  EXPECT_FALSE(parse_redaction_profile("everything"));
}

}  // namespace
}  // namespace uncounted
