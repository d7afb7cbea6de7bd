// For the simulator's tests only: the reference tables, loaded once from
// UNCOUNTED_SHARED_DATA (the shared data) and Debian's Unihan files.
#pragma once

#include <cstdlib>
#include <memory>
#include <string>

#include "base/csv_reader.h"
#include "normalize/bzip2.h"
#include "simulate/tables.h"

namespace uncounted::simulate::testing {

struct LoadedTables {
  normalize::SurnameTable surnames;
  normalize::Gazetteer gazetteer;
  normalize::HanjaReadings hanja;
  KoreanTables view() const { return {&surnames, &gazetteer, &hanja}; }
};

inline std::string shared_data_dir() {
  const char* env = std::getenv("UNCOUNTED_SHARED_DATA");
  return env != nullptr ? env : UNCOUNTED_SHARED_DATA;
}

inline std::string read_or_abort(const std::string& path) {
  auto text = read_file(path);
  if (!text) std::abort();
  return *text;
}

// Aborts when a file is missing: the tests cannot run without them.
inline const LoadedTables& tables() {
  static const std::unique_ptr<LoadedTables> loaded = [] {
    const std::string k = shared_data_dir() + "/korean/";
    auto surnames = normalize::SurnameTable::parse(read_or_abort(k + "surnames.csv"), "surnames.csv");
    auto gazetteer = normalize::Gazetteer::parse(
        read_or_abort(k + "kp_admin_gazetteer.csv"), "kp_admin_gazetteer.csv",
        read_or_abort(k + "china_border_places.csv"), "china_border_places.csv");
    auto readings = normalize::decompress_bzip2(read_or_abort(normalize::kDebianUnihanReadings));
    auto variants = normalize::decompress_bzip2(read_or_abort(normalize::kDebianUnihanVariants));
    if (!surnames || !gazetteer || !readings || !variants) std::abort();
    auto hanja = normalize::HanjaReadings::parse(*readings, *variants);
    if (!hanja) std::abort();
    return std::make_unique<LoadedTables>(
        LoadedTables{std::move(*surnames), std::move(*gazetteer), std::move(*hanja)});
  }();
  return *loaded;
}

}  // namespace uncounted::simulate::testing
