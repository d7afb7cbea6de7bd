// `uncounted evaluate`: accuracy of link clusters against a truth column.
#include <iostream>
#include <memory>

#include "app/link_evaluate.h"
#include "cli/commands.h"

namespace uncounted::cli {

void add_evaluate_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "evaluate",
      "Compare CLUSTERS.csv with a truth column of the record files: pairwise and cluster precision, recall and "
      "F1 (for benchmarks; link itself never reads the truth).");
  auto opts = std::make_shared<EvaluateOptions>();
  auto config = std::make_shared<std::string>();
  cmd->add_option("--truth", opts->truth_column, "Column of the record files holding the true entity id")
      ->required();
  cmd->add_option("--clusters", opts->clusters_path, "Clusters written by `uncounted link`")->required();
  cmd->add_option("--config", *config, "The link config (for its record_id/source column names)");
  cmd->add_option("RECORDS.csv", opts->record_files, "The record files that were linked")->required();
  cmd->callback([opts, config, &exit_status] {
    EvaluateOptions o = *opts;
    if (!config->empty()) o.config_path = *config;
    auto e = evaluate_link(o);
    if (!e) {
      std::cerr << "uncounted evaluate: " << e.error().message() << "\n";
      exit_status = kExitFailure;
      return;
    }
    std::cout << format_link_evaluation(*e);
    exit_status = std::cout.good() ? kExitOk : kExitFailure;
  });
}

}  // namespace uncounted::cli
