// What produced a result: uncounted's version and the versions of the
// libraries that compute it. Every estimate and report records this
// (DESIGN.md section 9) so that a number can be reproduced later.
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace uncounted {

// uncounted's own version, e.g. "0.1.0".
std::string uncounted_version();

// (library, version) pairs, e.g. {"Eigen", "3.4.0"}, in a fixed order.
std::vector<std::pair<std::string, std::string>> dependency_versions();

}  // namespace uncounted
