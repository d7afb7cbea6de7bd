#include "app/simulate_run.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "base/csv_reader.h"
#include "io/record_import.h"

namespace uncounted {
namespace {

namespace fs = std::filesystem;

std::string shared_data() {
  const char* env = std::getenv("UNCOUNTED_SHARED_DATA");
  return env != nullptr ? env : UNCOUNTED_SHARED_DATA;
}

std::string slurp(const fs::path& p) {
  auto text = read_file(p.string());
  return text ? *text : std::string("<unreadable>");
}

class SimulateRun : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("uncounted_simulate_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  SimulateRunOptions options(const std::string& sub) const {
    SimulateRunOptions o;
    o.people = 400;
    o.sources = 4;
    o.seed = 5;
    o.first_year = 2000;
    o.last_year = 2019;
    o.out_dir = (dir_ / sub).string();
    o.data_dir = shared_data();
    return o;
  }
  fs::path dir_;
};

TEST(SimulateScenario, NamesAndSources) {
  for (auto s : {SimulateScenario::kPresets, SimulateScenario::kIndependent, SimulateScenario::kHeterogeneous,
                 SimulateScenario::kDependent})
    EXPECT_EQ(parse_simulate_scenario(simulate_scenario_name(s)), s);
  EXPECT_FALSE(parse_simulate_scenario("Independent"));
  EXPECT_FALSE(parse_simulate_scenario(""));

  // The coverage study's scenarios (docs/COVERAGE.md).
  const auto presets = simulate::scenario_sources(6, SimulateScenario::kPresets);
  EXPECT_EQ(presets[3].depends_on, 0);
  EXPECT_GT(presets[0].heterogeneity, 0);
  for (const auto& s : simulate::scenario_sources(6, SimulateScenario::kIndependent)) {
    EXPECT_EQ(s.heterogeneity, 0);
    EXPECT_EQ(s.depends_on, -1);
  }
  const auto het = simulate::scenario_sources(6, SimulateScenario::kHeterogeneous);
  for (std::size_t k = 0; k < het.size(); ++k) {
    EXPECT_DOUBLE_EQ(het[k].heterogeneity, 1.5 * presets[k].heterogeneity);
    EXPECT_EQ(het[k].depends_on, -1);
  }
  const auto dep = simulate::scenario_sources(6, SimulateScenario::kDependent);
  const int on[6] = {-1, 0, 1, 0, -1, 4};
  const double by[6] = {0, 1.0, -0.7, 1.0, 0, 1.0};
  for (std::size_t k = 0; k < dep.size(); ++k) {
    EXPECT_EQ(dep[k].heterogeneity, presets[k].heterogeneity);
    EXPECT_EQ(dep[k].depends_on, on[k]) << k;
    EXPECT_EQ(dep[k].dependence, by[k]) << k;
  }
  // With fewer sources, a dependence on a source left out is dropped.
  EXPECT_EQ(simulate::scenario_sources(2, SimulateScenario::kDependent).size(), 2u);
}

TEST(SimulateScenario, PeriodLabelsAreThoseOfHistories) {
  EXPECT_EQ(simulate_period_label(2000), "2000-2004");
  EXPECT_EQ(simulate_period_label(2004), "2000-2004");
  EXPECT_EQ(simulate_period_label(2005), "2005-2009");
  EXPECT_EQ(simulate_period_label(2019), "2015-2019");
  EXPECT_EQ(simulate_period_label(1999), "1995-1999");
}

TEST(SimulateScenario, BadOptionsAreNamed) {
  SimulateRunOptions o;
  o.out_dir = "x";
  o.current_year = 2026;
  EXPECT_TRUE(check_simulate_options(o));
  const auto message = [](SimulateRunOptions bad) {
    auto ok = check_simulate_options(bad);
    return ok ? std::string() : ok.error().message();
  };
  auto bad = o;
  bad.people = 0;
  EXPECT_NE(message(bad).find("--people"), std::string::npos);
  bad = o;
  bad.sources = 7;
  EXPECT_NE(message(bad).find("--sources"), std::string::npos);
  bad = o;
  bad.first_year = 2010;
  bad.last_year = 2005;
  EXPECT_NE(message(bad).find("after --last-year"), std::string::npos);
  bad = o;
  bad.last_year = 2026;  // this year: dates could lie in the future
  EXPECT_NE(message(bad).find("--last-year"), std::string::npos);
  bad = o;
  bad.first_year = 1900;
  EXPECT_NE(message(bad).find("--first-year"), std::string::npos);
  bad = o;
  bad.out_dir.clear();
  EXPECT_NE(message(bad).find("--out"), std::string::npos);
}

TEST_F(SimulateRun, WritesListsTruthAndManifestThatAgree) {
  auto report = run_simulate(options("a"));
  ASSERT_TRUE(report) << report.error().message();
  const fs::path out = dir_ / "a";
  EXPECT_EQ(report->people, 400u);
  ASSERT_EQ(report->lists.size(), 4u);
  EXPECT_EQ(report->lists[0].file, "nkdb_interviews.csv");

  // Each list imports as its source and list; records and people match the
  // report; no truth column; some records carry the detention as a second row.
  std::size_t records = 0, detention = 0;
  for (const auto& l : report->lists) {
    const std::string text = slurp(out / l.file);
    EXPECT_EQ(text.find("person_id"), std::string::npos) << l.file;
    RecordImportOptions import;
    import.source = l.source;
    import.list = l.list;
    auto imported = import_records_csv(text, l.file, import);
    ASSERT_TRUE(imported) << imported.error().message();
    EXPECT_EQ(imported->records.size(), l.records) << l.file;
    std::size_t two = 0;
    for (const auto& r : imported->records) two += r.events.size() == 2;
    EXPECT_EQ(two, l.detention_records) << l.file;
    EXPECT_EQ(imported->rows, l.records + l.detention_records) << l.file;
    records += l.records;
    detention += l.detention_records;
  }
  EXPECT_EQ(records, report->records);
  EXPECT_GT(report->lists[0].detention_records, report->lists[2].detention_records);
  EXPECT_GT(detention, 20u);

  // The truth: every record with its person, every person with a period.
  auto with_truth = parse_csv(slurp(out / "truth" / "records_with_truth.csv"), "records_with_truth.csv");
  ASSERT_TRUE(with_truth);
  EXPECT_EQ(with_truth->header.back(), "person_id");
  EXPECT_EQ(with_truth->rows.size(), records + detention);
  auto people = parse_csv(slurp(out / "truth" / "people.csv"), "people.csv");
  ASSERT_TRUE(people);
  ASSERT_EQ(people->rows.size(), 400u);
  EXPECT_EQ(people->header.back(), "repatriation_period");
  std::map<std::string, std::size_t> per_period;
  for (const auto& row : people->rows) ++per_period[row.fields.back()];
  ASSERT_EQ(report->periods.size(), 4u);
  std::size_t total = 0;
  for (const auto& p : report->periods) {
    EXPECT_EQ(per_period[p.period], p.people) << p.period;
    EXPECT_LE(p.observed, p.people);
    total += p.people;
  }
  EXPECT_EQ(total, 400u);
  EXPECT_EQ(report->periods.front().period, "2000-2004");
  EXPECT_EQ(report->periods.back().period, "2015-2019");

  const std::string manifest = slurp(out / "MANIFEST.txt");
  EXPECT_EQ(manifest.rfind("SYNTHETIC DATA", 0), 0u);
  EXPECT_NE(manifest.find("--people 400 --sources 4 --seed 5 --first-year 2000 --last-year 2019"),
            std::string::npos);
  EXPECT_NE(manifest.find("true total: 400 people"), std::string::npos);
  for (const auto& p : report->periods)
    EXPECT_NE(manifest.find(p.period), std::string::npos) << p.period;
  EXPECT_NE(format_simulate_report(*report).find("SYNTHETIC"), std::string::npos);
}

TEST_F(SimulateRun, SameOptionsSameBytesAndAnEarlierSimulationIsReplaced) {
  ASSERT_TRUE(run_simulate(options("a")));
  ASSERT_TRUE(run_simulate(options("b")));
  for (const char* f : {"nkdb_interviews.csv", "un_submissions.csv", "truth/people.csv",
                        "truth/records_with_truth.csv", "MANIFEST.txt"})
    EXPECT_EQ(slurp(dir_ / "a" / f), slurp(dir_ / "b" / f)) << f;
  // Again into "a" with fewer sources: the old lists go.
  auto fewer = options("a");
  fewer.sources = 2;
  ASSERT_TRUE(run_simulate(fewer));
  EXPECT_TRUE(fs::exists(dir_ / "a" / "ngo_reports.csv"));
  EXPECT_FALSE(fs::exists(dir_ / "a" / "un_submissions.csv"));
  auto other_seed = options("c");
  other_seed.seed = 6;
  ASSERT_TRUE(run_simulate(other_seed));
  EXPECT_NE(slurp(dir_ / "b" / "nkdb_interviews.csv"), slurp(dir_ / "c" / "nkdb_interviews.csv"));
}

TEST_F(SimulateRun, RefusesAFolderWithOtherFilesAndMissingTables) {
  fs::create_directories(dir_ / "busy");
  std::ofstream(dir_ / "busy" / "notes.txt") << "mine";
  auto r = run_simulate(options("busy"));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("other files"), std::string::npos);
  EXPECT_TRUE(fs::exists(dir_ / "busy" / "notes.txt"));

  auto no_tables = options("d");
  no_tables.data_dir = (dir_ / "nowhere").string();
  r = run_simulate(no_tables);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("surnames.csv"), std::string::npos) << r.error().message();
}

}  // namespace
}  // namespace uncounted
