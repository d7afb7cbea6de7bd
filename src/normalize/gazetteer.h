// Place normalisation: any spelling of a North Korean province or
// city/county, or of a Chinese border town, maps to one place id.
//
// Sources: shared/data/korean/kp_admin_gazetteer.csv (11 provinces, 179
// cities/counties) and china_border_places.csv (Yalu/Tumen towns, and the
// Chinese names of DPRK border places, which join the DPRK place).
//
// Ids: a city/county keeps its open-admin-data id (회령시 -> "KP0203"); a
// province takes the two-digit prefix its units share (량강도 -> "KP01");
// a Chinese place is "CN-" + its Pinyin (丹东 -> "CN-Dandong"); a DPRK
// place known only from the Chinese list is "KP-" + its DPRK spelling.
//
// Spellings accepted: Hangul (North or South form: 량강도 / 양강도), hanja or
// hanzi (traditional or simplified: 會寧 / 会宁), any romanisation (RR, MR
// with or without breves, DPRK, the gazetteer's ASCII variants, Pinyin with
// or without tones), with or without a generic ("Hoeryong City",
// "Hoeryŏng-si", "회령시", "Hamgyŏng-bukto", "North Hamgyong"). Latin
// spellings that match no listed form are tried by phonetic key, which
// accepts unassimilated forms (Rangrim = Rangnim, Kabsan = Kapsan).
//
// Built once from the CSV texts (callers read the files; no I/O here),
// then read-only. Errors: a missing column or an unreadable row is an Error
// naming file, line and column.
// Thread safety: const member functions may be called concurrently.
// Lifetime: returned pointers point into the gazetteer.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.h"

namespace uncounted::normalize {

struct Place {
  std::string id;         // see above
  std::string country;    // "KP" or "CN"
  std::string level;      // "province", "city/county", or "place" (Chinese list)
  std::string hangul;     // full Hangul name (회령시), North form for DPRK places
  std::string name;       // a display romanisation (DPRK simplified, or Pinyin)
  std::string parent_id;  // the province of a city/county; "" otherwise
};

// How a spelling was matched.
enum class PlaceMatch {
  kNone,      // no place has this spelling
  kSpelling,  // a listed or generated spelling, Hangul or hanzi
  kKey,       // only by phonetic key (less certain)
};

class Gazetteer {
 public:
  static Result<Gazetteer> parse(std::string_view kp_admin_csv, const std::string& kp_file_name,
                                 std::string_view china_places_csv,
                                 const std::string& china_file_name);

  // Every place `spelling` may name, best first. `how` (optional) receives
  // the kind of match. Invalid UTF-8 or an unknown spelling give {}.
  std::vector<const Place*> lookup(std::string_view spelling, PlaceMatch* how = nullptr) const;

  // The one place `spelling` names, or nullptr when it is unknown or
  // ambiguous. A province and one of its own cities with the same name
  // (평양직할시 / 평양시) resolve to the city unless a province generic was
  // written ("Pyongyang" -> KP1001, "평양직할시" -> the province).
  const Place* resolve(std::string_view spelling) const;

  const Place* find_id(std::string_view id) const;
  const std::vector<Place>& places() const { return places_; }

 private:
  std::size_t add_place(Place p);
  void add_spelling(std::size_t place, std::string_view spelling);

  std::vector<Place> places_;
  std::unordered_map<std::string, std::size_t> by_id_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_form_;  // "h:", "z:", "l:" forms
  std::unordered_map<std::string, std::vector<std::size_t>> by_key_;
};

}  // namespace uncounted::normalize
