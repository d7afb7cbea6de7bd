// Model-conditional lognormal interval for a population size, as SparseMSE's
// estimatepopulation.0 reports it: the log of the unobserved count (the
// fitted all-zero cell, exp(intercept)) is taken as normal with the
// intercept's estimate and asymptotic standard error, and its quantiles are
// shifted by the number observed:
//     N_q = n + exp(intercept + z_q * se(intercept)).
// The interval is equal-tailed; the point estimate n + exp(intercept) is its
// median. It ignores model-selection uncertainty (hence "model-conditional";
// SparseMSE's bootstrap is the wider alternative).
//
// Thread safety: pure function.
#pragma once

#include <cstdint>

#include "base/result.h"

namespace uncounted {

struct LognormalInterval {
  double estimate = 0;  // n + exp(intercept)
  double lower = 0;     // n + exp(intercept - z se)
  double upper = 0;     // n + exp(intercept + z se)
  double level = 0.95;
};

// Errors: level not in (0, 1), a non-finite intercept, a negative or
// non-finite standard error, a negative observed count.
Result<LognormalInterval> lognormal_interval(std::int64_t observed, double intercept,
                                             double intercept_se, double level = 0.95);

}  // namespace uncounted
