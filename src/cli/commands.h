// Each command of the `uncounted` program registers its subcommand here.
// Only the CLI uses CLI11 (it is slow to compile); commands call into `app`.
#pragma once

#include <CLI/CLI.hpp>

namespace uncounted::cli {

// Exit statuses (DESIGN.md section 4).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // the work failed: bad data, wrong key
inline constexpr int kExitUsage = 2;    // the command line is wrong

// Each function adds one subcommand to `app`. The subcommand's callback runs
// the command and stores its exit status in `exit_status`.
void add_estimate_command(CLI::App& app, int& exit_status);
void add_demo_command(CLI::App& app, int& exit_status);
// The encrypted case store (issue 4): init, import, export, rekey, audit, records.
void add_init_command(CLI::App& app, int& exit_status);
void add_import_command(CLI::App& app, int& exit_status);
void add_export_command(CLI::App& app, int& exit_status);
void add_rekey_command(CLI::App& app, int& exit_status);
void add_audit_command(CLI::App& app, int& exit_status);
void add_records_command(CLI::App& app, int& exit_status);

// Record linkage (issue 3): link, histories, evaluate.
void add_link_command(CLI::App& app, int& exit_status);
void add_histories_command(CLI::App& app, int& exit_status);
void add_evaluate_command(CLI::App& app, int& exit_status);
void add_review_command(CLI::App& app, int& exit_status);

// The HTML report and the synthetic data (issue 5).
void add_report_command(CLI::App& app, int& exit_status);
void add_simulate_command(CLI::App& app, int& exit_status);

}  // namespace uncounted::cli
