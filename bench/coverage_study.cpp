// The coverage study of issue 5: how often do uncounted's intervals cover
// the true total, per method and scenario, when simulated populations go
// through the whole pipeline (records -> link -> histories -> estimate)?
//
//   coverage_study [--out ROWS.csv] [--md SUMMARY.md] [--reps R]
//                  [--only SUBSTRING] [--workers W] [--seed-base S]
//                  [--samples N --burnin N --thin N] [--data SHARED_DATA_DIR]
//
// Each population is made by the Korean record generator (src/simulate)
// with a deterministic seed, written as records.csv (canonical columns, as
// `make_korean_records` writes it), linked with the default link config
// (the code of `uncounted link` without --config, with the reference tables
// loaded once), turned into capture histories by `make_histories_csv` (the
// code of `uncounted histories`), read back with `read_capture_histories`
// (the code of `uncounted estimate`) and estimated by `estimate_population`
// twice: `--method all --criterion bic` (log-linear BIC, LCMCR, Chao and the
// recommended estimate) and `--method loglinear --criterion stepwise`. The
// same two estimates are made on the TRUE capture histories (perfect
// linkage), so linkage error and model error can be told apart.
//
// Scenarios: capture {independent, heterogeneous, dependent} x lists
// {3, 4, 5, 6} x size {small: N uniform in 500..1,000; large: N uniform in
// 5,000..12,000}. Population r of scenario s has seed seed_base + 1000 * s
// + r; the same seed drives the estimate (LCMCR's chains).
//
// Output: one CSV row per population x histories (linked/true) x method
// (bic, stepwise, lcmcr, chao, recommended) with --out; the summary tables
// (markdown) on stdout or with --md; progress on stderr.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>

#include "app/link_default_config.h"
#include "app/link_histories.h"
#include "app/link_tables.h"
#include "app/population_estimate.h"
#include "base/csv_reader.h"
#include "io/capture_histories_csv.h"
#include "io/clusters_csv.h"
#include "io/link_records_csv.h"
#include "io/simulated_records_csv.h"
#include "link/linker.h"
#include "normalize/bzip2.h"
#include "simulate/simulator.h"

namespace {

using namespace uncounted;
namespace fs = std::filesystem;

[[noreturn]] void die(const std::string& message) {
  fmt::print(stderr, "coverage_study: {}\n", message);
  std::exit(1);
}

template <typename T>
T value_or_die(Result<T> r, const std::string& what) {
  if (!r) die(what + ": " + r.error().message());
  return std::move(*r);
}

std::string read_or_die(const std::string& path) { return value_or_die(read_file(path), path); }

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// ---------------------------------------------------------------- scenarios

enum class Capture { kIndependent, kHeterogeneous, kDependent };
enum class Size { kSmall, kLarge };

const char* capture_name(Capture c) {
  switch (c) {
    case Capture::kIndependent: return "independent";
    case Capture::kHeterogeneous: return "heterogeneous";
    case Capture::kDependent: return "dependent";
  }
  return "";
}

struct Scenario {
  int index = 0;
  Capture capture = Capture::kIndependent;
  int lists = 4;
  Size size = Size::kSmall;
  std::string name;  // e.g. "heterogeneous/4 lists/small"
};

std::vector<Scenario> all_scenarios() {
  std::vector<Scenario> out;
  for (Capture c : {Capture::kIndependent, Capture::kHeterogeneous, Capture::kDependent})
    for (int k = 3; k <= 6; ++k)
      for (Size s : {Size::kSmall, Size::kLarge}) {
        Scenario sc;
        sc.index = static_cast<int>(out.size());
        sc.capture = c;
        sc.lists = k;
        sc.size = s;
        sc.name = fmt::format("{}/{} lists/{}", capture_name(c), k, s == Size::kSmall ? "small" : "large");
        out.push_back(sc);
      }
  return out;
}

// The sources of a scenario: the generator's presets (capture probability
// 0.30, 0.25, 0.20, 0.18, 0.15, 0.15 for a person of median visibility)
// with the capture of simulate::scenario_sources (simulator.h):
//  * independent: no heterogeneity, no direct dependence;
//  * heterogeneous: the presets' heterogeneity x 1.5 (sd 0.45-1.2 on the
//    log-odds, one visibility shared by all lists), no direct dependence;
//  * dependent: the presets' heterogeneity plus direct dependence: list 2
//    on list 1 (+1.0), list 3 on list 2 (-0.7), list 4 on list 1 (+1.0, the
//    preset), list 6 on list 5 (+1.0).
// One event per record (no detention reports): the study links the
// records as `uncounted link` does, which reads one row per record.
std::vector<simulate::SourceSpec> scenario_sources(const Scenario& s) {
  const simulate::CaptureScenario capture = s.capture == Capture::kIndependent ? simulate::CaptureScenario::kIndependent
                                            : s.capture == Capture::kHeterogeneous
                                                ? simulate::CaptureScenario::kHeterogeneous
                                                : simulate::CaptureScenario::kDependent;
  auto sources = simulate::scenario_sources(s.lists, capture);
  for (auto& src : sources) src.detention_report_rate = 0;
  return sources;
}

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

int population_size(const Scenario& s, std::uint64_t seed) {
  const int lo = s.size == Size::kSmall ? 500 : 5000;
  const int hi = s.size == Size::kSmall ? 1000 : 12000;
  return lo + static_cast<int>(splitmix64(seed) % static_cast<std::uint64_t>(hi - lo + 1));
}

// ---------------------------------------------------------------- one run

struct MethodRow {
  std::string method;  // bic, stepwise, lcmcr, chao, recommended
  std::string chosen;  // for recommended: the method it picked; else the model
  bool failed = true;
  double n_hat = 0, lower = 0;
  std::optional<double> upper;
  double rhat = std::nan(""), ess = std::nan("");
};

struct HistoriesResult {
  std::int64_t observed = 0;
  std::vector<MethodRow> methods;
  double seconds = 0;
};

struct PopulationResult {
  int scenario = 0;
  int rep = 0;
  std::uint64_t seed = 0;
  int n = 0;
  std::size_t records = 0;
  std::size_t entities = 0;
  double precision = 0, recall = 0;  // pairwise, against the truth
  double link_seconds = 0;
  HistoriesResult linked, truth;
  std::string error;  // the pipeline failed before estimation
};

struct StudyOptions {
  int samples = 1000, burnin = 2000, thin = 10;
};

struct Shared {
  simulate::KoreanTables tables;
  link::LinkResources link_resources;
  std::string data_dir;
  StudyOptions study;
  fs::path work_dir;
};

double detail(const MethodEstimate& e, const char* name) {
  for (const auto& [k, v] : e.details)
    if (k == name) return v;
  return std::nan("");
}

MethodRow row_of(const std::string& method, const MethodEstimate* e) {
  MethodRow r;
  r.method = method;
  if (!e) return r;
  r.failed = false;
  r.chosen = method == "recommended" ? (e->method == "loglinear" ? "loglinear-" + e->criterion : e->method)
                                     : e->model;
  r.n_hat = e->n_hat;
  r.lower = e->lower;
  r.upper = e->upper;
  if (e->method == "lcmcr") {
    r.rhat = detail(*e, "rhat");
    r.ess = detail(*e, "ess");
  }
  return r;
}

HistoriesResult estimate_all(const CaptureHistoriesFile& histories, std::uint64_t seed, const StudyOptions& study) {
  const auto start = std::chrono::steady_clock::now();
  HistoriesResult out;
  for (std::size_t p = 1; p < histories.total.counts.size(); ++p) out.observed += histories.total.counts[p];
  EstimateOptions options;  // `uncounted estimate` defaults: --method all --criterion bic --level 0.95
  options.seed = seed;
  options.samples = study.samples;
  options.burnin = study.burnin;
  options.thin = study.thin;
  const auto all = value_or_die(estimate_population(histories, options), "estimate");
  options.method = EstimateMethod::kLoglinear;
  options.criterion = SelectionCriterion::kStepwise;
  const auto stepwise = value_or_die(estimate_population(histories, options), "estimate --criterion stepwise");
  auto find = [](const TableEstimate& t, const char* method) -> const MethodEstimate* {
    for (const auto& e : t.estimates)
      if (e.method == method) return &e;
    return nullptr;
  };
  const MethodEstimate* recommended = nullptr;
  for (const auto& e : all.total.estimates)
    if (e.recommended) recommended = &e;
  out.methods.push_back(row_of("bic", find(all.total, "loglinear")));
  out.methods.push_back(row_of("stepwise", find(stepwise.total, "loglinear")));
  out.methods.push_back(row_of("lcmcr", find(all.total, "lcmcr")));
  out.methods.push_back(row_of("chao", find(all.total, "chao")));
  out.methods.push_back(row_of("recommended", recommended));
  out.seconds = seconds_since(start);
  return out;
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) die("cannot write " + path.string());
}

PopulationResult run_population(const Scenario& s, int rep, std::uint64_t seed, const Shared& shared) {
  PopulationResult r;
  r.scenario = s.index;
  r.rep = rep;
  r.seed = seed;
  r.n = population_size(s, seed);

  simulate::SimulationOptions sim_options;
  sim_options.population.seed = seed;
  sim_options.population.people = r.n;
  sim_options.sources = scenario_sources(s);
  const auto sim = value_or_die(simulate::simulate(sim_options, shared.tables), "simulate");
  r.records = sim.records.size();

  // The truth: who is on which list (a person with two records on a list is
  // on it once).
  const std::size_t k = sim_options.sources.size();
  CaptureHistoriesFile truth;
  truth.aggregated = true;
  for (const auto& src : sim_options.sources) truth.lists.push_back(src.list.empty() ? src.name : src.list);
  truth.total.counts.assign(std::size_t{1} << k, 0);
  for (const auto& c : sim.captures) {
    std::size_t p = 0;
    for (std::size_t j = 0; j < k; ++j)
      if (c[j] > 0) p |= std::size_t{1} << j;
    if (p) ++truth.total.counts[p];
  }

  // records -> link -> histories, through files as the commands do.
  const fs::path dir = shared.work_dir / fmt::format("pop_{}", seed);
  fs::create_directories(dir);
  const std::string records_path = (dir / "records.csv").string();
  {
    std::ofstream out(records_path, std::ios::binary);
    auto ok = write_labelled_records_csv(out, sim.records, sim.record_person_ids);
    if (!ok || !out) die("cannot write " + records_path);
  }
  const auto link_start = std::chrono::steady_clock::now();
  // As run_link (src/app/link_run.cpp) without --config; the tables are
  // loaded once for the whole study.
  const auto header = value_or_die(read_csv_header(records_path), records_path);
  LinkConfig config = default_link_config(std::set<std::string>(header.begin(), header.end()));
  config.spec.threads = 1;  // populations run in parallel instead
  LinkRecordColumns columns;
  columns.record_id = config.record_id_column;
  columns.source = config.source_column;
  columns.list = config.list_column;
  for (const auto& [c, where] : config.columns) columns.columns.push_back(c);
  columns.require_columns = false;
  link::RecordTable table;
  if (auto ok = append_link_records(records_path, columns, table); !ok) die(ok.error().message());
  const auto linked = value_or_die(link::link_records(table, config.spec, shared.link_resources), "link");
  const std::string clusters_path = (dir / "clusters.csv").string();
  if (auto ok = write_clusters_csv(clusters_path, table, linked.cluster_of); !ok) die(ok.error().message());
  HistoriesOptions hopt;
  hopt.clusters_path = clusters_path;
  const std::string histories_text = value_or_die(make_histories_csv(hopt), "histories");
  const std::string histories_path = (dir / "histories.csv").string();
  write_text(histories_path, histories_text);
  const auto histories = value_or_die(read_capture_histories(histories_path, {}), histories_path);
  r.link_seconds = seconds_since(link_start);
  r.entities = linked.summary.entities;

  // Pairwise precision and recall of the linkage against the truth.
  if (table.size() != sim.records.size()) die("record count changed on the way through records.csv");
  std::map<std::pair<std::uint32_t, std::string>, std::uint64_t> both;
  std::map<std::uint32_t, std::uint64_t> per_cluster;
  std::map<std::string, std::uint64_t> per_person;
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (table.record_ids[i] != sim.records[i].record_id) die("record order changed on the way through records.csv");
    ++both[{linked.cluster_of[i], sim.record_person_ids[i]}];
    ++per_cluster[linked.cluster_of[i]];
    ++per_person[sim.record_person_ids[i]];
  }
  auto pairs = [](std::uint64_t m) { return m * (m - 1) / 2; };
  std::uint64_t correct = 0, linked_pairs = 0, true_pairs = 0;
  for (const auto& [key, m] : both) correct += pairs(m);
  for (const auto& [key, m] : per_cluster) linked_pairs += pairs(m);
  for (const auto& [key, m] : per_person) true_pairs += pairs(m);
  r.precision = linked_pairs ? static_cast<double>(correct) / static_cast<double>(linked_pairs) : 1.0;
  r.recall = true_pairs ? static_cast<double>(correct) / static_cast<double>(true_pairs) : 1.0;

  r.linked = estimate_all(histories, seed, shared.study);
  r.truth = estimate_all(truth, seed, shared.study);
  fs::remove_all(dir);
  return r;
}

// ---------------------------------------------------------------- summary

struct Cell {
  int runs = 0, failures = 0, covered = 0;
  std::vector<double> rel_bias, rel_width;
  std::map<std::string, int> chosen;
};

void add(Cell& c, const MethodRow& m, int n) {
  ++c.runs;
  if (m.failed) {
    ++c.failures;
    return;
  }
  const double N = n;
  c.rel_bias.push_back(m.n_hat / N - 1);
  c.rel_width.push_back(m.upper ? (*m.upper - m.lower) / N : std::numeric_limits<double>::infinity());
  if (m.lower <= N && (!m.upper || N <= *m.upper)) ++c.covered;
  if (m.method == "recommended") ++c.chosen[m.chosen];
}

double median(std::vector<double> v) {
  if (v.empty()) return std::nan("");
  std::sort(v.begin(), v.end());
  const std::size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

double mean(const std::vector<double>& v) {
  if (v.empty()) return std::nan("");
  double s = 0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}

std::string pct(double x, int digits = 1) {
  if (std::isnan(x)) return "–";
  if (std::isinf(x)) return "∞";
  return fmt::format("{:+.{}f}%", 100 * x, digits);
}

std::string coverage_text(const Cell& c) {
  const int n = c.runs - c.failures;
  if (n == 0) return "–";
  const double p = static_cast<double>(c.covered) / n;
  const double se = std::sqrt(p * (1 - p) / n);
  std::string text = fmt::format("{:.0f}% ± {:.0f}", 100 * p, 100 * se);
  return p < 0.9 ? "**" + text + "**" : text;
}

std::string width_text(const Cell& c) {
  const double w = median(c.rel_width);
  if (std::isnan(w)) return "–";
  if (std::isinf(w)) return "∞";
  return fmt::format("{:.0f}%", 100 * w);
}

// Candidate recommendation rules, applied to the per-method rows of one
// table (so they can be compared without re-running anything):
//  * rule:v1 — the rule of recommend() when the study began: LCMCR when
//    R-hat <= 1.1 and ESS >= 100, else log-linear (BIC), else Chao;
//  * rule:lcmcr-rhat — LCMCR when R-hat <= 1.1 (no ESS condition), else BIC;
//  * rule:envelope — the v1 point estimate with the interval from the lower
//    of the BIC and LCMCR lower ends to the higher of their upper ends (when
//    both ran), i.e. the union of the two intervals.
const MethodRow* method_row(const std::vector<MethodRow>& rows, const std::string& method) {
  for (const auto& r : rows)
    if (r.method == method) return &r;
  return nullptr;
}

MethodRow as_rule(const std::string& rule, const MethodRow* chosen, const std::string& label) {
  MethodRow r;
  r.method = rule;
  if (!chosen || chosen->failed) return r;
  r = *chosen;
  r.method = rule;
  r.chosen = label;
  return r;
}

void add_rules(std::vector<MethodRow>& rows) {
  const MethodRow* bic = method_row(rows, "bic");
  const MethodRow* lcmcr = method_row(rows, "lcmcr");
  const MethodRow* chao = method_row(rows, "chao");
  const bool lcmcr_ran = lcmcr && !lcmcr->failed;
  const bool bic_ran = bic && !bic->failed;
  auto fallback = [&](const std::string& rule) {
    if (bic_ran) return as_rule(rule, bic, "loglinear-bic");
    return as_rule(rule, chao, "chao");
  };
  MethodRow v1 = lcmcr_ran && lcmcr->rhat <= 1.1 && lcmcr->ess >= 100 ? as_rule("rule:v1", lcmcr, "lcmcr")
                                                                      : fallback("rule:v1");
  MethodRow rhat = lcmcr_ran && lcmcr->rhat <= 1.1 ? as_rule("rule:lcmcr-rhat", lcmcr, "lcmcr")
                                                   : fallback("rule:lcmcr-rhat");
  MethodRow envelope = v1;
  envelope.method = "rule:envelope";
  if (!envelope.failed && lcmcr_ran && bic_ran) {
    envelope.lower = std::min(bic->lower, lcmcr->lower);
    envelope.upper = bic->upper && lcmcr->upper ? std::optional<double>(std::max(*bic->upper, *lcmcr->upper))
                                                : std::nullopt;
  }
  rows.push_back(std::move(v1));
  rows.push_back(std::move(rhat));
  rows.push_back(std::move(envelope));
}

std::string cell_text(const Cell& c) {
  if (c.runs == c.failures) return fmt::format("all {} failed", c.failures);
  std::string text = fmt::format("{} / {} · {} · {}", pct(median(c.rel_bias)), pct(mean(c.rel_bias)),
                                 coverage_text(c), width_text(c));
  if (c.failures) text += fmt::format(" ({} failed)", c.failures);
  return text;
}

const std::vector<std::string> kMethods = {"bic", "stepwise", "lcmcr", "chao", "recommended"};
const std::vector<std::string> kRules = {"recommended", "rule:v1", "rule:lcmcr-rhat", "rule:envelope"};

std::string summary_markdown(const std::vector<Scenario>& scenarios, const std::vector<PopulationResult>& results) {
  // cells[histories][scenario][method]
  std::map<std::string, std::map<int, std::map<std::string, Cell>>> cells;
  std::map<std::string, std::map<std::string, std::map<std::string, Cell>>> margins;
  std::map<int, std::vector<double>> precision, recall, excess;
  for (const auto& r : results) {
    const Scenario& s = scenarios[static_cast<std::size_t>(r.scenario)];
    precision[r.scenario].push_back(r.precision);
    recall[r.scenario].push_back(r.recall);
    excess[r.scenario].push_back(static_cast<double>(r.linked.observed) / static_cast<double>(r.truth.observed) - 1);
    for (const auto& [h, hr] : {std::pair<std::string, const HistoriesResult*>{"linked", &r.linked},
                                std::pair<std::string, const HistoriesResult*>{"true", &r.truth}})
      for (const auto& m : hr->methods) {
        add(cells[h][r.scenario][m.method], m, r.n);
        add(margins[h]["all scenarios"][m.method], m, r.n);
        add(margins[h][std::string("capture: ") + capture_name(s.capture)][m.method], m, r.n);
        add(margins[h][fmt::format("lists: {}", s.lists)][m.method], m, r.n);
        add(margins[h][s.size == Size::kSmall ? "size: small" : "size: large"][m.method], m, r.n);
      }
  }
  auto picked_text = [](const Cell& c) {
    std::string picked;
    for (const auto& [name, count] : c.chosen) picked += fmt::format("{}{} {}", picked.empty() ? "" : ", ", name, count);
    return picked;
  };
  std::string out;
  out += "Each cell: median / mean relative bias (N̂/N − 1) · 95% coverage ± binomial s.e. (bold below 90%) · "
         "median interval width / N.\n";
  for (const std::string h : {"true", "linked"}) {
    const std::string title = h == "linked" ? "Linked capture histories (records → link → histories → estimate)"
                                            : "True capture histories (perfect linkage)";
    out += fmt::format("\n### {}: methods\n\n", title);
    out += "| scenario | runs |";
    for (const auto& m : kMethods) out += " " + m + " |";
    out += " recommended picked |\n|---|---|";
    for (std::size_t i = 0; i < kMethods.size(); ++i) out += "---|";
    out += "---|\n";
    auto line = [&](const std::string& label, const std::map<std::string, Cell>& row) {
      out += fmt::format("| {} | {} |", label, row.at("bic").runs);
      for (const auto& m : kMethods) out += " " + cell_text(row.at(m)) + " |";
      out += " " + picked_text(row.at("recommended")) + " |\n";
    };
    for (const auto& [index, row] : cells[h]) line(scenarios[static_cast<std::size_t>(index)].name, row);
    for (const auto& [label, row] : margins[h]) line("*" + label + "*", row);

    out += fmt::format("\n### {}: recommendation rules\n\n", title);
    out += "| scenario | runs |";
    for (const auto& m : kRules) out += " " + m + " |";
    out += "\n|---|---|";
    for (std::size_t i = 0; i < kRules.size(); ++i) out += "---|";
    out += "\n";
    auto rule_line = [&](const std::string& label, const std::map<std::string, Cell>& row) {
      out += fmt::format("| {} | {} |", label, row.at("bic").runs);
      for (const auto& m : kRules) out += " " + cell_text(row.at(m)) + " |";
      out += "\n";
    };
    for (const auto& [index, row] : cells[h]) rule_line(scenarios[static_cast<std::size_t>(index)].name, row);
    for (const auto& [label, row] : margins[h]) rule_line("*" + label + "*", row);
  }
  out += "\n### Linkage against the truth (medians per scenario)\n\n";
  out += "| scenario | pairwise precision | pairwise recall | linked entities / true observed − 1 |\n|---|---|---|---|\n";
  for (const auto& [index, p] : precision)
    out += fmt::format("| {} | {:.3f} | {:.3f} | {} |\n", scenarios[static_cast<std::size_t>(index)].name, median(p),
                       median(recall[index]), pct(median(excess[index])));
  return out;
}

std::string csv_number(double x) {
  if (std::isnan(x)) return "";
  return fmt::format("{:.6g}", x);
}

void write_rows(const std::string& path, const std::vector<Scenario>& scenarios,
                const std::vector<PopulationResult>& results) {
  std::ofstream out(path, std::ios::binary);
  out << "scenario,capture,lists,size,rep,seed,N,records,entities,link_precision,link_recall,link_seconds,"
         "histories,observed,method,chosen,failed,n_hat,lower,upper,covered,rel_bias,rhat,ess,estimate_seconds\n";
  for (const auto& r : results) {
    const Scenario& s = scenarios[static_cast<std::size_t>(r.scenario)];
    for (const auto& [h, hr] : {std::pair<std::string, const HistoriesResult*>{"linked", &r.linked},
                                std::pair<std::string, const HistoriesResult*>{"true", &r.truth}})
      for (const auto& m : hr->methods) {
        const bool covered = !m.failed && m.lower <= r.n && (!m.upper || r.n <= *m.upper);
        out << fmt::format("\"{}\",{},{},{},{},{},{},{},{},{:.4f},{:.4f},{:.2f},{},{},{},\"{}\",{},{},{},{},{},{},{},{},{:.2f}\n",
                           s.name, capture_name(s.capture), s.lists, s.size == Size::kSmall ? "small" : "large", r.rep,
                           r.seed, r.n, r.records, r.entities, r.precision, r.recall, r.link_seconds, h, hr->observed,
                           m.method, m.chosen, m.failed ? 1 : 0, m.failed ? "" : csv_number(m.n_hat),
                           m.failed ? "" : csv_number(m.lower), m.upper && !m.failed ? csv_number(*m.upper) : "",
                           covered ? 1 : 0, m.failed ? "" : csv_number(m.n_hat / r.n - 1), csv_number(m.rhat),
                           csv_number(m.ess), hr->seconds);
      }
  }
  if (!out) die("cannot write " + path);
}

// Reads back the rows written by write_rows (for --from).
std::vector<PopulationResult> load_rows(const std::string& path, const std::vector<Scenario>& scenarios) {
  const auto table = value_or_die(read_csv_file(path), path);
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < table.header.size(); ++i) col[table.header[i]] = i;
  for (const char* c : {"scenario", "rep", "seed", "N", "records", "entities", "link_precision", "link_recall",
                        "link_seconds", "histories", "observed", "method", "chosen", "failed", "n_hat", "lower",
                        "upper", "rhat", "ess", "estimate_seconds"})
    if (!col.count(c)) die(path + ": no column " + c);
  std::map<std::string, int> scenario_index;
  for (const auto& s : scenarios) scenario_index[s.name] = s.index;
  std::map<std::pair<int, int>, PopulationResult> by_population;
  auto number = [](const std::string& text) { return text.empty() ? std::nan("") : std::stod(text); };
  for (const auto& row : table.rows) {
    auto f = [&](const char* c) -> const std::string& { return row.fields.at(col.at(c)); };
    if (!scenario_index.count(f("scenario"))) die(path + ": unknown scenario " + f("scenario"));
    const int scenario = scenario_index[f("scenario")];
    const int rep = std::stoi(f("rep"));
    auto& r = by_population[{scenario, rep}];
    r.scenario = scenario;
    r.rep = rep;
    r.seed = std::stoull(f("seed"));
    r.n = std::stoi(f("N"));
    r.records = std::stoull(f("records"));
    r.entities = std::stoull(f("entities"));
    r.precision = number(f("link_precision"));
    r.recall = number(f("link_recall"));
    r.link_seconds = number(f("link_seconds"));
    HistoriesResult& h = f("histories") == "linked" ? r.linked : r.truth;
    h.observed = std::stoll(f("observed"));
    h.seconds = number(f("estimate_seconds"));
    MethodRow m;
    m.method = f("method");
    m.chosen = f("chosen");
    m.failed = f("failed") == "1";
    if (!m.failed) {
      m.n_hat = number(f("n_hat"));
      m.lower = number(f("lower"));
      if (!f("upper").empty()) m.upper = number(f("upper"));
    }
    m.rhat = number(f("rhat"));
    m.ess = number(f("ess"));
    h.methods.push_back(std::move(m));
  }
  std::vector<PopulationResult> out;
  for (auto& [key, r] : by_population) out.push_back(std::move(r));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<std::string> out_path, md_path, from_path;
  int reps = 10;
  int workers = 2;
  std::string only;
  std::uint64_t seed_base = 1;
  Shared shared;
  shared.data_dir = UNCOUNTED_SHARED_DATA;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        fmt::print(stderr, "coverage_study: {} needs a value\n", a);
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--out") out_path = next();
    else if (a == "--md") md_path = next();
    else if (a == "--from") from_path = next();
    else if (a == "--reps") reps = std::stoi(next());
    else if (a == "--workers") workers = std::max(1, std::stoi(next()));
    else if (a == "--only") only = next();
    else if (a == "--seed-base") seed_base = std::stoull(next());
    else if (a == "--samples") shared.study.samples = std::stoi(next());
    else if (a == "--burnin") shared.study.burnin = std::stoi(next());
    else if (a == "--thin") shared.study.thin = std::stoi(next());
    else if (a == "--data") shared.data_dir = next();
    else {
      fmt::print(stderr,
                 "usage: coverage_study [--out ROWS.csv | --from ROWS.csv] [--md SUMMARY.md] [--reps R] [--only SUBSTRING] "
                 "[--workers W] [--seed-base S] [--samples N] [--burnin N] [--thin N] [--data DIR]\n");
      return 2;
    }
  }
  const auto study_start = std::chrono::steady_clock::now();
  auto summarise = [&](std::vector<PopulationResult> results, const std::string& heading) {
    for (auto& r : results) {
      add_rules(r.linked.methods);
      add_rules(r.truth.methods);
    }
    const std::string md = heading + summary_markdown(all_scenarios(), results);
    if (md_path) write_text(*md_path, md);
    else fmt::print("{}", md);
  };
  if (from_path) {
    summarise(load_rows(*from_path, all_scenarios()), fmt::format("rows: {}\n", *from_path));
    return 0;
  }

  // Tables for the generator and for linkage, loaded once.
  const std::string korean = shared.data_dir + "/korean/";
  static auto surnames = value_or_die(
      normalize::SurnameTable::parse(read_or_die(korean + "surnames.csv"), "surnames.csv"), "surnames.csv");
  static auto gazetteer = value_or_die(
      normalize::Gazetteer::parse(read_or_die(korean + "kp_admin_gazetteer.csv"), "kp_admin_gazetteer.csv",
                                  read_or_die(korean + "china_border_places.csv"), "china_border_places.csv"),
      "gazetteer");
  static auto hanja = value_or_die(
      normalize::HanjaReadings::parse(
          value_or_die(normalize::decompress_bzip2(read_or_die(normalize::kDebianUnihanReadings)), "Unihan"),
          value_or_die(normalize::decompress_bzip2(read_or_die(normalize::kDebianUnihanVariants)), "Unihan")),
      "Unihan");
  shared.tables = simulate::KoreanTables{&surnames, &gazetteer, &hanja};
  {
    // The default config's reference tables (the same for every population:
    // every simulated file has the same header).
    std::set<std::string> present = {"record_id", "source", "list", "full_name", "family_name", "given_name",
                                     "name_hangul", "name_hanzi", "sex", "birth_year", "birth_date", "age",
                                     "origin_place", "event_type", "event_date", "event_place", "facility_type",
                                     "perpetrator", "sentence_months", "notes"};
    const auto config = default_link_config(present);
    shared.link_resources = value_or_die(load_link_tables(config.spec, shared.data_dir), "link tables");
  }
  shared.work_dir = fs::temp_directory_path() / fmt::format("coverage_study_{}", ::getpid());
  fs::create_directories(shared.work_dir);

  const auto scenarios = all_scenarios();
  struct Job {
    const Scenario* scenario;
    int rep;
    std::uint64_t seed;
  };
  std::vector<Job> jobs;
  for (const auto& s : scenarios) {
    if (!only.empty() && s.name.find(only) == std::string::npos) continue;
    for (int r = 0; r < reps; ++r)
      jobs.push_back({&s, r, seed_base + 1000 * static_cast<std::uint64_t>(s.index) + static_cast<std::uint64_t>(r)});
  }
  // Large populations first, so the two workers finish together.
  std::stable_sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) {
    return a.scenario->size == Size::kLarge && b.scenario->size == Size::kSmall;
  });
  std::vector<PopulationResult> results(jobs.size());
  std::atomic<std::size_t> next_job{0};
  std::mutex print_mutex;
  std::size_t done = 0;
  auto worker = [&]() {
    for (;;) {
      const std::size_t j = next_job.fetch_add(1);
      if (j >= jobs.size()) return;
      const auto start = std::chrono::steady_clock::now();
      results[j] = run_population(*jobs[j].scenario, jobs[j].rep, jobs[j].seed, shared);
      std::lock_guard lock(print_mutex);
      ++done;
      const auto& r = results[j];
      const auto& rec = r.linked.methods.back();
      fmt::print(stderr, "[{}/{}] {} rep {} N={} linked n={} (true {}) P/R {:.3f}/{:.3f}; recommended {} {:.0f} "
                         "[{:.0f}, {}] ({:.1f} s: link {:.1f})\n",
                 done, jobs.size(), jobs[j].scenario->name, r.rep, r.n, r.linked.observed, r.truth.observed,
                 r.precision, r.recall, rec.chosen, rec.n_hat, rec.lower, rec.upper ? fmt::format("{:.0f}", *rec.upper) : "∞",
                 seconds_since(start), r.link_seconds);
    }
  };
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  fs::remove_all(shared.work_dir);
  // Back to scenario order for the output.
  std::stable_sort(results.begin(), results.end(), [](const PopulationResult& a, const PopulationResult& b) {
    return a.scenario != b.scenario ? a.scenario < b.scenario : a.rep < b.rep;
  });

  const double total_seconds = seconds_since(study_start);
  std::string md = fmt::format(
      "populations: {} ({} per scenario), seeds {} + 1000 x scenario + rep; LCMCR: {} draws over 2 chains, "
      "burn-in {}, thin {} per chain; {} workers; runtime {:.0f} s\n",
      jobs.size(), reps, seed_base, shared.study.samples, shared.study.burnin, shared.study.thin, workers,
      total_seconds);
  if (out_path) write_rows(*out_path, scenarios, results);
  summarise(std::move(results), md);
  return 0;
}
