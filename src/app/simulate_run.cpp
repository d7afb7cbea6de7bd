#include "app/simulate_run.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

#include "app/build_info.h"
#include "app/link_histories.h"
#include "app/output_paths.h"
#include "base/csv_reader.h"
#include "io/simulated_records_csv.h"
#include "normalize/bzip2.h"

namespace uncounted {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kManifestFirstLine =
    "SYNTHETIC DATA made by `uncounted simulate`: no record describes a real person.";
constexpr int kPeriodYears = 5;

CivilDate today_utc() {
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return CivilDate{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                   static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

struct Tables {
  normalize::SurnameTable surnames;
  normalize::Gazetteer gazetteer;
  std::optional<normalize::HanjaReadings> hanja;
  simulate::KoreanTables view() const { return {&surnames, &gazetteer, hanja ? &*hanja : nullptr}; }
};

Result<Tables> load_tables(const std::string& data_dir, bool with_hanja) {
  const std::string korean = data_dir + "/korean/";
  auto surname_text = read_file(korean + "surnames.csv");
  if (!surname_text) return tl::unexpected(surname_text.error());
  auto surnames = normalize::SurnameTable::parse(*surname_text, korean + "surnames.csv");
  if (!surnames) return tl::unexpected(surnames.error());
  const std::string kp = korean + "kp_admin_gazetteer.csv", cn = korean + "china_border_places.csv";
  auto kp_text = read_file(kp);
  if (!kp_text) return tl::unexpected(kp_text.error());
  auto cn_text = read_file(cn);
  if (!cn_text) return tl::unexpected(cn_text.error());
  auto gazetteer = normalize::Gazetteer::parse(*kp_text, kp, *cn_text, cn);
  if (!gazetteer) return tl::unexpected(gazetteer.error());
  Tables t{std::move(*surnames), std::move(*gazetteer), std::nullopt};
  if (with_hanja) {
    // The Pinyin source (prc_documents, the sixth) needs the Unihan readings.
    auto readings = read_file(normalize::kDebianUnihanReadings);
    if (!readings) return fail(readings.error().message() + " (the sixth source, prc_documents, needs Unihan)");
    auto variants = read_file(normalize::kDebianUnihanVariants);
    if (!variants) return fail(variants.error().message() + " (the sixth source, prc_documents, needs Unihan)");
    auto r = normalize::decompress_bzip2(*readings);
    if (!r) return tl::unexpected(r.error());
    auto v = normalize::decompress_bzip2(*variants);
    if (!v) return tl::unexpected(v.error());
    auto h = normalize::HanjaReadings::parse(*r, *v);
    if (!h) return tl::unexpected(h.error());
    t.hanja = std::move(*h);
  }
  return t;
}

// The out folder: created, or emptied of an earlier simulation's files.
Status prepare_out_dir(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    fs::create_directories(dir / "truth", ec);
    if (ec) return fail(fmt::format("{}: cannot create the folder ({})", dir.string(), ec.message()));
    return {};
  }
  if (!fs::is_directory(dir, ec)) return fail(fmt::format("{}: exists and is not a folder", dir.string()));
  const bool empty = fs::is_empty(dir, ec);
  if (ec) return fail(fmt::format("{}: cannot read the folder ({})", dir.string(), ec.message()));
  if (!empty) {
    auto manifest = read_file((dir / "MANIFEST.txt").string());
    if (!manifest || manifest->rfind(kManifestFirstLine, 0) != 0)
      return fail(fmt::format("{}: the folder holds other files (no MANIFEST.txt of an earlier simulation); "
                              "choose a new or empty folder",
                              dir.string()));
    // An earlier simulation: remove exactly what it wrote.
    std::vector<fs::path> old;
    for (const auto& entry : fs::directory_iterator(dir, ec))
      if (entry.is_regular_file() && entry.path().extension() == ".csv") old.push_back(entry.path());
    for (const char* name : {"truth/records_with_truth.csv", "truth/people.csv", "MANIFEST.txt"})
      old.push_back(dir / name);
    for (const auto& p : old) {
      fs::remove(p, ec);
      if (ec) return fail(fmt::format("{}: cannot remove the earlier file ({})", p.string(), ec.message()));
    }
  }
  fs::create_directories(dir / "truth", ec);
  if (ec) return fail(fmt::format("{}: cannot create the folder ({})", (dir / "truth").string(), ec.message()));
  return {};
}

Status write_file(const fs::path& path, const std::function<Status(std::ostream&)>& body) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return fail(fmt::format("{}: cannot open the file for writing", path.string()));
  auto ok = body(out);
  if (!ok) return fail(fmt::format("{}: {}", path.string(), ok.error().message()));
  out.close();
  if (!out) return fail(fmt::format("{}: writing the file failed", path.string()));
  return {};
}

std::string command_line(const SimulateRunOptions& o) {
  return fmt::format("uncounted simulate --people {} --sources {} --seed {} --first-year {} --last-year {} "
                     "--scenario {} --out DIR",
                     o.people, o.sources, o.seed, o.first_year, o.last_year, simulate_scenario_name(o.scenario));
}

std::string scenario_text(SimulateScenario s) {
  switch (s) {
    case SimulateScenario::kPresets:
      return "each source's own capture heterogeneity and dependence, as docs/SIMULATION.md lists them";
    case SimulateScenario::kIndependent:
      return "independent lists: no heterogeneity, no dependence";
    case SimulateScenario::kHeterogeneous:
      return "strong visibility heterogeneity (the presets' x 1.5), no direct dependence";
    case SimulateScenario::kDependent:
      return "the presets' heterogeneity plus direct list dependence (2 on 1 +1.0, 3 on 2 -0.7, 4 on 1 +1.0, "
             "6 on 5 +1.0 log-odds)";
  }
  return {};
}

std::string manifest_text(const SimulateRunReport& r) {
  const SimulateRunOptions& o = r.options;
  std::string m;
  m += kManifestFirstLine;
  m += "\n"
       "Every name, date and place here was drawn at random by the generator that\n"
       "docs/SIMULATION.md describes. The numbers say nothing about real people or\n"
       "real totals; they exist to test record linkage and estimation against a\n"
       "known truth.\n\n";
  m += fmt::format("generator: uncounted {}\n", uncounted_version());
  m += fmt::format("command: {}\n", command_line(o));
  m += fmt::format("people: {}\nsources: {}\nseed: {}\nyears of repatriation: {}-{}\nscenario: {} ({})\n\n",
                   o.people, o.sources, o.seed, o.first_year, o.last_year, simulate_scenario_name(o.scenario),
                   scenario_text(o.scenario));
  m += "Lists (one file per source: canonical columns, no truth column; a record\n"
       "that also reports the detention after return has a second row with the\n"
       "same record_id):\n";
  m += fmt::format("  {:<22} {:<16} {:<16} {:>7} {:>7} {:>9}\n", "file", "source", "list", "records", "people",
                   "detention");
  for (const auto& l : r.lists)
    m += fmt::format("  {:<22} {:<16} {:<16} {:>7} {:>7} {:>9}\n", l.file, l.source, l.list, l.records, l.people,
                     l.detention_records);
  m += "Import each with: uncounted import STORE --source SOURCE --list LIST FILE\n\n";
  m += "Truth (truth/people.csv: one row per person; truth/records_with_truth.csv:\n"
       "every record with its person_id):\n";
  m += fmt::format("  true total: {} people repatriated {}-{}; {} of them on at least one list\n", r.people,
                   o.first_year, o.last_year, r.observed);
  m += "  by period of repatriation (as `uncounted histories --period 5` labels it):\n";
  m += fmt::format("  {:<12} {:>10} {:>10}\n", "period", "true total", "on a list");
  for (const auto& p : r.periods) m += fmt::format("  {:<12} {:>10} {:>10}\n", p.period, p.people, p.observed);
  return m;
}

}  // namespace

std::optional<SimulateScenario> parse_simulate_scenario(std::string_view name) {
  for (auto s : {SimulateScenario::kPresets, SimulateScenario::kIndependent, SimulateScenario::kHeterogeneous,
                 SimulateScenario::kDependent})
    if (simulate_scenario_name(s) == name) return s;
  return std::nullopt;
}

std::string_view simulate_scenario_name(SimulateScenario scenario) {
  switch (scenario) {
    case SimulateScenario::kPresets: return "presets";
    case SimulateScenario::kIndependent: return "independent";
    case SimulateScenario::kHeterogeneous: return "heterogeneous";
    case SimulateScenario::kDependent: return "dependent";
  }
  return "presets";
}

std::string simulate_period_label(int year) { return period_label(year, kPeriodYears); }

Status check_simulate_options(const SimulateRunOptions& o) {
  const int this_year = o.current_year > 0 ? o.current_year : today_utc().year;
  if (o.people < 1 || o.people > 1000000)
    return fail(fmt::format("--people must be between 1 and 1000000 (got {})", o.people));
  if (o.sources < 1 || o.sources > 6)
    return fail(fmt::format("--sources must be between 1 and 6 (got {})", o.sources));
  if (o.first_year < 1950 || o.first_year > this_year - 1)
    return fail(fmt::format("--first-year must be between 1950 and {} (got {})", this_year - 1, o.first_year));
  if (o.last_year < 1950 || o.last_year > this_year - 1)
    return fail(fmt::format("--last-year must be between 1950 and {} (got {}): the records' dates must lie in "
                            "the past, or import refuses them",
                            this_year - 1, o.last_year));
  if (o.first_year > o.last_year)
    return fail(fmt::format("--first-year ({}) is after --last-year ({})", o.first_year, o.last_year));
  if (o.out_dir.empty()) return fail("--out DIR is required");
  return {};
}

Result<SimulateRunReport> run_simulate(const SimulateRunOptions& options) {
  if (auto ok = check_simulate_options(options); !ok) return tl::unexpected(ok.error());
  if (auto ok = check_output_paths({{"the reference data folder", options.data_dir}}, {{"--out", options.out_dir}});
      !ok)
    return tl::unexpected(ok.error());
  simulate::SimulationOptions sim_options;
  sim_options.population.seed = options.seed;
  sim_options.population.people = options.people;
  sim_options.population.first_year = options.first_year;
  sim_options.population.last_year = options.last_year;
  sim_options.sources = simulate::scenario_sources(options.sources, options.scenario);
  bool pinyin = false;
  for (const auto& s : sim_options.sources) pinyin = pinyin || s.style == simulate::NameStyle::kPinyin;

  auto tables = load_tables(options.data_dir, pinyin);
  if (!tables) return tl::unexpected(tables.error());
  const simulate::KoreanTables view = tables->view();
  auto sim = simulate::simulate(sim_options, view);
  if (!sim) return tl::unexpected(sim.error());

  // Import refuses dates in the future: a late last year could give some.
  const CivilDate today = today_utc();
  for (const auto& r : sim->records)
    for (const auto& e : r.events)
      if (e.date && e.date->earliest > today)
        return fail(fmt::format("record {} is dated after today ({}); choose an earlier --last-year",
                                r.record_id, e.date->verbatim));

  SimulateRunReport report;
  report.options = options;
  report.people = sim->people.size();
  report.records = sim->records.size();
  const fs::path dir(options.out_dir);
  if (auto ok = prepare_out_dir(dir); !ok) return tl::unexpected(ok.error());

  std::set<std::string> observed;
  for (std::size_t k = 0; k < sim_options.sources.size(); ++k) {
    const auto& spec = sim_options.sources[k];
    SimulatedListSummary list;
    list.source = spec.name;
    list.list = spec.list.empty() ? spec.name : spec.list;
    list.file = spec.name + ".csv";
    std::vector<CaseRecord> records;
    std::set<std::string> people;
    for (std::size_t r = 0; r < sim->records.size(); ++r) {
      if (sim->record_source[r] != k) continue;
      records.push_back(sim->records[r]);
      people.insert(sim->record_person_ids[r]);
      list.detention_records += sim->record_noise[r].detention_reported;
    }
    list.records = records.size();
    list.people = people.size();
    observed.insert(people.begin(), people.end());
    if (auto ok = write_file(dir / list.file, [&](std::ostream& o) { return write_records_csv(o, records); }); !ok)
      return tl::unexpected(ok.error());
    report.lists.push_back(std::move(list));
  }
  report.observed = observed.size();

  if (auto ok = write_file(dir / "truth" / "records_with_truth.csv",
                           [&](std::ostream& o) {
                             return write_labelled_records_csv(o, sim->records, sim->record_person_ids);
                           });
      !ok)
    return tl::unexpected(ok.error());

  auto truth = simulate::truth_table(*sim, sim_options, view);
  truth.header.push_back("repatriation_period");
  std::map<std::string, SimulatedPeriodTotal> periods;  // labels of equal width sort in time order
  for (std::size_t i = 0; i < sim->people.size(); ++i) {
    const auto& p = sim->people[i];
    const std::string label = simulate_period_label(p.repatriation.year);
    truth.rows[i].push_back(label);
    auto& total = periods[label];
    total.period = label;
    ++total.people;
    total.observed += observed.count(p.person_id);
  }
  for (auto& [label, total] : periods) report.periods.push_back(total);
  if (auto ok = write_file(dir / "truth" / "people.csv",
                           [&](std::ostream& o) { return write_csv_table(o, truth.header, truth.rows); });
      !ok)
    return tl::unexpected(ok.error());

  if (auto ok = write_file(dir / "MANIFEST.txt",
                           [&](std::ostream& o) -> Status {
                             o << manifest_text(report);
                             return {};
                           });
      !ok)
    return tl::unexpected(ok.error());
  return report;
}

std::string format_simulate_report(const SimulateRunReport& r) {
  std::string s = fmt::format(
      "SYNTHETIC population: {} people repatriated {}-{} (seed {}, scenario {}); {} on at least one list.\n",
      r.people, r.options.first_year, r.options.last_year, r.options.seed, simulate_scenario_name(r.options.scenario),
      r.observed);
  for (const auto& l : r.lists)
    s += fmt::format("  {:<22} {:>6} records of {:>6} people ({} also report the detention)\n", l.file, l.records,
                     l.people, l.detention_records);
  s += "  true totals by period:";
  for (const auto& p : r.periods) s += fmt::format(" {} {};", p.period, p.people);
  if (!r.periods.empty()) s.pop_back();
  s += fmt::format("\nwrote {} lists, truth/ and MANIFEST.txt to {}\n", r.lists.size(), r.options.out_dir);
  return s;
}

}  // namespace uncounted
