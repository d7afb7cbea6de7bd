#include "app/report_make.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "app/estimate_json_reader.h"
#include "app/estimate_output.h"
#include "app/sensitivity_json.h"
#include "base/scratch_folder.h"
#include "report/html_report.h"

namespace uncounted {
namespace {

namespace fs = std::filesystem;

class ReportFolder : public ::testing::Test {
 protected:
  void write(const std::string& name, const std::string& text) {
    std::ofstream out(dir_ / name, std::ios::binary);
    out << text;
  }
  ScratchFolder scratch_{"report_test"};
  fs::path dir_ = scratch_.path();
};

EstimateReport sample_estimate() {
  EstimateReport r;
  r.total.observed = 120;
  r.total.lists = {"A", "B"};
  MethodEstimate e;
  e.method = "loglinear";
  e.model = "[A][B]";
  e.criterion = "bic";
  e.n_hat = 150.4;
  e.lower = 130;
  e.upper = 190.5;
  e.interval = "profile likelihood";
  e.recommended = true;
  e.reason = "the only one";
  r.total.estimates.push_back(e);
  e.method = "chao";
  e.upper.reset();
  e.recommended = false;
  r.total.estimates.push_back(e);
  r.total.models_compared.push_back({"[A][B]", 150.4, 10.5, 11.5, 0.25, 0});
  r.total.warnings.push_back("a warning");
  TableEstimate s = r.total;
  s.stratum = "2000-2004";
  r.strata.push_back(s);
  r.seed = 7;
  r.version = "0.1.0";
  r.dependencies = {{"Eigen", "3.4.0"}};
  return r;
}

TEST(EstimateJsonReader, ReadsBackWhatEstimateWrites) {
  const EstimateReport r = sample_estimate();
  auto back = parse_estimate_json(format_estimate_json(r), "estimate.json");
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(format_estimate_json(*back), format_estimate_json(r));
}

TEST(EstimateJsonReader, ErrorsNameTheFileNotTheText) {
  auto bad = parse_estimate_json("{\"observed\": \"Kim Yong Chol\"", "estimate.json");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message().find("estimate.json"), std::string::npos);
  EXPECT_EQ(bad.error().message().find("Kim"), std::string::npos);
  auto wrong = parse_estimate_json("{\"observed\": \"Kim Yong Chol\", \"lists\": [], \"estimates\": []}", "e.json");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().message().find("Kim"), std::string::npos);
}

TEST_F(ReportFolder, PublicReportHoldsNoNameDateOrId) {
  write("estimate.json", format_estimate_json(sample_estimate()));
  write("histories.csv", "entity_id,A,B,stratum\n1,1,1,2000-2004\n2,1,0,2000-2004\n3,0,1,2000-2004\n");
  write("records.csv",
        "record_id,source,list,full_name,birth_date,event_type,event_date,sentence_months\n"
        "kim-yong-chol-1975,field-office-x,A,Kim Yong Chol,1975-03-12,repatriation,2003-05,\n"
        "kim-yong-chol-1975,field-office-x,A,Kim Yong Chol,1975-03-12,sentence,2003-06,3\n"
        "pak-sun-hui-1980,field-office-x,A,박순희,1980-07-01,repatriation,2004,\n"
        "ri-myong-su,field-office-x,B,Ri Myong Su,,arrest_china,unknown,\n");
  write("clusters.csv",
        "record_id,source,list,cluster_id\nkim-yong-chol-1975,field-office-x,A,1\npak-sun-hui-1980,field-office-x,A,2\n"
        "ri-myong-su,field-office-x,B,1\n");
  write("pairs.csv", "left_id,right_id,match_weight,match_probability\nkim-yong-chol-1975,ri-myong-su,7.5,0.99\n");
  auto data = load_report_data(dir_.string(), false);
  ASSERT_TRUE(data) << data.error().message();
  ASSERT_TRUE(data->estimates && data->overlap && data->timeline && data->sentences && data->linkage);
  EXPECT_EQ(data->provenance.seed, 7u);
  EXPECT_EQ(data->provenance.inputs.size(), 5u);
  // Months (the events span two years): the arrest of unknown date and the repatriation known
  // only to the year are undated.
  EXPECT_EQ(data->timeline->unit, "month");
  EXPECT_EQ(data->timeline->undated, 2);
  EXPECT_EQ(data->linkage->entities, 2);
  EXPECT_EQ(data->linkage->pairs_linked.size(), 1u);
  EXPECT_EQ(data->linkage->pairs_linked[0], 1);
  for (auto audience : {report::Audience::kPublic, report::Audience::kInternal}) {
    const std::string html = report::render_report_html(*data, audience);
    for (const char* secret : {"Kim Yong Chol", "박순희", "Ri Myong Su", "1975-03-12", "1980-07-01",
                               "kim-yong-chol", "pak-sun-hui", "ri-myong-su", "field-office-x"})
      EXPECT_EQ(html.find(secret), std::string::npos) << secret;
    EXPECT_NE(html.find("<svg"), std::string::npos);
  }
}

TEST_F(ReportFolder, WritesTheFileAndRefusesAnEmptyFolder) {
  auto empty = make_report({dir_.string(), (dir_ / "r.html").string(), report::Audience::kPublic, false});
  ASSERT_FALSE(empty);
  EXPECT_FALSE(fs::exists(dir_ / "r.html"));
  write("estimate.json", format_estimate_json(sample_estimate()));
  auto made = make_report({dir_.string(), (dir_ / "r.html").string(), report::Audience::kPublic, true});
  ASSERT_TRUE(made) << made.error().message();
  EXPECT_EQ(made->inputs, std::vector<std::string>{"estimate.json"});
  EXPECT_EQ(made->left_out.size(), 5u);
  EXPECT_GT(fs::file_size(dir_ / "r.html"), 1000u);
  EXPECT_FALSE(fs::exists(dir_ / ".r.html.tmp"));
}

TEST_F(ReportFolder, TheTemporaryFileNeverWritesIntoWhatIsThere) {
  write("estimate.json", format_estimate_json(sample_estimate()));
  const std::string out = (dir_ / "r.html").string();
  // A store where the temporary file goes: refused like --out itself.
  write(".r.html.tmp", "UNCSTOR1 and the rest of an encrypted store");
  auto refused = make_report({dir_.string(), out, report::Audience::kPublic, true});
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message().find("its temporary file"), std::string::npos);
  EXPECT_FALSE(fs::exists(out));
  // A link there (say, to a notes file): the link is replaced, what it
  // points at is not written through.
  fs::remove(dir_ / ".r.html.tmp");
  write("notes.txt", "my notes");
  fs::create_symlink(dir_ / "notes.txt", dir_ / ".r.html.tmp");
  auto made = make_report({dir_.string(), out, report::Audience::kPublic, true});
  ASSERT_TRUE(made) << made.error().message();
  std::ifstream notes(dir_ / "notes.txt");
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(notes), {}), "my notes");
  EXPECT_GT(fs::file_size(out), 1000u);
  EXPECT_FALSE(fs::exists(fs::symlink_status(dir_ / ".r.html.tmp")));
  // A folder there is not removed (even an empty one): the report fails.
  fs::create_directory(dir_ / ".r.html.tmp");
  auto blocked = make_report({dir_.string(), out, report::Audience::kPublic, true});
  EXPECT_FALSE(blocked);
  EXPECT_TRUE(fs::is_directory(dir_ / ".r.html.tmp"));
}

TEST_F(ReportFolder, ReadsAnOptionalSensitivityFile) {
  write("estimate.json", format_estimate_json(sample_estimate()));
  auto without = load_report_data(dir_.string(), false);
  ASSERT_TRUE(without) << without.error().message();
  EXPECT_FALSE(without->sensitivity);

  report::LinkageSensitivity s;
  s.run_threshold = 0.5;
  s.seed = 7;
  for (double t : {0.2, 0.5, 0.8}) {
    report::SensitivityRow row;
    row.threshold = t;
    row.entities = row.documented = static_cast<std::int64_t>(150 - 40 * t);
    row.estimates.push_back({"loglinear", "[A][B]", "bic", 200 - 50 * t, 180 - 50 * t, 230 - 50 * t, 0.95,
                             "profile likelihood", true, "the only one"});
    s.rows.push_back(std::move(row));
  }
  write("sensitivity.json", format_sensitivity_json(s));
  auto data = load_report_data(dir_.string(), false);
  ASSERT_TRUE(data) << data.error().message();
  ASSERT_TRUE(data->sensitivity);
  EXPECT_EQ(format_sensitivity_json(*data->sensitivity), format_sensitivity_json(s));
  EXPECT_EQ(data->provenance.inputs.size(), 2u);
  EXPECT_EQ(data->provenance.inputs[1].label, "sensitivity.json");
  const std::string html = report::render_report_html(*data, report::Audience::kPublic);
  EXPECT_NE(html.find("Between the loosest threshold (0.2) and the strictest (0.8)"), std::string::npos);

  write("sensitivity.json", "{\"run_threshold\": 0.5, \"rows\": 3}");
  auto bad = load_report_data(dir_.string(), false);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message().find("sensitivity.json"), std::string::npos);
}

}  // namespace
}  // namespace uncounted
