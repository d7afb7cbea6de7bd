#include "app/build_info.h"

#include <Eigen/Core>
#include <boost/version.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

namespace uncounted {

#ifndef UNCOUNTED_VERSION
#error "UNCOUNTED_VERSION must be defined by the build"
#endif

std::string uncounted_version() { return UNCOUNTED_VERSION; }

std::vector<std::pair<std::string, std::string>> dependency_versions() {
  return {
      {"Eigen", fmt::format("{}.{}.{}", EIGEN_WORLD_VERSION, EIGEN_MAJOR_VERSION, EIGEN_MINOR_VERSION)},
      {"Boost", fmt::format("{}.{}.{}", BOOST_VERSION / 100000, BOOST_VERSION / 100 % 1000, BOOST_VERSION % 100)},
      {"nlohmann_json", fmt::format("{}.{}.{}", NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR,
                                    NLOHMANN_JSON_VERSION_PATCH)},
      {"fmt", fmt::format("{}", FMT_VERSION)},
      {"compiler", __VERSION__},
  };
}

}  // namespace uncounted
