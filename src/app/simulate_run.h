// `uncounted simulate` as a use case: options in, a folder of SYNTHETIC
// lists and their truth out (DESIGN.md section 4; docs/SIMULATION.md).
//
// The generator (simulate/simulator.h) draws a population of North Koreans
// returned from China and K sources (the first K presets of
// simulate::default_sources) that each list some of them. The folder gets:
//   <source>.csv                  one per source: the canonical columns of
//                                 DESIGN.md section 5, no truth column, one
//                                 row per event (a record that also reports
//                                 the detention after return has two rows
//                                 with one record_id); importable with
//                                 `uncounted import STORE --source S --list L`
//   truth/records_with_truth.csv  every record, with its person_id last
//   truth/people.csv              one row per person (simulate::truth_table)
//                                 plus the five-year repatriation_period
//   MANIFEST.txt                  says SYNTHETIC; the options and seed, each
//                                 list's file, source, list and counts, and
//                                 the true totals, in all and per period
// Periods are five years starting at multiples of five, labelled as
// `uncounted histories --period 5` labels them ("2000-2004").
//
// Contract: the same options give byte-identical files. A folder that does
// not exist is created; an existing one must be empty or hold an earlier
// simulation (its MANIFEST.txt), whose files are then replaced.
// Errors: check_simulate_options names a bad option (a usage error);
// run_simulate also fails on a missing reference table, an out folder
// that is the reference data folder (app/output_paths.h) or holds other
// files, or an unwritable file (naming it).
// Thread safety: pure function of the options, the tables and the folder.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "simulate/simulator.h"

namespace uncounted {

// How the sources' capture is set: simulate::CaptureScenario (presets,
// independent, heterogeneous, dependent; as in the coverage study).
using SimulateScenario = simulate::CaptureScenario;

// "presets", "independent", "heterogeneous", "dependent"; nullopt otherwise.
std::optional<SimulateScenario> parse_simulate_scenario(std::string_view name);
std::string_view simulate_scenario_name(SimulateScenario scenario);

// "2000-2004" for 2000..2004: the five-year period of a year.
std::string simulate_period_label(int year);

struct SimulateRunOptions {
  int people = 3000;
  int sources = 4;
  std::uint64_t seed = 1;
  int first_year = 2000;
  int last_year = 2023;
  SimulateScenario scenario = SimulateScenario::kPresets;
  std::string out_dir;
  std::string data_dir;  // the shared data folder (korean/ tables)
  int current_year = 0;  // 0: this year (UTC); dates must not lie in the future
};

// Usage errors: people outside 1..1,000,000; sources outside 1..6; years
// outside 1950..(current year - 1) or first_year > last_year; no out_dir.
Status check_simulate_options(const SimulateRunOptions& options);

struct SimulatedListSummary {
  std::string file;  // "<source>.csv", relative to the out folder
  std::string source, list;
  std::size_t records = 0;            // records (not rows)
  std::size_t people = 0;             // distinct people among them
  std::size_t detention_records = 0;  // records with the second event
};

struct SimulatedPeriodTotal {
  std::string period;         // "2000-2004"
  std::size_t people = 0;     // the true total repatriated in the period
  std::size_t observed = 0;   // of them, on at least one list
};

struct SimulateRunReport {
  SimulateRunOptions options;
  std::size_t people = 0;
  std::size_t observed = 0;  // people on at least one list
  std::size_t records = 0;
  std::vector<SimulatedListSummary> lists;
  std::vector<SimulatedPeriodTotal> periods;  // in time order
};

Result<SimulateRunReport> run_simulate(const SimulateRunOptions& options);

// A short summary for the terminal.
std::string format_simulate_report(const SimulateRunReport& report);

}  // namespace uncounted
