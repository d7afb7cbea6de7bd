// Reproducible random numbers for the simulator.
//
// The engine is Boost.Random's mt19937_64, whose output sequence is fixed by
// its definition; every distribution used on top of it is written here (std
// distributions differ between standard libraries), so the same seed gives
// the same variates with any compiler on any platform with IEEE doubles and
// a correctly rounded sqrt (normal() also uses log; glibc's is stable).
//
// derive_seed() gives independent sub-streams (SplitMix64 of the inputs), so
// that, e.g., the records written for person 17 by source 2 do not change
// when another source is added.
//
// Thread safety: an Rng is a value; do not share one between threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>

#include <boost/random/mersenne_twister.hpp>

namespace uncounted::simulate {

// A seed mixed from a base seed and any number of stream labels.
std::uint64_t derive_seed(std::uint64_t seed, std::initializer_list<std::uint64_t> labels);

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}

  std::uint64_t next() { return engine_(); }
  // Uniform on [0, 1) with 53 random bits.
  double uniform();
  // Uniform integer in [0, n); n > 0 (aborts otherwise). Unbiased (rejection).
  std::uint64_t below(std::uint64_t n);
  // Uniform integer in [lo, hi]; lo <= hi.
  int between(int lo, int hi);
  bool bernoulli(double p) { return uniform() < p; }
  // Standard normal (Marsaglia's polar method).
  double normal();
  // Index i with probability weights[i] / sum; weights non-negative with a
  // positive sum (aborts otherwise).
  std::size_t weighted(std::span<const double> weights);

 private:
  boost::random::mt19937_64 engine_;
  double spare_normal_ = 0;
  bool has_spare_ = false;
};

// Log-odds and back.
double logit(double p);
double inverse_logit(double x);

}  // namespace uncounted::simulate
