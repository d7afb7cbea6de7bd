// Random variates for the MCMC samplers in estimate/ (internal).
//
// Why not <random>'s distributions: the C++ standard fixes the engines'
// output but not the algorithms of std::gamma_distribution & co., so the same
// seed gives different numbers under libstdc++, libc++ and MSVC. Everything
// here is either written out in this file or taken from Boost.Random, whose
// algorithms are fixed in its headers (Boost 1.74 on Debian 12): a seed gives
// the same stream on every compiler and platform with that Boost (up to the
// last-bit behaviour of the C library's log/exp, which glibc rounds
// correctly).
//
// Cost: every generator here runs in O(1) expected time, independent of its
// parameters (counts, means): binomial by BTRD (Hormann 1993) or by
// inversion when the mean is below 11 (whose expected cost is bounded by the
// mean), Poisson
// by PTRS (Hormann 1993, Boost), gamma by Marsaglia & Tsang (2000); the
// multinomial is a chain of at most K-1 conditional binomials, so O(K).
//
// Thread safety: the functions are pure apart from the engine they are given;
// use one engine per thread.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include <boost/random/normal_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>

namespace uncounted::random_internal {

// SplitMix64 finaliser (Steele, Lea & Flood 2014): a bijective mixer used to
// derive independent-looking seeds for several streams from one user seed.
inline std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Seed of stream `index` (0, 1, ...) derived from a user's seed.
inline std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t index) {
  return splitmix64(splitmix64(seed) ^ splitmix64(0xC0FFEE00ULL + index));
}

// The engine of every sampler: xoshiro256++ (Blackman & Vigna 2019), written
// out here so that its output for a seed is fixed by this file alone. It
// passes BigCrush and PractRand, has period 2^256 - 1, and costs a handful
// of integer operations per 64-bit output (Mersenne Twister's refill and
// tempering cost about three times as much, a sizeable share of a sweep).
// The 256-bit state is filled from the seed by SplitMix64, as its authors
// recommend. Satisfies UniformRandomBitGenerator (for Boost's normal).
class Engine {
 public:
  using result_type = std::uint64_t;
  explicit Engine(std::uint64_t seed = 0) {
    for (std::uint64_t& s : s_) {
      seed += 0x9E3779B97F4A7C15ULL;
      std::uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
      s = z ^ (z >> 31);
    }
  }
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return ~result_type{0}; }
  result_type operator()() {
    const std::uint64_t result = rotl(s_[0] + s_[3], 23) + s_[0];
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

// Uniform on [0, 1): the top 53 bits of one engine output.
inline double uniform01(Engine& engine) {
  return static_cast<double>(engine() >> 11) * 0x1.0p-53;
}

// Uniform on the open interval (0, 1).
inline double uniform_pos(Engine& engine) {
  return (static_cast<double>(engine() >> 11) + 0.5) * 0x1.0p-53;
}

// Standard normal (Boost's ziggurat; with this engine it beat a hand-written
// 128-layer Doornik ziggurat, 3.2 vs 3.5 ns a draw).
inline double standard_normal(Engine& engine) {
  return boost::random::normal_distribution<double>(0.0, 1.0)(engine);
}

// Exponential with rate 1, by inversion.
inline double standard_exponential(Engine& engine) { return -std::log(uniform_pos(engine)); }

// Gamma(shape, scale 1) for shape >= 1: Marsaglia & Tsang (2000), with their
// squeeze. Always > 0.
inline double gamma_large(Engine& engine, double shape) {
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x;
    double v;
    do {
      x = standard_normal(engine);
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = uniform_pos(engine);
    const double x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2) return d * v;
    if (std::log(u) < 0.5 * x2 + d * (1.0 - v + std::log(v))) return d * v;
  }
}

// Gamma(shape, scale 1), shape > 0. For shape < 1 uses
// G(shape) = G(shape + 1) * U^(1/shape) (may underflow to 0 for tiny shapes:
// use log_gamma_variate when the logarithm is what is needed).
inline double gamma_variate(Engine& engine, double shape) {
  if (shape == 1.0) return standard_exponential(engine);
  if (shape > 1.0) return gamma_large(engine, shape);
  return gamma_large(engine, shape + 1.0) * std::pow(uniform_pos(engine), 1.0 / shape);
}

// log of a Gamma(shape, 1) variate, shape > 0, without underflow for small
// shapes: log G(shape + 1) + log(U) / shape (Robert & Casella 2004, p. 45).
inline double log_gamma_variate(Engine& engine, double shape) {
  if (shape >= 1.0) return std::log(gamma_variate(engine, shape));
  return std::log(gamma_large(engine, shape + 1.0)) + std::log(uniform_pos(engine)) / shape;
}

// log(exp(a) + exp(b)) without overflow.
inline double log_sum_exp(double a, double b) {
  if (a < b) return b + std::log1p(std::exp(a - b));
  if (b == -std::numeric_limits<double>::infinity()) return a;
  return a + std::log1p(std::exp(b - a));
}

// A Beta draw returned as both x and 1 - x (each with full relative
// precision, which 1 - x computed from x would lose near 1), and x / (1 - x).
struct BetaDraw {
  double x;
  double one_minus_x;
  double odds;
};

// Beta(a, b) for a, b >= 1 (the shapes of the posterior of a Bernoulli
// probability under a uniform prior), as G_a / (G_a + G_b).
inline BetaDraw beta_variate(Engine& engine, double a, double b) {
  if (a == 1.0 && b == 1.0) {
    const double u = uniform_pos(engine);
    return {u, 1.0 - u, u / (1.0 - u)};
  }
  const double ga = gamma_variate(engine, a);
  const double gb = gamma_variate(engine, b);
  const double r = 1.0 / (ga + gb);
  return {ga * r, gb * r, ga / gb};
}

// V ~ Beta(1, b), b > 0, by inversion: 1 - V = U^(1/b). Returns V and 1 - V,
// each with full relative precision, and log(1 - V) = log(U) / b exactly.
// One log and one exp; expm1 only where V < 0.4 (where 1 - exp(t) would
// lose V's low digits). Where 1 - V underflows (log below -708) it is
// returned as 0 and V as 1.
struct StickDraw {
  double v;
  double one_minus_v;
  double log_one_minus_v;
};
inline StickDraw beta_one_b_variate(Engine& engine, double b) {
  const double t = std::log(uniform_pos(engine)) / b;
  if (t < -708.0) return {1.0, 0.0, t};
  const double w = std::exp(t);
  return {t < -0.5 ? 1.0 - w : -std::expm1(t), w, t};
}

// log Beta(a, b) draw for any a, b > 0: returns log x and log(1 - x).
struct LogBetaDraw {
  double log_x;
  double log_one_minus_x;
};
// Beta(1, b) is 1 - U^(1/b) and Beta(a, 1) is U^(1/a) (inversion), so one
// uniform, a log and an expm1 give both logarithms exactly where a shape is
// 1 (the empty classes of the stick-breaking update, whose other shape may
// be below 1).
inline LogBetaDraw log_beta_variate(Engine& engine, double a, double b) {
  if (a == 1.0) {  // log(1 - x) = log(U) / b
    const double t = std::log(uniform_pos(engine)) / b;
    return {std::log(-std::expm1(t)), t};
  }
  if (b == 1.0) {  // log x = log(U) / a
    const double t = std::log(uniform_pos(engine)) / a;
    return {t, std::log(-std::expm1(t))};
  }
  if (a >= 1.0 && b >= 1.0) {  // no underflow possible: plain gammas, fewer logs
    const double ga = gamma_variate(engine, a);
    const double gb = gamma_variate(engine, b);
    const double ls = std::log(ga + gb);
    return {std::log(ga) - ls, std::log(gb) - ls};
  }
  const double la = log_gamma_variate(engine, a);
  const double lb = log_gamma_variate(engine, b);
  const double ls = log_sum_exp(la, lb);
  return {la - ls, lb - ls};
}

// 1 / (x + 1) for x < kReciprocals, correctly rounded at compile time: the
// inversion search multiplies by these instead of dividing (a division's
// latency is several multiplications').
inline constexpr int kReciprocals = 64;
inline constexpr auto kReciprocal = [] {
  std::array<double, kReciprocals> r{};
  for (int i = 0; i < kReciprocals; ++i) r[i] = 1.0 / (i + 1);
  return r;
}();

// The correction term of Stirling's formula, fc(k) = log k! - log sqrt(2 pi)
// - (k + 1/2) log(k + 1) + (k + 1): below 10 from a table (the values
// rounded from 50-digit arithmetic: computed from lgamma they lose up to
// 3e-15 to cancellation, and lgamma's last bit is the C library's), beyond
// by the series 1/(12 z) - 1/(360 z^3) + 1/(1260 z^5), z = k + 1 (its error
// is the next term, 1/(1680 z^7): 3e-11 at k = 10, falling as k^-7).
inline double stirling_correction(double k) {
  static constexpr std::array<double, 10> kExact = {
      8.10614667953272611e-02, 4.13406959554092970e-02, 2.76779256849983384e-02,
      2.07906721037650934e-02, 1.66446911898211931e-02, 1.38761288230707484e-02,
      1.18967099458917695e-02, 1.04112652619720962e-02, 9.25546218271273285e-03,
      8.33056343336287079e-03};
  if (k < 10.0) return kExact[static_cast<std::size_t>(k)];
  const double z = 1.0 / (k + 1.0);
  const double z2 = z * z;
  return (1.0 / 12.0 - (1.0 / 360.0 - z2 / 1260.0) * z2) * z;
}

// floor(x) for |x| < 2^63 as an integer, without a call (std::floor is a
// library call on x86-64 without SSE4.1).
inline std::int64_t floor_to_int(double x) {
  const auto t = static_cast<std::int64_t>(x);  // rounds toward zero
  return t - (x < static_cast<double>(t) ? 1 : 0);
}

// Binomial(n, p) for p <= 1/2 given with q = 1 - p, (n + 1) p >= 11: BTRD,
// the transformed rejection of Hormann (1993, J. Statist. Comput. Simul.
// 46:101), written out from the paper's steps. About 80% of draws are
// accepted at once, from one uniform; the others are checked against the
// exact probabilities. The arithmetic is rearranged for latency (a draw's
// cost is mostly the chain sqrt -> divisions -> floor, and the next
// binomial of a multinomial waits for it), without changing what is drawn:
// v_r = 0.92 - 4.2 / b is kept as D / b with D = 0.92 b - 4.2, so that the
// immediate acceptance needs one division instead of three; the ratio
// f(k) / f(mode), a product of at most 15 factors (nr / i - r), is taken as
// two products compared by multiplication (no division per factor). Expected
// cost O(1) for every n and p.
inline std::int64_t binomial_btrd(Engine& engine, std::int64_t n, double p, double q) {
  const double nd = static_cast<double>(n);
  const double npq = nd * p * q;
  const double spq = std::sqrt(npq);
  const double b = 1.15 + 2.53 * spq;
  const double a = -0.0873 + 0.0248 * b + 0.01 * p;
  const double c = nd * p + 0.5;
  const double d = 0.92 * b - 4.2;  // v_r * b
  for (;;) {
    const double v0 = uniform01(engine);
    const double vb = v0 * b;
    if (vb <= 0.86 * d) {
      // 1: immediate acceptance. u = v / v_r - 0.43 = t / d with t = v b -
      // 0.43 d; k = floor((2 a / (0.5 - |u|) + b) u + c)
      //           = floor((2 a d + b e) t / (e d) + c) with e = 0.5 d - |t|.
      const double t = vb - 0.43 * d;
      const double e = 0.5 * d - std::fabs(t);
      return floor_to_int((2.0 * a * d + b * e) * t / (e * d) + c);
    }
    const double v_r = d / b;
    double u;
    double v;
    if (v0 >= v_r) {  // 2: a point under the hat outside the inner box
      u = uniform01(engine) - 0.5;
      v = v0;
    } else {
      u = v0 / v_r - 0.93;
      u = (u < 0.0 ? -0.5 : 0.5) - u;
      v = uniform01(engine) * v_r;
    }
    const double us = 0.5 - std::fabs(u);  // 3.0: transform to k
    // us can be 0 or tiny (u = -0.5 when the uniform is 0): the point is then
    // far outside 0..n (or not a number) and rejected before any conversion.
    const double kx = (2.0 * a / us + b) * u + c;
    if (!(kx >= 0.0 && kx < nd + 1.0)) continue;
    const double k = static_cast<double>(floor_to_int(kx));
    v *= (2.83 + 5.1 / b) * spq / (a / (us * us) + b);
    const double r = p / q;
    const double nr = (nd + 1.0) * r;
    const double mode = static_cast<double>(floor_to_int((nd + 1.0) * p));
    const double km = std::fabs(k - mode);
    if (km <= 15.0) {  // 3.1: f(k) / f(mode) by the recursion, as num / den
      double num = 1.0;
      double den = 1.0;
      if (mode < k) {
        for (double i = mode + 1.0; i <= k; i += 1.0) {
          num *= nr - r * i;
          den *= i;
        }
        if (v * den <= num) return static_cast<std::int64_t>(k);
      } else {
        for (double i = k + 1.0; i <= mode; i += 1.0) {
          num *= nr - r * i;
          den *= i;
        }
        if (v * num <= den) return static_cast<std::int64_t>(k);
      }
      continue;
    }
    v = std::log(v);  // 3.2: squeeze on the log scale
    const double rho = (km / npq) * (((km / 3.0 + 0.625) * km + 1.0 / 6.0) / npq + 0.5);
    const double t = -km * km / (2.0 * npq);
    if (v < t - rho) return static_cast<std::int64_t>(k);
    if (v > t + rho) continue;
    const double nm = nd - mode + 1.0;  // 3.3: the exact log ratio
    const double h = (mode + 0.5) * std::log((mode + 1.0) / (r * nm)) +
                     stirling_correction(mode) + stirling_correction(nd - mode);
    const double nk = nd - k + 1.0;
    if (v <= h + (nd + 1.0) * std::log(nm / nk) + (k + 0.5) * std::log(nk * r / (k + 1.0)) -
                 stirling_correction(k) - stirling_correction(nd - k))
      return static_cast<std::int64_t>(k);
  }
}

// Binomial(n, p) for p <= 1/2 given with q = 1 - p (both exact): inversion
// (sequential search from 0) when (n + 1) p < 11, else BTRD. The
// search starts with a cheap exact test: U < 1 - n p implies U < q^n = P(0),
// so the common "no one in this class" case costs one uniform and no log.
inline std::int64_t binomial_small_p(Engine& engine, std::int64_t n, double p, double q) {
  const double nd = static_cast<double>(n);
  if ((nd + 1.0) * p >= 11.0) return binomial_btrd(engine, n, p, q);
  for (;;) {
    double u = uniform01(engine);
    if (u < 1.0 - nd * p) return 0;
    double f = std::exp(nd * std::log1p(-p));  // P(X = 0) = q^n
    const double ratio = p / q;
    for (std::int64_t x = 0;; ++x) {
      if (u < f) return x;
      u -= f;
      if (x == n) break;  // round-off ran past the support: draw again
      const double step = ratio * static_cast<double>(n - x);
      f *= x < kReciprocals ? step * kReciprocal[x] : step / static_cast<double>(x + 1);
    }
  }
}

// Binomial(n, p), n >= 0, any p (values outside [0, 1] are clamped). O(1)
// expected time for every n and p.
inline std::int64_t binomial_variate(Engine& engine, std::int64_t n, double p) {
  if (n <= 0 || p <= 0.0) return 0;
  if (p >= 1.0) return n;
  if (p <= 0.5) return binomial_small_p(engine, n, p, 1.0 - p);
  return n - binomial_small_p(engine, n, 1.0 - p, p);
}

// Poisson(mean), mean >= 0 (PTRS for mean >= 10, inversion below).
inline std::int64_t poisson_variate(Engine& engine, double mean) {
  if (!(mean > 0.0)) return 0;
  return boost::random::poisson_distribution<std::int64_t, double>(mean)(engine);
}

// Negative binomial: the number of failures before `size` successes with
// success probability q, given as odds = (1 - q) / q. Gamma-Poisson mixture:
// Poisson(G * odds) with G ~ Gamma(size, 1); O(1) for any size and mean.
inline std::int64_t negative_binomial_variate(Engine& engine, double size, double odds) {
  if (!(odds > 0.0)) return 0;
  return poisson_variate(engine, gamma_variate(engine, size) * odds);
}

// Categorical draw with probabilities proportional to w[0..k), total = sum w
// (> 0). Returns an index with w > 0.
inline int categorical_variate(Engine& engine, const double* w, int k, double total) {
  double u = uniform01(engine) * total;
  int last = k - 1;
  while (last > 0 && !(w[last] > 0.0)) --last;
  for (int i = 0; i < last; ++i) {
    if (u < w[i]) return i;
    u -= w[i];
  }
  return last;
}

// Up to this many trials a multinomial is drawn one trial at a time.
inline constexpr std::int64_t kMultinomialDirect = 8;

// Multinomial(n, p proportional to w[0..k)) into out[0..k), as conditional
// binomials: out[i] ~ Binomial(n - out[0..i), w[i] / sum w[i..k)). Needs
// sum w > 0 and w >= 0. Classes with w = 0 always get 0. O(k) whatever n.
inline void multinomial_variate(Engine& engine, std::int64_t n, const double* w, int k,
                                std::int64_t* out) {
  double total = 0.0;
  int last = -1;
  for (int i = 0; i < k; ++i) {
    out[i] = 0;
    if (w[i] > 0.0) {
      total += w[i];
      last = i;
    }
  }
  if (n <= 0 || last < 0) return;
  if (n <= kMultinomialDirect) {
    // A few people: one categorical draw each beats a chain of binomials
    // whose inversion costs a log and an exp apiece.
    for (std::int64_t i = 0; i < n; ++i) ++out[categorical_variate(engine, w, k, total)];
    return;
  }
  std::int64_t left = n;
  double rest = total;
  for (int i = 0; i < last; ++i) {
    if (!(w[i] > 0.0)) continue;
    const double p = w[i] / rest;
    if (p >= 1.0) {
      out[i] = left;
      return;
    }
    const std::int64_t x = binomial_variate(engine, left, p);
    out[i] = x;
    left -= x;
    if (left == 0) return;
    rest -= w[i];
  }
  out[last] = left;
}

// In multinomial_ordered, once at most this many people are left they are
// placed one by one (a uniform each) rather than by binomials, whose
// inversion costs an exp, a log1p and a loop and whose BTRD costs a square
// root and a division on the chain of dependent draws.
inline constexpr std::int64_t kMultinomialOrderedDirect = 16;

// Multinomial(n, p proportional to w) into out[0..k), drawing the classes in
// the order order[0..k) (a permutation of 0..k), total = sum w > 0, w >= 0.
// The same conditional-binomial chain as multinomial_variate, but in the
// caller's order, so that with the heavy classes first the chain usually
// ends (nobody left) before it reaches the light ones: one binomial per
// class that gets someone instead of one cheap test per class. The order
// only changes which uniforms are used, not the distribution.
// The last few people (at most kMultinomialOrderedDirect) get a uniform each
// on [0, rest); the class of a person is where his uniform falls among the
// cumulative weights, and the count of a class is found by counting the
// uniforms below each cumulative weight in turn (no search per person, no
// branch per comparison: the comparisons of all the people run in vector
// registers), stopping once every person is placed.
inline void multinomial_ordered(Engine& engine, std::int64_t n, const double* w,
                                const int* order, int k, double total, std::int64_t* out) {
  for (int i = 0; i < k; ++i) out[i] = 0;
  int last = k - 1;  // the last class in the order with w > 0 takes the remainder
  while (last >= 0 && !(w[order[last]] > 0.0)) --last;
  if (n <= 0 || last < 0) return;
  std::int64_t left = n;
  double rest = total;
  int i = 0;
  for (; i < last && left > kMultinomialOrderedDirect; ++i) {
    const int c = order[i];
    const double p = w[c] / rest;
    if (p >= 1.0) {
      out[c] = left;
      return;
    }
    const std::int64_t x = binomial_variate(engine, left, p);
    out[c] = x;
    left -= x;
    if (left == 0) return;
    rest -= w[c];
  }
  if (i == last) {
    out[order[last]] += left;
    return;
  }
  // Uniforms padded to a multiple of 4 with +infinity (never below a bound).
  constexpr int kBlock = 4;
  constexpr int kMax = static_cast<int>(kMultinomialOrderedDirect);
  double u[kMax];
  const int people = static_cast<int>(left);
  const int padded = (people + kBlock - 1) / kBlock * kBlock;
  for (int t = 0; t < people; ++t) u[t] = uniform01(engine) * rest;
  for (int t = people; t < padded; ++t) u[t] = std::numeric_limits<double>::infinity();
  int placed = 0;
  double bound = 0.0;
  for (int j = i; j < last; ++j) {
    bound += w[order[j]];
    // Two people per vector compare (all-ones where u < bound), summed.
    using Doubles = double __attribute__((vector_size(16)));
    using Masks = std::int64_t __attribute__((vector_size(16)));
    const Doubles b = {bound, bound};
    Masks sum = {0, 0};
    for (int t = 0; t < padded; t += 2) {
      Doubles v;
      std::memcpy(&v, u + t, sizeof v);
      sum += v < b;
    }
    const int below = static_cast<int>(-(sum[0] + sum[1]));
    out[order[j]] = below - placed;
    placed = below;
    if (placed == people) return;
  }
  out[order[last]] += people - placed;
}

}  // namespace uncounted::random_internal
