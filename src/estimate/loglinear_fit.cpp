#include "estimate/loglinear_fit.h"

#include <cmath>
#include <string>

#include "estimate/internal/loglinear_design.h"
#include "estimate/poisson_glm.h"

namespace uncounted {

Result<LoglinearFit> fit_loglinear(const CaptureTable& table, const LoglinearModel& model) {
  if (model.list_count() != table.list_count())
    return fail("model " + model.rcapture_name() + " is on " + std::to_string(model.list_count()) +
                " lists but the table has " + std::to_string(table.list_count()));
  const Eigen::MatrixXd design = internal::loglinear_design(table.list_count(), model.terms());
  const Eigen::VectorXd y = internal::observable_counts(table);
  auto glm = fit_poisson_glm(design, y);
  if (!glm) return tl::unexpected(glm.error());

  LoglinearFit fit;
  fit.converged = glm->converged;
  fit.iterations = glm->iterations;
  fit.intercept = glm->coefficients(0);
  fit.unobserved = std::exp(fit.intercept);
  fit.n_hat = static_cast<double>(table.observed()) + fit.unobserved;
  const double var0 = glm->covariance(0, 0);
  fit.intercept_se = std::sqrt(var0);
  // Rcapture's getN: var(N) = exp(b0) + exp(2 b0) var(b0) (the first term is
  // the Poisson variation of the unobserved count itself).
  fit.n_hat_se = std::sqrt(fit.unobserved + fit.unobserved * fit.unobserved * var0);
  fit.deviance = glm->deviance;
  fit.rank = glm->rank;
  fit.df = glm->df_residual;
  fit.loglik = glm->loglik;
  fit.aic = glm->aic;
  // Rcapture: BIC = AIC + (log n - 2) rank, n = people observed.
  fit.bic = glm->aic + (std::log(static_cast<double>(table.observed())) - 2.0) * glm->rank;
  fit.coefficients.assign(glm->coefficients.data(), glm->coefficients.data() + glm->coefficients.size());
  fit.fitted.resize(table.cell_count());
  fit.fitted[0] = fit.unobserved;
  for (Eigen::Index r = 0; r < glm->fitted.size(); ++r) fit.fitted[static_cast<std::size_t>(r + 1)] = glm->fitted(r);
  fit.aliased = glm->aliased;
  fit.fitted_rates_zero = glm->fitted_rates_zero;
  fit.bias = internal::rcapture_bias(*glm, design);
  const bool biased = std::isfinite(fit.bias) && std::abs(fit.bias) > 0.1 * fit.n_hat;
  fit.info_fit = internal::rcapture_info_fit(!fit.converged || biased, fit.rank < design.cols(),
                                             fit.fitted_rates_zero);
  return fit;
}

}  // namespace uncounted
