// `uncounted import STORE --source NAME --list LIST FILE`: validated import.
#include "app/import_records.h"
#include "cli/commands.h"
#include "cli/progress_bar.h"
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
  struct Args {
    ImportRequest request;
    std::string type, language, date;
    int reliability = 0;
  };
  auto args = std::make_shared<Args>();
  auto request = std::shared_ptr<ImportRequest>(args, &args->request);
  add_store_access(cmd, request->access);
  cmd->add_option("FILE", request->file, "The CSV or JSON file (by extension; else by content)")->required();
  cmd->add_option("--source", request->source, "The source's name (e.g. own-interviews-2023)")->required();
  cmd->add_option("--list", request->list, "The list the source belongs to, for estimation")->required();
  cmd->add_option("--mapping", request->mapping_file,
                  "A JSON mapping file: {\"columns\": {\"Their column\": \"canonical_column\" or null}, "
                  "\"values\": {\"sex\": {\"female\": \"F\"}}, \"defaults\": {\"event_type\": \"arrest_china\"}}")
      ->check(CLI::ExistingFile);
  auto* type = cmd->add_option("--source-type", args->type, "What the source is")
                   ->check(CLI::IsMember({"interview", "news", "ngo_list", "official_document", "other"}));
  auto* language = cmd->add_option("--language", args->language,
                                   "The source's language, a BCP 47 tag (e.g. ko, en, zh, zh-Hant, ko-KP)")
                       ->check(CLI::Validator(
                           [](std::string& v) {
                             return store::is_language_tag(v) ? std::string()
                                                              : "not a BCP 47 language tag (e.g. ko, en, zh-Hant)";
                           },
                           "BCP47"));
  auto* date = cmd->add_option("--source-date", args->date,
                               "When the source was made (the interview, the article), a partial date: 2023-05, "
                               "spring 2004, about 2010, 2006-10/2006-12")
                   ->check(CLI::Validator(
                       [](std::string& v) {
                         auto d = parse_partial_date(v);
                         return d ? std::string() : d.error().message();
                       },
                       "DATE"));
  auto* reliability =
      cmd->add_option("--reliability", args->reliability,
                      "How far the source is trusted: 1 first-hand and corroborated, 2 first-hand, 3 second-hand "
                      "(credible intermediary), 4 unverified or hearsay, 5 doubtful (see docs/STORE.md)")
          ->check(CLI::Range(1, 5));
  cmd->add_flag("--dry-run", request->dry_run, "Validate and count what would change; write nothing");
  cmd->footer(
      "Source metadata (--source-type, --language, --source-date, --reliability) is stored on the source. Given "
      "again with other values, it replaces the stored values (an audited change, reported on stderr); left out, "
      "the stored values are kept.");
  cmd->callback([args, request, type, language, date, reliability, &exit_status] {
    auto& m = request->metadata;
    if (type->count() > 0) m.type = args->type;
    if (language->count() > 0) m.language = args->language;
    if (date->count() > 0) m.date = *parse_partial_date(args->date);  // checked by the validator
    if (reliability->count() > 0) m.reliability = args->reliability;
    ProgressBar bar;
    request->progress = [&bar](std::string_view stage, double done) { bar.update(stage, done); };
    auto report = import_file(*request);
    bar.finish();
    request->progress = {};
    if (!report) {
      report_error("import", report.error().message());
      exit_status = kExitFailure;
      return;
    }
    for (const auto& notice : report->notices) std::cerr << "uncounted import: note: " << notice << "\n";
    for (const auto& change : report->counts.source_changes)
      std::cerr << "uncounted import: source " << request->source << ": "
                << (request->dry_run ? "would change " : "changed ") << change << "\n";
    const auto& c = report->counts;
    std::cout << (request->dry_run ? "dry run (nothing written): " : "imported ") << request->file << ": "
              << report->rows << " rows, " << c.records << " records: " << c.added << " added, " << c.superseded
              << " superseded, " << c.unchanged << " unchanged\n";
    exit_status = kExitOk;
  });
}

}  // namespace uncounted::cli
