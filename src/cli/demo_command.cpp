// `uncounted demo`: the pipeline on the shipped synthetic example.
//
// For now the pipeline is estimation: examples/histories_by_period.csv is
// estimated in total and per period, the table is printed, and with --out the
// JSON and CSV results are written to that folder. Later stages (store,
// linkage, report) join it as they are built.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "app/estimate_output.h"
#include "app/population_estimate.h"
#include "app/report_make.h"
#include "cli/commands.h"
#include "io/capture_histories_csv.h"

namespace uncounted::cli {
namespace {

struct DemoArguments {
  std::string out_dir;
  std::string examples_dir = UNCOUNTED_EXAMPLES_DIR;
};

Status write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return fail(path.string() + ": cannot write the file");
  return {};
}

int run_demo(const DemoArguments& args) {
  const std::filesystem::path histories_path =
      std::filesystem::path(args.examples_dir) / "histories_by_period.csv";
  std::cout << "uncounted demo: estimating how many people were repatriated, in total and by period,\n"
               "from the SYNTHETIC example " << histories_path.string()
            << "\n(true totals, known because it is simulated: 6,500 in all; 1,200 / 2,600 / 1,800 / 900 by "
               "period).\n\n";
  auto histories = read_capture_histories(histories_path.string(), CaptureHistoriesOptions{"period"});
  if (!histories) {
    std::cerr << "uncounted demo: " << histories.error().message() << "\n";
    return kExitFailure;
  }
  EstimateOptions options;  // defaults: every method, BIC, LCMCR with the reference settings
  auto report = estimate_population(*histories, options);
  if (!report) {
    std::cerr << "uncounted demo: " << report.error().message() << "\n";
    return kExitFailure;
  }
  std::cout << format_estimate_table(*report);
  if (!args.out_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(args.out_dir, ec);
    if (ec) {
      std::cerr << "uncounted demo: " << args.out_dir << ": cannot create the folder (" << ec.message() << ")\n";
      return kExitFailure;
    }
    const std::filesystem::path dir(args.out_dir);
    for (auto [name, text] : {std::pair{"estimate.json", format_estimate_json(*report)},
                              std::pair{"estimate.csv", format_estimate_csv(*report)}}) {
      if (auto written = write_text(dir / name, text); !written) {
        std::cerr << "uncounted demo: " << written.error().message() << "\n";
        return kExitFailure;
      }
      std::cout << "wrote " << (dir / name).string() << "\n";
    }
    // The report reads the folder (app/report_make.h); the histories give it the overlap of the lists.
    std::filesystem::copy_file(histories_path, dir / "histories.csv",
                               std::filesystem::copy_options::overwrite_existing, ec);
    if (ec) {
      std::cerr << "uncounted demo: " << (dir / "histories.csv").string() << ": cannot write the file\n";
      return kExitFailure;
    }
    const auto report_path = dir / "report.html";
    if (auto made = make_report({dir.string(), report_path.string(), report::Audience::kPublic, true}); !made) {
      std::cerr << "uncounted demo: " << made.error().message() << "\n";
      return kExitFailure;
    }
    std::cout << "wrote " << report_path.string() << " (public report; open it in a browser)\n";
  }
  return kExitOk;
}

}  // namespace

void add_demo_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand("demo", "Run the whole pipeline on the shipped synthetic example");
  auto args = std::make_shared<DemoArguments>();
  cmd->add_option("--out", args->out_dir, "Folder to write the results to (created if needed)");
  cmd->add_option("--examples", args->examples_dir, "Folder holding the example files")->capture_default_str();
  cmd->callback([args, &exit_status] { exit_status = run_demo(*args); });
}

}  // namespace uncounted::cli
