#include "estimate/basic_models.h"

#include <cmath>
#include <limits>
#include <string>

#include "estimate/internal/loglinear_design.h"
#include "estimate/internal/profile_likelihood.h"
#include "estimate/poisson_glm.h"

namespace uncounted {
namespace {

enum class Heterogeneity { kNone, kChao, kPoisson2, kDarroch, kGamma35 };

struct Spec {
  bool per_list = false;  // Mt / Mth: one column per list; else one column k
  Heterogeneity h = Heterogeneity::kNone;
  bool behavioural = false;       // Mb
  bool behavioural_h = false;     // Mbh
};

Spec spec_of(BasicModel model) {
  Spec s;
  switch (model) {
    case BasicModel::kM0: break;
    case BasicModel::kMt: s.per_list = true; break;
    case BasicModel::kMhChao: s.h = Heterogeneity::kChao; break;
    case BasicModel::kMhPoisson2: s.h = Heterogeneity::kPoisson2; break;
    case BasicModel::kMhDarroch: s.h = Heterogeneity::kDarroch; break;
    case BasicModel::kMhGamma35: s.h = Heterogeneity::kGamma35; break;
    case BasicModel::kMthChao: s.per_list = true; s.h = Heterogeneity::kChao; break;
    case BasicModel::kMthPoisson2: s.per_list = true; s.h = Heterogeneity::kPoisson2; break;
    case BasicModel::kMthDarroch: s.per_list = true; s.h = Heterogeneity::kDarroch; break;
    case BasicModel::kMthGamma35: s.per_list = true; s.h = Heterogeneity::kGamma35; break;
    case BasicModel::kMb: s.behavioural = true; break;
    case BasicModel::kMbh: s.behavioural_h = true; break;
  }
  return s;
}

struct Design {
  Eigen::MatrixXd x;
  std::vector<std::string> names;
  int first_eta = -1;  // Chao: first eta column, else -1
};

int lowest_list(Pattern p) { return __builtin_ctz(p); }

Design build_design(int t, const Spec& s) {
  const Eigen::Index rows = (Eigen::Index{1} << t) - 1;
  std::vector<std::string> names = {"Intercept"};
  if (s.behavioural) names.insert(names.end(), {"beta1", "beta2"});
  else if (s.behavioural_h) names.insert(names.end(), {"eta", "beta1", "beta2"});
  else if (s.per_list)
    for (int j = 1; j <= t; ++j) names.push_back("beta" + std::to_string(j));
  else names.push_back("beta");
  int first_eta = -1;
  if (s.h == Heterogeneity::kChao) {
    first_eta = static_cast<int>(names.size());
    for (int j = 3; j <= t; ++j) names.push_back("eta" + std::to_string(j));
  } else if (s.h != Heterogeneity::kNone) {
    names.push_back("tau");
  }
  Eigen::MatrixXd x = Eigen::MatrixXd::Zero(rows, static_cast<Eigen::Index>(names.size()));
  for (Eigen::Index r = 0; r < rows; ++r) {
    const Pattern p = static_cast<Pattern>(r + 1);
    const int k = capture_count(p);
    Eigen::Index c = 0;
    x(r, c++) = 1;
    if (s.behavioural || s.behavioural_h) {
      if (s.behavioural_h) x(r, c++) = (p & 1) ? 0 : 1;  // not on list 1
      x(r, c++) = lowest_list(p);                        // occasions before the first capture
      x(r, c++) = k - 1;                                 // captures after the first
    } else if (s.per_list) {
      for (int j = 0; j < t; ++j) x(r, c++) = (p >> j & 1) ? 1 : 0;
    } else {
      x(r, c++) = k;
    }
    switch (s.h) {
      case Heterogeneity::kNone: break;
      case Heterogeneity::kChao:
        for (int j = 3; j <= t; ++j) x(r, c++) = std::max(k - j + 1, 0);
        break;
      case Heterogeneity::kPoisson2: x(r, c++) = std::pow(2.0, k) - 1; break;
      case Heterogeneity::kDarroch: x(r, c++) = k * k / 2.0; break;
      case Heterogeneity::kGamma35: x(r, c++) = std::log(3.5) - std::log(3.5 + k); break;
    }
  }
  return Design{std::move(x), std::move(names), first_eta};
}

Eigen::MatrixXd drop_column(const Eigen::MatrixXd& x, Eigen::Index col) {
  Eigen::MatrixXd out(x.rows(), x.cols() - 1);
  out.leftCols(col) = x.leftCols(col);
  out.rightCols(x.cols() - col - 1) = x.rightCols(x.cols() - col - 1);
  return out;
}

struct Warnings {
  bool not_converged = false;
  bool rank_deficient = false;
  bool zero_rates = false;
  void add(const PoissonGlmFit& f) {
    not_converged |= !f.converged;
    rank_deficient |= f.rank < static_cast<int>(f.aliased.size());
    zero_rates |= f.fitted_rates_zero;
  }
};

// Fits, then (when first_eta >= 0) drops the first negative eta and refits
// until none is negative, as Rcapture's neg = TRUE. A refit that fails
// numerically stops the loop and keeps the previous fit (as Rcapture).
struct NegFit {
  PoissonGlmFit glm;
  Eigen::MatrixXd design;
  std::vector<std::string> names;
  std::vector<std::string> removed;
  Warnings warnings;
};

Result<NegFit> fit_dropping_negative_eta(const Eigen::MatrixXd& design, std::vector<std::string> names,
                                         int first_eta, const Eigen::VectorXd& y,
                                         const PoissonGlmOptions& options) {
  auto glm = fit_poisson_glm(design, y, Eigen::VectorXd(), options);
  if (!glm) return tl::unexpected(glm.error());
  NegFit out{std::move(*glm), design, std::move(names), {}, {}};
  out.warnings.add(out.glm);
  if (first_eta < 0) return out;
  while (true) {
    Eigen::Index negative = -1;
    for (Eigen::Index c = first_eta; c < out.design.cols(); ++c)
      if (!out.glm.aliased[static_cast<std::size_t>(c)] && out.glm.coefficients(c) < 0) {
        negative = c;
        break;
      }
    if (negative < 0) break;
    Eigen::MatrixXd reduced = drop_column(out.design, negative);
    auto refit = fit_poisson_glm(reduced, y, Eigen::VectorXd(), options);
    if (!refit) break;
    out.removed.push_back(out.names[static_cast<std::size_t>(negative)]);
    out.names.erase(out.names.begin() + negative);
    out.design = std::move(reduced);
    out.glm = std::move(*refit);
    out.warnings.add(out.glm);
  }
  return out;
}

}  // namespace

const char* basic_model_name(BasicModel model) {
  switch (model) {
    case BasicModel::kM0: return "M0";
    case BasicModel::kMt: return "Mt";
    case BasicModel::kMhChao: return "Mh Chao (LB)";
    case BasicModel::kMhPoisson2: return "Mh Poisson2";
    case BasicModel::kMhDarroch: return "Mh Darroch";
    case BasicModel::kMhGamma35: return "Mh Gamma3.5";
    case BasicModel::kMthChao: return "Mth Chao (LB)";
    case BasicModel::kMthPoisson2: return "Mth Poisson2";
    case BasicModel::kMthDarroch: return "Mth Darroch";
    case BasicModel::kMthGamma35: return "Mth Gamma3.5";
    case BasicModel::kMb: return "Mb";
    case BasicModel::kMbh: return "Mbh";
  }
  return "?";
}

Result<BasicModel> parse_basic_model(std::string_view name) {
  static const char* kShort[] = {"M0", "Mt", "MhC", "MhP", "MhD", "MhG", "MthC", "MthP", "MthD", "MthG", "Mb", "Mbh"};
  for (int i = 0; i < 12; ++i) {
    const auto model = static_cast<BasicModel>(i);
    if (name == basic_model_name(model) || name == kShort[i]) return model;
  }
  return fail("unknown basic model '" + std::string(name) +
              "' (expected M0, Mt, Mh Chao (LB), Mh Poisson2, Mh Darroch, Mh Gamma3.5, Mth Chao (LB), "
              "Mth Poisson2, Mth Darroch, Mth Gamma3.5, Mb or Mbh)");
}

std::vector<BasicModel> basic_models_for(int list_count) {
  if (list_count < 3) return {BasicModel::kM0, BasicModel::kMt, BasicModel::kMb};
  std::vector<BasicModel> out;
  for (int i = 0; i < 12; ++i) out.push_back(static_cast<BasicModel>(i));
  return out;
}

bool has_profile_interval(BasicModel model) { return model != BasicModel::kMb && model != BasicModel::kMbh; }

Result<BasicModelFit> fit_basic_model(const CaptureTable& table, BasicModel model) {
  const int t = table.list_count();
  const Spec spec = spec_of(model);
  if (t < 3 && (spec.h != Heterogeneity::kNone || spec.behavioural_h))
    return fail(std::string("model ") + basic_model_name(model) + " needs at least 3 lists");
  const Design design = build_design(t, spec);
  const Eigen::VectorXd y = internal::observable_counts(table);
  auto fitted = fit_dropping_negative_eta(design.x, design.names, design.first_eta, y, PoissonGlmOptions());
  if (!fitted) return tl::unexpected(fitted.error());
  const PoissonGlmFit& glm = fitted->glm;
  const double n = static_cast<double>(table.observed());

  BasicModelFit out;
  out.model = model;
  out.converged = glm.converged;
  out.iterations = glm.iterations;
  out.deviance = glm.deviance;
  out.rank = glm.rank;
  out.df = glm.df_residual;
  out.loglik = glm.loglik;
  out.aic = glm.aic;
  out.bic = glm.aic + (std::log(n) - 2.0) * glm.rank;
  out.coefficient_names = fitted->names;
  out.coefficients.assign(glm.coefficients.data(), glm.coefficients.data() + glm.coefficients.size());
  out.removed_eta = fitted->removed;
  out.bias = internal::rcapture_bias(glm, fitted->design);

  const Eigen::VectorXd& b = glm.coefficients;
  const Eigen::MatrixXd& v = glm.covariance;
  if (spec.behavioural) {
    // Mb: the expected count of pattern p is exp(b0 + b1 f(p) + b2 (k - 1)),
    // f = lists before the first capture. Summing the geometric series over
    // all patterns including the unobserved one gives
    // N = e^b0 (1 + e^b2)^t / (1 + e^b2 - e^b1) (Rcapture's closed form).
    const double e1 = std::exp(b(1)), e2 = std::exp(b(2));
    const double d = 1 + e2 - e1;
    out.n_hat = std::exp(b(0)) * std::pow(1 + e2, t) / d;
    Eigen::Vector3d g(1, e1 / d, t * e2 / (1 + e2) - e2 / d);
    g *= out.n_hat;
    out.n_hat_se = std::sqrt(g.dot(v * g) - out.n_hat);
  } else if (spec.behavioural_h) {
    // Mbh: N = e^b0 (1 + e^b3)^(t-1) (1 + e^(b1+b2) / (1 + e^b3 - e^b2)).
    const double e12 = std::exp(b(1) + b(2)), e2 = std::exp(b(2)), e3 = std::exp(b(3));
    const double d = 1 + e3 - e2;
    const double a = std::exp(b(0)) * std::pow(1 + e3, t - 1);
    const double bracket = 1 + e12 / d;
    out.n_hat = a * bracket;
    // Exact gradient (Rcapture drops the factor `bracket` in the last term).
    Eigen::Vector4d g(a * bracket, a * e12 / d, a * (e12 / d + e12 * e2 / (d * d)),
                      a * ((t - 1) * e3 / (1 + e3) * bracket - e12 * e3 / (d * d)));
    out.n_hat_se = std::sqrt(g.dot(v * g) - out.n_hat);
  } else {
    const double unobserved = std::exp(b(0));
    out.n_hat = n + unobserved;
    out.n_hat_se = std::sqrt(unobserved + unobserved * unobserved * v(0, 0));
  }
  // Rcapture: "the asymptotic bias is large" when |bias| > 0.1 N (N as is,
  // so a negative Mb estimate is always flagged).
  const bool biased = std::isfinite(out.bias) && std::abs(out.bias) > 0.1 * out.n_hat;
  const Warnings& w = fitted->warnings;
  out.info_fit = internal::rcapture_info_fit(w.not_converged || biased, w.rank_deficient, w.zero_rates);
  return out;
}

Result<std::vector<BasicModelFit>> fit_basic_models(const CaptureTable& table) {
  std::vector<BasicModelFit> out;
  for (BasicModel model : basic_models_for(table.list_count())) {
    auto fit = fit_basic_model(table, model);
    if (!fit) return tl::unexpected(fit.error());
    out.push_back(std::move(*fit));
  }
  return out;
}

Result<std::size_t> choose_basic_model(const std::vector<BasicModelFit>& fits, bool aic, bool only_ok) {
  std::size_t best = 0;
  double best_value = 0;
  bool found = false;
  for (std::size_t i = 0; i < fits.size(); ++i) {
    const BasicModelFit& f = fits[i];
    const double value = aic ? f.aic : f.bic;
    if (!f.converged || !std::isfinite(value) || (only_ok && f.info_fit != 0)) continue;
    if (!found || value < best_value - 1e-9 * std::abs(best_value)) {
      best = i;
      best_value = value;
      found = true;
    }
  }
  if (!found) return fail("no basic model can be chosen: every fit has a warning or did not converge");
  return best;
}

Result<ProfileInterval> basic_model_profile_interval(const CaptureTable& table, BasicModel model,
                                                     const ProfileIntervalOptions& options) {
  if (!has_profile_interval(model))
    return fail(std::string("model ") + basic_model_name(model) +
                " has no profile-likelihood interval (N is not n + exp(intercept)); use the Wald interval");
  auto fit = fit_basic_model(table, model);
  if (!fit) return tl::unexpected(fit.error());
  if (fit->rank < static_cast<int>(fit->coefficients.size()))
    return fail(std::string("model ") + basic_model_name(model) + ": the design is not of full rank");
  const Design design = build_design(table.list_count(), spec_of(model));
  const Eigen::VectorXd y = internal::observable_counts(table);
  PoissonGlmOptions glm_options;
  glm_options.want_covariance = false;
  const int first_eta = design.first_eta;
  const std::vector<std::string> names = design.names;
  internal::MultinomialProfile profile(
      design.x, y, [=](const Eigen::MatrixXd& x, const Eigen::VectorXd& counts) -> Result<PoissonGlmFit> {
        auto f = fit_dropping_negative_eta(x, names, first_eta, counts, glm_options);
        if (!f) return tl::unexpected(f.error());
        return std::move(f->glm);
      });
  return internal::search_profile_interval(profile, fit->n_hat, options);
}

}  // namespace uncounted
