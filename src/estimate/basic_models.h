// Rcapture's twelve basic closed-population models (closedp.t), by name:
// M0, Mt, Mh/Mth with heterogeneity Chao (LB), Poisson2, Darroch, Gamma3.5,
// and the behavioural models Mb, Mbh. Each is a Poisson regression of the
// 2^t - 1 observable cell counts; lists play the part of capture occasions,
// in list order (list 0 = occasion 1).
//
// Designs (k = number of lists a pattern is on, x_j = on list j):
//   M0: 1, k              Mt: 1, x_1..x_t
//   Mh X: M0 + h(k)       Mth X: Mt + h(k)
//   h: Poisson2 2^k - 1; Darroch k^2/2; Gamma3.5 log 3.5 - log(3.5 + k);
//   Chao (LB): one column max(k - j + 1, 0) for each j = 3..t. With
//   Rcapture's default neg = TRUE, while some of those coefficients is
//   negative the first negative one is dropped (its eta set to 0) and the
//   model refitted; the dropped columns are reported.
//   Mb: 1, lists before the first capture, captures after the first.
//   Mbh: Mb + (not on list 1).
// N = n + exp(intercept) except for Mb and Mbh, where N is Rcapture's
// closed form in the coefficients. With 2 lists only M0, Mt and Mb exist.
//
// Fit statistics are R's glm ones (deviance, df = cells - rank, AIC with the
// log y! terms; BIC = AIC + (log n - 2) rank), and info_fit is Rcapture's
// infoFit code (0 = OK; see loglinear_fit.h; for Chao models the warnings of
// every refit count, as in Rcapture).
//
// Standard error of N: Rcapture's, sqrt(exp(b0) + exp(2 b0) var(b0)) for the
// models with N = n + exp(b0); for Mb and Mbh the delta method as Rcapture,
// sqrt(g' V g - N). Difference: for Mbh Rcapture's gradient component for the
// "captures after the first" coefficient omits a factor (the derivative of
// (1 + e^b3)^(t-1) multiplies the whole bracket); we use the exact gradient,
// so our Mbh standard error differs from Rcapture's.
//
// Intervals: Rcapture reports the multinomial profile-likelihood interval
// (closedpCI.t) for every model except Mb and Mbh, which get a Wald interval
// (wald_interval.h). basic_model_profile_interval refuses Mb/Mbh.
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "estimate/capture_table.h"
#include "estimate/profile_interval.h"

namespace uncounted {

enum class BasicModel {
  kM0,
  kMt,
  kMhChao,
  kMhPoisson2,
  kMhDarroch,
  kMhGamma35,
  kMthChao,
  kMthPoisson2,
  kMthDarroch,
  kMthGamma35,
  kMb,
  kMbh,
};

// Rcapture's row name: "M0", "Mh Chao (LB)", "Mth Gamma3.5", ...
const char* basic_model_name(BasicModel model);
// Accepts the row names and Rcapture's short names (M0, Mt, MhC, MhP, MhD,
// MhG, MthC, MthP, MthD, MthG, Mb, Mbh), case-sensitively. Errors: anything else.
Result<BasicModel> parse_basic_model(std::string_view name);
// The models closedp.t fits for `list_count` lists, in Rcapture's order:
// all 12 for 3 or more lists; M0, Mt, Mb for 2.
std::vector<BasicModel> basic_models_for(int list_count);
// Mb and Mbh have no profile-likelihood interval (Wald only).
bool has_profile_interval(BasicModel model);

struct BasicModelFit {
  BasicModel model = BasicModel::kM0;
  bool converged = false;
  int iterations = 0;
  double n_hat = 0;
  double n_hat_se = 0;
  double deviance = 0;
  int df = 0;
  int rank = 0;
  double loglik = 0;
  double aic = 0;
  double bic = 0;
  double bias = 0;    // Rcapture's asymptotic bias (NaN when not computed)
  int info_fit = 0;   // Rcapture's infoFit code
  std::vector<std::string> coefficient_names;  // Rcapture's: Intercept, beta, tau, eta3, ...
  std::vector<double> coefficients;            // of the final fit
  std::vector<std::string> removed_eta;        // Chao: eta columns dropped (neg = TRUE)
};

// Fits one model. Errors: a model that needs 3 or more lists on a 2-list
// table, or a numerical failure of the fit.
Result<BasicModelFit> fit_basic_model(const CaptureTable& table, BasicModel model);

// closedp.t: every model of basic_models_for(table.list_count()), in order.
Result<std::vector<BasicModelFit>> fit_basic_models(const CaptureTable& table);

// Index of the fit with the smallest AIC (aic = true) or BIC among converged
// fits with info_fit == 0 (or any converged fit when only_ok is false), as the
// reference runs choose. Criteria within 1e-9 (relative) count as tied and the
// first in Rcapture's order wins (with 3 lists the Poisson2, Darroch and
// Gamma3.5 variants are the same fit). Errors: no eligible fit.
Result<std::size_t> choose_basic_model(const std::vector<BasicModelFit>& fits, bool aic,
                                       bool only_ok = true);

// closedpCI.t's profile-likelihood interval for the model (Chao: negative
// eta dropped at every profile point, as Rcapture). Errors: Mb or Mbh, a
// design not of full rank, bad options.
Result<ProfileInterval> basic_model_profile_interval(const CaptureTable& table, BasicModel model,
                                                     const ProfileIntervalOptions& options = ProfileIntervalOptions());

}  // namespace uncounted
