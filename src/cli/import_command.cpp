// `uncounted import STORE --source NAME --list LIST FILE`: validated import.
#include "app/import_records.h"
#include "cli/commands.h"
#include "cli/store_options.h"

namespace uncounted::cli {

void add_import_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "import",
      std::string(
          "Import a source's records from CSV (RFC 4180, UTF-8) or JSON into the store. Columns are the canonical "
          "ones (record_id, source, list, full_name, family_name, given_name, name_hangul, name_hanzi, sex, "
          "birth_year, birth_date, age, origin_place, event_type, event_date, event_place, facility_type, "
          "perpetrator, sentence_months, notes, legal_tags, head_count) or mapped by --mapping. Rows sharing a "
          "record_id are one record with several events. Every field is validated; any error rejects the whole "
          "file (listing file:line:column: field: reason) and nothing is stored. Re-importing an unchanged record "
          "changes nothing; a changed one is stored as a new version that supersedes the old, which is kept. ") +
          kPassphraseHelp);
  auto request = std::make_shared<ImportRequest>();
  add_store_access(cmd, request->access);
  cmd->add_option("FILE", request->file, "The CSV or JSON file (by extension; else by content)")->required();
  cmd->add_option("--source", request->source, "The source's name (e.g. own-interviews-2023)")->required();
  cmd->add_option("--list", request->list, "The list the source belongs to, for estimation")->required();
  cmd->add_option("--mapping", request->mapping_file,
                  "A JSON mapping file: {\"columns\": {\"Their column\": \"canonical_column\" or null}, "
                  "\"values\": {\"sex\": {\"female\": \"F\"}}, \"defaults\": {\"event_type\": \"arrest_china\"}}")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--dry-run", request->dry_run, "Validate and count what would change; write nothing");
  cmd->callback([request, &exit_status] {
    auto report = import_file(*request);
    if (!report) {
      report_error("import", report.error().message());
      exit_status = kExitFailure;
      return;
    }
    for (const auto& notice : report->notices) std::cerr << "uncounted import: note: " << notice << "\n";
    const auto& c = report->counts;
    std::cout << (request->dry_run ? "dry run (nothing written): " : "imported ") << request->file << ": "
              << report->rows << " rows, " << c.records << " records: " << c.added << " added, " << c.superseded
              << " superseded, " << c.unchanged << " unchanged\n";
    exit_status = kExitOk;
  });
}

}  // namespace uncounted::cli
