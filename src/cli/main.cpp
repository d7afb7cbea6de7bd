// uncounted: count human-rights violations that no one has a complete list of.
#include <cstdio>
#include <string>

#include "app/build_info.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "uncounted: link reports of the same person across sources and estimate how many people\n"
      "were affected in total, including those no source recorded."};
  app.set_version_flag("--version", "uncounted " + uncounted::uncounted_version());
  app.require_subcommand(1);
  app.fallthrough(false);

  int exit_status = uncounted::cli::kExitOk;
  uncounted::cli::add_estimate_command(app, exit_status);
  uncounted::cli::add_link_command(app, exit_status);
  uncounted::cli::add_histories_command(app, exit_status);
  uncounted::cli::add_evaluate_command(app, exit_status);
  uncounted::cli::add_demo_command(app, exit_status);
  uncounted::cli::add_init_command(app, exit_status);
  uncounted::cli::add_import_command(app, exit_status);
  uncounted::cli::add_export_command(app, exit_status);
  uncounted::cli::add_rekey_command(app, exit_status);
  uncounted::cli::add_audit_command(app, exit_status);
  uncounted::cli::add_records_command(app, exit_status);
  uncounted::cli::add_review_command(app, exit_status);
  uncounted::cli::add_report_command(app, exit_status);
  uncounted::cli::add_simulate_command(app, exit_status);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return uncounted::cli::kExitUsage;
  }
  return exit_status;
}
