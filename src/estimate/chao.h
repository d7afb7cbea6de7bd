// Chao's lower bound on the population size, a sanity check beside the
// model-based estimates (it needs no model choice).
//
// With f_i the number of people seen by exactly i of the k lists and n the
// number observed (Chao 1987, Biometrics 43:783-791; Chao 1989, Biometrics
// 45:427-438):
//   f2 > 0:  N = n + f1^2 / (2 f2)                      (classic form)
//   f2 = 0:  N = n + f1 (f1 - 1) / 2                    (bias-corrected form,
//            the f2 = 0 case of n + f1 (f1 - 1) / (2 (f2 + 1)); finite)
// We use the classic form whenever it is defined, because that is the lower
// bound Chao derived and the one MSE practitioners quote; the bias-corrected
// form is used only when f2 = 0 makes the classic one infinite. We omit the
// small-sample factor (k - 1) / k of later papers, which matters only for
// very few lists. The bound is a lower bound under heterogeneous capture
// probabilities: a population estimate below it deserves a second look.
//
// Interval: the conventional one of Chao (1987), log-normal on the unseen
// count f0 = N - n so that the lower end is never below n:
//   [n + f0 / C, n + f0 C],  C = exp(z sqrt(log(1 + var / f0^2))),
// with z the normal quantile of the level and
//   f2 > 0:  var = f2 (r^4 / 4 + r^3 + r^2 / 2),  r = f1 / f2   (Chao 1987)
//   f2 = 0:  var = f1 (f1 - 1) / 2 + f1 (2 f1 - 1)^2 / 4 - f1^4 / (4 N)
//            (the usual f2 = 0 variance, as in EstimateS / Chao 2005).
// When f0 = 0 (no one seen once; or f1 = 1 and f2 = 0) the interval is [n, n].
//
// Thread safety: pure function.
#pragma once

#include <cstdint>

#include "base/result.h"
#include "estimate/capture_table.h"

namespace uncounted {

struct ChaoLowerBound {
  std::int64_t observed = 0;  // n
  std::int64_t f1 = 0;        // seen by exactly one list
  std::int64_t f2 = 0;        // seen by exactly two lists
  bool bias_corrected = false;  // true when f2 = 0 forced the bias-corrected form
  double unobserved = 0;      // f0
  double n_hat = 0;           // n + f0
  double variance = 0;        // of n_hat (equivalently of f0)
  double lower = 0;
  double upper = 0;
  double level = 0.95;
};

// Errors: level not strictly between 0 and 1.
Result<ChaoLowerBound> chao_lower_bound(const CaptureTable& table, double level = 0.95);

}  // namespace uncounted
