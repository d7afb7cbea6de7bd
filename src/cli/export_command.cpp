// `uncounted export STORE [--redact [PROFILE]] [--k-anonymity K] --out FILE`.
#include <iostream>
#include <string>

#include "app/store_export.h"
#include "cli/commands.h"
#include "cli/store_options.h"

namespace uncounted::cli {
namespace {

// What k-anonymity did, on stdout (warnings on stderr): counts and field
// names only.
void print_suppression(const SuppressionSummary& s, std::int64_t run) {
  if (s.k <= 1) {
    std::cerr << "uncounted export: warning: --k-anonymity 1: records may be the only ones with their values; "
                 "do not publish this file\n";
    return;
  }
  if (run != 0)
    std::cout << "k-anonymity " << s.k << ": groups counted in people as link run " << run << " linked them\n";
  else
    std::cout << "k-anonymity " << s.k << ": groups counted in records (no link run: one person's records "
                 "count apart)\n";
  std::cout << "k-anonymity " << s.k << ": " << s.records_changed << " of the " << s.records_written
            << " records written had values blanked";
  std::string sep = " (";
  for (std::size_t i = 0; i < s.blanked.size(); ++i)
    if (s.blanked[i] > 0) {
      std::cout << sep << field_name(kSuppressionOrder[i]) << " in " << s.blanked[i];
      sep = ", ";
    }
  std::cout << (sep == ", " ? ")" : "") << "\n";
  if (s.records_left_below_k > 0) {
    std::cout << "k-anonymity " << s.k << ": " << s.records_left_below_k << " records (" << s.people_left_below_k
              << " people) are in groups of fewer than " << s.k
              << " people even with only their source, list, event types and head count left: ";
    if (s.below_k_kept)
      std::cout << "kept (--keep-below-k): the file is not k-anonymous\n";
    else
      std::cout << "left out of the file (--keep-below-k keeps them)\n";
  }
  if (s.crowd_records > 0)
    std::cout << "k-anonymity " << s.k << ": " << s.crowd_records << " records of " << kCrowdSize
              << " or more people (head count) written as they are\n";
  if (s.records_written == 0 && s.records > 0)
    std::cerr << "uncounted export: warning: no record could be written k-anonymously: the file holds none\n";
}

}  // namespace

void add_export_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "export",
      std::string("Export the store's current records as CSV or JSON (by --out's extension), in the shape import "
                  "reads. Without --redact everything is written, names included: treat the file like the store. "
                  "--redact applies a profile: public (when no profile is named: no names, notes, birth dates, birth years "
                  "or ages; event dates no finer than year; ids drawn anew for each export; then k-anonymous: "
                  "values are blanked until every record about a person shares all its values but its id with at "
                  "least K - 1 others, and a record that cannot is left out; records of 100 or more people are "
                  "kept as they are; see docs/STORE.md), partner (no names or notes; birth date to the "
                  "year; pseudonymous ids), internal (everything but free-text notes), none. Pseudonymous ids are "
                  "keyed hashes: for partner under a key kept inside the store (the same ids in every partner "
                  "export), for public under a key drawn for that export alone. Every export is recorded in the "
                  "audit log. ") +
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
  cmd->add_option("--k-anonymity", args->request.k_anonymity,
                  "With the public profile: every record about a person shares all its values but its id with at "
                  "least K - 1 others (values are blanked until it does; 1: no such guarantee)")
      ->default_val(5)
      ->check(CLI::Range(1, 1000));
  cmd->add_flag("--keep-below-k", args->request.keep_below_k,
               "With the public profile: keep the records that stay in a group under K with only their source, "
               "list, event types and head count left (the file is then not k-anonymous)");
  cmd->add_flag("--force", args->request.overwrite, "Replace the output file if it exists");
  cmd->callback([args, cmd, &exit_status] {
    args->request.profile = RedactionProfile::none;
    if (cmd->count("--redact") > 0) {
      auto profile = parse_redaction_profile(args->profile.empty() ? "public" : args->profile);
      args->request.profile = *profile;  // checked by IsMember above
    }
    if ((cmd->count("--k-anonymity") > 0 || args->request.keep_below_k) &&
        args->request.profile != RedactionProfile::public_) {
      std::cerr << "uncounted export: --k-anonymity and --keep-below-k are for the public profile (--redact or "
                   "--redact public)\n";
      exit_status = kExitUsage;
      return;
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
    if (args->request.profile == RedactionProfile::public_) print_suppression(report->suppression, report->people_from_run);
    exit_status = kExitOk;
  });
}

}  // namespace uncounted::cli
