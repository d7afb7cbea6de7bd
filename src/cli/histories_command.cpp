// `uncounted histories`: clusters to capture histories (DESIGN.md §4).
#include <iostream>
#include <memory>

#include "app/link_histories.h"
#include "app/store_histories.h"
#include "cli/commands.h"
#include "cli/store_options.h"
#include "store/case_store.h"

namespace uncounted::cli {

void add_histories_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "histories",
      "Turn CLUSTERS.csv (from `uncounted link`) into capture histories: one row per entity with a 0/1 column "
      "per list, an entity_id column and optionally a stratum column; the output is the input of `uncounted "
      "estimate`. An entity whose records disagree on the stratum takes the period of its earliest dated record "
      "(--period) or its most frequent value.");
  auto opts = std::make_shared<HistoriesOptions>();
  auto config = std::make_shared<std::string>();
  auto passphrase_file = std::make_shared<std::string>();
  cmd->add_option("CLUSTERS.csv", opts->clusters_path,
                  "Clusters written by `uncounted link`, or a STORE (its latest link run; stratum: the period of "
                  "each record's first dated event, with --period)")
      ->required();
  add_optional_passphrase_file(cmd, *passphrase_file);
  cmd->add_option("--stratum", opts->stratum_column,
                  "Record column to stratify by (e.g. event_date with --period 5 for five-year periods)");
  cmd->add_option("--period", opts->period_years,
                  "Treat the stratum column as a date and group it into periods of this many years")
      ->check(CLI::Range(1, 100));
  cmd->add_option("--records", opts->record_files, "The record files the clusters came from (needed with --stratum)");
  cmd->add_option("--config", *config, "The link config (for its record_id/source column names)");
  cmd->callback([opts, config, passphrase_file, &exit_status] {
    if (store::is_store_file(opts->clusters_path)) {
      if (!opts->stratum_column.empty() && opts->stratum_column != "event_date") {
        report_error("histories", "a store's histories are stratified by the period of event_date only (--period N)");
        exit_status = kExitUsage;
        return;
      }
      auto h = store_histories(StoreAccess{opts->clusters_path, *passphrase_file, nullptr}, opts->period_years);
      if (!h) {
        report_error("histories", h.error().message());
        exit_status = kExitFailure;
        return;
      }
      for (const auto& n : h->notices) report_error("histories", "note: " + n);
      std::cout << h->csv;
      exit_status = std::cout.good() ? kExitOk : kExitFailure;
      return;
    }
    HistoriesOptions o = *opts;
    if (!config->empty()) o.config_path = *config;
    auto csv = make_histories_csv(o);
    if (!csv) {
      std::cerr << "uncounted histories: " << csv.error().message() << "\n";
      exit_status = kExitFailure;
      return;
    }
    std::cout << *csv;
    exit_status = std::cout.good() ? kExitOk : kExitFailure;
  });
}

}  // namespace uncounted::cli
