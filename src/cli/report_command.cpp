// `uncounted report`: one self-contained HTML report (DESIGN.md §4), from a
// STORE (app/store_report.h: everything made in memory from its records and
// latest link run) or from a folder of earlier outputs (--from DIR:
// estimate.json, histories.csv, clusters.csv, pairs.csv, record files; see
// app/report_make.h).
#include <cstdlib>
#include <iostream>
#include <memory>

#include "app/report_make.h"
#include "app/store_report.h"
#include "cli/commands.h"
#include "cli/progress_bar.h"
#include "cli/store_options.h"

#ifndef UNCOUNTED_DEFAULT_DATA_DIR
#define UNCOUNTED_DEFAULT_DATA_DIR "../shared/data"
#endif

namespace uncounted::cli {
namespace {

struct ReportArguments {
  std::string store;
  std::string from_dir;
  std::string out;
  bool internal = false;
  bool synthetic = false;
  // With a STORE:
  std::string passphrase_file;
  int period_years = 5;
  bool no_sensitivity = false;
  std::string config;
  std::string data_dir;
};

int run_store_report(const ReportArguments& args) {
  StoreReportRequest request;
  request.access = StoreAccess{args.store, args.passphrase_file, nullptr};
  request.out = args.out;
  request.audience = args.internal ? report::Audience::kInternal : report::Audience::kPublic;
  request.synthetic = args.synthetic;
  request.period_years = args.period_years;
  request.sensitivity = !args.no_sensitivity;
  if (!args.config.empty()) request.config_path = args.config;
  request.data_dir = args.data_dir;
  if (request.data_dir.empty()) {
    const char* env = std::getenv("UNCOUNTED_DATA");
    request.data_dir = env && *env ? env : UNCOUNTED_DEFAULT_DATA_DIR;
  }
  ProgressBar bar;
  request.progress = [&bar](std::string_view stage, double done) { bar.update(stage, done); };
  auto made = make_store_report(request);
  bar.finish();
  if (!made) {
    report_error("report", made.error().message());
    return kExitFailure;
  }
  for (const auto& n : made->notices) report_error("report", "note: " + n);
  std::cout << "wrote " << (args.internal ? "an INTERNAL" : "a public") << " report to " << args.out << "\n";
  std::cout << "  from: " << args.store << ", link run " << made->run_id << " (the report is recorded in its audit log)\n";
  for (const auto& section : made->left_out) std::cout << "  left out: " << section << "\n";
  if (args.internal)
    std::cout << "  (internal: small counts are not suppressed; do not publish or share this file)\n";
  return kExitOk;
}

int run_report(const ReportArguments& args) {
  if (!args.store.empty() && !args.from_dir.empty()) {
    std::cerr << "uncounted report: give a STORE or --from DIR, not both\n";
    return kExitUsage;
  }
  if (!args.store.empty()) return run_store_report(args);
  if (args.from_dir.empty()) {
    std::cerr << "uncounted report: give a STORE or --from DIR\n";
    return kExitUsage;
  }
  ReportRequest request;
  request.from_dir = args.from_dir;
  request.out = args.out;
  request.audience = args.internal ? report::Audience::kInternal : report::Audience::kPublic;
  request.synthetic = args.synthetic;
  auto made = make_report(request);
  if (!made) {
    std::cerr << "uncounted report: " << made.error().message() << "\n";
    return kExitFailure;
  }
  std::cout << "wrote " << (args.internal ? "an INTERNAL" : "a public") << " report to " << args.out << "\n";
  std::cout << "  from:";
  for (const auto& input : made->inputs) std::cout << " " << input;
  std::cout << "\n";
  for (const auto& section : made->left_out) std::cout << "  left out: " << section << "\n";
  if (args.internal)
    std::cout << "  (internal: small counts are not suppressed; do not publish or share this file)\n";
  return kExitOk;
}

}  // namespace

void add_report_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "report",
      "Write one self-contained HTML report (inline SVG charts, no scripts, works offline): documented and "
      "estimated totals per period, overlap of the lists, events over time, sentences, linkage, and the methods "
      "with seed, versions and input digests. Public by default: no names, birth dates or record ids, and counts "
      "of 1-4 people shown as \"<5\".");
  auto args = std::make_shared<ReportArguments>();
  cmd->add_option("STORE", args->store,
                  "An encrypted store: the report is made from its records and latest link run (`uncounted link "
                  "STORE`), in memory");
  add_optional_passphrase_file(cmd, args->passphrase_file);
  cmd->add_option("--period", args->period_years, "With a STORE: estimate per period of this many years (0: none)")
      ->check(CLI::Range(0, 100))
      ->capture_default_str();
  cmd->add_flag("--no-sensitivity", args->no_sensitivity,
                "With a STORE: leave out the re-linking at stricter and looser thresholds (faster)");
  cmd->add_option("--config", args->config, "With a STORE: the link config the run used (for the re-linking)");
  add_data_dir(cmd, args->data_dir);
  cmd->add_option("--from", args->from_dir,
                  "Folder with estimate.json, histories.csv, clusters.csv, pairs.csv and record files (e.g. from "
                  "`uncounted demo --out DIR`)");
  cmd->add_option("--out", args->out, "The HTML file to write (replaced if it exists)")->required();
  cmd->add_flag("--internal", args->internal,
                "The team's own view: small counts are not suppressed (still no names); never publish it");
  cmd->add_flag("--synthetic", args->synthetic, "Label the report as made from simulated data");
  cmd->callback([args, &exit_status] { exit_status = run_report(*args); });
}

}  // namespace uncounted::cli
