// `uncounted records STORE [filters]`: list and search the store.
#include <iostream>
#include <string>

#include "app/store_records.h"
#include "cli/commands.h"
#include "cli/store_options.h"

namespace uncounted::cli {

void add_records_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "records",
      std::string("List the store's current records, optionally only those matching every filter given. Output is "
                  "unredacted (names included); for sharing use `export --redact`. ") +
          kPassphraseHelp);
  struct Args {
    RecordsRequest request;
    std::string from, to, format = "table";
  };
  auto args = std::make_shared<Args>();
  add_store_access(cmd, args->request.access);
  auto& f = args->request.filter;
  cmd->add_option("--source", f.source, "Only this source");
  cmd->add_option("--list", f.list, "Only this list");
  cmd->add_option("--name", f.name,
                  "A name in any script contains this (ASCII case-insensitive); '-' reads it from the first line of "
                  "standard input, which keeps it out of the process list and the shell's history");
  cmd->add_option("--place", f.place, "The origin or an event place contains this ('-': from standard input)");
  cmd->add_option("--event-type", f.event_type, "Has an event of this type (e.g. repatriation)");
  cmd->add_option("--from", args->from, "Has an event whose date may fall on or after this date (e.g. 2006-10)");
  cmd->add_option("--to", args->to, "... and on or before this date (both bounds apply to the same event)");
  cmd->add_flag("--all-versions", f.all_versions, "Include superseded versions");
  auto* count_flag = cmd->add_flag("--count", args->request.count_only, "Only count the current records of each source");
  cmd->add_flag("--sources", args->request.sources,
                "List the sources instead: list, type, language, date, reliability, current records")
      ->excludes(count_flag);
  cmd->add_option("--format", args->format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  cmd->callback([args, &exit_status] {
    const auto& filter = args->request.filter;
    if (args->request.sources &&
        (!filter.source.empty() || !filter.list.empty() || !filter.name.empty() || !filter.place.empty() ||
         !filter.event_type.empty() || !args->from.empty() || !args->to.empty() || filter.all_versions)) {
      report_error("records", "--sources lists every source; it takes no record filters");
      exit_status = kExitUsage;
      return;
    }
    if (filter.name == "-" && filter.place == "-") {
      report_error("records", "only one of --name and --place can be read from standard input");
      exit_status = kExitUsage;
      return;
    }
    for (std::string* value : {&args->request.filter.name, &args->request.filter.place}) {
      if (*value != "-") continue;
      std::string line;
      std::getline(std::cin, line);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) {
        report_error("records", "the search text read from standard input is empty");
        exit_status = kExitUsage;
        return;
      }
      *value = std::move(line);
    }
    for (auto [text, target, name] : {std::tuple{&args->from, &args->request.filter.from, "--from"},
                                      std::tuple{&args->to, &args->request.filter.to, "--to"}}) {
      if (text->empty()) continue;
      auto d = parse_partial_date(*text);
      if (!d) {
        report_error("records", std::string(name) + ": " + d.error().message());
        exit_status = kExitUsage;
        return;
      }
      *target = *d;
    }
    args->request.format = args->format == "csv" ? RecordsFormat::csv
                           : args->format == "json" ? RecordsFormat::json
                                                    : RecordsFormat::table;
    auto count = list_records(args->request, std::cout);
    if (!count) {
      report_error("records", count.error().message());
      exit_status = kExitFailure;
      return;
    }
    if (args->request.format == RecordsFormat::table && !args->request.count_only)
      std::cerr << *count << (args->request.sources ? " sources\n" : " records\n");
    exit_status = kExitOk;
  });
}

}  // namespace uncounted::cli
