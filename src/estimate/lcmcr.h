// Bayesian non-parametric latent-class capture-recapture (LCMCR;
// Manrique-Vallier 2016, Biometrics 72:1246-1254).
//
// Model. Each of N people belongs to a latent class z ~ Categorical(pi) where
// pi follows a truncated stick-breaking Dirichlet process: V_k ~ Beta(1, alpha)
// for k < K, V_K = 1, pi_k = V_k prod_{l<k} (1 - V_l); alpha ~ Gamma(a_alpha,
// rate b_alpha). Given the class, the person is on list j independently with
// probability lambda_jk ~ Beta(1, 1). The prior on N is p(N) proportional to
// 1/N. Only people on at least one list are observed; the sampler augments the
// n0 unobserved people and reports N = observed + n0.
//
// Sampler. A Gibbs sampler on aggregated capture patterns: every step costs
// O(K * (patterns + lists)) whatever the counts (multinomial splits by
// conditional binomials, n0 by a Gamma-Poisson negative binomial), so a
// table whose counts are all multiplied by 1,000 takes the same time. One
// sweep: class counts of each observed pattern ~ Multinomial; lambda ~ Beta;
// V ~ Beta(1 + n_k, alpha + sum_{l>k} n_l) (linear scale, the trailing
// classes whose second shape is below 1 on the log scale); n0 ~ NegBin(n,
// 1 - p0) with p0 = sum_k pi_k prod_j (1 - lambda_jk); the classes of the
// unobserved ~ Multinomial(n0, pi_k prod_j (1 - lambda_jk)); alpha ~ Gamma(
// a_alpha + K - 1, b_alpha - log pi_K). Start: lambda at the marginal list
// frequencies, pi 0.9 / 4 on the first four classes and 0.1 / (K - 4) on the
// others (uniform when K <= 4), both as LCMCR, n0 = 0; then `warm_up` sweeps
// with alpha fixed at 0.3 / K (as LCMCR), classes relabelled by decreasing
// pi, then `burn_in` sweeps, then `samples` draws of N, one every `thin`
// sweeps.
// Cost: each multinomial runs through the classes by decreasing pi and stops
// when nobody is left (the last 16 or fewer get a uniform each), so a
// sweep costs O(M K) at worst whatever the counts; it grows from x1 to about
// x100 counts (more classes hold people, so more full binomial and Beta
// draws) and is flat beyond (bench/bench_lcmcr.cpp).
//
// Chains. `chains` independent chains, chain c seeded from (seed, c) by
// SplitMix64; every chain does warm_up + burn_in + samples * thin sweeps.
// With `parallel` they run on std::threads, one per chain; the output is
// identical to running them one after another (each chain owns its engine).
// Reproducibility: the same seed and options give the same draws on every
// compiler and platform with the same Boost (see internal/random_variates.h);
// LCMCR's own (GSL) streams cannot be reproduced, only its posterior.
//
// Summaries pool the draws of all chains: posterior median, equal-tailed
// credible interval at `level` (R's quantile type 7), mean, sd; convergence
// by rank-normalised split R-hat and bulk ESS (mcmc_diagnostics.h).
//
// Thread safety: estimate_lcmcr is a pure function of its arguments.
#pragma once

#include <cstdint>
#include <vector>

#include "base/result.h"
#include "estimate/capture_table.h"

namespace uncounted {

struct LcmcrOptions {
  int classes = 10;                 // K, truncation of the stick-breaking process (>= 1)
  double a_alpha = 0.25;            // Gamma prior of alpha: shape (> 0)
  double b_alpha = 0.25;            //   and rate (> 0)
  std::int64_t warm_up = 500;       // sweeps with alpha fixed, before relabelling (>= 0)
  std::int64_t burn_in = 10000;     // sweeps discarded after the warm-up, per chain (>= 0)
  std::int64_t samples = 1000;      // draws of N kept per chain (>= 1)
  std::int64_t thin = 100;          // sweeps per kept draw (>= 1)
  std::uint64_t seed = 1;           // any value; chain c uses stream (seed, c)
  int chains = 2;                   // independent chains (1..64)
  double level = 0.95;              // credible level of [lower, upper], in (0, 1)
  bool parallel = true;             // run the chains on their own threads
};

struct LcmcrResult {
  std::int64_t observed = 0;                 // n, people seen by at least one list
  std::vector<std::vector<std::int64_t>> draws;  // draws[c][s]: N of chain c, draw s
  double median = 0;                         // posterior median of N (pooled chains)
  double lower = 0;                          // equal-tailed credible interval at `level`
  double upper = 0;
  double level = 0;
  double mean = 0;                           // posterior mean and standard deviation of N
  double sd = 0;
  double rhat = 0;      // rank-normalised split R-hat (max of bulk and folded), NaN if < 4 draws
  double ess_bulk = 0;  // bulk effective sample size of N over all chains, NaN if < 4 draws
  std::int64_t capped_draws = 0;  // sweeps whose n0 hit kMaxMissing (0 unless degenerate)
  std::int64_t sweeps_per_chain = 0;         // warm_up + burn_in + samples * thin
  std::vector<std::uint64_t> chain_seeds;    // the engine seed of each chain
  LcmcrOptions options;                      // the options used
};

// Bound on the augmented unobserved count n0 (guards the integer range when
// a chain wanders to p0 -> 1, which a proper posterior practically never does).
inline constexpr std::int64_t kLcmcrMaxMissing = std::int64_t{1} << 50;

// Runs the sampler on `table` and summarises the draws of N.
// Errors: classes < 1, a_alpha or b_alpha not > 0, warm_up/burn_in < 0,
// samples < 1, thin < 1, chains outside 1..64, level outside (0, 1), or a
// run longer than 2^62 sweeps.
Result<LcmcrResult> estimate_lcmcr(const CaptureTable& table, const LcmcrOptions& options);

// R's type-7 quantile of sorted values (linear interpolation between order
// statistics), p in [0, 1]; `sorted` must not be empty.
double quantile_sorted(const std::vector<double>& sorted, double p);

}  // namespace uncounted
