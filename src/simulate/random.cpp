#include "simulate/random.h"

#include <cmath>
#include <cstdlib>

namespace uncounted::simulate {
namespace {

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace

std::uint64_t derive_seed(std::uint64_t seed, std::initializer_list<std::uint64_t> labels) {
  std::uint64_t h = splitmix64(seed);
  for (std::uint64_t label : labels) h = splitmix64(h ^ splitmix64(label + 0x632BE59BD9B4E019ULL));
  return h;
}

double Rng::uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

std::uint64_t Rng::below(std::uint64_t n) {
  if (n == 0) std::abort();
  // Reject the top partial block so that every residue is equally likely.
  const std::uint64_t limit = UINT64_MAX - (UINT64_MAX % n + 1) % n;
  std::uint64_t x = engine_();
  while (x > limit) x = engine_();
  return x % n;
}

int Rng::between(int lo, int hi) {
  if (hi < lo) std::abort();
  const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo) + 1;
  return static_cast<int>(static_cast<std::int64_t>(lo) + static_cast<std::int64_t>(below(span)));
}

double Rng::normal() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_normal_;
  }
  double u = 0, v = 0, s = 0;
  do {
    u = 2.0 * uniform() - 1.0;
    v = 2.0 * uniform() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const double factor = std::sqrt(-2.0 * std::log(s) / s);
  spare_normal_ = v * factor;
  has_spare_ = true;
  return u * factor;
}

std::size_t Rng::weighted(std::span<const double> weights) {
  double total = 0;
  for (double w : weights) {
    if (!(w >= 0)) std::abort();
    total += w;
  }
  if (!(total > 0)) std::abort();
  const double target = uniform() * total;
  double cumulative = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    cumulative += weights[i];
    if (target < cumulative) return i;
  }
  // Rounding: the last index with positive weight.
  for (std::size_t i = weights.size(); i-- > 0;)
    if (weights[i] > 0) return i;
  std::abort();
}

double logit(double p) { return std::log(p / (1.0 - p)); }
double inverse_logit(double x) { return 1.0 / (1.0 + std::exp(-x)); }

}  // namespace uncounted::simulate
