// The fixed tables the simulator draws from: common North Korean given names
// (North Hangul forms, weighted), syllables for rarer composed names, hanja
// for every given-name syllable (traditional and simplified forms), Chinese
// border towns and the handover points of repatriation, and weights for
// provinces and years. See docs/SIMULATION.md for where the weights come
// from; most are assumptions and are marked as such there.
//
// Thread safety: constant data.
#pragma once

#include <span>
#include <string_view>

namespace uncounted::simulate::internal {

struct WeightedName {
  std::string_view hangul;  // North form (련화, 룡철)
  double weight;
};

// Whole given names, by sex, most common first.
std::span<const WeightedName> common_female_names();
std::span<const WeightedName> common_male_names();

// Syllables for composed (rarer) names: first and second syllable, by sex.
std::span<const std::string_view> female_first_syllables();
std::span<const std::string_view> female_second_syllables();
std::span<const std::string_view> male_first_syllables();
std::span<const std::string_view> male_second_syllables();

struct SyllableHanja {
  std::string_view hangul;       // one syllable
  std::string_view traditional;  // one or more characters, '|' separated
  std::string_view simplified;   // the same characters, simplified, '|' separated
};
// Hanja for every syllable used in given names; nullptr when none is listed.
const SyllableHanja* syllable_hanja(std::string_view syllable);
std::span<const SyllableHanja> all_syllable_hanja();

// South Korean spellings of a surname (South Hangul form), the usual one
// first ("Lee|Yi|Rhee"); "" when not listed.
std::string_view south_surname_spellings(std::string_view hangul_south);

// Simplified form of a surname's hanja (the hanja itself when it has none).
std::string_view simplified_surname_hanja(std::string_view traditional);
// Pinyin a Chinese document uses for a Korean surname's hanja where Unihan's
// first kMandarin reading is not the surname reading (朴 -> Piáo); "" if none.
std::string_view surname_pinyin_override(std::string_view traditional);

struct ChineseTown {
  std::string_view pinyin;         // as the gazetteer knows it (its id is CN-<pinyin>)
  std::string_view hanzi;          // simplified
  std::string_view hangul_north;   // Korean reading, North form
  std::string_view hangul_south;   // Korean reading, South form
  double arrest_weight;            // share of arrests (assumption)
};
std::span<const ChineseTown> chinese_towns();

// A repatriation route: the Chinese town where people are handed over and
// the DPRK place across the river.
struct HandoverPoint {
  std::string_view china_pinyin;
  std::string_view dprk_hangul;  // resolvable by the gazetteer (남양 is KP-Namyang)
  std::string_view dprk_hanzi;   // the Chinese name of the DPRK place, simplified
};
std::span<const HandoverPoint> handover_points();
// Route weights for people from a province (its Hangul name), one per
// handover point.
std::span<const double> handover_weights(std::string_view province_hangul);

// Share of people from each province (Hangul name as in the gazetteer).
struct ProvinceWeight {
  std::string_view hangul;
  double weight;
};
std::span<const ProvinceWeight> province_weights();
// True for cities/counties on the Tumen or Yalu border (weighted up).
bool is_border_county(std::string_view hangul);
// Simplified Chinese name of a DPRK county or province, "" if not listed.
std::string_view dprk_place_hanzi(std::string_view hangul);

// Relative weight of a repatriation in `year` (shape only; see the doc).
double year_weight(int year);

}  // namespace uncounted::simulate::internal
