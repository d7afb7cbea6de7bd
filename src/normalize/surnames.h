// The table of Korean family names (shared/data/korean/surnames.csv): South
// and North Hangul forms (이/리, 임/림, 유/류, 노/로, 양/량, ...), main
// hanja, romanisations, common spellings (Lee/Yi/Rhee/Ri, Park/Pak/Bak,
// Choi/Choe, ...), phonetic keys and approximate population.
//
// Built once from the CSV text (the caller reads the file; this module does
// no I/O) and then read-only.
// Errors: a missing required column or a row without a Hangul form is an
// Error naming the file, line and column.
// Thread safety: const member functions may be called concurrently.
// Lifetime: returned pointers point into the table and live as long as it.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.h"

namespace uncounted::normalize {

struct Surname {
  std::string hangul_south;            // canonical form, e.g. "이" (the surname's id)
  std::string hangul_north;            // e.g. "리" (equal to south where no law applies)
  std::string hanja;                   // main hanja, e.g. "李" (may be empty)
  std::vector<std::string> spellings;  // Latin spellings as written in the table
  std::vector<std::string> keys;       // phonetic keys of every spelling and romanisation
  double population_thousands = 0;     // 2015 census, approximate; 0 if unknown
};

class SurnameTable {
 public:
  // Parses the surnames.csv text; `file_name` is used only in messages.
  static Result<SurnameTable> parse(std::string_view csv_text, const std::string& file_name);

  // The entry whose South or North form (or hanja) is `text` (NFC UTF-8);
  // nullptr when unknown.
  const Surname* find_hangul(std::string_view text) const;

  // Entries with a Latin spelling equal to `spelling` after case folding and
  // removal of diacritics, apostrophes, hyphens and spaces ("Ch'oe" = "choe").
  // The Pinyin of the main hanja counts as a spelling (Jin -> 김, Cui -> 최).
  // Several entries can share a spelling (Jin: 김 by Pinyin, 진 by RR).
  std::vector<const Surname*> find_latin(std::string_view spelling) const;

  // Entries one of whose keys is `key` (see phonetic_key.h).
  std::vector<const Surname*> find_key(std::string_view key) const;

  // Share of the population carrying `s` (0..1), for term-frequency
  // adjustment; 0 when the population is unknown.
  double population_share(const Surname& s) const;

  const std::vector<Surname>& entries() const { return entries_; }

 private:
  std::vector<Surname> entries_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_hangul_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_latin_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_key_;
  double total_population_ = 0;
};

}  // namespace uncounted::normalize
