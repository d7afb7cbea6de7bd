#include "estimate/profile_interval.h"

#include <string>

#include "estimate/internal/loglinear_design.h"
#include "estimate/internal/profile_likelihood.h"
#include "estimate/loglinear_fit.h"

namespace uncounted {

Result<ProfileInterval> profile_interval(const CaptureTable& table, const LoglinearModel& model,
                                         const ProfileIntervalOptions& options) {
  auto fit = fit_loglinear(table, model);
  if (!fit) return tl::unexpected(fit.error());
  if (fit->rank < static_cast<int>(fit->coefficients.size()))
    return fail("model " + model.rcapture_name() +
                ": the design is not of full rank, so N has no profile likelihood interval");
  const Eigen::MatrixXd design = internal::loglinear_design(table.list_count(), model.terms());
  const Eigen::VectorXd y = internal::observable_counts(table);
  PoissonGlmOptions glm_options;
  glm_options.want_covariance = false;
  internal::MultinomialProfile profile(design, y, [glm_options](const Eigen::MatrixXd& x, const Eigen::VectorXd& counts) {
    return fit_poisson_glm(x, counts, Eigen::VectorXd(), glm_options);
  });
  return internal::search_profile_interval(profile, fit->n_hat, options);
}

}  // namespace uncounted
