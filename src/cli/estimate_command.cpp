// `uncounted estimate`: multiple systems estimation on capture histories.
#include <charconv>
#include <cstdint>
#include <iostream>
#include <string>
#include <system_error>
#include <map>
#include <memory>

#include "app/estimate_output.h"
#include "base/utf8.h"
#include "app/population_estimate.h"
#include "app/store_histories.h"
#include "cli/commands.h"
#include "cli/store_options.h"
#include "io/capture_histories_csv.h"
#include "store/case_store.h"

namespace uncounted::cli {
namespace {

struct EstimateArguments {
  std::string path;
  std::string method = "all";
  std::string criterion = "bic";
  std::string model;
  std::string stratum;
  std::string format = "table";
  int period_years = 0;         // with a STORE
  std::string passphrase_file;  // with a STORE
  EstimateOptions options;
};

int run_estimate(const EstimateArguments& args) {
  CaptureHistoriesOptions read_options;
  if (!args.stratum.empty()) read_options.stratum_column = args.stratum;
  Result<CaptureHistoriesFile> histories = fail("not read");
  if (store::is_store_file(args.path)) {
    // The store's latest link run, estimated in memory (nothing is written).
    if (!args.stratum.empty()) {
      std::cerr << "uncounted estimate: with a STORE, stratify by period with --period N (not --stratum)\n";
      return kExitUsage;
    }
    auto h = store_histories(StoreAccess{args.path, args.passphrase_file, nullptr}, args.period_years);
    if (!h) {
      std::cerr << "uncounted estimate: " << h.error().message() << "\n";
      return kExitFailure;
    }
    for (const auto& n : h->notices) std::cerr << "uncounted estimate: note: " << n << "\n";
    if (args.period_years > 0) read_options.stratum_column = "stratum";
    histories = parse_capture_histories(h->csv, args.path + " (link run " + std::to_string(h->run_id) + ")",
                                        read_options);
  } else {
    if (args.period_years > 0) {
      std::cerr << "uncounted estimate: --period is for a STORE; with a file, give --stratum COLUMN\n";
      return kExitUsage;
    }
    histories = read_capture_histories(args.path, read_options);
  }
  if (!histories) {
    std::cerr << "uncounted estimate: " << histories.error().message() << "\n";
    return kExitFailure;
  }
  EstimateOptions options = args.options;
  static const std::map<std::string, EstimateMethod> methods{{"loglinear", EstimateMethod::kLoglinear},
                                                             {"lcmcr", EstimateMethod::kLcmcr},
                                                             {"chao", EstimateMethod::kChao},
                                                             {"all", EstimateMethod::kAll}};
  static const std::map<std::string, SelectionCriterion> criteria{{"bic", SelectionCriterion::kBic},
                                                                  {"aic", SelectionCriterion::kAic},
                                                                  {"stepwise", SelectionCriterion::kStepwise}};
  options.method = methods.at(args.method);
  options.criterion = criteria.at(args.criterion);
  if (!args.model.empty()) options.model = args.model;
  auto report = estimate_population(*histories, options);
  if (!report) {
    std::cerr << "uncounted estimate: " << report.error().message() << "\n";
    return kExitFailure;
  }
  if (args.format == "json")
    std::cout << format_estimate_json(*report);
  else if (args.format == "csv")
    std::cout << format_estimate_csv(*report);
  else
    std::cout << format_estimate_table(*report);
  if (!std::cout.good()) return kExitFailure;
  // The output (with its warnings) is written either way, but a run that
  // produced no estimate of the total did not do what was asked.
  if (report->total.estimates.empty()) {
    std::cerr << "uncounted estimate: no estimate of the total could be made with --method " << args.method
              << (args.model.empty() ? "" : " --model " + args.model) << "\n";
    for (const auto& w : report->total.warnings) std::cerr << "  " << printable_text(w) << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void add_estimate_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "estimate",
      "Estimate the total population, including people no list recorded, by multiple systems estimation "
      "(log-linear models, the Bayesian latent-class model LCMCR, Chao's lower bound).");
  auto args = std::make_shared<EstimateArguments>();
  cmd->add_option("HISTORIES.csv", args->path,
                  "Capture histories: one 0/1 column per list, plus a `count` column (aggregated) or one row "
                  "per person; or a STORE, whose latest link run is estimated")
      ->required();
  cmd->add_option("--period", args->period_years,
                  "With a STORE: also estimate per period of this many years (of each entity's earliest event)")
      ->check(CLI::Range(1, 100));
  add_optional_passphrase_file(cmd, args->passphrase_file);
  cmd->add_option("--method", args->method, "Which estimators to run")
      ->check(CLI::IsMember({"loglinear", "lcmcr", "chao", "all"}))
      ->capture_default_str();
  cmd->add_option("--criterion", args->criterion,
                  "How a log-linear model is chosen: bic or aic over every hierarchical model (up to 4 lists; "
                  "two-way models for 5; stepwise search beyond), or SparseMSE's stepwise rule")
      ->check(CLI::IsMember({"bic", "aic", "stepwise"}))
      ->capture_default_str();
  cmd->add_option("--model", args->model,
                  "Fit this log-linear model instead of selecting one: \"[12,3]\", \"[AB][C]\", or a basic "
                  "model of Rcapture: M0, Mt, Mh Chao (LB), Mh Poisson2, Mh Darroch, Mh Gamma3.5, Mth ..., Mb, "
                  "Mbh");
  cmd->add_option("--level", args->options.level, "Confidence / credible level of the intervals")
      ->check(CLI::Validator(
          [](std::string& v) {
            double level = 0;
            const auto* end = v.data() + v.size();
            const auto r = std::from_chars(v.data(), end, level);
            // CLI::Range lets NaN through (every comparison with it is false).
            return r.ec == std::errc() && r.ptr == end && level >= 0.5 && level <= 0.999
                       ? std::string()
                       : "the level must be a number from 0.5 to 0.999";
          },
          "LEVEL"))
      ->capture_default_str();
  cmd->add_option("--stratum", args->stratum, "Also estimate separately for each value of this column");
  // A seed is a whole number 0 to 2^64 - 1, written in digits: "-1" and
  // numbers past the top are refused rather than wrapped or saturated.
  const CLI::Validator seed_digits(
      [](std::string& text) -> std::string {
        std::uint64_t value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || error != std::errc() || end != text.data() + text.size())
          return "the seed must be a whole number from 0 to 18446744073709551615";
        return "";
      },
      "SEED");
  cmd->add_option("--seed", args->options.seed, "Random seed of the latent-class sampler")
      ->check(seed_digits)
      ->capture_default_str();
  cmd->add_option("--samples", args->options.samples, "Posterior draws of N kept (LCMCR), in all: split evenly over the two chains")
      ->check(CLI::Range(1, 1'000'000'000))
      ->capture_default_str();
  cmd->add_option("--burnin", args->options.burnin, "Sweeps discarded before sampling, per chain (LCMCR)")
      ->check(CLI::Range(0, 1'000'000'000))
      ->capture_default_str();
  cmd->add_option("--thin", args->options.thin, "Sweeps between kept samples (LCMCR)")
      ->check(CLI::Range(1, 1'000'000))
      ->capture_default_str();
  cmd->add_option("--classes", args->options.classes, "Maximum number of latent classes K (LCMCR)")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  cmd->callback([args, &exit_status] { exit_status = run_estimate(*args); });
}

}  // namespace uncounted::cli
