// Wald (normal-approximation) interval N_hat -/+ z_{(1+level)/2} se, as
// Rcapture prints for models without a profile likelihood (Mb, Mbh) and
// closedp.t's default output.
//
// Thread safety: pure function.
#pragma once

namespace uncounted {

struct WaldInterval {
  double level = 0.95;
  double lower = 0;
  double upper = 0;
};

// Precondition: 0 < level < 1 (else both ends are NaN). A NaN se gives NaN ends.
WaldInterval wald_interval(double n_hat, double se, double level = 0.95);

}  // namespace uncounted
