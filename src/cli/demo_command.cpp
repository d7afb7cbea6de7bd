// `uncounted demo`: the whole pipeline on the shipped synthetic example
// (app/demo_run.h): store → import → link → histories by period → estimate
// → report. Prints each stage, a short summary beside the truth, and the
// report's path.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "app/demo_run.h"
#include "app/estimate_output.h"
#include "cli/commands.h"
#include "cli/store_options.h"

#ifndef UNCOUNTED_DEFAULT_DATA_DIR
#define UNCOUNTED_DEFAULT_DATA_DIR "../shared/data"
#endif

namespace uncounted::cli {
namespace {

struct DemoArguments {
  std::string out_dir = "uncounted-demo";
  std::string examples_dir = UNCOUNTED_EXAMPLES_DIR;
  std::string data_dir;
};

std::string summary_row(const std::string& label, const TableEstimate& t, const std::map<std::string, std::int64_t>& truth) {
  std::string estimate = "-", method = "-";
  for (const auto& e : t.estimates)
    if (e.recommended) {
      estimate = fmt::format("{} ({})", thousands(e.n_hat), interval_text(e));
      method = e.method;
    }
  auto it = truth.find(t.stratum);
  std::string true_total = "-", covered = "";
  if (it != truth.end()) {
    true_total = thousands(static_cast<double>(it->second));
    for (const auto& e : t.estimates)
      if (e.recommended) {
        const auto n = static_cast<double>(it->second);
        covered = n >= e.lower && (!e.upper || n <= *e.upper) ? "covered" : "MISSED";
      }
  }
  return fmt::format("  {:<12} {:>10}  {:<28} {:<10} {:>10}  {}\n", label,
                     thousands(static_cast<double>(t.observed)), estimate, method, true_total, covered);
}

int run_demo_command(const DemoArguments& args) {
  std::cout << "uncounted demo: the whole pipeline on the SYNTHETIC example in " << args.examples_dir
            << "/sources\n(made by `uncounted simulate`; no record describes a real person).\n\n";
  DemoRequest request;
  request.examples_dir = args.examples_dir;
  request.out_dir = args.out_dir;
  request.data_dir = args.data_dir;
  if (request.data_dir.empty()) {
    const char* env = std::getenv("UNCOUNTED_DATA");
    request.data_dir = env && *env ? env : UNCOUNTED_DEFAULT_DATA_DIR;
  }
  request.say = [](std::string_view line) { std::cout << "- " << line << std::endl; };
  auto result = run_demo(request);
  if (!result) {
    std::cerr << "uncounted demo: " << result.error().message() << "\n";
    return kExitFailure;
  }
  const auto& r = *result;
  for (const auto& n : r.notices) std::cout << "  note: " << n << "\n";
  std::cout << fmt::format(
      "\n{} records from {} sources linked into {} people (the linkage model's own estimates: precision {:.3f}, "
      "recall {:.3f}).\n\n",
      thousands(static_cast<double>(r.records)), r.sources, thousands(static_cast<double>(r.entities)),
      r.estimated_precision, r.estimated_recall);
  std::cout << "How many people were repatriated (recommended estimate, 95% interval), beside the truth that only a "
               "simulation knows:\n";
  std::cout << fmt::format("  {:<12} {:>10}  {:<28} {:<10} {:>10}  {}\n", "period", "documented",
                           "estimate (interval)", "method", "true total", "truth in interval?");
  std::cout << summary_row("all", r.estimate.total, r.true_totals);
  auto strata = r.estimate.strata;
  std::sort(strata.begin(), strata.end(), [](const auto& a, const auto& b) { return a.stratum < b.stratum; });
  for (const auto& s : strata) std::cout << summary_row(s.stratum, s, r.true_totals);
  std::cout << "\n(documented: linked people seen by at least one list; \"unknown\": people none of whose records has "
               "a usable date. Where an interval misses the truth, the usual cause is linkage: one person left as two "
               "entities looks like two people each seen by fewer lists; see the report's sensitivity section and "
               "docs/COVERAGE.md.)\n\n";
  std::cout << "store:  " << r.store_path
            << (r.demo_passphrase ? std::string(" (passphrase \"") + kDemoPassphrase + "\"; synthetic data only)"
                                  : std::string(" (passphrase from UNCOUNTED_PASSPHRASE)"))
            << "\n";
  std::cout << "report: " << r.report_path << " (public report; open it in a browser)\n";
  std::cout << "Next: uncounted estimate " << r.store_path << " --period 5   (the full comparison of models)\n";
  return std::cout.good() ? kExitOk : kExitFailure;
}

}  // namespace

void add_demo_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "demo",
      "Run the whole pipeline on the shipped synthetic example: a new encrypted store, import of each source, "
      "linkage, capture histories by five-year period, estimation and the public HTML report");
  auto args = std::make_shared<DemoArguments>();
  cmd->add_option("--out", args->out_dir,
                  "Folder for the demo's store and report (new, empty, or an earlier demo's, which is replaced)")
      ->capture_default_str();
  cmd->add_option("--examples", args->examples_dir, "Folder holding the example (sources/)")->capture_default_str();
  add_data_dir(cmd, args->data_dir);
  cmd->callback([args, &exit_status] { exit_status = run_demo_command(*args); });
}

}  // namespace uncounted::cli
