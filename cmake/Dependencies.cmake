# Every third-party dependency of uncounted, from Debian 12 packages only
# (see DESIGN.md section 8). Modules link the imported targets named here.
find_package(Threads REQUIRED)
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(tl-expected REQUIRED)
find_package(fmt REQUIRED)
find_package(Boost 1.74 REQUIRED)  # header-only parts: Boost.Random, Boost.Math

if(UNCOUNTED_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(UNCOUNTED_BUILD_BENCHMARKS)
  find_package(benchmark REQUIRED)
endif()
