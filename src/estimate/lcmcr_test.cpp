// Tests of the LCMCR sampler: options, determinism, golden values, agreement
// with the LCMCR 0.4.14 reference runs (shared/data/mse/REFERENCE.md) and
// interval coverage on simulated populations.
//
// Monte Carlo error, measured (Release build, default options: 1 chain of
// 500 + 10,000 + 1,000 x 100 sweeps, seeds 1..10; median (2.5-97.5%); with
// LCMCR's start, most weight on four classes):
//   NewOrl      709-722 (503-524 / 1027-1100)   reference 714 (511-1,053)
//   NewOrl_5    826-851 (560-586 / 1325-1472)   reference 827 (564-1,340)
//   Western     1800-1876 (1274-1333 / 2893-3183) reference 1,828 (1,325-3,029)
//   lesbian     5242-5530 (4234-4533 / 6972-7525) reference 5,526 (4,470-7,307)
//   MY5 626-631, spina_bifida 731-735, hare 76-77, Artificial_3 396-413:
//     medians within 1-3% of each other and of the reference.
//   HIV         8 seeds 10882-10970 (9314-9447 / 12869-13158), but 2 of 10
//     seeds spend much of the run in a second posterior mode (a latent class
//     with low capture probabilities): medians 11964-11972, upper ends
//     16400-16981. Reference 10,906 (9,319-12,963) is the first mode.
//   Ned_5       7 seeds 47864-49034, one in a high mode (141,600), one in a
//     low one (25,141), one moving between them (52,611, ESS 1). Reference
//     50,232.
//   Ned         modes near 50k (5 seeds, 49408-53293) and 140k (4 seeds,
//     139800-144728), one seed moving between them (114,648, ESS 1).
//     Reference 130,718 (74,117-169,066) is the high mode.
// The multimodal posteriors (HIV, Ned_5, Ned) are a property of the model on
// these tables (R-hat > 1.1 flags them), not of the sampler: the LCMCR
// reference is one chain of one seed. Tests on them therefore check that the
// reference lies within what our chains produce, as documented per test.
#include "estimate/lcmcr.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "base/csv_reader.h"
#include "estimate/internal/random_variates.h"

namespace uncounted {
namespace {

CaptureTable load(const std::string& name, std::int64_t multiplier = 1) {
  auto csv = read_csv_file(std::string(UNCOUNTED_SHARED_DATA) + "/mse/" + name + ".csv");
  if (!csv) ADD_FAILURE() << csv.error().message();
  const std::vector<std::string> lists(csv->header.begin(), csv->header.end() - 1);
  std::vector<std::int64_t> counts(std::size_t{1} << lists.size(), 0);
  for (const auto& row : csv->rows) {
    Pattern p = 0;
    for (std::size_t j = 0; j < lists.size(); ++j)
      if (row.fields[j] == "1") p |= Pattern{1} << j;
    counts[p] += std::stoll(row.fields.back()) * multiplier;
  }
  auto table = CaptureTable::make(lists, counts);
  if (!table) ADD_FAILURE() << table.error().message();
  return *table;
}

// Runs f(0), ..., f(n - 1) on up to one thread per core. Each f(i) must be
// independent of the others (here: one sampler run, a pure function of its
// inputs), so the results do not depend on the threads.
template <class F>
void parallel_for(int n, const F& f) {
  const int threads =
      std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, std::max(n, 1));
  std::atomic<int> next{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      for (int i = next++; i < n; i = next++) f(i);
    });
  for (auto& th : pool) th.join();
}

LcmcrOptions quick(std::uint64_t seed) {
  LcmcrOptions o;
  o.seed = seed;
  o.warm_up = 500;
  o.burn_in = 3000;
  o.samples = 300;
  o.thin = 10;
  return o;
}

TEST(Lcmcr, RejectsBadOptions) {
  const CaptureTable t = load("HIV");
  auto bad = [&](auto change) {
    LcmcrOptions o = quick(1);
    change(o);
    return !estimate_lcmcr(t, o).has_value();
  };
  EXPECT_TRUE(bad([](LcmcrOptions& o) { o.classes = 0; }));
  EXPECT_TRUE(bad([](LcmcrOptions& o) { o.samples = 0; }));
  EXPECT_TRUE(bad([](LcmcrOptions& o) { o.thin = 0; }));
  EXPECT_TRUE(bad([](LcmcrOptions& o) { o.burn_in = -1; }));
  EXPECT_TRUE(bad([](LcmcrOptions& o) { o.warm_up = -1; }));
  EXPECT_TRUE(bad([](LcmcrOptions& o) { o.chains = 0; }));
  EXPECT_TRUE(bad([](LcmcrOptions& o) { o.chains = 65; }));
  EXPECT_TRUE(bad([](LcmcrOptions& o) { o.level = 0.0; }));
  EXPECT_TRUE(bad([](LcmcrOptions& o) { o.level = 1.0; }));
  EXPECT_TRUE(bad([](LcmcrOptions& o) { o.level = std::nan(""); }));
  EXPECT_TRUE(bad([](LcmcrOptions& o) { o.a_alpha = 0.0; }));
  EXPECT_TRUE(bad([](LcmcrOptions& o) { o.b_alpha = -1.0; }));
  EXPECT_TRUE(bad([](LcmcrOptions& o) { o.samples = std::int64_t{1} << 40, o.thin = 1 << 30; }));
  auto err = estimate_lcmcr(t, [] { LcmcrOptions o; o.classes = 0; return o; }());
  ASSERT_FALSE(err.has_value());
  EXPECT_NE(err.error().message().find("classes"), std::string::npos);
  EXPECT_FALSE(bad([](LcmcrOptions& o) { o.classes = 1; }));
}

TEST(Lcmcr, ResultDescribesTheRun) {
  const CaptureTable t = load("HIV");
  LcmcrOptions o = quick(11);
  o.level = 0.9;
  auto r = estimate_lcmcr(t, o);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->observed, 1896);
  ASSERT_EQ(r->draws.size(), 2u);
  EXPECT_EQ(r->draws[0].size(), 300u);
  EXPECT_EQ(r->chain_seeds.size(), 2u);
  EXPECT_NE(r->chain_seeds[0], r->chain_seeds[1]);
  EXPECT_EQ(r->sweeps_per_chain, 500 + 3000 + 300 * 10);
  EXPECT_EQ(r->options.seed, 11u);
  EXPECT_EQ(r->level, 0.9);
  for (const auto& chain : r->draws)
    for (std::int64_t n : chain) EXPECT_GE(n, 1896);
  EXPECT_LE(r->lower, r->median);
  EXPECT_LE(r->median, r->upper);
  EXPECT_GT(r->sd, 0);
  EXPECT_TRUE(std::isfinite(r->rhat));
  // HIV is bimodal (header): with these short runs (2 x 300 draws) the bulk
  // ESS is below 10 for about a quarter to a third of seeds (measured: 9 and
  // 14 of seeds 1..40 with the two random streams the sampler has had; the
  // Gibbs kernel is the same in law), so only its being computed is checked.
  EXPECT_TRUE(std::isfinite(r->ess_bulk));
  EXPECT_GT(r->ess_bulk, 1);
  EXPECT_EQ(r->capped_draws, 0);
}

TEST(Lcmcr, SameSeedSameDrawsAndThreadsMatchSequential) {
  const CaptureTable t = load("NewOrl");
  LcmcrOptions o = quick(5);
  o.chains = 3;
  auto a = estimate_lcmcr(t, o);
  auto b = estimate_lcmcr(t, o);
  o.parallel = false;
  auto c = estimate_lcmcr(t, o);
  ASSERT_TRUE(a && b && c);
  EXPECT_EQ(a->draws, b->draws);
  EXPECT_EQ(a->draws, c->draws);
  EXPECT_EQ(a->median, c->median);
  // Chain c of a run is the same whatever the number of chains.
  o.chains = 1;
  auto d = estimate_lcmcr(t, o);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->draws[0], a->draws[0]);
  o.seed = 6;
  auto e = estimate_lcmcr(t, o);
  ASSERT_TRUE(e);
  EXPECT_NE(e->draws[0], a->draws[0]);
}

TEST(Lcmcr, GoldenValues) {
  // Pinned: seed 20240601 on HIV with quick settings. A change here means the
  // random stream or the sampler changed; update only deliberately.
  auto r = estimate_lcmcr(load("HIV"), quick(20240601));
  ASSERT_TRUE(r);
  // (Re-pinned with the xoshiro256++ engine and the ordered multinomials,
  // again when the stick-breaking update left the log scale, and again when
  // the start became LCMCR's (most weight on four classes) and the last few
  // people of a multinomial came to be placed by counting: the same
  // distributions, other uses of the stream, so the chains take other paths.)
  EXPECT_EQ(r->draws[0][0], 10667);
  EXPECT_EQ(r->draws[1][299], 10330);
  EXPECT_EQ(r->median, 10806);
  // Interpolated quantiles of integer draws: multiples of 1/40.
  EXPECT_NEAR(r->lower, 9331.0, 0.01);
  EXPECT_NEAR(r->upper, 12549.775, 0.01);
}

struct Reference {
  const char* name;
  double median;
  double lower;
  double upper;
};

// LCMCR 0.4.14 posterior median and 2.5/97.5% quantiles (REFERENCE.md).
struct Tolerance {
  double median = 0.03;
  double ends = 0.08;
};
struct Case {
  Reference ref;
  Tolerance tol;
};
// lesbian: the measured seed-to-seed spread at full settings (header) is
// 5162-5552 for the median (-6.6%) and 4173-4641 for the lower end (-6.6%),
// with one seed at ESS 16; with the shorter runs here the tolerance is 8% /
// 12%. Artificial_3: medians over 10 seeds 390-412 (-4.6%), upper ends
// 774-892 (+15%): 5% / 15%.
const Case kStable[] = {
    {{"NewOrl", 714, 511, 1053}, {}},       {{"NewOrl_5", 827, 564, 1340}, {}},
    {{"Western", 1828, 1325, 3029}, {}},    {{"lesbian", 5526, 4470, 7307}, {0.08, 0.12}},
    {{"MY5", 629, 587, 713}, {}},           {{"spina_bifida", 731, 687, 820}, {}},
    {{"hare", 76, 70, 91}, {}},             {{"Artificial_3", 409, 233, 776}, {0.05, 0.15}},
};

// Datasets whose posterior has one mode: runs of 2 chains x (5,500 + 1,000 x
// 20) sweeps for 5 fixed seeds; the median over the 5 runs of each summary
// must be within 3% (median) and 8% (interval ends) of LCMCR's. One run is
// not enough: its 97.5% point moves by about 3% between seeds (NewOrl_5's
// upper end over seeds 101-140: 1,312-1,479, reference 1,340), so one seed
// fails the 8% now and then whenever the random stream changes; the median
// of 5 halves that spread.
TEST(Lcmcr, AgreesWithReferenceOnUnimodalDatasets) {
  constexpr int kSeeds = 5;
  constexpr int kCases = static_cast<int>(std::size(kStable));
  std::vector<LcmcrResult> runs(kCases * kSeeds);
  std::vector<char> ok(runs.size(), 0);
  parallel_for(static_cast<int>(runs.size()), [&](int i) {
    LcmcrOptions o = quick(static_cast<std::uint64_t>(101 + i % kSeeds));
    o.burn_in = 5000;
    o.samples = 1000;
    o.thin = 20;
    o.parallel = false;  // the runs share the cores
    auto r = estimate_lcmcr(load(kStable[i / kSeeds].ref.name), o);
    if (!r) return;
    runs[static_cast<std::size_t>(i)] = std::move(*r);
    ok[static_cast<std::size_t>(i)] = 1;
  });
  for (int c = 0; c < kCases; ++c) {
    const auto& [ref, tol] = kStable[c];
    std::vector<double> median, lower, upper;
    for (int s = 0; s < kSeeds; ++s) {
      const auto i = static_cast<std::size_t>(c * kSeeds + s);
      ASSERT_TRUE(ok[i]) << ref.name << " seed " << 101 + s;
      median.push_back(runs[i].median);
      lower.push_back(runs[i].lower);
      upper.push_back(runs[i].upper);
    }
    auto middle = [](std::vector<double> v) {
      std::sort(v.begin(), v.end());
      return v[v.size() / 2];
    };
    EXPECT_NEAR(middle(median), ref.median, tol.median * ref.median) << ref.name;
    EXPECT_NEAR(middle(lower), ref.lower, tol.ends * ref.lower) << ref.name;
    EXPECT_NEAR(middle(upper), ref.upper, tol.ends * ref.upper) << ref.name;
  }
}

// HIV at LCMCR's reference settings (one chain of 500 + 10,000 + 1,000 x 100
// sweeps, as the reference run) for seeds 1-8, fixed before looking at any
// result. The posterior has a second mode that 2-3 chains in 10 visit
// for long (header comment), so one seed's run is not a fair test: a run may
// sit in either mode. The reference (one LCMCR chain) is the main mode.
// Checked: most runs (at least 5 of 8) have their median within 3% of the
// reference; every run's median lies within the two modes' documented range
// (0.96-1.15 x reference); and the runs in the main mode whose split R-hat
// is <= 1.1 with bulk ESS > 100 (no visit to the other mode) match the
// reference's interval ends within 8%, as tightly as the unimodal tables.
// This replaces a one-seed test whose seed had to be changed when the
// random stream changed (e4fc3c2).
TEST(Lcmcr, AgreesWithReferenceOnHivAtReferenceSettings) {
  constexpr double kMedian = 10906, kLower = 9319, kUpper = 12963;
  const CaptureTable t = load("HIV");
  std::vector<LcmcrResult> runs(8);
  std::vector<char> ok(8, 0);
  parallel_for(8, [&](int i) {
    LcmcrOptions o;
    o.seed = static_cast<std::uint64_t>(i + 1);
    o.chains = 1;
    auto r = estimate_lcmcr(t, o);
    if (r) {
      runs[static_cast<std::size_t>(i)] = *r;
      ok[static_cast<std::size_t>(i)] = 1;
    }
  });
  int main_mode = 0;
  for (int i = 0; i < 8; ++i) {
    ASSERT_TRUE(ok[static_cast<std::size_t>(i)]) << "seed " << i + 1;
    const auto& r = runs[static_cast<std::size_t>(i)];
    EXPECT_GE(r.median, 0.96 * kMedian) << "seed " << i + 1;
    EXPECT_LE(r.median, 1.15 * kMedian) << "seed " << i + 1;
    if (std::abs(r.median - kMedian) > 0.03 * kMedian) continue;
    ++main_mode;
    if (!(r.rhat <= 1.1) || !(r.ess_bulk > 100)) continue;
    EXPECT_NEAR(r.lower, kLower, 0.08 * kLower) << "seed " << i + 1;
    EXPECT_NEAR(r.upper, kUpper, 0.08 * kUpper) << "seed " << i + 1;
  }
  EXPECT_GE(main_mode, 5);
}

// Ned_5 and Ned: multimodal (header comment). Each seed runs 1 chain of
// 500 + 5,000 + 500 x 100 sweeps (the runs share the cores). Checked: our
// per-seed medians are not all above the reference (both tables); for Ned_5
// they are not all well below it either (the highest at least 0.95 x the
// reference: a sampler stuck in the low modes, ~20-30k, fails this), and
// LCMCR's mode is the one most seeds find: at least 5 of seeds 1-12 have
// their median within 8% of the reference. Measured with this sampler: 18
// of seeds 1-30 (60%; the others in modes near 20-31k and 100-140k), so 5 of
// 12 is missed with probability about 6% when the random stream changes;
// with the uniform start the sampler had before, 11 of 30 (37%) - the
// start LCMCR uses (most weight on four classes) finds its mode more often.
// Ned's reference sits in a mode that only some seeds reach (header), so only
// its lower side is checked, on seeds 1-3.
TEST(Lcmcr, ReferenceLiesAmongOurChainsOnMultimodalNed) {
  const Reference ned5{"Ned_5", 50232, 42698, 64168};
  const Reference ned{"Ned", 130718, 74117, 169066};
  constexpr int kNed5Seeds = 12;
  constexpr int kNedSeeds = 3;
  const CaptureTable tables[] = {load(ned5.name), load(ned.name)};
  std::vector<double> medians(kNed5Seeds + kNedSeeds, 0.0);
  parallel_for(kNed5Seeds + kNedSeeds, [&](int i) {
    const bool is_ned5 = i < kNed5Seeds;
    LcmcrOptions o;
    o.chains = 1;
    o.seed = static_cast<std::uint64_t>(is_ned5 ? i + 1 : i - kNed5Seeds + 1);
    o.burn_in = 5000;
    o.samples = 500;
    o.thin = 100;
    auto r = estimate_lcmcr(tables[is_ned5 ? 0 : 1], o);
    medians[static_cast<std::size_t>(i)] = r ? r->median : std::nan("");
  });
  for (double v : medians) ASSERT_TRUE(std::isfinite(v));
  const std::vector<double> m5(medians.begin(), medians.begin() + kNed5Seeds);
  const std::vector<double> m6(medians.begin() + kNed5Seeds, medians.end());
  int close = 0;
  for (double v : m5) close += std::abs(v - ned5.median) < 0.08 * ned5.median;
  EXPECT_LE(*std::min_element(m5.begin(), m5.end()), ned5.median * 1.03);
  EXPECT_GE(*std::max_element(m5.begin(), m5.end()), ned5.median * 0.95);
  EXPECT_GE(close, 5);
  EXPECT_LE(*std::min_element(m6.begin(), m6.end()), ned.median * 1.03);
}

TEST(Lcmcr, TimeDoesNotDependOnCountsAndScalesSensibly) {
  // Every count x 1,000: the sampler still runs (O(K) multinomials) and the
  // estimate scales roughly with the counts.
  LcmcrOptions o = quick(3);
  o.chains = 1;
  auto r = estimate_lcmcr(load("spina_bifida", 1000), o);
  ASSERT_TRUE(r);
  EXPECT_GT(r->median, 626000);
  EXPECT_LT(r->median, 1000000);
  EXPECT_EQ(r->capped_draws, 0);
}

// Simulates a population of `n` people in 1 or 2 latent classes with
// independent capture probabilities, returns the observed table.
CaptureTable simulate(random_internal::Engine& e, std::int64_t n,
                      const std::vector<double>& class_weights,
                      const std::vector<std::vector<double>>& capture) {
  const int lists = static_cast<int>(capture[0].size());
  std::vector<double> cell(std::size_t{1} << lists, 0.0);
  for (std::size_t p = 0; p < cell.size(); ++p)
    for (std::size_t c = 0; c < class_weights.size(); ++c) {
      double q = class_weights[c];
      for (int j = 0; j < lists; ++j) q *= (p >> j & 1) ? capture[c][j] : 1 - capture[c][j];
      cell[p] += q;
    }
  std::vector<std::int64_t> counts(cell.size());
  random_internal::multinomial_variate(e, n, cell.data(), static_cast<int>(cell.size()),
                                       counts.data());
  counts[0] = 0;
  std::vector<std::string> names;
  for (int j = 0; j < lists; ++j) names.push_back("L" + std::to_string(j));
  auto t = CaptureTable::make(names, counts);
  if (!t) ADD_FAILURE() << t.error().message();
  return *t;
}

// Coverage of the 95% credible interval on simulated tables with known N.
//  * independent lists (4 lists, N = 600), 60 tables: under nominal 95%
//    coverage P(covered <= 50 of 60) = 0.0009, so >= 51 is asserted.
//  * two latent classes (8 lists, weights 0.6 / 0.4, capture 0.35-0.5 vs
//    0.1-0.2, N = 5,000), 30 tables: P(covered <= 24 of 30) = 0.0033 under
//    nominal coverage, so >= 25 is asserted. The sampler's cost does not grow
//    with N, so the large population is free.
// Measured but not asserted: with the same two classes and N = 600 (n ~ 520)
// the posterior is pulled towards fewer classes by the stick-breaking prior
// and centres ~4% low, covering only 65-80% (also with 4 or 6 lists); with
// N = 6,000 it centres on the truth. This is the model on weakly identified
// heterogeneity, not the sampler: with K = 1 it matches the exact posterior
// (ExactPosteriorWithOneClass).
TEST(Lcmcr, CredibleIntervalsCoverTheTruth) {
  struct Scenario {
    const char* name;
    std::int64_t truth;
    int tables;
    int minimum;
    std::vector<double> weights;
    std::vector<std::vector<double>> capture;
  };
  const Scenario scenarios[] = {
      {"independent", 600, 60, 51, {1.0}, {{0.3, 0.2, 0.25, 0.35}}},
      {"two_classes", 5000, 30, 25, {0.6, 0.4},
       {{0.5, 0.4, 0.45, 0.35, 0.4, 0.5, 0.4, 0.45}, {0.15, 0.1, 0.15, 0.2, 0.1, 0.15, 0.1, 0.15}}},
  };
  random_internal::Engine e(777);
  for (const Scenario& s : scenarios) {
    // The tables come from one stream, in order; the runs, pure functions
    // of their table and seed, share the cores.
    std::vector<CaptureTable> tables;
    for (int i = 0; i < s.tables; ++i) tables.push_back(simulate(e, s.truth, s.weights, s.capture));
    std::vector<int> hit(static_cast<std::size_t>(s.tables), -1);
    parallel_for(s.tables, [&](int i) {
      LcmcrOptions o = quick(1000 + static_cast<std::uint64_t>(i));
      o.chains = 1;
      o.burn_in = 2000;
      o.samples = 300;
      o.thin = 4;
      auto r = estimate_lcmcr(tables[static_cast<std::size_t>(i)], o);
      const double truth = static_cast<double>(s.truth);
      hit[static_cast<std::size_t>(i)] = r ? (r->lower <= truth && truth <= r->upper) : -1;
    });
    int covered = 0;
    for (int h : hit) {
      ASSERT_GE(h, 0);
      covered += h;
    }
    EXPECT_GE(covered, s.minimum) << s.name;
    RecordProperty(std::string("covered_") + s.name, covered);
  }
}

// With one class the model is the independence model, whose posterior under
// p(N) ~ 1/N and uniform capture priors is known in closed form:
// p(N | x) ~ (1/N) N! / (N - n)! prod_j B(n_j + 1, N - n_j + 1). On HIV its
// median and 2.5/97.5% quantiles are 10,870 (9,342-12,788) (computed below
// on a grid); 4 seeds of the sampler gave 10,811-10,895 (9,249-9,484 /
// 12,641-12,923).
TEST(Lcmcr, ExactPosteriorWithOneClass) {
  const CaptureTable t = load("HIV");
  std::vector<double> log_post;
  const std::int64_t n = t.observed();
  for (std::int64_t big_n = n; big_n < 40000; ++big_n) {
    const double nd = static_cast<double>(big_n);
    double lp = -std::log(nd) + std::lgamma(nd + 1) - std::lgamma(nd - static_cast<double>(n) + 1);
    for (int j = 0; j < t.list_count(); ++j) {
      const double a = static_cast<double>(t.list_total(j)) + 1;
      const double b = nd - a + 2;
      lp += std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b);
    }
    log_post.push_back(lp);
  }
  const double top = *std::max_element(log_post.begin(), log_post.end());
  double total = 0;
  for (double& v : log_post) total += (v = std::exp(v - top));
  auto quantile = [&](double p) {
    double c = 0;
    for (std::size_t i = 0; i < log_post.size(); ++i)
      if ((c += log_post[i] / total) >= p) return static_cast<double>(n + static_cast<std::int64_t>(i));
    return 0.0;
  };
  EXPECT_EQ(quantile(0.5), 10870);
  LcmcrOptions o;
  o.classes = 1;
  o.burn_in = 2000;
  o.samples = 2000;
  o.thin = 10;
  o.seed = 9;
  auto r = estimate_lcmcr(t, o);
  ASSERT_TRUE(r);
  // Monte Carlo error of the median with ~4,000 nearly independent draws of
  // sd 870: ~1.25 sd / sqrt(4000) = 17; of the 2.5/97.5% quantiles ~3x that.
  EXPECT_NEAR(r->median, quantile(0.5), 80);
  EXPECT_NEAR(r->lower, quantile(0.025), 200);
  EXPECT_NEAR(r->upper, quantile(0.975), 250);
}

}  // namespace
}  // namespace uncounted
