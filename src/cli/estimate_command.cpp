#include <iostream>

#include "cli/commands.h"
#include "io/capture_histories_csv.h"

namespace uncounted::cli {

void add_estimate_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand("estimate", "Estimate the total population by multiple systems estimation");
  auto path = std::make_shared<std::string>();
  cmd->add_option("HISTORIES.csv", *path, "capture histories")->required();
  cmd->callback([path, &exit_status] {
    auto file = read_capture_histories(*path, {});
    if (!file) {
      std::cerr << "uncounted estimate: " << file.error().message() << "\n";
      exit_status = kExitFailure;
      return;
    }
    std::cout << file->lists.size() << " lists\n";
  });
}

}  // namespace uncounted::cli
