#include "report/html_report.h"

#include <gtest/gtest.h>

#include "report/column_chart.h"
#include "report/upset_chart.h"

namespace uncounted::report {
namespace {

constexpr const char* kScript = "<script>alert(1)</script>";

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

StratumEstimates table(const std::string& label, std::int64_t documented, double n) {
  StratumEstimates t;
  t.label = label;
  t.documented = documented;
  t.estimates.push_back({"loglinear", "[AB][C]", "bic", n * 0.95, n * 0.8, n * 1.3, 0.95, "profile likelihood",
                         false, ""});
  t.estimates.push_back({"lcmcr", "latent classes (K=10)", "", n, n * 0.85, std::nullopt, 0.95,
                         "equal-tailed posterior", true, "mixes well"});
  t.models_compared.push_back({"[AB][C]", n * 0.95, 100.5, 110.25, 3.5, 2});
  t.models_considered = 8;
  return t;
}

struct SensitivityPoint {
  double threshold;
  std::int64_t documented;
  double n;
};

// Rows with a log-linear estimate (recommended, interval n*0.9 to n*1.1)
// and a Chao lower bound; the run's threshold is 0.5.
LinkageSensitivity sensitivity(const std::vector<SensitivityPoint>& points) {
  LinkageSensitivity s;
  s.run_threshold = 0.5;
  s.seed = 42;
  for (const auto& p : points) {
    SensitivityRow row;
    row.threshold = p.threshold;
    row.entities = p.documented;
    row.documented = p.documented;
    row.estimates.push_back({"loglinear", "[AB][C]", "bic", p.n, p.n * 0.9, p.n * 1.1, 0.95, "profile likelihood",
                             true, "lowest BIC"});
    row.estimates.push_back({"chao", "Mth Chao (LB)", "", p.n * 0.8, p.n * 0.7, std::nullopt, 0.95, "", false, ""});
    s.rows.push_back(std::move(row));
  }
  return s;
}

ReportData full_data() {
  ReportData d;
  d.synthetic = true;
  EstimatesSection e;
  e.total = table("", 1207, 2400);
  e.strata.push_back(table("2000-2004", 400, 900));
  e.strata.push_back(table("2005-2009", 804, 1500));
  e.strata.push_back(table("2010-2014", 3, 10));
  d.estimates = e;
  OverlapSection o;
  o.lists = {"interviews", "media", "ngo"};
  o.pattern_counts = {0, 300, 250, 60, 400, 40, 3, 154};
  d.overlap = o;
  TimelineSection t;
  t.bins = {"2003", "2004", "2005"};
  t.unit = "year";
  t.counted = "people";
  t.series.push_back({"repatriation", {20, 3, 41}});
  t.undated = 7;
  d.timeline = t;
  SentenceSection s;
  s.categories = {"under 6 months", "6 months to 2 years", "2 to 5 years", "5 years or more"};
  s.counted = "people";
  s.rows.push_back({"2000-2004", {50, 12, 2, 0}, 4.0});
  s.rows.push_back({"2005-2009", {3, 4, 30, 9}, 36.0});
  d.sentences = s;
  LinkageSection l;
  l.records = 2017;
  l.entities = 1207;
  l.weight_start = -10;
  l.weight_width = 2;
  l.pairs_linked = {0, 0, 0, 0, 2, 30, 400, 600};
  l.pairs_unlinked = {900, 300, 40, 12, 3, 1, 0, 0};
  l.has_pairs = true;
  l.cluster_sizes = {{1, 600}, {2, 400}, {3, 200}, {4, 6}, {7, 1}};
  d.linkage = l;
  d.sensitivity = sensitivity({{0.2, 1150, 2200}, {0.5, 1207, 2400}, {0.8, 1260, 2500}});
  d.provenance.version = "0.1.0";
  d.provenance.dependencies = {{"Eigen", "3.4.0"}};
  d.provenance.seed = 42;
  d.provenance.inputs.push_back({"estimate.json", std::string(64, 'a'), true});
  return d;
}

TEST(HtmlReport, SelfContainedWithEveryChart) {
  const std::string html = render_report_html(full_data(), Audience::kPublic);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("Content-Security-Policy\" content=\"default-src 'none'"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(html.find("href=\"http"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  // totals, overlap, one timeline series, sentences, weights, entity sizes, sensitivity.
  EXPECT_EQ(occurrences(html, "<svg "), 7u);
  EXPECT_NE(html.find("Synthetic data."), std::string::npos);
  EXPECT_NE(html.find(std::string(64, 'a')), std::string::npos);
  EXPECT_NE(html.find("Random seed</th><td>42"), std::string::npos);
  EXPECT_EQ(html.find("class=\"absent\""), std::string::npos);
}

TEST(HtmlReport, SameDataSameBytes) {
  EXPECT_EQ(render_report_html(full_data(), Audience::kPublic), render_report_html(full_data(), Audience::kPublic));
}

TEST(HtmlReport, TextFromTheDataIsEscaped) {
  ReportData d = full_data();
  d.title = kScript;
  d.overlap->lists[1] = kScript;
  d.estimates->strata[0].label = kScript;
  d.estimates->total.warnings.push_back(kScript);
  d.timeline->series[0].event_type = kScript;
  d.sentences->categories[0] = kScript;
  d.provenance.inputs[0].label = kScript;
  d.notes.push_back(kScript);
  d.sensitivity->rows[0].estimates[0].method = kScript;
  for (auto audience : {Audience::kPublic, Audience::kInternal}) {
    const std::string html = render_report_html(d, audience);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("alert(1)</"), std::string::npos);
    EXPECT_GE(occurrences(html, "&lt;script&gt;alert(1)&lt;/script&gt;"), 8u);
  }
}

// Strata read from files carry whatever column they were made from (origin
// place, birth year) as labels: a public report withholds the label of a
// stratum of fewer than 5 people, unless uncounted made the strata itself as
// periods; and the names of input files that are not uncounted's own.
TEST(HtmlReport, PublicWithholdsLabelsThatCouldPointAtSomeone) {
  ReportData d = full_data();
  d.estimates->strata.clear();
  d.estimates->strata.push_back(table("Zzvillage", 3, 10));
  d.estimates->strata.push_back(table("Hyesan", 700, 1400));
  d.estimates->strata.push_back(table("1933", 2, 8));
  d.estimates->strata.push_back(table("Zzother", 1, 4));
  d.estimates->total = table("", 706, 1422);
  d.provenance.inputs.push_back({"interview_zzname.csv", std::string(64, 'b')});
  const std::string pub = render_report_html(d, Audience::kPublic);
  const std::string internal = render_report_html(d, Audience::kInternal);
  for (const char* withheld : {"Zzvillage", "Zzother", "zzname", ">1933<", "Stratum 1933"})
    EXPECT_EQ(pub.find(withheld), std::string::npos) << withheld;
  const std::string digest(64, 'b');
  for (const std::string& shown : {std::string("withheld 1"), std::string("withheld 2"), std::string("withheld 3"),
                                   std::string("Stratum withheld 1"), std::string("Hyesan"),
                                   std::string("estimate.json"), std::string("input file 1 (name withheld)"), digest})
    EXPECT_NE(pub.find(shown), std::string::npos) << shown;
  for (const char* shown : {"Zzvillage", "Zzother", "interview_zzname.csv", "Hyesan", "1933"})
    EXPECT_NE(internal.find(shown), std::string::npos) << shown;

  // Periods made by uncounted keep their labels, small or not.
  d.estimates->strata = {table("2000-2004", 2, 8), table("2005-2009", 704, 1414)};
  d.estimates->strata_are_periods = true;
  const std::string periods = render_report_html(d, Audience::kPublic);
  EXPECT_NE(periods.find("Period 2000-2004"), std::string::npos);
  EXPECT_EQ(periods.find("withheld 1"), std::string::npos);
}

// A stratum whose count is not published keeps no warning with a number in
// it: "only 3 people observed" would give the count away, and for a stratum
// hidden to protect another one, a count that can be subtracted.
TEST(HtmlReport, PublicDropsWarningsThatWouldRevealASuppressedCount) {
  ReportData d = full_data();
  d.estimates->strata = {table("2000-2004", 3, 10), table("2005-2009", 700, 1400)};
  d.estimates->strata_are_periods = true;
  d.estimates->strata[0].warnings = {"only 3 people observed: estimates from so few are fragile",
                                     "the latent-class chains did not converge"};
  d.estimates->strata[1].warnings = {"only 700 people observed"};
  d.estimates->total = table("", 703, 1410);
  const std::string pub = render_report_html(d, Audience::kPublic);
  const std::string internal = render_report_html(d, Audience::kInternal);
  EXPECT_EQ(pub.find("only 3 people observed"), std::string::npos);
  EXPECT_NE(pub.find("1 warning is not shown: it would reveal a suppressed count"), std::string::npos);
  EXPECT_NE(pub.find("the latent-class chains did not converge"), std::string::npos);
  EXPECT_NE(internal.find("only 3 people observed"), std::string::npos);
}

TEST(HtmlReport, PublicSuppressesSmallCellsInternalShowsThem) {
  const ReportData d = full_data();
  const std::string pub = render_report_html(d, Audience::kPublic);
  const std::string internal = render_report_html(d, Audience::kInternal);
  // Timeline tooltip of the 2004 column (3 events).
  EXPECT_NE(pub.find("<title>2004: &lt;5</title>"), std::string::npos);
  EXPECT_EQ(pub.find("<title>2004: 3</title>"), std::string::npos);
  EXPECT_NE(internal.find("<title>2004: 3</title>"), std::string::npos);
  // Overlap: the 3 people seen by media and interviews... (pattern 6 = media + ngo).
  EXPECT_NE(pub.find("<td>media + ngo only</td><td class=\"num\">&lt;5</td>"), std::string::npos);
  EXPECT_NE(internal.find("<td>media + ngo only</td><td class=\"num\">3</td>"), std::string::npos);
  // The complementary cell beside it is hidden, not shown.
  EXPECT_NE(pub.find("<td class=\"num\">hidden</td>"), std::string::npos);
  // A period with 3 people documented: no estimate in public.
  EXPECT_NE(pub.find("not shown: too few people documented"), std::string::npos);
  EXPECT_EQ(internal.find("not shown: too few people documented"), std::string::npos);
  // Sentence medians of fewer than 10 are not shown; the record count is left out.
  EXPECT_EQ(pub.find("2,017"), std::string::npos);
  EXPECT_NE(internal.find("2,017 records were linked"), std::string::npos);
  EXPECT_NE(internal.find("INTERNAL REPORT"), std::string::npos);
  EXPECT_EQ(pub.find("INTERNAL REPORT"), std::string::npos);
}

TEST(HtmlReport, AbsentSectionsAreLeftOutWithANote) {
  ReportData d;
  d.provenance.version = "0.1.0";
  const std::string html = render_report_html(d, Audience::kPublic);
  EXPECT_EQ(occurrences(html, "class=\"absent\""), 6u);
  EXPECT_EQ(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("No estimate was given to the report"), std::string::npos);
  EXPECT_NE(html.find("The estimates were not made again at other linkage thresholds (sensitivity.json"),
            std::string::npos);
}

// The sensitivity section of a report with only that section.
std::string sensitivity_html(const LinkageSensitivity& s, Audience audience = Audience::kPublic) {
  ReportData d;
  d.sensitivity = s;
  const std::string html = render_report_html(d, audience);
  const auto begin = html.find("<section id=\"sensitivity\">");
  const auto end = html.find("</section>", begin);
  return html.substr(begin, end - begin);
}

TEST(HtmlReport, SensitivityShowsAChartATableAndWhatTheNumbersSay) {
  const std::string html = sensitivity_html(sensitivity({{0.2, 1150, 2200}, {0.5, 1207, 2400}, {0.8, 1260, 2500}}));
  EXPECT_EQ(html.find("class=\"absent\""), std::string::npos);
  EXPECT_EQ(occurrences(html, "<svg "), 1u);
  EXPECT_EQ(occurrences(html, "class=\"estimate\""), 3u + 1u);  // a dot per threshold, and the legend's
  EXPECT_EQ(occurrences(html, "class=\"documented\""), 3u + 1u);
  EXPECT_NE(html.find("0.5 (this run)"), std::string::npos);
  EXPECT_NE(html.find("<tr class=\"run\">"), std::string::npos);
  EXPECT_NE(html.find("Between the loosest threshold (0.2) and the strictest (0.8), the recommended estimate "
                      "moves from 2,200 to 2,500 (+14%); their 95% intervals overlap."),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("At this run\u2019s threshold (0.5) it is 2,400. Every other threshold gives an estimate "
                      "within this run\u2019s interval"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<strong>2,400 (2,160 – 2,640)</strong>"), std::string::npos);
  EXPECT_NE(html.find("1,920 (1,680 – no finite limit)"), std::string::npos);
  EXPECT_NE(html.find("same random seed (42)"), std::string::npos);
  // Match weights of the thresholds: -2, 0, +2 bits.
  EXPECT_NE(html.find("<td class=\"num\">-2</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">+2</td>"), std::string::npos);
}

TEST(HtmlReport, SensitivitySaysWhenTheAnswerMoves) {
  const std::string html = sensitivity_html(sensitivity({{0.06, 900, 1500}, {0.5, 1207, 2400}, {0.94, 1500, 4000}}));
  EXPECT_NE(html.find("moves from 1,500 to 4,000 (+167%); their 95% intervals do not overlap."), std::string::npos)
      << html;
  EXPECT_NE(html.find("2 of the 2 other thresholds give an estimate outside this run\u2019s interval"),
            std::string::npos);
  // Another recommended method at one threshold is named.
  auto s = sensitivity({{0.2, 1150, 2200}, {0.5, 1207, 2400}, {0.8, 1260, 2500}});
  s.rows[2].estimates[0].recommended = false;
  s.rows[2].estimates[1].recommended = true;
  EXPECT_NE(sensitivity_html(s).find("not the same at every threshold (loglinear, chao)"), std::string::npos);
}

TEST(HtmlReport, SensitivityHidesEstimatesOfFewPeopleInPublic) {
  const auto s = sensitivity({{0.2, 3, 8}, {0.5, 40, 60}, {0.8, 45, 70}});
  const std::string pub = sensitivity_html(s);
  const std::string internal = sensitivity_html(s, Audience::kInternal);
  EXPECT_NE(pub.find("<td class=\"num\">&lt;5</td>"), std::string::npos);
  EXPECT_NE(pub.find("<td class=\"num\">not shown</td>"), std::string::npos);
  EXPECT_NE(pub.find("Between the loosest threshold with an estimate shown (0.5) and the strictest (0.8)"),
            std::string::npos);
  EXPECT_NE(pub.find("No estimate is shown at 0.2 (see the table)."), std::string::npos);
  EXPECT_EQ(pub.find(">8 ("), std::string::npos);
  EXPECT_NE(internal.find("<td class=\"num\">3</td>"), std::string::npos);
  EXPECT_NE(internal.find("Between the loosest threshold (0.2) and the strictest (0.8)"), std::string::npos);
  // One row only: nothing to compare.
  const auto one = sensitivity({{0.5, 40, 60}});
  EXPECT_NE(sensitivity_html(one).find("Fewer than two thresholds gave an estimate"), std::string::npos);
}

TEST(Charts, SuppressedColumnsAreStubsNotBars) {
  ColumnChartSpec spec;
  spec.title = "t";
  spec.categories = {"a", "b"};
  spec.series.push_back({"", {publish_count(40, Audience::kPublic), publish_count(2, Audience::kPublic)}});
  const std::string svg = column_chart(spec);
  EXPECT_EQ(occurrences(svg, "class=\"bar\""), 1u);
  EXPECT_EQ(occurrences(svg, "class=\"suppressed\""), 1u);
  EXPECT_NE(svg.find("<title>b: &lt;5</title>"), std::string::npos);
}

TEST(Charts, UpsetDrawsAColumnAndADotPerListForEachPattern) {
  const std::vector<std::string> lists{"A", "B", "C"};
  const std::vector<PublishedCount> sizes{{10, CellState::kShown}, {20, CellState::kShown}, {30, CellState::kShown}};
  std::vector<UpsetColumn> columns{{1, {10, CellState::kShown}}, {3, {7, CellState::kShown}},
                                   {7, {2, CellState::kSmall}}, {4, {0, CellState::kShown}}};
  const std::string svg = upset_chart(lists, sizes, columns, "overlap");
  EXPECT_EQ(occurrences(svg, "class=\"bar\""), 2u);         // zero patterns are left out
  EXPECT_EQ(occurrences(svg, "class=\"suppressed\""), 1u);
  EXPECT_EQ(occurrences(svg, "class=\"dot on\""), 1u + 2u + 3u);
  EXPECT_EQ(occurrences(svg, "class=\"dot off\""), 2u + 1u + 0u);
  EXPECT_EQ(occurrences(svg, "class=\"list-size\""), 3u);
}

}  // namespace
}  // namespace uncounted::report
