// Profile-likelihood confidence intervals for the population size N, as
// Rcapture's closedpCI.t computes them (Cormack 1992; Rivest & Lévesque 2001):
// for a fixed N the unobserved cell is set to n0 = N - n and the log-linear
// model is fitted to the complete 2^k table; the multinomial profile
// log-likelihood of N is
//     l(N) = -D(N)/2 + n0 log n0 - log n0! + log N! - N log N,
// with D(N) that fit's Poisson deviance. N_max maximises l over
// [n, 1.5 N_hat]; the interval is {N : l(N) >= l(N_max) - chi2_{1,level}/2},
// its ends found by root finding in [n, N_max] and [N_max, f N_hat]
// (f = max_upper_factor, Rcapture's fmaxSupCL = 3).
//
// Where we differ from Rcapture: Rcapture replaces the log-factorial terms by
// Stirling's approximation when N > 100; we evaluate them exactly (lgamma).
// The intervals agree with Rcapture's to well under 1% on every reference
// dataset. Our optimiser and root finder are our own (golden section and
// Illinois false position, tolerance 1e-4 in N as Rcapture's), so the last
// digits may differ.
//
// When the lower equation has no root in [n, N_max] the lower limit is n
// itself (lower_at_observed); when the upper equation has no root below
// f N_hat the upper limit is reported as not finite (upper_finite = false,
// upper = +infinity): the profile likelihood stays above the cut-off, as for
// the NewOrl closedp.t best-AIC model and every Artificial_3 model.
//
// Thread safety: pure functions.
#pragma once

#include "base/result.h"
#include "estimate/capture_table.h"
#include "estimate/loglinear_model.h"

namespace uncounted {

struct ProfileIntervalOptions {
  double level = 0.95;             // in (0, 1)
  double max_upper_factor = 3.0;   // Rcapture's fmaxSupCL: upper search ends at this times N_hat
  double tolerance = 1e-4;         // absolute tolerance in N (Rcapture: 1e-4)
};

struct ProfileInterval {
  double level = 0.95;
  double n_max = 0;              // maximiser of the multinomial profile likelihood
  double loglik_max = 0;         // l(n_max) (up to a constant in the data)
  double lower = 0;
  double upper = 0;              // +infinity when !upper_finite
  bool lower_at_observed = false;  // no root below N_max: lower = n
  bool upper_finite = true;
  int evaluations = 0;           // profile fits made
};

// The profile interval for `model` on `table`.
// Errors: a model on a different number of lists; a design that is not of
// full rank (Rcapture refuses these too: N is not identifiable); level outside
// (0, 1) or max_upper_factor <= 1; a fit that fails numerically.
Result<ProfileInterval> profile_interval(const CaptureTable& table, const LoglinearModel& model,
                                         const ProfileIntervalOptions& options = ProfileIntervalOptions());

}  // namespace uncounted
