// The synthetic population: North Koreans arrested in China and returned,
// each with a name (Hangul, North forms; hanja), sex, birth year, home
// county and the dated steps of what happened to them. This is the truth
// the simulated sources report on.
//
// What is drawn, and from what (docs/SIMULATION.md has the sources and
// which numbers are assumptions):
// - family name by the 2015 census frequencies of surnames.csv (Kim, Lee,
//   Park about 45%); given name from weighted lists of common North Korean
//   names (about 75%) or composed from common syllables, so namesakes recur;
// - sex: female with probability `female_share`;
// - home county: a province by fixed shares weighted to North Hamgyong and
//   Ryanggang, then a county of it, border counties weighted three to one;
// - repatriation year by the shape of yearly arrivals in South Korea within
//   [first_year, last_year]; arrest 2-17 weeks earlier; the border crossing
//   months to years before that; age at repatriation about 31 +- 9;
// - detention after return: before October 2004 mostly short labour
//   training, after it often prison (kyohwaso) for years; it begins days
//   (holding centre) or one to four months (after interrogation) after the
//   repatriation. Its start is drawn from a stream of its own, so adding it
//   changed no other field.
//
// Thread safety: pure function of its arguments.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/partial_date.h"
#include "base/result.h"
#include "simulate/tables.h"

namespace uncounted::simulate {

struct Person {
  std::string person_id;            // "P000001", in order of generation
  std::string family_hangul;        // North form (리), as the person writes it
  std::string family_hangul_south;  // South form (이)
  std::string given_hangul;         // North form (련화)
  std::string family_hanja;         // traditional (李)
  std::string given_hanja;          // traditional (蓮花)
  std::string name_hanzi;           // simplified family + given (李莲花)
  char sex = 'F';                   // 'F' or 'M'
  int birth_year = 0;
  std::string origin_place_id;      // gazetteer id of the home city/county
  CivilDate border_crossing;
  CivilDate arrest;
  std::string arrest_place_id;      // "CN-Yanji", ...
  CivilDate repatriation;
  std::string handover_china_id;    // Chinese side of the route, "CN-Tumen"
  std::string handover_dprk_id;     // DPRK side, "KP-Namyang" or a county id
  std::string facility_type;        // jipkyulso, rodong_danryondae or kyohwaso
  int sentence_months = 0;          // 0 for no sentence
  CivilDate detention_start;        // when the detention in facility_type began
  double visibility = 0;            // standard-normal latent effect on capture
};

struct PopulationOptions {
  std::uint64_t seed = 1;
  int people = 3000;
  double female_share = 0.75;
  int first_year = 2000;  // repatriations from 1 January of this year
  int last_year = 2023;   // to 31 December of this one
  double common_name_share = 0.75;  // given names from the common list
};

// Errors: missing tables, people < 1, female_share outside [0,1],
// first_year > last_year or outside 1950-2100, or a table that lacks a
// place the simulator needs (names it).
Result<std::vector<Person>> generate_population(const PopulationOptions& options,
                                                const KoreanTables& tables);

}  // namespace uncounted::simulate
