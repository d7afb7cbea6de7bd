#include "app/linkage_sensitivity.h"

#include <cmath>

#include <gtest/gtest.h>

#include "app/sensitivity_json.h"
#include "link/linker.h"
#include "report/html_report.h"

namespace uncounted {
namespace {

using link::ComparatorKind;

// Three lists over 60 people (55 of them on at least one list). Each person has a distinct given name, one
// of 12 family names and a birth year; the copies on lists B and C carry
// small variations (a changed letter, a year off by one) for some people,
// so a strict threshold keeps those copies apart and a loose one links them.
link::RecordTable make_table() {
  link::RecordTable t;
  t.sources = {"a", "b", "c"};
  t.lists = {"A", "B", "C"};
  t.column_names = {"given", "family", "born"};
  t.columns.assign(3, {});
  auto word = [](unsigned seed, int length) {
    std::string w;
    for (int i = 0; i < length; ++i) {
      seed = seed * 1103515245u + 12345u;
      w.push_back(static_cast<char>('a' + (seed >> 16) % 26));
    }
    return w;
  };
  auto add = [&](std::uint32_t list, const std::string& given, const std::string& family, int born) {
    t.record_ids.push_back(std::to_string(t.record_ids.size() + 1));
    t.source_of.push_back(list);
    t.list_of.push_back(list);
    t.columns[0].push_back(given);
    t.columns[1].push_back(family);
    t.columns[2].push_back(std::to_string(born));
  };
  for (int p = 0; p < 60; ++p) {
    const std::string given = word(static_cast<unsigned>(p) * 7 + 3, 7);
    const std::string family = word(static_cast<unsigned>(p % 12) + 500, 5);
    const int born = 1950 + (p * 13) % 45;
    if (p % 4 != 3) add(0, given, family, born);
    if (p % 3 != 0) {
      // Every fifth copy on B has a changed last letter.
      std::string g = given;
      if (p % 5 == 0) g.back() = g.back() == 'z' ? 'y' : 'z';
      add(1, g, family, born);
    }
    if (p % 2 == 0) {
      // Every third copy on C has its birth year off by one.
      add(2, given, family, p % 3 == 1 ? born + 1 : born);
    }
  }
  return t;
}

link::FieldSpec field(const std::string& name, ComparatorKind kind, std::vector<double> thresholds) {
  link::FieldSpec f;
  f.name = name;
  f.kind = kind;
  f.columns = {name};
  f.thresholds = std::move(thresholds);
  return f;
}

link::LinkSpec make_spec() {
  link::LinkSpec spec;
  spec.fields = {field("given", ComparatorKind::kJaroWinkler, {0.9}),
                 field("family", ComparatorKind::kExact, {}),
                 field("born", ComparatorKind::kYear, {1})};
  link::BlockingRule by_family;
  by_family.name = "family";
  by_family.parts = {link::KeyPart{"family", link::KeyTransform::kExact, 0}};
  spec.blocking = {by_family};
  spec.prior_rules = {{"given", "family", "born"}};
  spec.link_type = link::LinkType::kLinkOnly;
  spec.clustering.one_per_list = true;
  spec.threshold = 0.5;
  spec.threads = 2;
  return spec;
}

EstimateOptions loglinear_only() {
  EstimateOptions o;
  o.method = EstimateMethod::kLoglinear;
  o.seed = 11;
  return o;
}

TEST(LinkageSensitivity, DefaultThresholdsAreEvenlySpacedInMatchWeight) {
  const auto t = default_sensitivity_thresholds(0.5);
  ASSERT_EQ(t.size(), 5u);
  EXPECT_NEAR(t[0], 1.0 / 17, 1e-12);
  EXPECT_NEAR(t[1], 0.2, 1e-12);
  EXPECT_EQ(t[2], 0.5);
  EXPECT_NEAR(t[3], 0.8, 1e-12);
  EXPECT_NEAR(t[4], 16.0 / 17, 1e-12);
  // Near 1 they stay apart and inside (0, 1); below the review floor they are dropped.
  const auto high = default_sensitivity_thresholds(0.99);
  for (std::size_t i = 1; i < high.size(); ++i) EXPECT_LT(high[i - 1], high[i]);
  EXPECT_LT(high.back(), 1.0);
  EXPECT_EQ(default_sensitivity_thresholds(0.05, 0.01).size(), 4u);
}

TEST(LinkageSensitivity, RejectsBadThresholds) {
  const auto table = make_table();
  const auto spec = make_spec();
  EXPECT_FALSE(linkage_sensitivity(table, spec, {}, {}, loglinear_only()));
  EXPECT_FALSE(linkage_sensitivity(table, spec, {}, {0.5, 1.0}, loglinear_only()));
  EXPECT_FALSE(linkage_sensitivity(table, spec, {}, {0.0}, loglinear_only()));
  EXPECT_FALSE(linkage_sensitivity(table, spec, {}, {-0.2}, loglinear_only()));
  EXPECT_FALSE(linkage_sensitivity(table, spec, {}, {std::nan("")}, loglinear_only()));
  auto below_floor = linkage_sensitivity(table, spec, {}, {0.005}, loglinear_only());
  ASSERT_FALSE(below_floor);
  EXPECT_NE(below_floor.error().message().find("review floor"), std::string::npos);
}

TEST(LinkageSensitivity, StricterThresholdsSplitAndTheRunsRowIsADirectRun) {
  const auto table = make_table();
  const auto spec = make_spec();
  const EstimateOptions options = loglinear_only();
  std::size_t calls = 0;
  auto s = linkage_sensitivity(table, spec, {}, {0.999, 0.5, 0.02, 0.5}, options, {},
                               [&](std::size_t done, std::size_t total) {
                                 ++calls;
                                 EXPECT_EQ(done, calls);
                                 EXPECT_EQ(total, 3u);
                               });
  ASSERT_TRUE(s) << s.error().message();
  EXPECT_EQ(calls, 3u);
  EXPECT_EQ(s->run_threshold, 0.5);
  EXPECT_EQ(s->seed, 11u);
  ASSERT_EQ(s->rows.size(), 3u);  // sorted, duplicate dropped
  EXPECT_EQ(s->rows[0].threshold, 0.02);
  EXPECT_EQ(s->rows[2].threshold, 0.999);
  // Looser thresholds merge more: entities never increase as the threshold falls.
  for (std::size_t i = 1; i < s->rows.size(); ++i) EXPECT_LE(s->rows[i - 1].entities, s->rows[i].entities);
  EXPECT_LT(s->rows[1].entities, s->rows[2].entities);  // the strictest splits the varied copies
  for (const auto& row : s->rows) {
    EXPECT_EQ(row.documented, row.entities);
    EXPECT_GE(row.entities, 55);  // 55 people have records; no two share a given name
    EXPECT_LE(row.entities, static_cast<std::int64_t>(table.size()));
    int recommended = 0;
    for (const auto& e : row.estimates) recommended += e.recommended ? 1 : 0;
    EXPECT_EQ(recommended, row.estimates.empty() ? 0 : 1);
  }

  // The run's row is what link + histories + estimate give directly.
  auto linked = link::link_records(table, spec, {});
  ASSERT_TRUE(linked);
  CaptureHistoriesFile h;
  h.lists = table.lists;
  h.aggregated = true;
  h.total.counts.assign(8, 0);
  std::vector<std::uint32_t> pattern(linked->summary.entities, 0);
  for (std::size_t r = 0; r < table.size(); ++r) pattern[linked->cluster_of[r]] |= 1u << table.list_of[r];
  for (auto p : pattern) h.total.counts[p] += 1;
  auto direct = estimate_population(h, options);
  ASSERT_TRUE(direct);
  const auto& run = s->rows[1];
  EXPECT_EQ(run.entities, static_cast<std::int64_t>(linked->summary.entities));
  EXPECT_EQ(run.documented, direct->total.observed);
  ASSERT_EQ(run.estimates.size(), direct->total.estimates.size());
  ASSERT_FALSE(run.estimates.empty());
  for (std::size_t i = 0; i < run.estimates.size(); ++i) {
    EXPECT_EQ(run.estimates[i].method, direct->total.estimates[i].method);
    EXPECT_EQ(run.estimates[i].model, direct->total.estimates[i].model);
    EXPECT_EQ(run.estimates[i].n_hat, direct->total.estimates[i].n_hat);
    EXPECT_EQ(run.estimates[i].lower, direct->total.estimates[i].lower);
    EXPECT_EQ(run.estimates[i].upper, direct->total.estimates[i].upper);
    EXPECT_EQ(run.estimates[i].recommended, direct->total.estimates[i].recommended);
  }

  // Through the JSON file and into a report: every row, no record content.
  auto back = parse_sensitivity_json(format_sensitivity_json(*s), "sensitivity.json");
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(format_sensitivity_json(*back), format_sensitivity_json(*s));
  report::ReportData data;
  data.sensitivity = *back;
  const std::string html = report::render_report_html(data, report::Audience::kPublic);
  EXPECT_NE(html.find("Between the loosest threshold"), std::string::npos);
  EXPECT_NE(html.find("0.5 (this run)"), std::string::npos);
  for (std::size_t r = 0; r < table.size(); ++r) EXPECT_EQ(html.find(table.columns[0][r]), std::string::npos);
}

TEST(LinkageSensitivity, ReviewersDecisionsHoldAtEveryThreshold) {
  const auto table = make_table();
  const auto spec = make_spec();
  // Person 0's records on lists A and C, declared one person by a reviewer:
  // at 0.5 the model links them anyway; at 0.999 it links nothing, but the
  // decision still holds.
  std::uint32_t a = 0, c = 0;
  while (table.list_of[a] != 0) ++a;
  while (table.list_of[c] != 2 || table.columns[0][c] != table.columns[0][a]) ++c;
  const std::vector<link::ClericalDecision> decisions{{a, c, true}};
  auto with = linkage_sensitivity(table, spec, {}, {0.5, 0.999}, loglinear_only(), decisions);
  auto without = linkage_sensitivity(table, spec, {}, {0.5, 0.999}, loglinear_only());
  ASSERT_TRUE(with && without);
  EXPECT_EQ(with->rows[0].entities, without->rows[0].entities);
  EXPECT_EQ(with->rows[1].entities + 1, without->rows[1].entities);
  // Conflicting decisions are the linkage's error.
  EXPECT_FALSE(linkage_sensitivity(table, spec, {}, {0.5}, loglinear_only(), {{a, c, true}, {a, c, false}}));
}

TEST(SensitivityJson, RoundTripsEveryField) {
  report::LinkageSensitivity s;
  s.run_threshold = 0.5;
  s.seed = 42;
  report::SensitivityRow row;
  row.threshold = 1.0 / 17;
  row.entities = 950;
  row.documented = 950;
  row.estimates.push_back({"loglinear", "[AB][C]", "bic", 1210.123456789, 1100.5, 1350.25, 0.95,
                           "profile likelihood", true, "lowest BIC"});
  row.estimates.push_back({"chao", "Mth Chao (LB)", "", 1190, 1000, std::nullopt, 0.95, "", false, ""});
  s.rows.push_back(row);
  row.threshold = 0.8;
  row.entities = 1001;
  row.documented = 1001;
  row.estimates.clear();
  s.rows.push_back(row);
  const std::string json = format_sensitivity_json(s);
  auto back = parse_sensitivity_json(json, "sensitivity.json");
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(back->run_threshold, 0.5);
  EXPECT_EQ(back->seed, 42u);
  ASSERT_EQ(back->rows.size(), 2u);
  EXPECT_EQ(back->rows[0].threshold, 1.0 / 17);
  EXPECT_EQ(back->rows[0].entities, 950);
  ASSERT_EQ(back->rows[0].estimates.size(), 2u);
  const auto& e = back->rows[0].estimates[0];
  EXPECT_EQ(e.method, "loglinear");
  EXPECT_EQ(e.model, "[AB][C]");
  EXPECT_EQ(e.criterion, "bic");
  EXPECT_EQ(e.n_hat, 1210.123456789);
  EXPECT_EQ(e.upper, 1350.25);
  EXPECT_TRUE(e.recommended);
  EXPECT_EQ(e.reason, "lowest BIC");
  EXPECT_FALSE(back->rows[0].estimates[1].upper);
  EXPECT_TRUE(back->rows[1].estimates.empty());
  EXPECT_EQ(format_sensitivity_json(*back), json);
}

TEST(SensitivityJson, ErrorsNameTheFileNotTheText) {
  for (const char* bad : {"{\"run_threshold\": \"Kim Yong Chol\"", "{\"run_threshold\": \"Kim Yong Chol\", \"rows\": []}",
                          "{\"run_threshold\": 0.5}", "{\"run_threshold\": 1.5, \"rows\": []}",
                          "{\"run_threshold\": 0.5, \"rows\": [{\"threshold\": 0.5, \"entities\": -1, "
                          "\"estimates\": []}]}",
                          "{\"run_threshold\": 0.5, \"rows\": [{\"threshold\": 0.5, \"entities\": 3, "
                          "\"estimates\": [{\"method\": \"chao\", \"N\": \"Kim\"}]}]}"}) {
    auto r = parse_sensitivity_json(bad, "sensitivity.json");
    ASSERT_FALSE(r) << bad;
    EXPECT_NE(r.error().message().find("sensitivity.json"), std::string::npos);
    EXPECT_EQ(r.error().message().find("Kim"), std::string::npos);
  }
}

}  // namespace
}  // namespace uncounted
