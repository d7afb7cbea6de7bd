// `uncounted export STORE [--redact [PROFILE]] --out FILE`.
#include "app/store_export.h"
#include "cli/commands.h"
#include "cli/store_options.h"

namespace uncounted::cli {

void add_export_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "export",
      std::string("Export the store's current records as CSV or JSON (by --out's extension), in the shape import "
                  "reads. Without --redact everything is written, names included: treat the file like the store. "
                  "--redact applies a profile: public (when no profile is named: no names, notes, birth dates or birth years; event "
                  "dates no finer than month; pseudonymous ids), partner (no names or notes; birth date to the "
                  "year; pseudonymous ids), internal (everything but free-text notes), none. Pseudonymous ids are "
                  "keyed hashes under a key kept inside the store. Every export is recorded in the audit log. ") +
          kPassphraseHelp);
  struct Args {
    ExportRequest request;
    std::string profile;
  };
  auto args = std::make_shared<Args>();
  add_store_access(cmd, args->request.access);
  cmd->add_option("--out", args->request.out, "The output file: .csv or .json")->required();
  cmd->add_option("--redact", args->profile, "Redact by PROFILE: public (when --redact names none), partner, internal, none")
      ->expected(0, 1)
      ->default_str("public")
      ->check(CLI::IsMember({"public", "partner", "internal", "none"}));
  cmd->add_flag("--force", args->request.overwrite, "Replace the output file if it exists");
  cmd->callback([args, cmd, &exit_status] {
    args->request.profile = RedactionProfile::none;
    if (cmd->count("--redact") > 0) {
      auto profile = parse_redaction_profile(args->profile.empty() ? "public" : args->profile);
      args->request.profile = *profile;  // checked by IsMember above
    }
    auto report = export_store(args->request);
    if (!report) {
      report_error("export", report.error().message());
      exit_status = kExitFailure;
      return;
    }
    if (args->request.profile == RedactionProfile::none)
      std::cerr << "uncounted export: note: " << args->request.out
                << " is not redacted: it holds names and everything else the store holds\n";
    std::cout << "exported " << report->records << " records to " << args->request.out
              << " (redaction: " << to_string(args->request.profile) << ", sha256 " << report->file_sha256 << ")\n";
    exit_status = kExitOk;
  });
}

}  // namespace uncounted::cli
