// Log-linear engine speed: the whole closedpMS.t job on 5-list tables (fit
// all 1,024 two-way hierarchical models, choose by AIC and BIC, profile
// interval of the chosen model) -- Rcapture takes 7-8 s for it
// (shared/data/mse/REFERENCE.md) -- plus single fits and closedp.t.
//
// Build and run:
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DUNCOUNTED_BUILD_BENCHMARKS=ON
//   ninja -C build-bench bench_loglinear && build-bench/bench/bench_loglinear
#include <cstdlib>
#include <string>

#include <benchmark/benchmark.h>

#include "estimate/basic_models.h"
#include "estimate/capture_table.h"
#include "estimate/loglinear_fit.h"
#include "estimate/model_selection.h"
#include "estimate/model_space.h"
#include "estimate/profile_interval.h"
#include "io/capture_histories_csv.h"

namespace {

using namespace uncounted;

CaptureTable load(const std::string& dataset) {
  const char* env = std::getenv("UNCOUNTED_SHARED_DATA");
  const std::string dir = env != nullptr && *env != '\0' ? env : UNCOUNTED_SHARED_DATA;
  auto file = read_capture_histories(dir + "/mse/" + dataset + ".csv", CaptureHistoriesOptions{});
  if (!file) {
    std::fprintf(stderr, "%s\n", file.error().message().c_str());
    std::abort();
  }
  auto table = CaptureTable::make(file->lists, file->total.counts);
  if (!table) std::abort();
  return *table;
}

const char* kFiveListTables[] = {"Ned_5", "Western", "MY5", "NewOrl_5"};

// closedpMS.t + closedpCI.t: 1,024 fits, AIC and BIC choice, profile CI of the
// BIC choice.
void BM_AllTwoWayModelsWithProfileCI(benchmark::State& state) {
  const CaptureTable table = load(kFiveListTables[state.range(0)]);
  state.SetLabel(kFiveListTables[state.range(0)]);
  for (auto _ : state) {
    auto space = hierarchical_models(5, 2);
    auto fits = fit_models(table, *space);
    auto by_aic = choose_model(*fits, InformationCriterion::kAic, rcapture_ok);
    auto by_bic = choose_model(*fits, InformationCriterion::kBic, rcapture_ok);
    auto ci = profile_interval(table, (*fits)[by_bic->index].model);
    benchmark::DoNotOptimize(by_aic);
    benchmark::DoNotOptimize(ci);
  }
}
BENCHMARK(BM_AllTwoWayModelsWithProfileCI)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

void BM_FitOneTwoWayModel(benchmark::State& state) {
  const CaptureTable table = load("Ned_5");
  auto model = LoglinearModel::parse("[12,15,23,24,25,35,45]", table.lists());
  for (auto _ : state) benchmark::DoNotOptimize(fit_loglinear(table, *model));
}
BENCHMARK(BM_FitOneTwoWayModel)->Unit(benchmark::kMicrosecond);

void BM_ProfileInterval(benchmark::State& state) {
  const CaptureTable table = load("Ned_5");
  auto model = LoglinearModel::parse("[12,15,23,24,25,35,45]", table.lists());
  for (auto _ : state) benchmark::DoNotOptimize(profile_interval(table, *model));
}
BENCHMARK(BM_ProfileInterval)->Unit(benchmark::kMicrosecond);

// closedp.t: the 12 basic models on 8 lists (255 cells).
void BM_BasicModelsNewOrl(benchmark::State& state) {
  const CaptureTable table = load("NewOrl");
  for (auto _ : state) benchmark::DoNotOptimize(fit_basic_models(table));
}
BENCHMARK(BM_BasicModelsNewOrl)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
