// `uncounted report`: one self-contained HTML report (DESIGN.md §4).
//
// For now the report is made from a folder of earlier outputs (--from DIR:
// estimate.json, histories.csv, clusters.csv, pairs.csv, record files; see
// app/report_make.h). The STORE form joins it with the store pipeline.
#include <iostream>
#include <memory>

#include "app/report_make.h"
#include "cli/commands.h"

namespace uncounted::cli {
namespace {

struct ReportArguments {
  std::string store;
  std::string from_dir;
  std::string out;
  bool internal = false;
  bool synthetic = false;
};

int run_report(const ReportArguments& args) {
  if (!args.store.empty()) {
    std::cerr << "uncounted report: reading a STORE is not available yet; use --from DIR with the outputs of "
                 "`uncounted demo --out DIR` (or estimate/link/histories)\n";
    return kExitUsage;
  }
  if (args.from_dir.empty()) {
    std::cerr << "uncounted report: --from DIR is required\n";
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
  cmd->add_option("STORE", args->store, "An encrypted store (not available yet: use --from)");
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
