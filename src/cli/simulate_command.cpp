// `uncounted simulate`: a SYNTHETIC population and the lists that see it
// (DESIGN.md §4, docs/SIMULATION.md).
#include <cstdlib>
#include <iostream>
#include <memory>

#include "app/simulate_run.h"
#include "cli/commands.h"
#include "cli/store_options.h"

#ifndef UNCOUNTED_DEFAULT_DATA_DIR
#define UNCOUNTED_DEFAULT_DATA_DIR "../shared/data"
#endif

namespace uncounted::cli {
namespace {

struct SimulateArguments {
  SimulateRunOptions options;
  std::string scenario = "presets";
};

int run_simulate_command(const SimulateArguments& args) {
  SimulateRunOptions options = args.options;
  auto scenario = parse_simulate_scenario(args.scenario);
  if (!scenario) {
    std::cerr << "uncounted simulate: --scenario must be presets, independent, heterogeneous or dependent\n";
    return kExitUsage;
  }
  options.scenario = *scenario;
  if (options.data_dir.empty()) {
    const char* env = std::getenv("UNCOUNTED_DATA");
    options.data_dir = env && *env ? env : UNCOUNTED_DEFAULT_DATA_DIR;
  }
  if (auto ok = check_simulate_options(options); !ok) {
    std::cerr << "uncounted simulate: " << ok.error().message() << "\n";
    return kExitUsage;
  }
  auto report = run_simulate(options);
  if (!report) {
    std::cerr << "uncounted simulate: " << report.error().message() << "\n";
    return kExitFailure;
  }
  std::cout << format_simulate_report(*report);
  return std::cout.good() ? kExitOk : kExitFailure;
}

}  // namespace

void add_simulate_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "simulate",
      "Write a SYNTHETIC population of North Koreans returned from China and the lists of K sources that see "
      "some of them, with names in their styles (Hangul, DPRK and South romanisations, Pinyin), typos, coarse "
      "dates, heterogeneous and dependent capture, and the detention after return in some records. DIR gets "
      "<source>.csv per source (for `uncounted import`), truth/ (every record with its person_id, every person) "
      "and MANIFEST.txt (options, lists, true totals per five-year period). The same options give identical "
      "files. See docs/SIMULATION.md.");
  auto args = std::make_shared<SimulateArguments>();
  auto& o = args->options;
  cmd->add_option("--people", o.people, "People in the population (1-1000000)")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  cmd->add_option("--sources", o.sources,
                  "Sources (lists), 1-6, the first K of: nkdb_interviews, ngo_reports, media_south, un_submissions, "
                  "academic_mr, prc_documents")
      ->check(CLI::Range(1, 6))
      ->capture_default_str();
  cmd->add_option("--seed", o.seed, "Random seed")->capture_default_str();
  cmd->add_option("--first-year", o.first_year, "First year of repatriation")->capture_default_str();
  cmd->add_option("--last-year", o.last_year, "Last year of repatriation (before this year)")->capture_default_str();
  cmd->add_option("--scenario", args->scenario,
                  "How the sources capture people: presets (their own heterogeneity and dependence), independent "
                  "(neither), heterogeneous (the presets' visibility heterogeneity x 1.5, no dependence) or dependent "
                  "(the presets' heterogeneity plus direct list dependence), as in docs/COVERAGE.md")
      ->capture_default_str();
  cmd->add_option("--out", o.out_dir, "Folder to write (new, empty, or an earlier simulation's)")->required();
  add_data_dir(cmd, o.data_dir);
  cmd->callback([args, &exit_status] { exit_status = run_simulate_command(*args); });
}

}  // namespace uncounted::cli
