#include "report/html_report.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <kainjow/mustache.hpp>

#include "base/number_text.h"
#include "report/column_chart.h"
#include "report/internal/report_template.h"
#include "report/interval_chart.h"
#include "report/suppression.h"
#include "report/upset_chart.h"

namespace uncounted::report {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::list;
using kainjow::mustache::mustache;

// A public median of fewer values than this is not shown (it would be
// close to one person's sentence).
constexpr std::int64_t kMinimumForMedian = 10;

std::string rounded(double value) {
  if (!std::isfinite(value)) return "no finite value";
  if (std::fabs(value) >= 1e15) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g", value);
    return buffer;
  }
  return group_thousands(std::llround(value));
}

std::string fixed2(double value) {
  if (!std::isfinite(value)) return "";
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

std::string interval_text(double lower, const std::optional<double>& upper) {
  return rounded(lower) + " – " + (upper ? rounded(*upper) : std::string("no finite limit"));
}

std::string level_percent(double level) { return std::to_string(static_cast<int>(std::lround(level * 100))); }

const EstimateRow* recommended(const StratumEstimates& table) {
  for (const auto& e : table.estimates)
    if (e.recommended) return &e;
  return table.estimates.empty() ? nullptr : &table.estimates.front();
}


// The documented counts as published: the total on its own, the strata
// with the total as their margin (when they add up to it).
struct PublishedDocumented {
  PublishedCount total;
  std::vector<PublishedCount> strata;
};

PublishedDocumented publish_documented(const EstimatesSection& section, Audience audience) {
  PublishedDocumented out;
  out.total = publish_count(section.total.documented, audience);
  std::vector<std::int64_t> counts;
  for (const auto& s : section.strata) counts.push_back(s.documented);
  out.strata = publish_cells_with_total(counts, audience);
  return out;
}

// A stratum's estimates are not shown in a public report when the number of
// people documented in it is small: the estimate would nearly give it away.
bool estimates_hidden(const PublishedCount& documented) { return documented.state == CellState::kSmall; }

// The strata's labels as published. Strata made from a record column (the
// histories of `--from DIR` may be stratified by origin place, or birth
// year) have labels that are the records' values: in a public report the
// label of a stratum of fewer than kSmallCellLimit people would say that
// someone from that place was documented, so it is withheld ("withheld
// stratum 1", ...), unless the strata are periods uncounted made itself
// (EstimatesSection::strata_are_periods).
std::vector<std::string> published_stratum_labels(const EstimatesSection& section,
                                                  const PublishedDocumented& documented, Audience audience) {
  std::vector<std::string> labels;
  int withheld = 0;
  for (std::size_t i = 0; i < section.strata.size(); ++i) {
    const std::string& label = section.strata[i].label;
    if (audience == Audience::kPublic && estimates_hidden(documented.strata[i]) && !section.strata_are_periods)
      labels.push_back("withheld " + std::to_string(++withheld));
    else
      labels.push_back(label.empty() ? "All" : label);
  }
  return labels;
}

data totals_section(const EstimatesSection& section, const PublishedDocumented& documented,
                    const std::vector<std::string>& labels) {
  std::vector<IntervalRow> rows;
  list table_rows;
  double level = 0.95;
  auto add = [&](const StratumEstimates& t, const std::string& label, const PublishedCount& doc, bool total) {
    IntervalRow row{label, doc, std::nullopt, total};
    data r;
    r.set("label", label);
    r.set("documented", doc.text());
    const EstimateRow* e = estimates_hidden(doc) ? nullptr : recommended(t);
    if (e) {
      level = e->level;
      row.estimate = IntervalEstimate{e->n_hat, e->lower, e->upper, e->method};
      r.set("estimate", rounded(e->n_hat));
      r.set("interval", interval_text(e->lower, e->upper));
      r.set("method", e->method + (e->model.empty() ? "" : " " + e->model));
    } else {
      r.set("estimate", "—");
      r.set("interval", "—");
      r.set("method", estimates_hidden(doc) ? "not shown: too few people documented" : "no estimate");
    }
    rows.push_back(std::move(row));
    table_rows.push_back(std::move(r));
  };
  for (std::size_t i = 0; i < section.strata.size(); ++i)
    add(section.strata[i], labels[i], documented.strata[i], false);
  add(section.total, section.total.label.empty() ? "All" : section.total.label, documented.total, true);
  data d;
  d.set("chart", interval_chart(rows, "Documented and estimated totals by period"));
  d.set("rows", table_rows);
  d.set("level", level_percent(level));
  return d;
}

data headline(const EstimatesSection& section, const PublishedDocumented& documented) {
  const EstimateRow* e = recommended(section.total);
  if (!e || estimates_hidden(documented.total)) return data(false);
  data d;
  d.set("documented", documented.total.text());
  d.set("estimate", rounded(e->n_hat));
  d.set("method", e->method);
  d.set("level", level_percent(e->level));
  d.set("lower", rounded(e->lower));
  d.set("upper", e->upper ? rounded(*e->upper) : std::string("no finite limit"));
  return d;
}

std::string pattern_names(const std::vector<std::string>& lists, std::uint32_t mask) {
  std::string out;
  for (std::size_t i = 0; i < lists.size(); ++i)
    if (mask & (1u << i)) out += (out.empty() ? "" : " + ") + lists[i];
  return out + " only";
}

data overlap_section(const OverlapSection& section, Audience audience) {
  const std::size_t k = section.lists.size();
  const std::size_t cells = std::size_t{1} << k;
  std::vector<std::int64_t> counts(cells, 0);
  for (std::size_t m = 1; m < cells && m < section.pattern_counts.size(); ++m) counts[m] = section.pattern_counts[m];
  // Published margins: the total and each list's size.
  std::vector<std::vector<std::size_t>> margins(k + 1);
  std::vector<std::int64_t> sizes(k, 0);
  for (std::size_t m = 1; m < cells; ++m) {
    margins[k].push_back(m);
    for (std::size_t i = 0; i < k; ++i)
      if (m & (std::size_t{1} << i)) {
        margins[i].push_back(m);
        sizes[i] += counts[m];
      }
  }
  const auto published = publish_cells(counts, margins, audience);
  std::vector<PublishedCount> list_sizes;
  for (auto s : sizes) list_sizes.push_back(publish_count(s, audience));

  std::vector<UpsetColumn> columns;
  for (std::size_t m = 1; m < cells; ++m) columns.push_back({static_cast<std::uint32_t>(m), published[m]});
  list rows;
  // Table: by number of lists, then pattern (no ranking of hidden values).
  std::vector<std::size_t> order;
  for (std::size_t m = 1; m < cells; ++m)
    if (counts[m] > 0) order.push_back(m);
  std::stable_sort(order.begin(), order.end(), [](std::size_t a, std::size_t b) {
    return std::popcount(a) < std::popcount(b) || (std::popcount(a) == std::popcount(b) && a < b);
  });
  for (std::size_t m : order) {
    data r;
    r.set("pattern", pattern_names(section.lists, static_cast<std::uint32_t>(m)));
    r.set("count", published[m].text());
    rows.push_back(std::move(r));
  }
  data d;
  d.set("chart", upset_chart(section.lists, list_sizes, std::move(columns), "Overlap of the lists"));
  d.set("rows", rows);
  return d;
}

data timeline_section(const TimelineSection& section, Audience audience) {
  list charts;
  for (const auto& series : section.series) {
    ColumnChartSpec spec;
    spec.title = "Events over time: " + series.event_type;
    spec.categories = section.bins;
    spec.y_label = "events";
    spec.height = 200;
    ColumnSeries s;
    for (std::size_t i = 0; i < section.bins.size(); ++i)
      s.values.push_back(publish_count(i < series.counts.size() ? series.counts[i] : 0, audience));
    spec.series.push_back(std::move(s));
    data c;
    c.set("event_type", series.event_type);
    c.set("chart", column_chart(spec));
    charts.push_back(std::move(c));
  }
  data d;
  d.set("charts", charts);
  d.set("unit", section.unit);
  d.set("counted", section.counted);
  const auto undated = publish_count(section.undated, audience);
  d.set("has_undated", section.undated > 0);
  d.set("undated", undated.text());
  return d;
}

data sentences_section(const SentenceSection& section, Audience audience) {
  ColumnChartSpec spec;
  spec.title = "Sentences by period";
  spec.y_label = "sentences";
  for (const auto& c : section.categories) spec.series.push_back({c, {}});
  list rows;
  for (const auto& row : section.rows) {
    spec.categories.push_back(row.period);
    std::vector<std::int64_t> counts(section.categories.size(), 0);
    std::int64_t total = 0;
    for (std::size_t i = 0; i < counts.size() && i < row.counts.size(); ++i) {
      counts[i] = row.counts[i];
      total += counts[i];
    }
    const auto cells = publish_cells_with_total(counts, audience);
    list cell_texts;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      spec.series[i].values.push_back(cells[i]);
      cell_texts.push_back(data(cells[i].text()));
    }
    const auto published_total = publish_count(total, audience);
    const bool median_shown =
        row.median_months && (audience == Audience::kInternal || total >= kMinimumForMedian);
    data r;
    r.set("period", row.period);
    r.set("cells", cell_texts);
    r.set("total", published_total.text());
    r.set("median", median_shown ? rounded(*row.median_months) : std::string("—"));
    rows.push_back(std::move(r));
  }
  list categories;
  for (const auto& c : section.categories) categories.push_back(data(c));
  data d;
  d.set("chart", column_chart(spec));
  d.set("rows", rows);
  d.set("categories", categories);
  d.set("counted", section.counted);
  return d;
}

data linkage_section(const LinkageSection& section, Audience audience) {
  data d;
  // With the entity count and the entity sizes, the record count would let
  // a suppressed size be worked out; a public report leaves it out.
  d.set("has_records", audience == Audience::kInternal);
  d.set("records", group_thousands(section.records));
  d.set("entities", publish_count(section.entities, audience).text());

  d.set("has_weights", section.has_pairs);
  if (section.has_pairs) {
    ColumnChartSpec spec;
    spec.title = "Match weights of the compared pairs";
    spec.y_label = "pairs";
    spec.x_label = "match weight (log2 of the evidence for a match)";
    const std::size_t bins = std::max(section.pairs_linked.size(), section.pairs_unlinked.size());
    for (std::size_t i = 0; i < bins; ++i) {
      const double low = section.weight_start + section.weight_width * static_cast<double>(i);
      char label[32];
      std::snprintf(label, sizeof label, "%.1f", low);
      spec.categories.push_back(label);
    }
    auto series = [&](const std::vector<std::int64_t>& v, const std::string& name) {
      ColumnSeries s{name, {}};
      for (std::size_t i = 0; i < bins; ++i) s.values.push_back(publish_count(i < v.size() ? v[i] : 0, audience));
      return s;
    };
    spec.series.push_back(series(section.pairs_linked, "in one entity"));
    spec.series.push_back(series(section.pairs_unlinked, "left apart"));
    if (section.weight_width > 0) {
      const double at = (0 - section.weight_start) / section.weight_width;
      if (at >= 0 && at <= static_cast<double>(bins)) {
        spec.marker_at = at;
        spec.marker_label = "weight 0: even odds";
      }
    }
    d.set("weights", column_chart(spec));
  }

  // Entity sizes 1..9 and "10 or more" (an open last bin: see above).
  constexpr int kOpenSize = 10;
  std::vector<std::int64_t> sizes(kOpenSize, 0);
  for (const auto& [size, count] : section.cluster_sizes)
    if (size >= 1) sizes[static_cast<std::size_t>(std::min(size, kOpenSize) - 1)] += count;
  while (sizes.size() > 2 && sizes.back() == 0 && sizes[sizes.size() - 2] == 0) sizes.pop_back();
  ColumnChartSpec spec;
  spec.title = "Records per entity";
  spec.y_label = "entities";
  spec.x_label = "records in the entity";
  spec.height = 220;
  const auto cells = publish_cells_with_total(sizes, audience);
  ColumnSeries s;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    const int size = static_cast<int>(i) + 1;
    spec.categories.push_back(size == kOpenSize ? std::to_string(kOpenSize) + "+" : std::to_string(size));
    s.values.push_back(cells[i]);
  }
  spec.series.push_back(std::move(s));
  d.set("sizes", column_chart(spec));
  return d;
}

// A threshold as a reader sees it: "0.5", "0.0588", "0.941".
std::string threshold_text(double t) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3g", t);
  return buffer;
}

// The match weight (log2 of the odds) of a threshold, signed: "+2", "-4.3".
std::string weight_text(double t) {
  const double w = std::log2(t / (1 - t));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%+.1f", std::fabs(w) < 0.05 ? 0.0 : w);
  std::string out = buffer;
  if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0) out.resize(out.size() - 2);
  return out == "+0" ? "0" : out;
}

const EstimateRow* recommended_of(const SensitivityRow& row) {
  for (const auto& e : row.estimates)
    if (e.recommended) return &e;
  return row.estimates.empty() ? nullptr : &row.estimates.front();
}

bool is_run(const LinkageSensitivity& s, const SensitivityRow& row) {
  return std::fabs(row.threshold - s.run_threshold) <= 1e-9;
}

bool intervals_overlap(const EstimateRow& a, const EstimateRow& b) {
  const bool a_below_b = a.upper && *a.upper < b.lower;
  const bool b_below_a = b.upper && *b.upper < a.lower;
  return !a_below_b && !b_below_a;
}

bool inside(double value, const EstimateRow& interval) {
  return value >= interval.lower && (!interval.upper || value <= *interval.upper);
}

std::string change_text(double from, double to) {
  if (from <= 0) return "";
  const double percent = (to - from) / from * 100;
  if (std::fabs(percent) < 0.5) return " (a change of less than 1%)";
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, " (%+.0f%%)", percent);
  return buffer;
}

// What the rows say, in words computed from the numbers: how far the
// recommended estimate moves between the loosest and the strictest
// thresholds, whether their intervals overlap, and whether the other
// thresholds' estimates stay within the run's interval.
std::string sensitivity_summary(const LinkageSensitivity& s, const std::vector<PublishedCount>& documented) {
  struct Shown {
    const SensitivityRow* row;
    const EstimateRow* estimate;
  };
  std::vector<Shown> shown;
  const Shown* run = nullptr;
  for (std::size_t i = 0; i < s.rows.size(); ++i) {
    const EstimateRow* e = recommended_of(s.rows[i]);
    if (e && !estimates_hidden(documented[i])) shown.push_back({&s.rows[i], e});
  }
  for (const auto& x : shown)
    if (is_run(s, *x.row)) run = &x;
  if (shown.size() < 2)
    return "Fewer than two thresholds gave an estimate that can be shown, so the estimates cannot be compared "
           "across thresholds.";
  const Shown& loose = shown.front();
  const Shown& strict = shown.back();
  const bool all = shown.size() == s.rows.size();
  std::string out = "Between the loosest threshold" + std::string(all ? "" : " with an estimate shown") + " (" +
                    threshold_text(loose.row->threshold) + ") and the strictest (" +
                    threshold_text(strict.row->threshold) + "), the recommended estimate moves from " + rounded(loose.estimate->n_hat) + " to " +
                    rounded(strict.estimate->n_hat) + change_text(loose.estimate->n_hat, strict.estimate->n_hat) +
                    "; their " + level_percent(strict.estimate->level) + "% intervals " +
                    (intervals_overlap(*loose.estimate, *strict.estimate) ? "overlap." : "do not overlap.");
  if (!all) {
    std::string missing;
    for (const auto& row : s.rows)
      if (std::none_of(shown.begin(), shown.end(), [&](const Shown& x) { return x.row == &row; }))
        missing += (missing.empty() ? "" : ", ") + threshold_text(row.threshold);
    out += " No estimate is shown at " + missing + " (see the table).";
  }
  std::vector<std::string> methods;
  for (const auto& x : shown)
    if (std::find(methods.begin(), methods.end(), x.estimate->method) == methods.end())
      methods.push_back(x.estimate->method);
  if (methods.size() > 1) {
    out += " The recommended method is not the same at every threshold (";
    for (std::size_t i = 0; i < methods.size(); ++i) out += (i ? ", " : "") + methods[i];
    out += ").";
  }
  if (run) {
    std::size_t outside = 0;
    for (const auto& x : shown)
      if (&x != run && !inside(x.estimate->n_hat, *run->estimate)) ++outside;
    out += " At this run\u2019s threshold (" + threshold_text(run->row->threshold) + ") it is " +
           rounded(run->estimate->n_hat) + ". ";
    if (outside == 0)
      out += "Every other threshold gives an estimate within this run\u2019s interval, so the answer does not hinge on "
             "how the uncertain matches are decided.";
    else
      out += std::to_string(outside) + " of the " + std::to_string(shown.size() - 1) +
             " other thresholds give an estimate outside this run\u2019s interval, so the answer depends on how the "
             "uncertain matches are decided: read it together with the linkage's uncertainty.";
  }
  return out;
}

data sensitivity_section(const LinkageSensitivity& s, Audience audience) {
  // Each row's documented count is published on its own (no margin).
  std::vector<PublishedCount> documented;
  for (const auto& row : s.rows) documented.push_back(publish_count(row.documented, audience));
  std::vector<std::string> methods;
  for (const auto& row : s.rows)
    for (const auto& e : row.estimates)
      if (std::find(methods.begin(), methods.end(), e.method) == methods.end()) methods.push_back(e.method);

  std::vector<IntervalRow> chart_rows;
  list rows;
  double level = 0.95;
  bool has_run = false;
  for (std::size_t i = 0; i < s.rows.size(); ++i) {
    const auto& row = s.rows[i];
    const bool run = is_run(s, row);
    has_run = has_run || run;
    const bool hidden = estimates_hidden(documented[i]);
    const EstimateRow* rec = hidden ? nullptr : recommended_of(row);
    IntervalRow chart_row{threshold_text(row.threshold) + (run ? " (this run)" : ""), documented[i], std::nullopt,
                          run};
    if (rec) {
      level = rec->level;
      chart_row.estimate = IntervalEstimate{rec->n_hat, rec->lower, rec->upper, rec->method};
    }
    chart_rows.push_back(std::move(chart_row));
    data r;
    r.set("threshold", threshold_text(row.threshold));
    r.set("weight", weight_text(row.threshold));
    r.set("run", run);
    r.set("documented", documented[i].text());
    list cells;
    for (const auto& method : methods) {
      data c;
      const EstimateRow* e = nullptr;
      for (const auto& x : row.estimates)
        if (x.method == method) e = &x;
      if (hidden) {
        c.set("text", std::string("not shown"));
      } else if (!e) {
        c.set("text", std::string("—"));
      } else {
        c.set("text", rounded(e->n_hat) + " (" + interval_text(e->lower, e->upper) + ")");
      }
      c.set("recommended", !hidden && e && e == rec);
      cells.push_back(std::move(c));
    }
    r.set("cells", cells);
    rows.push_back(std::move(r));
  }
  list method_names;
  for (const auto& m : methods) method_names.push_back(data(m));
  data d;
  d.set("chart", interval_chart(chart_rows, "Estimated total at each linkage threshold"));
  d.set("rows", rows);
  d.set("methods", method_names);
  d.set("level", level_percent(level));
  d.set("run_threshold", threshold_text(s.run_threshold));
  d.set("has_run", has_run);
  d.set("summary", sensitivity_summary(s, documented));
  d.set("has_seed", s.seed.has_value());
  d.set("seed", s.seed ? std::to_string(*s.seed) : std::string());
  return d;
}

// `label`: the stratum's published label, "" for the whole data.
data method_table(const StratumEstimates& t, const std::string& label, const PublishedCount& documented,
                  bool strata_are_periods, Audience audience) {
  data d;
  d.set("heading", label.empty()          ? std::string("All periods together")
                   : strata_are_periods ? "Period " + label
                                        : "Stratum " + label);
  d.set("documented_text", documented.text() + " people documented.");
  const bool hidden = estimates_hidden(documented);
  list estimates;
  std::string reason;
  if (!hidden) {
    for (const auto& e : t.estimates) {
      data r;
      r.set("method", e.method);
      r.set("recommended", e.recommended);
      r.set("model", e.model);
      r.set("criterion", e.criterion.empty() ? std::string("—") : e.criterion);
      r.set("estimate", rounded(e.n_hat));
      r.set("interval", level_percent(e.level) + "%: " + interval_text(e.lower, e.upper));
      r.set("interval_method", e.interval);
      if (e.recommended) reason = e.reason;
      estimates.push_back(std::move(r));
    }
  } else {
    d.set("documented_text", documented.text() +
                                 " people documented: too few to publish an estimate without pointing at them.");
  }
  d.set("has_estimates", !hidden && !t.estimates.empty());
  d.set("estimates", estimates);
  d.set("has_reason", !reason.empty());
  d.set("reason", reason);
  list models;
  for (const auto& m : t.models_compared) {
    data r;
    r.set("model", m.model);
    r.set("estimate", rounded(m.n_hat));
    r.set("aic", fixed2(m.aic));
    r.set("bic", fixed2(m.bic));
    r.set("deviance", fixed2(m.deviance));
    r.set("df", std::to_string(m.df));
    models.push_back(std::move(r));
  }
  d.set("has_models", !hidden && !t.models_compared.empty());
  d.set("models", models);
  d.set("considered", std::to_string(t.models_considered));
  d.set("without_mle", std::to_string(t.models_without_mle));
  d.set("unreliable", std::to_string(t.models_unreliable));
  list warnings;
  // Where the documented count is not published, a warning with a number in
  // it ("only 3 people observed", "below Chao's lower bound (209)") would
  // give the count away, or let a suppressed one be worked out by
  // subtraction: a public report keeps only the warnings without digits.
  const bool count_withheld = audience == Audience::kPublic && !documented.shown();
  std::size_t left_out = 0;
  for (const auto& w : t.warnings) {
    if (count_withheld && std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }))
      ++left_out;
    else
      warnings.push_back(data(w));
  }
  if (left_out > 0)
    warnings.push_back(data(std::to_string(left_out) + (left_out == 1 ? " warning is" : " warnings are") +
                            " not shown: it would reveal a suppressed count"));
  d.set("has_warnings", !t.warnings.empty());
  d.set("warnings", warnings);
  return d;
}

std::string suppression_text(Audience audience) {
  if (audience == Audience::kInternal)
    return "Internal report: no count is suppressed. A public report (the default of uncounted report) shows "
           "counts of 1 to 4 people as \u201c<5\u201d and hides further counts where a total would reveal them.";
  return "Counts of 1 to 4 people are shown as \u201c<5\u201d and drawn as a hatched stub, never at their height. "
         "Where a total is also shown, further counts are marked \u201chidden\u201d (\u201ch\u201d in charts) so "
         "that no small count can be worked out by subtraction. Estimates of a period with fewer than 5 people "
         "documented are not shown. Medians of fewer than 10 sentences are not shown. The report holds no names, "
         "birth dates, record identifiers or notes.";
}

}  // namespace

std::string render_report_html(const ReportData& in, Audience audience) {
  data d;
  d.set("title", in.title);
  d.set("synthetic", in.synthetic);
  d.set("internal", audience == Audience::kInternal);
  d.set("public", audience == Audience::kPublic);
  d.set("version", in.provenance.version);

  if (in.estimates) {
    const auto documented = publish_documented(*in.estimates, audience);
    d.set("headline", headline(*in.estimates, documented));
    const auto labels = published_stratum_labels(*in.estimates, documented, audience);
    d.set("totals", totals_section(*in.estimates, documented, labels));
    list tables;
    const bool periods = in.estimates->strata_are_periods;
    tables.push_back(method_table(in.estimates->total, "", documented.total, periods, audience));
    for (std::size_t i = 0; i < in.estimates->strata.size(); ++i)
      tables.push_back(method_table(in.estimates->strata[i], labels[i], documented.strata[i], periods, audience));
    d.set("method_tables", tables);
  } else {
    d.set("headline", false);
    d.set("totals", false);
    d.set("method_tables", list{});
  }
  d.set("overlap", in.overlap && !in.overlap->lists.empty() ? overlap_section(*in.overlap, audience) : data(false));
  d.set("timeline",
        in.timeline && !in.timeline->series.empty() ? timeline_section(*in.timeline, audience) : data(false));
  d.set("sentences",
        in.sentences && !in.sentences->rows.empty() ? sentences_section(*in.sentences, audience) : data(false));
  d.set("linkage", in.linkage ? linkage_section(*in.linkage, audience) : data(false));
  d.set("sensitivity", in.sensitivity && !in.sensitivity->rows.empty() ? sensitivity_section(*in.sensitivity, audience)
                                                                       : data(false));

  d.set("suppression_text", suppression_text(audience));
  d.set("has_seed", in.provenance.seed.has_value());
  d.set("seed", in.provenance.seed ? std::to_string(*in.provenance.seed) : std::string());
  list dependencies;
  for (const auto& [name, version] : in.provenance.dependencies) {
    data r;
    r.set("name", name);
    r.set("version", version);
    dependencies.push_back(std::move(r));
  }
  d.set("dependencies", dependencies);
  list inputs;
  int withheld_inputs = 0;
  for (const auto& input : in.provenance.inputs) {
    data r;
    // A record file's name may name a person (interview_<name>.csv): a
    // public report shows it only when it is one of uncounted's own output
    // names; the digest still identifies the file.
    r.set("label", audience == Audience::kInternal || input.label_is_public
                       ? input.label
                       : "input file " + std::to_string(++withheld_inputs) + " (name withheld)");
    r.set("sha256", input.sha256);
    inputs.push_back(std::move(r));
  }
  d.set("has_inputs", !in.provenance.inputs.empty());
  d.set("inputs", inputs);
  list notes;
  for (const auto& n : in.notes) notes.push_back(data(n));
  d.set("has_notes", !in.notes.empty());
  d.set("notes", notes);

  mustache tmpl{std::string(internal::kReportTemplate)};
  if (!tmpl.is_valid()) {
    std::cerr << "uncounted: report template: " << tmpl.error_message() << "\n";
    std::abort();  // a bug in the template, not in the data
  }
  std::string html = tmpl.render(d);
  if (!tmpl.is_valid()) {
    std::cerr << "uncounted: report template: " << tmpl.error_message() << "\n";
    std::abort();
  }
  return html;
}

}  // namespace uncounted::report
