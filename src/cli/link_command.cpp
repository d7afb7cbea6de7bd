// `uncounted link`: record linkage and de-duplication (DESIGN.md §4).
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "app/link_run.h"
#include "app/store_link.h"
#include "cli/commands.h"
#include "io/link_config.h"
#include "cli/progress_bar.h"
#include "cli/store_options.h"
#include "store/case_store.h"

#ifndef UNCOUNTED_DEFAULT_DATA_DIR
#define UNCOUNTED_DEFAULT_DATA_DIR "../shared/data"
#endif

namespace uncounted::cli {
namespace {

struct LinkArguments {
  std::string config;
  double threshold = -1;
  LinkRunOptions options;
  std::string pairs;
  std::string passphrase_file;  // with a STORE
};

// `uncounted link STORE`: the run is kept in the store; nothing else is written.
int run_store_link(const LinkArguments& args, const std::string& data_dir) {
  const auto& o = args.options;
  if (!o.clusters_path.empty() || !args.pairs.empty() || o.explain || o.count_pairs_only) {
    report_error("link", "with a STORE the run is kept in the store: --out-clusters, --out-pairs, --explain and "
                         "--count-pairs are for record files");
    return kExitUsage;
  }
  StoreLinkRequest request;
  request.access = StoreAccess{o.inputs.front(), args.passphrase_file, nullptr};
  if (!args.config.empty()) request.config_path = args.config;
  if (args.threshold >= 0) request.threshold = args.threshold;
  request.data_dir = data_dir;
  request.threads = o.threads;
  ProgressBar bar;
  request.progress = [&bar](std::string_view stage, double done) { bar.update(stage, done); };
  auto report = link_store(request);
  bar.finish();
  if (!report) {
    report_error("link", report.error().message());
    return kExitFailure;
  }
  for (const auto& n : report->notices) report_error("link", "note: " + n);
  std::cout << format_link_report(report->run);
  std::cout << "clerical decisions applied: " << report->must_links << " same person, " << report->cannot_links
            << " different people\n";
  std::cout << "saved as link run " << report->run_id << " in " << o.inputs.front() << "\n";
  return std::cout.good() ? kExitOk : kExitFailure;
}

int run_link_command(LinkArguments& args) {
  LinkRunOptions options = args.options;
  if (!args.config.empty()) options.config_path = args.config;
  if (args.threshold >= 0) options.threshold = args.threshold;
  if (!args.pairs.empty()) options.pairs_path = args.pairs;
  if (options.data_dir.empty()) {
    const char* env = std::getenv("UNCOUNTED_DATA");
    options.data_dir = env && *env ? env : UNCOUNTED_DEFAULT_DATA_DIR;
  }
  if (options.inputs.size() == 1 && store::is_store_file(options.inputs.front()))
    return run_store_link(args, options.data_dir);
  if (!options.count_pairs_only && options.clusters_path.empty()) {
    std::cerr << "uncounted link: --out-clusters is required (unless --count-pairs)\n";
    return kExitUsage;
  }
  ProgressBar bar;
  options.progress = [&bar](std::string_view stage, double done) { bar.update(stage, done); };
  auto report = run_link(options);
  bar.finish();
  if (!report) {
    std::cerr << "uncounted link: " << report.error().message() << "\n";
    return kExitFailure;
  }
  std::cout << format_link_report(*report);
  return std::cout.good() ? kExitOk : kExitFailure;
}

}  // namespace

void add_link_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "link",
      "Link records of the same person across files and within them (Fellegi-Sunter with EM, term-frequency "
      "adjustment, Korean-aware name comparison) and write one cluster id per record. Prints pairs per blocking "
      "rule, the fitted model and its own estimate of precision and recall. Without --config the canonical "
      "columns (full_name, family_name, given_name, name_hangul, name_hanzi, sex, birth_year, origin_place, "
      "event_date, ...) are used; see docs/LINKAGE.md.");
  auto args = std::make_shared<LinkArguments>();
  cmd->add_option("RECORDS.csv", args->options.inputs,
                  "Record files (one row per record), or one STORE: its current records are linked, reviewers' "
                  "decisions applied, and the run saved in the store")
      ->required();
  add_optional_passphrase_file(cmd, args->passphrase_file);
  cmd->add_option("--config", args->config, "JSON link config (fields, comparators, levels, blocking, threshold)");
  // Not CLI::Range: "nan" passes its comparisons (and was then ignored).
  cmd->add_option("--threshold", args->threshold,
                  "Match probability at which records link, strictly between 0 and 1 (overrides the config)")
      ->check(CLI::Validator(
          [](std::string& v) {
            double t = 0;
            const auto* end = v.data() + v.size();
            const auto r = std::from_chars(v.data(), end, t);
            return r.ec == std::errc() && r.ptr == end && is_link_threshold(t)
                       ? std::string()
                       : "not a match probability strictly between 0 and 1: " + v;
          },
          "PROBABILITY"));
  cmd->add_flag("--explain", args->options.explain,
                "Add each field's comparison level and weight to PAIRS.csv (a waterfall of every decision) and print "
                "the waterfalls of the 5 pairs nearest the threshold");
  cmd->add_flag("--count-pairs", args->options.count_pairs_only,
                "Only count the pairs each blocking rule makes (no comparison, no output files)");
  cmd->add_option("--out-clusters", args->options.clusters_path,
                  "Write record_id,source,list,cluster_id for every record here");
  cmd->add_option("--out-pairs", args->pairs, "Write scored pairs (left_id,right_id,match_weight,match_probability)");
  add_data_dir(cmd, args->options.data_dir);
  cmd->add_option("--threads", args->options.threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(0, 256));
  cmd->callback([args, &exit_status] { exit_status = run_link_command(*args); });
}

}  // namespace uncounted::cli
