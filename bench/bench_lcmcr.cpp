// LCMCR sampler speed: 110,000 Gibbs sweeps (the reference setting: LCMCR
// 0.4.14 takes 1.1-3.1 s per dataset in REFERENCE.md, 0.83-1.43 s for these
// four on the 2-core development machine: bench/lcmcr_reference_time.R) on
// HIV, Ned_5, Ned and NewOrl, and on the same tables with every count x 1,000
// (time must not grow with the counts); one chain also at x10, x100 and
// x1,000,000, to show where the time stops growing (docs/ESTIMATION.md, LCMCR
// speed).
//   one_chain:  1 chain of 500 warm-up + 9,500 burn-in + 1,000 x 100 sweeps.
//   two_chains: the same 110,000 sweeps split over 2 chains on 2 threads
//               (each 500 + 4,500 + 500 x 100), 1,000 draws in all.
//   *_8_seeds:  the same, for each of 8 seeds (see run_8_seeds).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "base/csv_reader.h"
#include "estimate/lcmcr.h"

namespace {

using namespace uncounted;

CaptureTable load(const std::string& name, std::int64_t multiplier) {
  auto csv = read_csv_file(std::string(UNCOUNTED_SHARED_DATA) + "/mse/" + name + ".csv");
  const std::vector<std::string> lists(csv->header.begin(), csv->header.end() - 1);
  std::vector<std::int64_t> counts(std::size_t{1} << lists.size(), 0);
  for (const auto& row : csv->rows) {
    Pattern p = 0;
    for (std::size_t j = 0; j < lists.size(); ++j)
      if (row.fields[j] == "1") p |= Pattern{1} << j;
    counts[p] += std::stoll(row.fields.back()) * multiplier;
  }
  return *CaptureTable::make(lists, counts);
}

void run(benchmark::State& state, const char* name, std::int64_t multiplier, int chains) {
  const CaptureTable table = load(name, multiplier);
  LcmcrOptions o;
  o.seed = 20240601;
  o.chains = chains;
  o.warm_up = 500;
  o.thin = 100;
  o.samples = 1000 / chains;
  o.burn_in = 10000 / chains - o.warm_up;
  double median = 0;
  for (auto _ : state) {
    auto r = estimate_lcmcr(table, o);
    median = r->median;
    benchmark::DoNotOptimize(median);
  }
  state.counters["sweeps"] = static_cast<double>(chains * (o.warm_up + o.burn_in + o.samples * o.thin));
}

// A sweep's cost depends on the posterior mode a chain visits (how many
// classes are occupied), so one seed's time moves whenever the stream does.
// These variants run the same 110,000 sweeps (one chain, or two chains on two
// threads) for each of 8 fixed seeds; the time per iteration is that of all
// 8 runs: divide by 8 for the mean run, the figure to compare versions by.
void run_8_seeds(benchmark::State& state, const char* name, std::int64_t multiplier, int chains) {
  const CaptureTable table = load(name, multiplier);
  LcmcrOptions o;
  o.chains = chains;
  o.warm_up = 500;
  o.thin = 100;
  o.samples = 1000 / chains;
  o.burn_in = 10000 / chains - o.warm_up;
  for (auto _ : state) {
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
      o.seed = seed;
      auto r = estimate_lcmcr(table, o);
      benchmark::DoNotOptimize(r->median);
    }
  }
}

#define LCMCR_BENCH(name)                                                               \
  BENCHMARK_CAPTURE(run, name##_one_chain, #name, 1, 1)->Unit(benchmark::kMillisecond);   \
  BENCHMARK_CAPTURE(run, name##_two_chains, #name, 1, 2)                                  \
      ->Unit(benchmark::kMillisecond)                                                     \
      ->UseRealTime();                                                                    \
  BENCHMARK_CAPTURE(run, name##_x1000_one_chain, #name, 1000, 1)                          \
      ->Unit(benchmark::kMillisecond);                                                    \
  BENCHMARK_CAPTURE(run, name##_x1000_two_chains, #name, 1000, 2)                         \
      ->Unit(benchmark::kMillisecond)                                                     \
      ->UseRealTime();                                                                    \
  BENCHMARK_CAPTURE(run, name##_x10_one_chain, #name, 10, 1)->Unit(benchmark::kMillisecond); \
  BENCHMARK_CAPTURE(run, name##_x100_one_chain, #name, 100, 1)->Unit(benchmark::kMillisecond); \
  BENCHMARK_CAPTURE(run, name##_x1000000_one_chain, #name, 1000000, 1)                    \
      ->Unit(benchmark::kMillisecond);                                                    \
  BENCHMARK_CAPTURE(run_8_seeds, name##_one_chain_8_seeds, #name, 1, 1)                   \
      ->Unit(benchmark::kMillisecond);                                                    \
  BENCHMARK_CAPTURE(run_8_seeds, name##_two_chains_8_seeds, #name, 1, 2)                  \
      ->Unit(benchmark::kMillisecond)                                                     \
      ->UseRealTime();                                                                    \
  BENCHMARK_CAPTURE(run_8_seeds, name##_x1000_one_chain_8_seeds, #name, 1000, 1)          \
      ->Unit(benchmark::kMillisecond);

LCMCR_BENCH(HIV)
LCMCR_BENCH(Ned_5)
LCMCR_BENCH(Ned)
LCMCR_BENCH(NewOrl)

}  // namespace

BENCHMARK_MAIN();
