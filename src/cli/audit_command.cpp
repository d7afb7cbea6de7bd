// `uncounted audit STORE`: show and verify the hash-chained audit log.
#include "app/store_audit.h"
#include "cli/commands.h"
#include "cli/store_options.h"

namespace uncounted::cli {

void add_audit_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "audit",
      std::string("Print the store's audit log (who did what, when, with which file's SHA-256) and verify its hash "
                  "chain, and check the integrity of the whole database. Exit status 1 and the first broken entry if the log was altered. ") +
          kPassphraseHelp);
  auto access = std::make_shared<StoreAccess>();
  add_store_access(cmd, *access);
  auto quiet = std::make_shared<bool>(false);
  cmd->add_flag("--quiet", *quiet, "Only verify; print the verdict");
  cmd->callback([access, quiet, &exit_status] {
    auto report = audit_store(*access);
    if (!report) {
      report_error("audit", report.error().message());
      exit_status = kExitFailure;
      return;
    }
    if (!*quiet) {
      std::cout << "seq\tat\tactor\taction\tfile_sha256\tdetail\n";
      for (const auto& e : report->entries)
        std::cout << e.seq << '\t' << e.at << '\t' << e.actor << '\t' << e.action << '\t'
                  << (e.file_sha256.empty() ? "-" : e.file_sha256) << '\t' << e.detail << '\n';
    }
    if (report->integrity != "ok") {
      std::cout << "database integrity check FAILED: " << report->integrity << "\n";
      exit_status = kExitFailure;
      return;
    }
    const auto& v = report->verdict;
    if (v.first_break) {
      std::cout << "audit log BROKEN at entry " << *v.first_break << ": " << v.reason << "\n";
      exit_status = kExitFailure;
      return;
    }
    std::cout << "audit log intact: " << v.entries << " entries, hash chain verified; database integrity ok\n";
    exit_status = kExitOk;
  });
}

}  // namespace uncounted::cli
