#include "estimate/lcmcr.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <string>
#include <thread>
#include <utility>

#include "estimate/internal/random_variates.h"
#include "estimate/mcmc_diagnostics.h"

namespace uncounted {
namespace {

namespace rv = random_internal;

constexpr int kHeavyStartClasses = 4;

// Two doubles (GCC/Clang vector extension: one SSE2 register).
using V2 = double __attribute__((vector_size(2 * sizeof(double))));
inline V2 load2(const double* p) {
  V2 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// One Gibbs chain. Arrays indexed [j * K + k] hold per (list, class) values so
// that the inner loops over classes are contiguous.
class Chain {
 public:
  Chain(const CaptureTable& table, const LcmcrOptions& options, std::uint64_t seed)
      : J_(table.list_count()), K_(options.classes), Kp_((K_ + 3) / 4 * 4), engine_(seed) {
    for (Pattern p = 1; p < table.cell_count(); ++p)
      if (table.count(p) > 0) {
        mask_.push_back(p);
        freq_.push_back(table.count(p));
      }
    M_ = static_cast<int>(mask_.size());
    n_ = table.observed();
    a_alpha_ = options.a_alpha;
    b_alpha_ = options.b_alpha;
    const std::size_t jk = static_cast<std::size_t>(J_) * Kp_;
    lambda_.assign(jk, 0.0);
    one_minus_.assign(jk, 0.0);
    odds_.assign(jk, 0.0);  // 0 in the padding classes K..Kp
    in_.assign(jk, 0);
    // LCMCR's start: 90% of the weight on the first four classes, 10% on the
    // rest (uniform when K <= 4).
    pi_.assign(K_, 1.0 / K_);
    if (K_ > kHeavyStartClasses)
      for (int k = 0; k < K_; ++k)
        pi_[k] = k < kHeavyStartClasses ? 0.9 / kHeavyStartClasses : 0.1 / (K_ - kHeavyStartClasses);
    log_pi_.resize(K_);
    for (int k = 0; k < K_; ++k) log_pi_[k] = std::log(pi_[k]);
    stick_.assign(K_, {1.0, 1.0, 0.0});
    log_pi_last_ = log_pi_[K_ - 1];
    unseen_.assign(Kp_, 0.0);  // 0 in the padding
    seen_.assign(K_, 0.0);
    count_.assign(Kp_, 0);
    missing_k_.assign(K_, 0);
    weight_.assign(Kp_, 0.0);
    split_.assign(Kp_, 0);  // 0 in the padding
    order_.resize(K_);
    // Start at the marginal list frequencies (the same in every class).
    for (int j = 0; j < J_; ++j) {
      const double f = static_cast<double>(table.list_total(j)) / static_cast<double>(n_);
      for (int k = 0; k < K_; ++k) set_lambda(j, k, {f, 1.0 - f, f / (1.0 - f)});
    }
    alpha_ = 0.3 / K_;
    sort_classes_by_weight();
    update_unseen();
  }

  // One Gibbs sweep; alpha is updated unless `fixed_alpha`.
  void sweep(bool fixed_alpha) {
    sample_observed_classes();
    sample_lambda();
    sample_pi();
    update_unseen();
    sample_missing();
    if (!fixed_alpha) sample_alpha();
  }

  // Relabels classes by decreasing pi (stable: ties keep their order).
  void relabel() {
    std::vector<int> order(K_);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return pi_[a] > pi_[b]; });
    auto permute = [&](auto& v) {
      auto old = v;
      for (int k = 0; k < K_; ++k) v[k] = old[order[k]];
    };
    auto permute_jk = [&](auto& v) {
      auto old = v;
      for (int j = 0; j < J_; ++j)
        for (int k = 0; k < K_; ++k) v[idx(j, k)] = old[idx(j, order[k])];
    };
    log_pi();  // materialise before permuting
    permute(log_pi_);
    log_pi_last_ = log_pi_[K_ - 1];
    permute(pi_);
    permute(unseen_);
    permute(seen_);
    permute(count_);
    permute(missing_k_);
    permute_jk(lambda_);
    permute_jk(one_minus_);
    permute_jk(odds_);
    permute_jk(in_);
    sort_classes_by_weight();
  }

  std::int64_t total() const { return n_ + missing_; }
  std::int64_t capped() const { return capped_; }

 private:
  std::size_t idx(int j, int k) const { return static_cast<std::size_t>(j) * Kp_ + k; }

  void set_lambda(int j, int k, const rv::BetaDraw& d) {
    lambda_[idx(j, k)] = d.x;
    one_minus_[idx(j, k)] = d.one_minus_x;
    odds_[idx(j, k)] = d.odds;
  }

  // unseen_[k] = pi_k prod_j (1 - lambda_jk); seen_[k] = 1 - prod_j (1 -
  // lambda_jk), accumulated as s <- lambda + (1 - lambda) s (no cancellation).
  void update_unseen() {
    for (int k = 0; k < K_; ++k) {
      unseen_[k] = pi_[k];
      seen_[k] = 0.0;
    }
    for (int j = 0; j < J_; ++j) {
      const double* l = &lambda_[idx(j, 0)];
      const double* o = &one_minus_[idx(j, 0)];
      for (int k = 0; k < K_; ++k) {
        unseen_[k] *= o[k];
        seen_[k] = l[k] + o[k] * seen_[k];
      }
    }
  }

  // (1) Split each observed pattern's count over the classes.
  void sample_observed_classes() {
    std::fill(in_.begin(), in_.end(), 0);
    std::fill(count_.begin(), count_.end(), 0);
    for (int m = 0; m < M_; ++m) {
      double* w = weight_.data();
      double total = pattern_weights(mask_[m], w);
      if (!(total > 0.0) || !std::isfinite(total)) {
        pattern_weights_by_logs(mask_[m], w);
        total = 0.0;
        for (int k = 0; k < K_; ++k) total += w[k];
      }
      rv::multinomial_ordered(engine_, freq_[m], w, order_.data(), K_, total, split_.data());
      // Whole rows of Kp classes (the padding splits are 0): vector adds,
      // no branch on which classes got someone.
      const std::int64_t* s = split_.data();
      for (int k = 0; k < Kp_; ++k) count_[k] += s[k];
      for (Pattern bits = mask_[m]; bits != 0; bits &= bits - 1) {
        std::int64_t* row = &in_[idx(__builtin_ctz(bits), 0)];
        for (int k = 0; k < Kp_; ++k) row[k] += s[k];
      }
    }
  }

  // order_: the classes by decreasing pi (insertion sort; ties keep their
  // order). The multinomial splits run through the classes in this order and
  // stop when nobody is left, which skips the many nearly empty classes.
  void sort_classes_by_weight() {
    for (int k = 0; k < K_; ++k) {
      const int c = k;
      int i = k;
      for (; i > 0 && pi_[order_[i - 1]] < pi_[c]; --i) order_[i] = order_[i - 1];
      order_[i] = c;
    }
  }

  // w[0..Kp) = unseen_ * prod_{j in mask} odds_j (= pi_k prod_j lambda_jk^x_j
  // (1 - lambda_jk)^(1 - x_j)), two classes at a time; returns sum w.
  double pattern_weights(Pattern mask, double* w) const {
    V2 sum = {0.0, 0.0};
    for (int k = 0; k < Kp_; k += 2) {
      V2 v = load2(&unseen_[k]);
      for (Pattern bits = mask; bits != 0; bits &= bits - 1)
        v *= load2(&odds_[idx(__builtin_ctz(bits), k)]);
      std::memcpy(w + k, &v, sizeof v);
      sum += v;
    }
    return sum[0] + sum[1];
  }

  // Fallback when the products under- or overflow: the same weights computed
  // on the log scale and rescaled so that the largest is 1.
  void pattern_weights_by_logs(Pattern mask, double* w) {
    const std::vector<double>& log_pi_k = log_pi();
    double top = -INFINITY;
    for (int k = 0; k < K_; ++k) {
      double s = log_pi_k[k];
      for (int j = 0; j < J_; ++j)
        s += std::log(mask >> j & 1 ? lambda_[idx(j, k)] : one_minus_[idx(j, k)]);
      w[k] = s;
      top = std::max(top, s);
    }
    for (int k = 0; k < K_; ++k) w[k] = std::exp(w[k] - top);
  }

  // (2) lambda_jk ~ Beta(1 + #on list j, 1 + #off list j) in class k, the
  // unobserved people being off every list.
  // An empty class draws its J lambdas from the uniform prior (one test per
  // class, not per list).
  void sample_lambda() {
    for (int k = 0; k < K_; ++k) {
      const std::int64_t nk = count_[k] + missing_k_[k];
      if (nk == 0) {
        for (int j = 0; j < J_; ++j) {
          const double u = rv::uniform_pos(engine_);
          set_lambda(j, k, {u, 1.0 - u, u / (1.0 - u)});
        }
        continue;
      }
      for (int j = 0; j < J_; ++j) {
        const std::int64_t on = in_[idx(j, k)];
        set_lambda(j, k,
                   rv::beta_variate(engine_, 1.0 + static_cast<double>(on),
                                    1.0 + static_cast<double>(nk - on)));
      }
    }
  }

  // (3) Stick-breaking weights: V_k ~ Beta(1 + n_k, alpha + sum_{l>k} n_l),
  // pi_k = V_k prod_{l<k} (1 - V_l). The product is kept as rest *
  // exp(log_scale): factors whose second shape is >= 1 multiply `rest`
  // (no logarithm needed: each 1 - V is then > 1e-40 or so, and `rest` is
  // renormalised long before it could underflow), the others (trailing
  // classes, shape alpha < 1, where 1 - V may underflow) are drawn on the
  // log scale and added to log_scale exactly. The logarithms of pi, needed
  // only by the underflow fallback of the pattern weights and by
  // relabelling, are computed from these pieces on demand (log_pi()); the
  // alpha update needs only log pi_K (log_pi_last_).
  void sample_pi() {
    std::int64_t remaining = n_ + missing_;
    double rest = 1.0;
    double log_scale = 0.0;
    double scale = 1.0;  // exp(log_scale)
    for (int k = 0; k + 1 < K_; ++k) {
      const std::int64_t nk = count_[k] + missing_k_[k];
      remaining -= nk;
      const double a = 1.0 + static_cast<double>(nk);
      const double b = alpha_ + static_cast<double>(remaining);
      double v;
      if (b >= 1.0) {
        double w;
        if (nk == 0) {  // Beta(1, b) by inversion: 1 - V = U^(1/b) >= U > 2^-54
          const rv::StickDraw d = rv::beta_one_b_variate(engine_, b);
          v = d.v;
          w = d.one_minus_v;
        } else {
          const double ga = rv::gamma_variate(engine_, a);
          const double gb = rv::gamma_variate(engine_, b);
          const double r = 1.0 / (ga + gb);
          v = ga * r;
          w = gb * r;
        }
        stick_[k] = {v, rest, log_scale};
        pi_[k] = v * rest * scale;
        rest *= w;
        if (rest < 1e-200) {  // renormalise (exactly: the logarithm moves to log_scale)
          log_scale += std::log(rest);
          rest = 1.0;
          scale = std::exp(log_scale);
        }
      } else {
        double log_w;
        double w = -1.0;  // 1 - V where known without a call
        if (nk == 0) {  // Beta(1, b) by inversion on the log scale
          const rv::StickDraw d = rv::beta_one_b_variate(engine_, b);
          v = d.v;
          w = d.one_minus_v;
          log_w = d.log_one_minus_v;
        } else {
          const rv::LogBetaDraw d = rv::log_beta_variate(engine_, a, b);
          v = std::exp(d.log_x);
          log_w = d.log_one_minus_x;
        }
        stick_[k] = {v, rest, log_scale};
        pi_[k] = v * rest * scale;
        log_scale += log_w;
        // While the scale is far from underflow it is carried as a product
        // (1 - V is at hand); near and below it, exp(log_scale) exactly, 0
        // below -746 (exp underflows there; glibc's underflow path is slow).
        if (w >= 0.0 && log_scale > -700.0)
          scale *= w;
        else
          scale = log_scale < -746.0 ? 0.0 : std::exp(log_scale);
      }
    }
    stick_[K_ - 1] = {1.0, rest, log_scale};
    pi_[K_ - 1] = rest * scale;
    log_pi_last_ = std::log(rest) + log_scale;
    log_pi_valid_ = false;
    sort_classes_by_weight();
  }

  // log pi_k for every k, from the pieces sample_pi kept (exact even where
  // pi_k itself underflows).
  const std::vector<double>& log_pi() {
    if (!log_pi_valid_) {
      for (int k = 0; k < K_; ++k) {
        const Stick& st = stick_[k];
        log_pi_[k] = std::log(st.v) + std::log(st.rest) + st.log_scale;
      }
      log_pi_valid_ = true;
    }
    return log_pi_;
  }

  // (5) n0 ~ NegBin(n, 1 - p0), then (6) the classes of the n0 unobserved.
  void sample_missing() {
    double p0 = 0.0;
    double p_seen = 0.0;
    for (int k = 0; k < K_; ++k) {
      p0 += unseen_[k];
      p_seen += pi_[k] * seen_[k];
    }
    double odds = p0 / p_seen;
    std::int64_t n0 = 0;
    if (p0 > 0.0) {
      const double mean = rv::gamma_variate(engine_, static_cast<double>(n_)) * odds;
      if (!(mean < static_cast<double>(kLcmcrMaxMissing))) {
        n0 = kLcmcrMaxMissing;
        ++capped_;
      } else {
        n0 = std::min(rv::poisson_variate(engine_, mean), kLcmcrMaxMissing);
      }
    }
    missing_ = n0;
    rv::multinomial_ordered(engine_, n0, unseen_.data(), order_.data(), K_, p0,
                            missing_k_.data());
  }

  // (7) alpha ~ Gamma(a + K - 1, rate b - log pi_K).
  void sample_alpha() {
    const double rate = b_alpha_ - log_pi_last_;
    const double draw = rv::gamma_variate(engine_, a_alpha_ + K_ - 1.0) / rate;
    alpha_ = std::max(draw, 1e-300);
  }

  int J_;
  int K_;
  int Kp_;  // K rounded up to a multiple of 4: the stride of the [j*Kp+k] arrays
  int M_ = 0;
  std::int64_t n_ = 0;
  double a_alpha_ = 0;
  double b_alpha_ = 0;
  rv::Engine engine_;
  std::vector<Pattern> mask_;
  std::vector<std::int64_t> freq_;
  std::vector<double> lambda_, one_minus_, odds_;  // [j*K+k]
  std::vector<std::int64_t> in_;                   // [j*K+k] observed people of class k on list j
  std::vector<double> log_pi_, pi_, unseen_, seen_;
  // pi_k = v * rest * exp(log_scale), kept by sample_pi for log_pi().
  struct Stick {
    double v;
    double rest;
    double log_scale;
  };
  std::vector<Stick> stick_;
  bool log_pi_valid_ = true;  // log_pi_ matches pi_
  double log_pi_last_ = 0.0;  // log pi_K
  std::vector<std::int64_t> count_;      // observed people per class
  std::vector<std::int64_t> missing_k_;  // unobserved people per class
  std::vector<double> weight_;
  std::vector<std::int64_t> split_;
  std::vector<int> order_;  // classes by decreasing pi (sort_classes_by_weight)
  double alpha_ = 1.0;
  std::int64_t missing_ = 0;
  std::int64_t capped_ = 0;
};

struct ChainOutput {
  std::vector<std::int64_t> draws;
  std::int64_t capped = 0;
};

ChainOutput run_chain(const CaptureTable& table, const LcmcrOptions& o, std::uint64_t seed) {
  Chain chain(table, o, seed);
  for (std::int64_t i = 0; i < o.warm_up; ++i) chain.sweep(/*fixed_alpha=*/true);
  chain.relabel();
  for (std::int64_t i = 0; i < o.burn_in; ++i) chain.sweep(false);
  ChainOutput out;
  out.draws.reserve(static_cast<std::size_t>(o.samples));
  for (std::int64_t s = 0; s < o.samples; ++s) {
    for (std::int64_t t = 0; t < o.thin; ++t) chain.sweep(false);
    out.draws.push_back(chain.total());
  }
  out.capped = chain.capped();
  return out;
}

Status check(const LcmcrOptions& o) {
  if (o.classes < 1) return fail("lcmcr: the number of latent classes must be at least 1");
  if (!(o.a_alpha > 0.0) || !(o.b_alpha > 0.0) || !std::isfinite(o.a_alpha) ||
      !std::isfinite(o.b_alpha))
    return fail("lcmcr: the prior parameters a_alpha and b_alpha must be positive");
  if (o.warm_up < 0 || o.burn_in < 0) return fail("lcmcr: warm-up and burn-in must not be negative");
  if (o.samples < 1) return fail("lcmcr: the number of samples must be at least 1");
  if (o.thin < 1) return fail("lcmcr: thinning must be at least 1");
  if (o.chains < 1 || o.chains > 64) return fail("lcmcr: the number of chains must be 1 to 64");
  if (!(o.level > 0.0 && o.level < 1.0))
    return fail("lcmcr: the credible level must lie strictly between 0 and 1");
  constexpr std::int64_t kMaxSweeps = std::int64_t{1} << 62;
  if (o.samples > kMaxSweeps / o.thin || o.samples * o.thin > kMaxSweeps - o.burn_in - o.warm_up ||
      o.burn_in > kMaxSweeps - o.warm_up)
    return fail("lcmcr: too many sweeps requested");
  return {};
}

}  // namespace

double quantile_sorted(const std::vector<double>& sorted, double p) {
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const double lo = std::floor(h);
  const std::size_t i = static_cast<std::size_t>(lo);
  if (i + 1 >= sorted.size()) return sorted.back();
  return sorted[i] + (h - lo) * (sorted[i + 1] - sorted[i]);
}

Result<LcmcrResult> estimate_lcmcr(const CaptureTable& table, const LcmcrOptions& options) {
  if (auto ok = check(options); !ok) return tl::unexpected(ok.error());
  LcmcrResult result;
  result.options = options;
  result.observed = table.observed();
  result.level = options.level;
  result.sweeps_per_chain = options.warm_up + options.burn_in + options.samples * options.thin;
  const std::size_t chains = static_cast<std::size_t>(options.chains);
  for (std::size_t c = 0; c < chains; ++c)
    result.chain_seeds.push_back(random_internal::stream_seed(options.seed, c));

  std::vector<ChainOutput> outputs(chains);
  if (options.parallel && chains > 1) {
    std::vector<std::thread> threads;
    for (std::size_t c = 1; c < chains; ++c)
      threads.emplace_back([&, c] { outputs[c] = run_chain(table, options, result.chain_seeds[c]); });
    outputs[0] = run_chain(table, options, result.chain_seeds[0]);
    for (auto& t : threads) t.join();
  } else {
    for (std::size_t c = 0; c < chains; ++c)
      outputs[c] = run_chain(table, options, result.chain_seeds[c]);
  }

  std::vector<std::vector<double>> as_double;
  std::vector<double> pooled;
  for (auto& out : outputs) {
    result.capped_draws += out.capped;
    as_double.emplace_back(out.draws.begin(), out.draws.end());
    pooled.insert(pooled.end(), out.draws.begin(), out.draws.end());
    result.draws.push_back(std::move(out.draws));
  }
  std::sort(pooled.begin(), pooled.end());
  const double tail = (1.0 - options.level) / 2.0;
  result.median = quantile_sorted(pooled, 0.5);
  result.lower = quantile_sorted(pooled, tail);
  result.upper = quantile_sorted(pooled, 1.0 - tail);
  double sum = 0.0;
  for (double v : pooled) sum += v;
  result.mean = sum / static_cast<double>(pooled.size());
  double ss = 0.0;
  for (double v : pooled) ss += (v - result.mean) * (v - result.mean);
  result.sd = pooled.size() > 1 ? std::sqrt(ss / static_cast<double>(pooled.size() - 1)) : 0.0;
  result.rhat = split_rhat(as_double);
  result.ess_bulk = bulk_ess(as_double);
  return result;
}

}  // namespace uncounted
