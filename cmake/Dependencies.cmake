# Every third-party dependency of uncounted, from Debian 12 packages only
# (see DESIGN.md section 8). Modules link the imported targets named here.
find_package(Threads REQUIRED)
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(tl-expected REQUIRED)
find_package(fmt REQUIRED)
find_package(Boost 1.74 REQUIRED)  # header-only parts: Boost.Random, Boost.Math
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)  # NFC, case folding, scripts (normalize)
find_package(BZip2 REQUIRED)  # reads Debian's Unihan_*.txt.bz2 (normalize)
find_package(SQLite3 3.40 REQUIRED)  # the case store, held in memory (deserialize/serialize)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium>=1.0.18)  # sealing, Argon2id
find_path(KAINJOW_MUSTACHE_INCLUDE_DIR kainjow/mustache.hpp REQUIRED)  # HTML-escaping templates (report)

if(UNCOUNTED_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(UNCOUNTED_BUILD_BENCHMARKS)
  find_package(benchmark REQUIRED)
endif()
